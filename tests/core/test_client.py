"""Pan123Client over httpx.MockTransport: endpoints, retry classification, Retry-After, 401 refresh-and-replay,
limiter re-acquired per attempt, cancel during back-off, and no secrets in logs or errors."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import clients
import pytest

from pan123_gui.core._http import httpx
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import (
    ACCESS_TOKEN_PATH,
    DIRECT_LINK_PATH,
    FILE_DETAIL_PATH,
    FILE_INFOS_PATH,
    USER_INFO_PATH,
)
from pan123_gui.core.errors import (
    AuthError,
    BadLinkError,
    CancelledError,
    InternalServerError,
    IsFolderError,
    MalformedResponseError,
    NetworkError,
    NotDirectLinkSpaceError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
)
from pan123_gui.core.limiter import EndpointLimiters, RateLimiter, Slot
from pan123_gui.core.models import AccessToken
from pan123_gui.core.retry import RetryPolicy

FAR = datetime.now(UTC) + timedelta(days=20)
FAST = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05, jitter=0.0)
Handler = Callable[[httpx.Request], httpx.Response]


def ok(data: object) -> httpx.Response:
    return httpx.Response(200, json={"code": 0, "message": "ok", "data": data, "x-traceID": "t"})


def code(
    value: int, message: str = "err", *, status: int = 200, headers: dict[str, str] | None = None
) -> httpx.Response:
    body = {"code": value, "message": message, "data": None, "x-traceID": "t"}
    return httpx.Response(status, json=body, headers=headers)


class Script:
    """Answers each request with the next queued reply for its path (the last one repeats); records requests."""

    def __init__(self, replies: dict[str, list[Handler | httpx.Response]]) -> None:
        self.replies = replies
        self.requests: list[httpx.Request] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests.append(request)
            queue = self.replies[request.url.path]
            reply = queue.pop(0) if len(queue) > 1 else queue[0]
        return reply(request) if callable(reply) else reply

    def count(self, path: str) -> int:
        return sum(1 for r in self.requests if r.url.path == path)


class CountingLimiters(EndpointLimiters):
    """Very fast limiters that count acquisitions per path."""

    def __init__(self, time: FakeTime) -> None:
        paths = (DIRECT_LINK_PATH, USER_INFO_PATH, FILE_INFOS_PATH, FILE_DETAIL_PATH, ACCESS_TOKEN_PATH)
        super().__init__({p: 10_000.0 for p in paths}, clock=time, sleep=time.sleep)
        self.acquired: dict[str, int] = {}
        self._count_lock = threading.Lock()

    def for_path(self, path: str) -> RateLimiter:
        limiter = super().for_path(path)
        outer = self

        class Counting:
            def acquire(self, cancel: threading.Event | None = None) -> Slot:
                with outer._count_lock:
                    outer.acquired[path] = outer.acquired.get(path, 0) + 1
                return limiter.acquire(cancel)

            def answered(self, slot: Slot, *, limited: bool) -> None:
                limiter.answered(slot, limited=limited)

        return Counting()  # type: ignore[return-value]


class FakeTime:
    """A clock that moves only when someone sleeps (thread-safe); shared by the client and its limiters."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float, cancel: threading.Event | None = None) -> None:
        with self._lock:
            self.now += max(0.0, seconds)


class Sleeps:
    """The client's back-off sleeps: recorded, and the fake time moves on."""

    def __init__(self, time: FakeTime | None = None) -> None:
        self.delays: list[float] = []
        self.time = time if time is not None else FakeTime()

    def __call__(self, seconds: float, cancel: threading.Event | None = None) -> None:
        self.delays.append(seconds)
        self.time.sleep(seconds)


def make_client(
    script: Script,
    *,
    fetch: Callable[[], AccessToken] | None = None,
    token: str = "tok-0",
    sleep: Sleeps | None = None,
    retry: RetryPolicy = FAST,
) -> tuple[Pan123Client, CountingLimiters, Sleeps]:
    """The shared factory on ``script``, with counting limiters and recorded back-off sleeps (on a fake time)."""
    sleeps = sleep or Sleeps()
    limiters = CountingLimiters(sleeps.time)
    client = clients.make_client(
        handler=script, token=token, fetch=fetch, limiters=limiters, retry=retry, sleep=sleeps, clock=sleeps.time
    )
    return client, limiters, sleeps


