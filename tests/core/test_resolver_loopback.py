"""Resolver against the fake 123pan API over real loopback HTTP: the demo set, faults everywhere, signing, cancel."""

from __future__ import annotations

import threading
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import clients
import pytest

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import DIRECT_LINK_PATH
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.core.resolver import Resolver, SignOptions
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    DEMO_TEXT_IDS,
    FOLDER_ID,
    NOT_DIRECT_LINK_ID,
    SAMPLE_FILES,
    TRASHED_ID,
    UNKNOWN_ID,
)

LINK = "direct-link/url"
TRANSIENT = ["http500_html", "drop", "cut_json", "http429", "code429", "code1", "not_json", "revoked"]


def connect(api: FakeApiServer, *, retry: RetryPolicy, rate: float = 50.0) -> Pan123Client:
    return clients.make_client(api, token=None, login=True, rate=rate, retry=retry)


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    fake_api.set_rate(LINK, 50.0)
    return fake_api


def expected_kind(file_id: int, *, names: bool = True) -> ErrorKind | None:
    if file_id == NOT_DIRECT_LINK_ID:
        return ErrorKind.NOT_DIRECT_LINK_SPACE
    if file_id == UNKNOWN_ID:
        return ErrorKind.NOT_FOUND
    if file_id == TRASHED_ID:  # file/infos says so; the direct-link answer alone is "not found"
        return ErrorKind.TRASHED if names else ErrorKind.NOT_FOUND
    if file_id == FOLDER_ID:  # file/infos says so, or the API's own answer (code 400, "文件夹不支持获取直链")
        return ErrorKind.IS_FOLDER
    return None


def link_requests_for(api: FakeApiServer, file_id: int) -> int:
    return sum(1 for r in api.records if r.path == DIRECT_LINK_PATH and r.query.get("fileID") == str(file_id))


def test_demo_ids_resolve_to_links_and_plain_errors(api: FakeApiServer) -> None:
    ids = [*DEMO_TEXT_IDS, TRASHED_ID]
    seen: list[LinkResult] = []
    with connect(api, retry=RetryPolicy(max_attempts=3, base_delay=0.01)) as client:
        rows = Resolver(client, names=True).resolve(ids, on_result=seen.append)
    assert [r.file_id for r in rows] == ids
    assert sorted(r.file_id for r in seen) == sorted(ids)
    names = {f.file_id: f.name for f in SAMPLE_FILES}
    for row in rows:
        assert row.error_kind is expected_kind(row.file_id), row
        if row.error_kind is None:
            assert row.url == api.expected_url(row.file_id)
        assert row.name == names.get(row.file_id)  # names come even for error rows; unknown IDs have none
    # a folder and a trashed file are known from file/infos: no direct-link request is spent on them
    assert link_requests_for(api, FOLDER_ID) == 0 and link_requests_for(api, TRASHED_ID) == 0
    assert link_requests_for(api, UNKNOWN_ID) == 1  # not in file/infos: the API has the last word
    assert api.calls(LINK) == len(ids) - 2
    by_id = {r.file_id: r for r in rows}
    assert by_id[FOLDER_ID].error == "This ID is a folder; direct links exist only for files"
    assert by_id[TRASHED_ID].error == "The file is in the recycle bin; restore it first"
    assert by_id[TRASHED_ID].size == 52_428_800


def test_without_names_the_apis_folder_answer_is_recognised(api: FakeApiServer) -> None:
    ids = [FOLDER_ID, TRASHED_ID, SAMPLE_FILES[0].file_id]
    with connect(api, retry=RetryPolicy(max_attempts=2, base_delay=0.01)) as client:
        rows = Resolver(client).resolve(ids)
    assert [r.error_kind for r in rows] == [ErrorKind.IS_FOLDER, ErrorKind.NOT_FOUND, None]
    assert rows[0].error_code == 400 and rows[0].error is not None and "文件夹" in rows[0].error
    assert link_requests_for(api, FOLDER_ID) == 1  # not retried: a folder stays a folder


def test_with_faults_on_every_endpoint_every_id_still_resolves(api: FakeApiServer) -> None:
    extra = [40_000_000 + i for i in range(30)]
    for file_id in extra:
        api.add_file(file_id, f"extra-{file_id}.bin", 1)
    ids = [f.file_id for f in SAMPLE_FILES if expected_kind(f.file_id) is None] + extra
    for kind in TRANSIENT:
        # a token revoked twice before the fresh one was ever accepted would mean "these credentials are refused"
        api.faults.add(LINK, kind, 1 if kind == "revoked" else 2)
    api.faults.add("file/infos", "http500_html", 1)
    api.faults.add("file/infos", "cut_json", 1)
    api.faults.add("user/info", "code429", 1)
    api.faults.add("access_token", "http500_html", 1)
    # enough attempts that even an ID hit by every queued fault in a row still gets through
    retry = RetryPolicy(max_attempts=2 * len(TRANSIENT) + 2, base_delay=0.005, max_delay=0.02)
    sign = SignOptions(key="k3y", valid_for=timedelta(minutes=30))
    with connect(api, retry=retry) as client:
        rows = Resolver(client, names=True, sign=sign).resolve(ids)
    assert [r.error for r in rows if not r.ok] == []
    assert all(r.unsigned_url == api.expected_url(r.file_id) for r in rows)
    assert all(r.name for r in rows)
    assert api.faults.pending() == 0  # every fault was really served
    # the first fetch + one refresh for the revocation, however many threads saw the 401
    assert api.tokens_issued == 2
    assert api.live_tokens == 1


def test_signed_links_carry_the_accounts_uid(api: FakeApiServer) -> None:
    sign = SignOptions(key="k3y", valid_for=timedelta(minutes=10))
    ids = [f.file_id for f in SAMPLE_FILES if expected_kind(f.file_id) is None]
    with connect(api, retry=RetryPolicy(max_attempts=2)) as client:
        rows = Resolver(client, sign=sign).resolve(ids)
    for row in rows:
        assert row.ok and row.url is not None and row.expires_at is not None
        auth_key = parse_qs(urlsplit(row.url).query)["auth_key"][0]
        assert auth_key.split("-")[2] == str(api.uid)
    assert api.calls("user/info") == 1


def test_cancel_mid_run_keeps_finished_rows(api: FakeApiServer) -> None:
    api.set_latency(0.05)
    ids = [50_000_000 + i for i in range(120)]
    for file_id in ids:
        api.add_file(file_id, f"c-{file_id}.bin", 1)
    cancel = threading.Event()
    done: list[int] = []

    def on_result(row: LinkResult) -> None:
        if row.ok:
            done.append(row.file_id)
            if len(done) == 5:
                cancel.set()

    with connect(api, retry=RetryPolicy(max_attempts=2), rate=20.0) as client:
        rows = Resolver(client).resolve(ids, on_result=on_result, cancel=cancel)
    kinds = [r.error_kind for r in rows]
    assert set(kinds) <= {None, ErrorKind.CANCELLED}
    assert kinds.count(ErrorKind.CANCELLED) > 60
    assert {r.file_id for r in rows if r.ok} >= set(done[:5])
    assert all(r.url == api.expected_url(r.file_id) for r in rows if r.ok)
    assert api.calls(LINK) < 60
