"""Direct-link spaces against the fake over loopback: the top-level folder above a file (parent walk, cached),
rows outside a space naming it, switching a space on once per folder then getting the links, the refusals with
the server's own words, the link cache refresh, and spaces learned from links."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from clients import make_client

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import LINK_CACHE_REFRESH_PATH, SPACE_DISABLE_PATH, SPACE_ENABLE_PATH
from pan123_gui.core.errors import ApiError, ErrorKind, NotFoundError, Pan123Error
from pan123_gui.core.models import LinkResult, SpaceFolder
from pan123_gui.core.resolver import Resolver
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.core.spaces import (
    KnownSpaces,
    TopFolderFinder,
    disable_space,
    enable_and_retry,
    enable_space,
    enable_spaces,
    folders_to_enable,
    locate_space_folders,
    refresh_link_cache,
    space_of_link,
)
from pan123_gui.demo import spaces as fake_spaces
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    COVERS_ID,
    FOLDER_ID,
    MUSIC_SPACE_ID,
    NOT_DIRECT_LINK_ID,
    PLAIN_FOLDER_ID,
    SPACE_ID,
    TOP_FILE_ID,
    UNKNOWN_ID,
    VIDEO_ID,
)

FAST = RetryPolicy(max_attempts=5, base_delay=0.01, max_delay=0.02)
PLAIN = SpaceFolder(PLAIN_FOLDER_ID, "我的资源")
SUB_ID, DEEP_ID = 77_000_001, 77_000_002  # 我的资源/子目录/深层文件.txt


@pytest.fixture
def client(fake_api: FakeApiServer) -> Iterator[Pan123Client]:
    for path in ("direct-link/url", "file/infos", "user/info"):
        fake_api.set_rate(path, None)  # the client below goes faster than the platform's pace
    fake_api.add_folder(SUB_ID, "子目录", PLAIN_FOLDER_ID)
    fake_api.add_file(DEEP_ID, "深层文件.txt", 10, parent_id=SUB_ID)
    rates = {SPACE_ENABLE_PATH: 100.0, SPACE_DISABLE_PATH: 100.0, LINK_CACHE_REFRESH_PATH: 100.0}
    with make_client(fake_api, token=fake_api.issue_token(), rate=100.0, rates=rates, retry=FAST) as c:
        yield c


def resolve(client: Pan123Client, ids: list[int]) -> list[LinkResult]:
    return Resolver(client).resolve(ids)


# --- the folder above a file ----------------------------------------------------------------------------------------


def test_top_folder_of_each_file(client: Pan123Client, fake_api: FakeApiServer) -> None:
    finder = TopFolderFinder(client)
    found = finder.top_folders([NOT_DIRECT_LINK_ID, DEEP_ID, TOP_FILE_ID, VIDEO_ID, UNKNOWN_ID, COVERS_ID + 1])
    assert found == {
        NOT_DIRECT_LINK_ID: PLAIN,
        DEEP_ID: PLAIN,
        TOP_FILE_ID: None,  # at the top of the drive: no folder to switch on
        VIDEO_ID: SpaceFolder(SPACE_ID, "测试直链文件夹"),
        COVERS_ID + 1: SpaceFolder(SPACE_ID, "测试直链文件夹"),  # two levels down
    }
    assert UNKNOWN_ID not in found


def test_folders_are_looked_up_once(client: Pan123Client, fake_api: FakeApiServer) -> None:
    finder = TopFolderFinder(client)
    finder.top_folders([DEEP_ID])
    first = fake_api.calls("file/infos")
    assert first == 3  # the file, its folder, the folder above
    fake_api.clear_log()
    fake_api.add_file(DEEP_ID + 1, "又一个.txt", 1, parent_id=SUB_ID)
    assert finder.top_folders([DEEP_ID + 1]) == {DEEP_ID + 1: PLAIN}
    assert fake_api.calls("file/infos") == 1  # only the new file: its folders are remembered


def test_many_files_cost_one_call_per_100_and_per_level(client: Pan123Client, fake_api: FakeApiServer) -> None:
    ids = [78_000_000 + i for i in range(150)]
    for file_id in ids:
        fake_api.add_file(file_id, f"{file_id}.txt", 1, parent_id=SUB_ID)
    found = TopFolderFinder(client).top_folders(ids)
    assert found == dict.fromkeys(ids, PLAIN)
    assert fake_api.calls("file/infos") == 2 + 2  # 150 files in 2 calls, then 子目录, then 我的资源


# --- rows outside a space -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", fake_spaces.NOT_IN_SPACE_ANSWERS)  # the guess 5067, or code 1
def test_rows_outside_a_space_name_their_folder(client: Pan123Client, fake_api: FakeApiServer, answer: int) -> None:
    fake_api.set_not_in_space_answer(answer)
    rows = resolve(client, [NOT_DIRECT_LINK_ID, DEEP_ID, TOP_FILE_ID, VIDEO_ID])
    assert fake_api.calls("direct-link/url") == 4  # one request each: never a retry for "not in a space"
    assert [r.error_kind for r in rows[:3]] == [ErrorKind.NOT_DIRECT_LINK_SPACE] * 3
    assert rows[0].error_code == answer and rows[0].server_message
    rows = locate_space_folders(TopFolderFinder(client), rows)
    assert [(r.space_folder, r.at_drive_top) for r in rows] == [
        (PLAIN, False),
        (PLAIN, False),
        (None, True),
        (None, False),
    ]
    assert rows[3].ok
    assert folders_to_enable(rows) == [PLAIN]


def test_a_failed_lookup_keeps_the_rows(client: Pan123Client, fake_api: FakeApiServer) -> None:
    rows = resolve(client, [NOT_DIRECT_LINK_ID])
    fake_api.faults.add("file/infos", "code5113", count=10)
    assert locate_space_folders(TopFolderFinder(client), rows) == rows


# --- switching on, then the links -----------------------------------------------------------------------------------


def test_enable_once_per_folder_then_the_links_come(client: Pan123Client, fake_api: FakeApiServer) -> None:
    rows = locate_space_folders(TopFolderFinder(client), resolve(client, [NOT_DIRECT_LINK_ID, DEEP_ID, TOP_FILE_ID]))
    [change] = enable_spaces(client, [*folders_to_enable(rows), PLAIN])
    assert change.ok and change.enabled and change.server_name == "我的资源" and change.folder == PLAIN
    assert fake_api.calls("direct-link/enable") == 1
    again = resolve(client, [r.file_id for r in rows if r.space_folder is not None])
    assert [r.url for r in again] == [fake_api.expected_url(NOT_DIRECT_LINK_ID), fake_api.expected_url(DEEP_ID)]


def test_nothing_is_switched_without_being_asked(client: Pan123Client, fake_api: FakeApiServer) -> None:
    locate_space_folders(TopFolderFinder(client), resolve(client, [NOT_DIRECT_LINK_ID]))
    assert fake_api.calls("direct-link/enable") == 0 and fake_api.space_switches == []


@pytest.mark.parametrize(
    ("folder", "code"),
    [(SUB_ID, 400), (NOT_DIRECT_LINK_ID, 400), (UNKNOWN_ID, 5066), (FOLDER_ID, 400)],
)
def test_only_top_level_folders_can_be_spaces(client: Pan123Client, folder: int, code: int) -> None:
    with pytest.raises(Pan123Error) as caught:
        enable_space(client, folder)
    assert caught.value.code == code and caught.value.trace_id and caught.value.server_message


def test_refusals_are_results_with_the_servers_words(client: Pan123Client, fake_api: FakeApiServer) -> None:
    fake_api.set_vip(False)
    [refused, other] = enable_spaces(client, [PLAIN, SpaceFolder(SUB_ID, "子目录")])
    assert not refused.ok and not refused.enabled
    assert refused.error_code == fake_spaces.CODE_NOT_VIP and refused.server_message == fake_spaces.MSG_NOT_VIP
    assert refused.trace_id
    assert other.error_code == 400 and other.server_message == fake_spaces.MSG_NOT_TOP_FOLDER
    assert fake_api.space_switches == []


def test_disable_stops_the_links(client: Pan123Client, fake_api: FakeApiServer) -> None:
    assert disable_space(client, MUSIC_SPACE_ID) == "音乐 & 播客"
    [row] = resolve(client, [10861140])
    assert row.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE
    assert enable_space(client, MUSIC_SPACE_ID) == "音乐 & 播客"
    assert resolve(client, [10861140])[0].ok
    assert fake_api.space_switches == [(MUSIC_SPACE_ID, False), (MUSIC_SPACE_ID, True)]


def test_refresh_the_link_cache(client: Pan123Client, fake_api: FakeApiServer) -> None:
    refresh_link_cache(client)
    assert fake_api.cache_refreshes == 1


def test_enable_refuses_the_top_of_the_drive_without_asking(client: Pan123Client, fake_api: FakeApiServer) -> None:
    with pytest.raises(ValueError):
        enable_space(client, 0)
    assert fake_api.calls("direct-link/enable") == 0


# --- spaces learned from links --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "uid", "space"),
    [
        ("https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95/a.mp4", 1815309870, "测试"),
        ("https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95/sub/a.mp4?auth_key=1-2-3-4", 1815309870, "测试"),
        ("https://vip.123pan.cn/1815309870/a.mp4", 1815309870, None),  # no folder in the path
        ("https://vip.123pan.cn/%E6%B5%8B%E8%AF%95/a.mp4", 1815309870, "测试"),  # the uid hidden
        ("https://vip.123pan.cn/1815309870/music/a.mp3", None, "music"),
        ("https://vip.123pan.cn/", None, None),
    ],
)
def test_space_of_link(url: str, uid: int | None, space: str | None) -> None:
    assert space_of_link(url, uid) == space


def test_known_spaces_from_successful_links(client: Pan123Client, fake_api: FakeApiServer) -> None:
    rows = resolve(client, [VIDEO_ID, 10861132, 10861140, NOT_DIRECT_LINK_ID])
    known = KnownSpaces()
    assert known.learn(rows, fake_api.uid) == ["测试直链文件夹", "音乐 & 播客"]
    assert known.learn(rows, fake_api.uid) == []
    spaces = {s.name: s for s in known.folder_ids(TopFolderFinder(client))}
    assert spaces["测试直链文件夹"].folder_id == SPACE_ID and spaces["测试直链文件夹"].links == 4
    assert spaces["音乐 & 播客"].folder_id == MUSIC_SPACE_ID
    known.switched_off("音乐 & 播客")
    known.switched_on(PLAIN)
    assert [(s.name, s.folder_id) for s in known.spaces()] == [
        ("我的资源", PLAIN_FOLDER_ID),
        ("测试直链文件夹", SPACE_ID),
    ]


def test_not_found_is_still_not_found(client: Pan123Client) -> None:
    with pytest.raises(NotFoundError):
        enable_space(client, UNKNOWN_ID)
    with pytest.raises(ApiError):
        enable_space(client, SUB_ID)


def test_enable_and_retry_switches_each_folder_once_then_gets_the_links(
    client: Pan123Client, fake_api: FakeApiServer
) -> None:
    ids = [NOT_DIRECT_LINK_ID, VIDEO_ID, DEEP_ID, TOP_FILE_ID, UNKNOWN_ID]
    rows, changes = enable_and_retry(client, Resolver(client), resolve(client, ids))
    assert [r.file_id for r in rows] == ids
    assert [c.folder for c in changes] == [PLAIN] and changes[0].ok
    assert fake_api.space_switches == [(PLAIN_FOLDER_ID, True)]
    assert [r.ok for r in rows] == [True, True, True, False, False]
    assert rows[3].at_drive_top and rows[3].error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE
    assert rows[4].error_kind is ErrorKind.NOT_FOUND


def test_enable_and_retry_keeps_the_rows_when_refused(client: Pan123Client, fake_api: FakeApiServer) -> None:
    fake_api.set_vip(False)
    before = resolve(client, [VIDEO_ID, NOT_DIRECT_LINK_ID])  # without VIP no file has a link
    fake_api.clear_log()
    rows, changes = enable_and_retry(client, Resolver(client), before)
    assert [c.ok for c in changes] == [False, False] and changes[0].server_message == fake_spaces.MSG_NOT_VIP
    assert fake_api.calls("direct-link/url") == 0  # nothing switched on: no link asked again
    assert [r.space_folder for r in rows] == [SpaceFolder(SPACE_ID, "测试直链文件夹"), PLAIN]
