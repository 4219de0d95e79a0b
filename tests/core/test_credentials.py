"""credentials: Credentials redaction, SecretStore over the real Secret Service, memory fallback, error mapping."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from pan123_gui.core.credentials import (
    ENV_TOKEN_ASSUMED_VALIDITY,
    SERVICE,
    Credentials,
    SecretStore,
    choose_backend,
    decode_token,
    token_item,
)
from pan123_gui.core.errors import CredentialsError, ErrorKind
from pan123_gui.core.keyring_problems import (
    WARNING_BROKEN,
    WARNING_NO_KEYRING,
    WARNING_NULL_KEYRING,
    WARNING_PLAINTEXT,
    KeyringError,
    KeyringFailure,
    MemoryReason,
)
from pan123_gui.core.models import AccessToken

NOW = datetime(2025, 3, 17, 8, 0, tzinfo=UTC)
CST_EXPIRY = datetime.fromisoformat("2025-04-16T15:48:37+08:00")


def _secret(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex}"


def _full_creds() -> Credentials:
    return Credentials(
        access_token=AccessToken(_secret("tok"), CST_EXPIRY),
        client_id=_secret("cid"),
        client_secret=_secret("csec"),
        sign_key=_secret("skey"),
    )


@pytest.fixture
def installed(request: pytest.FixtureRequest) -> Iterator[None]:
    """Restore keyring's backend after a test that installs its own."""
    old = keyring.get_keyring()
    try:
        yield
    finally:
        keyring.set_keyring(old)


# --- Credentials ---------------------------------------------------------------------------------------------------


def test_repr_never_shows_secrets() -> None:
    creds = _full_creds()
    assert creds.access_token is not None and creds.client_secret and creds.sign_key
    for text in (repr(creds), str(creds), f"{creds}", repr([creds])):
        assert creds.access_token.value not in text
        assert creds.client_secret not in text
        assert creds.sign_key not in text
        assert "<set" in text
    assert creds.client_id is not None and creds.client_id in repr(creds)  # an ID, not a secret


def test_is_empty_and_can_fetch_token() -> None:
    assert Credentials().is_empty
    assert Credentials(None, None, None, None).is_empty
    assert not Credentials(sign_key="k").is_empty
    assert Credentials(client_id="a", client_secret="b").can_fetch_token
    assert not Credentials(client_id="a").can_fetch_token
    assert not Credentials(client_id="a", client_secret="").can_fetch_token
    assert not Credentials(access_token=AccessToken("t", NOW)).can_fetch_token


def test_credentials_are_frozen() -> None:
    creds = Credentials(client_id="a")
    with pytest.raises(AttributeError):
        creds.client_id = "b"  # type: ignore[misc]


def test_decode_token_formats() -> None:
    tok = decode_token(json.dumps({"token": "abc", "expiredAt": "2025-03-23T15:48:37+08:00"}))
    assert tok == AccessToken("abc", datetime.fromisoformat("2025-03-23T15:48:37+08:00"))
    naive = decode_token(json.dumps({"token": "abc", "expiredAt": "2025-03-23T07:48:37"}))
    assert naive is not None and naive.expires_at == datetime(2025, 3, 23, 7, 48, 37, tzinfo=UTC)
    bare = decode_token("abc", now=NOW)
    assert bare == AccessToken("abc", NOW + ENV_TOKEN_ASSUMED_VALIDITY)
    for broken in ("", "{", '{"token": ""}', '{"token": 5, "expiredAt": "2025-01-01"}', '{"expiredAt": "x"}', "a b"):
        assert decode_token(broken) is None


# --- the real Secret Service ---------------------------------------------------------------------------------------


@pytest.mark.real_keyring
def test_open_uses_the_real_secret_service(secret_service: object) -> None:
    store = SecretStore.open()
    assert store.persistent
    assert store.warning is None
    assert store.backend_name == "SecretService"
    assert store.describe() == "OS keyring (SecretService)"


@pytest.mark.real_keyring
def test_save_load_clear_round_trip(secret_service: object) -> None:
    store = SecretStore.open()
    store.clear()
    creds = _full_creds()
    store.save(creds)
    again = SecretStore.open().load(env={})  # a new store: what a restarted app sees
    assert again == creds
    assert again.access_token is not None and again.access_token.expires_at == CST_EXPIRY
    # one item per value, the token as JSON keyed by the client ID
    assert keyring.get_password(SERVICE, "client_id") == creds.client_id
    raw = keyring.get_password(SERVICE, token_item(creds.client_id))
    assert raw is not None
    assert json.loads(raw) == {"token": creds.access_token.value, "expiredAt": "2025-04-16T15:48:37+08:00"}  # type: ignore[union-attr]
    store.clear()
    assert store.load(env={}) == Credentials()
    for name in ("client_id", "client_secret", "sign_key", "access_token", token_item(creds.client_id)):
        assert keyring.get_password(SERVICE, name) is None
    store.clear()  # nothing left to delete: still fine


