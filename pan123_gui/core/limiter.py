"""Thread-safe request pacing, one limiter per API endpoint.

:class:`RateLimiter` is a blocking GCRA (generic cell rate algorithm): each :meth:`~RateLimiter.acquire` reserves
the next free start time under a lock and then waits for it outside the lock. There is no release step: a slot is
"spent" when its start time passes, whatever the request then does, so retries can neither leak slots nor deadlock
(each attempt simply acquires again). Waiting is interruptible by a cancel event; a cancelled wait hands its
reservation back when nothing later was reserved after it, so cancelling a big batch leaves no waiting debt behind
for the next run.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from pan123_gui.core.endpoints import (
    ACCESS_TOKEN_PATH,
    DIRECT_LINK_PATH,
    FILE_DETAIL_PATH,
    FILE_INFOS_PATH,
    FILE_LIST_PATH,
    USER_INFO_PATH,
)
from pan123_gui.core.errors import CancelledError
from pan123_gui.core.retry import Sleep, interruptible_sleep

__all__ = ["DEFAULT_RATE", "DEFAULT_RATES", "DIRECT_LINK_RATE", "EndpointLimiters", "RateLimiter"]

DIRECT_LINK_RATE = 5.0
DEFAULT_RATE = 1.0  # any endpoint without its own entry
DEFAULT_RATES: dict[str, float] = {
    DIRECT_LINK_PATH: DIRECT_LINK_RATE,
    USER_INFO_PATH: 1.0,
    FILE_INFOS_PATH: 5.0,
    FILE_DETAIL_PATH: 5.0,
    FILE_LIST_PATH: 3.0,  # v2 file/list: 3/s (OpenList; the older official table), 5/s free and 10/s VIP in 2025-10
    ACCESS_TOKEN_PATH: 1.0,
}


def _check_rate(rate: float) -> float:
    if not rate > 0 or rate == float("inf"):
        raise ValueError("rate must be a positive, finite number of requests per second")
    return float(rate)


class RateLimiter:
    """At most ``rate`` request starts per second, with up to ``burst`` starts at once after a quiet spell."""

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        *,
        sleep: Sleep = interruptible_sleep,
    ) -> None:
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self._interval = 1.0 / _check_rate(rate)
        self._burst = burst
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tat: float | None = None  # theoretical arrival time of the next request
        self._recent: deque[_Reservation] = deque()  # latest reservations, oldest first (for handing back on cancel)

    @property
    def rate(self) -> float:
        return 1.0 / self._interval

    def set_rate(self, rate: float) -> None:
        """Change the pace; reservations already handed out keep their start times."""
        interval = 1.0 / _check_rate(rate)
        with self._lock:
            self._interval = interval

    def reserve(self) -> float:
        """Reserve the next start time (on this limiter's clock) without waiting. ``acquire`` = reserve + wait."""
        return self._reserve().start

    def _reserve(self) -> _Reservation:
        with self._lock:
            now = self._clock()
            tat = self._tat
            if tat is None or tat <= now:
                start = now
                self._tat = now + self._interval
            else:
                start = max(now, tat - (self._burst - 1) * self._interval)
                self._tat = tat + self._interval
            reservation = _Reservation(start, tat)
            recent = self._recent
            while recent and recent[0].start < now - 1.0:  # long started: can no longer be handed back
                recent.popleft()
            recent.append(reservation)
            return reservation

    def _hand_back(self, reservation: _Reservation) -> None:
        """Forget a cancelled reservation; unwind the newest ones while they are all cancelled."""
        with self._lock:
            reservation.cancelled = True
            recent = self._recent
            while recent and recent[-1].cancelled:
                self._tat = recent.pop().tat_before

    def acquire(self, cancel: threading.Event | None = None) -> None:
        """Block until this caller's slot; raises :class:`CancelledError` if ``cancel`` is set meanwhile."""
        if cancel is not None and cancel.is_set():
            raise CancelledError("Cancelled")
        reservation = self._reserve()
        delay = reservation.start - self._clock()
        if delay > 0:
            self._sleep(delay, cancel)
            if cancel is not None and cancel.is_set():
                self._hand_back(reservation)
                raise CancelledError("Cancelled while waiting for a request slot")


class _Reservation:
    __slots__ = ("cancelled", "start", "tat_before")

    def __init__(self, start: float, tat_before: float | None) -> None:
        self.start = start
        self.tat_before = tat_before
        self.cancelled = False


class EndpointLimiters:
    """One :class:`RateLimiter` per API path, created on first use (``rates`` override :data:`DEFAULT_RATES`)."""

    def __init__(
        self,
        rates: dict[str, float] | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = interruptible_sleep,
    ) -> None:
        self._rates = dict(DEFAULT_RATES)
        if rates:
            self._rates.update({path: _check_rate(rate) for path, rate in rates.items()})
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._limiters: dict[str, RateLimiter] = {}

    def for_path(self, path: str) -> RateLimiter:
        with self._lock:
            limiter = self._limiters.get(path)
            if limiter is None:
                rate = self._rates.get(path, DEFAULT_RATE)
                limiter = RateLimiter(rate, clock=self._clock, sleep=self._sleep)
                self._limiters[path] = limiter
            return limiter

    def rate_for(self, path: str) -> float:
        with self._lock:
            return self._rates.get(path, DEFAULT_RATE)

    def set_rate(self, path: str, rate: float) -> None:
        rate = _check_rate(rate)
        with self._lock:
            self._rates[path] = rate
            limiter = self._limiters.get(path)
        if limiter is not None:
            limiter.set_rate(rate)
