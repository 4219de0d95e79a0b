"""From pasted references to files, against the fake API over loopback: plain numbers that are folders, folder
addresses, order and de-duplication, per-folder errors, paths."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from pan123_gui.core._http import new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import FILE_INFOS_PATH, FILE_LIST_PATH
from pan123_gui.core.errors import CancelledError, ErrorKind
from pan123_gui.core.expand import classify, expand, located, target_error_row
from pan123_gui.core.ids import Ref, scan_ids
from pan123_gui.core.limiter import EndpointLimiters
from pan123_gui.core.models import LinkResult
from pan123_gui.core.tokens import TokenManager
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    BLOCKED_ID,
    COVERS_ID,
    EPISODES,
    FIRST_EPISODE_ID,
    FOLDER_ADDRESS,
    FOLDER_ID,
    SEASON_ID,
    TRASHED_ID,
    UNKNOWN_ID,
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


def test_a_plain_number_the_api_says_is_a_folder_is_a_folder(client: Pan123Client) -> None:
    refs, infos = classify(client, [Ref(VIDEO_ID), Ref(FOLDER_ID), Ref(UNKNOWN_ID), Ref(SEASON_ID, True)])
    assert refs == [Ref(VIDEO_ID), Ref(FOLDER_ID, True), Ref(UNKNOWN_ID), Ref(SEASON_ID, True)]
    assert infos[VIDEO_ID].name == "我从草原来.mp4" and UNKNOWN_ID not in infos


def test_folders_are_replaced_by_their_files_in_listing_order(client: Pan123Client) -> None:
    fifth = FIRST_EPISODE_ID + 4
    text = f"{fifth}\nhttps://yun.123pan.cn/?homeFilePath=10861000%2C{FOLDER_ID}%2C{SEASON_ID}\n{VIDEO_ID} {fifth}"
    targets = expand(client, scan_ids(text).refs)
    ids = [t.file_id for t in targets]
    # the file given before its folder keeps its place; the folder's others follow in listing order; each once
    others = [i for i in range(FIRST_EPISODE_ID, FIRST_EPISODE_ID + EPISODES) if i != fifth]
    assert ids == [fifth, *others, VIDEO_ID]
    assert all(t.error is None for t in targets)
    by_id = {t.file_id: t for t in targets}
    assert by_id[VIDEO_ID].path == "测试直链文件夹/我从草原来.mp4" and by_id[VIDEO_ID].relative_folder is None
    assert by_id[fifth].path == "测试直链文件夹/直链素材/第一季/第005集.mp4"
    assert by_id[FIRST_EPISODE_ID].relative_folder == ""


def test_the_folder_address_expands_all_levels_with_relative_folders(client: Pan123Client) -> None:
    targets = expand(client, scan_ids(FOLDER_ADDRESS).refs)
    assert len(targets) == EPISODES + 3 + 1
    relative = {t.relative_folder for t in targets}
    assert relative == {"第一季", "封面", ""}
    assert next(t for t in targets if t.file_id == BLOCKED_ID).info.blocked  # type: ignore[union-attr]
    cover = next(t for t in targets if t.info is not None and t.info.parent_id == COVERS_ID)
    assert cover.path is not None and cover.path.startswith("测试直链文件夹/直链素材/封面/cover-")


def test_a_folder_that_cannot_be_listed_stays_one_error_target(client: Pan123Client) -> None:
    targets = expand(client, [Ref(424242, True), Ref(VIDEO_ID), Ref(UNKNOWN_ID)])
    assert [t.file_id for t in targets] == [424242, VIDEO_ID, UNKNOWN_ID]
    assert targets[0].error is not None and targets[0].error.kind is ErrorKind.NOT_FOUND
    assert targets[2].error is None and targets[2].info is None and targets[2].path is None  # left to the resolver


def test_cancel_stops_the_expansion(client: Pan123Client) -> None:
    cancel = threading.Event()
    with pytest.raises(CancelledError):
        expand(client, [Ref(FOLDER_ID, True)], cancel=cancel, on_progress=lambda _p: cancel.set())


def test_without_recursive_folders_stay_one_row_each(api: FakeApiServer, client: Pan123Client) -> None:
    refs = [Ref(FOLDER_ID), Ref(SEASON_ID, True), Ref(VIDEO_ID), Ref(TRASHED_ID)]
    targets = expand(client, refs, recursive=False)
    assert [t.file_id for t in targets] == [FOLDER_ID, SEASON_ID, VIDEO_ID, TRASHED_ID]
    assert [t.error.kind if t.error else None for t in targets] == [
        ErrorKind.IS_FOLDER,
        ErrorKind.IS_FOLDER,
        None,
        ErrorKind.TRASHED,
    ]
    assert not [r for r in api.records if r.path == FILE_LIST_PATH]  # nothing listed
    rows = [target_error_row(t) for t in targets]
    assert rows[2] is None
    assert rows[0] is not None and rows[0].error_kind is ErrorKind.IS_FOLDER and rows[0].name == "直链素材"
    assert rows[3] is not None and rows[3].path == "测试直链文件夹/旧版本备份.zip"


def test_located_rows_carry_path_and_relative_folder(client: Pan123Client) -> None:
    targets = expand(client, [Ref(FOLDER_ID, True)])
    target = next(t for t in targets if t.file_id == FIRST_EPISODE_ID)
    row = located(LinkResult(file_id=FIRST_EPISODE_ID, url="https://x/1"), target)
    assert (row.path, row.relative_folder, row.name) == (
        "测试直链文件夹/直链素材/第一季/第001集.mp4",
        "第一季",
        "第001集.mp4",
    )
    assert row.size == target.info.size  # type: ignore[union-attr]
    assert located(row, None) is row