# --- endpoints -------------------------------------------------------------------------------------------------------


def test_direct_link_url_sends_capital_file_id_and_returns_the_link() -> None:
    script = Script({DIRECT_LINK_PATH: [ok({"url": "https://vip.123pan.cn/1815309870/a.mp4"})]})
    client, _, _ = make_client(script)
    assert client.direct_link_url(10861131) == "https://vip.123pan.cn/1815309870/a.mp4"
    request = script.requests[0]
    assert request.method == "GET"
    assert dict(request.url.params) == {"fileID": "10861131"}
    assert request.headers["Authorization"] == "Bearer tok-0"
    assert request.headers["Platform"] == "open_platform"


@pytest.mark.parametrize(
    "data",
    [
        {"url": "file:///etc/passwd"},
        {"url": "javascript:alert(1)"},
        {"url": "ftp://vip.123pan.cn/a"},
        {"url": ""},
        {"url": None},
        {},
    ],
)
def test_non_http_links_are_bad_link_errors_and_not_retried(data: dict[str, object]) -> None:
    script = Script({DIRECT_LINK_PATH: [ok(data)]})
    client, _, _ = make_client(script)
    with pytest.raises(BadLinkError):
        client.direct_link_url(1)
    assert script.count(DIRECT_LINK_PATH) == 1


def test_user_info_is_parsed_and_uid_cached() -> None:
    data = {
        "uid": 1815309870,
        "nickname": "demo",
        "vip": True,
        "directTraffic": 1024,
        "isHideUID": False,
        "vipInfo": [{"vipLevel": 2, "vipLabel": "SVIP", "startTime": "x", "endTime": "y"}],
    }
    script = Script({USER_INFO_PATH: [ok(data)]})
    client, _, _ = make_client(script)
    assert [client.uid() for _ in range(3)] == [1815309870] * 3
    assert script.count(USER_INFO_PATH) == 1
    info = client.user_info()
    assert (info.uid, info.nickname, info.vip, info.direct_traffic, info.vip_label, info.hide_uid) == (
        1815309870,
        "demo",
        True,
        1024,
        "SVIP",
        False,
    )


def test_user_info_without_uid_is_malformed() -> None:
    client, _, _ = make_client(Script({USER_INFO_PATH: [ok({"nickname": "x"})]}))
    with pytest.raises(MalformedResponseError):
        client.uid()


@pytest.mark.parametrize("key", ["list", "fileList"])
def test_file_infos_batches_of_100_and_both_list_keys(key: str) -> None:
    def infos(request: httpx.Request) -> httpx.Response:
        ids = json.loads(request.content)["fileIds"]
        items = [{"fileId": i, "filename": f"f{i}.bin", "size": i * 10, "type": 0, "trashed": 0} for i in ids if i != 5]
        return ok({key: items})

    script = Script({FILE_INFOS_PATH: [infos]})
    client, limiters, _ = make_client(script)
    ids = [*range(1, 251), 3, 4]  # duplicates are asked once
    found = client.file_infos(ids)
    bodies = [json.loads(r.content)["fileIds"] for r in script.requests]
    assert [len(b) for b in bodies] == [100, 100, 50]
    assert all(r.method == "POST" for r in script.requests)
    assert sorted(found) == [i for i in range(1, 251) if i != 5]
    assert found[7].name == "f7.bin" and found[7].size == 70 and not found[7].is_folder
    assert limiters.acquired[FILE_INFOS_PATH] == 3


def test_file_infos_without_a_list_is_malformed() -> None:
    client, _, _ = make_client(Script({FILE_INFOS_PATH: [ok({"total": 0})]}))
    with pytest.raises(MalformedResponseError):
        client.file_infos([1])


def test_file_detail_uses_capital_id() -> None:
    data = {"fileID": 9, "filename": "直链素材", "type": 1, "size": 1234, "trashed": 1}
    script = Script({FILE_DETAIL_PATH: [ok(data)]})
    client, _, _ = make_client(script)
    info = client.file_detail(9)
    assert dict(script.requests[0].url.params) == {"fileID": "9"}
    assert (info.file_id, info.name, info.size, info.is_folder, info.trashed) == (9, "直链素材", 1234, True, True)


