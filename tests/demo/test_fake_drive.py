"""The fake API's drive over raw loopback HTTP: GET /api/v2/file/list (folders, paging, trashed items, search, its
own rate limit) and direct links that follow the folder tree."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote, urlsplit

import pytest
from conftest import Clock, Wire

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    BLOCKED_ID,
    EMPTY_FOLDER_ID,
    EPISODES,
    FIRST_EPISODE_ID,
    FOLDER_ID,
    MUSIC_SPACE_ID,
    NOT_DIRECT_LINK_ID,
    PLAIN_FOLDER_ID,
    SAMPLE_DRIVE,
    SAMPLE_FILES,
    SEASON_ID,
    SPACE_ID,
    TOP_FILE_ID,
    TRASHED_EPISODE_ID,
    TRASHED_ID,
    VIDEO_ID,
)


def listing(wire: Wire, **query: object) -> Any:
    params = "&".join(f"{k}={quote(str(v))}" for k, v in query.items())
    return wire.get(f"{ep.FILE_LIST}?{params}")


def data(answer: Any) -> dict[str, Any]:
    assert answer.status == 200, answer.raw
    body = answer.json
    assert body["code"] == 0, body
    assert set(body["data"]) == {"lastFileId", "fileList"}
    return dict(body["data"])


def test_the_top_of_the_drive(wire: Wire) -> None:
    page = data(listing(wire, parentFileId=0, limit=100))
    assert page["lastFileId"] == -1
    by_id = {item["fileId"]: item for item in page["fileList"]}
    assert set(by_id) == {SPACE_ID, PLAIN_FOLDER_ID, MUSIC_SPACE_ID, TOP_FILE_ID}
    assert by_id[SPACE_ID]["type"] == 1 and by_id[SPACE_ID]["filename"] == "测试直链文件夹"
    assert by_id[TOP_FILE_ID]["type"] == 0 and by_id[TOP_FILE_ID]["parentFileId"] == 0
    for item in page["fileList"]:  # the documented fields of a listing item
        assert {"fileId", "filename", "type", "size", "etag", "status", "parentFileId", "category", "trashed"} <= set(
            item
        )


def test_a_folder_lists_its_items_in_id_order_trashed_ones_too(wire: Wire) -> None:
    page = data(listing(wire, parentFileId=SPACE_ID, limit=100, trashed=0))  # the trashed parameter does nothing
    ids = [item["fileId"] for item in page["fileList"]]
    assert ids == sorted(ids)
    assert FOLDER_ID in ids and EMPTY_FOLDER_ID in ids and VIDEO_ID in ids
    trashed = [item["fileId"] for item in page["fileList"] if item["trashed"] == 1]
    assert trashed == [TRASHED_ID]
    assert all(item["parentFileId"] == SPACE_ID for item in page["fileList"])


def test_paging_with_last_file_id_until_minus_one(wire: Wire) -> None:
    first = data(listing(wire, parentFileId=SEASON_ID, limit=100))
    assert len(first["fileList"]) == 100
    assert first["lastFileId"] == first["fileList"][-1]["fileId"] == FIRST_EPISODE_ID + 99
    second = data(listing(wire, parentFileId=SEASON_ID, limit=100, lastFileId=first["lastFileId"]))
    assert second["lastFileId"] == -1
    assert [item["fileId"] for item in second["fileList"]] == [
        *range(FIRST_EPISODE_ID + 100, FIRST_EPISODE_ID + EPISODES),
        TRASHED_EPISODE_ID,
    ]
    small = data(listing(wire, parentFileId=SEASON_ID, limit=7, lastFileId=FIRST_EPISODE_ID + 2))
    assert [item["fileId"] for item in small["fileList"]] == list(range(FIRST_EPISODE_ID + 3, FIRST_EPISODE_ID + 10))


def test_an_empty_folder_and_an_unknown_one_list_as_empty(wire: Wire) -> None:
    for parent in (EMPTY_FOLDER_ID, 123456789):
        assert data(listing(wire, parentFileId=parent, limit=100)) == {"lastFileId": -1, "fileList": []}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"limit": 100}, ep.MSG_BAD_PARENT),
        ({"parentFileId": "abc", "limit": 100}, ep.MSG_BAD_PARENT),
        ({"parentFileId": 0}, ep.MSG_BAD_LIMIT),
        ({"parentFileId": 0, "limit": 101}, ep.MSG_BAD_LIMIT),
        ({"parentFileId": 0, "limit": 0}, ep.MSG_BAD_LIMIT),
        ({"parentFileId": 0, "limit": 10, "lastFileId": "x"}, ep.MSG_BAD_LAST),
        ({"parentFileId": 0, "limit": 10, "searchData": "a", "searchMode": 2}, ep.MSG_BAD_SEARCH_MODE),
    ],
)
def test_bad_list_parameters_are_code_400(wire: Wire, query: dict[str, object], message: str) -> None:
    body = listing(wire, **query).json
    assert (body["code"], body["message"], body["data"]) == (ep.CODE_BAD_PARAM, message, None)


def test_search_ignores_the_parent_and_covers_the_whole_drive(wire: Wire) -> None:
    page = data(listing(wire, parentFileId=EMPTY_FOLDER_ID, limit=100, searchData="草原", searchMode=0))
    assert [item["fileId"] for item in page["fileList"]] == [VIDEO_ID]
    fuzzy = data(listing(wire, parentFileId=0, limit=100, searchData="PROJECT q3"))  # words, any case
    assert [item["filename"] for item in fuzzy["fileList"]] == ["Project Plan Q3.docx"]
    exact = data(listing(wire, parentFileId=0, limit=100, searchData="Project Plan", searchMode=1))
    assert exact["fileList"] == []
    whole = data(listing(wire, parentFileId=0, limit=100, searchData="Project Plan Q3.docx", searchMode=1))
    assert len(whole["fileList"]) == 1


def test_search_pages_and_includes_trashed_items(wire: Wire) -> None:
    first = data(listing(wire, parentFileId=0, limit=100, searchData="集"))
    assert len(first["fileList"]) == 100 and first["lastFileId"] != -1
    rest = data(listing(wire, parentFileId=0, limit=100, searchData="集", lastFileId=first["lastFileId"]))
    assert rest["lastFileId"] == -1
    ids = [item["fileId"] for item in first["fileList"] + rest["fileList"]]
    assert len(ids) == len(set(ids)) and ids == sorted(ids)
    episodes = set(range(FIRST_EPISODE_ID, FIRST_EPISODE_ID + EPISODES))
    assert episodes | {TRASHED_EPISODE_ID} <= set(ids)
    assert {"照片合集 2023.zip", "数据集_v2.csv"} <= {item["filename"] for item in first["fileList"]}
    assert rest["fileList"][-1]["fileId"] == TRASHED_EPISODE_ID and rest["fileList"][-1]["trashed"] == 1


def test_blocked_item_has_a_review_status_above_100(wire: Wire) -> None:
    page = data(listing(wire, parentFileId=FOLDER_ID, limit=100))
    status = {item["fileId"]: item["status"] for item in page["fileList"]}
    assert status[BLOCKED_ID] > 100
    assert all(s <= 100 for i, s in status.items() if i != BLOCKED_ID)


def test_direct_links_follow_the_folder_tree(wire: Wire, fake_api: FakeApiServer) -> None:
    url = wire.link(FIRST_EPISODE_ID).json["data"]["url"]
    path = unquote(urlsplit(url).path)
    assert path == f"/{fake_api.uid}/测试直链文件夹/直链素材/第一季/第001集.mp4"
    assert fake_api.path(FIRST_EPISODE_ID) == "测试直链文件夹/直链素材/第一季/第001集.mp4"
    assert url == fake_api.expected_url(FIRST_EPISODE_ID)
    # outside any space: the top-level folder that is not one, and a file at the top of the drive
    for file_id in (NOT_DIRECT_LINK_ID, TOP_FILE_ID):
        assert wire.link(file_id).code == ep.CODE_NOT_DIRECT_LINK
    fake_api.set_space(SPACE_ID, False)
    assert wire.link(FIRST_EPISODE_ID).code == ep.CODE_NOT_DIRECT_LINK
    fake_api.set_space(SPACE_ID, True)
    assert wire.link(FIRST_EPISODE_ID).code == 0
    with pytest.raises(ValueError):
        fake_api.set_space(FOLDER_ID, True)  # only a top-level folder can be a space


def test_infos_and_detail_give_parents_in_the_tree(wire: Wire) -> None:
    infos = wire.post(ep.FILE_INFOS, {"fileIds": [FIRST_EPISODE_ID, SEASON_ID, FOLDER_ID, SPACE_ID]}).json["data"]
    parents = {item["fileId"]: item["parentFileId"] for item in infos["list"]}
    assert parents == {FIRST_EPISODE_ID: SEASON_ID, SEASON_ID: FOLDER_ID, FOLDER_ID: SPACE_ID, SPACE_ID: 0}
    detail = wire.get(f"{ep.FILE_DETAIL}?fileID={SEASON_ID}").json["data"]
    assert (detail["fileID"], detail["parentFileID"], detail["type"]) == (SEASON_ID, FOLDER_ID, 1)


def test_the_sample_drive_is_consistent() -> None:
    ids = [f.file_id for f in SAMPLE_DRIVE]
    assert len(ids) == len(set(ids))
    assert set(SAMPLE_FILES) <= set(SAMPLE_DRIVE)
    folders = {f.file_id for f in SAMPLE_DRIVE if f.folder}
    assert all(f.parent == 0 or f.parent in folders for f in SAMPLE_DRIVE)
    in_season = [f for f in SAMPLE_DRIVE if f.parent == SEASON_ID and not f.trashed]
    assert len(in_season) > 100  # more than one page
    by_id = {f.file_id: f for f in SAMPLE_DRIVE}
    assert by_id[VIDEO_ID].direct_link and by_id[FIRST_EPISODE_ID].direct_link
    assert not by_id[NOT_DIRECT_LINK_ID].direct_link and not by_id[TOP_FILE_ID].direct_link


def test_adding_into_missing_or_non_folders_is_refused(fake_api: FakeApiServer) -> None:
    with pytest.raises(ValueError):
        fake_api.add_file(77, "x.bin", 1, parent_id=424242)
    with pytest.raises(ValueError):
        fake_api.add_file(78, "x.bin", 1, parent_id=VIDEO_ID)
    with pytest.raises(ValueError):
        fake_api.add_folder(79, "sub", FOLDER_ID, space=True)
    with pytest.raises(ValueError):
        fake_api.add_folder(FOLDER_ID, "直链素材", SEASON_ID)  # inside itself


def test_file_list_has_its_own_rate_limit(make_api: Any, clock: Clock) -> None:
    api: FakeApiServer = make_api(clock=clock.monotonic, rates={ep.FILE_LIST: 2.0})
    assert FakeApiServer().rate("file/list") == ep.DEFAULT_RATES[ep.FILE_LIST] == 5.0
    w = Wire(api)
    w.token = w.fetch_token()
    codes = [listing(w, parentFileId=0, limit=100).code for _ in range(4)]
    assert codes == [0, 0, 429, 429]
    assert w.link(VIDEO_ID).code == 0  # direct links have their own window
    clock.advance(0.5)  # the two are still in the one-second window
    assert listing(w, parentFileId=0, limit=100).code == 429
    clock.advance(0.5)
    assert listing(w, parentFileId=0, limit=100).code == 0
