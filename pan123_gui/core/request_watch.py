"""``RequestWatch``: what the requests of one run have seen (the network cut-off and the typical round trip).

A watch shared by the calls of one run adds the network cut-off: once several requests in a row could not even
connect, the run's remaining calls fail at once with :class:`NotTriedError` instead of each making its own attempts
with back-off. The resolver reads its round-trip figures to size the link threads.
"""

from __future__ import annotations

import logging
import threading
import time

from pan123_gui.core._http import ConnectFailedError, ConnectTimeoutError
from pan123_gui.core.errors import (
    CancelledError,
    CredentialsError,
    NetworkError,
    NotTriedError,
    Pan123Error,
    RequestTimeoutError,
)

__all__ = ["BREAKER_THRESHOLD", "RequestWatch"]

log = logging.getLogger(__name__)

BREAKER_THRESHOLD = 3  # requests in a row that could not connect, with no answer in between, before the cut-off
_LATENCY_WEIGHT = 0.3  # weight of the newest round trip in the moving average


class RequestWatch:
    """What the requests of one run have seen: the network cut-off (a breaker) and the typical round-trip time.

    Pass the same watch to every call of a run (``watch=``). When ``threshold`` requests in a row failed to connect
    (:class:`ConnectFailedError` / :class:`ConnectTimeoutError`: they never reached the server) with no answer in
    between, the watch trips: every later call with it raises :class:`NotTriedError` before sending anything, and
    ``wake`` is set, so calls waiting in a limiter or a back-off with ``cancel=wake`` wake up and stop too. Any answer
    from the server resets the count (a tripped watch stays tripped: the next run starts with a fresh one). Other
    transport failures (a dropped connection, a read timeout) may have reached the server: they neither count nor
    reset. A request that ran into its deadline marks the watch :attr:`stalled` until the next answer (the client
    then does not retry another stalled request of the run). Thread-safe.
    """

    def __init__(self, threshold: int = BREAKER_THRESHOLD, *, wake: threading.Event | None = None) -> None:
        if threshold < 1:
            raise ValueError("threshold must be at least 1")
        self._threshold = threshold
        self._wake = wake
        self._lock = threading.Lock()
        self._failures = 0  # connect failures since the last answer
        self._tripped = False
        self._stalled = False  # a request ran into its deadline, and no answer came since
        self._latency: dict[str, float] = {}  # path -> moving average of answered round trips (seconds)
        self._any_latency: float | None = None
        self._on_the_wire: dict[int, tuple[str, float]] = {}  # ticket -> (path, when that attempt was sent)
        self._tickets = 0
        self.connect_failures = 0  # in total (diagnostics, tests)

    def __repr__(self) -> str:
        return f"RequestWatch(failures={self._failures}/{self._threshold}, tripped={self._tripped})"

    @property
    def tripped(self) -> bool:
        return self._tripped

    @property
    def stalled(self) -> bool:
        """A request of this run ran into its deadline (connected, but no full answer) and none answered since."""
        return self._stalled

    def check(self) -> None:
        """Raise :class:`NotTriedError` when the cut-off has tripped (called before each attempt)."""
        if self._tripped:
            raise NotTriedError()

    def record(self, path: str, seconds: float | None, error: Pan123Error | None) -> None:
        """One attempt's outcome: ``error`` None for success; ``seconds`` its round trip when it was sent."""
        if isinstance(error, ConnectFailedError | ConnectTimeoutError):
            with self._lock:
                self.connect_failures += 1
                self._failures += 1
                failures = self._failures
                trip = not self._tripped and failures >= self._threshold
                if trip:
                    self._tripped = True
            if trip:
                log.warning("%d requests in a row could not reach the API: not trying the others", failures)
                if self._wake is not None:
                    self._wake.set()
            return
        if isinstance(error, RequestTimeoutError):
            self._stalled = True
            return
        if error is not None and not _reached_server(error):
            return
        with self._lock:
            self._failures = 0
            self._stalled = False
            if seconds is not None and seconds >= 0:
                old = self._latency.get(path)
                self._latency[path] = seconds if old is None else old + _LATENCY_WEIGHT * (seconds - old)
                any_old = self._any_latency
                self._any_latency = seconds if any_old is None else any_old + _LATENCY_WEIGHT * (seconds - any_old)

    def latency(self, path: str | None = None) -> float | None:
        """Moving average round trip of answered requests to ``path`` (any path when None); None before any."""
        with self._lock:
            return self._any_latency if path is None else self._latency.get(path)

    def begin(self, path: str) -> int:
        """An attempt goes on the wire now; pass the ticket to :meth:`end` when it is back (however it ended)."""
        with self._lock:
            self._tickets += 1
            self._on_the_wire[self._tickets] = (path, time.monotonic())
            return self._tickets

    def end(self, ticket: int) -> float | None:
        """The attempt is back: its time on the wire in seconds (None for an unknown ticket)."""
        with self._lock:
            sent = self._on_the_wire.pop(ticket, None)
        return None if sent is None else time.monotonic() - sent[1]

    def oldest_on_the_wire(self, path: str | None = None) -> float | None:
        """How long the oldest attempt to ``path`` (any path when None) still unanswered has been on the wire (None
        when none is): a round trip is at least this long, known before the first answer comes back."""
        with self._lock:
            first = min((sent for p, sent in self._on_the_wire.values() if path is None or p == path), default=None)
        return None if first is None else time.monotonic() - first


def _reached_server(error: Pan123Error) -> bool:
    """An answer came back (an envelope error, a 5xx page, garbage): the network works."""
    return not isinstance(error, NetworkError | CredentialsError | CancelledError)
