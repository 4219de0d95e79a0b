"""RequestWatch (the run-wide network cut-off) on its own and inside the client's request loop (httpx.MockTransport)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import clients
import pytest

from pan123_gui.core._http import ConnectFailedError, ConnectTimeoutError, httpx
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import DIRECT_LINK_PATH
from pan123_gui.core.errors import (
    ApiError,
    ErrorKind,
    MalformedResponseError,
    NetworkError,
    NotTriedError,
    RequestTimeoutError,
)
from pan123_gui.core.request_watch import BREAKER_THRESHOLD, RequestWatch
from pan123_gui.core.retry import RetryPolicy

FAR = datetime.now(UTC) + timedelta(days=20)
LINK = "https://vip.123pan.cn/1/f.bin"


def refused() -> ConnectFailedError:
    return ConnectFailedError("Could not connect to the 123pan API")


# --- the watch on its own ---------------------------------------------------------------------------------------------


def test_trips_after_threshold_connect_failures_in_a_row_and_wakes_the_run() -> None:
    wake = threading.Event()
    watch = RequestWatch(3, wake=wake)
    watch.record(DIRECT_LINK_PATH, 0.01, refused())
    watch.record(DIRECT_LINK_PATH, 10.0, ConnectTimeoutError("Timed out connecting to the 123pan API"))
    watch.check()  # two: not yet
    assert not watch.tripped and not wake.is_set()
    watch.record(DIRECT_LINK_PATH, 0.01, refused())
    assert watch.tripped and wake.is_set()
    with pytest.raises(NotTriedError) as info:
        watch.check()
    assert info.value.kind is ErrorKind.NETWORK
    assert str(info.value) == "Not tried: the 123pan API could not be reached"
    watch.record(DIRECT_LINK_PATH, 0.1, None)  # an answer after the trip does not undo it (the next run starts afresh)
    assert watch.tripped


@pytest.mark.parametrize(
    "answer",
    [None, ApiError("API error", code=1010), MalformedResponseError("Server error page (HTTP 502)", http_status=502)],
)
def test_any_answer_from_the_server_resets_the_count(answer: Exception | None) -> None:
    watch = RequestWatch(3)
    for _ in range(5):  # failure, failure, answer, ...: never three in a row
        watch.record(DIRECT_LINK_PATH, 0.01, refused())
        watch.record(DIRECT_LINK_PATH, 0.01, refused())
        watch.record(DIRECT_LINK_PATH, 0.2, answer)  # type: ignore[arg-type]
    assert not watch.tripped
    assert watch.connect_failures == 10


@pytest.mark.parametrize(
    "neutral",
    [NetworkError("Connection to the 123pan API failed (RemoteProtocolError)"), RequestTimeoutError("slow")],
)
def test_failures_that_may_have_reached_the_server_neither_count_nor_reset(neutral: NetworkError) -> None:
    watch = RequestWatch(3)
    watch.record(DIRECT_LINK_PATH, 0.01, refused())
    watch.record(DIRECT_LINK_PATH, 30.0, neutral)
    watch.record(DIRECT_LINK_PATH, 0.01, refused())
    assert not watch.tripped
    watch.record(DIRECT_LINK_PATH, 30.0, neutral)
    watch.record(DIRECT_LINK_PATH, 0.01, refused())
    assert watch.tripped
    assert watch.latency() is None  # nothing was answered


def test_latency_is_a_moving_average_per_path() -> None:
    watch = RequestWatch()
    assert watch.latency() is None and watch.latency(DIRECT_LINK_PATH) is None
    watch.record("/api/v1/file/infos", 0.1, None)
    assert watch.latency() == pytest.approx(0.1) and watch.latency(DIRECT_LINK_PATH) is None
    watch.record(DIRECT_LINK_PATH, 0.2, None)
    watch.record(DIRECT_LINK_PATH, 0.4, ApiError("API error", code=5067))  # an error answer is a round trip too
    assert watch.latency(DIRECT_LINK_PATH) == pytest.approx(0.2 + 0.3 * (0.4 - 0.2))
    watch.record(DIRECT_LINK_PATH, 0.01, refused())  # a failed connect is not a round trip
    assert watch.latency(DIRECT_LINK_PATH) == pytest.approx(0.26)


def test_threshold_must_be_positive() -> None:
    assert BREAKER_THRESHOLD == 3
    with pytest.raises(ValueError):
        RequestWatch(0)


# --- inside the client ------------------------------------------------------------------------------------------------


class Network:
    """A MockTransport handler: refuses connections while ``down``; counts every attempt."""

    def __init__(self) -> None:
        self.down = True
        self.attempts = 0
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.attempts += 1
        if self.down:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return httpx.Response(200, json={"code": 0, "message": "ok", "data": {"url": LINK}})


def make_client(net: Network, *, retry: RetryPolicy, real_sleep: bool = False) -> Pan123Client:
    return clients.make_client(handler=net, retry=retry, sleep=None if real_sleep else clients.NO_SLEEP)


def test_a_tripped_watch_stops_the_retries_and_later_calls_send_nothing() -> None:
    net = Network()
    client = make_client(net, retry=RetryPolicy(max_attempts=5, base_delay=0.0, jitter=0.0))
    watch = RequestWatch(3)
    with pytest.raises(NotTriedError):
        client.direct_link_url(1, watch=watch)
    assert net.attempts == 3  # not the policy's 5
    with pytest.raises(NotTriedError):
        client.direct_link_url(2, watch=watch)
    assert net.attempts == 3
    # without a watch (or with a fresh one) the client tries as before
    with pytest.raises(ConnectFailedError):
        client.direct_link_url(3)
    assert net.attempts == 8
    net.down = False
    assert client.direct_link_url(4, watch=RequestWatch(3)) == LINK


def test_a_success_between_failures_keeps_the_watch_open() -> None:
    net = Network()
    client = make_client(net, retry=RetryPolicy(max_attempts=2, base_delay=0.0, jitter=0.0))
    watch = RequestWatch(3)
    for file_id in range(5):
        net.down = True
        with pytest.raises(ConnectFailedError):  # two failed attempts each ...
            client.direct_link_url(file_id, watch=watch)
        net.down = False
        assert client.direct_link_url(file_id, watch=watch) == LINK  # ... then an answer
    assert not watch.tripped


def test_the_trip_wakes_a_call_sleeping_in_its_back_off() -> None:
    net = Network()
    wake = threading.Event()
    watch = RequestWatch(2, wake=wake)
    client = make_client(net, retry=RetryPolicy(max_attempts=5, base_delay=600.0, jitter=0.0), real_sleep=True)
    errors: list[BaseException] = []

    def sleeper() -> None:
        try:
            client.direct_link_url(1, wake, watch=watch)
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=sleeper, daemon=True)
    thread.start()
    while net.attempts < 1:  # its first attempt failed: it is now in a 600 s back-off
        thread.join(0.01)
    with pytest.raises(NotTriedError):
        client.direct_link_url(2, wake, watch=watch)  # the second failure in a row trips the watch
    thread.join(60)
    assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], NotTriedError)
    assert net.attempts == 2
