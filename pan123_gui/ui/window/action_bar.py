"""The row of list actions under the results (Copy all links, Copy failed IDs, Retry failed, …).

Each button shows a window QAction (``setDefaultAction``), so text, icon, tooltip and enabled state have one
source and the same command works from the menu, the button and its shortcut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from pan123_gui.ui.wording import window as w


class ActionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[QAction, QToolButton] = {}
        self.retranslate()

    def add(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAutoRaise(False)
        self._layout.addWidget(button)
        self.buttons[action] = button
        action.changed.connect(self.retranslate)
        return button

    def add_stretch(self) -> None:
        self._layout.addStretch(1)

    def retranslate(self) -> None:
        self.setAccessibleName(w.actions_accessible())
        for action, button in self.buttons.items():
            button.setAccessibleName(action.iconText())
            button.setAccessibleDescription(action.toolTip())
