"""Where a folder is: its path from the top of the drive (``测试直链文件夹/直链素材``), learnt once per folder.

The API gives no paths, only each item's ``parentFileId``. :class:`FolderPaths` remembers every folder it has seen
(name and parent: from listings for free, or looked up with ``file/infos``, 100 a call) and climbs the parents
upwards, one ``file/infos`` call per level for all the folders still unknown at that level. Each folder is looked
up at most once per :class:`FolderPaths`; share one between the walks and searches of a window or a command.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pan123_gui.core.errors import NotFoundError, TrashedError
from pan123_gui.core.models import FileInfo

if TYPE_CHECKING:
    from pan123_gui.core.client import Pan123Client
    from pan123_gui.core.request_watch import RequestWatch

__all__ = ["ROOT_ID", "FolderPaths", "join_path"]

ROOT_ID = 0  # parentFileId of the items at the top of the drive
SEPARATOR = "/"


def join_path(folder_path: str, name: str) -> str:
    """``folder_path`` + ``/`` + ``name`` (just ``name`` at the top of the drive)."""
    return f"{folder_path}{SEPARATOR}{name}" if folder_path else name


class FolderPaths:
    """Folder ID → path from the top of the drive ("" for the top itself), cached. Thread-safe."""

    def __init__(self, client: Pan123Client, *, watch: RequestWatch | None = None) -> None:
        self._client = client
        self._watch = watch
        self._lock = threading.Lock()
        self._folders: dict[int, FileInfo] = {}  # folder ID -> what the API said about it (name, parent)
        self._missing: set[int] = set()  # IDs the API does not know (or that are not folders)
        self._paths: dict[int, str] = {ROOT_ID: ""}
        self.lookups = 0  # file/infos calls made (tests, diagnostics)

    def __repr__(self) -> str:
        return f"FolderPaths(known={len(self._folders)}, lookups={self.lookups})"

    def learn(self, items: Iterable[FileInfo]) -> None:
        """Remember the folders among ``items`` (a listing's answer), so no lookup is needed for them later."""
        with self._lock:
            for item in items:
                if item.is_folder and item.parent_id is not None:
                    self._folders[item.file_id] = item

    def folder(self, folder_id: int, cancel: threading.Event | None = None) -> FileInfo:
        """What the API says about folder ``folder_id`` (looked up once). :class:`NotFoundError` when there is no
        such folder (or it is a file), :class:`TrashedError` when it is in the recycle bin."""
        self.paths_of([folder_id], cancel)
        with self._lock:
            info = self._folders.get(folder_id)
        if info is None:
            raise NotFoundError(f"There is no folder {folder_id} on this drive")
        if info.trashed:
            raise TrashedError("The folder is in the recycle bin; restore it first")
        return info

    def path_of(self, folder_id: int, cancel: threading.Event | None = None) -> str:
        """The folder's path from the top of the drive ("" for the top); :class:`NotFoundError` when unknown."""
        if folder_id == ROOT_ID:
            return ""
        path = self.paths_of([folder_id], cancel).get(folder_id)
        if path is None:
            raise NotFoundError(f"There is no folder {folder_id} on this drive")
        return path

    def paths_of(self, folder_ids: Iterable[int], cancel: threading.Event | None = None) -> dict[int, str]:
        """Paths of many folders, looking up the unknown ones level by level (≤100 IDs per ``file/infos`` call).

        Folders the API does not know are left out of the answer; a folder above a known one that cannot be found
        is written as its ID, so the rest of the path still shows.
        """
        wanted = list(dict.fromkeys(int(i) for i in folder_ids))
        while True:
            unknown = self._first_unknown(wanted)
            if not unknown:
                break
            found = self._client.file_infos(unknown, cancel, watch=self._watch)
            with self._lock:
                self.lookups += -(-len(unknown) // 100)
                for folder_id in unknown:
                    info = found.get(folder_id)
                    if info is None or not info.is_folder:
                        self._missing.add(folder_id)
                    else:
                        self._folders[folder_id] = info if info.parent_id is not None else _at_top(info)
        with self._lock:
            return {i: p for i in wanted if (p := self._path_locked(i, top=True)) is not None}

    def _first_unknown(self, wanted: list[int]) -> list[int]:
        """For each wanted folder, the nearest folder on its way up that is neither known nor known missing."""
        unknown: dict[int, None] = {}
        with self._lock:
            for folder_id in wanted:
                current, seen = folder_id, set()
                while current != ROOT_ID and current not in self._paths and current not in seen:
                    seen.add(current)
                    info = self._folders.get(current)
                    if info is None:
                        if current not in self._missing:
                            unknown[current] = None
                        break
                    current = info.parent_id if info.parent_id is not None else ROOT_ID
        return list(unknown)

    def _path_locked(self, folder_id: int, *, top: bool) -> str | None:
        """The path from what is known (lock held). ``top``: None when ``folder_id`` itself is missing."""
        if folder_id in self._paths:
            return self._paths[folder_id]
        chain: list[str] = []
        current, seen = folder_id, set()
        while current != ROOT_ID and current not in self._paths:
            info = self._folders.get(current)
            if info is None or current in seen:
                if top and current == folder_id:
                    return None
                chain.append(str(current))  # an ancestor the API could not tell us about: keep its place
                current = ROOT_ID
                break
            seen.add(current)
            chain.append(info.name)
            current = info.parent_id if info.parent_id is not None else ROOT_ID
        base = self._paths.get(current, "")
        path = base
        for name in reversed(chain):
            path = join_path(path, name)
        if all(i in self._folders for i in seen) and len(seen) == len(chain):
            self._paths[folder_id] = path
        return path


def _at_top(info: FileInfo) -> FileInfo:
    """A folder whose answer names no parent is taken to be at the top of the drive."""
    return FileInfo(
        info.file_id, info.name, info.size, info.is_folder, info.trashed, parent_id=ROOT_ID, status=info.status
    )
