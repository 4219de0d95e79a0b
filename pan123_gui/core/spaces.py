"""Direct-link spaces (直链空间): which top-level folder a file needs switched on, switching it, and the spaces
the app has seen.

Only folders directly under the top of the drive can be spaces, and no API says which folders are. So:

* :class:`TopFolderFinder` walks up from files with ``POST /api/v1/file/infos`` (up to 100 IDs a call, one call per
  level for all the files at once, each folder once: :class:`~pan123_gui.core.folder_paths.FolderPaths`); a file
  directly at the top of the drive has no such folder (it has to be moved into one).
* :func:`locate_space_folders` fills ``space_folder`` / ``at_drive_top`` into the rows that came back "not in a
  direct-link space" (they cost one direct-link request each and are never retried).
* :func:`enable_space` / :func:`disable_space` (``POST /api/v1/direct-link/enable|disable {"fileID": folder}``, VIP
  only, answer ``data.filename``) and :func:`refresh_link_cache` (``POST /api/v1/direct-link/cache/refresh``, needed
  after renaming or moving files: links are paths). These change the account: callers ask the person first.
* :class:`KnownSpaces` learns spaces from successful links: the first path segment after the uid is the space
  folder (``https://vip.123pan.cn/{uid}/{space}/…/{name}``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlsplit

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import LINK_CACHE_REFRESH_PATH, SPACE_DISABLE_PATH, SPACE_ENABLE_PATH
from pan123_gui.core.errors import (
    ApiError,
    ErrorKind,
    MalformedResponseError,
    NotDirectLinkSpaceError,
    NotFoundError,
    Pan123Error,
    TrashedError,
)
from pan123_gui.core.folder_paths import ROOT_ID, FolderPaths
from pan123_gui.core.models import LinkResult, SpaceFolder
from pan123_gui.core.request_watch import RequestWatch
from pan123_gui.core.resolver import Resolver

__all__ = [
    "KnownSpace",
    "KnownSpaces",
    "SpaceChange",
    "TopFolderFinder",
    "disable_space",
    "enable_and_retry",
    "enable_space",
    "enable_spaces",
    "folders_to_enable",
    "locate_space_folders",
    "refresh_link_cache",
    "space_of_link",
]

log = logging.getLogger(__name__)

MAX_DEPTH = 64  # folder levels walked at most (a loop in the answers must not walk forever)


# --- finding the top-level folder -----------------------------------------------------------------------------------


class TopFolderFinder:
    """The top-level folder above each file: the file's own ``file/infos`` answer gives its folder, and the folders
    above it come from a shared :class:`FolderPaths` (each folder looked up once, one call per level for all).

    Files are always asked afresh (a moved file must be found where it is now); folders are remembered by the
    :class:`FolderPaths` for its life. Thread-safe.
    """

    def __init__(self, client: Pan123Client, paths: FolderPaths | None = None) -> None:
        self._client = client
        self._paths = paths if paths is not None else FolderPaths(client)

    @property
    def paths(self) -> FolderPaths:
        return self._paths

    def top_folders(
        self,
        file_ids: Iterable[int],
        cancel: threading.Event | None = None,
        *,
        watch: RequestWatch | None = None,
    ) -> dict[int, SpaceFolder | None]:
        """For each ID: its top-level folder, or None when the item lies directly at the top of the drive. IDs the
        API does not know (or whose way up breaks off) are left out. Raises :class:`Pan123Error` when a call fails."""
        ids = list(dict.fromkeys(int(i) for i in file_ids))
        found: dict[int, SpaceFolder | None] = {}
        if not ids:
            return found
        infos = self._client.file_infos(ids, cancel, watch=watch)
        self._paths.learn(infos.values())
        parents: dict[int, int] = {}
        for file_id in ids:
            info = infos.get(file_id)
            if info is None or info.parent_id is None:
                continue
            if info.parent_id == ROOT_ID:
                found[file_id] = None
            else:
                parents[file_id] = info.parent_id
        if parents:
            self._paths.paths_of(parents.values(), cancel)  # the folders above, level by level, each once
        tops: dict[int, SpaceFolder | None] = {}
        for file_id, parent_id in parents.items():
            if parent_id not in tops:
                tops[parent_id] = self._top_of(parent_id, cancel)
            top = tops[parent_id]
            if top is not None:
                found[file_id] = top
        return found

    def _top_of(self, folder_id: int, cancel: threading.Event | None) -> SpaceFolder | None:
        """The top-level folder at or above ``folder_id`` from what the paths know; None when the way up breaks."""
        current = folder_id
        for _ in range(MAX_DEPTH):
            try:
                info = self._paths.folder(current, cancel)
            except (NotFoundError, TrashedError):
                return None
            if info.parent_id in (None, ROOT_ID):
                return SpaceFolder(info.file_id, info.name)
            current = info.parent_id
        log.warning("Folder walk gave up after %d levels", MAX_DEPTH)
        return None


def locate_space_folders(
    finder: TopFolderFinder,
    rows: Sequence[LinkResult],
    cancel: threading.Event | None = None,
) -> list[LinkResult]:
    """``rows`` with ``space_folder`` / ``at_drive_top`` filled in for those outside a direct-link space.

    The other rows come back as they are. When the lookup fails the rows keep what they had (nothing is lost; the
    row then just cannot name its folder)."""
    outside = [row.file_id for row in rows if row.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE]
    if not outside:
        return list(rows)
    try:
        found = finder.top_folders(outside, cancel)
    except Pan123Error as err:
        log.warning("Could not look up the folders of %d files outside a direct-link space: %s", len(outside), err)
        return list(rows)
    out: list[LinkResult] = []
    for row in rows:
        if row.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE and row.file_id in found:
            folder = found[row.file_id]
            out.append(replace(row, space_folder=folder, at_drive_top=folder is None))
        else:
            out.append(row)
    return out


def folders_to_enable(rows: Iterable[LinkResult]) -> list[SpaceFolder]:
    """The distinct folders the rows outside a space need, in the order of their first row."""
    seen: dict[int, SpaceFolder] = {}
    for row in rows:
        folder = row.space_folder
        if row.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE and folder is not None:
            seen.setdefault(folder.file_id, folder)
    return list(seen.values())


# --- switching spaces -----------------------------------------------------------------------------------------------


def enable_space(client: Pan123Client, folder_id: int, cancel: threading.Event | None = None) -> str:
    """Switch on the direct-link space of a top-level folder; returns the folder's name as the API says it.
    Needs VIP; changes the account. Raises :class:`Pan123Error` with the server's code, message and trace ID."""
    return _switch(client, SPACE_ENABLE_PATH, folder_id, cancel)


