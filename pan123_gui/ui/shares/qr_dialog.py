"""A QR code of one link at a size phones scan easily, with "Save as PNG…" and "Copy image"."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.core.links import is_http_link
from pan123_gui.core.qr import DEFAULT_BORDER, qr_matrix, qr_png
from pan123_gui.ui.plain_text import plain_only
from pan123_gui.ui.wording import dialogs as dialog_words
from pan123_gui.ui.wording import shares as words

SHOWN_PIXELS = 300  # at least this wide on screen: big enough for any phone camera at arm's length
SAVED_SCALE = 12  # pixels per module in a saved or copied image (sharp when printed or forwarded)


def scale_for(text: str, pixels: int = SHOWN_PIXELS) -> int:
    """Whole pixels per module so the code with its quiet zone is at least ``pixels`` wide."""
    modules = len(qr_matrix(text)) + 2 * DEFAULT_BORDER
    return max(2, math.ceil(pixels / modules))


class QrDialog(QDialog):
    """``QrDialog(link)``: the code (the link's text as it is), the link under it, save and copy."""

    def __init__(self, link: str, parent: QWidget | None = None, *, title: str | None = None) -> None:
        super().__init__(parent)
        if not is_http_link(link):
            raise ValueError("only http(s) links get a QR code")
        self.link = link
        self.setWindowTitle(title or words.qr_title())
        layout = QVBoxLayout(self)
        self.code = plain_only(QLabel(self))  # the share code and link, as written
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(words.qr_title())
        self.code.setPixmap(QPixmap.fromImage(self.image(scale_for(link))))
        layout.addWidget(self.code)
        self.link_label = plain_only(QLabel(link, self))
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_label.setWordWrap(True)
        self.link_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.link_label)
        self.hint = QLabel(words.qr_hint(), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.status = plain_only(QLabel("", self))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(words.qr_save(), self)
        self.copy_button = QPushButton(words.qr_copy(), self)
        self.close_button = buttons.addButton(dialog_words.close(), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_png)
        self.copy_button.clicked.connect(self.copy_image)
        layout.addWidget(buttons)
        self.copy_button.setFocus()

    def image(self, scale: int = SAVED_SCALE) -> QImage:
        image = QImage.fromData(self.png(scale))  # PNG, recognised by its signature
        return image.convertToFormat(QImage.Format.Format_RGB32)

    def png(self, scale: int = SAVED_SCALE) -> bytes:
        return qr_png(self.link, scale=scale)

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())
        self.status.setText(words.qr_image_copied())

    def save_png(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, words.qr_save_title(), "qr-code.png", words.qr_png_filter())
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        try:
            path.write_bytes(self.png())
        except OSError as exc:
            self.status.setText(words.qr_save_failed(exc.strerror or type(exc).__name__))
            return False
        self.status.setText(words.qr_saved(str(path)))
        return True