@pytest.mark.real_keyring
def test_token_with_expiry_round_trips_per_client(secret_service: object) -> None:
    store = SecretStore.open()
    store.clear()
    store.save(Credentials(client_id="client-a", client_secret=_secret("s")))
    token = AccessToken(_secret("tok"), datetime(2025, 4, 1, 12, 0, 5, tzinfo=UTC))
    store.save_token("client-a", token)
    assert store.load(env={}).access_token == token
    # a token issued to another client is not used with client-a
    store.save_token("client-b", AccessToken(_secret("other"), NOW))
    assert store.load(env={}).access_token == token
    assert store.load(env={"PAN123_CLIENT_ID": "client-b"}).access_token == AccessToken(
        json.loads(keyring.get_password(SERVICE, token_item("client-b")) or "{}")["token"], NOW
    )
    keyring.delete_password(SERVICE, token_item("client-b"))
    store.clear()


@pytest.mark.real_keyring
def test_env_takes_precedence_over_the_keyring(secret_service: object) -> None:
    store = SecretStore.open()
    store.clear()
    stored = _full_creds()
    store.save(stored)
    env = {
        "PAN123_ACCESS_TOKEN": " env-token ",
        "PAN123_CLIENT_ID": "env-client",
        "PAN123_CLIENT_SECRET": "env-secret",
        "PAN123_SIGN_KEY": "env-key",
    }
    loaded = store.load(env=env, now=NOW)
    assert loaded == Credentials(
        AccessToken("env-token", NOW + timedelta(days=30)), "env-client", "env-secret", "env-key"
    )
    partial = store.load(env={"PAN123_SIGN_KEY": "env-key", "PAN123_CLIENT_SECRET": ""})
    assert partial.sign_key == "env-key"
    assert partial.client_id == stored.client_id
    assert partial.client_secret == stored.client_secret  # empty env values are ignored
    assert partial.access_token == stored.access_token
    store.clear()


@pytest.mark.real_keyring
def test_switching_to_token_only_removes_the_client_items(secret_service: object) -> None:
    store = SecretStore.open()
    store.clear()
    client = _full_creds()
    store.save(client)
    pasted = Credentials(access_token=AccessToken(_secret("pasted"), NOW), sign_key=None)
    store.save(pasted)
    assert store.load(env={}) == pasted
    assert keyring.get_password(SERVICE, token_item(client.client_id)) is None
    assert keyring.get_password(SERVICE, "client_secret") is None
    store.save(client)
    assert keyring.get_password(SERVICE, "access_token") is None
    store.clear()


