"""The fake 123pan API over real loopback HTTP: envelope, headers, tokens, endpoints (faithful to the reference)."""

from __future__ import annotations

import json
import re
import threading
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import Clock, Wire

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    FOLDER_ID,
    NOT_DIRECT_LINK_ID,
    SAMPLE_FILES,
    TRASHED_ID,
    UNKNOWN_ID,
    VIDEO_ID,
)

SEED_URL = (
    "https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95%E7%9B%B4%E9%93%BE%E6%96%87%E4%BB%B6%E5%A4%B9/"
    "%E6%88%91%E4%BB%8E%E8%8D%89%E5%8E%9F%E6%9D%A5.mp4"
)


def assert_envelope(answer: Any, code: int) -> dict[str, Any]:
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json
    assert set(body) == {"code", "message", "data", "x-traceID"}
    assert body["code"] == code
    assert re.fullmatch(r"[0-9a-f-]{36}_kong-db-\w+-\w+", body["x-traceID"])
    if code == 0:
        assert body["message"] == "ok"
    else:
        assert body["data"] is None
        assert body["message"] and body["message"] != "ok"
    return dict(body)


# ---- envelope and headers ----------------------------------------------------------------------------------------


def test_success_is_the_envelope_with_the_seed_url(wire: Wire) -> None:
    body = assert_envelope(wire.link(VIDEO_ID), 0)
    assert body["data"] == {"url": SEED_URL}


def test_trace_ids_differ_per_answer(wire: Wire) -> None:
    assert wire.link(VIDEO_ID).json["x-traceID"] != wire.link(VIDEO_ID).json["x-traceID"]


@pytest.mark.parametrize("platform", [None, "", "web", "OPEN_PLATFORM"])
def test_platform_header_is_required(wire: Wire, platform: str | None) -> None:
    body = assert_envelope(wire.link(VIDEO_ID, platform=platform), ep.CODE_BAD_PARAM)
    assert "Platform" in body["message"]


def test_platform_header_name_is_case_insensitive(wire: Wire) -> None:
    answer = wire.link(VIDEO_ID, platform=None, headers={"platform": "open_platform"})
    assert_envelope(answer, 0)


def test_access_token_needs_platform_too(wire: Wire, fake_api: FakeApiServer) -> None:
    body = {"clientID": fake_api.client_id, "clientSecret": fake_api.client_secret}
    before = fake_api.tokens_issued
    assert_envelope(wire.post(ep.ACCESS_TOKEN, body, token=None, platform=None), ep.CODE_BAD_PARAM)
    assert fake_api.tokens_issued == before


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/api/v1/nothing"), ("POST", ep.DIRECT_LINK_URL), ("GET", ep.ACCESS_TOKEN), ("GET", "/")],
)
def test_unknown_routes_get_the_gateway_404(wire: Wire, method: str, path: str) -> None:
    answer = wire.call(method, path)
    assert answer.status == 404
    assert answer.json == {"message": ep.MSG_NO_ROUTE}


# ---- tokens ------------------------------------------------------------------------------------------------------


