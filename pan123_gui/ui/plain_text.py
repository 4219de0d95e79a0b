"""Server text on screen is plain text, never Qt rich text.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``): a file name, a share name or a server message
such as ``<img src=…>`` or ``<a href=…>`` would be rendered as HTML in a tooltip, a label or a message box. Labels and
message boxes that show such text are set to :data:`PLAIN`; tooltips (which have no format setting) get the text
escaped into a paragraph by :func:`tooltip`, so it shows exactly as written. Item views whose rows come from the
server (names, messages) show their tooltips through :class:`PlainToolTips`, which does that for every row.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QToolTip

__all__ = ["PLAIN", "PlainToolTips", "plain_only", "tooltip"]

PLAIN = Qt.TextFormat.PlainText

_Shown = TypeVar("_Shown", QLabel, QMessageBox)


def plain_only(widget: _Shown) -> _Shown:
    """``widget`` (a label or a message box: its text and informative text) set to show plain text only."""
    widget.setTextFormat(PLAIN)
    return widget


def tooltip(text: object) -> object:
    """A tooltip value that shows ``text`` as written (markup escaped); anything else (None, empty) unchanged."""
    if not isinstance(text, str) or not text:
        return text
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


class PlainToolTips(QObject):
    """Shows an item view's row tooltips as plain text (install with :meth:`install`)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    @classmethod
    def install(cls, view: QAbstractItemView) -> PlainToolTips:
        tips = cls(view)
        view.viewport().installEventFilter(tips)
        return tips

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        index = self._view.indexAt(event.pos())
        text = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        if isinstance(text, str) and text:
            QToolTip.showText(
                event.globalPos(), str(tooltip(text)), self._view.viewport(), self._view.visualRect(index)
            )
        else:
            QToolTip.hideText()
            event.ignore()
        return True
