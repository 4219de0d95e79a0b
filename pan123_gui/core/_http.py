"""The HTTP layer: the one ``import httpx``, the shared client factory, and the response check.

Everything else writes ``from pan123_gui.core._http import httpx``. :func:`call_api` sends one request and turns
the answer into the envelope's ``data`` or a typed :class:`~pan123_gui.core.errors.Pan123Error`: transport failures
first, then the HTTP status, then the envelope ``code``. It never retries; ``client.py`` does that.

Limits, so that no server can hold a request or fill the memory:

* an overall deadline per request (:data:`DEFAULT_DEADLINE`): the name lookup, connecting, sending, the headers and
  the body together. httpx's own timeouts are per read, so a server sending one byte a second would never end; the
  client's network backend cuts every socket wait to what is left of the deadline instead;
* a size cap on answers (:data:`MAX_ANSWER_BYTES`), counted while reading and after decompression (gzip/deflate are
  decoded here, in bounded steps), so a huge answer or a gzip bomb is never read into memory;
* JSON nested too deep. Answers refused by these limits are :class:`RefusedAnswerError` (``malformed``, not retried).
"""

from __future__ import annotations

import email.utils
import json
import logging
import math
import socket
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import httpcore
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
    RefusedAnswerError,
    RequestTimeoutError,
    TrafficExhaustedError,
)

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "MAX_ANSWER_BYTES",
    "ApiHttpClient",
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

# Per socket wait: short connect, and reads no longer than the whole request may take anyway.
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=10.0, pool=60.0)
#: Seconds one request may take in all: name lookup, connect, send, headers and body. The API's answers are small
#: JSON documents that take well under a second; a request that is not done after this is a server that stalls.
#: With one retry of a timed-out request (``client.py``) a row never waits more than about 2 x this for one call.
DEFAULT_DEADLINE = 10.0
#: The most bytes an API answer may have after decompression (the largest real ones, 100 file infos, are ~50 kB).
MAX_ANSWER_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024  # bytes read, and at most inflated, per step
# Room for the resolver's 16 workers plus the window's other calls, with head-room (~32 in flight).
DEFAULT_LIMITS = httpx.Limits(max_connections=48, max_keepalive_connections=32, keepalive_expiry=30.0)

_MAX_MESSAGE = 200  # server messages are quoted in errors, cut to one short line


class ConnectFailedError(NetworkError):
    """The connection could not be opened, so the request surely never reached the server."""


class ConnectTimeoutError(RequestTimeoutError):
    """Opening the connection timed out, so the request surely never reached the server."""


