"""Folder rows in the results: "Get links of the files inside" replaces chosen folder rows with the files in them,
all levels deep (listed by the files panel's :class:`~pan123_gui.ui.files.expander.FolderExpander`, made on first
use), then gets their links as a run. A folder that could not be read stays, its row saying why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.window.runs import Runs
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from pan123_gui.core.expand import Target
    from pan123_gui.ui.files.dock import FilesDock
    from pan123_gui.ui.files.expander import FolderExpander


class FolderRows(QObject):
    def __init__(self, parts: WindowParts, runs: Runs, files: FilesDock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts = parts
        self._runs = runs
        self._files = files
        self._expander: FolderExpander | None = None  # folder rows -> their files (made on first use)
        self._expanding: list[int] = []  # the folder rows being replaced by their files

    def get_links_inside(self, rows: list[int]) -> None:
        """Folder rows (source rows): the files inside, all levels deep, replace them and get their links."""
        parts = self._parts
        if self._runs.busy:
            parts.status(w.busy())
            return
        ids = parts.model.ids()
        folders = [ids[r] for r in rows if 0 <= r < len(ids)]
        if not folders:
            return
        from pan123_gui.core.ids import Ref

        expander = self._folder_expander()
        if expander.running:
            parts.status(w.busy())
            return
        self._expanding = folders
        expander.start([Ref(f, True) for f in folders])

    def _folder_expander(self) -> FolderExpander:
        if self._expander is None:
            from pan123_gui.ui.files.expander import FolderExpander

            expander = FolderExpander(self._files.drive(), self._parts.services.pool, self._parts.widget)
            expander.progress.connect(self._parts.status)
            expander.failed.connect(self._on_expand_failed)
            expander.done.connect(self._on_folders_expanded)
            self._expander = expander
        return self._expander

    def _on_expand_failed(self, words: str) -> None:
        self._expanding = []
        if words:
            self._parts.status(words)

    def _on_folders_expanded(self, targets: list[Target]) -> None:
        from pan123_gui.core.expand import target_error_row

        model = self._parts.model
        folders, self._expanding = self._expanding, []
        unreadable = [t for t in targets if t.error is not None and t.file_id in set(folders)]
        rows = [row for t in unreadable if (row := target_error_row(t)) is not None]
        model.apply_results(rows)  # a folder that could not be read says why in its own row
        done = [f for f in folders if f not in {t.file_id for t in unreadable}]
        self._parts.kept.forget(model.remove_ids(done))
        self._runs.get_links_of_files([t for t in targets if t.file_id not in set(folders)])