def test_access_token_answer_and_expiry(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(now=clock.now)
    answer = Wire(api).post(ep.ACCESS_TOKEN, {"clientID": api.client_id, "clientSecret": api.client_secret}, token=None)
    data = assert_envelope(answer, 0)["data"]
    assert set(data) == {"accessToken", "expiredAt"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", data["expiredAt"])
    assert datetime.fromisoformat(data["expiredAt"]) == clock.wall + timedelta(days=30)
    assert data["accessToken"].count(".") == 2  # JWT-shaped like the real ones
    assert api.tokens_issued == 1


def test_token_works_until_it_expires(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(now=clock.now, token_ttl=timedelta(hours=2))
    w = Wire(api)
    w.token = w.fetch_token()
    assert_envelope(w.link(VIDEO_ID), 0)
    clock.advance(2 * 3600 - 1)
    assert_envelope(w.link(VIDEO_ID), 0)
    clock.advance(1)
    body = assert_envelope(w.link(VIDEO_ID), ep.CODE_UNAUTHORIZED)
    assert body["message"] == ep.MSG_TOKEN_EXPIRED


def test_issue_token_with_a_past_ttl_is_expired(wire: Wire, fake_api: FakeApiServer) -> None:
    token = fake_api.issue_token(ttl=timedelta(seconds=-1))
    assert token.expires_at.utcoffset() == timedelta(hours=8)
    assert_envelope(wire.link(VIDEO_ID, token=token.value), ep.CODE_UNAUTHORIZED)


def test_issue_token_is_accepted_and_counted(wire: Wire, fake_api: FakeApiServer) -> None:
    before = fake_api.tokens_issued
    token = fake_api.issue_token()
    assert fake_api.tokens_issued == before + 1
    assert "<redacted>" in repr(token) and token.value not in repr(token)
    assert_envelope(wire.link(VIDEO_ID, token=token.value), 0)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, ep.MSG_TOKEN_INVALID),
        ("Bearer ", ep.MSG_TOKEN_INVALID),
        ("Bearer not-a-token", ep.MSG_TOKEN_INVALID),
        ("Basic abc", ep.MSG_TOKEN_INVALID),
    ],
)
def test_missing_or_unknown_token_is_401_in_the_body(wire: Wire, header: str | None, message: str) -> None:
    headers = {} if header is None else {"Authorization": header}
    answer = wire.link(VIDEO_ID, token=None, headers=headers)
    assert assert_envelope(answer, ep.CODE_UNAUTHORIZED)["message"] == message


def test_token_without_bearer_prefix_is_refused(wire: Wire) -> None:
    assert_envelope(wire.link(VIDEO_ID, token=None, headers={"Authorization": str(wire.token)}), 401)


def test_wrong_client_secret_is_refused_without_a_token(wire: Wire, fake_api: FakeApiServer) -> None:
    before = fake_api.tokens_issued
    answer = wire.post(ep.ACCESS_TOKEN, {"clientID": fake_api.client_id, "clientSecret": "wrong"}, token=None)
    assert assert_envelope(answer, ep.CODE_UNAUTHORIZED)["message"] == ep.MSG_BAD_CLIENT
    assert fake_api.tokens_issued == before


@pytest.mark.parametrize(
    "body",
    [{}, {"clientID": "x"}, {"clientId": "a", "clientSecret": "b"}, [1, 2], "text", {"clientID": 1, "clientSecret": 2}],
)
def test_malformed_token_requests_are_parameter_errors(wire: Wire, body: object) -> None:
    assert_envelope(wire.post(ep.ACCESS_TOKEN, body, token=None), ep.CODE_BAD_PARAM)


def test_at_most_three_live_tokens_the_oldest_is_kicked(fake_api: FakeApiServer) -> None:
    w = Wire(fake_api)
    tokens = [w.fetch_token() for _ in range(3)]
    for token in tokens:
        assert_envelope(w.link(VIDEO_ID, token=token), 0)
    fourth = w.fetch_token()
    kicked = assert_envelope(w.link(VIDEO_ID, token=tokens[0]), ep.CODE_UNAUTHORIZED)
    assert kicked["message"] == ep.MSG_TOKEN_KICKED
    for token in [*tokens[1:], fourth]:
        assert_envelope(w.link(VIDEO_ID, token=token), 0)
    fake_api.issue_token()  # issue_token counts toward the cap too
    assert_envelope(w.link(VIDEO_ID, token=tokens[1]), ep.CODE_UNAUTHORIZED)
    assert_envelope(w.link(VIDEO_ID, token=tokens[2]), 0)
    assert fake_api.live_tokens == 3
    assert fake_api.tokens_issued == 5


