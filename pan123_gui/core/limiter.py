"""Thread-safe request pacing that learns the server's real limit, one limiter per API endpoint.

:class:`RateLimiter` is a blocking GCRA (generic cell rate algorithm): each :meth:`~RateLimiter.acquire` reserves
the next free start time under a lock and then waits for it outside the lock. There is no release step: a slot is
"spent" when its start time passes, whatever the request then does, so retries can neither leak slots nor deadlock
(each attempt simply acquires again). Waiting is interruptible by a cancel event; a cancelled wait hands its
reservation back when nothing later was reserved after it, so cancelling a big batch leaves no waiting debt behind
for the next run.

The pace is not fixed. A server counts requests in its own window, and the requests arrive with network and thread
jitter, so pacing exactly at the allowed rate draws 429s. The limiter therefore keeps a small guard under the
configured rate and learns from the answers, the way TCP's congestion control (and MusicBrainz Picard's rate
control) does: the caller reports each attempt's outcome with :meth:`~RateLimiter.answered`. A 429 slows the pace
down at once (to what the server let through in the second before, with the guard, or by a fixed factor, whichever
is slower; at most halving it), once per round: a 429 for a request sent before the last slow-down was caused by
the old pace and changes nothing. Requests already waiting for a slot at the old pace take a new one, and none goes
out while the server's window is still full of what it let through at the old pace (the limiter keeps the same
count over its own sends). Every clean answer lets the pace creep back up, quickly while it is well under where the
429 came, slowly near it; the pace never goes above the configured rate minus the guard.
"""

from __future__ import annotations

import logging
import math
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

__all__ = [
    "DEFAULT_RATE",
    "DEFAULT_RATES",
    "DIRECT_LINK_RATE",
    "GUARD",
    "EndpointLimiters",
    "RateLimiter",
    "Slot",
]

log = logging.getLogger(__name__)

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

GUARD = 0.05  # pace this fraction under the configured rate (room for jitter in a strict server's window)
SLOW_DOWN = 0.9  # a 429 slows the pace to at most this share of what it was ...
MAX_SLOW_DOWN = 0.5  # ... and never below this share in one step (a single 429 cannot stall a run)
CREEP_FAST = 0.02  # growth per clean answer while the pace is well under the rate that drew the last 429 ...
CREEP_SLOW = 0.001  # ... and near or above it (where the next 429 is expected)
NEAR = 0.95  # "near" the rate that drew the last 429: from this share of it on
MIN_PACE = 0.1  # requests per second the learning never goes under (unless the configured rate is lower)
WINDOW = 1.0  # seconds: how far back the sends are counted when a 429 comes (servers count per second)


def _check_rate(rate: float) -> float:
    if not rate > 0 or rate == float("inf"):
        raise ValueError("rate must be a positive, finite number of requests per second")
    return float(rate)


class Slot:
    """One attempt's slot: when it was let go (on the limiter's clock). Hand it to :meth:`RateLimiter.answered`."""

    __slots__ = ("limited", "start")

    def __init__(self, start: float) -> None:
        self.start = start
        self.limited = False

    def __repr__(self) -> str:
        return f"Slot(start={self.start:.3f}, limited={self.limited})"


