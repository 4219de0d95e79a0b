"""What reaches a screen is inert: server text with terminal escapes, links with userinfo or hidden characters."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hostile_server import HostileServer, answer, envelope, ok

from pan123_gui.cli import main
from pan123_gui.core.endpoints import DIRECT_LINK_PATH, FILE_INFOS_PATH
from pan123_gui.core.errors import BadLinkError
from pan123_gui.core.inert import escape_controls, json_inert
from pan123_gui.core.links import require_http_link

LINK = DIRECT_LINK_PATH
# Retitle the terminal (OSC 0), clear it (CSI 2J), a one-character C1 CSI, a bidi override, a zero-width space.
NASTY = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\u200b"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAN123_ACCESS_TOKEN", "env-token")


def _run(server: HostileServer, capsys: Any, *args: str) -> tuple[int, str, str]:
    code = main(["--api-base", server.base_url, "--rate", "1000", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _raw_controls(text: str) -> list[str]:
    return [ch for ch in text if ch in "\x1b\x07\x9b\u202e\u200b"]


@pytest.mark.parametrize("fmt", ["text", "jsonl", "csv"])
def test_a_server_message_with_terminal_escapes_is_printed_escaped(
    hostile: HostileServer, capsys: Any, env: None, fmt: str
) -> None:
    hostile.on(LINK, answer(200, envelope(20103, message=f"no {NASTY} link")))
    code, out, err = _run(hostile, capsys, "--format", fmt, "7")
    assert code == 1
    assert _raw_controls(out + err) == []
    shown = out if fmt != "text" else err
    assert "\\x1b]0;pwned" in shown or "\\u001b]0;pwned" in shown


def test_jsonl_with_escaped_server_text_is_still_the_same_json(hostile: HostileServer, capsys: Any, env: None) -> None:
    hostile.on(LINK, answer(200, envelope(20103, message=NASTY)))
    _, out, _ = _run(hostile, capsys, "--format", "jsonl", "7")
    assert _raw_controls(out) == []
    record = json.loads(out)
    assert "\x1b]0;pwned" in record["error"]  # a JSON escape on the terminal, the server's text for a program
    document = json.dumps({"a": "\x9b\u202e"}, ensure_ascii=False)
    assert json.loads(json_inert(document)) == {"a": "\x9b\u202e"}
    assert _raw_controls(json_inert(document)) == []


def test_a_file_name_with_terminal_escapes_is_printed_escaped(hostile: HostileServer, capsys: Any, env: None) -> None:
    hostile.on(LINK, ok({"url": "https://dl.example.com/a"}))
    hostile.on(
        FILE_INFOS_PATH, ok({"fileList": [{"fileId": 7, "filename": f"movie{NASTY}.mp4", "size": 1, "type": 0}]})
    )
    code, out, err = _run(hostile, capsys, "--names", "--format", "csv", "7")
    assert code == 0, err
    assert _raw_controls(out) == []
    assert "movie\\x1b]0;pwned" in out


@pytest.mark.parametrize(
    "link",
    [
        "https://user:pw@vip.123pan.cn/1/a.bin",
        "https://www.123pan.com@evil.example/a.bin",
        "https://vip.123pan\u202e.cn/1/a.bin",
        "https://vip\u200b.123pan.cn/1/a.bin",
        "https://vip.123pan.cn/1/a\x9b.bin",
        "https://vip.123pan.cn/1/\x85a.bin",
    ],
    ids=["userinfo", "at-host", "bidi-host", "zero-width-host", "c1-csi", "c1-nel"],
)
def test_a_deceptive_link_is_refused(link: str) -> None:
    with pytest.raises(BadLinkError) as caught:
        require_http_link(link)
    assert "pw" not in str(caught.value) and "evil" not in str(caught.value)


def test_a_deceptive_link_from_the_server_is_an_error_row_never_written_raw(
    hostile: HostileServer, capsys: Any, env: None
) -> None:
    hostile.on(LINK, ok({"url": "https://vip.123pan.cn/1/a\x9b2J.bin"}))
    code, out, err = _run(hostile, capsys, "7")
    assert code == 1 and out == ""
    assert "\x9b" not in err


def test_escape_controls_keeps_ordinary_text() -> None:
    assert escape_controls("文件不存在 (code 5066)") == "文件不存在 (code 5066)"
    assert escape_controls("a\tb", keep="\t") == "a\tb"
    assert escape_controls("a\tb") == "a\\x09b"
