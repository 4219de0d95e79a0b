"""The results table: one row per file ID, its status, link and expiry (a Qt table model, no widget per row).

Rows are keyed by file ID (``dict`` id → row), so a result updates its row in O(1) and a retry never adds a second
row. Updates come in batches (:meth:`ResultsModel.apply_results`) and are announced with one ``dataChanged`` per
block of consecutive rows (never a reset), which keeps 10,000 rows cheap. Everything shown is translated wording from
:mod:`pan123_gui.ui.wording.errors`; the model never shows a raw exception.

The model sorts itself (:meth:`ResultsModel.sort`): the sort keys are computed once per row in Python, ``sorted()``
orders them and the rows are moved in one layout change, instead of a sorting proxy calling the Python ``data()`` twice
per comparison (5-9 s for 100,000 rows). Row numbers are therefore the shown order; the input order (the order the
IDs were given in) is kept beside it: :meth:`ids_in_input_order`, :meth:`results`, :meth:`successful_links` and
:meth:`failed_ids` are in input order whatever the sort, and :meth:`in_input_order` orders any row numbers that way.

Use from the GUI thread only. Behind a proxy, map indexes with ``mapToSource`` before calling
:meth:`ResultsModel.link_at` and friends, or read the roles (``index.data(ResultsModel.LinkRole)``).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.links import readable_link
from pan123_gui.core.printable import visible
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.wording import spaces as space_words
from pan123_gui.ui.wording.errors import (
    error_text,
    error_tooltip,
    failed_label,
    format_size,
    status_text,
)

if TYPE_CHECKING:  # datetime and core.models are imported on first use, after the window is on screen
    from datetime import datetime

    from pan123_gui.core.models import LinkResult

CONTEXT = "results"
translate = QCoreApplication.translate  # lupdate reads literal translate("results", "...") calls


COL_ID, COL_NAME, COL_SIZE, COL_STATUS, COL_LINK, COL_EXPIRES, COL_FOLDER = range(7)
COLUMN_COUNT = 7  # the view shows Folder right after Name (a visual move; the model keeps this order)

_HEADERS = (
    QT_TRANSLATE_NOOP("results", "ID"),
    QT_TRANSLATE_NOOP("results", "Name"),
    QT_TRANSLATE_NOOP("results", "Size"),
    QT_TRANSLATE_NOOP("results", "Status"),
    QT_TRANSLATE_NOOP("results", "Link"),
    QT_TRANSLATE_NOOP("results", "Expires"),
    QT_TRANSLATE_NOOP("results", "Folder"),
)
_TOP_OF_DRIVE = QT_TRANSLATE_NOOP("results", "(top of the drive)")  # the Folder cell of a file in no folder

# Mid-tone colours that read on light and dark palettes; the status text always says the same thing in words.
_STATUS_COLOURS: dict[RowStatus, str] = {
    RowStatus.OK: "#2e9e5b",
    RowStatus.FAILED: "#d9534f",
    RowStatus.CANCELLED: "#8c8c8c",
    RowStatus.EXPIRED: "#d39e00",
}

# Sorting the Status column puts problems first.
_STATUS_SORT: dict[RowStatus, int] = {
    RowStatus.FAILED: 0,
    RowStatus.CANCELLED: 1,
    RowStatus.EXPIRED: 2,
    RowStatus.PENDING: 3,
    RowStatus.OK: 4,
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_ACCESSIBLE_DESCRIPTION = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_USER = int(Qt.ItemDataRole.UserRole)
_FILE_ID, _LINK, _RESULT, _STATUS, _SORT = range(_USER + 1, _USER + 6)
_HANDLED_ROLES = frozenset(
    {
        _DISPLAY,
        _TOOLTIP,
        _DECORATION,
        _ALIGNMENT,
        _ACCESSIBLE_TEXT,
        _ACCESSIBLE_DESCRIPTION,
        _FILE_ID,
        _LINK,
        _RESULT,
        _STATUS,
        _SORT,
    }
)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# No flags() override: QAbstractTableModel's own (enabled, selectable, no children) is what the rows need, and a
# Python override is called for every cell when a big selection changes.

# Qt's item views repaint just the visible part of a changed range of at most 200 cells, but the whole viewport for
# a bigger one. Changed rows are announced in blocks of consecutive rows cut to that size, over the columns that can
# change (a row's ID never does, which also spares a proxy sorted by ID from re-sorting), so updates out of sight
# cost no painting. One span over scattered rows would be fewer signals but repaints everything, and makes a sorting
# proxy re-sort the unchanged rows in between (see tests/benchmarks/bench_rows.py).
_VIEW_CELL_LIMIT = 200
_FIRST_CHANGING, _LAST_CHANGING = COL_NAME, COL_EXPIRES
_BLOCK_ROWS = _VIEW_CELL_LIMIT // (_LAST_CHANGING - _FIRST_CHANGING + 1)

#: Removing rows scattered over more blocks than this resets the model instead of one rowsRemoved per block.
_MAX_REMOVE_BLOCKS = 64

_Index = QModelIndex | QPersistentModelIndex


def _space_words(result: LinkResult | None, words: Callable[[str | None, bool], str | None]) -> str | None:
    """The words of a row outside a direct-link space that knows its top-level folder (or that it is at the top)."""
    if result is None or result.error_kind is not ErrorKind.NOT_DIRECT_LINK_SPACE:
        return None
    folder = result.space_folder
    return words(folder.name if folder is not None else None, result.at_drive_top)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while many objects are made at once: with a big list in memory a full collection
    (set off by the allocations) visits every row's objects, a stall of a few hundred ms. The rows hold no cycles."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _utc_now() -> datetime:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _shown(text: str) -> str:
    """Names and the server's messages as the table shows them: control characters visible, never garbage."""
    return text if text.isprintable() else visible(text)


