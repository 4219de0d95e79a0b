"""One resolve (or re-sign) run, owned by one object: its worker, its one ledger of results, progress, finish, problems.

The window makes a :class:`ResolveRun`, connects its signals to widgets and starts it; it keeps nothing about the
run itself. The job (``workers/resolve.py``) runs on a pool thread and calls back from the resolver's threads as each
ID finishes. Emitting one queued signal per result would post 1,000 events for 1,000 IDs and update the model (and
relayout the view) 1,000 times, so results go into a thread-safe deque and a GUI-thread QTimer drains it every
``flush_ms`` (50 ms): at most ~20 model updates a second, however fast the API answers.

The ledger (file ID → latest result) is the run's only record: a batch carries what is new in it, progress counts
it, and the final list is completed from it (an ID the job never answered for still ends as a row).

Signals (all in the GUI thread, in this order):
- ``progress(done, total, failed, cancelled)``: once at start, then after each batch; ``done`` counts the IDs that
  finished (a link or a failure), ``cancelled`` the ones the run did not get to after a cancel (so after Cancel the
  last one reads e.g. 15 / 100 · 4 failed · 85 cancelled);
- ``results(list[LinkResult])``: a batch of finished IDs (each ID once over the run, except that the last batch may
  repeat an ID whose final result differs, e.g. CANCELLED after cancel);
- ``problem(Exception)``: the run as a whole could not run (no credentials, token refused, no sign key, or an
  unexpected bug); :func:`route_problem` says which notice tells the user. Every ID without a result then ends as
  a failed row;
- ``finished(RunSummary)``: always last; one result per ID, in input order.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from pan123_gui.core.errors import ErrorKind, Pan123Error
from pan123_gui.core.models import LinkResult
from pan123_gui.ui.window.notices import Detail, Notice
from pan123_gui.ui.wording.errors import error_text
from pan123_gui.workers.base import Worker
from pan123_gui.workers.resolve import Job, failed_row

log = logging.getLogger(__name__)

FLUSH_MS = 50


@dataclass(frozen=True, slots=True)
class RunSummary:
    results: list[LinkResult]  # one per ID, in input order
    cancelled: bool  # the user cancelled the run

    @property
    def not_finished(self) -> int:
        """Rows the run did not get to (CANCELLED)."""
        return sum(1 for r in self.results if r.error_kind is ErrorKind.CANCELLED)

    @property
    def ok(self) -> int:
        return sum(1 for r in self.results if r.ok)

    @property
    def failed(self) -> int:
        return len(self.results) - self.ok - self.not_finished


def _failed_in_run(result: LinkResult) -> bool:
    return not result.ok and result.error_kind is not ErrorKind.CANCELLED


def route_problem(exc: BaseException) -> tuple[Notice, Detail | None]:
    """The notice for a run that could not run as a whole (an unexpected bug also belongs in the error dialog)."""
    if isinstance(exc, Pan123Error):
        detail: Detail = lambda: error_text(exc.kind, exc.code, exc.server_message)  # noqa: E731 (re-rendered on retranslate)
        if exc.kind in (ErrorKind.CREDENTIALS, ErrorKind.AUTH):
            return Notice.CREDENTIALS, detail
        if exc.kind is ErrorKind.SIGNING:
            return Notice.SIGN_KEY, None
        return Notice.PROBLEM, detail
    return Notice.PROBLEM, None


class ResolveRun(QObject):
    """One run over ``ids`` (unique, in input order). Create in the GUI thread, connect, then :meth:`start`."""

    progress = Signal(int, int, int, int)
    results = Signal(list)
    problem = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        job: Job,
        ids: Sequence[int],
        *,
        previous: Sequence[LinkResult] = (),
        flush_ms: int = FLUSH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ids = list(ids)
        self._previous = {r.file_id: r for r in previous}
        self._queue: deque[LinkResult] = deque()  # append (pool threads) / popleft (GUI thread) are atomic
        self._ledger: dict[int, LinkResult] = {}
        self._failed = 0  # results in the ledger that failed (not counting CANCELLED)
        self._cancelled = 0  # results in the ledger that are CANCELLED
        self._running = False
        self._done = False
        self._pool: QThreadPool | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(flush_ms)
        self._timer.timeout.connect(self.flush)
        self._worker = Worker(job, self._queue.append, pass_cancel=True)
        self._worker.signals.result.connect(self._on_result)
        self._worker.signals.error.connect(self._on_error)
        self._worker.signals.finished.connect(self._on_finished)
        self._final: list[LinkResult] | None = None
        self._error: BaseException | None = None

    # -- control --------------------------------------------------------------------------------------------------
    def start(self, pool: QThreadPool | None = None, *, delay_ms: int = 0) -> None:
        """Start the job on ``pool`` (after ``delay_ms``: lets new rows lay out and paint before the resolver's
        threads compete for the GIL)."""
        if self._running or self._done:
            raise RuntimeError("a ResolveRun runs once")
        self._running = True
        self._pool = pool
        self.progress.emit(0, len(self.ids), 0, 0)
        self._timer.start()
        if delay_ms > 0:
            QTimer.singleShot(delay_ms, self, self._start_worker)
        else:
            self._start_worker()

    def _start_worker(self) -> None:
        self._worker.start(self._pool)

    def cancel(self) -> None:
        """Ask the job to stop: IDs not finished yet come back as CANCELLED (finished rows are kept)."""
        self._worker.cancel()

    @property
    def cancelled(self) -> bool:
        return self._worker.cancelled

    @property
    def running(self) -> bool:
        return self._running

    @property
    def done(self) -> int:
        """IDs with a result so far."""
        return len(self._ledger)

    def _emit_progress(self, total: int) -> None:
        cancelled = self._cancelled
        self.progress.emit(len(self._ledger) - cancelled, total, self._failed, cancelled)

    # -- delivery (GUI thread) ------------------------------------------------------------------------------------
    def _record(self, result: LinkResult) -> bool:
        """Put ``result`` in the ledger; False when the ledger already had exactly this."""
        old = self._ledger.get(result.file_id)
        if old == result:
            return False
        if old is not None and _failed_in_run(old):
            self._failed -= 1
        if old is not None and old.error_kind is ErrorKind.CANCELLED:
            self._cancelled -= 1
        if _failed_in_run(result):
            self._failed += 1
        if result.error_kind is ErrorKind.CANCELLED:
            self._cancelled += 1
        self._ledger[result.file_id] = result
        return True

    def flush(self) -> None:
        """Emit everything queued so far as one batch (called by the timer, and once at the end)."""
        queue = self._queue
        batch: list[LinkResult] = []
        while queue:
            result = queue.popleft()
            if self._record(result):
                batch.append(result)
        if batch:
            self.results.emit(batch)
            self._emit_progress(len(self.ids))

    def _on_result(self, value: object) -> None:
        self._final = list(value) if isinstance(value, list) else None

    def _on_error(self, exc: object) -> None:
        self._error = exc if isinstance(exc, BaseException) else RuntimeError(str(exc))

    def _on_finished(self) -> None:
        self._timer.stop()
        self.flush()
        final = self._complete_final()
        # Anything the callbacks did not deliver (cancelled IDs, the re-sign result, a whole-run failure).
        rest = [r for r in final if self._record(r)]
        error = self._error
        if error is not None:
            if not isinstance(error, Pan123Error):
                log.error("resolve job failed unexpectedly", exc_info=error)
            self.problem.emit(error)
        if rest:
            self.results.emit(rest)
        self._running = False
        self._done = True
        self._emit_progress(len(final))
        self.finished.emit(RunSummary(final, self.cancelled))

    def _complete_final(self) -> list[LinkResult]:
        """One result per ID in input order, whatever happened to the job."""
        by_id: dict[int, LinkResult] = dict(self._ledger)
        if self._final is not None:
            by_id.update((r.file_id, r) for r in self._final)
        if self._error is not None:
            kind = self._error.kind if isinstance(self._error, Pan123Error) else ErrorKind.API
            message = str(self._error) if isinstance(self._error, Pan123Error) else "Unexpected error"
            for file_id in self.ids:
                if file_id not in by_id:
                    by_id[file_id] = failed_row(file_id, kind, message, self._previous.get(file_id))
        cancelled = self.cancelled
        for file_id in self.ids:
            if file_id not in by_id:  # a job that returned too few results: never leave a row hanging
                kind = ErrorKind.CANCELLED if cancelled else ErrorKind.API
                by_id[file_id] = failed_row(file_id, kind, "No result", self._previous.get(file_id))
        return [by_id[file_id] for file_id in self.ids]
