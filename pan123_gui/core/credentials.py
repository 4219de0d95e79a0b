"""Credentials and where they live: the OS keyring (``keyring``), or memory when there is no usable keyring.

Items (service ``pan123-gui``, one username per item):

* ``client_id``, ``client_secret``, ``sign_key``: the plain value.
* ``access_token:<client_id>`` (or ``access_token`` when the token was pasted without a client ID): JSON
  ``{"token": "...", "expiredAt": "<ISO 8601>"}``, so a token is only reused with the client it was issued to.

Environment variables take precedence over stored values: ``PAN123_ACCESS_TOKEN``, ``PAN123_CLIENT_ID``,
``PAN123_CLIENT_SECRET``, ``PAN123_SIGN_KEY`` (empty ones are ignored). An access token from the environment has no
known expiry; it is assumed to last :data:`ENV_TOKEN_ASSUMED_VALIDITY` (30 days, 123pan's token lifetime) from the
moment it is loaded. When the environment holds a token (or a client ID and secret) the keyring is not needed: it is
read only for what the environment lacks (the signing key, a saved token of that client), and a keyring that is
locked, broken or stuck then only adds a note (:attr:`SecretStore.notes`) instead of stopping the run.

A keyring that misbehaves cannot hang or break a run: every keyring call runs on a daemon thread and is given up
after :data:`KEYRING_TIMEOUT` seconds (:attr:`KeyringFailure.NO_ANSWER`; later calls fail at once until it answers);
values of the wrong type, far too long, or with control characters are rejected with a plain note; a stored token
that cannot be read is removed with a note; a save the keyring refuses keeps the secrets in memory for this run and
says so (:meth:`SecretStore.save` returns the note; :attr:`memory_reason` becomes ``SAVE_REFUSED``).

Secrets never appear in a repr, an exception message or a log line. Backends that would write a plain file
(``keyrings.alt``) are never used: the store falls back to memory instead and says why in
:attr:`SecretStore.memory_reason` (an enum the window words; :attr:`SecretStore.warning` says the same in plain
English for the CLI and the log). A failed keyring call raises :class:`KeyringError`, whose ``failure`` says why.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from pan123_gui.core.errors import CredentialsError
from pan123_gui.core.expiry import read_expiry
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

NOTE_TOKEN_NOT_SAVED = "The system keyring refused to save the new access token; it is used for this run only."
NOTE_BAD_TOKEN = "A saved access token could not be read; it was removed (a new one is fetched when needed)."

#: Seconds a keyring call may take (an unlock prompt included) before the store gives up on it.
KEYRING_TIMEOUT: float = 30.0
#: The longest value accepted from the keyring or the environment, per item (real ones are far shorter).
MAX_LENGTH: Final = {"client ID": 256, "client secret": 1024, "URL-signing key": 1024, "access token": 8192}
_MAX_STORED_TOKEN = 16384  # the JSON holding a token and its expiry


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
    """Read a stored token; a bare token string (no JSON) gets the assumed 30-day validity. None if unusable
    (not JSON, nested too deep, another layout, a token with control characters, an expiry out of range)."""
    text = text.strip()
    if not text or len(text) > _MAX_STORED_TOKEN:
        return None
    if not text.startswith("{"):
        if _problem(text, "access token") is not None:
            return None
        return AccessToken(text, (now or datetime.now(UTC)) + ENV_TOKEN_ASSUMED_VALIDITY)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    value, expires = data.get("token"), read_expiry(data.get("expiredAt"), naive_zone=UTC)
    if not isinstance(value, str) or expires is None or _problem(value, "access token") is not None:
        return None
    return AccessToken(value, expires)


def _problem(value: str, what: str) -> str | None:
    """Why ``value`` cannot be a ``what`` (too long, control characters, spaces inside an ID or token), or None."""
    if len(value) > MAX_LENGTH.get(what, 1024):
        return f"the saved {what} is far too long ({len(value):,} characters)"
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in value):
        return f"the saved {what} contains control characters (such as a line break)"
    if what in ("client ID", "access token") and any(ch.isspace() for ch in value):
        return f"the saved {what} contains spaces"
    return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _from_env(env: Mapping[str, str], name: str, what: str) -> str | None:
    """An environment value, checked like a keyring value (a bad one is a plain CredentialsError)."""
    value = _clean(env.get(name))
    if value is not None:
        problem = _problem(value, what)
        if problem is not None:
            raise CredentialsError(f"{name} is unusable: {problem.replace('the saved ', 'the ')}.")
    return value


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


# --- keyring calls with a deadline ------------------------------------------------------------------------------------

_ITEM_WHAT = {ITEM_CLIENT_ID: "client ID", ITEM_CLIENT_SECRET: "client secret", ITEM_SIGN_KEY: "URL-signing key"}


def _probe(service: str) -> tuple[KeyringBackend | None, MemoryReason | None]:
    """Choose the backend and read once: a broken one gives memory (a locked one stays: it can be unlocked)."""
    backend, why = choose_backend(keyring.get_keyring())
    if backend is None:
        return None, why
    try:
        with _KEYRING_LOCK:
            backend.get_password(service, ITEM_CLIENT_ID)
    except keyring.errors.KeyringLocked:
        pass
    except Exception as exc:
        log.warning("the keyring %s does not work (%s); using memory", _backend_label(backend), type(exc).__name__)
        return None, MemoryReason.BROKEN
    return backend, None


def _with_deadline(
    fn: Callable[[], _T],
    timeout: float,
    *,
    locked: bool = False,
    on_timeout: Callable[[threading.Event], None] | None = None,
) -> _T:
    """``fn()`` on a daemon thread (holding the keyring lock when ``locked``); TimeoutError after ``timeout`` s.

    A call that does not return stays behind on its daemon thread; ``on_timeout`` gets the event it sets when it
    finally does (so later calls can fail at once meanwhile)."""
    done = threading.Event()
    box: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            if locked:
                with _KEYRING_LOCK:
                    box.append((True, fn()))
            else:
                box.append((True, fn()))
        except BaseException as exc:  # handed to the waiting thread
            box.append((False, exc))
        finally:
            done.set()

    threading.Thread(target=run, name="pan123-keyring", daemon=True).start()
    if not done.wait(timeout):
        if on_timeout is not None:
            on_timeout(done)
        raise TimeoutError("keyring call timed out")
    ok, value = box[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


# --- the store -----------------------------------------------------------------------------------------------------


class SecretStore:
    """Reads and writes the app's secrets. Use :meth:`open` (real keyring when usable) or :meth:`memory`."""

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        reason: MemoryReason | None = None,
        service: str = SERVICE,
        timeout: float | None = None,
    ) -> None:
        self._backend: Any = backend if backend is not None else _MemoryItems()
        self.persistent: bool = backend is not None
        self.backend_name: str = _backend_label(backend) if backend is not None else "memory"
        self.memory_reason: MemoryReason | None = reason if backend is None else None
        self.service = service
        self.timeout = timeout if timeout is not None else KEYRING_TIMEOUT
        self.notes: list[str] = []  # plain English, each once: what was rejected, discarded or not saved
        self._stuck: threading.Event | None = None  # set when the keyring call that timed out finally returns

    @property
    def warning(self) -> str | None:
        """Why secrets are kept in memory only, in plain English (CLI, log); None when the keyring is used."""
        return MEMORY_WARNINGS[self.memory_reason] if self.memory_reason is not None else None

    @classmethod
    def open(cls, *, service: str = SERVICE, timeout: float | None = None) -> SecretStore:
        """The OS keyring when ``keyring.get_keyring()`` gives a usable one, else memory with :attr:`warning` set.

        Choosing the backend and one probe read (a broken keyring gives memory; a locked one stays: it can be
        unlocked later) run with the keyring timeout: a keyring that does not answer gives a memory store
        (``MemoryReason.NO_ANSWER``) instead of a hang."""
        limit = timeout if timeout is not None else KEYRING_TIMEOUT
        try:
            backend, why = _with_deadline(lambda: _probe(service), limit)
        except TimeoutError:
            log.warning("the keyring did not answer within %.0f s; using memory", limit)
            return cls(None, reason=MemoryReason.NO_ANSWER, service=service, timeout=timeout)
        except Exception as exc:  # whatever the backend raised: memory, and say why
            log.warning("no keyring backend could be loaded (%s)", type(exc).__name__)
            return cls(None, reason=MemoryReason.NO_KEYRING, service=service, timeout=timeout)
        if backend is None:
            log.info("secrets are kept in memory: %s", why)
            return cls(None, reason=why, service=service, timeout=timeout)
        return cls(backend, service=service, timeout=timeout)

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
        """``fn()`` against the backend: serialised, on a daemon thread, given up after :attr:`timeout` seconds."""
        if not self.persistent:
            return fn()  # memory: nothing can block
        stuck = self._stuck
        if stuck is not None and not stuck.is_set():
            raise KeyringError(KeyringFailure.NO_ANSWER)
        try:
            return _with_deadline(fn, self.timeout, locked=True, on_timeout=self._mark_stuck)
        except TimeoutError:
            log.warning("the keyring did not answer within %.0f s", self.timeout)
            raise KeyringError(KeyringFailure.NO_ANSWER) from None
        except Exception as exc:
            log.warning("keyring call failed: %s", type(exc).__name__)
            raise _keyring_error(exc) from None

    def _mark_stuck(self, done: threading.Event) -> None:
        self._stuck = done

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)
            log.warning("%s", text)

    def _get(self, name: str, what: str = "") -> str | None:
        value = self._call(lambda: self._backend.get_password(self.service, name))
        if value is None or value == "":
            return None
        label = what or ("access token" if name.startswith(ITEM_TOKEN) else _ITEM_WHAT.get(name, "secret"))
        if not isinstance(value, str):
            self._note(f"The keyring returned something unusable for the {label} ({type(value).__name__}); ignored.")
            return None
        if name.startswith(ITEM_TOKEN):
            return value
        problem = _problem(value.strip(), label)
        if problem is not None:
            self._note(f"The keyring's {problem.removeprefix('the saved ')}; it is ignored — enter it again.")
            return None
        return value

    def _set(self, name: str, value: str) -> None:
        self._call(lambda: self._backend.set_password(self.service, name, value))

    def _delete(self, name: str) -> None:
        def delete() -> bool:
            try:
                self._backend.delete_password(self.service, name)
            except keyring.errors.PasswordDeleteError:
                return False  # usually "no such item": fine if it is really gone
            return True

        if self._call(delete):
            return
        if self._get(name) is not None:
            raise KeyringError(KeyringFailure.REFUSED_DELETE)

    def _put(self, name: str, value: str | None) -> None:
        if value:
            self._set(name, value)
        else:
            self._delete(name)

    # -- public -------------------------------------------------------------------------------------------------

    def load(
        self, env: Mapping[str, str] | None = None, *, now: datetime | None = None, sign_key: bool = True
    ) -> Credentials:
        """Stored credentials with environment overrides (``env`` defaults to ``os.environ``).

        When the environment holds a token, or a client ID and secret, the keyring is only asked for what it lacks
        (the signing key unless ``sign_key`` is False; a saved token of that client), and any keyring failure then
        becomes a note. Otherwise keyring failures raise :class:`CredentialsError`."""
        env = os.environ if env is None else env
        env_id = _from_env(env, ENV_CLIENT_ID, "client ID")
        env_secret = _from_env(env, ENV_CLIENT_SECRET, "client secret")
        env_key = _from_env(env, ENV_SIGN_KEY, "URL-signing key")
        env_token = _from_env(env, ENV_ACCESS_TOKEN, "access token")
        from_env = env_token is not None or bool(env_id and env_secret)
        get = self._get_quietly if from_env else self._get
        if from_env:
            client_id, client_secret = env_id, env_secret
        else:
            client_id = env_id or self._get(ITEM_CLIENT_ID)
            client_secret = env_secret or self._get(ITEM_CLIENT_SECRET)
        key = env_key or (get(ITEM_SIGN_KEY) if sign_key else None)
        token: AccessToken | None
        if env_token is not None:
            token = AccessToken(env_token, (now or datetime.now(UTC)) + ENV_TOKEN_ASSUMED_VALIDITY)
        else:
            item = token_item(client_id)
            stored = get(item)
            token = decode_token(stored, now=now) if stored is not None else None
            if stored is not None and token is None:
                self._note(NOTE_BAD_TOKEN)
                with contextlib.suppress(CredentialsError):  # else it stays, ignored
                    self._delete(item)
        return Credentials(access_token=token, client_id=client_id, client_secret=client_secret, sign_key=key)

    def _get_quietly(self, name: str, what: str = "") -> str | None:
        """:meth:`_get`, with a keyring failure noted instead of raised (the environment has what the run needs)."""
        try:
            return self._get(name, what)
        except CredentialsError as err:
            self._note(f"{err.message} Using the credentials from the environment.")
            return None

    def save(self, creds: Credentials) -> str | None:
        """Store exactly ``creds``: a missing field deletes its item; the token goes under ``creds.client_id``.

        When the keyring refuses (any failure), the secrets are kept in memory for this run instead: later
        :meth:`load` calls return them, :attr:`persistent` turns False, :attr:`memory_reason` is ``SAVE_REFUSED``
        and the returned note (also :attr:`warning`) says so. None when saved in the keyring."""
        try:
            self._save(creds)
        except CredentialsError as err:
            log.warning("the keyring refused the save (%s); keeping the secrets in memory", err.message)
            self._keep_in_memory()
            self._save(creds)
            self.memory_reason = MemoryReason.SAVE_REFUSED
            return self.warning
        return None

    def _keep_in_memory(self) -> None:
        self._backend = _MemoryItems()
        self.persistent = False
        self.backend_name = "memory"
        self._stuck = None

    def _save(self, creds: Credentials) -> None:
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
        """Store a (newly fetched) access token with its expiry, for ``client_id``. When the keyring refuses, the
        token is kept in memory for this run (the credentials already loaded stay as they are) with a note."""
        try:
            self._set(token_item(_clean(client_id)), encode_token(token))
        except CredentialsError:
            self._note(NOTE_TOKEN_NOT_SAVED)

    def clear(self) -> None:
        """Sign out: delete every item this app stores (missing ones are fine)."""
        names = {ITEM_CLIENT_ID, ITEM_CLIENT_SECRET, ITEM_SIGN_KEY, token_item(None)}
        stored_id = self._get(ITEM_CLIENT_ID)
        env_id = _clean(os.environ.get(ENV_CLIENT_ID))
        names.update(token_item(cid) for cid in (stored_id, env_id) if cid)
        for name in sorted(names):
            self._delete(name)
