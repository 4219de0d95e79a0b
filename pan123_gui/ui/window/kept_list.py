"""The kept list: the rows and the box text saved between runs, and the links that quitting now would lose.

One object per window. The file itself (what is written, what never is) is :mod:`pan123_gui.ui.window.session`; this is
the window's side: the list comes back once, after the first paint (until then nothing is saved either, so quitting
very early never overwrites the kept list with an empty one); it is saved after every run and on close; **Clear**
empties it. Demo mode keeps no list (``path`` is None), but still counts the links not yet taken.

The list comes back read on a pool thread, its rows added a slice per event-loop turn. After a run it is written
on a pool thread (:meth:`KeptList.save_in_background`): the GUI thread only takes a
snapshot of the rows (100,000 rows take seconds to turn into JSON and write, milliseconds to snapshot). Closing
saves on the GUI thread, and a background write never overwrites a later save.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pan123_gui.core.ids import IdScan
    from pan123_gui.core.models import LinkResult
    from pan123_gui.ui.results.model import ResultsModel
    from pan123_gui.ui.window.session import NewLinks, SavedSession, SessionProblem, SessionStore

# Start-up (tests/benchmarks/bench_startup.py): the session module (~25 ms: JSON, URL parsing) is imported after the
# first paint, when the list comes back.


class KeptList:
    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._store: SessionStore | None = None  # set by restore(), after the first paint
        self._new: NewLinks | None = None  # made on first results
        self._writing = 0  # background saves not reported back yet
        self._reading = False  # the list from last time is being read on a pool thread

    @property
    def kept(self) -> bool:
        """Whether the list is kept between runs (not in demo mode)."""
        return self._path is not None

    # -- the file ---------------------------------------------------------------------------------------------------
    def restore(self) -> SavedSession | None:
        """What was kept from last time (once; None in demo mode, on a second call, or when nothing was kept)."""
        if self._path is None or self._store is not None or self._reading:
            return None
        from pan123_gui.ui.window.session import SessionStore

        self._store = SessionStore(self._path)
        saved = self._store.load()
        return None if saved is None or saved.empty else saved

    def restore_in_background(self, done: Callable[[SavedSession | None], None]) -> bool:
        """Like :meth:`restore`, reading and parsing the file on a pool thread (a 100,000-row list takes seconds);
        ``done(saved)`` is called in the GUI thread afterwards. Until then nothing is saved (so quitting meanwhile
        never overwrites the kept list). False (and no call) in demo mode or when the list was asked for already."""
        if self._path is None or self._store is not None or self._reading:
            return False
        from pan123_gui.ui.window.session import SavedSession, SessionStore
        from pan123_gui.workers.base import Worker

        store = SessionStore(self._path)
        worker = Worker(store.load)
        self._reading = True

        def finished(value: object) -> None:
            self._reading = False
            self._store = store
            saved = value if isinstance(value, SavedSession) else None
            done(None if saved is None or saved.empty else saved)

        worker.signals.result.connect(finished)
        worker.signals.error.connect(lambda _exc: finished(None))  # load never raises; should it, start empty
        worker.start()
        return True

    def save_in_background(
        self, text: str, model: ResultsModel, scan: IdScan | None, done: Callable[[bool], None]
    ) -> bool:
        """Like :meth:`save`, writing on a pool thread; ``done(written)`` is called in the GUI thread afterwards.
        False (and no call) when nothing is kept."""
        store = self._store
        if store is None:
            return False
        from pan123_gui.workers.base import Worker

        worker = Worker(store.write, store.snapshot(text, model, scan=scan))
        self._writing += 1

        def finished(value: object) -> None:
            done(value is True)

        def over() -> None:
            self._writing -= 1

        worker.signals.result.connect(finished)
        worker.signals.error.connect(lambda _exc: finished(False))
        worker.signals.finished.connect(over)
        worker.start()
        return True

    @property
    def writing(self) -> bool:
        """Whether a background save has not reported back yet."""
        return self._writing > 0

    def save(self, text: str, model: ResultsModel, scan: IdScan | None = None) -> bool:
        """Write the box text and the rows (once the list came back; never in demo mode). False when nothing was
        written (see :attr:`save_error`)."""
        return self._store is not None and self._store.save(text, model, scan=scan)

    @property
    def save_error(self) -> str | None:
        """Why the last save failed (None: it worked, or nothing is kept)."""
        return self._store.save_error if self._store is not None else None

    @property
    def can_keep(self) -> bool:
        """Whether quitting now keeps the list (kept, and the last save did not fail)."""
        return self.kept and self.save_error is None

    def restore_problem(self) -> tuple[SessionProblem, Path | None] | None:
        """Why last time's list did not come back, and where its file was moved (None: no problem)."""
        store = self._store
        if store is None or store.problem is None:
            return None
        return store.problem, store.set_aside

    def clear(self) -> None:
        self._links().clear()
        if self._store is not None:
            self._store.clear()

    # -- links not taken yet --------------------------------------------------------------------------------------
    def _links(self) -> NewLinks:
        if self._new is None:
            from pan123_gui.ui.window.session import NewLinks

            self._new = NewLinks()
        return self._new

    def fetched(self, results: Iterable[LinkResult]) -> None:
        self._links().fetched(results)

    def handed_out(self, links: Iterable[str | None]) -> None:
        """These links went to the clipboard, the browser or a file."""
        self._links().handed_out(links)

    def forget(self, ids: Iterable[int]) -> None:
        self._links().forget(ids)

    def not_taken(self, model: ResultsModel) -> int:
        """How many fetched links are still usable in ``model`` and were neither copied, opened nor exported."""
        return self._new.count(model) if self._new is not None else 0