def disable_space(client: Pan123Client, folder_id: int, cancel: threading.Event | None = None) -> str:
    """Switch off a folder's direct-link space (its files' links stop working); returns the folder's name."""
    return _switch(client, SPACE_DISABLE_PATH, folder_id, cancel)


def _switch(client: Pan123Client, path: str, folder_id: int, cancel: threading.Event | None) -> str:
    folder_id = int(folder_id)
    if folder_id <= 0:
        raise ValueError("a direct-link space is a folder ID (not the top of the drive)")
    try:
        data = client.request("POST", path, json_body={"fileID": folder_id}, cancel=cancel)
    except NotDirectLinkSpaceError as err:  # "…直链空间…" here is a refusal of the switch, not a file outside a space
        said = f": {err.server_message}" if err.server_message else ""
        raise ApiError(
            f"The direct-link space could not be switched{said}",
            code=err.code,
            trace_id=err.trace_id,
            http_status=err.http_status,
            server_message=err.server_message,
        ) from None
    if data is None:
        return ""
    if not isinstance(data, dict):
        raise MalformedResponseError("The direct-link space answer is not an object")
    name = data.get("filename")
    return name if isinstance(name, str) else ""


def refresh_link_cache(client: Pan123Client, cancel: threading.Event | None = None) -> None:
    """``POST /api/v1/direct-link/cache/refresh``: after files were renamed or moved, links follow the new paths."""
    client.request("POST", LINK_CACHE_REFRESH_PATH, json_body={}, cancel=cancel)


@dataclass(frozen=True, slots=True)
class SpaceChange:
    """The outcome of switching one folder's space: the name the API gave, or the failure as fields."""

    folder: SpaceFolder
    enabled: bool
    server_name: str | None = None
    error: str | None = None  # one-line English text, no secrets
    error_kind: ErrorKind | None = None
    error_code: int | None = None
    server_message: str | None = None
    trace_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def enable_spaces(
    client: Pan123Client, folders: Iterable[SpaceFolder], cancel: threading.Event | None = None
) -> list[SpaceChange]:
    """Switch on each folder's space once (a folder listed twice is asked once), in order; a failure does not stop
    the others. The caller has asked the person first."""
    changes: list[SpaceChange] = []
    done: set[int] = set()
    for folder in folders:
        if folder.file_id in done:
            continue
        done.add(folder.file_id)
        try:
            name = enable_space(client, folder.file_id, cancel)
        except Pan123Error as err:
            changes.append(
                SpaceChange(
                    folder,
                    enabled=False,
                    error=str(err),
                    error_kind=err.kind,
                    error_code=err.code,
                    server_message=err.server_message,
                    trace_id=err.trace_id,
                )
            )
            continue
        log.info("Direct-link space switched on for folder %d", folder.file_id)
        changes.append(SpaceChange(folder, enabled=True, server_name=name or folder.name))
    return changes


