"""Pan123Client against the fake 123pan API over real loopback HTTP: endpoints, error mapping, every fault kind,
tokens (missing, expired, near expiry, revoked, pasted) and pacing without 429 storms."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import clients
import pytest

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.errors import (
    AuthError,
    BadLinkError,
    ErrorKind,
    IsFolderError,
    NotDirectLinkSpaceError,
    NotFoundError,
    TrafficExhaustedError,
)
from pan123_gui.core.models import AccessToken
from pan123_gui.core.resolver import Resolver
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    FOLDER_ID,
    NOT_DIRECT_LINK_ID,
    SAMPLE_FILES,
    TRASHED_ID,
    UNKNOWN_ID,
    VIDEO_ID,
)

FAST = RetryPolicy(max_attempts=5, base_delay=0.01, max_delay=0.05)
LINK = "direct-link/url"


def connect(
    api: FakeApiServer,
    *,
    token: AccessToken | None = None,
    credentials: bool = True,
    rate: float = 50.0,
    retry: RetryPolicy = FAST,
    on_new_token: Callable[[AccessToken], None] | None = None,
) -> Pan123Client:
    """A client on the fake, like build_client but with fast retries and quick limiters for the test."""
    return clients.make_client(api, token=token, login=credentials, on_new_token=on_new_token, rate=rate, retry=retry)


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    fake_api.set_rate(LINK, 50.0)
    return fake_api


def add_files(api: FakeApiServer, n: int, first: int = 30_000_000) -> list[int]:
    ids = [first + i for i in range(n)]
    for file_id in ids:
        api.add_file(file_id, f"file-{file_id}.bin", file_id % 1000)
    return ids


# --- endpoints -------------------------------------------------------------------------------------------------------


def test_endpoints_against_the_fake(api: FakeApiServer) -> None:
    with connect(api) as client:
        assert client.direct_link_url(VIDEO_ID) == api.expected_url(VIDEO_ID)
        info = client.user_info()
        assert info.uid == api.uid == client.uid()
        assert info.vip and info.nickname
        names = client.file_infos([f.file_id for f in SAMPLE_FILES] + [UNKNOWN_ID])
        assert UNKNOWN_ID not in names
        for sample in SAMPLE_FILES:
            assert (names[sample.file_id].name, names[sample.file_id].size) == (sample.name, sample.size)
            assert names[sample.file_id].is_folder == sample.folder
        detail = client.file_detail(FOLDER_ID)
        assert detail.is_folder and detail.name == "直链素材"
    methods = {(m, p) for m, p, _q, _s in api.request_log}
    assert ("POST", "/api/v1/file/infos") in methods and ("GET", "/api/v1/direct-link/url") in methods


def test_file_list_key_is_accepted(api: FakeApiServer) -> None:
    api.set_infos_key("fileList")
    with connect(api) as client:
        assert client.file_infos([VIDEO_ID])[VIDEO_ID].name == "我从草原来.mp4"


def test_error_mapping_against_the_fake(api: FakeApiServer) -> None:
    with connect(api) as client:
        with pytest.raises(NotDirectLinkSpaceError):
            client.direct_link_url(NOT_DIRECT_LINK_ID)
        with pytest.raises(NotFoundError):
            client.direct_link_url(UNKNOWN_ID)
        with pytest.raises(NotFoundError):
            client.direct_link_url(TRASHED_ID)
        with pytest.raises(IsFolderError) as folder:
            client.direct_link_url(FOLDER_ID)
        assert folder.value.kind is ErrorKind.IS_FOLDER and folder.value.code == 400
        assert folder.value.trace_id  # x-traceID kept for support
        api.set_traffic_exhausted()
        with pytest.raises(TrafficExhaustedError):
            client.direct_link_url(VIDEO_ID)


# --- faults ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["http500_html", "drop", "cut_json", "http429", "code429", "code1", "not_json"])
def test_every_transient_fault_is_retried(api: FakeApiServer, kind: str) -> None:
    api.faults.add(LINK, kind, 2)
    with connect(api) as client:
        assert client.direct_link_url(VIDEO_ID) == api.expected_url(VIDEO_ID)
    assert api.faults.pending() == 0
    assert api.calls(LINK) == 3


def test_retry_after_from_the_fake_is_honoured(api: FakeApiServer) -> None:
    api.faults.retry_after = 0.05
    api.faults.add(LINK, "http429", 1)
    with connect(api) as client:
        assert client.direct_link_url(VIDEO_ID) == api.expected_url(VIDEO_ID)
    assert [s for _m, _p, _q, s in api.request_log] == [200, 429, 200]  # token, 429, success


def test_bad_link_fault_is_not_retried(api: FakeApiServer) -> None:
    api.faults.add(LINK, "bad_link", 1)
    with connect(api) as client, pytest.raises(BadLinkError):
        client.direct_link_url(VIDEO_ID)
    assert api.calls(LINK) == 1


# --- tokens ----------------------------------------------------------------------------------------------------------


def test_missing_token_is_fetched_once_for_many_threads(api: FakeApiServer) -> None:
    saved: list[AccessToken] = []
    ids = add_files(api, 32)
    with connect(api, on_new_token=saved.append) as client:
        rows = Resolver(client, workers=16).resolve(ids)
    assert all(r.ok for r in rows)
    assert api.tokens_issued == 1
    assert len(saved) == 1


def test_valid_token_is_reused_not_fetched_per_run(api: FakeApiServer) -> None:
    token = api.issue_token()
    with connect(api, token=token) as client:
        for _ in range(3):
            assert client.direct_link_url(VIDEO_ID)
    assert api.tokens_issued == 1
    assert api.calls("access_token") == 0


def test_expired_token_is_refreshed_before_use(api: FakeApiServer) -> None:
    expired = api.issue_token(ttl=timedelta(seconds=-60))
    with connect(api, token=expired) as client:
        assert client.direct_link_url(VIDEO_ID) == api.expected_url(VIDEO_ID)
    assert 401 not in api.codes(LINK)  # refreshed before the request, not after a rejection
    assert api.tokens_issued == 2


def test_token_near_expiry_is_refreshed_before_use(api: FakeApiServer) -> None:
    soon = api.issue_token(ttl=timedelta(minutes=20))
    with connect(api, token=soon) as client:
        client.direct_link_url(VIDEO_ID)
        client.direct_link_url(VIDEO_ID)
    assert api.tokens_issued == 2
    assert api.codes(LINK) == [0, 0]


def test_revoked_token_refreshes_once_and_replays(api: FakeApiServer) -> None:
    token = api.issue_token()
    api.faults.add(LINK, "revoked", 1)
    with connect(api, token=token) as client:
        assert client.direct_link_url(VIDEO_ID) == api.expected_url(VIDEO_ID)
    assert api.codes(LINK) == [401, 0]
    assert api.tokens_issued == 2


def test_all_tokens_revoked_many_threads_one_refresh(api: FakeApiServer) -> None:
    ids = add_files(api, 48)
    with connect(api, token=api.issue_token()) as client:
        api.revoke_all_tokens()
        rows = Resolver(client, workers=16).resolve(ids)
    assert all(r.ok for r in rows)
    assert api.tokens_issued == 2  # the original + exactly one refresh
    assert api.live_tokens == 1


def test_three_token_cap_is_never_exceeded(api: FakeApiServer) -> None:
    # Two other logins hold tokens already; our three runs must add only one token and kick nobody offline.
    other_a, other_b = api.issue_token(), api.issue_token()
    ids = add_files(api, 20)
    with connect(api) as client:
        for _ in range(3):
            assert all(r.ok for r in Resolver(client, workers=16).resolve(ids))
    assert api.tokens_issued == 3
    assert api.live_tokens == 3
    with connect(api, token=other_a, credentials=False) as a, connect(api, token=other_b, credentials=False) as b:
        assert a.direct_link_url(VIDEO_ID) and b.direct_link_url(VIDEO_ID)  # both still logged in


def test_pasted_token_without_credentials_is_never_refreshed(api: FakeApiServer) -> None:
    token = api.issue_token()
    api.revoke_all_tokens()
    with connect(api, token=token, credentials=False) as client, pytest.raises(AuthError):
        client.direct_link_url(VIDEO_ID)
    assert api.tokens_issued == 1
    assert api.calls("access_token") == 0


def test_wrong_client_secret_is_an_auth_error_without_the_secret(api: FakeApiServer) -> None:
    client: Pan123Client | None = None

    def fetch() -> AccessToken:
        assert client is not None
        return client.fetch_token(api.client_id, "wrong-secret-value")

    client = clients.make_client(api, token=None, fetch=fetch, retry=FAST)
    with client, pytest.raises(AuthError) as info:
        client.direct_link_url(VIDEO_ID)
    assert "wrong-secret-value" not in str(info.value)
    assert api.calls("access_token") == 1  # not retried


# --- pacing ----------------------------------------------------------------------------------------------------------


def test_rate_limit_is_respected_without_429s(api: FakeApiServer) -> None:
    # The fake's bucket holds `rate` requests; 60 IDs at 40/s would overflow it by far without pacing.
    api.set_rate(LINK, 40.0)
    ids = add_files(api, 60)
    with connect(api, token=api.issue_token(), rate=40.0) as client:
        rows = Resolver(client, workers=16).resolve(ids)
    assert all(r.ok for r in rows)
    codes = api.codes(LINK)
    assert len(codes) == 60
    assert 429 not in codes


def test_client_faster_than_the_server_still_resolves_everything(api: FakeApiServer) -> None:
    api.set_rate(LINK, 20.0)
    ids = add_files(api, 40)
    patient = RetryPolicy(max_attempts=10, base_delay=0.05, max_delay=0.4)
    with connect(api, token=api.issue_token(), rate=80.0, retry=patient) as client:
        rows = Resolver(client, workers=16).resolve(ids)
    assert all(r.ok for r in rows)


def test_concurrent_calls_share_one_client(api: FakeApiServer) -> None:
    ids = add_files(api, 24)
    urls: dict[int, str] = {}
    lock = threading.Lock()
    with connect(api, token=api.issue_token()) as client:

        def worker(chunk: list[int]) -> None:
            for file_id in chunk:
                url = client.direct_link_url(file_id)
                with lock:
                    urls[file_id] = url

        threads = [threading.Thread(target=worker, args=(ids[i::6],)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    assert urls == {i: api.expected_url(i) for i in ids}
