"""Rate limits (strict rolling windows per endpoint) and latency of the fake API, with a settable clock (no real
waiting)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from conftest import Clock, Wire

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.ratelimit import EndpointWindows, RollingWindow
from pan123_gui.demo.samples import VIDEO_ID

# ---- the window itself ------------------------------------------------------------------------------------------


def test_window_capacity_is_max_of_one_and_the_whole_rate(clock: Clock) -> None:
    for rate, burst in [(5.0, 5), (10.0, 10), (0.5, 1), (1.0, 1), (2.5, 2)]:
        window = RollingWindow(rate, clock.monotonic)
        taken = 0
        while window.try_take():
            taken += 1
            assert taken < 100
        assert taken == burst, rate
        assert window.window == pytest.approx(burst / rate)


def test_a_request_leaves_the_window_one_second_after_it_passed(clock: Clock) -> None:
    window = RollingWindow(5.0, clock.monotonic)
    start = clock.t
    for k in range(5):  # 5 requests spread over the first 0.8 s
        clock.t = start + 0.2 * k
        assert window.try_take()
    clock.t = start + 0.999  # the first one is still inside the window
    assert not window.try_take()
    clock.t = start + 1.0
    assert window.try_take()
    assert not window.try_take()
    clock.t = start + 1.2  # the second one left
    assert window.try_take()


def test_refused_requests_do_not_count(clock: Clock) -> None:
    window = RollingWindow(1.0, clock.monotonic)
    start = clock.t
    assert window.try_take()
    for k in range(1, 10):  # hammering inside the second changes nothing
        clock.t = start + 0.1 * k
        assert not window.try_take()
    clock.t = start + 1.0
    assert window.try_take()


def test_no_slack_for_a_request_that_comes_early(clock: Clock) -> None:
    # Paced exactly at the rate, but one request is 1 ms early: refused. (The old token bucket let up to a quarter
    # of an interval through, which hid the 429s a real server gives a client paced exactly at its limit.)
    window = RollingWindow(5.0, clock.monotonic)
    start = clock.t
    for k in range(5):
        clock.t = start + 0.2 * k
        assert window.try_take()
    clock.t = start + 1.0 - 0.001
    assert not window.try_take()


@pytest.mark.parametrize("rate", [0.5, 1.0, 3.0, 5.0, 8.0, 10.0])
def test_client_paced_at_the_rate_is_let_through(clock: Clock, rate: float) -> None:
    window = RollingWindow(rate, clock.monotonic)
    interval = 1.0 / rate
    start = clock.t
    for k in range(200):
        clock.t = start + k * interval + 1e-9 * k  # on time (a hair late: no rounding luck needed)
        assert window.try_take(), k


@pytest.mark.parametrize("rate", [1.0, 5.0])
def test_long_run_rate_never_exceeds_the_limit(clock: Clock, rate: float) -> None:
    window = RollingWindow(rate, clock.monotonic)
    allowed = 0
    for _ in range(10_000):  # hammer every millisecond for 10 s
        clock.advance(0.001)
        allowed += window.try_take()
    assert allowed <= rate * 10


def test_window_unlimited_and_bad_rates(clock: Clock) -> None:
    window = RollingWindow(None, clock.monotonic)
    assert all(window.try_take() for _ in range(1000))
    assert window.rate is None
    for bad in (0.0, -1.0, float("nan")):
        with pytest.raises(ValueError):
            window.set_rate(bad)


def test_endpoint_windows_are_independent(clock: Clock) -> None:
    windows = EndpointWindows({"/a": 1.0, "/b": 1.0}, clock.monotonic)
    assert windows.try_take("/a") and not windows.try_take("/a")
    assert windows.try_take("/b")
    assert all(windows.try_take("/unknown") for _ in range(50))
    windows.set_rate("/c", 2.0)
    assert windows.rate("/c") == 2.0 and windows.rate("/unknown") is None


def test_window_is_thread_safe(clock: Clock) -> None:
    window = RollingWindow(50.0, clock.monotonic)
    results: list[bool] = []
    lock = threading.Lock()

    def hammer() -> None:
        got = [window.try_take() for _ in range(100)]
        with lock:
            results.extend(got)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(results) == 50  # the clock does not move: exactly the capacity


# ---- over HTTP -------------------------------------------------------------------------------------------------


def test_default_rates_follow_the_reference() -> None:
    api = FakeApiServer()
    assert api.rate("direct-link/url") == 5.0
    assert api.rate(ep.USER_INFO) == 10.0
    assert api.rate("file/infos") == 10.0
    assert api.rate("file/detail") == 5.0
    assert api.rate("access_token") == 8.0
    assert FakeApiServer(rates={"direct-link/url": 2.0}).rate(ep.DIRECT_LINK_URL) == 2.0


def test_over_the_rate_is_code_429_with_http_200(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(clock=clock.monotonic)
    w = Wire(api)
    w.token = w.fetch_token()
    answers = [w.link(VIDEO_ID) for _ in range(7)]
    assert [a.status for a in answers] == [200] * 7
    assert [a.code for a in answers] == [0] * 5 + [429] * 2
    assert answers[-1].json["message"] == ep.MSG_TOO_MANY and answers[-1].json["data"] is None
    assert w.get(ep.USER_INFO).code == 0  # other endpoints have their own window
    clock.advance(0.999)  # the five are still inside the one-second window
    assert w.link(VIDEO_ID).code == 429
    clock.advance(0.001)  # now they have left it
    assert [w.link(VIDEO_ID).code for _ in range(6)] == [0] * 5 + [429]
    assert api.codes("direct-link/url") == [0] * 5 + [429] * 3 + [0] * 5 + [429]


def test_a_rate_limited_request_does_not_use_the_file(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(clock=clock.monotonic, rates={"file/detail": 1.0})
    w = Wire(api)
    w.token = w.fetch_token()
    assert w.get(f"{ep.FILE_DETAIL}?fileID={VIDEO_ID}").code == 0
    assert w.get(f"{ep.FILE_DETAIL}?fileID=1").code == 429  # refused before the lookup (would be 5066)


def test_set_rate_at_runtime(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(clock=clock.monotonic, rates={"direct-link/url": 1.0})
    w = Wire(api)
    w.token = w.fetch_token()
    assert [w.link(VIDEO_ID).code for _ in range(2)] == [0, 429]
    api.set_rate("direct-link/url", 3.0)
    assert [w.link(VIDEO_ID).code for _ in range(4)] == [0, 0, 0, 429]
    api.set_rate("direct-link/url", None)
    assert all(w.link(VIDEO_ID).code == 0 for _ in range(20))


def test_access_token_is_rate_limited_too(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(clock=clock.monotonic)
    body = {"clientID": api.client_id, "clientSecret": api.client_secret}
    codes = [Wire(api).post(ep.ACCESS_TOKEN, body, token=None).code for _ in range(9)]
    assert codes == [0] * 8 + [429]
    assert api.tokens_issued == 8


def test_concurrent_clients_share_the_limit(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(clock=clock.monotonic, rates={"direct-link/url": 10.0})
    w = Wire(api)
    w.token = w.fetch_token()
    codes: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            code = w.link(VIDEO_ID).code
            with lock:
                codes.append(code)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [0] * 10 + [429] * 30


# ---- latency ---------------------------------------------------------------------------------------------------


def test_latency_sleeps_before_every_answer(make_api: Any) -> None:
    slept: list[float] = []
    api: FakeApiServer = make_api(latency=0.25, sleep=slept.append)
    w = Wire(api)
    w.token = w.fetch_token()
    assert w.link(VIDEO_ID).code == 0
    assert slept == [0.25, 0.25]
    api.set_latency(0.0)
    w.link(VIDEO_ID)
    assert slept == [0.25, 0.25] and api.latency == 0.0
    api.set_latency(1.5)
    w.get("/unknown")
    assert slept[-1] == 1.5
    with pytest.raises(ValueError):
        api.set_latency(-1)


def test_real_latency_delays_the_answer(wire: Wire, fake_api: FakeApiServer) -> None:
    import time

    fake_api.set_latency(0.2)
    start = time.monotonic()
    assert wire.link(VIDEO_ID).code == 0
    assert time.monotonic() - start >= 0.2  # a lower bound only: never flaky