def _shown_lines(text: str | None) -> str | None:
    """:func:`_shown` for tooltips: their own line breaks stay."""
    return None if text is None else "\n".join(_shown(line) for line in text.split("\n"))


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        return moment
    from datetime import UTC

    return moment.replace(tzinfo=UTC)


def _local_time(moment: datetime) -> str:
    return _aware(moment).astimezone().strftime("%Y-%m-%d %H:%M")


#: (file ID, status, result, name, size, path, relative folder): one row as the kept list writes it.
SavedRow = tuple[int, RowStatus, "LinkResult | None", str | None, int | None, str | None, str | None]


class _Row:
    __slots__ = ("file_id", "name", "path", "relative_folder", "result", "seq", "size", "status")

    def __init__(
        self,
        file_id: int,
        status: RowStatus = RowStatus.PENDING,
        result: LinkResult | None = None,
        name: str | None = None,
        size: int | None = None,
        path: str | None = None,
        relative_folder: str | None = None,
    ) -> None:
        self.file_id = file_id
        self.seq = 0  # position in input order (set when the row is added)
        self.status = status
        self.result = result
        self.name = name
        self.size = size
        self.path = path  # full path from the top of the drive, ending with the name (when known)
        self.relative_folder = relative_folder  # its folder under the folder it came from (for aria2's dir=)

    @property
    def folder(self) -> str | None:
        """The path of the file's folder ("" at the top of the drive); None when the path is unknown."""
        if self.path is None:
            return None
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""


def _status_of(result: LinkResult, now: datetime) -> RowStatus:
    if result.ok:
        if result.expires_at is not None and _aware(result.expires_at) <= now:
            return RowStatus.EXPIRED
        return RowStatus.OK
    if result.error_kind is ErrorKind.CANCELLED:
        return RowStatus.CANCELLED
    return RowStatus.FAILED


