"""Access tokens: fetch one with client credentials, keep it until shortly before it expires, refresh once.

The open platform allows only 3 live tokens per client ID (issuing more kicks others offline), so a token is
fetched only when there is none, when it is within ``refresh_margin`` of ``expiredAt``, or after the API
rejected it — never per run or per request. Refreshes are single-flight: one lock, and a thread that saw a 401
with a token that another thread has already replaced just takes the new token.

Tokens never storm:

* a token that arrives already expired (or within the margin) is used until the server refuses it, not fetched
  again on every request;
* when the token fetched after a 401 is refused too (before the server accepted it once), or the token fetch itself
  is refused, the credentials are refused: every later request of the run fails at once with
  :class:`CredentialsRefusedError` and no further token is fetched — one refresh per run; :meth:`TokenManager.begin_run`
  (called by the resolver) gives the next run its one chance. A pasted token the server refused is refused the same
  way;
* an ``expiredAt`` that cannot be read (another type, no date, year 1, out of range) does not fail the fetch — the
  token was issued — it is kept with the assumed 30-day lifetime, and the server decides.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pan123_gui.core._http import call_api, httpx
from pan123_gui.core.endpoints import ACCESS_TOKEN_PATH
from pan123_gui.core.errors import AuthError, CredentialsError, MalformedResponseError, Pan123Error
from pan123_gui.core.expiry import aware, read_expiry
from pan123_gui.core.models import TOKEN_LIFETIME, AccessToken

__all__ = ["CredentialsRefusedError", "TokenManager", "fetch_access_token", "parse_expired_at"]

log = logging.getLogger(__name__)

_FAILED_REFRESH_MEMORY = 5.0  # seconds a failed 401-refresh is remembered, so waiting threads do not repeat it
_PROACTIVE_RETRY_PAUSE = 60.0  # seconds between early-refresh attempts while the old token still works


class CredentialsRefusedError(AuthError):
    """The API refuses these credentials: a fresh token was refused too, or the token fetch itself was. Raised at
    once for every later request, without asking the API (no token storm)."""

    def __init__(
        self,
        message: str = "The API refuses the access tokens of these credentials; check the client ID and secret, "
        "or enter a new token",
        **kw: object,
    ) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]


def parse_expired_at(value: object, *, now: datetime | None = None) -> datetime:
    """``expiredAt`` (RFC 3339, e.g. ``2025-03-23T15:48:37+08:00``) as an aware datetime; anything unusable (missing,
    another type, out of range) gives the assumed 30-day lifetime from ``now`` — the server decides then."""
    when = read_expiry(value)
    if when is None:
        log.warning("The token answer's expiredAt is unusable; assuming the usual %d days", TOKEN_LIFETIME.days)
        return (now or datetime.now(UTC)) + TOKEN_LIFETIME
    return when


def fetch_access_token(http: httpx.Client, client_id: str, client_secret: str) -> AccessToken:
    """One ``POST /api/v1/access_token`` with ``{"clientID", "clientSecret"}`` (no retry here)."""
    data = call_api(http, "POST", ACCESS_TOKEN_PATH, json_body={"clientID": client_id, "clientSecret": client_secret})
    if not isinstance(data, dict):
        raise MalformedResponseError("The token answer has no data")
    value = data.get("accessToken")
    if not isinstance(value, str) or not value.strip():
        raise MalformedResponseError("The token answer has no accessToken")
    return AccessToken(value=value.strip(), expires_at=parse_expired_at(data.get("expiredAt")))


def _utcnow() -> datetime:
    return datetime.now(UTC)


class TokenManager:
    """Hands out a valid token; refreshes early (``refresh_margin``) or after a 401, one refresh at a time.

    ``fetch`` is ``None`` for a pasted token without client credentials: such a token is never refreshed
    (and not judged by its local expiry either — the server decides), and a 401 becomes :class:`AuthError`.
    """

    def __init__(
        self,
        *,
        token: AccessToken | None,
        fetch: Callable[[], AccessToken] | None,
        on_new_token: Callable[[AccessToken], None] | None = None,
        refresh_margin: timedelta = timedelta(hours=1),
        now: Callable[[], datetime] = _utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._token = _normalized(token)
        self._fetch = fetch
        self._on_new_token = on_new_token
        self._margin = refresh_margin
        self._now = now
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._failed: tuple[str | None, float, Pan123Error] | None = None  # (token being replaced, when, error)
        self._proactive_pause_until = 0.0
        self._server_judges = False  # the token arrived already due: used until the server refuses it
        self._unconfirmed: str | None = None  # a token fetched after a 401, not yet accepted by the server
        self._refused: CredentialsRefusedError | None = None  # set once: the server refuses these credentials
        self.refresh_count = 0  # tokens fetched by this manager (diagnostics, tests)

    def __repr__(self) -> str:
        state = "none" if self._token is None else f"expires {self._token.expires_at.isoformat()}"
        return f"TokenManager(token={state}, can_refresh={self._fetch is not None})"

    @property
    def can_refresh(self) -> bool:
        return self._fetch is not None

    @property
    def refused(self) -> bool:
        """The server refuses these credentials (no further request is sent with them)."""
        return self._refused is not None

    @property
    def token(self) -> AccessToken | None:
        """The token in use (for saving/display of its expiry); may be stale."""
        with self._lock:
            return self._token

    def current(self) -> str:
        """A token to send now: refreshed first when missing or within the margin of its expiry."""
        with self._lock:
            self._raise_if_refused()
            token = self._token
            if token is None:
                if self._fetch is None:
                    raise CredentialsError("No access token and no client credentials are configured")
                return self._refresh_locked(replacing=None).value
            now = self._now()
            if self._fetch is not None and not self._server_judges and now + self._margin >= token.expires_at:
                expired = now >= token.expires_at
                if expired or self._monotonic() >= self._proactive_pause_until:
                    try:
                        return self._refresh_locked(replacing=token.value).value
                    except Pan123Error as err:
                        if expired:
                            raise
                        self._proactive_pause_until = self._monotonic() + _PROACTIVE_RETRY_PAUSE
                        log.warning("Early token refresh failed (%s); using the current token meanwhile", err.kind)
            return token.value

    def after_auth_failure(self, failed_token: str) -> str:
        """The token to replay with after the API rejected ``failed_token`` (single-flight refresh)."""
        with self._lock:
            self._raise_if_refused()
            if self._token is not None and self._token.value != failed_token:
                return self._token.value  # someone else already replaced it
            if self._fetch is None:
                self._refused = CredentialsRefusedError(
                    "The access token was rejected; enter a new token or client credentials"
                )
                self._raise_if_refused()
            if failed_token == self._unconfirmed:  # the fresh token was refused as well: stop, no further token
                log.warning("The token fetched after a refusal was refused too: not fetching another one")
                self._refused = CredentialsRefusedError()
                self._raise_if_refused()
            token = self._refresh_locked(replacing=failed_token)
            self._unconfirmed = token.value
            return token.value

    def begin_run(self) -> None:
        """A new run (a resolve of many IDs) starts: refused credentials get one more chance — at most one refresh
        in this run, as in the first one — in case the account was fixed meanwhile."""
        with self._lock:
            if self._refused is not None:
                log.info("A new run: trying the refused credentials once more")
            self._refused = None
            self._unconfirmed = None
            self._failed = None

    def note_accepted(self, token: str) -> None:
        """The server accepted ``token`` (a request with it was answered without a 401)."""
        if self._unconfirmed == token:
            with self._lock:
                if self._unconfirmed == token:
                    self._unconfirmed = None

    def _raise_if_refused(self) -> None:
        if self._refused is not None:
            raise _copy_error(self._refused)

    def _refresh_locked(self, *, replacing: str | None) -> AccessToken:
        """Fetch a new token (lock held). A refresh for the same old token that failed moments ago is not
        repeated: threads that queued behind it get the same error at once instead of one fetch each."""
        assert self._fetch is not None
        failed = self._failed
        if failed is not None and failed[0] == replacing and self._monotonic() - failed[1] < _FAILED_REFRESH_MEMORY:
            raise _copy_error(failed[2])
        log.info("Fetching a new access token")
        try:
            token = _normalized(self._fetch())
        except AuthError as err:  # the token fetch itself is refused: the credentials are wrong
            self._refused = CredentialsRefusedError(
                f"The API refused the client ID and secret{_said(err)}", code=err.code, trace_id=err.trace_id
            )
            raise _copy_error(self._refused) from None
        except Pan123Error as err:
            self._failed = (replacing, self._monotonic(), err)
            raise
        assert token is not None
        self._token = token
        self._failed = None
        self._proactive_pause_until = 0.0
        self._server_judges = self._now() + self._margin >= token.expires_at
        if self._server_judges:
            log.warning("The new access token is already due by its expiry; using it until the API refuses it")
        self.refresh_count += 1
        if self._on_new_token is not None:
            try:
                self._on_new_token(token)
            except Exception:  # saving is best effort; the token in memory still works
                log.warning("Could not save the new access token", exc_info=True)
        return token


def _normalized(token: AccessToken | None) -> AccessToken | None:
    """A token whose expiry is aware and within range (an unusable one counts as expired: the server decides)."""
    if token is None:
        return None
    when = read_expiry(aware(token.expires_at)) if isinstance(token.expires_at, datetime) else None
    if when is None:
        when = datetime(2000, 1, 1, tzinfo=UTC)
    return token if when == token.expires_at else AccessToken(token.value, when)


def _said(err: Pan123Error) -> str:
    message = err.message.partition(": ")[2]
    return f": {message}" if message else ""


def _copy_error(err: Pan123Error) -> Pan123Error:
    """A fresh exception equal to ``err`` (the same instance must not be raised in several threads)."""
    copy = Pan123Error.__new__(type(err))
    copy.__dict__.update(err.__dict__)
    Exception.__init__(copy, err.message)
    return copy
