"""The "Your files" tree view: a folder's items arriving lay out only that folder's rows.

Qt's QTreeView lays out every open row again (through the Python model) when rows are inserted under an open
folder; with thousands of files open that stalls the window for a tenth of a second and more per folder. Here a
folder that was open and empty and now got its items is closed and opened again instead, which lays out just its
own rows. The model only ever inserts a folder's items in one go into an empty folder, so this is that case.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QTreeView

__all__ = ["DriveTreeView"]


class DriveTreeView(QTreeView):
    def rowsInserted(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        model = self.model()
        if (
            model is not None
            and parent.isValid()
            and parent.column() == 0
            and start == 0
            and model.rowCount(parent) == end + 1
            and self.isExpanded(parent)
        ):
            QAbstractItemView.rowsInserted(self, parent, start, end)
            blocked = self.blockSignals(True)  # the user did not close or open anything
            try:
                self.collapse(parent)
                self.expand(parent)
            finally:
                self.blockSignals(blocked)
            return
        super().rowsInserted(parent, start, end)
