"""Typed errors of the core.

Every failure the core reports is a :class:`Pan123Error` with a machine-readable :class:`ErrorKind`.
Messages here are short English technical texts (used by ``pan123-link`` and the log); the window turns
``kind`` into translated plain words (``pan123_gui/ui/wording/errors.py``). No message ever contains a secret.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    AUTH = "auth"  # token invalid / expired / revoked (code 401)
    RATE_LIMITED = "rate_limited"  # 429 in body code or HTTP status, after retries
    NOT_FOUND = "not_found"  # 5066
    TRAFFIC_EXHAUSTED = "traffic_exhausted"  # 5113
    NOT_DIRECT_LINK_SPACE = "not_direct_link_space"  # file outside an enabled direct-link folder (message based)
    IS_FOLDER = "is_folder"  # the ID is a folder (file/infos says so, or the API's message does)
    TRASHED = "trashed"  # the file is in the recycle bin (file/infos says so)
    API = "api"  # any other non-zero envelope code
    NETWORK = "network"  # connection refused / dropped / timeout; also IDs not tried after the network cut-off
    MALFORMED = "malformed"  # non-JSON, cut-off JSON, envelope without the expected fields, 5xx HTML page
    BAD_LINK = "bad_link"  # the API returned a link that is not http(s)
    CREDENTIALS = "credentials"  # no credentials configured / keyring locked
    CANCELLED = "cancelled"  # the user cancelled before this ID finished
    SIGNING = "signing"  # signing requested but impossible (no key, no uid)


class Pan123Error(Exception):
    """Base class. ``str(err)`` is a one-line English message without secrets.

    The facts travel as fields, never only inside the text: ``code`` (the envelope code), ``trace_id`` (the
    x-traceID to quote to 123pan support), ``server_message`` (the server's own words, one short line) and
    ``http_status``. The window words an error from these fields; it never parses ``str(err)``.
    """

    kind: ErrorKind = ErrorKind.API

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        trace_id: str | None = None,
        http_status: int | None = None,
        server_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.trace_id = trace_id
        self.http_status = http_status
        self.server_message = server_message or None

    def __str__(self) -> str:
        parts = [self.message]
        if self.code is not None:
            parts.append(f"(code {self.code})")
        if self.trace_id:
            parts.append(f"[x-traceID {self.trace_id}]")
        return " ".join(parts)


class AuthError(Pan123Error):
    kind = ErrorKind.AUTH


class RateLimitedError(Pan123Error):
    kind = ErrorKind.RATE_LIMITED

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.retry_after = retry_after


class NotFoundError(Pan123Error):
    kind = ErrorKind.NOT_FOUND


class TrafficExhaustedError(Pan123Error):
    kind = ErrorKind.TRAFFIC_EXHAUSTED


class NotDirectLinkSpaceError(Pan123Error):
    kind = ErrorKind.NOT_DIRECT_LINK_SPACE


class IsFolderError(Pan123Error):
    kind = ErrorKind.IS_FOLDER

    def __init__(self, message: str = "This ID is a folder; direct links exist only for files", **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]


class TrashedError(Pan123Error):
    kind = ErrorKind.TRASHED

    def __init__(self, message: str = "The file is in the recycle bin; restore it first", **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]


class ApiError(Pan123Error):
    """Any other envelope error; keeps code, message and x-traceID."""

    kind = ErrorKind.API


class InternalServerError(ApiError):
    """Envelope code 1 (internal error) or HTTP 5xx with a JSON body: retried."""


class NetworkError(Pan123Error):
    kind = ErrorKind.NETWORK


class RequestTimeoutError(NetworkError):
    pass


class NotTriedError(NetworkError):
    """The request was not sent: earlier requests of the same run could not reach the API at all (the cut-off)."""

    def __init__(self, message: str = "Not tried: the 123pan API could not be reached", **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]


class MalformedResponseError(Pan123Error):
    kind = ErrorKind.MALFORMED


class RefusedAnswerError(MalformedResponseError):
    """An answer refused by the client's own limits (too large, nested too deep, an unknown encoding): asking again
    would fetch the same again, so it is never retried."""


class BadLinkError(Pan123Error):
    kind = ErrorKind.BAD_LINK


class CredentialsError(Pan123Error):
    kind = ErrorKind.CREDENTIALS


class CancelledError(Pan123Error):
    kind = ErrorKind.CANCELLED


class SigningError(Pan123Error):
    kind = ErrorKind.SIGNING


#: Failures that trying again cannot change: the ID itself does not name a file that could get a direct link (no
#: such file, a folder). Every other failure may go away (network, rate limit, server trouble, token, traffic, a file
#: moved into a direct-link space or out of the recycle bin, a signing key added, a cancelled row) and is retried.
RETRY_CANNOT_CHANGE: frozenset[ErrorKind] = frozenset({ErrorKind.NOT_FOUND, ErrorKind.IS_FOLDER})
