"""Resolve many file IDs to direct links concurrently, one :class:`LinkResult` per unique ID.

Worker threads share one :class:`Pan123Client`; the client's per-endpoint limiter sets the pace, so enough requests
are in flight that throughput approaches the configured rate instead of 1 / round-trip time. The pool starts small
and grows towards what the pace can use, ``ceil(rate x observed round trip) + 2`` (at most ``workers``), a few threads
at a time, so a big run does not start 16 threads at once that fight the GUI thread for the GIL.

With ``names`` one extra thread looks up names and sizes (``file/infos``, 100 IDs a call) ahead of the links; a
folder or a file in the recycle bin then becomes an error row without spending a direct-link request.

Every ID ends as a link or a per-row error (never an exception). After ``cancel`` the unfinished IDs become
``CANCELLED`` rows and finished ones are kept. When requests keep failing to connect at all (the network is down),
the run's :class:`RequestWatch` trips and the remaining IDs fail at once as ``NETWORK`` rows ("not tried") instead of
each retrying with back-off; the next run (Retry failed) starts afresh.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import timedelta

from pan123_gui.core.client import FILE_INFOS_BATCH, Pan123Client
from pan123_gui.core.endpoints import DIRECT_LINK_PATH
from pan123_gui.core.errors import (
    CancelledError,
    ErrorKind,
    IsFolderError,
    NetworkError,
    Pan123Error,
    SigningError,
    TrashedError,
)
from pan123_gui.core.models import FileInfo, LinkResult
from pan123_gui.core.request_watch import RequestWatch
from pan123_gui.core.signing import sign_url

__all__ = ["DEFAULT_WORKERS", "MIN_WORKERS", "Resolver", "SignOptions"]

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 16  # the most link threads a run uses
MIN_WORKERS = 2  # link threads a run starts with (fewer only when there are fewer IDs or workers)
_HEADROOM = 2  # threads beyond rate x round trip (jitter, the odd slow answer)
_POLL = 0.05  # how often resolve() looks at the cancel event and the pool size while waiting
_CANCEL_GRACE = 0.5  # after cancel, how long requests already on the wire may still finish and count

OnResult = Callable[[LinkResult], None]


@dataclass(frozen=True, slots=True)
class SignOptions:
    key: str = field(repr=False)
    valid_for: timedelta
    encoded_path: bool = False


def _error_row(file_id: int, err: Pan123Error, **extra: object) -> LinkResult:
    return LinkResult(
        file_id=file_id,
        error=str(err),
        error_kind=err.kind,
        error_code=err.code,
        trace_id=err.trace_id,
        server_message=err.server_message,
        **extra,  # type: ignore[arg-type]
    )


def _cancelled_row(file_id: int) -> LinkResult:
    return LinkResult(file_id=file_id, error="Cancelled", error_kind=ErrorKind.CANCELLED)


class _UidOnce:
    """The uid for signing, asked for at most once per run (a failure is remembered too, except a cancel).

    Without the uid a link cannot be signed: a :class:`SigningError`, or a :class:`NetworkError` when the API could
    not be reached (so the row says "network", not "add the signing key")."""

    def __init__(
        self, client: Pan123Client, cancel: threading.Event | None = None, watch: RequestWatch | None = None
    ) -> None:
        self._client = client
        self._cancel = cancel
        self._watch = watch
        self._lock = threading.Lock()
        self._uid: int | None = None
        self._failure: tuple[type[Pan123Error], str, int | None] | None = None

    def get(self) -> int:
        with self._lock:
            if self._uid is not None:
                return self._uid
            if self._failure is None:
                try:
                    self._uid = self._client.uid(self._cancel, watch=self._watch)
                    return self._uid
                except CancelledError:
                    raise
                except Pan123Error as err:
                    kind: type[Pan123Error] = NetworkError if isinstance(err, NetworkError) else SigningError
                    self._failure = (kind, f"Cannot sign: the account uid is unavailable ({err})", err.code)
            failed_kind, message, code = self._failure
        raise failed_kind(message, code=code)  # a fresh exception per caller (threads must not share one)


class Resolver:
    def __init__(
        self,
        client: Pan123Client,
        *,
        sign: SignOptions | None = None,
        names: bool = False,
        workers: int = DEFAULT_WORKERS,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self._client = client
        self._sign = sign
        self._names = names
        self._workers = workers

    def resolve(
        self,
        ids: Sequence[int],
        on_result: OnResult | None = None,
        cancel: threading.Event | None = None,
    ) -> list[LinkResult]:
        """One result per unique ID, in input order; ``on_result`` is called from worker threads as each finishes."""
        unique = list(dict.fromkeys(int(i) for i in ids))
        if not unique:
            return []
        run = _Run(self, unique, on_result, cancel if cancel is not None else threading.Event())
        return run.execute()

    def resign(self, results: Sequence[LinkResult]) -> list[LinkResult]:
        """Sign again (fresh expiry) every row that has ``unsigned_url``; no API call except the uid once."""
        uid = _UidOnce(self._client)
        out: list[LinkResult] = []
        for row in results:
            if row.unsigned_url is None:
                out.append(row)
                continue
            try:
                out.append(self._finish(row.file_id, row.unsigned_url, uid, name=row.name, size=row.size))
            except CancelledError:
                out.append(row)
        return out

    def _finish(self, file_id: int, plain: str, uid: _UidOnce, *, name: str | None, size: int | None) -> LinkResult:
        """The row for a plain link: signed when asked (a signing failure is an error row, never a plain link)."""
        sign = self._sign
        if sign is None:
            return LinkResult(file_id=file_id, url=plain, name=name, size=size, unsigned_url=plain)
        try:
            signed = sign_url(
                plain,
                key=sign.key,
                uid=uid.get(),
                valid_for=sign.valid_for,
                encoded_path=sign.encoded_path,
            )
        except CancelledError:
            raise
        except (SigningError, NetworkError) as err:  # no uid: the plain link is kept for re-signing
            return _error_row(file_id, err, name=name, size=size, unsigned_url=plain)
        except Exception as exc:  # a bad link or anything unexpected: still an error row, never unsigned
            failure = SigningError(f"Cannot sign the link ({type(exc).__name__})")
            return _error_row(file_id, failure, name=name, size=size, unsigned_url=plain)
        return LinkResult(
            file_id=file_id,
            url=signed.url,
            name=name,
            size=size,
            expires_at=signed.expires_at,
            unsigned_url=plain,
        )


class _RunStop(threading.Event):
    """A run's stop signal, given to the client as ``cancel``: set when the network cut-off trips, and seen as set
    as soon as the caller's ``cancel`` is (no new attempt starts after a cancel; sleepers wake when the run's wait
    loop forwards the cancel, within one poll)."""

    def __init__(self, cancel: threading.Event) -> None:
        super().__init__()
        self._caller = cancel

    def is_set(self) -> bool:
        return self._caller.is_set() or super().is_set()


class _Run:
    """The state of one ``resolve`` call."""

    def __init__(self, resolver: Resolver, ids: list[int], on_result: OnResult | None, cancel: threading.Event) -> None:
        self._resolver = resolver
        self._client = resolver._client
        self._client.tokens.begin_run()  # refused credentials: one refresh at most in this run, then it stops
        self._ids = ids
        self._on_result = on_result
        self._cancel = cancel  # the caller's
        self._stop = _RunStop(cancel)  # the caller's cancel or the network cut-off: what the client waits on
        self._watch = RequestWatch(wake=self._stop)
        self._uid = _UidOnce(self._client, self._stop, self._watch)
        self._lock = threading.Lock()
        self._results: dict[int, LinkResult] = {}
        self._finalized = False
        self._pending = len(ids)
        self._all_done = threading.Event()
        self._taken = 0  # IDs handed to link threads so far (in input order)
        self._threads = 0  # link threads started
        self._waiting_for_names = 0  # link threads waiting for their chunk's names lookup
        self._max_threads = min(resolver._workers, len(ids))
        chunks = math.ceil(len(ids) / FILE_INFOS_BATCH) if resolver._names else 0
        self._names: list[Future[dict[int, FileInfo]]] = [Future() for _ in range(chunks)]

    def execute(self) -> list[LinkResult]:
        if self._names:
            threading.Thread(target=self._fetch_all_names, name="pan123-resolve-names", daemon=True).start()
        self._grow()
        self._wait()
        return self._finalize()

    def _wait(self) -> None:
        while not self._cancel.is_set():
            if self._all_done.wait(_POLL):
                return
            self._grow()
        self._stop.set()  # wake the client's waits (limiter, back-off)
        deadline = time.monotonic() + _CANCEL_GRACE
        while self._in_flight() and not self._all_done.is_set():  # requests on the wire may still finish
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            self._all_done.wait(min(remaining, 0.01))

    def _in_flight(self) -> int:
        with self._lock:
            return self._taken - (len(self._ids) - self._pending)

    # --- the link threads -------------------------------------------------------------------------------------------

    def wanted_threads(self) -> int:
        """``ceil(rate x round trip) + 2`` link threads, within ``MIN_WORKERS`` .. ``workers``: more would only wait
        in the limiter. The round trip is the run's moving average, or the age of the oldest request still
        unanswered when that is longer."""
        watch = self._watch
        answered = watch.latency(DIRECT_LINK_PATH)
        if answered is None:
            answered = watch.latency()  # with names, the names lookup answers first
        waiting = watch.oldest_on_the_wire(DIRECT_LINK_PATH)  # before the first answer; when answers slow down
        known = [value for value in (answered, waiting) if value is not None]
        if not known:
            return min(MIN_WORKERS, self._max_threads)
        latency = max(known)
        wanted = math.ceil(self._client.rate * latency) + _HEADROOM
        return max(min(MIN_WORKERS, self._max_threads), min(self._max_threads, wanted))

    def _grow(self) -> None:
        """Start link threads up to :meth:`wanted_threads`, at most half as many again as run already (≥ 2); none
        while a link thread waits for the names lookup (then the lookup, not the pool, sets the pace)."""
        wanted = self.wanted_threads()
        with self._lock:
            if self._cancel.is_set() or self._watch.tripped:  # the threads there are finish the run at once
                return
            if self._waiting_for_names:  # the links are ahead of the names lookup: more threads would wait too
                return
            waiting = len(self._ids) - self._taken
            step = max(MIN_WORKERS, self._threads // 2)
            target = min(wanted, self._threads + step, self._threads + waiting)
            first, self._threads = self._threads, max(self._threads, target)
        for number in range(first, target):
            threading.Thread(target=self._work, name=f"pan123-resolve-{number}", daemon=True).start()

    def _work(self) -> None:
        while True:
            with self._lock:
                if self._taken >= len(self._ids) or self._cancel.is_set():
                    return
                position = self._taken
                self._taken += 1
            self._task(position, self._ids[position])

    def _finalize(self) -> list[LinkResult]:
        with self._lock:
            self._finalized = True
            missing = [i for i in self._ids if i not in self._results]
            for file_id in missing:
                self._results[file_id] = _cancelled_row(file_id)
            results = [self._results[i] for i in self._ids]
        if missing:
            log.info("Cancelled: %d of %d IDs unfinished", len(missing), len(self._ids))
            for file_id in missing:
                self._notify(self._results[file_id])
        if self._watch.tripped:
            not_tried = sum(1 for r in results if r.error_kind is ErrorKind.NETWORK)
            log.warning("The API could not be reached: %d of %d IDs failed as network errors", not_tried, len(results))
        return results

    def _task(self, position: int, file_id: int) -> None:
        try:
            row = self._resolve_one(position, file_id)
            if row is not None:
                self._emit(row)
        finally:
            with self._lock:
                self._pending -= 1
                if self._pending == 0:
                    self._all_done.set()

    def _resolve_one(self, position: int, file_id: int) -> LinkResult | None:
        """The finished row, or None when cancelled before it finished."""
        if self._cancel.is_set():
            return None
        info = self._info_of(position, file_id)
        name, size = (info.name, info.size) if info is not None else (None, None)
        if info is not None and (info.is_folder or info.trashed):  # no direct link: no request spent on it
            problem: Pan123Error = IsFolderError() if info.is_folder else TrashedError()
            return _error_row(file_id, problem, name=name, size=size)
        try:
            plain = self._client.direct_link_url(file_id, self._stop, watch=self._watch)
        except CancelledError:
            return None
        except Pan123Error as err:
            return _error_row(file_id, err, name=name, size=size)
        except Exception as exc:  # never let one ID take the run down
            log.exception("Unexpected error resolving one ID")
            error = f"Unexpected error ({type(exc).__name__})"
            return LinkResult(file_id=file_id, error=error, error_kind=ErrorKind.API, name=name, size=size)
        try:
            return self._resolver._finish(file_id, plain, self._uid, name=name, size=size)
        except CancelledError:
            return None

    # --- names ------------------------------------------------------------------------------------------------------

    def _fetch_all_names(self) -> None:
        """Look up the chunks in input order, one call at a time (the endpoint's pace is the limit anyway)."""
        try:
            for index, future in enumerate(self._names):
                chunk = self._ids[index * FILE_INFOS_BATCH : (index + 1) * FILE_INFOS_BATCH]
                future.set_result({} if self._cancel.is_set() else self._fetch_names(chunk))
        finally:
            for future in self._names:  # never leave a link thread waiting
                if not future.done():
                    future.set_result({})

    def _fetch_names(self, chunk: list[int]) -> dict[int, FileInfo]:
        try:
            return self._client.file_infos(chunk, self._stop, watch=self._watch)
        except CancelledError:
            return {}
        except Exception as exc:  # a names failure must not lose the links: they come without names
            reason = str(exc) if isinstance(exc, Pan123Error) else type(exc).__name__
            log.warning("Names lookup for %d IDs failed: %s", len(chunk), reason)
            return {}

    def _info_of(self, position: int, file_id: int) -> FileInfo | None:
        """Name, size, folder and trash flags of ``file_id`` (None without names or when the API left it out).

        Waits for the chunk's lookup: a row needs its name, and a folder must not spend a direct-link request. The
        wait is bounded by the client's timeouts and retries; a failed lookup gives no names, not an error."""
        if not self._names:
            return None
        future = self._names[position // FILE_INFOS_BATCH]
        if not future.done():
            with self._lock:
                self._waiting_for_names += 1
            try:
                future.result()
            finally:
                with self._lock:
                    self._waiting_for_names -= 1
        return future.result().get(file_id)

    # --- results ----------------------------------------------------------------------------------------------------

    def _emit(self, row: LinkResult) -> None:
        with self._lock:
            if self._finalized:
                return  # finished after the run was closed by a cancel: dropped
            self._results[row.file_id] = row
            self._notify(row)  # inside the lock: no callback can come after resolve() returned

    def _notify(self, row: LinkResult) -> None:
        if self._on_result is None:
            return
        try:
            self._on_result(row)
        except Exception:
            log.exception("on_result callback failed")
