"""Credentials and where they live: the OS keyring (``keyring``), or memory when there is no usable keyring.

Items (service ``pan123-gui``, one username per item):

* ``client_id``, ``client_secret``, ``sign_key``: the plain value.
* ``access_token:<client_id>`` (or ``access_token`` when the token was pasted without a client ID): JSON
  ``{"token": "...", "expiredAt": "<ISO 8601>"}``, so a token is only reused with the client it was issued to.

Environment variables take precedence over stored values: ``PAN123_ACCESS_TOKEN``, ``PAN123_CLIENT_ID``,
``PAN123_CLIENT_SECRET``, ``PAN123_SIGN_KEY`` (empty ones are ignored). An access token from the environment has no
known expiry; it is assumed to last :data:`ENV_TOKEN_ASSUMED_VALIDITY` (30 days, 123pan's token lifetime) from the
moment it is loaded. When a value comes from the environment the keyring is not read for it at all.

Secrets never appear in a repr, an exception message or a log line. Backends that would write a plain file
(``keyrings.alt``) are never used: the store falls back to memory instead and says why in
:attr:`SecretStore.memory_reason` (an enum the window words; :attr:`SecretStore.warning` says the same in plain
English for the CLI and the log). A failed keyring call raises :class:`KeyringError`, whose ``failure`` says why.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from pan123_gui.core.keyring_problems import (
    MEMORY_WARNINGS,
    KeyringError,
    KeyringFailure,
    MemoryReason,
)
from pan123_gui.core.models import TOKEN_LIFETIME, AccessToken

log = logging.getLogger(__name__)

SERVICE = "pan123-gui"
ENV_ACCESS_TOKEN = "PAN123_ACCESS_TOKEN"
ENV_CLIENT_ID = "PAN123_CLIENT_ID"
ENV_CLIENT_SECRET = "PAN123_CLIENT_SECRET"
ENV_SIGN_KEY = "PAN123_SIGN_KEY"
ENV_NAMES = (ENV_ACCESS_TOKEN, ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_SIGN_KEY)
ENV_TOKEN_ASSUMED_VALIDITY = TOKEN_LIFETIME

ITEM_CLIENT_ID = "client_id"
ITEM_CLIENT_SECRET = "client_secret"
ITEM_SIGN_KEY = "sign_key"
ITEM_TOKEN = "access_token"


# keyring backends are not documented as thread-safe (Secret Service opens a D-Bus connection per call): one lock
# for every store in the process.
_KEYRING_LOCK = threading.RLock()
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Credentials:
    """What the app signs in with. Any field may be missing; ``repr`` never shows a secret."""

    access_token: AccessToken | None = field(default=None, repr=False)
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    sign_key: str | None = field(default=None, repr=False)

    @property
    def is_empty(self) -> bool:
        return not (self.access_token or self.client_id or self.client_secret or self.sign_key)

    @property
    def can_fetch_token(self) -> bool:
        """True when a new access token can be fetched (client ID and client secret are both set)."""
        return bool(self.client_id and self.client_secret)

    def __repr__(self) -> str:
        def mark(value: object) -> str:
            return "<set>" if value else "None"

        token = (
            f"<set, expires {self.access_token.expires_at.isoformat()}>" if self.access_token is not None else "None"
        )
        return (
            f"Credentials(access_token={token}, client_id={self.client_id!r}, "
            f"client_secret={mark(self.client_secret)}, sign_key={mark(self.sign_key)})"
        )

    __str__ = __repr__


def token_item(client_id: str | None) -> str:
    """Keyring username of the access token issued to ``client_id`` (``access_token`` when unknown)."""
    return f"{ITEM_TOKEN}:{client_id}" if client_id else ITEM_TOKEN


def encode_token(token: AccessToken) -> str:
    return json.dumps({"token": token.value, "expiredAt": token.expires_at.isoformat()})


def decode_token(text: str, *, now: datetime | None = None) -> AccessToken | None:
    """Read a stored token; a bare token string (no JSON) gets the assumed 30-day validity. None if unusable."""
    text = text.strip()
    if not text:
        return None
    if not text.startswith("{"):
        if any(ch.isspace() for ch in text):
            return None
        return AccessToken(text, (now or datetime.now(UTC)) + ENV_TOKEN_ASSUMED_VALIDITY)
    try:
        data = json.loads(text)
        value = data["token"]
        expires = datetime.fromisoformat(data["expiredAt"])
    except (ValueError, KeyError, TypeError):
        log.warning("a stored access token could not be read; it is ignored")
        return None
    if not isinstance(value, str) or not value:
        return None
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    return AccessToken(value, expires)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


# --- error mapping -------------------------------------------------------------------------------------------------


def _keyring_error(exc: BaseException) -> KeyringError:
    """A :class:`KeyringError` for a keyring failure; the original text is never copied (no secrets)."""
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringError(KeyringFailure.LOCKED)
    if isinstance(exc, keyring.errors.NoKeyringError):
        return KeyringError(KeyringFailure.MISSING)
    if isinstance(exc, keyring.errors.InitError):
        return KeyringError(KeyringFailure.INIT_FAILED)
    if isinstance(exc, keyring.errors.PasswordSetError):
        return KeyringError(KeyringFailure.REFUSED_SAVE)
    if isinstance(exc, keyring.errors.PasswordDeleteError):
        return KeyringError(KeyringFailure.REFUSED_DELETE)
    return KeyringError(KeyringFailure.OTHER, type(exc).__name__)


# --- backends ------------------------------------------------------------------------------------------------------


def _backend_label(backend: KeyringBackend) -> str:
    return type(backend).__module__.rsplit(".", 1)[-1]


def _is_plaintext(backend: KeyringBackend) -> bool:
    # keyrings.alt backends write files (plaintext, or encrypted with a password prompt on stdin): never use them.
    return type(backend).__module__.startswith("keyrings.alt")


def _priority(backend: KeyringBackend) -> float:
    try:
        return float(backend.priority)
    except Exception:  # SecretService raises RuntimeError when there is no D-Bus session
        return -1.0


def choose_backend(backend: KeyringBackend) -> tuple[KeyringBackend | None, MemoryReason | None]:
    """(usable backend, None) or (None, why not) for what ``keyring.get_keyring()`` returned."""
    if isinstance(backend, fail.Keyring):
        return None, MemoryReason.NO_KEYRING
    if isinstance(backend, null.Keyring):
        return None, MemoryReason.NULL_KEYRING
    if isinstance(backend, chainer.ChainerBackend):
        try:
            chained = list(backend.backends)
        except Exception:
            chained = []
        candidates = [b for b in chained if not isinstance(b, fail.Keyring | null.Keyring) and _priority(b) > 0]
        safe = [b for b in candidates if not _is_plaintext(b)]
        if not safe:
            return None, MemoryReason.PLAINTEXT if candidates else MemoryReason.NO_KEYRING
        return max(safe, key=_priority), None  # the chainer would fall through to a plain file: pick one ourselves
    if _is_plaintext(backend):
        return None, MemoryReason.PLAINTEXT
    if _priority(backend) <= 0:
        return None, MemoryReason.NO_KEYRING
    return backend, None


class _MemoryItems:
    """The in-memory stand-in: same three calls as a keyring backend, for one process run."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[f"{service}\0{username}"] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop(f"{service}\0{username}", None)


