"""Per-endpoint pacing (GCRA): slot times on a fake clock, thread safety, cancel, no release step; the guard under
the configured rate and learning from 429s (slow down, creep back up, never above the rate)."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest

from pan123_gui.core.endpoints import (
    ACCESS_TOKEN_PATH,
    DIRECT_LINK_PATH,
    FILE_DETAIL_PATH,
    FILE_INFOS_PATH,
    USER_INFO_PATH,
)
from pan123_gui.core.errors import CancelledError
from pan123_gui.core.limiter import (
    CREEP_FAST,
    CREEP_SLOW,
    DEFAULT_RATE,
    DIRECT_LINK_RATE,
    GUARD,
    MAX_SLOW_DOWN,
    MIN_PACE,
    SLOW_DOWN,
    EndpointLimiters,
    RateLimiter,
)


class FakeClock:
    """Time only moves when someone sleeps; sleeps are recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float, cancel: threading.Event | None = None) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


def start_times(limiter: RateLimiter, clock: FakeClock, n: int) -> list[float]:
    times = []
    for _ in range(n):
        limiter.acquire()
        times.append(round(clock() - 1000.0, 9))
    return times


def test_paces_requests_at_the_rate() -> None:
    clock = FakeClock()
    limiter = RateLimiter(5.0, clock=clock, sleep=clock.sleep, guard=0.0)
    assert start_times(limiter, clock, 6) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]


def test_idle_time_is_not_banked_beyond_the_burst() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2.0, clock=clock, sleep=clock.sleep, guard=0.0)
    limiter.acquire()
    clock.now += 10.0  # a long pause
    assert start_times(limiter, clock, 3) == [10.0, 10.5, 11.0]


def test_burst_allows_that_many_at_once_then_paces() -> None:
    clock = FakeClock()
    limiter = RateLimiter(4.0, burst=3, clock=clock, sleep=clock.sleep, guard=0.0)
    assert start_times(limiter, clock, 6) == [0.0, 0.0, 0.0, 0.25, 0.5, 0.75]


def test_set_rate_changes_the_pace() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1.0, clock=clock, sleep=clock.sleep, guard=0.0)
    limiter.acquire()
    limiter.set_rate(10.0)
    assert limiter.rate == pytest.approx(10.0)
    # the slot reserved at the old rate (1 s) is kept; afterwards 0.1 s apart
    assert start_times(limiter, clock, 3) == [1.0, 1.1, 1.2]


@pytest.mark.parametrize("rate", [0.0, -1.0, float("nan"), float("inf")])
def test_bad_rates_are_refused(rate: float) -> None:
    with pytest.raises(ValueError):
        RateLimiter(rate)
    with pytest.raises(ValueError):
        RateLimiter(1.0).set_rate(rate)


def test_many_threads_get_distinct_evenly_spaced_slots() -> None:
    frozen = 50.0
    limiter = RateLimiter(10.0, clock=lambda: frozen, guard=0.0)
    slots: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            slot = limiter.reserve()
            with lock:
                slots.append(slot)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(round(s - frozen, 6) for s in slots) == [round(i * 0.1, 6) for i in range(200)]


def test_cancel_before_acquire_raises_without_taking_a_slot() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1.0, clock=clock, sleep=clock.sleep, guard=0.0)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        limiter.acquire(cancel)
    assert start_times(limiter, clock, 1) == [0.0]


def test_cancel_interrupts_a_long_wait() -> None:
    limiter = RateLimiter(1 / 3600, guard=0.0)  # one request per hour
    limiter.acquire()  # the next slot is an hour away
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def waiter() -> None:
        try:
            limiter.acquire(cancel)
        except CancelledError as err:
            outcome.append(err)

    thread = threading.Thread(target=waiter, daemon=True)
    thread.start()
    cancel.set()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert len(outcome) == 1


