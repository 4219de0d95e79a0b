"""A dismissable notice strip at the top of the window (no credentials, no sign key, token refused …).

It is not a dialog: the window stays usable and the buttons lead straight to the fix. Colours come from the
palette (AlternateBase + a frame), the icon from the style, so it fits light and dark themes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget

from pan123_gui.ui.wording import window as w

NoticeButton = tuple[str, Callable[[], None]]


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.key: str | None = None
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.text, 1)
        self._button_row = QHBoxLayout()
        self._layout.addLayout(self._button_row)
        self._layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(w.banner_accessible())
        self.close_button.setToolTip(w.banner_close())
        self.close_button.setAccessibleName(w.banner_close())

    def show_notice(self, key: str, text: str, buttons: Sequence[NoticeButton] = (), *, warning: bool = True) -> None:
        """Show (or replace) the notice; ``key`` names it so the window can hide or refresh it later."""
        self.key = key
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning if warning else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) * 2
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(extent, extent))
        self.text.setText(text)
        self.setAccessibleDescription(text)
        for button in self.buttons:
            self._button_row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for label, slot in buttons:
            button = QPushButton(label, self)
            button.setAccessibleName(w.plain(label))
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self._button_row.addWidget(button)
            self.buttons.append(button)
        self.setVisible(True)

    def _on_close_clicked(self) -> None:
        self.dismiss()

    def dismiss(self, key: str | None = None) -> None:
        """Hide the notice (only if it is ``key``, when given)."""
        if key is not None and key != self.key:
            return
        self.key = None
        self.setVisible(False)