def test_expired_tokens_do_not_count_toward_the_cap(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(now=clock.now, max_tokens=2)
    api.issue_token(ttl=timedelta(seconds=10))
    long_lived = api.issue_token()
    clock.advance(11)
    api.issue_token()  # the expired one leaves room: nothing live is kicked
    assert_envelope(Wire(api).link(VIDEO_ID, token=long_lived.value), 0)


def test_revoke_all_tokens(wire: Wire, fake_api: FakeApiServer) -> None:
    assert_envelope(wire.link(VIDEO_ID), 0)
    fake_api.revoke_all_tokens()
    assert_envelope(wire.link(VIDEO_ID), ep.CODE_UNAUTHORIZED)
    assert fake_api.live_tokens == 0
    assert_envelope(wire.link(VIDEO_ID, token=wire.fetch_token()), 0)


# ---- direct-link/url ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", [f for f in SAMPLE_FILES if f.direct_link and not f.folder and not f.trashed])
def test_every_direct_link_sample_resolves_to_its_encoded_path(
    wire: Wire, fake_api: FakeApiServer, sample: Any
) -> None:
    url = assert_envelope(wire.link(sample.file_id), 0)["data"]["url"]
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.query) == ("https", "vip.123pan.cn", "")
    segments = parts.path.split("/")[1:]
    assert len(segments) == 3
    assert segments[0] == str(fake_api.uid)
    assert unquote(segments[2]) == sample.name
    assert url.isascii() and not any(ch in parts.path for ch in " #?&")
    assert url == fake_api.expected_url(sample.file_id)


def test_lower_case_fileId_does_not_work(wire: Wire) -> None:
    answer = wire.get(f"{ep.DIRECT_LINK_URL}?fileId={VIDEO_ID}")
    assert assert_envelope(answer, ep.CODE_NOT_FOUND)["message"] == ep.MSG_NOT_FOUND
    assert_envelope(wire.get(ep.DIRECT_LINK_URL), ep.CODE_NOT_FOUND)


def test_file_id_in_a_get_body_is_ignored(wire: Wire) -> None:
    answer = wire.call("GET", ep.DIRECT_LINK_URL, body={"fileID": VIDEO_ID})
    assert_envelope(answer, ep.CODE_NOT_FOUND)


@pytest.mark.parametrize("raw", ["abc", "12a", "-5", "1.5", "%EF%BC%91"])
def test_non_numeric_file_id_is_a_parameter_error(wire: Wire, raw: str) -> None:
    assert_envelope(wire.link(raw), ep.CODE_BAD_PARAM)


@pytest.mark.parametrize("file_id", [UNKNOWN_ID, TRASHED_ID, 0])
def test_missing_or_trashed_file_is_5066(wire: Wire, file_id: int) -> None:
    assert assert_envelope(wire.link(file_id), 5066)["message"] == ep.MSG_NOT_FOUND


def test_file_outside_a_direct_link_space(wire: Wire) -> None:
    body = assert_envelope(wire.link(NOT_DIRECT_LINK_ID), ep.CODE_NOT_DIRECT_LINK)
    assert "直链空间" in body["message"]


