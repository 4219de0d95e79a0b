"""The HTTP layer: the one ``import httpx``, the shared client factory, and the response check.

Everything else writes ``from pan123_gui.core._http import httpx``. :func:`call_api` sends one request and turns
the answer into the envelope's ``data`` or a typed :class:`~pan123_gui.core.errors.Pan123Error`: transport failures
first, then the HTTP status, then the envelope ``code``. It never retries; ``client.py`` does that.
"""

from __future__ import annotations

import email.utils
import json
import logging
import math
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from pan123_gui import __version__
from pan123_gui.core.endpoints import api_base_url
from pan123_gui.core.errors import (
    ApiError,
    AuthError,
    InternalServerError,
    IsFolderError,
    MalformedResponseError,
    NetworkError,
    NotDirectLinkSpaceError,
    NotFoundError,
    Pan123Error,
    RateLimitedError,
    RequestTimeoutError,
    TrafficExhaustedError,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "ConnectFailedError",
    "ConnectTimeoutError",
    "call_api",
    "error_for_code",
    "httpx",
    "is_folder_message",
    "new_http_client",
    "parse_retry_after",
]

log = logging.getLogger(__name__)

# Short connect, generous read: a slow answer is still an answer, a dead host is found quickly.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0, pool=60.0)
# Room for the resolver's 16 workers plus the window's other calls, with head-room (~32 in flight).
DEFAULT_LIMITS = httpx.Limits(max_connections=48, max_keepalive_connections=32, keepalive_expiry=30.0)

_MAX_MESSAGE = 200  # server messages are quoted in errors, cut to one short line


class ConnectFailedError(NetworkError):
    """The connection could not be opened, so the request surely never reached the server."""


class ConnectTimeoutError(RequestTimeoutError):
    """Opening the connection timed out, so the request surely never reached the server."""


