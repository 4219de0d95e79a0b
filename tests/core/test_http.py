"""The HTTP layer: base URL, client factory, and the HTTP-status-then-envelope mapping of ``call_api``."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from pan123_gui.core._http import (
    ConnectFailedError,
    ConnectTimeoutError,
    call_api,
    httpx,
    is_not_direct_link_space_message,
    new_http_client,
    parse_retry_after,
)
from pan123_gui.core.endpoints import DEFAULT_BASE_URL, api_base_url
from pan123_gui.core.errors import (
    ApiError,
    AuthError,
    ErrorKind,
    InternalServerError,
    IsFolderError,
    MalformedResponseError,
    NetworkError,
    NotDirectLinkSpaceError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
    TrafficExhaustedError,
)
from pan123_gui.core.retry import is_retryable

TOKEN = "tok-SECRET-abc123"

Handler = Callable[[httpx.Request], httpx.Response]


def client_for(handler: Handler) -> httpx.Client:
    return new_http_client("https://api.test", transport=httpx.MockTransport(handler))


def envelope(code: int, message: str = "ok", data: object = None, trace: str = "trace-1") -> dict[str, object]:
    return {"code": code, "message": message, "data": data, "x-traceID": trace}


def answer(
    status: int = 200, body: object = None, *, text: str | None = None, headers: dict[str, str] | None = None
) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if text is not None:
            return httpx.Response(status, text=text, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return handler


def call(handler: Handler) -> object:
    with client_for(handler) as http:
        return call_api(http, "GET", "/api/v1/direct-link/url", token=TOKEN, params={"fileID": 7})


# --- base URL and the client factory ---------------------------------------------------------------------------------


def test_base_url_defaults_to_the_real_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAN123_API_BASE", raising=False)
    assert api_base_url() == DEFAULT_BASE_URL == "https://open-api.123pan.com"


def test_base_url_env_override_without_trailing_slash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAN123_API_BASE", "http://127.0.0.1:8123/")
    assert api_base_url() == "http://127.0.0.1:8123"
    with new_http_client() as http:
        assert str(http.base_url).rstrip("/") == "http://127.0.0.1:8123"


def test_client_sends_platform_user_agent_and_bearer() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=envelope(0, data={"url": "https://x"}))

    assert call(handler) == {"url": "https://x"}
    request = seen[0]
    assert request.headers["Platform"] == "open_platform"
    assert request.headers["User-Agent"].startswith("pan123-gui/")
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.url.params["fileID"] == "7"
    assert "fileId" not in request.url.params


def test_client_has_explicit_timeouts() -> None:
    with new_http_client("https://api.test") as http:
        timeout = http.timeout
    assert timeout.connect is not None and timeout.read is not None
    assert timeout.connect <= timeout.read
    assert timeout != httpx.Timeout(5.0)  # not httpx's implicit default


def test_no_authorization_header_without_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=envelope(0, data={}))

    with client_for(handler) as http:
        call_api(http, "POST", "/api/v1/access_token", json_body={"clientID": "a", "clientSecret": "b"})
    assert "Authorization" not in seen[0].headers
    assert json.loads(seen[0].content) == {"clientID": "a", "clientSecret": "b"}


# --- mapping: envelope code ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message", "error_type"),
    [
        (401, "access_token无效", AuthError),
        (429, "操作频繁，请稍后再试", RateLimitedError),
        (5066, "文件不存在，检查传入fileId是否正确", NotFoundError),
        (5113, "直链流量不足，流量超限", TrafficExhaustedError),
        (1, "内部错误，请稍后重试", InternalServerError),
        (5067, "该文件不在直链空间内，请先在直链空间中启用其所在文件夹", NotDirectLinkSpaceError),
        (12345, "参数错误", ApiError),
    ],
)
def test_envelope_code_maps_to_typed_error(code: int, message: str, error_type: type[Exception]) -> None:
    with pytest.raises(error_type) as info:
        call(answer(200, envelope(code, message, trace="tr-42")))
    err = info.value
    assert type(err) is error_type
    assert err.code == code  # type: ignore[attr-defined]
    assert err.trace_id == "tr-42"  # type: ignore[attr-defined]
    assert err.http_status == 200  # type: ignore[attr-defined]
    assert message in str(err)
    assert "tr-42" in str(err)


@pytest.mark.parametrize(
    ("message", "error_type"),
    [
        ("该文件不在直链空间内，请先在直链空间中启用其所在文件夹", NotDirectLinkSpaceError),
        ("不支持获取文件夹的直链", IsFolderError),
    ],
)
@pytest.mark.parametrize("status", [200, 500])
def test_a_specific_message_wins_over_the_generic_code_1(
    message: str, error_type: type[Exception], status: int
) -> None:
    # Code 1 means "internal error" (retried); the message says what is really wrong, which no retry changes.
    with pytest.raises(error_type) as info:
        call(answer(status, envelope(1, message, trace="tr-1")))
    err = info.value
    assert type(err) is error_type
    assert (err.code, err.trace_id, err.http_status) == (1, "tr-1", status)  # type: ignore[attr-defined]
    assert not is_retryable(err)  # type: ignore[arg-type]


def test_other_code_keeps_code_message_and_trace() -> None:
    with pytest.raises(ApiError) as info:
        call(answer(200, envelope(20103, "文件正在校验中", trace="abc_kong")))
    assert info.value.kind is ErrorKind.API
    assert (info.value.code, info.value.trace_id) == (20103, "abc_kong")
    assert "文件正在校验中" in info.value.message


def test_success_returns_data() -> None:
    assert call(answer(200, envelope(0, data={"url": "https://vip.123pan.cn/1/a"}))) == {
        "url": "https://vip.123pan.cn/1/a"
    }


def test_long_server_message_is_cut_to_one_line() -> None:
    with pytest.raises(ApiError) as info:
        call(answer(200, envelope(777, "第一行\n第二行 " + "长" * 500)))
    assert "\n" not in str(info.value)
    assert len(info.value.message) < 260


# --- mapping: HTTP status ---------------------------------------------------------------------------------------------


def test_http_401_is_auth_error_even_without_envelope() -> None:
    with pytest.raises(AuthError) as info:
        call(answer(401, text="Unauthorized"))
    assert info.value.http_status == 401


def test_http_429_with_retry_after() -> None:
    with pytest.raises(RateLimitedError) as info:
        call(answer(429, envelope(429, "slow down"), headers={"Retry-After": "2"}))
    assert info.value.retry_after == 2.0
    assert info.value.http_status == 429


def test_body_429_with_retry_after_header() -> None:
    with pytest.raises(RateLimitedError) as info:
        call(answer(200, envelope(429, "slow down"), headers={"Retry-After": "1.5"}))
    assert info.value.retry_after == 1.5


def test_5xx_html_is_malformed_and_keeps_status() -> None:
    with pytest.raises(MalformedResponseError) as info:
        call(answer(502, text="<html><body>502 Bad Gateway</body></html>"))
    assert info.value.http_status == 502


def test_5xx_with_json_envelope_is_internal_server_error() -> None:
    with pytest.raises(InternalServerError) as info:
        call(answer(500, envelope(1, "内部错误")))
    assert info.value.http_status == 500


def test_404_gateway_answer_is_api_error() -> None:
    with pytest.raises(ApiError) as info:
        call(answer(404, {"message": "no Route matched with those values"}))
    assert type(info.value) is ApiError
    assert info.value.http_status == 404


# --- mapping: broken bodies -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "upstream connect error or disconnect/reset before headers",
        '{"code": 0, "message": "ok", "data": {"url": "https://vip',  # cut off
        "",
        "[1, 2, 3]",
        '{"message": "ok", "data": {}}',  # no code
        '{"code": "0", "data": {}}',  # code not a number
    ],
)
def test_unusable_body_is_malformed(text: str) -> None:
    with pytest.raises(MalformedResponseError):
        call(answer(200, text=text))


# --- transport failures ----------------------------------------------------------------------------------------------


def raising(exc: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


@pytest.mark.parametrize(
    ("exc", "error_type"),
    [
        (httpx.ConnectError("refused"), ConnectFailedError),
        (httpx.ConnectTimeout("slow connect"), ConnectTimeoutError),
        (httpx.ReadTimeout("slow"), RequestTimeoutError),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), NetworkError),
        (httpx.ReadError("reset"), NetworkError),
    ],
)
def test_transport_errors_become_network_errors(exc: Exception, error_type: type[Exception]) -> None:
    with pytest.raises(error_type) as info:
        call(raising(exc))
    assert type(info.value) is error_type
    assert isinstance(info.value, NetworkError)
    assert info.value.kind is ErrorKind.NETWORK
    assert info.value.__cause__ is None  # the httpx exception (with the request inside) is not chained


# --- direct-link space detection (message based, conservative) --------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "该文件不在直链空间内，请先在直链空间中启用其所在文件夹（需开通会员）",
        "直链空间未开启",
        "该文件夹未开启直链",
        "文件不在直链目录中",
    ],
)
def test_direct_link_space_messages_are_recognised(message: str) -> None:
    assert is_not_direct_link_space_message(message)


@pytest.mark.parametrize(
    "message",
    ["直链流量不足，流量超限", "文件不存在", "空间不足", "参数错误", "", "direct link space"],
)
def test_other_messages_are_not_direct_link_space(message: str) -> None:
    assert not is_not_direct_link_space_message(message)


# --- Retry-After parsing ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("3", 3.0),
        ("0.25", 0.25),
        ("-1", None),
        ("nan", None),
        ("soon", None),
        ("Wed, 01 Jan 2025 00:00:10 GMT", 10.0),
        ("Wed, 01 Jan 2025 00:00:00 GMT", 0.0),
        ("Tue, 31 Dec 2024 23:59:00 GMT", 0.0),  # in the past: no wait
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_retry_after(value, now=now) == expected


# --- secrets stay out of the log --------------------------------------------------------------------------------------


def test_debug_log_has_request_line_but_no_token_or_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="pan123_gui")
    call(answer(200, envelope(0, data={"url": "https://x"})))
    with client_for(answer(200, envelope(1, "boom"))) as http, pytest.raises(InternalServerError):
        call_api(http, "POST", "/api/v1/access_token", json_body={"clientID": "id", "clientSecret": "SECRET-xyz"})
    text = caplog.text
    assert "/api/v1/direct-link/url?fileID=7" in text
    assert "/api/v1/access_token" in text
    assert TOKEN not in text and "SECRET" not in text and "Bearer" not in text
