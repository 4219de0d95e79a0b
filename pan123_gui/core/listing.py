"""Listing folders over ``GET /api/v2/file/list``: one folder's items, or every file under a folder.

* A folder is read page by page (``limit`` 100, ``lastFileId`` passed back until the answer says -1). Items in the
  recycle bin come back in listings whatever one asks for; they are dropped here. Items blocked by content review
  (``status`` > 100) are kept and marked (:attr:`ListedFile.blocked`).
* :class:`FolderWalk` lists a folder and all folders below it, a few folders at a time; the pace is file/list's own
  limiter in the client (separate from the direct-link pace; it learns from 429 answers like every endpoint's). It
  can be cancelled at any point, reports progress (folders listed, folders and files seen) on the caller's thread,
  and gives the files in listing order (depth first: a folder's files and sub-folders in the order the API listed
  them), each with its full path from the top of the drive.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pan123_gui.core.client import FILE_LIST_LIMIT, Pan123Client
from pan123_gui.core.errors import CancelledError, MalformedResponseError, Pan123Error
from pan123_gui.core.folder_paths import ROOT_ID, FolderPaths, join_path
from pan123_gui.core.models import FileInfo, FilePage
from pan123_gui.core.request_watch import RequestWatch

__all__ = [
    "LIST_WORKERS",
    "FolderWalk",
    "ListedFile",
    "WalkProgress",
    "WalkResult",
    "iter_pages",
    "list_folder",
]

log = logging.getLogger(__name__)

LIST_WORKERS = 4  # folders listed at once by a walk (pages of one folder follow each other: lastFileId)
_POLL = 0.05  # how often a walk looks at its cancel event while waiting for pages


@dataclass(frozen=True, slots=True)
class ListedFile:
    """A file (or folder) with where it is: ``folder_path`` from the top of the drive ("" at the top)."""

    info: FileInfo
    folder_path: str

    @property
    def file_id(self) -> int:
        return self.info.file_id

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def size(self) -> int:
        return self.info.size

    @property
    def is_folder(self) -> bool:
        return self.info.is_folder

    @property
    def blocked(self) -> bool:
        """Blocked by content review: it will not get a link."""
        return self.info.blocked

    @property
    def path(self) -> str:
        """Full path from the top of the drive, ending with the name: ``测试直链文件夹/直链素材/第001集.mp4``."""
        return join_path(self.folder_path, self.info.name)


def iter_pages(
    client: Pan123Client,
    parent_id: int,
    *,
    search: str | None = None,
    exact: bool = False,
    cancel: threading.Event | None = None,
    watch: RequestWatch | None = None,
) -> Iterator[FilePage]:
    """Every page of a folder's listing (or of a search), as the API sent them, until ``lastFileId`` is -1.

    A ``lastFileId`` the walk already passed would list the same pages again: :class:`MalformedResponseError`.
    """
    last: int | None = None
    passed: set[int] = set()
    while True:
        page = client.file_list_page(
            parent_id, last_file_id=last, limit=FILE_LIST_LIMIT, search=search, exact=exact, cancel=cancel, watch=watch
        )
        yield page
        if page.last:
            return
        if page.last_file_id in passed:
            raise MalformedResponseError("The file list repeats itself (lastFileId went back)")
        passed.add(page.last_file_id)
        last = page.last_file_id


def list_folder(
    client: Pan123Client,
    folder_id: int,
    *,
    cancel: threading.Event | None = None,
    watch: RequestWatch | None = None,
) -> list[FileInfo]:
    """The items of one folder (0: the top of the drive), all pages, without those in the recycle bin."""
    return [
        item for page in iter_pages(client, folder_id, cancel=cancel, watch=watch) for item in page.items
        if not item.trashed
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class WalkProgress:
    folders_listed: int  # folders whose listing is complete
    folders_seen: int  # folders found so far (the top one included)
    files_seen: int  # files found so far (not in the recycle bin)


@dataclass(frozen=True, slots=True)
class WalkResult:
    folder: ListedFile  # the folder that was walked (for the top of the drive: ID 0, name "")
    files: list[ListedFile]  # every file below it, in listing order, each once
    folders: list[ListedFile]  # every folder below it, in listing order

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


OnProgress = Callable[[WalkProgress], None]


class FolderWalk:
    """Every file under one folder, all levels deep. ``run()`` blocks; ``cancel()`` (any thread) or the ``cancel``
    event stops it: :class:`CancelledError`. Any other failure (after the client's own retries) stops the walk
    with that error. ``on_progress`` is called on the thread that runs the walk, after every page."""

    def __init__(
        self,
        client: Pan123Client,
        folder_id: int,
        *,
        paths: FolderPaths | None = None,
        cancel: threading.Event | None = None,
        on_progress: OnProgress | None = None,
        workers: int = LIST_WORKERS,
        watch: RequestWatch | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self._client = client
        self._folder_id = int(folder_id)
        self._paths = paths if paths is not None else FolderPaths(client, watch=watch)
        # the caller's cancel event (or our own) is passed to every request, so setting it wakes every limiter
        # wait and back-off at once; after a failure the workers stop at their next page
        self._stop = cancel if cancel is not None else threading.Event()
        self._failed = False
        self._on_progress = on_progress
        self._workers = workers
        self._watch = watch
        self.list_calls = 0  # file/list pages fetched (benchmarks, tests)

    def __repr__(self) -> str:
        return f"FolderWalk(folder={self._folder_id}, pages={self.list_calls})"

    def cancel(self) -> None:
        """Stop the walk (sets the cancel event given to it, if any)."""
        self._stop.set()

    def run(self) -> WalkResult:
        if self._stop.is_set():
            raise CancelledError("Cancelled")
        top = self._top()
        paths: dict[int, str] = {top.file_id: top.path if top.file_id != ROOT_ID else ""}
        children: dict[int, list[FileInfo]] = {}
        events: queue.Queue[_Event] = queue.Queue()
        todo: queue.Queue[int | None] = queue.Queue()
        threads = [
            threading.Thread(target=self._worker, args=(todo, events), name=f"folder-walk-{i}", daemon=True)
            for i in range(self._workers)
        ]
        for thread in threads:
            thread.start()
        todo.put(top.file_id)
        outstanding, listed, folders, files = 1, 0, 1, 0
        try:
            while outstanding:
                try:
                    event = events.get(timeout=_POLL)
                except queue.Empty:
                    if self._stop.is_set():
                        raise CancelledError("Cancelled") from None
                    continue
                if self._stop.is_set():
                    raise CancelledError("Cancelled")
                if event.error is not None:
                    raise event.error
                if event.page is None:  # the folder is complete
                    outstanding -= 1
                    listed += 1
                else:
                    self.list_calls += 1
                    kept = [item for item in event.page.items if not item.trashed]
                    self._paths.learn(kept)
                    children.setdefault(event.folder_id, []).extend(kept)
                    base = paths[event.folder_id]
                    for item in kept:
                        if not item.is_folder:
                            files += 1
                        elif item.file_id not in paths:  # each folder once, whatever the API says
                            paths[item.file_id] = join_path(base, item.name)
                            folders += 1
                            outstanding += 1
                            todo.put(item.file_id)
                if self._on_progress is not None:
                    self._on_progress(WalkProgress(listed, folders, files))
        except BaseException:
            self._failed = True
            raise
        finally:
            for _ in threads:
                todo.put(None)
        return _assemble(top, paths, children)

    def _top(self) -> ListedFile:
        if self._folder_id == ROOT_ID:
            return ListedFile(FileInfo(ROOT_ID, "", 0, is_folder=True, parent_id=None), "")
        info = self._paths.folder(self._folder_id, self._stop)
        parent = info.parent_id if info.parent_id is not None else ROOT_ID
        return ListedFile(info, self._paths.path_of(parent, self._stop))

    def _worker(self, todo: queue.Queue[int | None], events: queue.Queue[_Event]) -> None:
        while True:
            folder_id = todo.get()
            if folder_id is None or self._stop.is_set() or self._failed:
                return
            try:
                for page in iter_pages(self._client, folder_id, cancel=self._stop, watch=self._watch):
                    events.put(_Event(folder_id, page))
                    if self._failed:
                        return
            except Pan123Error as err:
                events.put(_Event(folder_id, None, err))
                return
            except Exception as err:  # a bug: report it rather than hang the walk
                log.exception("folder walk: listing %d failed", folder_id)
                events.put(_Event(folder_id, None, err))
                return
            events.put(_Event(folder_id, None))


@dataclass(frozen=True, slots=True)
class _Event:
    folder_id: int
    page: FilePage | None  # None: the folder is complete (or failed, with error)
    error: BaseException | None = None


def _assemble(top: ListedFile, paths: dict[int, str], children: dict[int, list[FileInfo]]) -> WalkResult:
    """Depth first in listing order: each folder's items as listed, a sub-folder's contents where it was listed."""
    files: list[ListedFile] = []
    folders: list[ListedFile] = []
    seen: set[int] = {top.file_id}  # folders and files: each once, where it was first listed
    stack: list[Iterator[FileInfo]] = [iter(children.get(top.file_id, []))]
    parents: list[int] = [top.file_id]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            parents.pop()
            continue
        folder_path = paths[parents[-1]]
        if item.file_id in seen:
            continue
        if not item.is_folder:
            seen.add(item.file_id)
            files.append(ListedFile(item, folder_path))
        else:
            seen.add(item.file_id)
            folders.append(ListedFile(item, folder_path))
            stack.append(iter(children.get(item.file_id, [])))
            parents.append(item.file_id)
    return WalkResult(folder=top, files=files, folders=folders)
