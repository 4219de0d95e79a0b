"""Searching the whole drive by name against the fake API over real loopback HTTP: fuzzy and exact, every page,
trashed items left out, each hit with its folder path."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pan123_gui.core._http import new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import FILE_INFOS_PATH, FILE_LIST_PATH
from pan123_gui.core.folder_paths import FolderPaths
from pan123_gui.core.limiter import EndpointLimiters
from pan123_gui.core.search import search_drive
from pan123_gui.core.tokens import TokenManager
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    EPISODES,
    FIRST_EPISODE_ID,
    FOLDER_ID,
    SEASON_ID,
    TOP_FILE_ID,
    TRASHED_EPISODE_ID,
    TRASHED_ID,
    VIDEO_ID,
)


@pytest.fixture
def api(fake_api: FakeApiServer) -> Iterator[FakeApiServer]:
    fake_api.set_rate(FILE_LIST_PATH, None)
    fake_api.set_rate(FILE_INFOS_PATH, None)
    yield fake_api
    assert fake_api.errors == []


@pytest.fixture
def client(api: FakeApiServer) -> Iterator[Pan123Client]:
    tokens = TokenManager(token=api.issue_token(), fetch=None)
    limiters = EndpointLimiters({FILE_LIST_PATH: 100.0, FILE_INFOS_PATH: 100.0})
    with Pan123Client(new_http_client(api.base_url), tokens, limiters=limiters) as c:
        yield c


def search_queries(api: FakeApiServer) -> list[dict[str, str]]:
    return [r.query for r in api.records if r.path == FILE_LIST_PATH]


def test_fuzzy_search_finds_a_file_anywhere_with_its_folder_path(api: FakeApiServer, client: Pan123Client) -> None:
    hits = search_drive(client, "草原")
    assert [(h.file_id, h.path, h.folder_path) for h in hits] == [
        (VIDEO_ID, "测试直链文件夹/我从草原来.mp4", "测试直链文件夹")
    ]
    assert search_queries(api) == [{"parentFileId": "0", "limit": "100", "searchData": "草原", "searchMode": "0"}]


def test_exact_search_needs_the_whole_name(api: FakeApiServer, client: Pan123Client) -> None:
    assert search_drive(client, "我从草原来", exact=True) == []
    hits = search_drive(client, "我从草原来.mp4", exact=True)
    assert [h.file_id for h in hits] == [VIDEO_ID]
    assert search_queries(api)[-1]["searchMode"] == "1"


def test_every_page_is_read_and_trashed_hits_are_left_out(api: FakeApiServer, client: Pan123Client) -> None:
    hits = search_drive(client, "集", files_only=True)
    ids = [h.file_id for h in hits]
    assert set(range(FIRST_EPISODE_ID, FIRST_EPISODE_ID + EPISODES)) <= set(ids)
    assert TRASHED_EPISODE_ID not in ids and len(ids) == len(set(ids))
    assert len(search_queries(api)) == 2  # more than 100 matches: two pages
    episode = next(h for h in hits if h.file_id == FIRST_EPISODE_ID)
    assert episode.path == "测试直链文件夹/直链素材/第一季/第001集.mp4" and episode.size > 0
    assert search_drive(client, "旧版本备份") == []  # only in the recycle bin


def test_folders_are_hits_too_unless_files_only(client: Pan123Client) -> None:
    hits = search_drive(client, "第一季")
    assert [(h.file_id, h.is_folder, h.path) for h in hits] == [(SEASON_ID, True, "测试直链文件夹/直链素材/第一季")]
    assert search_drive(client, "第一季", files_only=True) == []
    top = search_drive(client, "使用说明")
    assert [(h.file_id, h.folder_path, h.path) for h in top] == [(TOP_FILE_ID, "", "使用说明.txt")]


def test_paths_of_many_hits_cost_one_lookup_per_folder_level(api: FakeApiServer, client: Pan123Client) -> None:
    paths = FolderPaths(client)
    hits = search_drive(client, "mp4", paths=paths)
    assert {h.folder_path for h in hits} == {
        "测试直链文件夹",
        "测试直链文件夹/直链素材",
        "测试直链文件夹/直链素材/第一季",
    }
    # the three folders holding hits are looked up together; their parents are among them
    assert api.calls(FILE_INFOS_PATH) == 1
    calls = api.calls(FILE_INFOS_PATH)
    search_drive(client, "第00", paths=paths)
    assert api.calls(FILE_INFOS_PATH) == calls  # the folders are known now


def test_blank_search_text_is_refused(client: Pan123Client) -> None:
    with pytest.raises(ValueError):
        search_drive(client, "  ")


def test_trashed_file_and_folder_ids_are_not_hits(api: FakeApiServer, client: Pan123Client) -> None:
    api.add_folder(778, "旧备份文件夹", FOLDER_ID, trashed=True)
    assert search_drive(client, "旧") == []
    assert TRASHED_ID not in {h.file_id for h in search_drive(client, "zip")}
