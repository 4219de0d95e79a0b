"""What comes in besides typing: files opened or dropped, huge pastes, and the items of a command line (this
start's own, or a second start's handed over by the single instance).

Command-line items wait until the kept list came back after the first paint (:meth:`Incoming.first_paint_done`),
so the box text kept from last time is never pushed aside. Everything is read on the pool by the input panel; this
object says what happened in the status bar and the notice strip.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.exporting import documents_folder
from pan123_gui.ui.window.notices import Notice, file_issues
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from PySide6.QtGui import QDropEvent

    from pan123_gui.core.text_files import FileIssue


class Incoming:
    def __init__(self, parts: WindowParts) -> None:
        self._parts = parts
        self._ready = False  # the kept list came back: command-line items may go into the box
        self._waiting: list[str] = []  # IDs, text and files from a command line (see take_items)
        panel = parts.input
        panel.ids_added.connect(self._on_ids_added)
        panel.problems.connect(self._on_file_problems)
        panel.nothing_found.connect(self._on_nothing_found)
        panel.reading_changed.connect(self._on_reading_changed)
        panel.paste_too_big.connect(self._on_paste_too_big)

    # -- command lines ------------------------------------------------------------------------------------------
    def take_items(self, items: list[str]) -> None:
        """IDs, text and files from a command line: their IDs are appended to the box (read on the pool, like a
        drop), after the kept list came back so its box text is never pushed aside."""
        self._waiting.extend(items)
        if self._ready:
            self._take_waiting()

    def first_paint_done(self) -> None:
        """The kept list is back: take what waited."""
        self._ready = True
        self._take_waiting()

    def _take_waiting(self) -> None:
        items, self._waiting = self._waiting, []
        from pan123_gui.core.start_items import split_items

        files, texts = split_items(items)
        if files or texts:
            self._parts.input.add_files(files, texts)

    # -- files ----------------------------------------------------------------------------------------------------
    def drop(self, event: QDropEvent) -> None:
        if self._parts.input.add_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def open_files(self) -> None:
        paths = desktop.ask_open_paths(
            self._parts.widget, w.open_files_title(), documents_folder(), w.open_files_filter()
        )
        if paths:
            self._parts.input.add_files([Path(p) for p in paths])

    # -- what the input panel reports ---------------------------------------------------------------------------
    def _on_ids_added(self, count: int) -> None:
        self._parts.status(w.added_ids(count))
        self._parts.dismiss_notice(Notice.FILES)

    def _on_reading_changed(self, reading: bool) -> None:
        if reading:
            self._parts.statusBar().showMessage(w.reading_files())

    def _on_paste_too_big(self, chars: int) -> None:
        from pan123_gui.ui.input.panel import MAX_BOX_CHARS
        from pan123_gui.ui.window.notices import paste_too_big
        from pan123_gui.ui.wording import kept

        self._parts.show_notice(Notice.PASTE_TOO_BIG, paste_too_big(chars, MAX_BOX_CHARS))
        self._parts.statusBar().showMessage(kept.looking_for_ids())

    def _on_nothing_found(self) -> None:
        self._parts.status(w.no_ids_in_drop())

    def _on_file_problems(self, issues: list[FileIssue]) -> None:
        self._parts.show_notice(Notice.FILES, file_issues(issues))