class ApiHttpClient(httpx.Client):
    """An ``httpx.Client`` that carries the request limits :func:`call_api` applies (see the module's text)."""

    def __init__(self, *, deadline: float, max_answer_bytes: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.deadline = deadline
        self.max_answer_bytes = max_answer_bytes


def new_http_client(
    base_url: str | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    deadline: float | None = None,
    max_answer_bytes: int | None = None,
) -> ApiHttpClient:
    """The one ``httpx.Client`` shared by every thread: explicit timeouts and limits (default
    :data:`DEFAULT_DEADLINE` and :data:`MAX_ANSWER_BYTES`, read when called), platform headers, a pool."""
    deadline = DEFAULT_DEADLINE if deadline is None else deadline
    max_answer_bytes = MAX_ANSWER_BYTES if max_answer_bytes is None else max_answer_bytes
    if not deadline > 0 or max_answer_bytes < 1:
        raise ValueError("deadline and max_answer_bytes must be positive")
    url = (base_url or api_base_url()).rstrip("/")
    client = ApiHttpClient(
        deadline=deadline,
        max_answer_bytes=max_answer_bytes,
        base_url=url,
        timeout=DEFAULT_TIMEOUT,
        limits=DEFAULT_LIMITS,
        headers={
            "Platform": "open_platform",
            "User-Agent": f"pan123-gui/{__version__}",
            "Accept-Encoding": "gzip, deflate",  # the two this module decodes itself, in bounded steps
        },
        transport=transport if transport is not None else httpx.HTTPTransport(limits=DEFAULT_LIMITS),
        follow_redirects=False,
    )
    _install_deadline_backend(client)
    return client


# --- the overall deadline ------------------------------------------------------------------------------------------

_DEADLINE = threading.local()  # .at: time.monotonic() by which the current thread's request must be done


@contextmanager
def request_deadline(seconds: float) -> Iterator[float]:
    """Every socket wait of this thread's request ends by ``seconds`` from now (yields the monotonic deadline)."""
    previous = getattr(_DEADLINE, "at", None)
    at = time.monotonic() + seconds
    _DEADLINE.at = at if previous is None else min(at, previous)
    try:
        yield _DEADLINE.at
    finally:
        _DEADLINE.at = previous


def _clamp(timeout: float | None) -> float | None:
    """``timeout`` cut to what is left of the current request's deadline (a tiny positive value once it passed,
    so the socket itself raises its timeout and httpcore maps it as usual)."""
    at: float | None = getattr(_DEADLINE, "at", None)
    if at is None:
        return timeout
    left = max(at - time.monotonic(), 0.001)
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _clamp(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend with every wait cut to the request's deadline, the name lookup included (it runs
    on a daemon thread: ``getaddrinfo`` itself cannot be given a timeout)."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in _resolve(host, port, _clamp(timeout)):
            try:
                stream = self._inner.connect_tcp(address, port, _clamp(timeout), local_address, socket_options)
            except httpcore.ConnectTimeout:
                raise
            except httpcore.ConnectError as exc:  # try the host's next address
                last = exc
                continue
            return _DeadlineStream(stream)
        raise last if last is not None else httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:  # pragma: no cover - the API is never reached over a unix socket
        return _DeadlineStream(self._inner.connect_unix_socket(path, _clamp(timeout), socket_options))

    def sleep(self, seconds: float) -> None:  # pragma: no cover - only used by httpcore's retries, which are off
        self._inner.sleep(seconds)


def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The host's addresses, looked up on a daemon thread that is given up on after ``timeout`` seconds."""
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
    except (OSError, ValueError):
        pass
    else:
        return [host]  # an address already
    box: list[list[str] | BaseException] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            box.append(list(dict.fromkeys(str(info[4][0]) for info in infos)))
        except BaseException as exc:  # handed to the waiting thread
            box.append(exc)
        finally:
            done.set()

    threading.Thread(target=lookup, name="pan123-name-lookup", daemon=True).start()
    if not done.wait(timeout):
        raise httpcore.ConnectTimeout(f"the name lookup of {host} took too long")
    result = box[0]
    if isinstance(result, BaseException):
        raise httpcore.ConnectError(f"the name lookup of {host} failed ({type(result).__name__})")
    if not result:
        raise httpcore.ConnectError(f"no address for {host}")
    return result


def _install_deadline_backend(client: httpx.Client) -> None:
    """Put :class:`_DeadlineBackend` under the client's connection pools (its transport and any proxy mounts)."""
    transports = [getattr(client, "_transport", None), *getattr(client, "_mounts", {}).values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, _DeadlineBackend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]


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
    deadline = getattr(http, "deadline", DEFAULT_DEADLINE)
    cap = getattr(http, "max_answer_bytes", MAX_ANSWER_BYTES)
    started = time.monotonic()
    try:
        with request_deadline(deadline) as at:
            request = http.build_request(method, path, params=params, json=json_body, headers=headers)
            response = http.send(request, stream=True)
            try:
                body = read_capped(response, cap, at)
            finally:
                response.close()
    except Pan123Error as err:  # refused by the limits, cut off by the deadline, undecodable
        _log_failure(method, path, params, err)
        raise
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
        data = check_response(response, body)
    except Pan123Error as err:
        log.debug(
            "%s %s%s -> HTTP %s, %s (%.3f s)", method, path, _query(params), response.status_code, err.kind, elapsed
        )
        raise
    log.debug("%s %s%s -> HTTP %s, ok (%.3f s)", method, path, _query(params), response.status_code, elapsed)
    return data


def read_capped(response: httpx.Response, cap: int, deadline: float | None = None) -> bytes:
    """The answer's body, decoded (gzip/deflate) in bounded steps; :class:`RefusedAnswerError` past ``cap`` bytes
    (before or after decompression) and :class:`RequestTimeoutError` past the monotonic ``deadline``."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > cap:
        raise RefusedAnswerError(
            f"The API answer is too large ({_size(int(declared))})", http_status=response.status_code
        )
    if response.is_stream_consumed:  # an answer made in memory (a test's MockTransport), decoded already
        if len(response.content) > cap:
            raise RefusedAnswerError(
                f"The API answer is too large (over {_size(cap)})", http_status=response.status_code
            )
        return response.content
    inflater = _Inflater(response.headers.get("Content-Encoding", ""), response.status_code)
    body = bytearray()
    raw = 0
    for chunk in response.iter_raw(_CHUNK):
        raw += len(chunk)
        if raw > cap:
            raise RefusedAnswerError(
                f"The API answer is too large (over {_size(cap)})", http_status=response.status_code
            )
        for piece in inflater.feed(chunk, cap - len(body)):
            body += piece
            if len(body) > cap:
                raise RefusedAnswerError(
                    f"The API answer is too large (over {_size(cap)} unpacked)", http_status=response.status_code
                )
        if deadline is not None and time.monotonic() > deadline:
            raise RequestTimeoutError("The 123pan API did not answer in time")
    for piece in inflater.feed(b"", cap - len(body)):
        body += piece
        if len(body) > cap:
            raise RefusedAnswerError(
                f"The API answer is too large (over {_size(cap)} unpacked)", http_status=response.status_code
            )
    return bytes(body)


class _Inflater:
    """Decodes the body's ``Content-Encoding`` (none, gzip, deflate) in bounded steps: :meth:`feed` yields at most
    ``room + 1`` decoded bytes per step (one more than fits tells "too large" without inflating the rest)."""

    def __init__(self, encoding: str, status: int) -> None:
        self._name = encoding.strip().lower()
        self._status = status
        self._first = True
        if self._name in ("", "identity"):
            self._zlib = None
        elif self._name in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._name == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise RefusedAnswerError(f"The API answer uses an unknown encoding ({self._name[:20]})", http_status=status)

    def feed(self, chunk: bytes, room: int) -> Iterator[bytes]:
        """The decoded bytes of ``chunk``; ``b""`` marks the end of the body."""
        d = self._zlib
        if d is None:
            if chunk:
                yield chunk
            return
        try:
            if not chunk:
                tail = b"" if d.eof else d.flush()
                if tail:
                    yield tail
                return
            data = chunk
            while data and not d.eof:
                piece = d.decompress(data, max(room, 0) + 1)
                self._first = False
                if piece:
                    room -= len(piece)
                    yield piece
                    if room < 0:
                        return
                data = d.unconsumed_tail
        except zlib.error:
            if self._name == "deflate" and self._first:  # a raw deflate stream, without the zlib header
                self._first = False
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                yield from self.feed(chunk, room)
                return
            raise MalformedResponseError("The API answer could not be decoded", http_status=self._status) from None


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def check_response(response: httpx.Response, body: bytes | None = None) -> Any:
    """HTTP status first, then the envelope ``code``; returns ``data``. ``body`` defaults to ``response.content``."""
    status = response.status_code
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    header_trace = response.headers.get("x-traceid") or None
    envelope, too_deep = _parse_envelope(response.content if body is None else body)
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
            kw = {"code": code, "trace_id": trace_id, "http_status": status, "server_message": message}
            specific = _error_for_message(message, kw)
            if specific is not None:  # the message says what is wrong: retrying cannot change it
                raise specific
            raise InternalServerError(
                f"Server error: {message}" if message else f"Server error (HTTP {status})",
                code=code,
                trace_id=trace_id,
                http_status=status,
                server_message=message,
            )
        if too_deep:
            raise RefusedAnswerError("The API answer is nested too deeply", trace_id=trace_id, http_status=status)
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
    if too_deep:
        raise RefusedAnswerError("The API answer is nested too deeply", trace_id=trace_id, http_status=status)
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
    """The typed error for a non-zero envelope ``code`` (``message`` is the server's text, already shortened).

    A specific message wins over a generic code: "not in a direct-link space" or "a folder has no direct link" is
    what the answer means even when it comes with code 1 (internal error), and such an answer is never retried."""
    kw: dict[str, Any] = {"code": code, "trace_id": trace_id, "http_status": http_status, "server_message": message}
    said = f": {message}" if message else ""
    if code == 401:
        return AuthError(f"The access token is invalid or expired{said}", **kw)
    if code == 429:
        return RateLimitedError(f"Too many requests{said}", retry_after=retry_after, **kw)
    specific = _error_for_message(message, kw)
    if specific is not None:
        return specific
    if code == 5066:
        return NotFoundError(f"File not found{said}", **kw)
    if code == 5113:
        return TrafficExhaustedError(f"Traffic quota used up{said}", **kw)
    if code == 1:
        return InternalServerError(f"Internal server error{said}", **kw)
    return ApiError(f"API error{said}", **kw)


def _error_for_message(message: str, kw: dict[str, Any]) -> Pan123Error | None:
    """The error a server message names by itself (whatever the code), or None."""
    said = f": {message}" if message else ""
    if is_not_direct_link_space_message(message):
        return NotDirectLinkSpaceError(f"The file is not in a direct-link space{said}", **kw)
    if is_folder_message(message):
        return IsFolderError(f"This ID is a folder; direct links exist only for files{said}", **kw)
    return None


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


def _parse_envelope(content: bytes) -> tuple[dict[str, Any] | None, bool]:
    """(the envelope or None, whether the JSON was nested too deeply to parse)."""
    try:
        body = json.loads(content)
    except RecursionError:
        return None, True
    except (ValueError, UnicodeDecodeError):
        return None, False
    return (body if isinstance(body, dict) else None), False


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


def _log_failure(method: str, path: str, params: Mapping[str, str | int] | None, exc: BaseException) -> None:
    log.debug("%s %s%s -> %s", method, path, _query(params), type(exc).__name__)
