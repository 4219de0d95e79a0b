"""logs: secrets never reach the log file; the log folder follows each platform's convention."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest
from platformdirs.api import PlatformDirsABC

from pan123_gui import APP_NAME, logs

JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1aWQiOjE4MTQ0MzU5NzF9.c2lnbmF0dXJlLXBhcnQtaGVyZQ"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    old_level, old_handlers = root.level, list(root.handlers)
    path = logs.setup_logging("debug", env={"PAN123_LOG_DIR": str(tmp_path / "logs")})
    try:
        yield path
    finally:
        for handler in list(root.handlers):
            if handler not in old_handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(old_level)
        logs.forget_secrets()


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer abc.DEF-123_xyz", "abc.DEF-123_xyz"),
        ('{"accessToken": "tok-9f8e7d6c", "expiredAt": "2026-01-01"}', "tok-9f8e7d6c"),
        ('{"clientID": "cid", "clientSecret": "s3cr3t-value"}', "s3cr3t-value"),
        ("https://vip.123pan.cn/1/a.bin?auth_key=1700000000-abc-0-0123456789abcdef", "1700000000-abc"),
        ("client_secret='topsecret99'", "topsecret99"),
        ("PAN123_ACCESS_TOKEN=plain-env-token", "plain-env-token"),
        (f"token is {JWT} here", "eyJ1aWQiOjE4MTQ0MzU5NzF9"),
    ],
)
def test_redact_patterns(text: str, secret: str) -> None:
    out = logs.redact(text)
    assert secret not in out
    assert logs.REDACTED in out


def test_redact_keeps_ordinary_text() -> None:
    text = "resolved 12 of 14 IDs; https://vip.123pan.cn/1/a.bin?x=1 (code 5066)"
    assert logs.redact(text) == text


def test_registered_secret_is_redacted_anywhere() -> None:
    try:
        logs.register_secret("my-sign-key-42")
        assert logs.redact("signing with my-sign-key-42 now") == f"signing with {logs.REDACTED} now"
        logs.register_secret("ab")  # too short to register: would blank out ordinary words
        assert logs.redact("ab cd") == "ab cd"
    finally:
        logs.forget_secrets()


def test_every_secret_of_the_credentials_is_registered_at_once() -> None:
    from datetime import UTC, datetime

    from pan123_gui.core.credentials import Credentials
    from pan123_gui.core.models import AccessToken

    creds = Credentials(
        access_token=AccessToken("opaque-token-value-1", datetime(2030, 1, 1, tzinfo=UTC)),
        client_id="client-id-is-not-secret",
        client_secret="client-secret-value-2",
        sign_key="sign-key-value-3",
    )
    try:
        logs.register_credentials(creds)
        text = "opaque-token-value-1 client-secret-value-2 sign-key-value-3 client-id-is-not-secret"
        assert logs.redact(text) == " ".join([logs.REDACTED] * 3 + ["client-id-is-not-secret"])
    finally:
        logs.forget_secrets()


def test_log_file_has_no_secrets(log_file: Path) -> None:
    logs.register_secret("registered-sign-key")
    log = logging.getLogger("pan123_gui.test")
    log.info("request with %s", "Authorization: Bearer bearer-token-value")
    log.warning("body %s", {"accessToken": "json-token-value"})
    log.info("link https://x.example/f?auth_key=1700-rand-0-md5hash and key registered-sign-key")
    try:
        raise RuntimeError(f"failed for {JWT} with clientSecret=exc-secret-value")
    except RuntimeError:
        log.exception("unexpected")
    _flush()
    text = log_file.read_text(encoding="utf-8")
    for secret in (
        "bearer-token-value",
        "json-token-value",
        "1700-rand-0-md5hash",
        "registered-sign-key",
        JWT,
        "exc-secret-value",
    ):
        assert secret not in text
    assert "request with Authorization: Bearer <redacted>" in text
    assert "RuntimeError" in text  # the traceback itself is kept
    assert "unexpected" in text


def test_level_from_env_and_handlers_not_duplicated(tmp_path: Path) -> None:
    root = logging.getLogger()
    old_level, old_handlers = root.level, list(root.handlers)
    try:
        env = {"PAN123_LOG_DIR": str(tmp_path), "PAN123_LOG": "debug"}
        logs.setup_logging(env=env)
        path = logs.setup_logging(env=env)
        assert root.level == logging.DEBUG
        ours = [h for h in root.handlers if h not in old_handlers]
        assert len(ours) == 2  # one file, one stderr: a second call replaced, did not add
        logging.getLogger("x").debug("debug line")
        _flush()
        assert "debug line" in path.read_text(encoding="utf-8")
    finally:
        for handler in list(root.handlers):
            if handler not in old_handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(old_level)


@pytest.mark.parametrize(
    ("platform_dirs", "env", "expected"),
    [
        (platformdirs.unix.Unix, {"HOME": "/home/u"}, "/home/u/.local/state/pan123-gui/log"),
        (platformdirs.unix.Unix, {"HOME": "/home/u", "XDG_STATE_HOME": "/st"}, "/st/pan123-gui/log"),
        (platformdirs.macos.MacOS, {"HOME": "/Users/u"}, "/Users/u/Library/Logs/pan123-gui"),
        (
            platformdirs.windows.Windows,
            {"LOCALAPPDATA": "C:/Users/u/AppData/Local"},
            "C:/Users/u/AppData/Local/pan123-gui/Logs",
        ),
    ],
)
def test_log_dir_per_platform(
    monkeypatch: pytest.MonkeyPatch, platform_dirs: type[PlatformDirsABC], env: dict[str, str], expected: str
) -> None:
    """platformdirs' answer for each platform, with the app's name and no vendor folder (Windows)."""
    for name in ("HOME", "XDG_STATE_HOME", "LOCALAPPDATA", "PAN123_LOG_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(logs.platformdirs, "PlatformDirs", platform_dirs)  # what platformdirs picks on that system
    # Windows asks the shell for its folders; here (any system) the same answer comes from %LOCALAPPDATA%.
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", platformdirs.windows.get_win_folder_from_env_vars)
    assert logs.log_dir() == Path(expected)


def test_log_dir_env_override_and_this_system(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert logs.log_dir({"HOME": "/home/u", "PAN123_LOG_DIR": "/custom"}) == Path("/custom")
    monkeypatch.delenv("PAN123_LOG_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = logs.log_dir()  # the real platformdirs for this system, no stand-in
    assert APP_NAME in folder.parts
    if sys.platform.startswith("linux"):
        assert folder == tmp_path / "state" / APP_NAME / "log"


def test_unwritable_log_dir_falls_back_to_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the log folder should be")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    root = logging.getLogger()
    old_level, old_handlers = root.level, list(root.handlers)
    try:
        path = logs.setup_logging(env={"PAN123_LOG_DIR": str(blocker / "logs")})
        assert path == tmp_path / "tmp" / "pan123-gui" / "log" / "pan123-gui.log"
        assert path.exists()
    finally:
        for handler in list(root.handlers):
            if handler not in old_handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(old_level)