# --- the store -----------------------------------------------------------------------------------------------------


class SecretStore:
    """Reads and writes the app's secrets. Use :meth:`open` (real keyring when usable) or :meth:`memory`."""

    def __init__(
        self, backend: KeyringBackend | None = None, *, reason: MemoryReason | None = None, service: str = SERVICE
    ) -> None:
        self._backend: Any = backend if backend is not None else _MemoryItems()
        self.persistent: bool = backend is not None
        self.backend_name: str = _backend_label(backend) if backend is not None else "memory"
        self.memory_reason: MemoryReason | None = reason if backend is None else None
        self.service = service

    @property
    def warning(self) -> str | None:
        """Why secrets are kept in memory only, in plain English (CLI, log); None when the keyring is used."""
        return MEMORY_WARNINGS[self.memory_reason] if self.memory_reason is not None else None

    @classmethod
    def open(cls, *, service: str = SERVICE) -> SecretStore:
        """The OS keyring when ``keyring.get_keyring()`` gives a usable one, else memory with :attr:`warning` set."""
        try:
            current = keyring.get_keyring()
        except Exception as exc:
            log.warning("no keyring backend could be loaded (%s)", type(exc).__name__)
            return cls(None, reason=MemoryReason.NO_KEYRING, service=service)
        backend, why = choose_backend(current)
        if backend is None:
            log.info("secrets are kept in memory: %s", why)
            return cls(None, reason=why, service=service)
        try:  # one read tells a working keyring from a broken one (a locked one stays: it can be unlocked later)
            with _KEYRING_LOCK:
                backend.get_password(service, ITEM_CLIENT_ID)
        except keyring.errors.KeyringLocked:
            pass
        except Exception as exc:
            log.warning("the keyring %s does not work (%s); using memory", _backend_label(backend), type(exc).__name__)
            return cls(None, reason=MemoryReason.BROKEN, service=service)
        return cls(backend, service=service)

    @classmethod
    def memory(cls, reason: MemoryReason | None = None, *, service: str = SERVICE) -> SecretStore:
        """A store that never touches the OS keyring (demo mode, tests)."""
        return cls(None, reason=reason, service=service)

    def describe(self) -> str:
        return f"OS keyring ({self.backend_name})" if self.persistent else "memory only"

    def __repr__(self) -> str:
        return f"SecretStore({self.describe()})"

    # -- low level ----------------------------------------------------------------------------------------------

    def _call(self, fn: Callable[[], _T]) -> _T:
        with _KEYRING_LOCK:
            try:
                return fn()
            except Exception as exc:
                log.warning("keyring call failed: %s", type(exc).__name__)
                raise _keyring_error(exc) from None

    def _get(self, name: str) -> str | None:
        value = self._call(lambda: self._backend.get_password(self.service, name))
        return value if isinstance(value, str) and value else None

    def _set(self, name: str, value: str) -> None:
        self._call(lambda: self._backend.set_password(self.service, name, value))

    def _delete(self, name: str) -> None:
        with _KEYRING_LOCK:
            try:
                self._backend.delete_password(self.service, name)
                return
            except keyring.errors.PasswordDeleteError:
                pass  # usually "no such item": fine if it is really gone
            except Exception as exc:
                raise _keyring_error(exc) from None
            if self._get(name) is not None:
                raise KeyringError(KeyringFailure.REFUSED_DELETE)

    def _put(self, name: str, value: str | None) -> None:
        if value:
            self._set(name, value)
        else:
            self._delete(name)

    # -- public -------------------------------------------------------------------------------------------------

    def load(self, env: Mapping[str, str] | None = None, *, now: datetime | None = None) -> Credentials:
        """Stored credentials with environment overrides (``env`` defaults to ``os.environ``)."""
        env = os.environ if env is None else env
        client_id = _clean(env.get(ENV_CLIENT_ID)) or self._get(ITEM_CLIENT_ID)
        client_secret = _clean(env.get(ENV_CLIENT_SECRET)) or self._get(ITEM_CLIENT_SECRET)
        sign_key = _clean(env.get(ENV_SIGN_KEY)) or self._get(ITEM_SIGN_KEY)
        env_token = _clean(env.get(ENV_ACCESS_TOKEN))
        token: AccessToken | None
        if env_token is not None:
            token = AccessToken(env_token, (now or datetime.now(UTC)) + ENV_TOKEN_ASSUMED_VALIDITY)
        else:
            stored = self._get(token_item(client_id))
            token = decode_token(stored, now=now) if stored is not None else None
        return Credentials(access_token=token, client_id=client_id, client_secret=client_secret, sign_key=sign_key)

    def save(self, creds: Credentials) -> None:
        """Store exactly ``creds``: a missing field deletes its item; the token goes under ``creds.client_id``."""
        client_id = _clean(creds.client_id)
        previous_id = self._get(ITEM_CLIENT_ID)
        self._put(ITEM_CLIENT_ID, client_id)
        self._put(ITEM_CLIENT_SECRET, _clean(creds.client_secret))
        self._put(ITEM_SIGN_KEY, _clean(creds.sign_key))
        stale = {token_item(None), token_item(previous_id)} - {token_item(client_id)}
        for name in sorted(stale):
            self._delete(name)
        if creds.access_token is not None:
            self.save_token(client_id, creds.access_token)
        else:
            self._delete(token_item(client_id))

    def save_token(self, client_id: str | None, token: AccessToken) -> None:
        """Store a (newly fetched) access token with its expiry, for ``client_id``."""
        self._set(token_item(_clean(client_id)), encode_token(token))

    def clear(self) -> None:
        """Sign out: delete every item this app stores (missing ones are fine)."""
        names = {ITEM_CLIENT_ID, ITEM_CLIENT_SECRET, ITEM_SIGN_KEY, token_item(None)}
        stored_id = self._get(ITEM_CLIENT_ID)
        env_id = _clean(os.environ.get(ENV_CLIENT_ID))
        names.update(token_item(cid) for cid in (stored_id, env_id) if cid)
        for name in sorted(names):
            self._delete(name)
