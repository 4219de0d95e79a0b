"""Hostile answers against the HTTP layer's limits: every one ends, none is read into memory, none is retried."""

from __future__ import annotations

import contextlib
import socket
import threading
import tracemalloc
from collections.abc import Callable

import pytest
from hostile_clients import SHORT_DEADLINE, client_for, http_for
from hostile_server import (
    HostileServer,
    declared_huge,
    deep_json,
    endless_body,
    gzip_bomb,
    gzip_bombing,
    send_raw,
    silent,
    trickle_body,
    trickle_headers,
)

from pan123_gui.core import _http
from pan123_gui.core._http import DEFAULT_DEADLINE, call_api
from pan123_gui.core.client import STALLED_ATTEMPTS
from pan123_gui.core.endpoints import DIRECT_LINK_PATH
from pan123_gui.core.errors import ErrorKind, Pan123Error, RefusedAnswerError, RequestTimeoutError
from pan123_gui.core.request_watch import RequestWatch
from pan123_gui.core.resolver import Resolver
from pan123_gui.core.retry import RetryPolicy, backoff_delay

LINK = DIRECT_LINK_PATH


def _call(server: HostileServer, **kw: object) -> object:
    with http_for(server, **kw) as http:  # type: ignore[arg-type]
        return call_api(http, "GET", LINK, token="tok", params={"fileID": 1})


def _peak_mib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        with contextlib.suppress(Pan123Error):
            action()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


# --- the overall deadline ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("behaviour", [trickle_headers, trickle_body, silent], ids=["headers", "body", "silent"])
def test_a_request_ends_at_its_deadline_however_the_server_stalls(
    hostile: HostileServer, behaviour: Callable[..., None]
) -> None:
    hostile.on(LINK, behaviour)
    with pytest.raises(RequestTimeoutError):
        _call(hostile)
    assert hostile.hits[LINK] == 1


def test_a_name_lookup_that_never_returns_ends_at_the_deadline(
    hostile: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = threading.Event()

    def getaddrinfo(*args: object, **kw: object) -> list[object]:
        stuck.wait(30)
        return []

    monkeypatch.setattr(_http.socket, "getaddrinfo", getaddrinfo)
    port = hostile.base_url.rsplit(":", 1)[1]
    with (
        _http.new_http_client(f"http://api.hostile.test:{port}", deadline=SHORT_DEADLINE) as http,
        pytest.raises(RequestTimeoutError),
    ):
        call_api(http, "GET", LINK, token="tok", params={"fileID": 1})
    stuck.set()
    assert hostile.hits[LINK] == 0


def test_a_stalled_call_is_tried_twice_and_a_run_that_saw_a_stall_tries_once(hostile: HostileServer) -> None:
    hostile.on(LINK, silent)
    client = client_for(hostile)
    with pytest.raises(RequestTimeoutError):
        client.direct_link_url(1)
    assert hostile.hits[LINK] == STALLED_ATTEMPTS == 2
    watch = RequestWatch()
    with pytest.raises(RequestTimeoutError):
        client.direct_link_url(2, watch=watch)
    assert watch.stalled
    with pytest.raises(RequestTimeoutError):
        client.direct_link_url(3, watch=watch)
    assert hostile.hits[LINK] == 2 + 2 + 1


def test_a_stalling_server_ends_a_row_well_under_a_minute_by_construction() -> None:
    # The names lookup (2 attempts) and then the link (1 attempt, the run saw the stall): the window's worst case.
    policy = RetryPolicy()
    worst = (STALLED_ATTEMPTS + 1) * DEFAULT_DEADLINE + backoff_delay(1, policy, rand=lambda: 0.0)
    assert worst <= 35


def test_a_stalling_server_gives_network_rows_in_a_run(hostile: HostileServer) -> None:
    hostile.on(LINK, silent)
    rows = Resolver(client_for(hostile), workers=1).resolve([1, 2, 3])
    assert [r.error_kind for r in rows] == [ErrorKind.NETWORK] * 3
    assert hostile.hits[LINK] == 2 + 1 + 1  # the first row retried once, the others not (the run saw the stall)


# --- the size cap --------------------------------------------------------------------------------------------------


def test_a_200_mb_answer_is_refused_while_reading_and_not_held_in_memory(hostile: HostileServer) -> None:
    hostile.on(LINK, endless_body)
    with pytest.raises(RefusedAnswerError) as caught:
        _call(hostile, deadline=30.0)
    assert caught.value.kind is ErrorKind.MALFORMED
    assert _peak_mib(lambda: _call(hostile, deadline=30.0)) < 3 * _http.MAX_ANSWER_BYTES / (1024 * 1024)


def test_an_announced_200_mb_answer_is_refused_before_reading(hostile: HostileServer) -> None:
    hostile.on(LINK, declared_huge)
    with pytest.raises(RefusedAnswerError):
        _call(hostile)


def test_a_gzip_bomb_is_refused_after_a_few_megabytes_and_fetched_once(hostile: HostileServer) -> None:
    assert len(gzip_bomb()) < 2 * 1024 * 1024
    hostile.on(LINK, gzip_bombing)
    peak = _peak_mib(lambda: _call(hostile, deadline=30.0))
    assert peak < 3 * _http.MAX_ANSWER_BYTES / (1024 * 1024) + 3  # the cap, plus the 1 MB of gzip on the wire
    rows = Resolver(client_for(hostile, deadline=30.0)).resolve([7])
    assert rows[0].error_kind is ErrorKind.MALFORMED
    assert hostile.hits[LINK] == 1 + 1  # the peak measurement, and the run's one request: no retry


def test_a_small_cap_counts_after_decompression(hostile: HostileServer) -> None:
    import gzip
    import json

    body = gzip.compress(json.dumps({"code": 0, "data": {"url": "https://x.test/" + "a" * 5000}}).encode())
    assert len(body) < 1000

    def small_gzip(conn: socket.socket, request: object, server: object) -> None:
        send_raw(conn, 200, body, {"Content-Encoding": "gzip"})

    hostile.on(LINK, small_gzip)
    with pytest.raises(RefusedAnswerError):
        _call(hostile, max_answer_bytes=2000)
    assert _call(hostile, max_answer_bytes=10000) == {"url": "https://x.test/" + "a" * 5000}


def test_an_unknown_content_encoding_is_refused(hostile: HostileServer) -> None:
    def brotli(conn: socket.socket, request: object, server: object) -> None:
        send_raw(conn, 200, b"\x00\x01\x02", {"Content-Encoding": "br"})

    hostile.on(LINK, brotli)
    with pytest.raises(RefusedAnswerError):
        _call(hostile)


# --- nesting -------------------------------------------------------------------------------------------------------


def test_json_nested_200000_deep_is_a_malformed_row_not_an_unexpected_error(hostile: HostileServer) -> None:
    hostile.on(LINK, deep_json())
    rows = Resolver(client_for(hostile)).resolve([5])
    assert rows[0].error_kind is ErrorKind.MALFORMED
    assert "Unexpected" not in (rows[0].error or "")
    assert hostile.hits[LINK] == 1  # refused answers are not fetched again
