"""links.require_http_link / is_http_link: only absolute http(s) URLs with a host pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pan123_gui.core.errors import BadLinkError, ErrorKind
from pan123_gui.core.links import is_http_link, require_http_link

GOOD = [
    "https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95/a.mp4",
    "http://vip.123pan.cn/1/a.txt",
    "HTTPS://VIP.123PAN.CN/1/a.txt",
    "Http://example.com",
    "https://example.com:8443/x?y=1#frag",
    "http://127.0.0.1:8080/1/a.bin?auth_key=1-2-3-4",
    "https://[::1]/x",
    "https://vip.123pan.cn/1815309870/测试/我.mp4",
]

BAD = [
    None,
    b"https://example.com/x",
    12345,
    "",
    "   ",
    "\t\n",
    "file:///etc/passwd",
    "FILE:///C:/Windows/system32",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "ftp://example.com/x",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@example.com",
    "/relative/path.mp4",
    "vip.123pan.cn/1/a.mp4",
    "//vip.123pan.cn/1/a.mp4",
    "https://",
    "https:///path-only",
    "http:example.com",
    " https://example.com/x",
    "https://example.com/x\n",
    "https://exa mple.com/x",
    "https://example.com/\x00",
    "https://example.com:99999/x",
    "https://example.com:abc/x",
    "https://[::1/x",
]


@pytest.mark.parametrize("url", GOOD)
def test_accepts_http_and_https_links(url: str) -> None:
    assert require_http_link(url) == url
    assert is_http_link(url)


@pytest.mark.parametrize("value", BAD)
def test_rejects_everything_else(value: object) -> None:
    assert not is_http_link(value)
    with pytest.raises(BadLinkError) as info:
        require_http_link(value)
    assert info.value.kind is ErrorKind.BAD_LINK


def test_message_never_contains_the_query_or_path() -> None:
    secret = "auth_key=1700000000-abc-42-0123456789abcdef0123456789abcdef"
    for url in (f"ftp://host.example/secret/path?{secret}", f"javascript:x?{secret}", f"https:///nohost?{secret}"):
        with pytest.raises(BadLinkError) as info:
            require_http_link(url)
        text = str(info.value)
        assert "auth_key" not in text
        assert "0123456789abcdef" not in text
        assert "secret/path" not in text


def test_message_names_the_scheme() -> None:
    with pytest.raises(BadLinkError, match="file"):
        require_http_link("file:///etc/passwd")


def test_too_long_link_is_rejected() -> None:
    assert not is_http_link("https://example.com/" + "a" * 10_000)


@given(st.text())
def test_never_raises_anything_but_bad_link(text: str) -> None:
    try:
        result = require_http_link(text)
    except BadLinkError:
        assert not is_http_link(text)
    else:
        assert result == text
        assert text.lower().startswith(("http://", "https://"))
