"""Resolver over httpx.MockTransport: order and dedupe, per-row errors, names, signing, re-signing, cancel."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import clients
import pytest

from pan123_gui.core._http import httpx
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import DIRECT_LINK_PATH, FILE_INFOS_PATH, USER_INFO_PATH
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.core.resolver import MIN_WORKERS, Resolver, SignOptions
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.core.signing import sign_url

UID = 1815309870
FAR = datetime.now(UTC) + timedelta(days=20)
FAST = RetryPolicy(max_attempts=3, base_delay=0.001, max_delay=0.002, jitter=0.0)
KEY = "sign-key-SECRET"


def envelope(code: int, data: object = None, message: str = "ok") -> httpx.Response:
    return httpx.Response(200, json={"code": code, "message": message, "data": data, "x-traceID": "t"})


def link_for(file_id: int) -> str:
    return f"https://vip.123pan.cn/{UID}/dir/file-{file_id}.bin"


class FakeApi:
    """A tiny route table: IDs < 1000 resolve; special IDs give errors; counts calls per path and the threads."""

    NOT_FOUND = 5066
    BAD_LINK = 6000
    NOT_IN_SPACE = 6001
    CRASH = 6002

    def __init__(self, *, infos: Callable[[list[int]], httpx.Response] | None = None, latency: float = 0.0) -> None:
        self.calls: dict[str, int] = {}
        self.infos = infos
        self.latency = latency
        self.in_flight = 0
        self.max_in_flight = 0
        self.user_info: httpx.Response = envelope(0, {"uid": UID, "nickname": "demo", "vip": True})
        self.user_info_down = False  # when set, user/info cannot be connected to
        self.gate: threading.Event | None = None  # when set, direct-link requests wait for it
        self.link_threads: set[str] = set()  # names of the threads that sent direct-link requests
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        with self._lock:
            self.calls[path] = self.calls.get(path, 0) + 1
            if path == DIRECT_LINK_PATH:
                self.link_threads.add(threading.current_thread().name)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.latency:
                time.sleep(self.latency)
            return self._answer(request, path)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer(self, request: httpx.Request, path: str) -> httpx.Response:
        if path == USER_INFO_PATH:
            if self.user_info_down:
                raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
            return self.user_info
        if path == FILE_INFOS_PATH:
            ids = json.loads(request.content)["fileIds"]
            if self.infos is not None:
                return self.infos(ids)
            items = [{"fileId": i, "filename": f"名字-{i}.bin", "size": i * 100, "type": 0} for i in ids if i < 1000]
            return envelope(0, {"list": items})
        assert path == DIRECT_LINK_PATH
        if self.gate is not None:
            self.gate.wait(30)
        file_id = int(request.url.params["fileID"])
        if file_id == self.NOT_FOUND:
            return envelope(5066, message="文件不存在")
        if file_id == self.BAD_LINK:
            return envelope(0, {"url": "javascript:alert(1)"})
        if file_id == self.NOT_IN_SPACE:
            return envelope(5067, message="该文件不在直链空间内")
        if file_id == self.CRASH:
            raise RuntimeError("bug")
        return envelope(0, {"url": link_for(file_id)})


def make_client(api: FakeApi, *, rate: float = 10_000.0, retry: RetryPolicy = FAST) -> Pan123Client:
    return clients.make_client(handler=api, rate=rate, retry=retry, sleep=clients.NO_SLEEP)


class Collector:
    def __init__(self) -> None:
        self.rows: list[LinkResult] = []
        self.threads: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, row: LinkResult) -> None:
        with self._lock:
            self.rows.append(row)
            self.threads.add(threading.current_thread().name)


def test_one_row_per_unique_id_in_input_order() -> None:
    api = FakeApi()
    collector = Collector()
    ids = [5, 3, 5, 9, 1, 3, 2]
    rows = Resolver(make_client(api)).resolve(ids, on_result=collector)
    assert [r.file_id for r in rows] == [5, 3, 9, 1, 2]
    assert all(r.ok and r.url == link_for(r.file_id) and r.error is None for r in rows)
    assert all(r.unsigned_url == r.url and r.expires_at is None for r in rows)
    assert sorted(r.file_id for r in collector.rows) == [1, 2, 3, 5, 9]
    assert threading.current_thread().name not in collector.threads  # called from worker threads
    assert api.calls == {DIRECT_LINK_PATH: 5}


def test_empty_input() -> None:
    api = FakeApi()
    assert Resolver(make_client(api)).resolve([]) == []
    assert api.calls == {}


def test_per_id_problems_become_error_rows() -> None:
    api = FakeApi()
    ids = [1, FakeApi.NOT_FOUND, FakeApi.BAD_LINK, FakeApi.NOT_IN_SPACE, FakeApi.CRASH, 2]
    rows = {r.file_id: r for r in Resolver(make_client(api)).resolve(ids)}
    assert rows[1].ok and rows[2].ok
    assert (rows[FakeApi.NOT_FOUND].error_kind, rows[FakeApi.NOT_FOUND].error_code) == (ErrorKind.NOT_FOUND, 5066)
    assert rows[FakeApi.BAD_LINK].error_kind is ErrorKind.BAD_LINK
    assert rows[FakeApi.NOT_IN_SPACE].error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE
    assert rows[FakeApi.CRASH].error_kind is ErrorKind.API and rows[FakeApi.CRASH].error
    for fid in (FakeApi.NOT_FOUND, FakeApi.BAD_LINK, FakeApi.NOT_IN_SPACE, FakeApi.CRASH):
        assert rows[fid].url is None and rows[fid].error and not rows[fid].ok


def test_names_are_fetched_in_batches_and_merged() -> None:
    api = FakeApi()
    ids = [*range(1, 251), FakeApi.NOT_FOUND]
    rows = Resolver(make_client(api), names=True).resolve(ids)
    assert api.calls[FILE_INFOS_PATH] == 3
    by_id = {r.file_id: r for r in rows}
    assert (by_id[7].name, by_id[7].size) == ("名字-7.bin", 700)
    assert by_id[FakeApi.NOT_FOUND].name is None and by_id[FakeApi.NOT_FOUND].error_kind is ErrorKind.NOT_FOUND
    assert all(by_id[i].ok for i in range(1, 251))


def test_names_failure_keeps_the_links() -> None:
    api = FakeApi(infos=lambda ids: httpx.Response(500, text="<html>oops</html>"))
    rows = Resolver(make_client(api), names=True).resolve([1, 2, 3])
    assert [r.url for r in rows] == [link_for(1), link_for(2), link_for(3)]
    assert all(r.name is None for r in rows)
    assert api.calls[FILE_INFOS_PATH] == FAST.max_attempts


def test_folders_and_trashed_files_spend_no_link_request() -> None:
    def infos(ids: list[int]) -> httpx.Response:
        items = [
            {"fileId": 1, "filename": "a.bin", "size": 10, "type": 0, "trashed": 0},
            {"fileId": 2, "filename": "目录", "size": 0, "type": 1, "trashed": 0},
            {"fileId": 3, "filename": "old.zip", "size": 30, "type": 0, "trashed": 1},
        ]
        return envelope(0, {"list": items})

    api = FakeApi(infos=infos)
    rows = Resolver(make_client(api), names=True).resolve([1, 2, 3, 4])
    assert [r.error_kind for r in rows] == [None, ErrorKind.IS_FOLDER, ErrorKind.TRASHED, None]
    assert (rows[1].name, rows[2].name, rows[2].size) == ("目录", "old.zip", 30)
    assert rows[1].error == "This ID is a folder; direct links exist only for files" and rows[1].url is None
    assert rows[2].error == "The file is in the recycle bin; restore it first" and rows[2].url is None
    assert rows[3].ok and rows[3].name is None  # not in the lookup: the API decides
    assert api.calls[DIRECT_LINK_PATH] == 2  # IDs 1 and 4 only


def link_threads_alive(before: set[int | None]) -> int:
    return sum(
        1
        for t in threading.enumerate()
        if t.ident not in before and t.name.startswith("pan123-resolve-") and t.name != "pan123-resolve-names"
    )


def test_links_wait_for_names_and_the_pool_does_not_grow_meanwhile() -> None:
    second_chunk = threading.Event()

    def infos(ids: list[int]) -> httpx.Response:
        if ids[0] > 100:
            second_chunk.wait(30)  # the lookup of IDs 101..200 hangs until released
            return envelope(0, {"list": [{"fileId": i, "filename": f"n{i}", "size": i, "type": 0} for i in ids]})
        # IDs 1..100 are folders: no link requests, so the threads reach the second chunk at once
        return envelope(0, {"list": [{"fileId": i, "filename": f"d{i}", "size": 0, "type": 1} for i in ids]})

    api = FakeApi(infos=infos, latency=0.02)  # 10,000/s x 20 ms (the first lookup's round trip): 16 threads wanted
    before = {t.ident for t in threading.enumerate()}
    result: list[list[LinkResult]] = []
    ids = list(range(1, 201))
    thread = threading.Thread(target=lambda: result.append(Resolver(make_client(api), names=True).resolve(ids)))
    thread.start()
    try:
        thread.join(0.3)  # several growth ticks while the second lookup hangs
        assert DIRECT_LINK_PATH not in api.calls  # folders spend none; the others wait for their names
        assert 1 <= link_threads_alive(before) <= MIN_WORKERS  # not grown while every thread waits for names
    finally:
        second_chunk.set()
    thread.join(30)
    rows = result[0]
    assert all(r.error_kind is ErrorKind.IS_FOLDER for r in rows[:100])
    assert [(r.url, r.name) for r in rows[100:]] == [(link_for(i), f"n{i}") for i in ids[100:]]
    assert len(api.link_threads) > MIN_WORKERS  # and it grew once the names were there


def test_without_names_no_lookup_is_made() -> None:
    api = FakeApi()
    Resolver(make_client(api)).resolve([1, 2])
    assert FILE_INFOS_PATH not in api.calls


def test_signing_uses_the_uid_once_and_keeps_the_plain_link() -> None:
    api = FakeApi()
    sign = SignOptions(key=KEY, valid_for=timedelta(minutes=30))
    before = datetime.now(UTC)
    rows = Resolver(make_client(api), sign=sign).resolve([1, 2, 3])
    assert api.calls[USER_INFO_PATH] == 1
    for row in rows:
        assert row.ok and row.unsigned_url == link_for(row.file_id)
        assert row.url is not None and row.url.startswith(link_for(row.file_id) + "?auth_key=")
        auth_key = parse_qs(urlsplit(row.url).query)["auth_key"][0]
        ts, rand, uid, _digest = auth_key.split("-")
        assert int(uid) == UID
        assert row.expires_at is not None
        assert int(ts) == int(row.expires_at.timestamp())
        assert timedelta(minutes=29) <= row.expires_at - before <= timedelta(minutes=31)
        valid = timedelta(minutes=30)
        expected = sign_url(
            link_for(row.file_id), key=KEY, uid=UID, valid_for=valid, now=row.expires_at - valid, rand=rand
        )
        assert row.url == expected.url


def test_signing_failure_is_an_error_row_never_an_unsigned_link() -> None:
    api = FakeApi()
    rows = Resolver(make_client(api), sign=SignOptions(key="", valid_for=timedelta(minutes=30))).resolve([1, 2])
    for row in rows:
        assert row.url is None and not row.ok
        assert row.error_kind is ErrorKind.SIGNING
        assert row.unsigned_url == link_for(row.file_id)


def test_uid_failure_makes_signing_error_rows() -> None:
    api = FakeApi()
    api.user_info = envelope(5113, message="流量不足")  # any non-retryable failure of user/info
    rows = Resolver(make_client(api), sign=SignOptions(key=KEY, valid_for=timedelta(minutes=30))).resolve([1, 2, 3])
    assert all(r.error_kind is ErrorKind.SIGNING and r.url is None for r in rows)
    assert api.calls[USER_INFO_PATH] == 1  # asked once per run, not once per ID


def test_uid_unreachable_makes_network_rows_that_resign_repairs() -> None:
    api = FakeApi()
    api.user_info_down = True
    client = make_client(api, retry=RetryPolicy(max_attempts=2))  # 2 failed connects: short of the cut-off
    signer = Resolver(client, sign=SignOptions(key=KEY, valid_for=timedelta(minutes=30)))
    rows = signer.resolve([1, 2, 3])
    for row in rows:  # "network trouble", not "add the signing key"; the plain link is kept, never handed out
        assert row.error_kind is ErrorKind.NETWORK and row.url is None
        assert row.error is not None and row.error.startswith("Cannot sign: the account uid is unavailable")
        assert row.unsigned_url == link_for(row.file_id)
    api.user_info_down = False
    fixed = signer.resign(rows)
    assert all(r.ok and r.url is not None and "auth_key=" in r.url for r in fixed)


def test_sign_options_repr_hides_the_key() -> None:
    assert KEY not in repr(SignOptions(key=KEY, valid_for=timedelta(minutes=5)))


def test_resign_gives_fresh_signatures_without_link_calls() -> None:
    api = FakeApi()
    client = make_client(api)
    plain_rows = Resolver(client).resolve([1, 2, FakeApi.NOT_FOUND])
    calls_before = dict(api.calls)
    signer = Resolver(client, sign=SignOptions(key=KEY, valid_for=timedelta(hours=2)))
    rows = signer.resign(plain_rows)
    assert api.calls[DIRECT_LINK_PATH] == calls_before[DIRECT_LINK_PATH]
    assert api.calls[USER_INFO_PATH] == 1
    assert rows[0].url is not None and rows[0].url.startswith(link_for(1) + "?auth_key=")
    assert rows[0].expires_at is not None and rows[0].unsigned_url == link_for(1)
    assert rows[2] == plain_rows[2]  # an error row without a link is left alone
    again = signer.resign(rows)
    assert again[0].unsigned_url == link_for(1)
    assert again[0].url is not None and again[0].url.count("auth_key=") == 1
    assert api.calls[USER_INFO_PATH] == 1  # uid cached on the client


def test_resign_repairs_rows_whose_signing_failed() -> None:
    api = FakeApi()
    client = make_client(api)
    failed = Resolver(client, sign=SignOptions(key="", valid_for=timedelta(minutes=30))).resolve([4])
    assert failed[0].error_kind is ErrorKind.SIGNING
    fixed = Resolver(client, sign=SignOptions(key=KEY, valid_for=timedelta(minutes=30))).resign(failed)
    assert fixed[0].ok and fixed[0].error is None and fixed[0].error_kind is None


def test_cancel_keeps_finished_rows_and_marks_the_rest_cancelled() -> None:
    api = FakeApi()
    client = make_client(api, rate=20.0)
    cancel = threading.Event()
    collector = Collector()
    finished: list[int] = []

    def on_result(row: LinkResult) -> None:
        collector(row)
        if row.ok:
            finished.append(row.file_id)
            if len(finished) == 3:
                cancel.set()

    ids = list(range(1, 201))
    rows = Resolver(client).resolve(ids, on_result=on_result, cancel=cancel)
    assert [r.file_id for r in rows] == ids
    ok_rows = [r for r in rows if r.ok]
    cancelled = [r for r in rows if r.error_kind is ErrorKind.CANCELLED]
    assert len(ok_rows) + len(cancelled) == 200
    assert {r.file_id for r in ok_rows} >= set(finished[:3])
    assert len(cancelled) > 100  # 200 IDs at 20/s: most had not started
    assert api.calls[DIRECT_LINK_PATH] < 100
    # every ID reported exactly once, cancelled ones included
    assert sorted(r.file_id for r in collector.rows) == ids


def test_cancel_before_start_sends_nothing() -> None:
    api = FakeApi()
    cancel = threading.Event()
    cancel.set()
    rows = Resolver(make_client(api)).resolve([1, 2, 3], cancel=cancel)
    assert [r.error_kind for r in rows] == [ErrorKind.CANCELLED] * 3
    assert api.calls == {}


def test_cancel_returns_while_a_request_hangs() -> None:
    api = FakeApi()
    api.gate = threading.Event()  # every direct-link request hangs until released
    cancel = threading.Event()
    result: list[list[LinkResult]] = []
    thread = threading.Thread(target=lambda: result.append(Resolver(make_client(api)).resolve([1, 2], cancel=cancel)))
    thread.start()
    while api.calls.get(DIRECT_LINK_PATH, 0) < 2:
        thread.join(0.01)
    cancel.set()
    thread.join(30)
    try:
        assert not thread.is_alive()
        assert [r.error_kind for r in result[0]] == [ErrorKind.CANCELLED] * 2
    finally:
        api.gate.set()


def test_on_result_exception_does_not_lose_rows() -> None:
    def broken(row: LinkResult) -> None:
        raise RuntimeError("ui bug")

    rows = Resolver(make_client(FakeApi())).resolve([1, 2], on_result=broken)
    assert all(r.ok for r in rows)


def test_requests_overlap_so_latency_does_not_cap_throughput() -> None:
    api = FakeApi(latency=0.05)
    rows = Resolver(make_client(api, rate=200.0), workers=16).resolve(list(range(1, 81)))
    assert all(r.ok for r in rows)
    assert api.max_in_flight >= 4  # a sequential resolver would never exceed 1
    assert len(api.link_threads) > MIN_WORKERS  # the pool grew: 200/s x 50 ms needs ~10 in flight


def test_the_pool_stays_as_small_as_the_pace_allows() -> None:
    # 10 requests/s x 20 ms round trip: one request at a time would do; ceil(0.2) + 2 = 3 threads at most
    api = FakeApi(latency=0.02)
    rows = Resolver(make_client(api, rate=10.0), workers=16).resolve(list(range(1, 21)))
    assert all(r.ok for r in rows)
    assert 1 <= len(api.link_threads) <= 3
    assert api.max_in_flight <= 3


def test_the_pool_never_exceeds_workers() -> None:
    api = FakeApi(latency=0.02)
    rows = Resolver(make_client(api, rate=10_000.0), workers=3).resolve(list(range(1, 61)))
    assert all(r.ok for r in rows)
    assert len(api.link_threads) <= 3 and api.max_in_flight <= 3
    api = FakeApi()
    Resolver(make_client(api), workers=1).resolve(list(range(1, 11)))
    assert len(api.link_threads) == 1


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError):
        Resolver(make_client(FakeApi()), workers=0)
