"""The account's shares as a table model (name, link, code, expiry, downloads): one model, not a widget per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from pan123_gui.core.shares import ShareInfo
from pan123_gui.ui.wording import shares as words

COL_NAME, COL_LINK, COL_CODE, COL_EXPIRES, COL_DOWNLOADS = range(5)
_Index = QModelIndex | QPersistentModelIndex


class SharesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shares: list[ShareInfo] = []

    def set_shares(self, shares: Sequence[ShareInfo]) -> None:
        self.beginResetModel()
        self._shares = list(shares)
        self.endResetModel()

    def share_at(self, row: int) -> ShareInfo | None:
        return self._shares[row] if 0 <= row < len(self._shares) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._shares)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (words.column_name, words.column_link, words.column_code, words.column_expires, words.column_downloads)
        return titles[section]() if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        share = self.share_at(index.row()) if index.isValid() else None
        if share is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_NAME:
                return share.name
            if column == COL_LINK:
                return share.url
            if column == COL_CODE:
                return share.password or ""
            if column == COL_EXPIRES:
                if share.expired:
                    return words.expired()
                if share.expires_at is None or share.expires_at.year >= 2099:
                    return words.never()
                return share.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if column == COL_DOWNLOADS:
                return str(share.download_count)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_DOWNLOADS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self._shares:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._shares) - 1, 4))
