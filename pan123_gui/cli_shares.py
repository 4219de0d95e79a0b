"""``pan123-link --share``: share links (分享链接) for the inputs instead of direct links, and the space notes of
``--enable-space``.

One share per 100 files or folders (more: "name (1／2)", "name (2／2)"). Output: ``--format text`` one line per
share as 123pan writes it ("链接：URL 提取码：CODE"), failures on stderr as ``NAME<TAB>reason``; ``jsonl`` one object
per share (:func:`~pan123_gui.core.shares.share_record`); ``json`` a list of them. Sharing asks for no direct link.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from datetime import date
from typing import TextIO

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.errors import Pan123Error
from pan123_gui.core.inert import json_inert
from pan123_gui.core.printable import encodable
from pan123_gui.core.shares import (
    ShareExpiry,
    ShareResult,
    create_shares,
    generate_password,
    share_line,
    share_record,
)
from pan123_gui.core.spaces import SpaceChange

__all__ = ["SHARE_FORMATS", "default_share_name", "parse_password", "run_share", "space_change_line"]

SHARE_FORMATS = frozenset({"text", "jsonl", "json"})
AUTO_PASSWORD = "auto"
_POLL = 0.1


def parse_password(value: str | None) -> str | None:
    """``--share-password``: None (no code), ``auto`` (a generated one) or the code itself (letters and digits)."""
    if value is None:
        return None
    if value.strip().lower() == AUTO_PASSWORD:
        return generate_password()
    code = value.strip()
    if not code or not code.isascii() or not code.isalnum() or len(code) > 16:
        raise ValueError("--share-password is 1 to 16 letters or digits, or auto")
    return code


def default_share_name(first_name: str | None, count: int, today: date) -> str:
    """The first file's name without its extension, ``+N`` for the others, and the date."""
    stem = (first_name or "").strip()
    if "." in stem.strip("."):
        stem = stem.rsplit(".", 1)[0]
    more = f" +{count - 1}" if count > 1 else ""
    base = stem[:20] if stem else f"{count} file{'s' if count != 1 else ''}"
    return f"{base}{more} {today.isoformat()}"


def run_share(
    client: Pan123Client,
    ids: Sequence[int],
    *,
    name: str,
    expire: ShareExpiry,
    password: str | None,
    fmt: str,
    stdout: TextIO,
    say: Callable[[str], None],
) -> tuple[list[ShareResult], bool]:
    """Create the shares on a thread (Ctrl+C cancels the ones not yet made) and print them as they come.
    Returns the results and whether it was interrupted."""
    cancel = threading.Event()
    results: list[ShareResult] = []
    failure: list[BaseException] = []
    finished = threading.Event()

    def each(result: ShareResult) -> None:
        results.append(result)
        if fmt == "json":
            return
        if result.ok:
            line = (
                share_line(result)
                if fmt == "text"
                else json_inert(json.dumps(share_record(result), ensure_ascii=False))
            )
            _write(stdout, f"{line}\n")
        else:
            say(f"{result.name}\t{' '.join((result.error or '').split())}")
            if fmt == "jsonl":
                _write(stdout, _json_line(result) + "\n")

    def work() -> None:
        try:
            create_shares(client, ids, name=name, expire=expire, password=password, cancel=cancel, on_result=each)
        except BaseException as exc:  # reported by the main thread
            failure.append(exc)
        finally:
            finished.set()

    threading.Thread(target=work, name="pan123-link-share", daemon=True).start()
    interrupted = False
    try:
        while not finished.wait(_POLL):
            pass
    except KeyboardInterrupt:
        interrupted = True
        cancel.set()
        while not finished.wait(_POLL):
            pass
    if failure:
        error = failure[0]
        raise error if isinstance(error, Pan123Error | ValueError) else RuntimeError(type(error).__name__)
    if fmt == "json":
        _write(stdout, json_inert(json.dumps([share_record(r) for r in results], ensure_ascii=False, indent=2)) + "\n")
    return results, interrupted


def space_change_line(change: SpaceChange) -> str:
    """What ``--enable-space`` did for one folder, for stderr."""
    name = change.server_name or change.folder.name
    if change.ok:
        return f"note: direct-link space switched on for “{name}” (folder {change.folder.file_id})"
    folder = change.folder.file_id
    return f"error: could not switch on the direct-link space of “{name}” (folder {folder}): {change.error}"


def _json_line(result: ShareResult) -> str:
    return json_inert(json.dumps(share_record(result), ensure_ascii=False))


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(encodable(text))
        stream.flush()
    except BrokenPipeError:  # the reader went away (| head): the shares are made all the same
        pass
