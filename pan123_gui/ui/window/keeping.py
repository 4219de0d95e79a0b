"""Keeping the list on the window: it comes back once after the first paint (read on a pool thread, its rows added
a slice per event-loop turn), is saved after each run (written on a
pool thread) and on close (at once), and the notice strip says when last time's list was set aside or a save failed
(with an Export button). What is kept, and the file itself, is :mod:`~pan123_gui.ui.window.kept_list` and
:mod:`~pan123_gui.ui.window.session`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from pan123_gui.ui.window.notices import Notice
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from pan123_gui.ui.window.session import SavedSession

#: Rows of the kept list added per event-loop turn when it comes back (~10-20 ms each, plus a paint: no stall).
RESTORE_SLICE = 2000


class Keeping:
    def __init__(self, parts: WindowParts) -> None:
        self._parts = parts
        self._then: Callable[[], None] | None = None  # what waits until the list is back (restore)

    def restore(self, then: Callable[[], None]) -> None:
        """Bring back the list kept from last time (once, after the first paint; never in demo mode), then call
        ``then`` (at once when nothing is kept)."""
        self._then = then
        if not self._parts.kept.restore_in_background(self._kept_list_read):  # demo mode: nothing kept
            self._restored()

    def _kept_list_read(self, saved: SavedSession | None) -> None:
        """The list kept from last time was read (on a pool thread): its rows come back a slice per event-loop
        turn (100,000 rows at once would freeze the window for most of a second), then start-up goes on."""
        parts = self._parts
        self._tell_restore_problem()
        if saved is None:
            self._restored()
            return
        if saved.text.strip():
            if not parts.input.text().strip():
                parts.input.put_text(saved.text)  # a huge text (an older version kept one) gives its IDs, on the pool
            else:  # typed or pasted while the list was read: the kept text's IDs are added, never dropped
                parts.input.add_files([], [saved.text])
        self._restore_slice(saved, 0, 0)

    def _restore_slice(self, saved: SavedSession, start: int, added: int) -> None:
        parts = self._parts
        end = start + RESTORE_SLICE
        added += len(parts.model.restore_rows(saved.results[start:end], expired=saved.expired))
        if end < len(saved.results):
            QTimer.singleShot(0, parts.widget, lambda: self._restore_slice(saved, end, added))
            return
        if added:
            parts.status(w.restored_rows(added))
        elif saved.text.strip():
            parts.status(w.restored_text())
        self._restored()

    def _restored(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()

    def save(self) -> bool:
        """Write the box and the rows to the session file (when the list is kept: not in demo mode). When that
        fails the window says so, with an Export button."""
        parts = self._parts
        saved = parts.kept.save(parts.input.text(), parts.model, parts.input.scan())  # a huge text: kept as its IDs
        self._after_save(saved)
        return saved

    def save_in_background(self) -> None:
        """:meth:`save` with the writing on a pool thread (after a run: no stall for a big list)."""
        parts = self._parts
        parts.kept.save_in_background(parts.input.text(), parts.model, parts.input.scan(), self._after_save)

    def _after_save(self, saved: bool) -> None:
        error = self._parts.kept.save_error
        if error is not None:
            self._parts.show_notice(Notice.KEPT_LIST_NOT_SAVED, lambda: w.kept_list_not_saved(error))
        elif saved:
            self._parts.dismiss_notice(Notice.KEPT_LIST_NOT_SAVED)

    def _tell_restore_problem(self) -> None:
        """Last time's list could not be used: say where it went (it is never deleted)."""
        found = self._parts.kept.restore_problem()
        if found is None:
            return
        problem, aside = found
        from pan123_gui.ui.window.session import SessionProblem

        if problem is SessionProblem.FOLDER:
            return  # nothing to read; saving fails and says so
        if aside is not None:
            name = aside.name
            self._parts.show_notice(Notice.KEPT_LIST_SET_ASIDE, lambda: w.kept_list_set_aside(name))
        else:
            self._parts.show_notice(Notice.KEPT_LIST_SET_ASIDE, w.kept_list_left_alone)
