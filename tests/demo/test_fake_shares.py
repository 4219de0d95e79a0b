"""The fake's share endpoints over raw HTTP: create validates as the reference describes, list pages newest first."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Wire

from pan123_gui.demo import shares as fs
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import FOLDER_ID, TRASHED_ID, UNKNOWN_ID, VIDEO_ID

CREATE = "/api/v1/share/create"
LIST = "/api/v1/share/list"


def body(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"shareName": "周末照片", "shareExpire": 7, "fileIDList": f"{VIDEO_ID},{FOLDER_ID}"}
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def test_create_answers_id_and_key(wire: Wire, fake_api: FakeApiServer) -> None:
    answer = wire.post(CREATE, body(sharePwd="ab12", trafficSwitch=3))
    assert answer.status == 200 and answer.code == 0
    data = answer.json["data"]
    [made] = fake_api.shares()
    assert data == {"shareID": made.share_id, "shareKey": made.share_key}
    assert made.file_ids == (VIDEO_ID, FOLDER_ID) and made.password == "ab12" and made.traffic_switch == 3


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"shareName": ""}, fs.MSG_NAME_EMPTY),
        ({"shareName": None}, fs.MSG_NAME_EMPTY),
        ({"shareName": "x" * 35}, fs.MSG_NAME_LONG),
        ({"shareName": "a/b"}, fs.MSG_NAME_CHARS),
        ({"shareName": "a (1/2)"}, fs.MSG_NAME_CHARS),
        ({"shareName": 'say "hi"'}, fs.MSG_NAME_CHARS),
        ({"shareExpire": 2}, fs.MSG_EXPIRE),
        ({"shareExpire": "7"}, fs.MSG_EXPIRE),
        ({"shareExpire": None}, fs.MSG_EXPIRE),
        ({"fileIDList": [VIDEO_ID]}, fs.MSG_LIST_TYPE),
        ({"fileIDList": VIDEO_ID}, fs.MSG_LIST_TYPE),
        ({"fileIDList": f"{VIDEO_ID};{FOLDER_ID}"}, fs.MSG_LIST_TYPE),
        ({"fileIDList": ""}, fs.MSG_LIST_EMPTY),
        ({"fileIDList": ",".join(str(VIDEO_ID) for _ in range(101))}, fs.MSG_LIST_MANY),
        ({"sharePwd": "ab 12"}, fs.MSG_PWD),
        ({"trafficSwitch": 5}, fs.MSG_TRAFFIC),
        ({"trafficLimitSwitch": 3}, fs.MSG_LIMIT_SWITCH),
        ({"trafficLimitSwitch": 2}, fs.MSG_LIMIT),
    ],
)
def test_create_refuses(wire: Wire, fake_api: FakeApiServer, over: dict[str, Any], message: str) -> None:
    answer = wire.post(CREATE, body(**over))
    assert answer.status == 200 and answer.code == 400 and answer.json["message"] == message
    assert answer.json["data"] is None
    assert fake_api.shares() == []


def test_create_takes_34_characters_and_100_ids(wire: Wire, fake_api: FakeApiServer) -> None:
    for i in range(100):
        fake_api.add_file(50_000_000 + i, f"{i}.txt", 1)
    ids = ",".join(str(50_000_000 + i) for i in range(100))
    assert wire.post(CREATE, body(shareName="名" * 34, fileIDList=ids, shareExpire=0)).code == 0
    assert len(fake_api.shares()[0].file_ids) == 100


@pytest.mark.parametrize("missing", [UNKNOWN_ID, TRASHED_ID])
def test_create_with_an_id_the_account_lacks(wire: Wire, missing: int) -> None:
    assert wire.post(CREATE, body(fileIDList=f"{VIDEO_ID},{missing}")).code == 5066


def test_list_pages_newest_first(wire: Wire, fake_api: FakeApiServer) -> None:
    for n in range(5):
        assert wire.post(CREATE, body(shareName=f"s{n}", shareExpire=(0, 1, 7, 30, 7)[n])).code == 0
    names: list[str] = []
    last = 0
    for _ in range(10):
        query = f"?limit=2&lastShareId={last}" if last else "?limit=2"
        data = wire.get(LIST + query).json["data"]
        names += [item["shareName"] for item in data["shareList"]]
        last = data["lastShareId"]
        if last == -1:
            break
    assert names == ["s4", "s3", "s2", "s1", "s0"] and last == -1
    entry = wire.get(LIST + "?limit=100").json["data"]["shareList"][-1]
    assert entry["expiration"] == fs.PERMANENT_EXPIRATION and entry["expired"] == 0
    assert set(entry) >= {"shareId", "shareKey", "sharePwd", "trafficSwitch", "downloadCount", "previewCount"}


@pytest.mark.parametrize("query", ["", "?limit=0", "?limit=101", "?limit=x", "?limit=5&lastShareId=abc"])
def test_list_refuses_bad_paging(wire: Wire, query: str) -> None:
    assert wire.get(LIST + query).code == 400


def test_share_routes_need_a_token(wire: Wire) -> None:
    assert wire.post(CREATE, body(), token=None).code == 401
    assert wire.get(LIST + "?limit=10", token=None).code == 401
