"""Resolve many file IDs to direct links concurrently, one :class:`LinkResult` per unique ID.

A thread pool (16 workers by default) shares one :class:`Pan123Client`; the client's per-endpoint limiter sets
the pace, so enough requests are in flight that throughput approaches the configured rate instead of
1 / round-trip time. Every ID ends as a link or a per-row error (never an exception); after ``cancel`` the
unfinished IDs become ``CANCELLED`` rows and finished ones are kept.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from pan123_gui.core.client import FILE_INFOS_BATCH, Pan123Client
from pan123_gui.core.errors import CancelledError, ErrorKind, Pan123Error, SigningError
from pan123_gui.core.models import FileInfo, LinkResult
from pan123_gui.core.signing import sign_url

__all__ = ["DEFAULT_WORKERS", "Resolver", "SignOptions"]

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 16
_POLL = 0.05  # how often resolve() looks at the cancel event while waiting
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
        **extra,  # type: ignore[arg-type]
    )


def _cancelled_row(file_id: int) -> LinkResult:
    return LinkResult(file_id=file_id, error="Cancelled", error_kind=ErrorKind.CANCELLED)


class _UidOnce:
    """The uid for signing, asked for at most once per run (a failure is remembered too, except a cancel)."""

    def __init__(self, client: Pan123Client, cancel: threading.Event | None = None) -> None:
        self._client = client
        self._cancel = cancel
        self._lock = threading.Lock()
        self._uid: int | None = None
        self._error: str | None = None

    def get(self) -> int:
        with self._lock:
            if self._uid is not None:
                return self._uid
            if self._error is not None:
                raise SigningError(self._error)
            try:
                self._uid = self._client.uid(self._cancel)
            except CancelledError:
                raise
            except Pan123Error as err:
                self._error = f"Cannot sign: the account uid is unavailable ({err})"
                raise SigningError(self._error, code=err.code) from None
            return self._uid


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
        except SigningError as err:
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


class _Run:
    """The state of one ``resolve`` call."""

    def __init__(self, resolver: Resolver, ids: list[int], on_result: OnResult | None, cancel: threading.Event) -> None:
        self._resolver = resolver
        self._client = resolver._client
        self._ids = ids
        self._on_result = on_result
        self._cancel = cancel
        self._uid = _UidOnce(self._client, cancel)
        self._lock = threading.Lock()
        self._results: dict[int, LinkResult] = {}
        self._finalized = False
        self._pending = len(ids)
        self._all_done = threading.Event()
        self._names: dict[int, Future[dict[int, FileInfo]]] = {}  # chunk index -> names of that chunk

    def execute(self) -> list[LinkResult]:
        chunks = math.ceil(len(self._ids) / FILE_INFOS_BATCH) if self._resolver._names else 0
        workers = min(self._resolver._workers, len(self._ids) + chunks)
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pan123-resolve")
        try:
            # Name lookups go first in the queue, so a link task never waits for a lookup that has not started.
            for index in range(chunks):
                chunk = self._ids[index * FILE_INFOS_BATCH : (index + 1) * FILE_INFOS_BATCH]
                self._names[index] = pool.submit(self._fetch_names, chunk)
            for position, file_id in enumerate(self._ids):
                pool.submit(self._task, position, file_id)
            self._wait()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        return self._finalize()

    def _wait(self) -> None:
        while not self._all_done.wait(_POLL):
            if self._cancel.is_set():
                self._all_done.wait(_CANCEL_GRACE)
                return

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
        try:
            plain = self._client.direct_link_url(file_id, self._cancel)
        except CancelledError:
            return None
        except Pan123Error as err:
            name, size = self._name_of(position, file_id)
            return _error_row(file_id, err, name=name, size=size)
        except Exception as exc:  # never let one ID take the run down
            log.exception("Unexpected error resolving one ID")
            error = f"Unexpected error ({type(exc).__name__})"
            return LinkResult(file_id=file_id, error=error, error_kind=ErrorKind.API)
        name, size = self._name_of(position, file_id)
        try:
            return self._resolver._finish(file_id, plain, self._uid, name=name, size=size)
        except CancelledError:
            return None

    def _fetch_names(self, chunk: list[int]) -> dict[int, FileInfo]:
        try:
            return self._client.file_infos(chunk, self._cancel)
        except CancelledError:
            return {}
        except Exception as exc:  # a names failure must not lose the links: they come without names
            reason = str(exc) if isinstance(exc, Pan123Error) else type(exc).__name__
            log.warning("Names lookup for %d IDs failed: %s", len(chunk), reason)
            return {}

    def _name_of(self, position: int, file_id: int) -> tuple[str | None, int | None]:
        future = self._names.get(position // FILE_INFOS_BATCH)
        if future is None:
            return None, None
        try:
            info = future.result().get(file_id)
        except Exception:  # the lookup was cancelled before it started
            return None, None
        return (info.name, info.size) if info is not None else (None, None)

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