def new_http_client(base_url: str | None = None, *, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The one ``httpx.Client`` shared by every thread: explicit timeouts, platform headers, a big enough pool."""
    url = (base_url or api_base_url()).rstrip("/")
    return httpx.Client(
        base_url=url,
        timeout=DEFAULT_TIMEOUT,
        limits=DEFAULT_LIMITS,
        headers={"Platform": "open_platform", "User-Agent": f"pan123-gui/{__version__}"},
        transport=transport if transport is not None else httpx.HTTPTransport(limits=DEFAULT_LIMITS),
        follow_redirects=False,
    )


def call_api(
    http: httpx.Client,
    method: str,
    path: str,
    *,
    token: str | None = None,
    params: Mapping[str, str | int] | None = None,
    json_body: object = None,
) -> Any:
    """Send one request and return the envelope's ``data`` (``None`` when absent) or raise a typed error."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    started = time.monotonic()
    try:
        response = http.request(method, path, params=params, json=json_body, headers=headers)
    except httpx.ConnectTimeout as exc:
        _log_failure(method, path, params, exc)
        raise ConnectTimeoutError("Timed out connecting to the 123pan API") from None
    except httpx.TimeoutException as exc:
        _log_failure(method, path, params, exc)
        raise RequestTimeoutError("The 123pan API did not answer in time") from None
    except httpx.ConnectError as exc:
        _log_failure(method, path, params, exc)
        raise ConnectFailedError("Could not connect to the 123pan API") from None
    except httpx.DecodingError as exc:
        _log_failure(method, path, params, exc)
        raise MalformedResponseError("The API answer could not be decoded") from None
    except httpx.TransportError as exc:
        _log_failure(method, path, params, exc)
        raise NetworkError(f"Connection to the 123pan API failed ({type(exc).__name__})") from None
    elapsed = time.monotonic() - started
    try:
        data = check_response(response)
    except Pan123Error as err:
        log.debug(
            "%s %s%s -> HTTP %s, %s (%.3f s)", method, path, _query(params), response.status_code, err.kind, elapsed
        )
        raise
    log.debug("%s %s%s -> HTTP %s, ok (%.3f s)", method, path, _query(params), response.status_code, elapsed)
    return data


def check_response(response: httpx.Response) -> Any:
    """HTTP status first, then the envelope ``code``; returns ``data``."""
    status = response.status_code
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    header_trace = response.headers.get("x-traceid") or None
    envelope = _parse_envelope(response)
    trace_id = header_trace
    if envelope is not None and isinstance(envelope.get("x-traceID"), str):
        trace_id = envelope["x-traceID"] or header_trace

    if status == 401:
        raise AuthError("The access token was rejected", code=401, trace_id=trace_id, http_status=status)
    if status == 429:
        raise RateLimitedError(
            "Too many requests", retry_after=retry_after, code=429, trace_id=trace_id, http_status=status
        )
    if status >= 500:
        if envelope is not None and isinstance(envelope.get("code"), int) and envelope["code"] != 0:
            code = envelope["code"]
            message = _server_message(envelope)
            raise InternalServerError(
                f"Server error: {message}" if message else f"Server error (HTTP {status})",
                code=code,
                trace_id=trace_id,
                http_status=status,
                server_message=message,
            )
        raise MalformedResponseError(f"Server error page (HTTP {status})", trace_id=trace_id, http_status=status)
    if status == 408:
        raise RequestTimeoutError("The API reported a request timeout (HTTP 408)", http_status=status)
    code = envelope.get("code") if envelope is not None else None
    has_code = isinstance(code, int) and not isinstance(code, bool)
    if envelope is not None and has_code and code != 0:
        assert isinstance(code, int)
        raise error_for_code(
            code, _server_message(envelope), trace_id=trace_id, http_status=status, retry_after=retry_after
        )
    if not 200 <= status < 300:
        raise ApiError(f"Unexpected HTTP status {status}", trace_id=trace_id, http_status=status)
    if envelope is None:
        raise MalformedResponseError("The API answer is not a JSON envelope", trace_id=trace_id, http_status=status)
    if not has_code:
        raise MalformedResponseError("The API answer has no envelope code", trace_id=trace_id, http_status=status)
    return envelope.get("data")


def error_for_code(
    code: int,
    message: str,
    *,
    trace_id: str | None = None,
    http_status: int | None = None,
    retry_after: float | None = None,
) -> Pan123Error:
    """The typed error for a non-zero envelope ``code`` (``message`` is the server's text, already shortened)."""
    kw: dict[str, Any] = {"code": code, "trace_id": trace_id, "http_status": http_status, "server_message": message}
    said = f": {message}" if message else ""
    if code == 401:
        return AuthError(f"The access token is invalid or expired{said}", **kw)
    if code == 429:
        return RateLimitedError(f"Too many requests{said}", retry_after=retry_after, **kw)
    if code == 5066:
        return NotFoundError(f"File not found{said}", **kw)
    if code == 5113:
        return TrafficExhaustedError(f"Traffic quota used up{said}", **kw)
    if code == 1:
        return InternalServerError(f"Internal server error{said}", **kw)
    if is_not_direct_link_space_message(message):
        return NotDirectLinkSpaceError(f"The file is not in a direct-link space{said}", **kw)
    if is_folder_message(message):
        return IsFolderError(f"This ID is a folder; direct links exist only for files{said}", **kw)
    return ApiError(f"API error{said}", **kw)


# Conservative: the message must talk about direct links (直链) *and* about the space / its switch.
_DIRECT_LINK_WORDS = ("直链",)
_SPACE_WORDS = ("未开启", "未启用", "没有开启", "没开启", "不在", "空间", "已关闭", "已禁用", "未开通")


def is_not_direct_link_space_message(message: str) -> bool:
    """True when a server message says the file is outside an enabled direct-link space."""
    return any(w in message for w in _DIRECT_LINK_WORDS) and any(w in message for w in _SPACE_WORDS)


# Conservative: the message must name a folder (文件夹) *and* refuse something, and not be about the direct-link
# space (whose message also mentions the file's folder: "…请先在直链空间中启用其所在文件夹").
_FOLDER_WORDS = ("文件夹",)
_REFUSAL_WORDS = ("不支持", "不能", "无法", "不可")


def is_folder_message(message: str) -> bool:
    """True when a server message says the ID is a folder, which has no direct link ("文件夹不支持获取直链…")."""
    if is_not_direct_link_space_message(message):
        return False
    return any(w in message for w in _FOLDER_WORDS) and any(w in message for w in _REFUSAL_WORDS)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds (delta-seconds or an HTTP date); ``None`` when absent or unusable."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
        return max(0.0, seconds)
    if math.isnan(seconds) or math.isinf(seconds) or seconds < 0:
        return None
    return seconds


def _parse_envelope(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _server_message(envelope: Mapping[str, Any]) -> str:
    message = envelope.get("message")
    if not isinstance(message, str):
        return ""
    one_line = " ".join(message.split())
    return one_line if len(one_line) <= _MAX_MESSAGE else one_line[: _MAX_MESSAGE - 1] + "…"


def _query(params: Mapping[str, str | int] | None) -> str:
    # Only IDs travel in our query strings; bodies (which may hold the client secret) are never logged.
    if not params:
        return ""
    return "?" + "&".join(f"{k}={v}" for k, v in params.items())


def _log_failure(method: str, path: str, params: Mapping[str, str | int] | None, exc: Exception) -> None:
    log.debug("%s %s%s -> %s", method, path, _query(params), type(exc).__name__)
