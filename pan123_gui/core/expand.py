"""From what people gave (file IDs, folder IDs, folder addresses) to the files to get links for.

* :func:`classify` asks ``file/infos`` about the plain numbers once (100 a call): a number the API says is a folder
  is a folder, whatever it looked like. The answers (names, sizes, parents) are kept for the rows.
* :func:`expand` replaces each folder by the files under it, all levels deep, in listing order, each file once in
  first-seen order among the other inputs (a file given before its folder keeps its place). A folder that cannot be
  listed stays one :class:`Target` with its error. Every file gets its path from the top of the drive when the API
  can tell it.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.errors import CancelledError, IsFolderError, Pan123Error, TrashedError
from pan123_gui.core.folder_paths import FolderPaths, join_path
from pan123_gui.core.ids import Ref
from pan123_gui.core.listing import LIST_WORKERS, FolderWalk, WalkProgress
from pan123_gui.core.models import FileInfo, LinkResult
from pan123_gui.core.request_watch import RequestWatch

__all__ = ["Target", "classify", "expand", "located", "target_error_row"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Target:
    """One file to resolve (or one folder that could not be listed, with ``error``)."""

    file_id: int
    info: FileInfo | None = None  # what the API said about it; None when file/infos does not know it
    folder_path: str | None = None  # its folder's path from the top of the drive; None when unknown
    base_path: str | None = None  # the path of the folder it was found under (when it came from a folder)
    error: Pan123Error | None = None  # a folder that could not be listed

    @property
    def path(self) -> str | None:
        """Full path from the top of the drive, ending with the name; None when unknown."""
        if self.info is None or self.folder_path is None:
            return None
        return join_path(self.folder_path, self.info.name)

    @property
    def relative_folder(self) -> str | None:
        """Its folder relative to the folder it was found under ("" right inside it); None for a file given by ID."""
        if self.base_path is None or self.folder_path is None:
            return None
        if self.folder_path == self.base_path:
            return ""
        prefix = self.base_path + "/" if self.base_path else ""
        return self.folder_path[len(prefix) :] if self.folder_path.startswith(prefix) else self.folder_path


def classify(
    client: Pan123Client,
    refs: Sequence[Ref],
    *,
    cancel: threading.Event | None = None,
    watch: RequestWatch | None = None,
) -> tuple[list[Ref], dict[int, FileInfo]]:
    """The refs with every plain number the API says is a folder turned into a folder reference, and what file/infos
    said about the plain numbers (IDs it does not know are missing)."""
    plain = [r.id for r in refs if not r.folder]
    infos = client.file_infos(plain, cancel, watch=watch) if plain else {}
    out = [Ref(r.id, True) if not r.folder and (i := infos.get(r.id)) is not None and i.is_folder else r for r in refs]
    return out, infos


def expand(
    client: Pan123Client,
    refs: Sequence[Ref],
    *,
    paths: FolderPaths | None = None,
    cancel: threading.Event | None = None,
    watch: RequestWatch | None = None,
    on_progress: Callable[[WalkProgress], None] | None = None,
    workers: int = LIST_WORKERS,
    recursive: bool = True,
) -> list[Target]:
    """Files for ``refs``: folders (including plain numbers the API says are folders) replaced by every file under
    them, in listing order; each file once, where it first appears. A folder that cannot be listed (it does not
    exist, it is in the recycle bin, the API keeps failing) is one Target with ``error``; a cancel raises
    :class:`CancelledError`. When the plain numbers cannot be looked up, they stay files without names or paths
    (the direct-link answer has the last word). Without ``recursive`` no folder is listed: each stays one Target with an
    :class:`IsFolderError`; a file in the recycle bin is one with a :class:`TrashedError`."""
    paths = paths if paths is not None else FolderPaths(client, watch=watch)
    try:
        classified, infos = classify(client, refs, cancel=cancel, watch=watch)
        parents = {i.parent_id for i in infos.values() if i.parent_id is not None and not i.is_folder}
        folder_paths = paths.paths_of(parents, cancel) if parents else {}
    except CancelledError:
        raise
    except Pan123Error as err:  # names and paths are extras: the links can still be fetched
        log.warning("Looking up the given IDs failed (%s); going on without their names and paths", err.kind)
        classified, infos, folder_paths = list(refs), {}, {}
    out: dict[tuple[int, bool], Target] = {}  # (ID, is a folder error) -> target, first-seen order
    for ref in classified:
        if not ref.folder:
            info = infos.get(ref.id)
            folder = None if info is None or info.parent_id is None else folder_paths.get(info.parent_id)
            trashed = TrashedError() if info is not None and info.trashed else None
            out.setdefault((ref.id, False), Target(ref.id, info, folder, error=trashed))
            continue
        if not recursive:
            out.setdefault((ref.id, True), Target(ref.id, infos.get(ref.id), error=IsFolderError()))
            continue
        walk = FolderWalk(
            client, ref.id, paths=paths, cancel=cancel, on_progress=on_progress, workers=workers, watch=watch
        )
        try:
            result = walk.run()
        except CancelledError:
            raise
        except Pan123Error as err:
            out.setdefault((ref.id, True), Target(ref.id, infos.get(ref.id), error=err))
            continue
        base = result.folder.path
        for f in result.files:
            out.setdefault((f.file_id, False), Target(f.file_id, f.info, f.folder_path, base_path=base))
    return list(out.values())


def target_error_row(target: Target) -> LinkResult | None:
    """The row of a target that gets no link request (a folder, a file in the recycle bin); None otherwise."""
    err = target.error
    if err is None:
        return None
    info = target.info
    return LinkResult(
        file_id=target.file_id,
        error=str(err),
        error_kind=err.kind,
        error_code=err.code,
        trace_id=err.trace_id,
        server_message=err.server_message,
        name=info.name if info is not None else None,
        size=info.size if info is not None else None,
        path=target.path,
    )


def located(row: LinkResult, target: Target | None) -> LinkResult:
    """``row`` with where its file is (path, the folder relative to the expanded one) and, when the row has none,
    the name and size the listing gave."""
    if target is None:
        return row
    info = target.info
    return dataclasses.replace(
        row,
        path=row.path if row.path is not None else target.path,
        relative_folder=row.relative_folder if row.relative_folder is not None else target.relative_folder,
        name=row.name if row.name is not None or info is None else info.name,
        size=row.size if row.size is not None or info is None else info.size,
    )