def enable_and_retry(
    client: Pan123Client,
    resolver: Resolver,
    rows: Sequence[LinkResult],
    finder: TopFolderFinder | None = None,
    cancel: threading.Event | None = None,
) -> tuple[list[LinkResult], list[SpaceChange]]:
    """Switch on the spaces the rows outside one need (each folder once), then get those rows' links again.

    Returns the rows in the same order (the ones under a switched-on folder replaced by their new result, every row
    outside a space naming its folder) and what happened to each folder. Only call this after the person agreed:
    it changes the account."""
    finder = finder if finder is not None else TopFolderFinder(client)
    located = locate_space_folders(finder, rows, cancel)
    changes = enable_spaces(client, folders_to_enable(located), cancel)
    switched = {change.folder.file_id for change in changes if change.ok}
    retry = [r.file_id for r in located if r.space_folder is not None and r.space_folder.file_id in switched]
    if not retry:
        return located, changes
    again = {row.file_id: row for row in resolver.resolve(retry, cancel=cancel)}
    merged = [again.get(row.file_id, row) for row in located]
    return locate_space_folders(finder, merged, cancel), changes


# --- spaces learned from links --------------------------------------------------------------------------------------


def space_of_link(url: str, uid: int | None = None) -> str | None:
    """The space folder's name in a direct link: the first path segment after the uid (``/{uid}/{space}/…/name``).

    Without the uid in the link (accounts that hide it) the first segment is the space. None when the path is too
    short to hold a folder and a name."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    segments = [unquote(part) for part in path.split("/") if part]
    if uid is not None and segments and segments[0] == str(uid):
        segments = segments[1:]
    elif uid is None and len(segments) >= 3 and segments[0].isdigit():
        segments = segments[1:]  # most likely the uid
    if len(segments) < 2 or not segments[0].strip():
        return None
    return segments[0]


@dataclass(frozen=True, slots=True)
class KnownSpace:
    """A space the app has seen: its name, its folder ID once known, and how many links came from it."""

    name: str
    folder_id: int | None = None
    sample_file_id: int | None = None  # a file with a link from it (to find the folder ID by the walk)
    links: int = 0


class KnownSpaces:
    """The spaces learned from successful links (and switched on or off through the app). Thread-safe."""

    def __init__(self, spaces: Iterable[KnownSpace] = ()) -> None:
        self._lock = threading.Lock()
        self._spaces: dict[str, KnownSpace] = {s.name: s for s in spaces}

    def learn(self, rows: Iterable[LinkResult], uid: int | None = None) -> list[str]:
        """Take the space of every successful row; returns the names seen for the first time."""
        new: list[str] = []
        with self._lock:
            for row in rows:
                link = row.unsigned_url or row.url
                if link is None or row.url is None:
                    continue
                name = space_of_link(link, uid)
                if name is None:
                    continue
                old = self._spaces.get(name)
                if old is None:
                    new.append(name)
                    self._spaces[name] = KnownSpace(name, sample_file_id=row.file_id, links=1)
                else:
                    sample = old.sample_file_id or row.file_id
                    self._spaces[name] = replace(old, links=old.links + 1, sample_file_id=sample)
        return new

    def switched_on(self, folder: SpaceFolder) -> None:
        with self._lock:
            old = self._spaces.get(folder.name)
            self._spaces[folder.name] = (
                replace(old, folder_id=folder.file_id) if old else KnownSpace(folder.name, folder_id=folder.file_id)
            )

    def switched_off(self, name: str) -> None:
        with self._lock:
            self._spaces.pop(name, None)

    def spaces(self) -> list[KnownSpace]:
        with self._lock:
            return sorted(self._spaces.values(), key=lambda s: s.name)

    def folder_ids(self, finder: TopFolderFinder, cancel: threading.Event | None = None) -> list[KnownSpace]:
        """Find the folder IDs still unknown (one walk from a sample file of each), then return all spaces."""
        with self._lock:
            missing = {
                s.sample_file_id: s.name
                for s in self._spaces.values()
                if s.folder_id is None and s.sample_file_id is not None
            }
        if missing:
            found = finder.top_folders([i for i in missing if i is not None], cancel)
            with self._lock:
                for file_id, folder in found.items():
                    name = missing.get(file_id)
                    space = self._spaces.get(name) if name is not None else None
                    if space is not None and folder is not None and folder.name == space.name:
                        self._spaces[space.name] = replace(space, folder_id=folder.file_id)
        return self.spaces()