class RateLimiter:
    """At most ``rate x (1 - guard)`` request starts per second (less after 429s, see the module), with up to
    ``burst`` starts at once after a quiet spell."""

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        *,
        sleep: Sleep = interruptible_sleep,
        guard: float = GUARD,
    ) -> None:
        if burst < 1:
            raise ValueError("burst must be at least 1")
        if not 0 <= guard < 1:
            raise ValueError("guard must be at least 0 and less than 1")
        self._guard = guard
        self._rate = _check_rate(rate)
        self._pace = self._ceiling()
        self._interval = 1.0 / self._pace
        self._burst = burst
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tat: float | None = None  # theoretical arrival time of the next request
        self._recent: deque[_Reservation] = deque()  # latest reservations, oldest first (for handing back on cancel)
        self._epoch = 0  # bumped by every slow-down: reservations of an older epoch take a new slot
        self._slowed_at = -math.inf  # when the pace was last slowed down
        self._trouble: float | None = None  # the rate where the last counted 429 came (the server's limit, learned)
        self._learned: int | None = None  # how many requests the server let through in the WINDOW before that 429
        self._sent: deque[Slot] = deque()  # slots let go in the last WINDOW or so, oldest first
        self.slow_downs = 0  # how often a 429 slowed the pace (diagnostics, tests)

    @property
    def rate(self) -> float:
        """The configured rate (requests per second): the pace never goes above it minus the guard."""
        return self._rate

    @property
    def pace(self) -> float:
        """The pace right now (requests per second): at most ``rate x (1 - guard)``, less after 429s."""
        return self._pace

    def _ceiling(self) -> float:
        return self._rate * (1.0 - self._guard)

    def _floor(self) -> float:
        return min(self._ceiling(), MIN_PACE)

    def set_rate(self, rate: float) -> None:
        """Change the configured rate; the pace starts over from it (what was learned is forgotten). Reservations
        already handed out keep their start times."""
        rate = _check_rate(rate)
        with self._lock:
            self._rate = rate
            self._trouble = None
            self._learned = None
            self._set_pace(self._ceiling())

    def _set_pace(self, pace: float) -> None:
        self._pace = pace
        self._interval = 1.0 / pace

    # --- slots -------------------------------------------------------------------------------------------------------

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
            reservation = _Reservation(start, tat, self._epoch)
            recent = self._recent
            while recent and recent[0].start < now - 1.0:  # long started: can no longer be handed back
                recent.popleft()
            recent.append(reservation)
            return reservation

    def _hand_back(self, reservation: _Reservation) -> None:
        """Forget a cancelled reservation; unwind the newest ones while they are all cancelled."""
        with self._lock:
            reservation.cancelled = True
            if reservation.epoch != self._epoch:  # a slow-down already rebuilt the schedule without it
                return
            recent = self._recent
            while recent and recent[-1].cancelled:
                self._tat = recent.pop().tat_before

    def acquire(self, cancel: threading.Event | None = None) -> Slot:
        """Block until this caller's slot; raises :class:`CancelledError` if ``cancel`` is set meanwhile.

        Returns the slot; report the attempt's outcome with :meth:`answered` so the pace can learn from it."""
        while True:
            if cancel is not None and cancel.is_set():
                raise CancelledError("Cancelled")
            reservation = self._reserve()
            delay = reservation.start - self._clock()
            if delay > 0:
                self._sleep(delay, cancel)
                if cancel is not None and cancel.is_set():
                    self._hand_back(reservation)
                    raise CancelledError("Cancelled while waiting for a request slot")
            with self._lock:
                if delay > 0 and reservation.epoch != self._epoch:
                    continue  # reserved at a pace that has since drawn a 429: take a slot at the new pace
                now = self._clock()
                full = self._window_full_for(now)
                if full <= 0:
                    slot = Slot(max(reservation.start, now) if delay > 0 else reservation.start)
                    self._sent.append(slot)
                    self._forget_old_sends(slot.start)
                    return slot
            # The server's window still holds what it let through at the old pace: wait until enough has left it,
            # then take a new slot (so the waiting requests go out at the pace, not all at once).
            self._sleep(full, cancel)

    def _window_full_for(self, now: float) -> float:
        """Seconds until one more send fits the learned window (0 when it fits now, or nothing was learned): after a
        429 at most ``max(what the server let through, pace x WINDOW)`` sends (not refused) in any WINDOW."""
        learned = self._learned
        if learned is None:
            return 0.0
        cap = max(learned, math.ceil(self._pace * WINDOW))
        inside = sorted(s.start for s in self._sent if s.start > now - WINDOW and not s.limited)
        if len(inside) < cap:
            return 0.0
        return max(1e-3, inside[len(inside) - cap] + WINDOW - now)

    def _forget_old_sends(self, now: float) -> None:
        sent = self._sent
        while sent and sent[0].start < now - 2 * WINDOW:
            sent.popleft()

    # --- learning ----------------------------------------------------------------------------------------------------

    def answered(self, slot: Slot, *, limited: bool) -> None:
        """The server answered the attempt sent in ``slot``: ``limited`` when it said 429 (too many requests).

        Attempts that never reached the server (a failed connection) should not be reported."""
        with self._lock:
            if not limited:
                self._creep()
                return
            slot.limited = True
            if slot.start < self._slowed_at:
                return  # sent at the pace before the last slow-down: that one already answered for it
            self._slow_down(slot)

    def _creep(self) -> None:
        ceiling = self._ceiling()
        pace = self._pace
        if pace >= ceiling:
            return
        trouble = self._trouble
        step = CREEP_FAST if trouble is None or pace < NEAR * trouble else CREEP_SLOW
        self._set_pace(min(ceiling, pace * (1.0 + step)))

    def _slow_down(self, slot: Slot) -> None:
        now = self._clock()
        pace = self._pace
        let_through = sum(1 for s in self._sent if slot.start - WINDOW <= s.start < slot.start and not s.limited)
        target = pace * SLOW_DOWN
        trouble = pace
        if let_through:
            trouble = min(pace, let_through / WINDOW)  # what the server lets through, as far as we can tell
            target = min(target, trouble * (1.0 - self._guard))
            self._learned = let_through
        new_pace = max(target, pace * MAX_SLOW_DOWN, self._floor())
        self._trouble = trouble
        self._slowed_at = now
        self.slow_downs += 1
        self._epoch += 1
        self._recent.clear()  # the waiting reservations take new slots; nothing left to hand back
        self._set_pace(new_pace)
        last = max((s.start for s in self._sent), default=now)
        self._tat = max(now, last + self._interval)
        log.info("429 from the server: pace %.2f/s -> %.2f/s (configured %.2f/s)", pace, new_pace, self._rate)


class _Reservation:
    __slots__ = ("cancelled", "epoch", "start", "tat_before")

    def __init__(self, start: float, tat_before: float | None, epoch: int) -> None:
        self.start = start
        self.tat_before = tat_before
        self.epoch = epoch
        self.cancelled = False


class EndpointLimiters:
    """One :class:`RateLimiter` per API path, created on first use (``rates`` override :data:`DEFAULT_RATES`)."""

    def __init__(
        self,
        rates: dict[str, float] | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = interruptible_sleep,
        guard: float = GUARD,
    ) -> None:
        self._rates = dict(DEFAULT_RATES)
        if rates:
            self._rates.update({path: _check_rate(rate) for path, rate in rates.items()})
        self._clock = clock
        self._sleep = sleep
        self._guard = guard
        self._lock = threading.Lock()
        self._limiters: dict[str, RateLimiter] = {}

    def for_path(self, path: str) -> RateLimiter:
        with self._lock:
            limiter = self._limiters.get(path)
            if limiter is None:
                rate = self._rates.get(path, DEFAULT_RATE)
                limiter = RateLimiter(rate, clock=self._clock, sleep=self._sleep, guard=self._guard)
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
