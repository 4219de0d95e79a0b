"""Recent folders of the "Your files" panel: the folders whose links were got last, kept in the settings.

Stored as a JSON list of ``{"id": <folder ID>, "path": "<path from the top of the drive>"}``, newest first, at
most :data:`KEEP`; anything unreadable in the settings is ignored (an empty list).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QSettings

from pan123_gui.core.listing import ListedFile
from pan123_gui.core.models import FileInfo

__all__ = ["KEEP", "RecentFolders"]

KEEP = 10
_KEY = "files/recent_folders"


class RecentFolders:
    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings

    def load(self) -> list[tuple[int, str]]:
        """(folder ID, path) pairs, newest first."""
        if self._settings is None:
            return []
        raw = self._settings.value(_KEY)
        try:
            items = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            return []
        found: list[tuple[int, str]] = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                folder_id, path = item.get("id"), item.get("path")
                if isinstance(folder_id, int) and not isinstance(folder_id, bool) and folder_id > 0:
                    found.append((folder_id, path if isinstance(path, str) else str(folder_id)))
        return found[:KEEP]

    def add(self, folders: Sequence[tuple[int, str]]) -> None:
        """Put ``folders`` (ID, path) in front, each once."""
        if self._settings is None or not folders:
            return
        merged: dict[int, str] = {}
        for folder_id, path in [*folders, *self.load()]:
            merged.setdefault(folder_id, path)
        items = [{"id": i, "path": p} for i, p in list(merged.items())[:KEEP]]
        self._settings.setValue(_KEY, json.dumps(items, ensure_ascii=False))

    def as_hits(self) -> list[ListedFile]:
        """The recent folders as rows of the search results (name, folder path), to tick and get links."""
        hits = []
        for folder_id, path in self.load():
            folder, _, name = path.rpartition("/")
            hits.append(ListedFile(FileInfo(folder_id, name or path, 0, is_folder=True), folder))
        return hits
