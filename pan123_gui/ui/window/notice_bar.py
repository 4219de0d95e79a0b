"""The dismissable strip at the top of the window that shows one :class:`~pan123_gui.ui.window.notices.Notice`.

Colours come from the palette (AlternateBase + a frame), the icon from the style, so it fits light and dark themes.
What each notice says and offers is in ``notices.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget

from pan123_gui.ui.window.notices import Detail, Fix, Notice
from pan123_gui.ui.wording import window as w


class NoticeBar(QFrame):
    def __init__(self, on_fix: Callable[[Fix], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_fix = on_fix
        self._detail: Detail | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.current: Notice | None = None
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
        if self.current is not None:
            self.show_notice(self.current, self._detail)

    def show_notice(self, notice: Notice, detail: Detail | None = None) -> None:
        """Show (or replace) the notice with its text and buttons; ``detail`` is rendered now and on retranslate."""
        self.current = notice
        self._detail = detail
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) * 2
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(warning.pixmap(extent, extent))
        text = notice.text(detail)
        self.text.setText(text)
        self.setAccessibleDescription(text)
        for button in self.buttons:
            self._button_row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for fix in notice.fixes():
            button = QPushButton(fix.label(), self)
            button.setAccessibleName(w.plain(fix.label()))
            button.setAutoDefault(False)
            button.setProperty("fix", fix.value)
            button.clicked.connect(self._on_button_clicked)
            self._button_row.addWidget(button)
            self.buttons.append(button)
        self.setVisible(True)

    def _on_button_clicked(self) -> None:
        sender = self.sender()
        if isinstance(sender, QPushButton):
            self._on_fix(Fix(sender.property("fix")))

    def _on_close_clicked(self) -> None:
        self.dismiss()

    def dismiss(self, notice: Notice | None = None) -> None:
        """Hide the notice (only if it is ``notice``, when given)."""
        if notice is not None and notice is not self.current:
            return
        self.current = None
        self._detail = None
        self.setVisible(False)
