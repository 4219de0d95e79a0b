"""Search the whole drive by name (``GET /api/v2/file/list`` with ``searchData``), each hit with its folder path.

``searchData`` searches everywhere and ignores ``parentFileId``; ``searchMode`` 0 is fuzzy (the server splits the
text into words), 1 exact (the whole file name). All pages are read; items in the recycle bin are left out. The
folder path of each hit is learnt through :class:`FolderPaths` (once per folder, cached), so a search of
hundreds of hits in a few folders costs a few lookups.
"""

from __future__ import annotations

import threading

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.folder_paths import ROOT_ID, FolderPaths
from pan123_gui.core.listing import ListedFile, iter_pages
from pan123_gui.core.models import FileInfo
from pan123_gui.core.request_watch import RequestWatch

__all__ = ["search_drive"]


def search_drive(
    client: Pan123Client,
    text: str,
    *,
    exact: bool = False,
    files_only: bool = False,
    paths: FolderPaths | None = None,
    cancel: threading.Event | None = None,
    watch: RequestWatch | None = None,
) -> list[ListedFile]:
    """Files and folders whose names match ``text`` (fuzzy, or the whole name when ``exact``), in the API's order,
    each once, with their folder paths. ``files_only`` leaves folders out. ``text`` must not be blank."""
    text = text.strip()
    if not text:
        raise ValueError("search text must not be blank")
    hits: set[int] = set()
    found: list[FileInfo] = []
    for page in iter_pages(client, ROOT_ID, search=text, exact=exact, cancel=cancel, watch=watch):
        for item in page.items:
            if item.trashed or (files_only and item.is_folder) or item.file_id in hits:
                continue
            hits.add(item.file_id)
            found.append(item)
    paths = paths if paths is not None else FolderPaths(client, watch=watch)
    paths.learn(found)
    parents = {item.parent_id for item in found if item.parent_id is not None}
    folder_paths = paths.paths_of(parents, cancel)
    # a folder the API could not describe keeps its place as its ID
    return [ListedFile(item, _folder_path(item, folder_paths)) for item in found]


def _folder_path(item: FileInfo, folder_paths: dict[int, str]) -> str:
    if item.parent_id is None:
        return ""
    return folder_paths.get(item.parent_id, str(item.parent_id))