@pytest.mark.real_keyring
def test_secrets_never_land_in_a_plain_file(secret_service: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    store = SecretStore.open()
    store.clear()
    creds = _full_creds()
    store.save(creds)
    store.save_token(creds.client_id, AccessToken(_secret("tok2"), NOW))
    assert SecretStore.open().load(env={}).client_secret == creds.client_secret
    roots = [p for p in tmp_path_factory.getbasetemp().iterdir() if p.name.startswith("secret-service")]
    assert roots, "the secret_service fixture's home was not found"
    files = [p for root in roots for p in root.rglob("*") if p.is_file()]
    assert any(p.parent.name == "keyrings" for p in files), "gnome-keyring wrote no keyring file to scan"
    assert creds.access_token is not None and creds.client_secret and creds.sign_key
    needles = [s.encode() for s in (creds.access_token.value, creds.client_secret, creds.sign_key)]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"a secret was written in clear to {path}"
    assert not (Path.home() / ".local/share/python_keyring").exists()
    store.clear()


@pytest.mark.real_keyring
def test_concurrent_token_saves_on_the_real_keyring(secret_service: object) -> None:
    store = SecretStore.open()
    store.clear()
    tokens = [AccessToken(f"t{i}-{uuid.uuid4().hex}", NOW) for i in range(8)]
    threads = [threading.Thread(target=store.save_token, args=("cid", t)) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    loaded = store.load(env={"PAN123_CLIENT_ID": "cid"}).access_token
    assert loaded in tokens
    store.clear()
    keyring.delete_password(SERVICE, token_item("cid"))


# --- memory fallback -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("backend", "reason", "warning"),
    [
        (fail.Keyring(), MemoryReason.NO_KEYRING, WARNING_NO_KEYRING),  # type: ignore[no-untyped-call]
        (null.Keyring(), MemoryReason.NULL_KEYRING, WARNING_NULL_KEYRING),  # type: ignore[no-untyped-call]
    ],
)
def test_no_usable_keyring_means_memory(
    installed: None, backend: KeyringBackend, reason: MemoryReason, warning: str
) -> None:
    keyring.set_keyring(backend)
    store = SecretStore.open()
    assert not store.persistent
    assert store.memory_reason is reason
    assert store.warning == warning
    assert store.backend_name == "memory"
    assert store.describe() == "memory only"
    creds = _full_creds()
    store.save(creds)
    assert store.load(env={}) == creds
    store.clear()
    assert store.load(env={}).is_empty
    assert SecretStore.open().load(env={}).is_empty  # nothing persisted


def test_no_keyring_warning_is_the_plain_sentence() -> None:
    assert WARNING_NO_KEYRING == "No system keyring is available; secrets are kept in memory for this run only."


class _Recording(KeyringBackend):
    """A keyring with a configurable failure, to check the error mapping and the lock."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, fail_with: Exception | None = None, *, fail_probe: bool = True, delay: float = 0.0) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[tuple[str, str], str] = {}
        self.fail_with = fail_with
        self.fail_probe = fail_probe
        self.delay = delay
        self.active = 0
        self.max_active = 0
        self.calls = 0
        self._count = threading.Lock()

    def _enter(self) -> None:
        with self._count:
            self.active += 1
            self.calls += 1
            self.max_active = max(self.max_active, self.active)
        if self.delay:
            time.sleep(self.delay)
        with self._count:
            self.active -= 1
        if self.fail_with is not None and (self.fail_probe or self.calls > 1):
            raise self.fail_with

    def get_password(self, service: str, username: str) -> str | None:
        self._enter()
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._enter()
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._enter()
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("No such password!")


def test_chainer_without_backends_means_memory(installed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [], raising=False)
    backend, why = choose_backend(chainer.ChainerBackend())  # type: ignore[no-untyped-call]
    assert backend is None and why is MemoryReason.NO_KEYRING


def test_chainer_with_a_real_backend_uses_that_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    real = _Recording()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [fail.Keyring(), real], raising=False)  # type: ignore[no-untyped-call]
    backend, why = choose_backend(chainer.ChainerBackend())  # type: ignore[no-untyped-call]
    assert backend is real and why is None


def test_plaintext_file_backend_is_never_used(installed: None) -> None:
    plain_cls = type("PlaintextKeyring", (_Recording,), {"__module__": "keyrings.alt.file"})
    plain = plain_cls()
    keyring.set_keyring(plain)
    store = SecretStore.open()
    assert not store.persistent and store.memory_reason is MemoryReason.PLAINTEXT
    assert store.warning == WARNING_PLAINTEXT
    store.save(_full_creds())
    assert plain.items == {}


def test_zero_priority_backend_is_not_used(installed: None) -> None:
    low_cls = type("Low", (_Recording,), {"priority": 0})
    keyring.set_keyring(low_cls())
    assert not SecretStore.open().persistent


def test_broken_keyring_at_open_means_memory(installed: None) -> None:
    keyring.set_keyring(_Recording(keyring.errors.InitError("Failed to create the collection: Prompt dismissed..")))
    store = SecretStore.open()
    assert not store.persistent
    assert store.memory_reason is MemoryReason.BROKEN and store.warning == WARNING_BROKEN


def test_locked_keyring_at_open_stays_the_keyring(installed: None) -> None:
    keyring.set_keyring(_Recording(keyring.errors.KeyringLocked("Failed to unlock the collection!")))
    store = SecretStore.open()
    assert store.persistent
    with pytest.raises(CredentialsError, match="locked"):
        store.load(env={})


@pytest.mark.parametrize(
    ("exc", "failure", "text"),
    [
        (
            keyring.errors.KeyringLocked("Failed to unlock the collection!"),
            KeyringFailure.LOCKED,
            "The system keyring is locked. Unlock it and try again.",
        ),
        (
            keyring.errors.InitError("Failed to create the collection"),
            KeyringFailure.INIT_FAILED,
            "The system keyring could not be opened.",
        ),
        (
            keyring.errors.NoKeyringError("No recommended backend"),
            KeyringFailure.MISSING,
            "No system keyring is available.",
        ),
        (
            keyring.errors.PasswordSetError("Failed to save"),
            KeyringFailure.REFUSED_SAVE,
            "The system keyring refused to save the secret.",
        ),
        (
            RuntimeError("dbus went away"),
            KeyringFailure.OTHER,
            "The system keyring reported an error (RuntimeError).",
        ),
    ],
)
def test_keyring_errors_become_plain_credentials_errors(exc: Exception, failure: KeyringFailure, text: str) -> None:
    backend = _Recording(exc, fail_probe=False)
    store = SecretStore(backend)
    creds = _full_creds()
    assert creds.client_secret is not None
    for action in (lambda: store.load(env={}), store.clear):
        backend.calls = 1  # the next call fails
        with pytest.raises(CredentialsError) as info:
            action()
        assert str(info.value).startswith(text)
        assert isinstance(info.value, KeyringError) and info.value.failure is failure  # the reason, as a field
        assert info.value.kind is ErrorKind.CREDENTIALS
        assert creds.client_secret not in str(info.value)
        assert info.value.__cause__ is None and info.value.__suppress_context__


def test_secret_in_a_backend_error_message_is_not_repeated() -> None:
    secret = _secret("leak")
    backend = _Recording(keyring.errors.PasswordSetError(f"could not store {secret}"), fail_probe=False)
    store = SecretStore(backend)
    backend.calls = 1
    store.save_token("cid", AccessToken(secret, NOW))  # refused: kept for the run, with a note
    assert store.notes and all(secret not in note for note in store.notes)
    backend.fail_with = keyring.errors.KeyringLocked(f"locked while holding {secret}")
    with pytest.raises(CredentialsError) as info:
        store.load(env={})
    assert secret not in str(info.value)
    assert secret not in repr(info.value)


def test_clear_ignores_missing_items(memory_keyring: object) -> None:
    store = SecretStore.open()
    assert store.persistent
    store.clear()
    store.save(Credentials(sign_key="k"))
    store.clear()
    assert store.load(env={}).is_empty


def test_env_alone_does_not_touch_the_keyring(installed: None) -> None:
    backend = _Recording(keyring.errors.KeyringLocked("locked"), fail_probe=False)
    store = SecretStore(backend)
    backend.calls = 1
    env = {"PAN123_ACCESS_TOKEN": "t", "PAN123_CLIENT_ID": "c", "PAN123_CLIENT_SECRET": "s", "PAN123_SIGN_KEY": "k"}
    assert store.load(env=env, now=NOW) == Credentials(
        AccessToken("t", NOW + ENV_TOKEN_ASSUMED_VALIDITY), "c", "s", "k"
    )


def test_env_token_without_client_id_and_default_env(monkeypatch: pytest.MonkeyPatch) -> None:
    store = SecretStore.memory()
    monkeypatch.setenv("PAN123_ACCESS_TOKEN", "from-env")
    before = datetime.now(UTC)
    loaded = store.load()
    assert loaded.access_token is not None and loaded.access_token.value == "from-env"
    assert loaded.access_token.expires_at >= before + ENV_TOKEN_ASSUMED_VALIDITY
    assert not loaded.can_fetch_token


def test_values_are_stripped_when_saved() -> None:
    store = SecretStore.memory()
    store.save(Credentials(client_id=" cid\n", client_secret="\tsec ", sign_key="  "))
    assert store.load(env={}) == Credentials(client_id="cid", client_secret="sec", sign_key=None)


def test_keyring_calls_are_serialised(installed: None) -> None:
    backend = _Recording(delay=0.002)
    store = SecretStore(backend)
    start = threading.Barrier(8)

    def work(i: int) -> None:
        start.wait()
        for _ in range(5):
            store.save_token(f"c{i}", AccessToken(f"t{i}", NOW))
            store.load(env={"PAN123_CLIENT_ID": f"c{i}"})

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert backend.max_active == 1
    assert backend.calls >= 8 * 5 * 2


def test_memory_store_and_repr() -> None:
    store = SecretStore.memory(MemoryReason.BROKEN)
    assert not store.persistent and store.memory_reason is MemoryReason.BROKEN and store.warning == WARNING_BROKEN
    assert SecretStore.memory().memory_reason is None and SecretStore.memory().warning is None
    assert repr(store) == "SecretStore(memory only)"