# --- retries ---------------------------------------------------------------------------------------------------------


def html500(request: httpx.Request) -> httpx.Response:
    return httpx.Response(502, text="<html>bad gateway</html>")


def dropped(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("Server disconnected without sending a response.")


def timed_out(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("slow")


def cut(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text='{"code": 0, "message": "ok", "data": {"url": "htt')


@pytest.mark.parametrize(
    "failure",
    [
        code(429),
        code(429, status=429),
        code(1),
        code(1, status=500),
        html500,
        dropped,
        cut,
        httpx.Response(200, text="not json"),
    ],
    ids=["code429", "http429", "code1", "http500json", "http502html", "drop", "cut_json", "not_json"],
)
def test_transient_failures_are_retried_and_each_attempt_reacquires_the_limiter(
    failure: Handler | httpx.Response,
) -> None:
    script = Script({DIRECT_LINK_PATH: [failure, failure, ok({"url": "https://vip.123pan.cn/1/a"})]})
    client, limiters, sleeps = make_client(script)
    assert client.direct_link_url(1) == "https://vip.123pan.cn/1/a"
    assert script.count(DIRECT_LINK_PATH) == 3
    assert limiters.acquired[DIRECT_LINK_PATH] == 3
    assert sleeps.delays == [0.01, 0.02]  # exponential back-off (jitter 0 in this policy)


def test_a_timed_out_request_is_retried_once() -> None:
    script = Script({DIRECT_LINK_PATH: [timed_out, ok({"url": "https://vip.123pan.cn/1/a"})]})
    client, _, _ = make_client(script)
    assert client.direct_link_url(1) == "https://vip.123pan.cn/1/a"
    script = Script({DIRECT_LINK_PATH: [timed_out, timed_out, ok({"url": "https://vip.123pan.cn/1/a"})]})
    client, _, _sleeps = make_client(script)
    with pytest.raises(RequestTimeoutError):
        client.direct_link_url(1)
    assert script.count(DIRECT_LINK_PATH) == 2  # a server that stalls twice is not waited for a third time


def test_retries_are_bounded() -> None:
    script = Script({DIRECT_LINK_PATH: [code(1)]})
    client, limiters, sleeps = make_client(script)
    with pytest.raises(InternalServerError):
        client.direct_link_url(1)
    assert script.count(DIRECT_LINK_PATH) == FAST.max_attempts
    assert limiters.acquired[DIRECT_LINK_PATH] == FAST.max_attempts
    assert len(sleeps.delays) == FAST.max_attempts - 1


def test_429s_are_retried_within_a_budget_of_time_not_of_attempts() -> None:
    # A 429 says the client went too fast, not that the ID cannot succeed: more 429s in a row than max_attempts
    # still end with the link, as long as they fit in the budget (counted from the first 429).
    replies: list[Handler | httpx.Response] = [code(429)] * (3 * FAST.max_attempts) + [ok({"url": "https://x.cn/a"})]
    client, _, _ = make_client(Script({DIRECT_LINK_PATH: replies}))
    assert client.direct_link_url(1) == "https://x.cn/a"


def test_429s_give_up_when_the_budget_is_spent() -> None:
    script = Script({DIRECT_LINK_PATH: [code(429)]})
    policy = RetryPolicy(max_attempts=2, base_delay=0.5, max_delay=2.0, jitter=0.0, rate_limit_budget=20.0)
    client, _, sleeps = make_client(script, retry=policy)
    started = sleeps.time()
    with pytest.raises(RateLimitedError):
        client.direct_link_url(1)
    assert script.count(DIRECT_LINK_PATH) > policy.max_attempts
    spent = sleeps.time() - started
    assert policy.rate_limit_budget <= spent < policy.rate_limit_budget + 11  # the last wait can be a limiter slot


def test_retry_after_is_honoured() -> None:
    script = Script(
        {DIRECT_LINK_PATH: [code(429, status=429, headers={"Retry-After": "3"}), ok({"url": "https://x.cn/a"})]}
    )
    client, _, sleeps = make_client(script)
    client.direct_link_url(1)
    assert sleeps.delays == [3.0]


@pytest.mark.parametrize("value", [5066, 5113, 20103])
def test_permanent_errors_are_not_retried(value: int) -> None:
    script = Script({DIRECT_LINK_PATH: [code(value, "nope")]})
    client, _, sleeps = make_client(script)
    with pytest.raises(Exception) as info:
        client.direct_link_url(1)
    assert getattr(info.value, "code", None) == value
    assert script.count(DIRECT_LINK_PATH) == 1
    assert sleeps.delays == []


@pytest.mark.parametrize(
    ("message", "error_type"),
    [
        ("该文件不在直链空间内，请先在直链空间中启用其所在文件夹", NotDirectLinkSpaceError),
        ("不支持获取文件夹的直链", IsFolderError),
    ],
)
def test_a_specific_message_with_code_1_is_one_request_not_five(message: str, error_type: type[Exception]) -> None:
    script = Script({DIRECT_LINK_PATH: [code(1, message)]})
    client, _, sleeps = make_client(script)
    with pytest.raises(error_type):
        client.direct_link_url(1)
    assert script.count(DIRECT_LINK_PATH) == 1
    assert sleeps.delays == []


def test_no_slot_leak_or_deadlock_under_many_retries() -> None:
    # 40 calls x 4 failing attempts on 8 threads, with a small real rate: a limiter that leaked a slot per
    # retry (a semaphore released at function exit) would block here forever.
    script = Script({DIRECT_LINK_PATH: [code(1)], USER_INFO_PATH: [ok({"uid": 7})]})
    client = clients.make_client(handler=script, rate=2000.0, retry=FAST, sleep=Sleeps())
    failures: list[Exception] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            try:
                client.direct_link_url(1)
            except InternalServerError as err:
                with lock:
                    failures.append(err)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads)
    assert len(failures) == 40
    assert script.count(DIRECT_LINK_PATH) == 40 * FAST.max_attempts
    script.replies[DIRECT_LINK_PATH] = [ok({"url": "https://x.cn/a"})]
    assert client.direct_link_url(1) == "https://x.cn/a"  # the limiter still hands out slots


def test_cancel_interrupts_the_backoff_wait() -> None:
    # Retry-After 20 s with the real, interruptible sleep: cancelling must end the call long before that.
    script = Script({DIRECT_LINK_PATH: [code(429, status=429, headers={"Retry-After": "20"})]})
    client = clients.make_client(handler=script, rate=1000.0, retry=RetryPolicy(max_attempts=3))
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            client.direct_link_url(1, cancel)
        except BaseException as err:
            outcome.append(err)

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    while script.count(DIRECT_LINK_PATH) == 0:
        thread.join(0.01)
    cancel.set()
    thread.join(15)
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], CancelledError)
    assert script.count(DIRECT_LINK_PATH) == 1


