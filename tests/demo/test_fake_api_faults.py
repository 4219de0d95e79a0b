"""Faults of the fake API, each seen on the wire exactly as a client would see it."""

from __future__ import annotations

import http.client
import threading
from typing import Any

import pytest
from conftest import Wire

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.faults import FAULT_KINDS, FaultQueue
from pan123_gui.demo.samples import VIDEO_ID


def test_http500_html(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add("direct-link/url", "http500_html")
    answer = wire.link(VIDEO_ID)
    assert answer.status == 500
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.raw.lstrip().startswith(b"<html>")
    assert wire.link(VIDEO_ID).code == 0  # consumed: the next request is fine


def test_drop_closes_without_a_response(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add(ep.DIRECT_LINK_URL, "drop")
    with pytest.raises(http.client.RemoteDisconnected):
        wire.link(VIDEO_ID)
    assert fake_api.request_log[-1][3] == 0
    assert wire.link(VIDEO_ID).code == 0


def test_drop_on_a_kept_alive_connection(wire: Wire, fake_api: FakeApiServer) -> None:
    conn = wire.connect()
    try:
        assert wire.link(VIDEO_ID, conn=conn).code == 0
        fake_api.faults.add(ep.DIRECT_LINK_URL, "drop")
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            wire.link(VIDEO_ID, conn=conn)
    finally:
        conn.close()


def test_cut_json_sends_half_of_the_announced_body(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add(ep.DIRECT_LINK_URL, "cut_json")
    conn = wire.connect()
    try:
        conn.request("GET", f"{ep.DIRECT_LINK_URL}?fileID={VIDEO_ID}", headers=_headers(wire))
        resp = conn.getresponse()
        assert resp.status == 200
        announced = int(resp.getheader("Content-Length") or 0)
        with pytest.raises(http.client.IncompleteRead) as err:
            resp.read()
        assert 0 < len(err.value.partial) < announced
        assert err.value.partial.startswith(b'{"code": 0')
    finally:
        conn.close()


def test_http429_status(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add(ep.DIRECT_LINK_URL, "http429")
    answer = wire.link(VIDEO_ID)
    assert answer.status == 429 and answer.code == 429
    assert "retry-after" not in answer.headers
    fake_api.faults.retry_after = 1.5
    fake_api.faults.add(ep.DIRECT_LINK_URL, "http429")
    assert wire.link(VIDEO_ID).headers["retry-after"] == "1.5"


@pytest.mark.parametrize(("kind", "code"), [("code429", 429), ("code1", 1), ("code5113", 5113)])
def test_envelope_code_faults(wire: Wire, fake_api: FakeApiServer, kind: str, code: int) -> None:
    fake_api.faults.add(ep.DIRECT_LINK_URL, kind)
    answer = wire.link(VIDEO_ID)
    assert answer.status == 200 and answer.code == code
    assert answer.json["data"] is None and answer.json["message"]
    assert wire.link(VIDEO_ID).code == 0


def test_revoked_revokes_the_presented_token(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add(ep.DIRECT_LINK_URL, "revoked")
    answer = wire.link(VIDEO_ID)
    assert answer.code == 401
    assert wire.link(VIDEO_ID).code == 401  # it stays revoked
    assert wire.link(VIDEO_ID, token=wire.fetch_token()).code == 0


def test_not_json(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add(ep.USER_INFO, "not_json")
    answer = wire.get(ep.USER_INFO)
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/plain")
    with pytest.raises(ValueError):
        answer.json  # noqa: B018


def test_bad_link_answers_non_http_urls(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add(ep.DIRECT_LINK_URL, "bad_link", count=2)
    urls = [wire.link(VIDEO_ID).json["data"]["url"] for _ in range(2)]
    assert urls[0].startswith("javascript:") and urls[1].startswith("file:")
    assert wire.link(VIDEO_ID).json["data"]["url"].startswith("https://vip.123pan.cn/")


def test_stall_waits_before_answering(make_api: Any) -> None:
    slept: list[float] = []
    api: FakeApiServer = make_api(sleep=slept.append)
    api.faults.stall_seconds = 7.0
    w = Wire(api)
    w.token = w.fetch_token()
    api.faults.add("user/info", "stall")
    assert w.get(ep.USER_INFO).code == 0
    assert slept == [7.0]


def test_faults_are_consumed_in_order_with_counts(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add(ep.DIRECT_LINK_URL, "code429", count=2)
    fake_api.faults.add(ep.DIRECT_LINK_URL, "code1")
    fake_api.faults.add(ep.USER_INFO, "code1")
    assert fake_api.faults.pending() == 4 and fake_api.faults.pending("direct-link/url") == 3
    assert [wire.link(VIDEO_ID).code for _ in range(4)] == [429, 429, 1, 0]
    assert wire.get(ep.USER_INFO).code == 1
    assert fake_api.faults.pending() == 0
    assert [r.fault for r in fake_api.records[-5:]] == ["code429", "code429", "code1", None, "code1"]


def test_wildcard_faults_hit_any_path_after_specific_ones(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add("*", "code1")
    fake_api.faults.add(ep.USER_INFO, "code429")
    assert wire.get(ep.USER_INFO).code == 429
    assert wire.get(ep.USER_INFO).code == 1
    assert wire.get(ep.USER_INFO).code == 0


def test_faults_do_not_fire_on_unknown_paths(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add("*", "http500_html")
    assert wire.get("/api/v1/nothing").status == 404
    assert fake_api.faults.pending() == 1
    fake_api.faults.clear()
    assert fake_api.faults.pending() == 0


def test_fault_on_access_token(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.faults.add("access_token", "code1")
    body = {"clientID": fake_api.client_id, "clientSecret": fake_api.client_secret}
    before = fake_api.tokens_issued
    assert wire.post(ep.ACCESS_TOKEN, body, token=None).code == 1
    assert fake_api.tokens_issued == before


def test_unknown_fault_kind_or_count_is_refused() -> None:
    faults = FaultQueue()
    with pytest.raises(ValueError, match="unknown fault kind"):
        faults.add(ep.DIRECT_LINK_URL, "explode")
    with pytest.raises(ValueError):
        faults.add(ep.DIRECT_LINK_URL, "drop", count=0)
    assert {"http500_html", "drop", "cut_json", "http429", "code429", "code1", "revoked", "not_json", "bad_link"} <= (
        FAULT_KINDS
    )


def test_faults_are_thread_safe() -> None:
    faults = FaultQueue()
    faults.add(ep.DIRECT_LINK_URL, "code1", count=500)
    got: list[str | None] = []
    lock = threading.Lock()

    def take() -> None:
        mine = [faults.pop(ep.DIRECT_LINK_URL) for _ in range(100)]
        with lock:
            got.extend(mine)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got.count("code1") == 500 and got.count(None) == 300


def test_many_concurrent_requests_with_faults_are_all_answered(wire: Wire, fake_api: FakeApiServer) -> None:
    kinds = ["code429", "code1", "http500_html", "not_json", "drop", "cut_json"]
    for kind in kinds:
        fake_api.faults.add(ep.DIRECT_LINK_URL, kind, count=3)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(8):
            try:
                answer = wire.link(VIDEO_ID)
                outcome = (
                    str(answer.json["code"])
                    if answer.headers["content-type"].startswith("application/json") and answer.status == 200
                    else f"http{answer.status}"
                )
            except (http.client.HTTPException, OSError, ValueError):
                outcome = "broken"
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 128
    assert outcomes.count("0") == 128 - 18
    assert fake_api.faults.pending() == 0


def _headers(wire: Wire) -> dict[str, str]:
    return {"Platform": "open_platform", "Authorization": f"Bearer {wire.token}"}