def test_endpoint_defaults() -> None:
    limiters = EndpointLimiters()
    assert limiters.for_path(DIRECT_LINK_PATH).rate == pytest.approx(DIRECT_LINK_RATE) == pytest.approx(5.0)
    assert limiters.for_path(USER_INFO_PATH).rate == pytest.approx(1.0)
    assert limiters.for_path(FILE_INFOS_PATH).rate == pytest.approx(5.0)
    assert limiters.for_path(FILE_DETAIL_PATH).rate == pytest.approx(5.0)
    assert limiters.for_path(ACCESS_TOKEN_PATH).rate == pytest.approx(1.0)
    assert limiters.for_path("/api/v2/file/list").rate == pytest.approx(3.0)  # its own pace (the reference's 3/s)
    assert limiters.for_path("/api/v1/share/list").rate == pytest.approx(DEFAULT_RATE)


def test_endpoint_limiters_are_shared_and_configurable() -> None:
    limiters = EndpointLimiters({DIRECT_LINK_PATH: 20.0})
    first = limiters.for_path(DIRECT_LINK_PATH)
    assert first is limiters.for_path(DIRECT_LINK_PATH)
    assert first.rate == pytest.approx(20.0)
    limiters.set_rate(DIRECT_LINK_PATH, 2.0)
    assert first.rate == pytest.approx(2.0)
    limiters.set_rate(FILE_DETAIL_PATH, 7.0)  # before first use
    assert limiters.for_path(FILE_DETAIL_PATH).rate == pytest.approx(7.0)
    assert limiters.for_path(USER_INFO_PATH) is not first


def test_endpoints_are_paced_independently() -> None:
    clock = FakeClock()
    limiters = EndpointLimiters(clock=clock, sleep=clock.sleep, guard=0.0)
    limiters.for_path(USER_INFO_PATH).acquire()
    limiters.for_path(DIRECT_LINK_PATH).acquire()  # not delayed by user/info's 1 s interval
    assert clock.sleeps == []


def test_cancelled_waits_leave_no_debt_for_the_next_run() -> None:
    limiter = RateLimiter(1 / 3600, guard=0.0)  # one request per hour, real clock
    limiter.acquire()  # sent now; the next free slot is in an hour
    cancel = threading.Event()
    waiting = [threading.Thread(target=_acquire_quietly, args=(limiter, cancel), daemon=True) for _ in range(5)]
    for t in waiting:
        t.start()
    while len(limiter._recent) < 6:  # all five hold a reservation (1 h ... 5 h ahead)
        waiting[0].join(0.01)
    cancel.set()
    for t in waiting:
        t.join(30)
    assert not any(t.is_alive() for t in waiting)
    # the next caller waits for the first free slot (about an hour), not behind five cancelled ones
    delay = limiter.reserve() - time.monotonic()
    assert 3000 < delay <= 3600


def test_handing_back_unwinds_only_from_the_newest_reservation() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1.0, clock=clock, sleep=clock.sleep, guard=0.0)
    first, second, third = limiter._reserve(), limiter._reserve(), limiter._reserve()
    assert [first.start, second.start, third.start] == [1000.0, 1001.0, 1002.0]
    limiter._hand_back(second)  # a hole in the middle: the third still holds its slot, nothing moves yet
    assert limiter._tat == 1003.0
    limiter._hand_back(third)  # now the third and the hole unwind together
    assert limiter.reserve() == 1001.0
    fourth = limiter._reserve()
    limiter._hand_back(fourth)
    assert limiter.reserve() == 1002.0  # the 1001 reservation above is live: only the fourth unwound


def _acquire_quietly(limiter: RateLimiter, cancel: threading.Event) -> None:
    with contextlib.suppress(CancelledError):
        limiter.acquire(cancel)


# --- the guard and learning from 429s ----------------------------------------------------------------------------


def paced(rate: float, **kw: object) -> tuple[RateLimiter, FakeClock]:
    clock = FakeClock()
    return RateLimiter(rate, clock=clock, sleep=clock.sleep, **kw), clock  # type: ignore[arg-type]


def test_pace_keeps_a_guard_under_the_configured_rate() -> None:
    limiter, clock = paced(10.0)
    assert limiter.rate == pytest.approx(10.0)
    assert limiter.pace == pytest.approx(10.0 * (1 - GUARD))
    times = start_times(limiter, clock, 11)
    assert times[-1] == pytest.approx(10 / (10.0 * (1 - GUARD)))  # 10 intervals take longer than a second
    with pytest.raises(ValueError):
        RateLimiter(1.0, guard=1.0)


