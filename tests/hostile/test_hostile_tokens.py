"""Tokens never storm: 401 for ever, tokens that arrive expired, expiredAt values that are not dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hostile_server import HostileServer, issue_token, link_unless_token, refuse_every_token

from pan123_gui.cli import main
from pan123_gui.core.client import build_client
from pan123_gui.core.credentials import Credentials
from pan123_gui.core.endpoints import ACCESS_TOKEN_PATH, DIRECT_LINK_PATH
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import AccessToken
from pan123_gui.core.resolver import Resolver
from pan123_gui.core.tokens import CredentialsRefusedError

LINK = DIRECT_LINK_PATH
TOKEN = ACCESS_TOKEN_PATH
IDS = list(range(1000, 1060))
TOMORROW = (datetime.now(UTC) + timedelta(days=1)).isoformat()


def _client(server: HostileServer, creds: Credentials | None = None) -> Any:
    return build_client(
        creds or Credentials(client_id="cid", client_secret="csecret"), rate=1000.0, base_url=server.base_url
    )


def test_401_for_ever_with_client_credentials_fetches_one_refresh_per_run(hostile: HostileServer) -> None:
    hostile.on(TOKEN, issue_token(TOMORROW)).on(LINK, link_unless_token({"*"}))
    with _client(hostile) as client:
        rows = Resolver(client).resolve(IDS)
        assert client.tokens.refused
    assert hostile.hits[TOKEN] == 2  # the first token and one refresh: never one per ID
    assert {r.error_kind for r in rows} == {ErrorKind.AUTH}
    assert hostile.hits[LINK] < 20  # the run stops asking once the fresh token was refused too


def test_401_for_ever_one_after_another_is_three_requests(hostile: HostileServer) -> None:
    hostile.on(TOKEN, issue_token(TOMORROW)).on(LINK, link_unless_token({"*"}))
    with _client(hostile) as client:
        rows = Resolver(client, workers=1).resolve(IDS[:10])
    # tok-1 refused, refresh, tok-2 replayed and refused (row 1); tok-2 refused again (row 2): refused for good
    assert hostile.hits[LINK] == 3 and hostile.hits[TOKEN] == 2
    assert all("client ID and secret" in (r.error or "") for r in rows[1:])


def test_a_refused_token_fetch_is_not_repeated(hostile: HostileServer) -> None:
    hostile.on(TOKEN, refuse_every_token).on(LINK, link_unless_token(set()))
    with _client(hostile) as client:
        rows = Resolver(client).resolve(IDS)
    assert hostile.hits[TOKEN] == 1
    assert hostile.hits[LINK] == 0
    assert {r.error_kind for r in rows} == {ErrorKind.AUTH}


def test_a_refused_pasted_token_stops_the_run(hostile: HostileServer) -> None:
    hostile.on(LINK, link_unless_token({"*"}))
    pasted = AccessToken("pasted", datetime.now(UTC) + timedelta(days=3))
    with _client(hostile, Credentials(access_token=pasted)) as client:
        rows = Resolver(client, workers=1).resolve(IDS[:10])
    assert hostile.hits[LINK] == 1
    assert {r.error_kind for r in rows} == {ErrorKind.AUTH}


def test_a_token_that_arrives_expired_is_used_until_refused(hostile: HostileServer) -> None:
    yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    hostile.on(TOKEN, issue_token(yesterday)).on(LINK, link_unless_token(set()))
    with _client(hostile) as client:
        rows = Resolver(client, workers=1).resolve(IDS[:10])
    assert all(r.ok for r in rows)
    assert hostile.hits[TOKEN] == 1  # not once per request


def test_an_expired_token_that_the_server_then_refuses_is_refreshed_once(hostile: HostileServer) -> None:
    yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    hostile.on(TOKEN, issue_token(yesterday)).on(LINK, link_unless_token({"tok-1"}))
    with _client(hostile) as client:
        rows = Resolver(client, workers=1).resolve(IDS[:10])
    assert all(r.ok for r in rows)
    assert hostile.hits[TOKEN] == 2


@pytest.mark.parametrize(
    "expired_at",
    [
        "0001-01-01T00:00:00+08:00",
        "0001-01-01T00:00:00",
        "9999-12-31T23:59:59",
        "2025-03-23T15:48:37",
        "not a date",
        "",
        None,
        12345,
        -1e300,
        [2025, 3, 23],
        {"date": "2025-03-23"},
        True,
    ],
    ids=[
        "year1",
        "year1-nozone",
        "year9999",
        "nozone-past",
        "text",
        "empty",
        "null",
        "int",
        "huge-float",
        "list",
        "object",
        "bool",
    ],
)
def test_an_unusable_expired_at_is_handled_on_every_row(hostile: HostileServer, expired_at: object) -> None:
    hostile.on(TOKEN, issue_token(expired_at)).on(LINK, link_unless_token(set()))
    with _client(hostile) as client:
        rows = Resolver(client, workers=1).resolve(IDS[:10])
        token = client.tokens.token
    assert [r.error for r in rows if not r.ok] == []
    assert hostile.hits[TOKEN] == 1
    assert token is not None and token.expires_at.tzinfo is not None


def test_refusal_error_is_an_auth_error_with_plain_words() -> None:
    err = CredentialsRefusedError()
    assert err.kind is ErrorKind.AUTH
    assert "client ID and secret" in str(err)


def test_the_command_stops_with_a_plain_credentials_message(
    hostile: HostileServer, monkeypatch: pytest.MonkeyPatch, capsys: Any, memory_keyring: Any
) -> None:
    hostile.on(TOKEN, issue_token(TOMORROW)).on(LINK, link_unless_token({"*"}))
    monkeypatch.setenv("PAN123_CLIENT_ID", "cid")
    monkeypatch.setenv("PAN123_CLIENT_SECRET", "csecret")
    code = main(["--api-base", hostile.base_url, "--rate", "1000", *map(str, IDS)])
    err = capsys.readouterr().err
    assert code == 2
    assert hostile.hits[TOKEN] == 2
    assert err.rstrip().splitlines()[-1].startswith("pan123-link: error: the API refused the access token")
    assert "Traceback" not in err


def test_each_new_run_gets_one_refresh_and_no_more(hostile: HostileServer) -> None:
    hostile.on(TOKEN, issue_token(TOMORROW)).on(LINK, link_unless_token({"*"}))
    with _client(hostile) as client:
        Resolver(client, workers=1).resolve(IDS[:10])
        assert hostile.hits[TOKEN] == 2 and client.tokens.refused
        rows = Resolver(client, workers=1).resolve(IDS[:10])  # "Retry failed" in the window: a new run
    assert hostile.hits[TOKEN] == 3  # one more refresh, not one per ID
    assert {r.error_kind for r in rows} == {ErrorKind.AUTH}
