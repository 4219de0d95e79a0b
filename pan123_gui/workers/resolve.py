"""Resolving file IDs (or re-signing links) on the worker pool, with results delivered to the GUI in batches.

The core :class:`~pan123_gui.core.resolver.Resolver` calls ``on_result`` from its own threads as each ID
finishes. Emitting one queued signal per result would post 1,000 events for 1,000 IDs and make the model
update (and the view relayout) 1,000 times, so results go into a thread-safe deque instead and a GUI-thread
QTimer drains it every ``flush_ms`` (50 ms): at most ~20 model updates a second, however fast the API answers.

Signals (all in the GUI thread):
- ``results(list[LinkResult])``: a batch of finished IDs (each ID appears once over the whole job, except that
  the last batch may repeat an ID whose final result differs, e.g. CANCELLED after cancel).
- ``failed(Exception)``: the job as a whole could not run (no credentials, token refused, no sign key, or an
  unexpected bug). Every ID without a result is then reported in ``results`` as a failed row of that kind.
- ``finished(list[LinkResult])``: always last; one result per ID, in input order.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from pan123_gui.core.errors import ErrorKind, Pan123Error, SigningError
from pan123_gui.core.models import LinkResult
from pan123_gui.workers.base import Worker

if TYPE_CHECKING:
    from pan123_gui.core.client import Pan123Client
    from pan123_gui.core.credentials import Credentials
    from pan123_gui.core.resolver import Resolver

log = logging.getLogger(__name__)

FLUSH_MS = 50

#: A job runs on a pool thread: it gets a callback for each finished result and the cancel event,
#: and returns one result per ID in input order.
Job = Callable[[Callable[[LinkResult], None], threading.Event], list[LinkResult]]


class ClientSource(Protocol):
    """What a job needs from :class:`pan123_gui.app.Services` (called on the pool thread)."""

    def client(self) -> Pan123Client: ...

    def credentials(self) -> Credentials: ...


def resolver_factory(
    services: ClientSource,
    *,
    sign: bool,
    valid_minutes: int,
    encoded_path: bool = False,
    names: bool = True,
) -> Callable[[], Resolver]:
    """A function that builds a Resolver on the pool thread (building the client may fetch a token).

    Settings are read by the caller in the GUI thread and passed in, so the job sees one consistent snapshot.
    Raises :class:`SigningError` when signing is wanted but no sign key is stored.
    """

    def make() -> Resolver:
        from pan123_gui.core.resolver import Resolver, SignOptions

        options = None
        if sign:
            key = services.credentials().sign_key
            if not key:
                raise SigningError("Signing is on but no sign key is stored")
            options = SignOptions(key=key, valid_for=timedelta(minutes=valid_minutes), encoded_path=encoded_path)
        return Resolver(services.client(), sign=options, names=names)

    return make


def resolve_job(make_resolver: Callable[[], Resolver], ids: Sequence[int]) -> Job:
    """Get a link for each ID (the Resolver retries, paces, and turns every per-ID problem into a row)."""
    wanted = list(ids)

    def run(emit: Callable[[LinkResult], None], cancel: threading.Event) -> list[LinkResult]:
        resolver = make_resolver()
        return resolver.resolve(wanted, on_result=emit, cancel=cancel)

    return run


def resign_job(make_resolver: Callable[[], Resolver], results: Sequence[LinkResult]) -> Job:
    """Give signed rows a fresh signature (no direct-link calls; the uid may need one user-info call)."""
    rows = list(results)

    def run(emit: Callable[[LinkResult], None], cancel: threading.Event) -> list[LinkResult]:
        resolver = make_resolver()
        if cancel.is_set():
            return [_failed(r.file_id, ErrorKind.CANCELLED, "Cancelled", r) for r in rows]
        return resolver.resign(rows)

    return run


def _failed(file_id: int, kind: ErrorKind, message: str, previous: LinkResult | None = None) -> LinkResult:
    return LinkResult(
        file_id=file_id,
        error=message,
        error_kind=kind,
        name=previous.name if previous else None,
        size=previous.size if previous else None,
    )


class ResolveWorker(QObject):
    """One resolve (or re-sign) run. Create in the GUI thread, connect, then :meth:`start`."""

    results = Signal(list)
    failed = Signal(object)
    finished = Signal(list)

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
        self.ids = list(dict.fromkeys(ids))
        self._previous = {r.file_id: r for r in previous}
        self._queue: deque[LinkResult] = deque()  # append (pool threads) / popleft (GUI thread) are atomic
        self._delivered: dict[int, LinkResult] = {}
        self._running = False
        self._done = False
        self._timer = QTimer(self)
        self._timer.setInterval(flush_ms)
        self._timer.timeout.connect(self.flush)
        self._worker = Worker(job, self._queue.append, pass_cancel=True)
        self._worker.signals.result.connect(self._on_result)
        self._worker.signals.error.connect(self._on_error)
        self._worker.signals.finished.connect(self._on_finished)
        self._final: list[LinkResult] | None = None
        self._error: BaseException | None = None

    # -- control --------------------------------------------------------------------------------------
    def start(self, pool: QThreadPool | None = None) -> None:
        if self._running or self._done:
            raise RuntimeError("a ResolveWorker runs once")
        self._running = True
        self._timer.start()
        self._worker.start(pool)

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
    def delivered(self) -> int:
        return len(self._delivered)

    # -- delivery (GUI thread) --------------------------------------------------------------------------
    def flush(self) -> None:
        """Emit everything queued so far as one batch (called by the timer, and once at the end)."""
        batch: list[LinkResult] = []
        queue = self._queue
        while queue:
            result = queue.popleft()
            if result.file_id in self._delivered and self._delivered[result.file_id] == result:
                continue
            self._delivered[result.file_id] = result
            batch.append(result)
        if batch:
            self.results.emit(batch)

    def _on_result(self, value: object) -> None:
        self._final = list(value) if isinstance(value, list) else None

    def _on_error(self, exc: object) -> None:
        self._error = exc if isinstance(exc, BaseException) else RuntimeError(str(exc))

    def _on_finished(self) -> None:
        self._timer.stop()
        self.flush()
        final = self._complete_final()
        # Anything the callbacks did not deliver (cancelled IDs, the re-sign result, a whole-job failure).
        rest = [r for r in final if self._delivered.get(r.file_id) != r]
        for r in rest:
            self._delivered[r.file_id] = r
        if self._error is not None:
            if not isinstance(self._error, Pan123Error):
                log.error("resolve job failed unexpectedly", exc_info=self._error)
            self.failed.emit(self._error)
        if rest:
            self.results.emit(rest)
        self._running = False
        self._done = True
        self.finished.emit(final)

    def _complete_final(self) -> list[LinkResult]:
        """One result per ID in input order, whatever happened to the job."""
        by_id: dict[int, LinkResult] = dict(self._delivered)
        if self._final is not None:
            by_id.update((r.file_id, r) for r in self._final)
        if self._error is not None:
            kind = self._error.kind if isinstance(self._error, Pan123Error) else ErrorKind.API
            message = str(self._error) if isinstance(self._error, Pan123Error) else "Unexpected error"
            for file_id in self.ids:
                if file_id not in by_id:
                    by_id[file_id] = _failed(file_id, kind, message, self._previous.get(file_id))
        cancelled = self.cancelled
        for file_id in self.ids:
            if file_id not in by_id:  # a job that returned too few results: never leave a row hanging
                kind = ErrorKind.CANCELLED if cancelled else ErrorKind.API
                by_id[file_id] = _failed(file_id, kind, "No result", self._previous.get(file_id))
        return [by_id[file_id] for file_id in self.ids]