def test_already_cancelled_sends_nothing() -> None:
    script = Script({DIRECT_LINK_PATH: [ok({"url": "https://x.cn/a"})]})
    client, _, _ = make_client(script)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        client.direct_link_url(1, cancel)
    assert script.requests == []


def test_network_error_after_all_attempts_surfaces_as_network_error() -> None:
    client, _, _ = make_client(Script({DIRECT_LINK_PATH: [dropped]}))
    with pytest.raises(NetworkError):
        client.direct_link_url(1)


# --- 401: refresh once, replay once ----------------------------------------------------------------------------------


def bearer_is(expected: str, then: httpx.Response) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("Authorization") != f"Bearer {expected}":
            return code(401, "access_token无效")
        return then

    return handler


class CountingFetch:
    def __init__(self) -> None:
        self.calls = 0
        self._lock = threading.Lock()

    def __call__(self) -> AccessToken:
        with self._lock:
            self.calls += 1
            return AccessToken(f"tok-{self.calls}", FAR)


def test_401_refreshes_once_and_replays_once() -> None:
    fetch = CountingFetch()
    script = Script({DIRECT_LINK_PATH: [bearer_is("tok-1", ok({"url": "https://x.cn/a"}))]})
    client, limiters, _ = make_client(script, fetch=fetch)
    assert client.direct_link_url(1) == "https://x.cn/a"
    assert fetch.calls == 1
    assert [r.headers["Authorization"] for r in script.requests] == ["Bearer tok-0", "Bearer tok-1"]
    assert limiters.acquired[DIRECT_LINK_PATH] == 2


