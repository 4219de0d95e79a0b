"""Tokens: parsing the access_token answer, early refresh, single-flight refresh after a 401, no secrets shown."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pan123_gui.core._http import httpx, new_http_client
from pan123_gui.core.errors import AuthError, CredentialsError, MalformedResponseError, NetworkError
from pan123_gui.core.models import AccessToken
from pan123_gui.core.tokens import TokenManager, fetch_access_token, parse_expired_at

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def token(value: str, expires_in: timedelta = timedelta(days=30)) -> AccessToken:
    return AccessToken(value=value, expires_at=NOW + expires_in)


class Fetcher:
    """A fetch callable that hands out tok-1, tok-2, ... and counts calls (optionally slow or failing)."""

    def __init__(self, *, gate: threading.Event | None = None, fail: Exception | None = None) -> None:
        self.calls = 0
        self.gate = gate
        self.fail = fail
        self._lock = threading.Lock()

    def __call__(self) -> AccessToken:
        with self._lock:
            self.calls += 1
            n = self.calls
        if self.gate is not None:
            self.gate.wait(30)
        if self.fail is not None:
            raise self.fail
        return token(f"tok-{n}")


# --- fetch_access_token ----------------------------------------------------------------------------------------------


def test_fetch_access_token_posts_credentials_and_parses_the_answer() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        data = {"accessToken": "eyJhbGciOi.x.y", "expiredAt": "2025-03-23T15:48:37+08:00"}
        return httpx.Response(200, json={"code": 0, "message": "ok", "data": data, "x-traceID": "t"})

    with new_http_client("https://api.test", transport=httpx.MockTransport(handler)) as http:
        got = fetch_access_token(http, "my-id", "my-secret")
    request = seen[0]
    assert (request.method, request.url.path) == ("POST", "/api/v1/access_token")
    assert json.loads(request.content) == {"clientID": "my-id", "clientSecret": "my-secret"}
    assert request.headers["Platform"] == "open_platform"
    assert "Authorization" not in request.headers
    assert got.value == "eyJhbGciOi.x.y"
    assert got.expires_at == datetime(2025, 3, 23, 7, 48, 37, tzinfo=UTC)
    assert "eyJ" not in repr(got)


@pytest.mark.parametrize(
    "data",
    [None, {}, {"expiredAt": "2025-03-23T15:48:37+08:00"}, {"accessToken": "", "expiredAt": "x"}],
)
def test_fetch_access_token_incomplete_answer_is_malformed(data: object) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"code": 0, "message": "ok", "data": data})

    with (
        new_http_client("https://api.test", transport=httpx.MockTransport(handler)) as http,
        pytest.raises(MalformedResponseError),
    ):
        fetch_access_token(http, "id", "secret")


def test_fetch_access_token_bad_credentials_is_auth_error_without_the_secret() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"code": 401, "message": "clientID或clientSecret错误", "data": None})

    with (
        new_http_client("https://api.test", transport=httpx.MockTransport(handler)) as http,
        pytest.raises(AuthError) as info,
    ):
        fetch_access_token(http, "id", "very-secret-value")
    assert "very-secret-value" not in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-23T15:48:37+08:00", datetime(2025, 3, 23, 7, 48, 37, tzinfo=UTC)),
        ("2025-03-23T07:48:37Z", datetime(2025, 3, 23, 7, 48, 37, tzinfo=UTC)),
        ("2025-03-23T15:48:37", datetime(2025, 3, 23, 15, 48, 37, tzinfo=timezone(timedelta(hours=8)))),
    ],
)
def test_parse_expired_at(text: str, expected: datetime) -> None:
    assert parse_expired_at(text) == expected


@pytest.mark.parametrize(
    "value",
    [None, "", "tomorrow", 12345, "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", [], {"a": 1}, True, 1e300],
)
def test_parse_expired_at_assumes_the_usual_lifetime_for_garbage(value: object) -> None:
    # The token was issued: an unusable expiredAt must not throw it away (another fetch would kick a login off).
    assert parse_expired_at(value, now=NOW) == NOW + timedelta(days=30)


def test_parse_expired_at_reads_unix_seconds() -> None:
    assert parse_expired_at(1742716117) == datetime(2025, 3, 23, 7, 48, 37, tzinfo=UTC)


# --- TokenManager.current ---------------------------------------------------------------------------------------------


def test_valid_token_is_used_without_fetching() -> None:
    fetch = Fetcher()
    manager = TokenManager(token=token("pasted"), fetch=fetch, now=lambda: NOW)
    assert [manager.current() for _ in range(5)] == ["pasted"] * 5
    assert fetch.calls == 0


def test_no_token_fetches_once_and_reuses_it() -> None:
    fetch = Fetcher()
    saved: list[AccessToken] = []
    manager = TokenManager(token=None, fetch=fetch, on_new_token=saved.append, now=lambda: NOW)
    assert [manager.current() for _ in range(3)] == ["tok-1"] * 3
    assert fetch.calls == 1
    assert [t.value for t in saved] == ["tok-1"]


def test_token_within_the_margin_is_refreshed_before_use() -> None:
    fetch = Fetcher()
    manager = TokenManager(token=token("old", timedelta(minutes=30)), fetch=fetch, now=lambda: NOW)
    assert manager.current() == "tok-1"
    assert manager.current() == "tok-1"
    assert fetch.calls == 1


def test_expired_token_is_refreshed_before_use() -> None:
    fetch = Fetcher()
    manager = TokenManager(token=token("old", -timedelta(days=1)), fetch=fetch, now=lambda: NOW)
    assert manager.current() == "tok-1"


def test_pasted_token_without_credentials_is_never_refreshed() -> None:
    manager = TokenManager(token=token("pasted", timedelta(minutes=5)), fetch=None, now=lambda: NOW)
    assert manager.current() == "pasted"
    assert not manager.can_refresh


def test_nothing_configured_is_a_credentials_error() -> None:
    with pytest.raises(CredentialsError):
        TokenManager(token=None, fetch=None).current()


def test_failed_early_refresh_keeps_using_the_still_valid_token() -> None:
    fetch = Fetcher(fail=NetworkError("down"))
    manager = TokenManager(token=token("old", timedelta(minutes=30)), fetch=fetch, now=lambda: NOW)
    assert manager.current() == "old"
    assert manager.current() == "old"
    assert fetch.calls == 1  # paused before trying again, not per request


def test_failed_refresh_of_an_expired_token_raises() -> None:
    fetch = Fetcher(fail=NetworkError("down"))
    manager = TokenManager(token=token("old", -timedelta(seconds=1)), fetch=fetch, now=lambda: NOW)
    with pytest.raises(NetworkError):
        manager.current()


def test_save_callback_failure_does_not_lose_the_token() -> None:
    def broken_save(_: AccessToken) -> None:
        raise CredentialsError("keyring locked")

    manager = TokenManager(token=None, fetch=Fetcher(), on_new_token=broken_save, now=lambda: NOW)
    assert manager.current() == "tok-1"


def test_repr_hides_the_token() -> None:
    manager = TokenManager(token=token("super-secret-token"), fetch=None, now=lambda: NOW)
    assert "super-secret-token" not in repr(manager)


# --- TokenManager.after_auth_failure ----------------------------------------------------------------------------------


def test_auth_failure_refreshes_once() -> None:
    fetch = Fetcher()
    manager = TokenManager(token=token("old"), fetch=fetch, now=lambda: NOW)
    assert manager.after_auth_failure("old") == "tok-1"
    assert manager.current() == "tok-1"
    assert fetch.calls == 1


def test_auth_failure_with_an_already_replaced_token_does_not_refresh() -> None:
    fetch = Fetcher()
    manager = TokenManager(token=token("old"), fetch=fetch, now=lambda: NOW)
    manager.after_auth_failure("old")
    assert manager.after_auth_failure("old") == "tok-1"
    assert fetch.calls == 1


def test_auth_failure_without_credentials_is_auth_error() -> None:
    manager = TokenManager(token=token("pasted"), fetch=None, now=lambda: NOW)
    with pytest.raises(AuthError):
        manager.after_auth_failure("pasted")


def test_many_threads_seeing_401_together_cause_one_refresh() -> None:
    gate = threading.Event()
    fetch = Fetcher(gate=gate)
    manager = TokenManager(token=token("old"), fetch=fetch, now=lambda: NOW)
    results: list[str] = []
    lock = threading.Lock()
    started = threading.Barrier(17)

    def worker() -> None:
        started.wait(30)
        new = manager.after_auth_failure("old")
        with lock:
            results.append(new)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    started.wait(30)
    gate.set()  # let the one refresh finish while the others queue behind it
    for t in threads:
        t.join(30)
    assert fetch.calls == 1
    assert results == ["tok-1"] * 16


def test_failed_refresh_is_not_repeated_by_every_waiting_thread() -> None:
    fetch = Fetcher(fail=AuthError("clientID或clientSecret错误", code=401))
    manager = TokenManager(token=token("old"), fetch=fetch, now=lambda: NOW, monotonic=lambda: 0.0)
    errors: list[Exception] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            manager.after_auth_failure("old")
        except AuthError as err:
            with lock:
                errors.append(err)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(errors) == 8
    assert fetch.calls == 1
    assert len({id(e) for e in errors}) == 8  # each thread raises its own exception object


def test_failed_first_fetch_is_not_repeated_by_every_waiting_thread() -> None:
    fetch = Fetcher(fail=NetworkError("down"))
    manager = TokenManager(token=None, fetch=fetch, now=lambda: NOW, monotonic=lambda: 0.0)
    for _ in range(5):
        with pytest.raises(NetworkError):
            manager.current()
    assert fetch.calls == 1


def test_fetch_is_tried_again_once_the_failure_is_old() -> None:
    clock = [0.0]
    fetch = Fetcher(fail=NetworkError("down"))
    manager = TokenManager(token=None, fetch=fetch, now=lambda: NOW, monotonic=lambda: clock[0])
    with pytest.raises(NetworkError):
        manager.current()
    clock[0] = 60.0
    fetch.fail = None
    assert manager.current() == "tok-2"
    assert fetch.calls == 2
