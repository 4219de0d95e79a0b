"""No hostile answer makes pan123-link print a secret: the client secret and the tokens never reach stdout or
stderr, with --verbose (the log) included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hostile_server import (
    HostileServer,
    answer,
    deep_json,
    envelope,
    gzip_bombing,
    issue_token,
    link_unless_token,
    trickle_body,
)

from pan123_gui import logs
from pan123_gui.cli import main
from pan123_gui.core import _http
from pan123_gui.core.endpoints import ACCESS_TOKEN_PATH, DIRECT_LINK_PATH

SECRET = "client-secret-0123456789abcdef"
TOKEN_PREFIX = "tok-secret"
TOMORROW = (datetime.now(UTC) + timedelta(days=1)).isoformat()


def _echoing_message(conn: Any, request: Any, server: HostileServer) -> None:
    """A server that quotes the request's Authorization header back in its message."""
    from hostile_server import send_json

    send_json(conn, 200, envelope(20103, message=f"bad request {request.headers.get('authorization', '')}"))


@pytest.mark.parametrize(
    "link",
    [
        link_unless_token({"*"}),
        gzip_bombing,
        deep_json(),
        trickle_body,
        answer(500, envelope(1, message="\x1b]0;x\x07 oops")),
        _echoing_message,
    ],
    ids=["401-for-ever", "gzip-bomb", "deep-json", "trickle", "escapes", "echoes-the-token"],
)
def test_no_secret_in_any_output(
    hostile: HostileServer,
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: Any,
    link: Callable[..., None],
) -> None:
    monkeypatch.setattr(_http, "DEFAULT_DEADLINE", 0.5)
    monkeypatch.setenv("PAN123_CLIENT_ID", "cid")
    monkeypatch.setenv("PAN123_CLIENT_SECRET", SECRET)
    hostile.on(ACCESS_TOKEN_PATH, issue_token(TOMORROW, prefix=TOKEN_PREFIX)).on(DIRECT_LINK_PATH, link)
    try:
        main(["--api-base", hostile.base_url, "--rate", "1000", "--verbose", "--format", "jsonl", "1", "2"])
    finally:
        logs.forget_secrets()
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    assert f"{TOKEN_PREFIX}-1" not in out + err and f"{TOKEN_PREFIX}-2" not in out + err