def test_401_again_after_the_replay_is_an_auth_error() -> None:
    fetch = CountingFetch()
    script = Script({DIRECT_LINK_PATH: [code(401, "access_token无效")]})
    client, _, _ = make_client(script, fetch=fetch)
    with pytest.raises(AuthError):
        client.direct_link_url(1)
    assert fetch.calls == 1
    assert script.count(DIRECT_LINK_PATH) == 2


def test_401_without_client_credentials_is_an_auth_error_at_once() -> None:
    script = Script({DIRECT_LINK_PATH: [code(401, "access_token已过期")]})
    client, _, _ = make_client(script, fetch=None)
    with pytest.raises(AuthError):
        client.direct_link_url(1)
    assert script.count(DIRECT_LINK_PATH) == 1


def test_many_threads_hitting_401_together_refresh_once() -> None:
    fetch = CountingFetch()
    all_in = threading.Barrier(16, timeout=30)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("Authorization") == "Bearer tok-0":
            all_in.wait()  # every thread's first request fails together
            return code(401, "access_token无效")
        return ok({"url": "https://x.cn/a"})

    script = Script({DIRECT_LINK_PATH: [handler]})
    client, _, _ = make_client(script, fetch=fetch)
    results: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        url = client.direct_link_url(1)
        with lock:
            results.append(url)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == ["https://x.cn/a"] * 16
    assert fetch.calls == 1
    assert script.count(DIRECT_LINK_PATH) == 32


def test_401_does_not_use_up_a_retry_attempt() -> None:
    fetch = CountingFetch()
    replies: list[Handler | httpx.Response] = [
        code(401),
        code(429),
        code(429),
        code(429),
        ok({"url": "https://x.cn/a"}),
    ]
    client, _, _ = make_client(Script({DIRECT_LINK_PATH: replies}), fetch=fetch)
    assert client.direct_link_url(1) == "https://x.cn/a"


# --- secrets ---------------------------------------------------------------------------------------------------------


def test_no_token_in_logs_errors_or_repr(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="pan123_gui")
    secret = "eyJ-very-secret-token"
    script = Script({DIRECT_LINK_PATH: [code(429), code(5066, "文件不存在")]})
    client, _, _ = make_client(script, token=secret)
    with pytest.raises(NotFoundError) as info:
        client.direct_link_url(3)
    assert secret not in caplog.text
    assert secret not in str(info.value) and secret not in repr(info.value)
    assert secret not in repr(client) and secret not in repr(client.tokens)
    assert "direct-link/url?fileID=3" in caplog.text


def test_set_rate_changes_the_direct_link_pace() -> None:
    client, _, _ = make_client(Script({DIRECT_LINK_PATH: [ok({"url": "https://x.cn"})]}))
    client.set_rate(2.5)
    assert client.rate == pytest.approx(2.5)
    with pytest.raises(ValueError):
        client.set_rate(0)


def test_token_fetch_is_not_retried_when_a_token_may_have_been_issued() -> None:
    # A dropped answer to access_token may still have issued a token: a retry could kick another login offline.
    script = Script({ACCESS_TOKEN_PATH: [dropped, ok({"accessToken": "x", "expiredAt": "2030-01-01T00:00:00+08:00"})]})
    client, _, _ = make_client(script)
    with pytest.raises(NetworkError):
        client.fetch_token("id", "secret")
    assert script.count(ACCESS_TOKEN_PATH) == 1


def test_token_fetch_is_retried_after_rate_limit_or_server_error() -> None:
    good = ok({"accessToken": "new", "expiredAt": "2030-01-01T00:00:00+08:00"})
    script = Script({ACCESS_TOKEN_PATH: [code(429), html500, good]})
    client, _, _ = make_client(script)
    assert client.fetch_token("id", "secret").value == "new"
    assert script.count(ACCESS_TOKEN_PATH) == 3
