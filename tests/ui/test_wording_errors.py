"""Error wording: every ErrorKind and RowStatus has its own plain words, in English and (translated) Chinese."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pan123_gui.core.errors import ErrorKind
from pan123_gui.ui.i18n import install_translators
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.wording.errors import (
    error_label,
    error_text,
    error_tooltip,
    failed_label,
    format_size,
    status_text,
)

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
EVERY_KIND: list[ErrorKind | None] = [*ErrorKind, None]


def load_i18n_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pan123_i18n_tool", ROOT / "packaging" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    try:
        yield
    finally:
        install_translators(qapp, "en")


def test_every_kind_has_distinct_plain_words(qapp: Any) -> None:
    texts = [error_text(kind, 1010 if kind is ErrorKind.API else None) for kind in EVERY_KIND]
    labels = [error_label(kind, 1010 if kind is ErrorKind.API else None) for kind in EVERY_KIND]
    assert all(text.strip() for text in texts) and all(label.strip() for label in labels)
    assert len(set(texts)) == len(texts)
    assert len(set(labels)) == len(labels)
    for label, text in zip(labels, texts, strict=True):
        assert len(label) < len(text)  # the label is the short form
        assert "None" not in text and "ErrorKind" not in text


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (ErrorKind.NOT_DIRECT_LINK_SPACE, ["直链空间", "VIP", "enable"]),
        (ErrorKind.TRAFFIC_EXHAUSTED, ["traffic", "Buy"]),
        (ErrorKind.AUTH, ["token", "Credentials"]),
        (ErrorKind.RATE_LIMITED, ["too many requests", "Settings", "Retry failed"]),
        (ErrorKind.NOT_FOUND, ["ID"]),
        (ErrorKind.IS_FOLDER, ["folder", "only for files", "files inside"]),
        (ErrorKind.TRASHED, ["recycle bin", "Restore", "Retry failed"]),
        (ErrorKind.NETWORK, ["connection", "proxy", "Retry failed"]),
        (ErrorKind.MALFORMED, ["unexpected answer", "later"]),
        (ErrorKind.BAD_LINK, ["http(s)", "not opened"]),
        (ErrorKind.CREDENTIALS, ["Credentials"]),
        (ErrorKind.CANCELLED, ["Cancelled"]),
        (ErrorKind.SIGNING, ["signing key"]),
    ],
)
def test_text_says_what_to_do(qapp: Any, kind: ErrorKind, words: list[str]) -> None:
    text = error_text(kind)
    for word in words:
        assert word in text


def test_api_error_quotes_the_server_and_the_tooltip_adds_the_trace_id(qapp: Any) -> None:
    text = error_text(ErrorKind.API, 1010, "forbidden realc:1")
    assert text == "123pan said: forbidden realc:1 (code 1010)"
    assert error_label(ErrorKind.API, 1010) == "123pan error 1010"
    tip = error_tooltip(ErrorKind.API, 1010, "forbidden realc:1", "16f60c4d_kong-db")
    assert tip == text + "\nTrace ID for 123pan support: 16f60c4d_kong-db"
    assert error_tooltip(ErrorKind.API, 1010, "forbidden realc:1") == text  # no trace id, nothing added
    assert error_text(ErrorKind.API, 7) == "123pan reported error code 7. Retry later."
    assert error_text(ErrorKind.API, None, "odd") == "123pan said: odd"


def test_the_words_come_from_fields_not_from_parsing_text(qapp: Any) -> None:
    # Text that looks like the core's English line is quoted as it is: nothing is cut out of it or read back.
    odd = "see (code 5) [x-traceID not-this-one]"
    assert error_text(ErrorKind.API, 1010, odd) == f"123pan said: {odd} (code 1010)"
    assert "Trace ID" not in error_tooltip(ErrorKind.API, 1010, odd)


def test_fixed_wording_ignores_the_technical_message(qapp: Any) -> None:
    assert error_text(ErrorKind.NETWORK, None, "ConnectError: [Errno 111]") == error_text(ErrorKind.NETWORK)
    assert error_tooltip(ErrorKind.NETWORK) == error_text(ErrorKind.NETWORK)  # no trace id, nothing added


def test_failed_label_and_statuses(qapp: Any) -> None:
    assert failed_label(ErrorKind.NOT_DIRECT_LINK_SPACE) == "Failed: not in a direct-link folder"
    words = [status_text(status) for status in RowStatus]
    assert all(words) and len(set(words)) == len(words)


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (None, ""),
        (-1, ""),
        (0, "0 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (1024 * 1024 - 1, "1.0 MB"),
        (3_355_443, "3.2 MB"),
        (5 * 1024**3, "5.0 GB"),
        (1536 * 1024**3, "1.5 TB"),
    ],
)
def test_format_size(size: int | None, text: str) -> None:
    assert format_size(size) == text


def test_chinese_translation_for_every_kind_and_status(chinese: None) -> None:
    for kind in EVERY_KIND:
        text = error_text(kind, 1010 if kind is ErrorKind.API else None, "forbidden")
        label = error_label(kind, 1010 if kind is ErrorKind.API else None)
        assert CJK.search(text), text
        assert CJK.search(label), label
    for status in RowStatus:
        assert CJK.search(status_text(status))
    assert failed_label(ErrorKind.NOT_DIRECT_LINK_SPACE) == "失败：不在直链空间"
    assert error_text(ErrorKind.API, 1010, "forbidden") == "123云盘提示：forbidden（代码 1010）"
    assert "文件夹" in error_label(ErrorKind.IS_FOLDER) and "文件夹" in error_text(ErrorKind.IS_FOLDER)
    assert "回收站" in error_label(ErrorKind.TRASHED) and "还原" in error_text(ErrorKind.TRASHED)


def test_folder_and_trash_rows_do_not_look_like_raw_api_errors(qapp: Any) -> None:
    # what the window used to show for a folder: "123pan error 400"
    for kind in (ErrorKind.IS_FOLDER, ErrorKind.TRASHED):
        assert "123pan error" not in error_label(kind, 400)
        assert "code" not in error_text(kind, 400, "文件夹不支持获取直链 (code 400)")
    assert failed_label(ErrorKind.IS_FOLDER, 400) == "Failed: folder, not a file"
    assert failed_label(ErrorKind.TRASHED) == "Failed: in the recycle bin"


def test_switching_back_to_english(qapp: Any) -> None:
    english = error_text(ErrorKind.TRAFFIC_EXHAUSTED)
    install_translators(qapp, "zh_CN")
    try:
        assert "直链流量" in error_text(ErrorKind.TRAFFIC_EXHAUSTED)
    finally:
        install_translators(qapp, "en")
    assert error_text(ErrorKind.TRAFFIC_EXHAUSTED) == english


def test_errors_translation_is_complete_current_and_compiled() -> None:
    tool = load_i18n_tool()
    ts = tool.ts_path("errors")
    assert tool.ts_problems(ts) == []
    assert tool.stale_problems("errors") == []  # every string in the sources is in the .ts
    assert tool.qm_problems(ts) == []  # the committed .qm matches the .ts