def _ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted, merged ``(first, last)`` blocks of row numbers."""
    blocks: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if blocks and row == blocks[-1][1] + 1:
            blocks[-1] = (blocks[-1][0], row)
        else:
            blocks.append((row, row))
    return blocks


class ResultsModel(QAbstractTableModel):
    """File ID → link results as a table (columns ``COL_ID`` … ``COL_EXPIRES``)."""

    FileIdRole = _FILE_ID  # int
    LinkRole = _LINK  # str | None: a usable link (OK rows only)
    ResultRole = _RESULT  # LinkResult | None
    StatusRole = _STATUS  # RowStatus value ("ok", ...): a plain str once it went through QVariant; RowStatus(value)
    SortRole = _SORT  # raw value per column (ints for ID, size, status order, expiry; casefolded text)

    counts_changed = Signal()  # after any change of row statuses (one emission per call)

    def __init__(self, parent: QObject | None = None, *, clock: Callable[[], datetime] = _utc_now) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[_Row] = []  # shown order
        self._by_input: list[_Row] = []  # input order
        self._next_seq = 0
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted = True  # False once rows are added or change after the last sort
        self._row_of: dict[int, int] = {}
        self._counts: dict[RowStatus, int] = dict.fromkeys(RowStatus, 0)

    # ---- Qt model interface -------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == _DISPLAY:
                return translate(CONTEXT, str(_HEADERS[section]))
            if role == _ALIGNMENT and section in (COL_ID, COL_SIZE):
                return _RIGHT
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role == _SORT:  # a sorting proxy asks twice per comparison: the shortest way
            row_number = index.row()
            if 0 <= row_number < len(self._rows):
                return self._sort_value(self._rows[row_number], index.column())
            return None
        # Views ask for many roles per painted cell: unhandled ones (font, colours, check state...) leave at once.
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        row_number = index.row()
        if row_number >= len(self._rows):
            return None
        row = self._rows[row_number]
        column = index.column()
        if role == _DISPLAY:
            return self._display(row, column)
        if role == _SORT:
            return self._sort_value(row, column)
        if role == _DECORATION:
            if column == COL_STATUS and row.status in _STATUS_COLOURS:
                return QColor(_STATUS_COLOURS[row.status])
            return None
        if role == _ALIGNMENT:
            return _RIGHT if column in (COL_ID, COL_SIZE) else None
        if role == _TOOLTIP:
            return _shown_lines(self._tooltip(row, column))
        if role == _ACCESSIBLE_TEXT:
            return _shown_lines(self._accessible_text(row, column))
        if role == _ACCESSIBLE_DESCRIPTION:
            if column == COL_STATUS and row.status in (RowStatus.FAILED, RowStatus.CANCELLED) and row.result:
                return _shown_lines(error_text(row.result.error_kind, row.result.error_code, row.result.server_message))
            return None
        if role == _FILE_ID:
            return row.file_id
        if role == _LINK:
            return self._link(row)
        if role == _RESULT:
            return self._merged(row)
        return row.status  # _STATUS

    # ---- cell contents --------------------------------------------------------------------------------------------

    def _name(self, row: _Row) -> str:
        return _shown(row.name or "")

    def _display(self, row: _Row, column: int) -> str | None:
        if column == COL_ID:
            return str(row.file_id)
        if column == COL_NAME:
            return self._name(row)
        if column == COL_SIZE:
            return format_size(row.size)
        if column == COL_STATUS:
            return self._status_label(row)
        result = row.result
        if column == COL_LINK:
            if result is not None and result.url and row.status in (RowStatus.OK, RowStatus.EXPIRED):
                return readable_link(result.url)  # copying (LinkRole) gives the link as it is
            return ""
        if column == COL_EXPIRES:
            if result is None or result.expires_at is None:
                return ""
            if row.status is RowStatus.EXPIRED:  # also a restored row, which keeps only the plain link
                return status_text(RowStatus.EXPIRED)
            return _local_time(result.expires_at) if result.url is not None else ""
        if column == COL_FOLDER:
            folder = row.folder
            if folder is None:
                return ""
            return _shown(folder) if folder else translate(CONTEXT, str(_TOP_OF_DRIVE))
        return None

    def _status_label(self, row: _Row) -> str:
        if row.status is RowStatus.FAILED:
            result = row.result
            where = _space_words(result, space_words.row_reason)
            if where is not None:  # "Failed: “我的资源” is not a direct-link space"
                return translate("errors", "Failed: {reason}").format(reason=where)
            return failed_label(result.error_kind if result else None, result.error_code if result else None)
        return status_text(row.status)

    def _tooltip(self, row: _Row, column: int) -> str | None:
        result = row.result
        if column == COL_STATUS:
            if row.status in (RowStatus.FAILED, RowStatus.CANCELLED) and result is not None:
                tip = error_tooltip(result.error_kind, result.error_code, result.server_message, result.trace_id)
                where = _space_words(result, space_words.row_text)
                return tip if where is None else where + "\n" + tip
            if row.status is RowStatus.EXPIRED:
                return translate("results", "The signed link has expired. Re-sign it to get a fresh link.")
            return status_text(row.status)
        if column == COL_LINK and result is not None and result.url:
            return readable_link(result.url)
        if column == COL_NAME and row.name:
            return row.name
        if column == COL_SIZE and row.size is not None and row.size >= 0:
            return translate("results", "{size} bytes").format(size=f"{row.size:,}")
        if column == COL_FOLDER and row.path is not None:
            return row.path
        if (
            column == COL_EXPIRES
            and result is not None
            and result.expires_at is not None
            and (result.url or row.status is RowStatus.EXPIRED)
        ):
            when = _local_time(result.expires_at)
            if row.status is RowStatus.EXPIRED:
                return translate("results", "Expired at {time} (local time)").format(time=when)
            return translate("results", "Expires at {time} (local time)").format(time=when)
        return None

    def _accessible_text(self, row: _Row, column: int) -> str | None:
        if column == COL_STATUS:
            label = self._status_label(row)
            if row.status in (RowStatus.FAILED, RowStatus.CANCELLED) and row.result is not None:
                return (
                    label + ". " + error_text(row.result.error_kind, row.result.error_code, row.result.server_message)
                )
            return label
        if column in (COL_EXPIRES, COL_SIZE):
            return self._tooltip(row, column) or self._display(row, column)
        return self._display(row, column)

    def _sort_value(self, row: _Row, column: int) -> int | str:
        if column == COL_STATUS:
            return _STATUS_SORT[row.status]
        if column == COL_ID:
            return row.file_id
        if column == COL_NAME:
            return self._name(row).casefold()
        if column == COL_FOLDER:
            return (row.folder or "").casefold()
        if column == COL_SIZE:
            return row.size if row.size is not None else -1
        result = row.result
        if column == COL_LINK:
            return (result.url or "") if result is not None else ""
        if column == COL_EXPIRES:
            if result is None or result.expires_at is None:
                return -1
            return int(_aware(result.expires_at).timestamp())
        return 0

    @staticmethod
    def _link(row: _Row) -> str | None:
        if row.status is RowStatus.OK and row.result is not None:
            return row.result.url
        return None

    @staticmethod
    def _merged(row: _Row) -> LinkResult | None:
        """The row's result with the name/size the row learned elsewhere (file infos, an earlier result)."""
        result = row.result
        if result is None:
            return None
        if (
            (result.name is None and row.name is not None)
            or (result.size is None and row.size is not None)
            or (result.path is None and row.path is not None)
            or (result.relative_folder is None and row.relative_folder is not None)
        ):
            import dataclasses

            return dataclasses.replace(
                result,
                name=result.name if result.name is not None else row.name,
                size=result.size if result.size is not None else row.size,
                path=result.path if result.path is not None else row.path,
                relative_folder=result.relative_folder if result.relative_folder is not None else row.relative_folder,
            )
        return result

    # ---- change helpers -------------------------------------------------------------------------------------------

    def _set_status(self, row: _Row, status: RowStatus) -> None:
        if row.status is not status:
            self._counts[row.status] -= 1
            self._counts[status] += 1
            row.status = status

    def _announce(self, rows: Iterable[int]) -> None:
        """One dataChanged per block of consecutive changed rows, at most _BLOCK_ROWS rows each."""
        self._sorted = False
        for first, last in _ranges(rows):
            for start in range(first, last + 1, _BLOCK_ROWS):
                end = min(start + _BLOCK_ROWS - 1, last)
                self.dataChanged.emit(self.index(start, _FIRST_CHANGING), self.index(end, _LAST_CHANGING), [])

    # ---- public API -----------------------------------------------------------------------------------------------

    def add_pending(
        self, ids: Sequence[int], where: Mapping[int, tuple[str | None, str | None]] | None = None
    ) -> list[int]:
        """Append a PENDING row for every ID not yet present; return the new IDs (input order, unique).

        ``where``: file ID -> (path, relative folder) when known (files picked from folders); rows already present
        learn a path they did not have.
        """
        new_ids: list[int] = []
        seen: set[int] = set()
        known = where or {}
        for file_id in ids:
            if file_id not in self._row_of and file_id not in seen:
                seen.add(file_id)
                new_ids.append(file_id)
            elif file_id in self._row_of and file_id in known:
                self._learn_place(self._row_of[file_id], *known[file_id])
        if not new_ids:
            return []
        first = len(self._rows)
        self._sorted = False
        self.beginInsertRows(QModelIndex(), first, first + len(new_ids) - 1)
        for offset, file_id in enumerate(new_ids):
            self._row_of[file_id] = first + offset
            path, relative = known.get(file_id, (None, None))
            self._append(_Row(file_id, path=path, relative_folder=relative))
        self._counts[RowStatus.PENDING] += len(new_ids)
        self.endInsertRows()
        self.counts_changed.emit()
        return new_ids

    def restore_rows(self, results: Sequence[LinkResult], *, expired: Collection[int] = ()) -> list[int]:
        """Append finished rows (a saved list coming back); IDs already present are skipped. Returns the added IDs.

        Each row's status comes from its result as in :meth:`apply_results`, except that the IDs in ``expired`` come
        back EXPIRED: a signed link is never saved, only the plain link it was made from (``unsigned_url``), so the
        row can be re-signed (:meth:`expired_rows`).
        """
        now = self._clock()
        new_rows: list[_Row] = []
        seen: set[int] = set()
        with _collector_paused():
            for result in results:
                file_id = result.file_id
                if file_id in self._row_of or file_id in seen:
                    continue
                seen.add(file_id)
                status = RowStatus.EXPIRED if file_id in expired else _status_of(result, now)
                new_rows.append(
                    _Row(file_id, status, result, result.name, result.size, result.path, result.relative_folder)
                )
        if not new_rows:
            return []
        first = len(self._rows)
        self._sorted = False
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        for offset, row in enumerate(new_rows):
            self._row_of[row.file_id] = first + offset
            self._append(row)
            self._counts[row.status] += 1
        self.endInsertRows()
        self.counts_changed.emit()
        return [row.file_id for row in new_rows]

    def _append(self, row: _Row) -> None:
        row.seq = self._next_seq
        self._next_seq += 1
        self._rows.append(row)
        self._by_input.append(row)

    def remove_ids(self, ids: Iterable[int]) -> list[int]:
        """Remove the rows of these IDs (unknown IDs are ignored); returns the removed IDs in row order.

        One ``rowsRemoved`` per block of consecutive rows, the last block first; when the rows are scattered over
        more than :data:`_MAX_REMOVE_BLOCKS` blocks, one model reset instead (cheaper for a sorting proxy). Late
        results for a removed ID are ignored, as after :meth:`clear`.
        """
        numbers = sorted({n for n in (self._row_of.get(i) for i in ids) if n is not None})
        if not numbers:
            return []
        removed = [self._rows[n].file_id for n in numbers]
        blocks = _ranges(numbers)
        if len(blocks) > _MAX_REMOVE_BLOCKS:
            self.beginResetModel()
            gone = set(numbers)
            self._drop(self._rows[n] for n in numbers)
            self._rows = [row for n, row in enumerate(self._rows) if n not in gone]
            self._renumber(0)
            self.endResetModel()
        else:
            for first, last in reversed(blocks):
                self.beginRemoveRows(QModelIndex(), first, last)
                self._drop(self._rows[first : last + 1])
                del self._rows[first : last + 1]
                self._renumber(first)
                self.endRemoveRows()
        gone_ids = set(removed)
        self._by_input = [row for row in self._by_input if row.file_id not in gone_ids]
        self.counts_changed.emit()
        return removed

    def _drop(self, rows: Iterable[_Row]) -> None:
        for row in rows:
            del self._row_of[row.file_id]
            self._counts[row.status] -= 1

    def _renumber(self, start: int) -> None:
        rows, row_of = self._rows, self._row_of
        if start == 0:
            self._row_of = {row.file_id: number for number, row in enumerate(rows)}
            return
        for number in range(start, len(rows)):
            row_of[rows[number].file_id] = number

    def _mark(self, ids: Iterable[int], status: RowStatus) -> list[int]:
        marked: list[int] = []
        changed_rows: list[int] = []
        for file_id in ids:
            row_number = self._row_of.get(file_id)
            if row_number is None:
                continue
            row = self._rows[row_number]
            marked.append(file_id)
            if row.status is status and row.result is None:
                continue
            row.result = None
            self._set_status(row, status)
            changed_rows.append(row_number)
        self._announce(changed_rows)
        if changed_rows:
            self.counts_changed.emit()
        return marked

    def mark_pending(self, ids: Iterable[int]) -> list[int]:
        """Put existing rows back to PENDING (retry / re-sign); the old result is dropped, name and size stay.

        Never adds rows; unknown IDs are ignored. Returns the IDs that have a row. Read :meth:`results` first if you
        still need the old results (e.g. their ``unsigned_url`` for re-signing).
        """
        return self._mark(ids, RowStatus.PENDING)

    def apply_results(self, results: Iterable[LinkResult]) -> int:
        """Update many rows at once (one dataChanged per block of rows); return how many results found a row.

        Results for IDs without a row are ignored (never adds rows). A signed link already past its expiry becomes
        EXPIRED straight away.
        """
        now = self._clock()
        changed_rows: list[int] = []
        row_of = self._row_of
        rows = self._rows
        for result in results:
            row_number = row_of.get(result.file_id)
            if row_number is None:
                continue
            row = rows[row_number]
            row.result = result
            if result.name is not None:
                row.name = result.name
            if result.size is not None:
                row.size = result.size
            if result.path is not None and result.path != row.path:
                self._learn_place(row_number, result.path, result.relative_folder)
            self._set_status(row, _status_of(result, now))
            changed_rows.append(row_number)
        if changed_rows:
            self._announce(changed_rows)
            self.counts_changed.emit()
        return len(changed_rows)

    def _learn_place(self, row_number: int, path: str | None, relative_folder: str | None) -> None:
        """A row's path (the Folder column is outside the blocks :meth:`_announce` repaints: its own signal)."""
        row = self._rows[row_number]
        if path is None or (row.path == path and row.relative_folder == relative_folder):
            return
        row.path = path
        row.relative_folder = relative_folder
        index = self.index(row_number, COL_FOLDER)
        self.dataChanged.emit(index, index, [])

    def refresh_expiry(self, now: datetime | None = None) -> list[int]:
        """Turn OK rows whose signed link has expired into EXPIRED; return the rows that changed."""
        moment = _aware(now) if now is not None else self._clock()
        changed_rows: list[int] = []
        for row_number, row in enumerate(self._rows):
            result = row.result
            if (
                row.status is RowStatus.OK
                and result is not None
                and result.expires_at is not None
                and _aware(result.expires_at) <= moment
            ):
                self._set_status(row, RowStatus.EXPIRED)
                changed_rows.append(row_number)
        if changed_rows:
            self._announce(changed_rows)
            self.counts_changed.emit()
        return changed_rows

    def clear(self) -> None:
        """Remove every row (late results for the old IDs are then ignored)."""
        self.beginResetModel()
        self._rows.clear()
        self._by_input.clear()
        self._row_of.clear()
        self._counts = dict.fromkeys(RowStatus, 0)
        self.endResetModel()
        self.counts_changed.emit()

    def retranslate(self) -> None:
        """Re-read every translated text (call from the view's ``changeEvent`` on ``QEvent.LanguageChange``)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1), [])

    # ---- queries --------------------------------------------------------------------------------------------------

    def ids(self) -> list[int]:
        """Every file ID, in row (shown) order: ``ids()[n]`` is row ``n``'s."""
        return [row.file_id for row in self._rows]

    def ids_in_input_order(self) -> list[int]:
        """Every file ID, ordered as they were given."""
        return [row.file_id for row in self._by_input]

    def id_at(self, row: int) -> int | None:
        """The file ID of a row, or None."""
        return self._rows[row].file_id if 0 <= row < len(self._rows) else None

    def saved_rows(self) -> list[SavedRow]:
        """Every row as the kept list writes it (:data:`SavedRow`), in input order. Cheap to take on the GUI thread
        (no copies); the results are immutable, so the writing can happen on another. The name, size and place are
        the row's (learned from a names lookup or a folder too), which fill in a result's missing ones."""
        with _collector_paused():  # 100,000 new tuples would run the collector over every object of the list
            return [
                (row.file_id, row.status, row.result, row.name, row.size, row.path, row.relative_folder)
                for row in self._by_input
            ]

    def in_input_order(self, rows: Iterable[int]) -> list[int]:
        """These row numbers (unique, valid ones), ordered as their IDs were given."""
        table = self._rows
        valid = {n for n in rows if 0 <= n < len(table)}
        return sorted(valid, key=lambda n: table[n].seq)

    def row_of(self, file_id: int) -> int | None:
        """The row of ``file_id``, or None."""
        return self._row_of.get(file_id)

    def results(self) -> list[LinkResult]:
        """The finished rows' results in input order (rows still PENDING have none and are left out)."""
        merged = (self._merged(row) for row in self._by_input)
        return [result for result in merged if result is not None]

    def place_at(self, row: int) -> tuple[str | None, str | None]:
        """(path from the top of the drive, folder relative to the folder it came from) of a row, when known."""
        if not 0 <= row < len(self._rows):
            return None, None
        return self._rows[row].path, self._rows[row].relative_folder

    def result_at(self, row: int) -> LinkResult | None:
        if not 0 <= row < len(self._rows):
            return None
        return self._merged(self._rows[row])

    def link_at(self, row: int) -> str | None:
        """The usable link of a row (OK rows only; an expired signed link is not offered)."""
        if not 0 <= row < len(self._rows):
            return None
        return self._link(self._rows[row])

    def status_at(self, row: int) -> RowStatus:
        return self._rows[row].status

    def successful_links(self) -> list[str]:
        """The links of OK rows, in input order."""
        rows = self._by_input
        return [row.result.url for row in rows if row.status is RowStatus.OK and row.result and row.result.url]

    def failed_ids(self) -> list[int]:
        """IDs of FAILED and CANCELLED rows, in input order (what "Retry failed" retries)."""
        return [row.file_id for row in self._by_input if row.status in (RowStatus.FAILED, RowStatus.CANCELLED)]

    def expired_rows(self) -> list[int]:
        """Row numbers of EXPIRED rows."""
        return [number for number, row in enumerate(self._rows) if row.status is RowStatus.EXPIRED]

    # ---- sorting --------------------------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows sorted by ``column`` (-1: input order), in one layout change. Stable: equal keys keep
        their input order. Rows added later are appended (call ``sort`` again to place them)."""
        if (column, order) == (self._sort_column, self._sort_order) and self._sorted:
            return  # nothing changed since the last sort (Qt's header asks twice per click)
        self._sort_column, self._sort_order = column, order
        self._sorted = True
        if column < 0 or column >= COLUMN_COUNT:
            new_rows = list(self._by_input)
        else:
            descending = order == Qt.SortOrder.DescendingOrder  # reverse=True keeps equal keys in input order
            new_rows = sorted(self._by_input, key=self._sort_key(column), reverse=descending)
        if new_rows == self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = new_rows
        self._renumber(0)
        old_indexes = self.persistentIndexList()
        if old_indexes:
            row_of = self._row_of
            new_indexes = [
                self.index(row_of[old_rows[index.row()].file_id], index.column())
                if 0 <= index.row() < len(old_rows)
                else QModelIndex()
                for index in old_indexes
            ]
            self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[_Row], int | str]:
        """The sort key of a row for ``column`` (as the SortRole gives it), the common columns without a detour."""
        if column == COL_NAME:
            return lambda row: (row.name or "").casefold()
        if column == COL_STATUS:
            return lambda row: _STATUS_SORT[row.status]
        if column == COL_ID:
            return lambda row: row.file_id
        if column == COL_SIZE:
            return lambda row: row.size if row.size is not None else -1
        return lambda row: self._sort_value(row, column)

    def sort_column(self) -> int:
        """The column the rows are sorted by (-1: input order)."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def counts(self) -> dict[RowStatus, int]:
        """How many rows have each status (every status is a key)."""
        return dict(self._counts)
