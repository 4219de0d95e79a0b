"""'Copy with names': name, two spaces, link; rows without a link left out; odd names kept on one line."""

from __future__ import annotations

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.core.named_links import named_link_lines


def test_named_lines() -> None:
    rows = [
        LinkResult(1, url="https://vip.123pan.cn/1/a/x.mp4", name="我从草原来.mp4"),
        LinkResult(2, error="nope", error_kind=ErrorKind.NOT_FOUND, name="gone.txt"),
        LinkResult(3, url="https://vip.123pan.cn/1/a/y.zip"),
        LinkResult(4, url="https://vip.123pan.cn/1/a/z", name="two\nlines\tand  tabs"),
    ]
    assert named_link_lines(rows) == [
        "我从草原来.mp4  https://vip.123pan.cn/1/a/x.mp4",
        "3  https://vip.123pan.cn/1/a/y.zip",
        "two lines and tabs  https://vip.123pan.cn/1/a/z",
    ]


def test_nothing_with_a_link() -> None:
    assert named_link_lines([LinkResult(2, error="x", error_kind=ErrorKind.API)]) == []