def test_a_429_slows_down_to_what_the_server_let_through() -> None:
    limiter, clock = paced(20.0, guard=0.0)
    slots = [limiter.acquire() for _ in range(15)]  # 0.05 s apart: 0.70 s
    for slot in slots[:10]:
        limiter.answered(slot, limited=False)
    clock.now += 0.2  # the round trip
    limiter.answered(slots[10], limited=True)  # the server let 10 through in the second before the 11th
    assert limiter.pace == pytest.approx(10.0)
    assert limiter.slow_downs == 1
    for slot in slots[11:]:  # sent before the slow-down: they answer for the old pace, not again
        limiter.answered(slot, limited=True)
    assert limiter.slow_downs == 1 and limiter.pace == pytest.approx(10.0)


def test_a_429_slows_down_at_least_by_a_factor_and_at_most_by_half() -> None:
    limiter, _clock = paced(10.0, guard=0.0)
    limiter.answered(limiter.acquire(), limited=True)  # nothing let through before: the factor alone
    assert limiter.pace == pytest.approx(10.0 * SLOW_DOWN)
    limiter, _clock = paced(10.0, guard=0.0)
    first = limiter.acquire()
    limiter.answered(first, limited=False)
    limiter.answered(limiter.acquire(), limited=True)  # one let through: 1/s would be too harsh for one 429
    assert limiter.pace == pytest.approx(10.0 * MAX_SLOW_DOWN)


def test_waiting_requests_take_new_slots_at_the_slower_pace() -> None:
    limiter, _clock = paced(10.0, guard=0.0)
    first = limiter.acquire()
    waiting = limiter._reserve()  # a thread already holds the next slot at 10/s (0.1 s ahead)
    limiter.answered(first, limited=True)  # the pace drops to 9/s
    assert waiting.epoch != limiter._epoch
    assert limiter.reserve() == pytest.approx(first.start + 1 / (10.0 * SLOW_DOWN))


def test_clean_answers_creep_back_up_but_never_above_the_guarded_rate() -> None:
    limiter, _clock = paced(10.0)
    ceiling = 10.0 * (1 - GUARD)
    limiter.answered(limiter.acquire(), limited=True)
    slowed = limiter.pace
    assert slowed < ceiling
    seen = [limiter.pace]
    for _ in range(2000):
        limiter.answered(limiter.acquire(), limited=False)
        seen.append(limiter.pace)
    assert seen == sorted(seen)  # only up
    assert seen[1] > slowed
    assert max(seen) == pytest.approx(ceiling)
    # fast while well under the pace that drew the 429, slowly near it
    assert seen[1] / seen[0] == pytest.approx(1 + CREEP_FAST)
    assert seen[-1] / seen[-2] in (1.0, pytest.approx(1 + CREEP_SLOW))


def test_errors_that_never_reached_the_server_teach_nothing() -> None:
    limiter, _clock = paced(10.0)
    limiter.answered(limiter.acquire(), limited=True)
    slowed = limiter.pace
    limiter.acquire()  # a failed connect: the client does not report it
    assert limiter.pace == slowed


def test_set_rate_forgets_what_was_learned() -> None:
    limiter, _clock = paced(10.0)
    limiter.answered(limiter.acquire(), limited=True)
    limiter.set_rate(4.0)
    assert limiter.pace == pytest.approx(4.0 * (1 - GUARD))


def test_the_pace_never_falls_below_the_floor() -> None:
    limiter, _clock = paced(5.0)
    for _ in range(200):
        limiter.answered(limiter.acquire(), limited=True)
    assert limiter.pace == pytest.approx(MIN_PACE)


def test_after_a_429_nothing_goes_out_while_the_servers_window_is_still_full() -> None:
    limiter, clock = paced(20.0, guard=0.0)
    slots = [limiter.acquire() for _ in range(11)]  # 0.05 s apart: 0 ... 0.5 s
    for slot in slots[:10]:
        limiter.answered(slot, limited=False)
    clock.now += 0.1
    limiter.answered(slots[10], limited=True)  # the server let 10 through in the second before
    assert limiter.pace == pytest.approx(10.0)
    # the 10 let through leave the server's window from 1.0 s on: the next request waits for that
    assert limiter.acquire().start >= slots[0].start + 1.0