def test_no_vip_means_no_direct_link_space(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.set_vip(False)
    assert "直链空间" in assert_envelope(wire.link(VIDEO_ID), ep.CODE_NOT_DIRECT_LINK)["message"]
    assert wire.get(ep.USER_INFO).json["data"]["vipInfo"] is None


def test_folder_has_no_direct_link(wire: Wire) -> None:
    body = assert_envelope(wire.link(FOLDER_ID), ep.CODE_BAD_PARAM)
    assert "文件夹" in body["message"]


def test_traffic_exhausted_switch(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.set_traffic_exhausted(True)
    assert_envelope(wire.link(VIDEO_ID), 5113)
    assert wire.get(ep.USER_INFO).json["data"]["directTraffic"] == 0
    fake_api.set_traffic_exhausted(False)
    assert_envelope(wire.link(VIDEO_ID), 0)


def test_hide_uid_drops_the_uid_segment(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.set_hide_uid(True)
    url = assert_envelope(wire.link(VIDEO_ID), 0)["data"]["url"]
    assert str(fake_api.uid) not in url
    assert wire.get(ep.USER_INFO).json["data"]["isHideUID"] is True


def test_added_file_with_custom_folder(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.add_file(42, "a b/c?.txt".replace("/", "_"), 1, parent="文件夹 #2")
    url = assert_envelope(wire.link(42), 0)["data"]["url"]
    assert url.endswith("/%E6%96%87%E4%BB%B6%E5%A4%B9%20%232/a%20b_c%3F.txt")
    with pytest.raises(ValueError):
        fake_api.add_file(43, "a/b", 1)
    with pytest.raises(ValueError):
        fake_api.add_file(0, "x", 1)


# ---- user/info, file/infos, file/detail -------------------------------------------------------------------------


def test_user_info_fields(wire: Wire, fake_api: FakeApiServer) -> None:
    data = assert_envelope(wire.get(ep.USER_INFO), 0)["data"]
    assert data["uid"] == fake_api.uid
    assert data["vip"] is True and data["isHideUID"] is False
    assert isinstance(data["directTraffic"], int) and data["directTraffic"] > 0
    assert data["vipInfo"][0]["vipLevel"] in (1, 2, 3) and data["vipInfo"][0]["vipLabel"]
    for key in ("nickname", "headImage", "passport", "mail", "spaceUsed", "spacePermanent", "developerInfo"):
        assert key in data


def test_file_infos_returns_known_ids_in_request_order(wire: Wire) -> None:
    ids = [10861133, UNKNOWN_ID, VIDEO_ID, TRASHED_ID, FOLDER_ID, VIDEO_ID]
    data = assert_envelope(wire.post(ep.FILE_INFOS, {"fileIds": ids}), 0)["data"]
    assert set(data) == {"list"}
    rows = data["list"]
    assert [r["fileId"] for r in rows] == [10861133, VIDEO_ID, TRASHED_ID, FOLDER_ID]
    by_id = {r["fileId"]: r for r in rows}
    assert by_id[VIDEO_ID]["filename"] == "我从草原来.mp4" and by_id[VIDEO_ID]["size"] == 187_654_321
    assert by_id[VIDEO_ID]["category"] == 2
    assert by_id[TRASHED_ID]["trashed"] == 1 and by_id[FOLDER_ID]["type"] == 1


def test_file_infos_can_answer_with_file_list(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.set_infos_key("fileList")
    data = assert_envelope(wire.post(ep.FILE_INFOS, {"fileIds": [VIDEO_ID]}), 0)["data"]
    assert [r["fileId"] for r in data["fileList"]] == [VIDEO_ID]
    with pytest.raises(ValueError):
        fake_api.set_infos_key("files")


def test_file_infos_limits(wire: Wire) -> None:
    assert_envelope(wire.post(ep.FILE_INFOS, {"fileIds": list(range(1, 101))}), 0)
    body = assert_envelope(wire.post(ep.FILE_INFOS, {"fileIds": list(range(1, 102))}), ep.CODE_BAD_PARAM)
    assert "100" in body["message"]
    assert_envelope(wire.post(ep.FILE_INFOS, {"fileIds": []}), ep.CODE_BAD_PARAM)
    for bad in ({"fileIDs": [1]}, {"fileIds": ["1"]}, {"fileIds": [True]}, {"fileIds": 5}):
        assert_envelope(wire.post(ep.FILE_INFOS, bad), ep.CODE_BAD_PARAM)


def test_file_detail(wire: Wire) -> None:
    data = assert_envelope(wire.get(f"{ep.FILE_DETAIL}?fileID={FOLDER_ID}"), 0)["data"]
    assert data["fileID"] == FOLDER_ID and data["type"] == 1 and data["filename"] == "直链素材"
    assert {"parentFileID", "etag", "size", "status", "createAt", "trashed"} <= set(data)
    assert assert_envelope(wire.get(f"{ep.FILE_DETAIL}?fileID={TRASHED_ID}"), 0)["data"]["trashed"] == 1
    assert_envelope(wire.get(f"{ep.FILE_DETAIL}?fileID={UNKNOWN_ID}"), 5066)
    assert_envelope(wire.get(f"{ep.FILE_DETAIL}?fileId={VIDEO_ID}"), 5066)


def test_every_endpoint_needs_a_token(wire: Wire) -> None:
    assert_envelope(wire.get(ep.USER_INFO, token=None), 401)
    assert_envelope(wire.post(ep.FILE_INFOS, {"fileIds": [VIDEO_ID]}, token=None), 401)
    assert_envelope(wire.get(f"{ep.FILE_DETAIL}?fileID={VIDEO_ID}", token=None), 401)


# ---- log and lifecycle -------------------------------------------------------------------------------------------


def test_request_log_records_every_request(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.clear_log()
    wire.link(VIDEO_ID)
    wire.link(UNKNOWN_ID)
    wire.get("/nope")
    assert fake_api.request_log == [
        ("GET", ep.DIRECT_LINK_URL, {"fileID": str(VIDEO_ID)}, 200),
        ("GET", ep.DIRECT_LINK_URL, {"fileID": str(UNKNOWN_ID)}, 200),
        ("GET", "/nope", {}, 404),
    ]
    assert fake_api.codes("direct-link/url") == [0, 5066]
    assert fake_api.calls(ep.DIRECT_LINK_URL) == 2


def test_context_manager_start_stop(wire: Wire) -> None:
    with FakeApiServer() as api:
        url = api.base_url
        assert url.startswith("http://127.0.0.1:") and api.running
        assert api.start() == url  # starting twice is harmless
        assert api.add_sample_files() == [f.file_id for f in SAMPLE_FILES]
        w = Wire(api)
        conn = w.connect()
        w.token = w.fetch_token()
        assert_envelope(w.link(VIDEO_ID, conn=conn), 0)  # a kept-alive connection
    assert not api.running
    api.stop()  # twice is harmless
    with pytest.raises(OSError):
        w.link(VIDEO_ID, conn=conn)  # the kept-alive connection was hung up
    with pytest.raises(OSError):
        w.link(VIDEO_ID)  # and nobody listens any more
    with pytest.raises(RuntimeError):
        _ = FakeApiServer().base_url


def test_keep_alive_serves_many_requests_on_one_connection(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.set_rate("direct-link/url", None)
    conn = wire.connect()
    try:
        for _ in range(20):
            assert_envelope(wire.link(VIDEO_ID, conn=conn), 0)
        assert_envelope(wire.post(ep.FILE_INFOS, {"fileIds": [VIDEO_ID]}, conn=conn), 0)
    finally:
        conn.close()


def test_chunked_request_body(wire: Wire, fake_api: FakeApiServer) -> None:
    conn = wire.connect()
    try:
        headers = {"Platform": "open_platform", "Authorization": f"Bearer {wire.token}", "Transfer-Encoding": "chunked"}
        body = iter([b'{"fileIds": [', str(VIDEO_ID).encode(), b"]}"])
        conn.request("POST", ep.FILE_INFOS, body=body, headers=headers, encode_chunked=True)
        answer = json.loads(conn.getresponse().read())
        assert [r["fileId"] for r in answer["data"]["list"]] == [VIDEO_ID]
        assert_envelope(wire.link(VIDEO_ID, conn=conn), 0)  # the connection is still in step
    finally:
        conn.close()


def test_stop_while_answering_is_quiet(make_api: Any, capfd: pytest.CaptureFixture[str]) -> None:
    entered, gate = threading.Event(), threading.Event()

    def sleep(_seconds: float) -> None:
        entered.set()
        gate.wait(10)

    api: FakeApiServer = make_api(latency=1.0, sleep=sleep)
    conn = Wire(api).connect()
    conn.request("GET", ep.USER_INFO, headers={"Platform": "open_platform"})
    assert entered.wait(10)  # the server is holding the request
    handlers = [t for t in threading.enumerate() if "process_request" in t.name]
    api.stop()  # hangs up the connection while the answer is pending
    gate.set()
    for thread in handlers:
        thread.join(10)
    conn.close()
    assert api.errors == []
    assert "Traceback" not in capfd.readouterr().err
