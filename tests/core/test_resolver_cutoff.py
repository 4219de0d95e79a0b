"""The run-wide network cut-off over real loopback HTTP: a closed port, the fake API stopped mid-run, Retry failed.

Assertions are on requests and rows, never on time: without the cut-off every ID makes its own 5 attempts.
"""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime, timedelta

import clients
import pytest

from pan123_gui.core._http import httpx
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import FILE_INFOS_PATH
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.core.request_watch import BREAKER_THRESHOLD
from pan123_gui.core.resolver import DEFAULT_WORKERS, Resolver
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.demo.fake_api import FakeApiServer

NOT_TRIED = "Not tried: the 123pan API could not be reached"
FAR = datetime.now(UTC) + timedelta(days=20)
FIRST_ID = 60_000_000


class Counting(httpx.HTTPTransport):
    """The real transport, counting the attempts that left the client (answered or not)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0
        self.down = False  # when set, refuse like a closed port without touching the network
        self._lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.sent += 1
        if self.down:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return super().handle_request(request)


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens there any more: connections are refused


def make_client(
    base_url: str,
    transport: Counting,
    *,
    token: str = "tok",
    fetch: bool = False,
    rate: float = 50.0,
    retry: RetryPolicy | None = None,
) -> Pan123Client:
    # by default the default retry policy with real back-off sleeps: the trip must wake them
    return clients.make_client(
        base_url,
        transport=transport,
        token=None if fetch else token,
        login=fetch,
        rate=rate,
        rates={FILE_INFOS_PATH: 20.0},
        retry=retry,
    )


def test_api_unreachable_from_the_start_fails_every_id_fast() -> None:
    transport = Counting()
    ids = [FIRST_ID + i for i in range(300)]
    seen: list[LinkResult] = []
    with make_client(closed_port_url(), transport) as client:
        rows = Resolver(client).resolve(ids, on_result=seen.append)
    assert [r.file_id for r in rows] == ids  # every ID has a row
    assert sorted(r.file_id for r in seen) == ids
    assert all(r.error_kind is ErrorKind.NETWORK and not r.ok for r in rows)
    # 300 IDs x 5 attempts without the cut-off; with it: the failures that trip it and what was already on the way
    assert transport.sent <= BREAKER_THRESHOLD + DEFAULT_WORKERS
    assert sum(1 for r in rows if r.error == NOT_TRIED) >= len(ids) - DEFAULT_WORKERS


def test_unreachable_with_names_and_a_token_to_fetch() -> None:
    transport = Counting()
    ids = [FIRST_ID + i for i in range(250)]
    quick = RetryPolicy(max_attempts=2, base_delay=0.01)  # a short token-fetch retry keeps the test quick
    with make_client(closed_port_url(), transport, fetch=True, retry=quick) as client:
        rows = Resolver(client, names=True).resolve(ids)
    assert [r.file_id for r in rows] == ids
    assert all(r.error_kind is ErrorKind.NETWORK for r in rows)
    assert all(r.name is None for r in rows)
    # token fetches (2 attempts each) that could not connect count toward the cut-off as well
    assert transport.sent <= 2 * (BREAKER_THRESHOLD + DEFAULT_WORKERS)


def test_api_gone_mid_run_the_rest_fail_fast_and_finished_rows_stay(fake_api: FakeApiServer) -> None:
    fake_api.set_rate("direct-link/url", 200.0)
    fake_api.set_latency(0.01)
    ids = [FIRST_ID + i for i in range(200)]
    for file_id in ids:
        fake_api.add_file(file_id, f"gone-{file_id}.bin", 1)
    token = fake_api.issue_token().value
    transport = Counting()
    ok: list[int] = []
    stopped = threading.Event()
    lock = threading.Lock()

    def on_result(row: LinkResult) -> None:
        with lock:
            if row.ok:
                ok.append(row.file_id)
            if len(ok) == 20 and not stopped.is_set():
                stopped.set()
                threading.Thread(target=fake_api.stop, daemon=True).start()  # the network goes away

    with make_client(fake_api.base_url, transport, token=token) as client:
        rows = Resolver(client).resolve(ids, on_result=on_result)
    assert stopped.is_set()
    assert [r.file_id for r in rows] == ids
    assert {r.file_id for r in rows if r.ok} >= set(ok[:20])
    assert all(r.url == fake_api.expected_url(r.file_id) for r in rows if r.ok)
    failed = [r for r in rows if not r.ok]
    assert len(failed) >= 100 and all(r.error_kind is ErrorKind.NETWORK for r in failed)
    assert sum(1 for r in failed if r.error == NOT_TRIED) >= len(failed) - DEFAULT_WORKERS
    # attempts the server never answered: requests cut by the stop (retried once) and those that tripped the cut-off
    unanswered = transport.sent - len(fake_api.records)
    assert unanswered <= BREAKER_THRESHOLD + 2 * DEFAULT_WORKERS


def test_retry_failed_tries_the_not_tried_ids_again(fake_api: FakeApiServer) -> None:
    fake_api.set_rate("direct-link/url", 200.0)
    ids = [FIRST_ID + i for i in range(60)]
    for file_id in ids:
        fake_api.add_file(file_id, f"back-{file_id}.bin", 1)
    transport = Counting()
    with make_client(fake_api.base_url, transport, token=fake_api.issue_token().value, rate=200.0) as client:
        transport.down = True
        first = Resolver(client, names=True).resolve(ids)
        assert all(r.error_kind is ErrorKind.NETWORK for r in first)
        assert transport.sent <= BREAKER_THRESHOLD + DEFAULT_WORKERS
        assert fake_api.calls("direct-link/url") == 0
        transport.down = False  # the network is back: the user presses Retry failed
        again = Resolver(client, names=True).resolve([r.file_id for r in first if not r.ok])
    assert [r.file_id for r in again] == ids
    assert all(r.ok and r.url == fake_api.expected_url(r.file_id) for r in again)
    assert all(r.name == f"back-{r.file_id}.bin" for r in again)
    assert fake_api.calls("direct-link/url") == len(ids)


@pytest.mark.parametrize("names", [False, True])
def test_a_short_blip_answered_in_between_does_not_cut_the_run_off(fake_api: FakeApiServer, names: bool) -> None:
    """Failures that never come three in a row (one worker, so the order is fixed) are just retried."""
    fake_api.set_rate("direct-link/url", 200.0)
    ids = [FIRST_ID + i for i in range(12)]
    for file_id in ids:
        fake_api.add_file(file_id, f"blip-{file_id}.bin", 1)

    class Blip(Counting):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            with self._lock:
                number = self.sent
            self.down = number % 3 != 2  # refused, refused, answered, refused, ...
            return super().handle_request(request)

    transport = Blip()
    retry = RetryPolicy(max_attempts=3, base_delay=0.001, max_delay=0.002)
    with make_client(fake_api.base_url, transport, token=fake_api.issue_token().value, rate=200.0, retry=retry) as c:
        rows = Resolver(c, names=names, workers=1).resolve(ids)
    assert all(r.ok for r in rows), [r.error for r in rows if not r.ok]
    assert transport.sent == 3 * (len(ids) + (1 if names else 0))
