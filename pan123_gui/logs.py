"""Logging to a rotating file in the platform's log folder, with secrets redacted from every record.

Qt-free so the command line can use it too. ``redact(text)`` is the one redaction function: the log filter
and the crash report both use it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import platformdirs

from pan123_gui import APP_NAME

if TYPE_CHECKING:
    from pan123_gui.core.credentials import Credentials

LOG_FILE_NAME: Final = "pan123-gui.log"
MAX_BYTES: Final = 1_000_000
BACKUP_COUNT: Final = 3
REDACTED: Final = "<redacted>"
_MIN_SECRET_LENGTH: Final = 4  # shorter registered values would blank out ordinary words

_SECRET_KEYS = r"access_?token|client_?secret|sign_?key|auth_key|refresh_?token|password"  # matched case-insensitively
_PATTERNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    # Authorization: Bearer <token>
    (re.compile(r"(?i)\b(Bearer)\s+[^\s\"',;]+"), rf"\1 {REDACTED}"),
    # key=value, key: value, "key": "value", key='value' (JSON bodies, query strings, reprs, env assignments)
    (
        re.compile(
            rf"(?i)(\b(?:PAN123_)?(?:{_SECRET_KEYS})[\"']?\s*[:=]\s*[\"']?)"
            r"([^\"'&\s,;}\])]+)"
        ),
        rf"\1{REDACTED}",
    ),
    # JWT-looking strings (123pan access tokens are JWTs)
    (re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), REDACTED),
)

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Redact this exact value from now on (tokens, client secret, sign key known at runtime)."""
    if value and len(value) >= _MIN_SECRET_LENGTH:
        with _secrets_lock:
            _secrets.add(value)


def register_credentials(creds: Credentials) -> None:
    """Redact every secret of ``creds`` from now on: the access token, the client secret and the signing key."""
    register_secret(creds.client_secret)
    register_secret(creds.sign_key)
    if creds.access_token is not None:
        register_secret(creds.access_token.value)


def forget_secrets() -> None:
    """Drop the registered values (tests; after sign-out the old ones stay registered on purpose)."""
    with _secrets_lock:
        _secrets.clear()


def redact(text: str) -> str:
    """``text`` with tokens, secrets and signing keys replaced by ``<redacted>``."""
    if not text:
        return text
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)  # longest first: a secret containing another
    for value in known:
        text = text.replace(value, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Redacts the formatted message (so ``args`` too), the exception text and the stack text of each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what we can
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder for log files: ``PAN123_LOG_DIR`` if set, else the platform's usual place (platformdirs).

    Linux: ``$XDG_STATE_HOME/pan123-gui/log`` (``~/.local/state/...``); Windows: ``%LOCALAPPDATA%\\pan123-gui\\Logs``;
    macOS: ``~/Library/Logs/pan123-gui``.
    """
    env = os.environ if env is None else env
    if env.get("PAN123_LOG_DIR"):
        return Path(env["PAN123_LOG_DIR"])
    return Path(platformdirs.PlatformDirs(APP_NAME, appauthor=False).user_log_dir)


def _level_from_env(env: Mapping[str, str]) -> int:
    name = (env.get("PAN123_LOG") or "info").strip().upper()
    value = logging.getLevelName(name)
    return value if isinstance(value, int) else logging.INFO


_OURS: Final = "_pan123_gui_handler"


def setup_logging(level: int | str | None = None, *, env: Mapping[str, str] | None = None) -> Path:
    """Send logging to a rotating file (~1 MB × 3) and warnings to stderr; returns the log file's path.

    ``level`` defaults to ``PAN123_LOG`` (e.g. ``debug``) or INFO. Calling it again replaces the handlers.
    """
    env = os.environ if env is None else env
    if level is None:
        resolved = _level_from_env(env)
    elif isinstance(level, str):
        named = logging.getLevelName(level.upper())
        resolved = named if isinstance(named, int) else logging.INFO
    else:
        resolved = level

    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()

    redacting = RedactingFilter()
    fmt = logging.Formatter("%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s")
    path = _open_file_handler(log_dir(env), resolved, fmt, redacting, root)

    stream = sys.stderr
    if stream is not None:  # None under pythonw / a windowed frozen build
        console = logging.StreamHandler(stream)
        console.setLevel(logging.DEBUG if resolved <= logging.DEBUG else logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console.addFilter(redacting)
        setattr(console, _OURS, True)
        root.addHandler(console)

    root.setLevel(resolved)
    # httpx logs every request at INFO; keep that for debug runs only.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if resolved <= logging.DEBUG else logging.WARNING)
    logging.captureWarnings(True)
    return path


def _open_file_handler(
    folder: Path, level: int, fmt: logging.Formatter, redacting: logging.Filter, root: logging.Logger
) -> Path:
    try:
        handler, path = _rotating_handler(folder)
    except OSError:
        import tempfile  # only for the fallback folder; keeps start-up lean

        fallback = Path(tempfile.gettempdir()) / APP_NAME / "log"
        try:
            handler, path = _rotating_handler(fallback)
        except OSError as exc:
            raise OSError(f"cannot create a log file in {folder} or {fallback}") from exc
    handler.setLevel(level)
    handler.setFormatter(fmt)
    handler.addFilter(redacting)
    setattr(handler, _OURS, True)
    root.addHandler(handler)
    return path


def _rotating_handler(folder: Path) -> tuple[logging.Handler, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    return handler, path
