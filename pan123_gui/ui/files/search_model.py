"""Search hits as a flat table: name (with a check box), folder path, size."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from pan123_gui.core.ids import Ref
from pan123_gui.core.listing import ListedFile
from pan123_gui.ui.wording import files as wording
from pan123_gui.ui.wording.errors import format_size

__all__ = ["SearchModel"]

NAME, FOLDER, SIZE = range(3)
ModelIndex = QModelIndex | QPersistentModelIndex


class SearchModel(QAbstractTableModel):
    checksChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[ListedFile] = []
        self._checked: set[int] = set()

    def set_hits(self, hits: Sequence[ListedFile]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._checked.clear()
        self.endResetModel()
        self.checksChanged.emit()

    def hits(self) -> list[ListedFile]:
        return list(self._hits)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (wording.column_name(), wording.column_folder(), wording.column_size())[section]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        hit = self._hits[index.row()]
        if index.column() == NAME and (hit.is_folder or not hit.blocked):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return hit.name
            if column == FOLDER:
                return hit.folder_path or wording.top_of_drive()
            return "" if hit.is_folder else format_size(hit.size)
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME:
            return Qt.CheckState.Checked if hit.file_id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return wording.blocked() if hit.blocked else hit.path
        if role == Qt.ItemDataRole.AccessibleTextRole and column == NAME:
            if hit.is_folder:
                return wording.folder_row(hit.name)
            return wording.file_row(hit.name, format_size(hit.size))
        if role == Qt.ItemDataRole.ForegroundRole and column == FOLDER:
            from PySide6.QtGui import QPalette

            return QPalette().brush(QPalette.ColorGroup.Normal, QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != NAME:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        file_id = self._hits[index.row()].file_id
        if state == Qt.CheckState.Unchecked:
            self._checked.discard(file_id)
        else:
            self._checked.add(file_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checksChanged.emit()
        return True

    def chosen_folders(self) -> list[tuple[int, str]]:
        """(ID, path) of the ticked folders."""
        return [(h.file_id, h.path) for h in self._hits if h.file_id in self._checked and h.is_folder]

    def chosen(self) -> list[Ref]:
        return [Ref(h.file_id, h.is_folder) for h in self._hits if h.file_id in self._checked]
