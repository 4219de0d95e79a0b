"""Listing folders against the fake API over real loopback HTTP: paging, trashed items, review-blocked items, full
paths, the recursive walk (order, progress, cancel, failures) and the folder-path cache."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator

import pytest

from pan123_gui.core._http import new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import FILE_INFOS_PATH, FILE_LIST_PATH
from pan123_gui.core.errors import CancelledError, ErrorKind, NotFoundError, Pan123Error, TrashedError
from pan123_gui.core.folder_paths import FolderPaths
from pan123_gui.core.limiter import EndpointLimiters
from pan123_gui.core.listing import FolderWalk, WalkProgress, list_folder
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.core.tokens import TokenManager
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    BLOCKED_ID,
    COVERS_ID,
    EMPTY_FOLDER_ID,
    EPISODES,
    FIRST_EPISODE_ID,
    FOLDER_ID,
    SAMPLE_DRIVE,
    SEASON_ID,
    SPACE_ID,
    TOP_FILE_ID,
    TRASHED_EPISODE_ID,
    TRASHED_ID,
    VIDEO_ID,
)

FAST = RetryPolicy(max_attempts=6, base_delay=0.01, max_delay=0.05)


def connect(api: FakeApiServer, *, list_rate: float = 100.0) -> Pan123Client:
    tokens = TokenManager(token=api.issue_token(), fetch=None)
    limiters = EndpointLimiters({FILE_LIST_PATH: list_rate, FILE_INFOS_PATH: 100.0})
    return Pan123Client(new_http_client(api.base_url), tokens, limiters=limiters, retry=FAST)


@pytest.fixture
def api(fake_api: FakeApiServer) -> Iterator[FakeApiServer]:
    fake_api.set_rate(FILE_LIST_PATH, None)
    fake_api.set_rate(FILE_INFOS_PATH, None)
    yield fake_api
    assert fake_api.errors == []


@pytest.fixture
def client(api: FakeApiServer) -> Iterator[Pan123Client]:
    with connect(api) as c:
        yield c


def list_queries(api: FakeApiServer) -> list[dict[str, str]]:
    return [r.query for r in api.records if r.path == FILE_LIST_PATH]


def test_a_folder_of_more_than_100_is_read_page_by_page(api: FakeApiServer, client: Pan123Client) -> None:
    items = list_folder(client, SEASON_ID)
    assert [i.file_id for i in items] == list(range(FIRST_EPISODE_ID, FIRST_EPISODE_ID + EPISODES))
    queries = list_queries(api)
    assert len(queries) == 2
    assert queries[0] == {"parentFileId": str(SEASON_ID), "limit": "100"}
    assert queries[1] == {"parentFileId": str(SEASON_ID), "limit": "100", "lastFileId": str(FIRST_EPISODE_ID + 99)}
    assert TRASHED_EPISODE_ID not in {i.file_id for i in items}  # listed by the API, dropped by the client


def test_trashed_items_are_dropped_and_blocked_ones_marked(client: Pan123Client) -> None:
    space = {i.file_id: i for i in list_folder(client, SPACE_ID)}
    assert TRASHED_ID not in space and VIDEO_ID in space
    assert space[FOLDER_ID].is_folder and space[FOLDER_ID].parent_id == SPACE_ID
    folder = {i.file_id: i for i in list_folder(client, FOLDER_ID)}
    assert folder[BLOCKED_ID].blocked and folder[BLOCKED_ID].status == 145
    assert not any(i.blocked for file_id, i in folder.items() if file_id != BLOCKED_ID)
    assert list_folder(client, EMPTY_FOLDER_ID) == []


def test_walk_gives_every_file_once_in_listing_order_with_full_paths(api: FakeApiServer, client: Pan123Client) -> None:
    progress: list[WalkProgress] = []
    result = FolderWalk(client, FOLDER_ID, on_progress=progress.append).run()
    assert result.folder.path == "测试直链文件夹/直链素材" and result.folder.file_id == FOLDER_ID
    ids = [f.file_id for f in result.files]
    # depth first in listing (ID) order: 第一季's episodes, then 封面's pictures, then the folder's own file
    covers = [f.file_id for f in SAMPLE_DRIVE if f.parent == COVERS_ID]
    assert ids == [*range(FIRST_EPISODE_ID, FIRST_EPISODE_ID + EPISODES), *covers, BLOCKED_ID]
    for f in result.files:
        assert f.path == api.path(f.file_id)
        assert f.folder_path == f.path.rsplit("/", 1)[0]
    assert result.files[0].path == "测试直链文件夹/直链素材/第一季/第001集.mp4"
    assert [f.path for f in result.folders] == ["测试直链文件夹/直链素材/第一季", "测试直链文件夹/直链素材/封面"]
    assert next(f for f in result.files if f.file_id == BLOCKED_ID).blocked
    # progress: counts never go back; the last report has everything
    assert progress[-1] == WalkProgress(folders_listed=3, folders_seen=3, files_seen=len(ids))
    for before, after in itertools.pairwise(progress):
        assert after.files_seen >= before.files_seen and after.folders_listed >= before.folders_listed


def test_walking_the_whole_drive_finds_every_file_not_in_the_recycle_bin(api: FakeApiServer) -> None:
    with connect(api) as client:
        result = FolderWalk(client, 0).run()
    expected = {f.file_id for f in SAMPLE_DRIVE if not f.folder and not f.trashed}
    assert {f.file_id for f in result.files} == expected and len(result.files) == len(expected)
    assert {f.path for f in result.files} == {api.path(i) for i in expected}
    by_id = {f.file_id: f for f in result.files}
    assert by_id[TOP_FILE_ID].path == "使用说明.txt" and by_id[TOP_FILE_ID].folder_path == ""
    assert {f.path for f in result.folders} >= {"测试直链文件夹/空文件夹", "我的资源"}


def test_an_empty_folder_walks_to_no_files(api: FakeApiServer, client: Pan123Client) -> None:
    result = FolderWalk(client, EMPTY_FOLDER_ID).run()
    assert result.files == [] and result.folders == [] and result.folder.path == "测试直链文件夹/空文件夹"
    assert len(list_queries(api)) == 1


@pytest.mark.parametrize(
    ("folder_id", "error"),
    [(424242, NotFoundError), (VIDEO_ID, NotFoundError), (TRASHED_ID, NotFoundError)],
)
def test_walking_what_is_not_a_folder_fails_before_listing(
    api: FakeApiServer, client: Pan123Client, folder_id: int, error: type[Pan123Error]
) -> None:
    with pytest.raises(error):
        FolderWalk(client, folder_id).run()
    assert list_queries(api) == []


def test_walking_a_trashed_folder_says_so(api: FakeApiServer, client: Pan123Client) -> None:
    api.add_folder(777, "旧文件夹", SPACE_ID, trashed=True)
    with pytest.raises(TrashedError):
        FolderWalk(client, 777).run()


def test_cancel_mid_walk_stops_listing(api: FakeApiServer) -> None:
    cancel = threading.Event()
    seen: list[WalkProgress] = []

    def on_progress(p: WalkProgress) -> None:
        seen.append(p)
        cancel.set()  # after the first page

    with connect(api, list_rate=5.0) as client:
        walk = FolderWalk(client, 0, cancel=cancel, on_progress=on_progress)
        with pytest.raises(CancelledError):
            walk.run()
    assert len(seen) == 1
    # the whole drive needs 9 pages; after the cancel, at most the pages already on the wire come back
    assert walk.list_calls == 1
    assert len(list_queries(api)) < 9


def test_cancel_from_another_thread_wakes_a_walk_waiting_for_its_pace(api: FakeApiServer) -> None:
    walk_started = threading.Event()
    with connect(api, list_rate=0.2) as client:  # one page every 5 s: the walk mostly waits in the limiter
        walk = FolderWalk(client, SPACE_ID, on_progress=lambda _p: walk_started.set())
        errors: list[BaseException] = []

        def run() -> None:
            try:
                walk.run()
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        assert walk_started.wait(10)
        walk.cancel()
        thread.join(10)
        assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], CancelledError)
    assert len(list_queries(api)) == 1


def test_a_cancelled_walk_does_not_start(api: FakeApiServer, client: Pan123Client) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        FolderWalk(client, FOLDER_ID, cancel=cancel).run()
    assert api.records == []


def test_transient_faults_on_file_list_are_retried(api: FakeApiServer, client: Pan123Client) -> None:
    for fault in ("code429", "http500_html", "drop", "code1"):
        api.faults.add(FILE_LIST_PATH, fault)
    result = FolderWalk(client, SEASON_ID).run()
    assert len(result.files) == EPISODES


def test_a_lasting_failure_stops_the_walk_with_that_error(api: FakeApiServer, client: Pan123Client) -> None:
    api.faults.add(FILE_LIST_PATH, "code1", count=50)
    with pytest.raises(Pan123Error) as caught:
        FolderWalk(client, FOLDER_ID).run()
    assert caught.value.kind is ErrorKind.API and caught.value.code == 1


def test_folder_paths_are_looked_up_once_per_folder(api: FakeApiServer, client: Pan123Client) -> None:
    paths = FolderPaths(client)
    assert paths.path_of(SEASON_ID) == "测试直链文件夹/直链素材/第一季"
    first = api.calls(FILE_INFOS_PATH)
    assert first == 3  # 第一季, then 直链素材, then 测试直链文件夹: one level per call
    assert paths.path_of(SEASON_ID) == "测试直链文件夹/直链素材/第一季"
    assert paths.path_of(FOLDER_ID) == "测试直链文件夹/直链素材"
    assert paths.paths_of([COVERS_ID, SEASON_ID]) == {
        COVERS_ID: "测试直链文件夹/直链素材/封面",
        SEASON_ID: "测试直链文件夹/直链素材/第一季",
    }
    assert api.calls(FILE_INFOS_PATH) == first + 1  # only 封面 was new
    # a walk sharing the cache needs no lookup for its top folder
    FolderWalk(client, FOLDER_ID, paths=paths).run()
    assert api.calls(FILE_INFOS_PATH) == first + 1
    with pytest.raises(NotFoundError):
        paths.path_of(424242)


def test_folder_paths_accept_the_file_list_answer_key(api: FakeApiServer, client: Pan123Client) -> None:
    api.set_infos_key("fileList")
    assert FolderPaths(client).path_of(COVERS_ID) == "测试直链文件夹/直链素材/封面"
