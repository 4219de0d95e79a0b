"""The fake's direct-link space switches over raw HTTP: only top-level folders, idempotent, VIP only; the cache
refresh; and the configurable "not in a space" answer of direct-link/url."""

from __future__ import annotations

import pytest
from conftest import Wire

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo import spaces as fsp
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    FOLDER_ID,
    MUSIC_SPACE_ID,
    NOT_DIRECT_LINK_ID,
    PLAIN_FOLDER_ID,
    TOP_FILE_ID,
    TRASHED_ID,
    UNKNOWN_ID,
    VIDEO_ID,
)

ENABLE = "/api/v1/direct-link/enable"
DISABLE = "/api/v1/direct-link/disable"
REFRESH = "/api/v1/direct-link/cache/refresh"


def test_enable_a_top_level_folder(wire: Wire, fake_api: FakeApiServer) -> None:
    assert wire.link(NOT_DIRECT_LINK_ID).code == ep.CODE_NOT_DIRECT_LINK
    answer = wire.post(ENABLE, {"fileID": PLAIN_FOLDER_ID})
    assert answer.status == 200 and answer.code == 0 and answer.json["data"] == {"filename": "我的资源"}
    assert wire.link(NOT_DIRECT_LINK_ID).code == 0
    assert wire.post(ENABLE, {"fileID": PLAIN_FOLDER_ID}).code == 0  # again: no harm
    assert fake_api.space_switches == [(PLAIN_FOLDER_ID, True), (PLAIN_FOLDER_ID, True)]


def test_disable(wire: Wire, fake_api: FakeApiServer) -> None:
    assert wire.post(DISABLE, {"fileID": MUSIC_SPACE_ID}).json["data"] == {"filename": "音乐 & 播客"}
    assert wire.link(10861140).code == ep.CODE_NOT_DIRECT_LINK


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({"fileID": FOLDER_ID}, 400, fsp.MSG_NOT_TOP_FOLDER),  # a folder inside a folder
        ({"fileID": VIDEO_ID}, 400, fsp.MSG_NOT_TOP_FOLDER),  # a file
        ({"fileID": TOP_FILE_ID}, 400, fsp.MSG_NOT_TOP_FOLDER),  # a file at the top
        ({"fileID": UNKNOWN_ID}, 5066, ep.MSG_NOT_FOUND),
        ({"fileID": TRASHED_ID}, 5066, ep.MSG_NOT_FOUND),
        ({"fileID": str(PLAIN_FOLDER_ID)}, 400, fsp.MSG_BAD_FILE_ID),
        ({"fileId": PLAIN_FOLDER_ID}, 400, fsp.MSG_BAD_FILE_ID),
        ({"fileID": 0}, 400, fsp.MSG_BAD_FILE_ID),
    ],
)
@pytest.mark.parametrize("path", [ENABLE, DISABLE])
def test_switches_refuse(
    wire: Wire, fake_api: FakeApiServer, path: str, body: dict[str, object], code: int, message: str
) -> None:
    answer = wire.post(path, body)
    assert (answer.code, answer.json["message"], answer.json["data"]) == (code, message, None)
    assert fake_api.space_switches == []


def test_switches_need_vip(wire: Wire, fake_api: FakeApiServer) -> None:
    fake_api.set_vip(False)
    answer = wire.post(ENABLE, {"fileID": PLAIN_FOLDER_ID})
    assert (answer.code, answer.json["message"]) == (fsp.CODE_NOT_VIP, fsp.MSG_NOT_VIP)


def test_cache_refresh(wire: Wire, fake_api: FakeApiServer) -> None:
    answer = wire.post(REFRESH, {})
    assert answer.code == 0 and answer.json["data"] == {}
    assert fake_api.cache_refreshes == 1


@pytest.mark.parametrize("code", fsp.NOT_IN_SPACE_ANSWERS)
def test_not_in_space_answer_is_configurable(wire: Wire, fake_api: FakeApiServer, code: int) -> None:
    fake_api.set_not_in_space_answer(code)
    answer = wire.link(NOT_DIRECT_LINK_ID)
    assert (answer.code, answer.json["message"]) == (code, ep.MSG_NOT_DIRECT_LINK)
    assert wire.link(VIDEO_ID).code == 0


def test_not_in_space_answer_refuses_other_codes(fake_api: FakeApiServer) -> None:
    with pytest.raises(ValueError):
        fake_api.set_not_in_space_answer(400)
