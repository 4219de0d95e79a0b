"""Keyrings that misbehave: locked, failing, blocking, refusing to save, returning garbage. None stops or hangs a
run that has what it needs, and each says in plain words what happened."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import keyring
import keyring.errors
import pytest
from hostile_keyrings import BlockingKeyring, FailsAfterOpen, HostileKeyring, LockedKeyring, RefusesSaving
from hostile_server import HostileServer, issue_token, link_unless_token

from pan123_gui.cli import main
from pan123_gui.core import credentials
from pan123_gui.core.credentials import NOTE_BAD_TOKEN, NOTE_TOKEN_NOT_SAVED, Credentials, SecretStore, token_item
from pan123_gui.core.endpoints import ACCESS_TOKEN_PATH, DIRECT_LINK_PATH
from pan123_gui.core.errors import CredentialsError
from pan123_gui.core.keyring_problems import WARNING_NO_ANSWER, WARNING_SAVE_REFUSED, KeyringFailure, MemoryReason
from pan123_gui.core.models import AccessToken

LINK = DIRECT_LINK_PATH
TOMORROW = (datetime.now(UTC) + timedelta(days=1)).isoformat()
QUICK = 0.3  # seconds a keyring call may take in these tests


@pytest.fixture(autouse=True)
def quick_keyring(monkeypatch: pytest.MonkeyPatch, installed: None, clean_env: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(credentials, "KEYRING_TIMEOUT", QUICK)


def _run(server: HostileServer, capsys: Any, *args: str) -> tuple[int, str, str]:
    code = main(["--api-base", server.base_url, "--rate", "1000", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def links(hostile: HostileServer) -> HostileServer:
    return hostile.on(LINK, link_unless_token(set())).on(ACCESS_TOKEN_PATH, issue_token(TOMORROW))


# --- environment credentials win -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "backend_cls", [LockedKeyring, FailsAfterOpen, BlockingKeyring], ids=["locked", "fails", "blocks"]
)
def test_an_env_token_runs_without_touching_a_broken_keyring(
    links: HostileServer, capsys: Any, monkeypatch: pytest.MonkeyPatch, backend_cls: type[HostileKeyring]
) -> None:
    backend = backend_cls()
    keyring.set_keyring(backend)
    monkeypatch.setenv("PAN123_ACCESS_TOKEN", "env-token")
    code, out, err = _run(links, capsys, "1", "2")
    assert code == 0, err
    assert out.splitlines() == ["https://dl.example.com/f.bin"] * 2
    assert backend.calls == 0


@pytest.mark.parametrize("backend_cls", [LockedKeyring, FailsAfterOpen], ids=["locked", "fails"])
def test_env_client_credentials_run_with_a_note_when_the_keyring_fails(
    links: HostileServer, capsys: Any, monkeypatch: pytest.MonkeyPatch, backend_cls: type[HostileKeyring]
) -> None:
    keyring.set_keyring(backend_cls())
    monkeypatch.setenv("PAN123_CLIENT_ID", "cid")
    monkeypatch.setenv("PAN123_CLIENT_SECRET", "csecret")
    code, out, err = _run(links, capsys, "1")
    assert code == 0, err
    assert out.splitlines() == ["https://dl.example.com/f.bin"]
    assert "note: " in err and "environment" in err


def test_an_env_token_in_the_window_store_ignores_a_locked_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    store = SecretStore(LockedKeyring())
    creds = store.load(env={"PAN123_ACCESS_TOKEN": "env-token"})
    assert creds.access_token is not None and creds.access_token.value == "env-token"
    assert any("locked" in note for note in store.notes)  # the signing key could not be read: said, not raised


# --- a keyring that blocks -------------------------------------------------------------------------------------------


def test_a_blocking_keyring_read_is_given_up_and_not_piled_up() -> None:
    backend = BlockingKeyring(free_reads=1)
    store = SecretStore(backend)
    try:
        with pytest.raises(CredentialsError, match="did not answer") as caught:
            store.load(env={})
        assert getattr(caught.value, "failure", None) is KeyringFailure.NO_ANSWER
        with pytest.raises(CredentialsError, match="did not answer"):
            store.load(env={})
        assert backend.calls == 1 + 1  # the probe-free store: the stuck read only, the second call failed at once
    finally:
        backend.release.set()


def test_a_keyring_that_blocks_at_open_gives_memory_with_a_warning() -> None:
    backend = BlockingKeyring()
    keyring.set_keyring(backend)
    try:
        store = SecretStore.open()
        assert not store.persistent and store.warning == WARNING_NO_ANSWER
        assert store.memory_reason is MemoryReason.NO_ANSWER
    finally:
        backend.release.set()


def test_the_command_does_not_hang_on_a_blocking_keyring(hostile: HostileServer, capsys: Any) -> None:
    backend = BlockingKeyring()
    keyring.set_keyring(backend)
    try:
        code, _, err = _run(hostile, capsys, "1")
    finally:
        backend.release.set()
    assert code == 2
    assert "did not answer" in err and "no credentials" in err


# --- refused saves ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [keyring.errors.PasswordSetError("Failed to save"), OSError(28, "No space left"), RuntimeError("dbus")],
    ids=["PasswordSetError", "OSError", "RuntimeError"],
)
def test_a_refused_save_keeps_the_secrets_for_the_run_and_says_so(error: Exception) -> None:
    store = SecretStore(RefusesSaving(error=error))
    creds = Credentials(client_id="cid", client_secret="csecret", sign_key="skey")
    assert store.save(creds) == WARNING_SAVE_REFUSED
    assert not store.persistent and store.memory_reason is MemoryReason.SAVE_REFUSED
    assert store.load(env={}) == creds


def test_a_new_token_the_keyring_refuses_is_used_and_the_command_says_so(links: HostileServer, capsys: Any) -> None:
    keyring.set_keyring(RefusesSaving({"client_id": "cid", "client_secret": "csecret"}))
    code, out, err = _run(links, capsys, "1", "2")
    assert code == 0, err
    assert len(out.splitlines()) == 2
    assert f"note: {NOTE_TOKEN_NOT_SAVED}" in err
    assert links.hits[ACCESS_TOKEN_PATH] == 1


# --- garbage from the keyring --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "value", "words"),
    [
        ("client_id", b"bytes-not-text", "unusable"),
        ("client_id", 12345, "unusable"),
        ("client_secret", ["a", "list"], "unusable"),
        ("client_secret", "x" * 10_000_000, "far too long"),
        ("client_id", "cid\r\nInjected: header", "control characters"),
        ("sign_key", "key\x1b]0;title\x07", "control characters"),
        ("client_id", "two words", "spaces"),
    ],
    ids=["bytes", "int", "list", "10MB-secret", "crlf-id", "esc-key", "space-id"],
)
def test_garbage_from_the_keyring_is_rejected_with_a_plain_note(item: str, value: object, words: str) -> None:
    store = SecretStore(HostileKeyring({item: value}))
    creds = store.load(env={})
    assert getattr(creds, item) is None
    assert len(store.notes) == 1 and words in store.notes[0]
    assert len(store.notes[0]) < 200 and "x" * 50 not in store.notes[0]


def test_garbage_from_the_keyring_ends_the_command_plainly(hostile: HostileServer, capsys: Any) -> None:
    keyring.set_keyring(HostileKeyring({"client_id": "cid\r\nX", "client_secret": "s"}))
    code, _, err = _run(hostile, capsys, "1")
    assert code == 2
    assert "control characters" in err and "no credentials" in err
    assert "\r" not in err


def test_an_env_value_with_a_line_break_is_a_plain_usage_error(
    hostile: HostileServer, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAN123_ACCESS_TOKEN", "tok\r\nX-Evil: 1")
    code, _, err = _run(hostile, capsys, "1")
    assert code == 2
    assert "PAN123_ACCESS_TOKEN is unusable" in err
    assert hostile.hits[LINK] == 0


# --- a stored token that cannot be read ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stored",
    [
        json.dumps({"token": "t", "expiredAt": "0001-01-01T00:00:00"}),
        json.dumps({"token": "t", "expiredAt": "9999-12-31T23:59:59+00:00"}),
        json.dumps({"token": "t", "expiredAt": 1e300}),
        json.dumps({"token": "t", "expiredAt": ["2025"]}),
        json.dumps({"token": ["t"], "expiredAt": TOMORROW}),
        json.dumps(["t", TOMORROW]),
        "[" * 200_000 + "]" * 200_000,
        "{" + "x" * 100_000,
        json.dumps({"token": "t\r\nX", "expiredAt": TOMORROW}),
    ],
    ids=["year1", "year9999", "huge-number", "list-date", "list-token", "json-list", "deep", "huge", "crlf-token"],
)
def test_a_stored_token_that_cannot_be_read_is_discarded_with_a_note(stored: str) -> None:
    backend = HostileKeyring({"client_id": "cid", token_item("cid"): stored})
    store = SecretStore(backend)
    creds = store.load(env={})
    assert creds.access_token is None and creds.client_id == "cid"
    assert store.notes == [NOTE_BAD_TOKEN]
    assert backend.deleted == [token_item("cid")]


def test_a_stored_year1_token_no_longer_breaks_later_runs(links: HostileServer, capsys: Any) -> None:
    stored = json.dumps({"token": "old", "expiredAt": "0001-01-01T00:00:00+00:00"})
    keyring.set_keyring(HostileKeyring({"client_id": "cid", "client_secret": "s", token_item("cid"): stored}))
    for _ in range(2):
        code, out, err = _run(links, capsys, "1", "2", "3")
        assert code == 0, err
        assert len(out.splitlines()) == 3
    assert links.hits[ACCESS_TOKEN_PATH] == 1  # the fresh token was saved and reused by the second run


def test_a_token_object_for_the_window_keeps_an_aware_expiry() -> None:
    token = AccessToken("t", datetime(2030, 1, 1))  # naive, as a careless caller might make it
    store = SecretStore.memory()
    store.save_token("cid", token)
    loaded = store.load(env={"PAN123_CLIENT_ID": "cid", "PAN123_CLIENT_SECRET": "s"})
    assert loaded.access_token is not None and loaded.access_token.expires_at.tzinfo is not None
