"""The drive as a lazy tree: each folder's items are listed when the view asks for them (``canFetchMore`` /
``fetchMore``), on the worker pool, and inserted when they arrive; the GUI thread never waits for the network.

Columns: name (with a check box) and size. Ticking a folder ticks everything under it, also what is not loaded
yet; :meth:`DriveTreeModel.chosen` gives the ticked files and folders as references (a ticked folder once, not its
items). Answers for a folder that was reloaded (or a model that was reset) meanwhile are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)

from pan123_gui.core.folder_paths import ROOT_ID, join_path
from pan123_gui.core.ids import Ref
from pan123_gui.core.models import FileInfo
from pan123_gui.ui.wording import files as wording
from pan123_gui.ui.wording.errors import format_size
from pan123_gui.workers.base import Worker

if TYPE_CHECKING:
    from pan123_gui.workers.folders import Drive

__all__ = ["COLUMNS", "DriveTreeModel"]

COLUMNS = 2  # name, size
NAME, SIZE = range(COLUMNS)
ModelIndex = QModelIndex | QPersistentModelIndex


_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# A file never has children: the view then asks neither hasChildren() nor whether it is expanded for its row. A
# tree view lays out every open row through the model after each folder arrives, so each row's answers are
# computed once, when the node is made, not on every question.
_FILE_FLAGS = _PLAIN | Qt.ItemFlag.ItemNeverHasChildren


class _Node:
    __slots__ = ("check", "children", "error", "flags", "info", "loading", "name_flags", "parent", "row", "size_text")

    def __init__(self, info: FileInfo, parent: _Node | None, row: int, check: Qt.CheckState) -> None:
        self.info = info
        self.parent = parent
        self.row = row
        self.children: list[_Node] | None = None if info.is_folder else []
        self.loading = False
        self.error: BaseException | None = None
        self.check = check
        self.flags = _PLAIN if info.is_folder else _FILE_FLAGS  # the size column's
        self.name_flags = self.flags | Qt.ItemFlag.ItemIsUserCheckable if self.checkable else self.flags
        self.size_text: str | None = None  # made when first shown

    @property
    def path(self) -> str:
        names: list[str] = []
        node: _Node | None = self
        while node is not None and node.parent is not None:
            names.append(node.info.name)
            node = node.parent
        path = ""
        for name in reversed(names):
            path = join_path(path, name)
        return path

    @property
    def checkable(self) -> bool:
        return self.info.is_folder or not self.info.blocked


class DriveTreeModel(QAbstractItemModel):
    """The drive's folders and files, listed on demand."""

    loadsChanged = Signal(int)  # how many folders are being listed now
    loadFailed = Signal(int, object)  # folder ID, the exception
    checksChanged = Signal()

    def __init__(self, drive: Drive, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drive = drive
        self._pool = pool
        self._generation = 0
        self._loads: dict[int, _Load] = {}  # folder ID -> its load in flight
        self._alive: set[_Load] = set()  # loads whose worker has not finished (stale ones too)
        self._root = self._new_root()

    @staticmethod
    def _new_root() -> _Node:
        return _Node(FileInfo(ROOT_ID, "", 0, is_folder=True), None, 0, Qt.CheckState.Unchecked)

    # --- structure -----------------------------------------------------------------------------------------------

    def _node(self, index: ModelIndex) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Checked here, not with hasIndex(): that calls rowCount() and columnCount() back through Qt, and a view
        # laying out thousands of open rows asks for every index.
        if row < 0 or not 0 <= column < COLUMNS or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        children = (parent.internalPointer() if parent.isValid() else self._root).children
        if children is None or row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            children = self._root.children
        elif parent.column() != 0:
            return 0
        else:
            children = parent.internalPointer().children
        return 0 if children is None else len(children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            node = self._root
        elif parent.column() != 0:
            return False
        else:
            node = parent.internalPointer()
        children = node.children
        return children is None or (bool(children) and node.info.is_folder)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return node.info.is_folder and node.children is None and not node.loading and node.error is None

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self._start_load(self._node(parent))

    # --- data ----------------------------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return wording.column_name() if section == NAME else wording.column_size()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node: _Node = index.internalPointer()
        return node.name_flags if index.column() == NAME else node.flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        info = node.info
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return info.name
            return self._size_text(node)
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME and node.checkable:
            return node.check
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.error is not None:
                return wording.load_failed(str(node.error))
            if info.blocked:
                return wording.blocked()
            return node.path
        if role == Qt.ItemDataRole.AccessibleTextRole and column == NAME:
            if info.is_folder:
                return wording.folder_row(info.name)
            return wording.file_row(info.name, self._size_text(node))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return info.file_id
        return None

    @staticmethod
    def _size_text(node: _Node) -> str:
        if node.size_text is None:
            node.size_text = "" if node.info.is_folder else format_size(node.info.size)
        return node.size_text

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != NAME:
            return False
        node = self._node(index)
        if not node.checkable:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        state = Qt.CheckState.Unchecked if state == Qt.CheckState.Unchecked else Qt.CheckState.Checked
        self._set_subtree(node, state)
        self._update_ancestors(node.parent)
        self.checksChanged.emit()
        return True

    def _set_subtree(self, node: _Node, state: Qt.CheckState) -> None:
        node.check = state
        index = self.createIndex(node.row, NAME, node)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        for child in node.children or ():
            if child.checkable:
                self._set_subtree(child, state)

    def _update_ancestors(self, node: _Node | None) -> None:
        while node is not None and node is not self._root:
            states = {c.check for c in node.children or () if c.checkable}
            if not states:
                break
            new = states.pop() if len(states) == 1 else Qt.CheckState.PartiallyChecked
            if new == node.check:
                break
            node.check = new
            index = self.createIndex(node.row, NAME, node)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            node = node.parent

    # --- what is ticked --------------------------------------------------------------------------------------------

    def chosen(self) -> list[Ref]:
        """Ticked files and folders, top to bottom: a ticked folder stands for everything under it."""
        refs: list[Ref] = []
        stack = list(reversed(self._root.children or []))
        while stack:
            node = stack.pop()
            if node.check == Qt.CheckState.Checked:
                refs.append(Ref(node.info.file_id, node.info.is_folder))
            elif node.check == Qt.CheckState.PartiallyChecked:
                stack.extend(reversed(node.children or []))
        return refs

    def chosen_folders(self) -> list[tuple[int, str]]:
        """(ID, path) of the ticked folders, as :meth:`chosen` gives them (for the recent folders)."""
        places: list[tuple[int, str]] = []
        stack = list(reversed(self._root.children or []))
        while stack:
            node = stack.pop()
            if node.check == Qt.CheckState.Checked and node.info.is_folder:
                places.append((node.info.file_id, node.path))
            elif node.check == Qt.CheckState.PartiallyChecked:
                stack.extend(reversed(node.children or []))
        return places

    def clear_checks(self) -> None:
        for child in self._root.children or []:
            if child.check != Qt.CheckState.Unchecked:
                self._set_subtree(child, Qt.CheckState.Unchecked)
        self.checksChanged.emit()

    def file_id(self, index: ModelIndex) -> int | None:
        return self._node(index).info.file_id if index.isValid() else None

    def is_folder(self, index: ModelIndex) -> bool:
        return self._node(index).info.is_folder

    def path(self, index: ModelIndex) -> str:
        return self._node(index).path

    def is_loading(self) -> bool:
        return bool(self._loads)

    # --- loading ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Forget everything (new sign-in, or the user asked): the top of the drive is listed again."""
        for load in list(self._loads.values()):
            load.worker.cancel()
        self._loads.clear()
        self.beginResetModel()
        self._generation += 1
        self._root = self._new_root()
        self.endResetModel()
        self.loadsChanged.emit(0)

    def reload(self, index: ModelIndex) -> None:
        """List a folder again (after a failure)."""
        node = self._node(index)
        if not node.info.is_folder or node.loading:
            return
        if node.children:
            self.beginRemoveRows(index if index.isValid() else QModelIndex(), 0, len(node.children) - 1)
            node.children = None
            self.endRemoveRows()
        node.children = None
        node.error = None
        self._start_load(node)

    def _start_load(self, node: _Node) -> None:
        node.loading = True
        worker = Worker(self._drive.children, node.info.file_id, pass_cancel=True)
        load = _Load(self, node, self._generation, worker)
        self._loads[node.info.file_id] = load
        self._alive.add(load)
        worker.start(self._pool)
        self.loadsChanged.emit(len(self._loads))

    def _loaded(self, load: _Load, items: list[FileInfo]) -> None:
        node = load.node
        if not self._current(load):
            return
        node.loading = False
        parent = QModelIndex() if node is self._root else self.createIndex(node.row, 0, node)
        inherited = Qt.CheckState.Checked if node.check == Qt.CheckState.Checked else Qt.CheckState.Unchecked
        children = [_Node(info, node, row, inherited) for row, info in enumerate(items)]
        if children:
            self.beginInsertRows(parent, 0, len(children) - 1)
            node.children = children
            self.endInsertRows()
        else:
            node.children = []
            if parent.isValid():  # no expand arrow any more
                self.dataChanged.emit(parent, parent)
        self._finish(load)

    def _failed(self, load: _Load, exc: BaseException) -> None:
        if not self._current(load):
            return
        node = load.node
        node.loading = False
        node.error = exc
        if node is not self._root:
            index = self.createIndex(node.row, 0, node)
            self.dataChanged.emit(index, index)
        self._finish(load)
        self.loadFailed.emit(node.info.file_id, exc)

    def _current(self, load: _Load) -> bool:
        return load.generation == self._generation and self._loads.get(load.node.info.file_id) is load

    def _finish(self, load: _Load) -> None:
        self._loads.pop(load.node.info.file_id, None)
        self.loadsChanged.emit(len(self._loads))


class _Load(QObject):
    """One folder being listed; its answer goes back to the model in the GUI thread (or is dropped when stale).
    Not a child of the model: the model keeps it until its worker has finished."""

    def __init__(self, model: DriveTreeModel, node: _Node, generation: int, worker: Worker) -> None:
        super().__init__()
        self.model = model
        self.node = node
        self.generation = generation
        self.worker = worker
        worker.signals.result.connect(self.on_result)
        worker.signals.error.connect(self.on_error)
        worker.signals.finished.connect(self.on_finished)

    @Slot()
    def on_finished(self) -> None:
        self.model._alive.discard(self)

    @Slot(object)
    def on_result(self, items: object) -> None:
        self.model._loaded(self, list(items) if isinstance(items, list) else [])

    @Slot(object)
    def on_error(self, exc: object) -> None:
        self.model._failed(self, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))
