"""Not losing the list: the last session on disk, and the links that quitting now would lose.

:class:`SessionStore` keeps the paste box text and the result rows in a JSON file in the app's data folder
(``QStandardPaths.AppDataLocation``), written when the window closes (and after each run), read back on the next
start. Only what is safe in a plain file is written: file ID, name, size, status, error kind / code / text and the
*unsigned* link. A signed link carries an ``auth_key`` and is never written: its row comes back EXPIRED with the
plain link, ready to be re-signed in one click. Rows still waiting when the app quit come back as cancelled, so
"Retry failed" picks them up. Demo mode keeps no session.

The kept list is never lost. A file the app cannot read (cut off, not UTF-8, not JSON, JSON nested too deep, another
layout, far larger than any real list) is never overwritten: it is moved aside with the date in its name
(``session.json.unreadable-20261202-001500``) and :attr:`SessionStore.problem` / :attr:`SessionStore.set_aside` say
so for the window, which starts with an empty list. Something that is not a regular file at the path (a FIFO, a
device) is never opened. When the file cannot be moved aside, saving is refused, so it is not replaced either.
Saves go through a unique temp file created beside it (:func:`~pan123_gui.core.atomic_write.write_atomically`);
:attr:`SessionStore.save_error` says why the last save failed (the window then offers Export instead).

:class:`NewLinks` tracks the links fetched since the app started that were neither copied, opened nor exported: the
window asks before quitting while there are any.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qsl, urlsplit

from pan123_gui.core.atomic_write import write_atomically
from pan123_gui.core.errors import ErrorKind
from pan123_gui.ui.input.panel import MAX_BOX_CHARS
from pan123_gui.ui.results.model import ResultsModel, SavedRow
from pan123_gui.ui.row_status import RowStatus

if TYPE_CHECKING:
    from pan123_gui.core.ids import IdScan
    from pan123_gui.core.models import LinkResult

log = logging.getLogger(__name__)

FORMAT: Final = "pan123-gui session"
VERSION: Final = 1

# Saved statuses (a row still pending or working when the app quit is saved as cancelled).
OK, EXPIRED, FAILED, CANCELLED = "ok", "expired", "failed", "cancelled"

#: A longer box text is kept as the IDs found in it (one a line), not as the text itself.
MAX_KEPT_TEXT: Final = MAX_BOX_CHARS
#: How a folder reference from the box is kept (a 123pan web address reads back as the same folder).
FOLDER_ADDRESS: Final = "https://www.123pan.com/?homeFilePath={}"
#: Far larger than any real kept list (100,000 rows are about 20 MB): such a file is not read, it is set aside.
MAX_SESSION_BYTES: Final = 64 * 1024 * 1024


class SessionProblem(Enum):
    """Why the kept list from last time did not come back."""

    UNREADABLE = "unreadable"  # cut off, not UTF-8, not JSON, nested too deep, another layout
    TOO_LARGE = "too_large"  # far larger than any real list: not read into memory
    NOT_A_FILE = "not_a_file"  # a FIFO, a device, a socket at the path: never opened
    FOLDER = "folder"  # a folder has the file's name: nothing to read, and saving cannot work


#: Query parameters that make a link secret (URL signing): a link carrying one is never written.
_SECRET_PARAMS: Final = frozenset({"auth_key", "access_token", "token"})


def plain_link(url: str | None) -> str | None:
    """``url`` if it is an http(s) link without any signing / token parameter, else None (never write those)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    names = {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return None if names & _SECRET_PARAMS else url


class SavedSession:
    """What came back from the file: the box text, the rows' results, and which of them are expired signed links."""

    __slots__ = ("expired", "results", "text")

    def __init__(self, text: str, results: list[LinkResult], expired: frozenset[int]) -> None:
        self.text = text
        self.results = results
        self.expired = expired

    @property
    def empty(self) -> bool:
        return not self.results and not self.text.strip()


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The box text and the rows as they were when the snapshot was taken (``number`` orders snapshots)."""

    number: int
    text: str
    rows: list[SavedRow]


class SessionStore:
    """The session file. Reading and writing never raise for a bad or unwritable file (they log and go on)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: SessionProblem | None = None  # why the last load found no usable list
        self.set_aside: Path | None = None  # where an unusable file was moved (None: not moved)
        self.save_error: str | None = None  # why the last save failed (None: it worked)
        self._protected = False  # an unusable file that could not be moved aside: never replace it
        self._write_lock = threading.Lock()  # one write at a time (the GUI thread's or a pool thread's)
        self._taken = 0  # snapshots taken
        self._written = 0  # the newest snapshot written (an older one is not written after it)

    def __repr__(self) -> str:
        return f"SessionStore({str(self.path)!r})"

    # -- writing --------------------------------------------------------------------------------------------------
    def save(self, text: str, model: ResultsModel, *, scan: IdScan | None = None) -> bool:
        """Write the box text and every row (an empty list and box remove the file). True when written.

        A box text longer than :data:`MAX_KEPT_TEXT` is kept as the IDs found in it (``scan``, when given), one a
        line, not as megabytes of text."""
        return self.write(self.snapshot(text, model, scan=scan))

    def snapshot(self, text: str, model: ResultsModel, *, scan: IdScan | None = None) -> Snapshot:
        """What :meth:`write` writes, taken from the model (GUI thread; cheap: no JSON, no file)."""
        if len(text) > MAX_KEPT_TEXT and scan is not None:
            text = ids_text(scan)
        with self._write_lock:
            self._taken += 1
            number = self._taken
        return Snapshot(number, text, model.saved_rows())

    def write(self, snapshot: Snapshot) -> bool:
        """Write a snapshot (any thread; one write at a time). A snapshot older than one already written is not
        written again (a save in the background never overwrites a later one). True when written."""
        with self._write_lock:
            if snapshot.number < self._written:
                return self.save_error is None
            self._written = snapshot.number
            return self._write(snapshot)

    def _write(self, snapshot: Snapshot) -> bool:
        if self._protected:
            self.save_error = "the unreadable list from last time could not be moved aside"
            log.warning("not saving over %s: %s", self.path, self.save_error)
            return False
        text = snapshot.text
        rows = [_saved_row(*row) for row in snapshot.rows]
        if not rows and not text.strip():
            self.clear()
            self.save_error = None
            return True
        payload = {"format": FORMAT, "version": VERSION, "text": text, "rows": rows}
        try:
            write_atomically(self.path, _dumps(payload).encode("utf-8"), mode=0o600, make_parents=True)  # owner-only
        except OSError as exc:
            self.save_error = exc.strerror or type(exc).__name__
            log.warning("could not save the list to %s: %s", self.path, self.save_error)
            return False
        self.save_error = None
        return True

    def clear(self) -> None:
        """Forget the saved session (never an unreadable file that could not be moved aside, nor a folder)."""
        if self._protected or self.problem is SessionProblem.FOLDER:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self.path, exc.strerror or type(exc).__name__)

    # -- reading --------------------------------------------------------------------------------------------------
    def load(self) -> SavedSession | None:
        """The saved session, or None when there is none or it cannot be used (then :attr:`problem` says why and
        :attr:`set_aside` where the file went). Never raises."""
        self.problem, self.set_aside = None, None
        try:
            raw = self._read()
        except _Unusable as unusable:
            self._put_aside(unusable.problem, unusable.why)
            return None
        if raw is None:
            return None
        try:
            return _parse(raw)
        except Exception as exc:  # RecursionError, UnicodeDecodeError, MemoryError, another layout: all of them
            self._put_aside(SessionProblem.UNREADABLE, type(exc).__name__)
            return None

    def _read(self) -> bytes | None:
        """The file's bytes (None: there is none); :class:`_Unusable` for what must not or cannot be read."""
        try:
            info = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):  # nothing there (no data folder: saving says why)
            return None
        except OSError as exc:
            raise _Unusable(SessionProblem.UNREADABLE, exc.strerror or type(exc).__name__) from None
        if stat.S_ISDIR(info.st_mode):
            raise _Unusable(SessionProblem.FOLDER, "a folder")
        if not stat.S_ISREG(info.st_mode):
            raise _Unusable(SessionProblem.NOT_A_FILE, "not a regular file")
        if info.st_size > MAX_SESSION_BYTES:
            raise _Unusable(SessionProblem.TOO_LARGE, f"{info.st_size} bytes")
        try:  # O_NONBLOCK: should a FIFO be swapped in after the check, opening it does not wait for a writer
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except OSError as exc:
            raise _Unusable(SessionProblem.UNREADABLE, exc.strerror or type(exc).__name__) from None
        with os.fdopen(fd, "rb") as handle:
            try:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    raise _Unusable(SessionProblem.NOT_A_FILE, "not a regular file")
                data = handle.read(MAX_SESSION_BYTES + 1)
            except OSError as exc:
                raise _Unusable(SessionProblem.UNREADABLE, exc.strerror or type(exc).__name__) from None
        if len(data) > MAX_SESSION_BYTES:
            raise _Unusable(SessionProblem.TOO_LARGE, "grew while read")
        return data

    def _put_aside(self, problem: SessionProblem, why: str) -> None:
        """Move the unusable file out of the way with the date in its name (a folder stays where it is)."""
        self.problem = problem
        log.warning("the saved list %s cannot be used (%s, %s)", self.path, problem.value, why)
        if problem is SessionProblem.FOLDER:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for attempt in range(100):
            target = self.path.with_name(f"{self.path.name}.unreadable-{stamp}" + (f"-{attempt}" if attempt else ""))
            if os.path.lexists(target):
                continue
            try:
                os.rename(self.path, target)
            except OSError as exc:
                log.warning("could not move %s aside: %s", self.path, exc.strerror or type(exc).__name__)
                break
            self.set_aside = target
            log.warning("the unusable list was moved to %s; starting with an empty list", target)
            return
        self._protected = True  # it stays where it is, and nothing is saved over it


class _Unusable(Exception):
    def __init__(self, problem: SessionProblem, why: str) -> None:
        super().__init__(why)
        self.problem = problem
        self.why = why


def _parse(raw: bytes) -> SavedSession:
    """The session in the file's bytes; raises for anything that is not the app's own layout."""
    import json

    data = json.loads(raw.decode("utf-8"))
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("version", VERSION) != VERSION  # a later version's list: kept aside for it, not half-read
        or not isinstance(data.get("rows"), list)
    ):
        raise ValueError("another layout")
    text = data.get("text")
    results: list[LinkResult] = []
    expired: set[int] = set()
    seen: set[int] = set()
    for item in data["rows"]:
        restored = _restored_row(item)
        if restored is None or restored[0].file_id in seen:
            continue
        result, is_expired = restored
        seen.add(result.file_id)
        results.append(result)
        if is_expired:
            expired.add(result.file_id)
    return SavedSession(text if isinstance(text, str) else "", results, frozenset(expired))


def ids_text(scan: IdScan) -> str:
    """The IDs of a scan as box text, one a line (a folder reference as its web address, so it stays a folder)."""
    lines = [FOLDER_ADDRESS.format(ref.id) if ref.folder else str(ref.id) for ref in scan.refs]
    return "\n".join(lines) + ("\n" if lines else "")


def _dumps(payload: dict[str, Any]) -> str:
    """The file's text; a lone surrogate in a name (valid JSON from the API, not encodable) becomes U+FFFD."""
    import json

    from pan123_gui.core.printable import encodable

    return encodable(json.dumps(payload, ensure_ascii=False, indent=1))


def _clean_error(text: str | None) -> str | None:
    if not text:
        return None
    from pan123_gui.logs import redact  # error texts carry no secrets; this makes sure of it

    return redact(text)


def _saved_row(
    file_id: int,
    status: RowStatus,
    result: LinkResult | None,
    name: str | None,
    size: int | None,
    path: str | None,
    relative_folder: str | None,
) -> dict[str, Any]:
    row: dict[str, Any] = {"id": file_id}
    if result is not None:
        row["name"] = result.name if result.name is not None else name
        row["size"] = result.size if result.size is not None else size
    if path is not None:
        row["path"] = path
        if relative_folder is not None:
            row["relative_folder"] = relative_folder
    if result is None or status is RowStatus.PENDING:
        row["status"] = CANCELLED  # the run was cut short by quitting: "Retry failed" picks these up
        row["error_kind"] = ErrorKind.CANCELLED.value
        return row
    if status in (RowStatus.OK, RowStatus.EXPIRED):
        signed = result.expires_at is not None or status is RowStatus.EXPIRED
        link = plain_link(result.unsigned_url if signed else result.url)
        if link is None and not signed:
            link = plain_link(result.unsigned_url)
            signed = link is not None
        if link is None:  # nothing safe to keep: get it again next time
            row["status"] = CANCELLED
            row["error_kind"] = ErrorKind.CANCELLED.value
            return row
        row["status"] = EXPIRED if signed else OK
        row["link"] = link
        if signed and result.expires_at is not None:
            row["expires_at"] = result.expires_at.isoformat()
        return row
    row["status"] = CANCELLED if status is RowStatus.CANCELLED else FAILED
    row["error_kind"] = result.error_kind.value if result.error_kind is not None else None
    row["error_code"] = result.error_code
    row["error"] = _clean_error(result.error)
    if result.trace_id:
        row["trace_id"] = _clean_error(result.trace_id)
    if result.server_message:
        row["server_message"] = _clean_error(result.server_message)
    return row


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _restored_row(item: object) -> tuple[LinkResult, bool] | None:
    """(result, is an expired signed link) for one saved row, or None when the row makes no sense."""
    from pan123_gui.core.models import LinkResult

    if not isinstance(item, dict):
        return None
    file_id = _opt_int(item.get("id"))
    if file_id is None or file_id <= 0:
        return None
    name = _opt_str(item.get("name"))
    size = _opt_int(item.get("size"))
    path = _opt_str(item.get("path"))
    relative = item.get("relative_folder")
    place: dict[str, Any] = {
        "path": path,
        "relative_folder": relative if path is not None and isinstance(relative, str) else None,
    }
    status = item.get("status")
    link = plain_link(_opt_str(item.get("link")))
    if status == OK and link is not None:
        return LinkResult(file_id=file_id, url=link, name=name, size=size, unsigned_url=link, **place), False
    if status == EXPIRED and link is not None:
        expires = _opt_str(item.get("expires_at"))
        try:
            expires_at = datetime.fromisoformat(expires) if expires else None
        except ValueError:
            expires_at = None
        result = LinkResult(file_id=file_id, name=name, size=size, expires_at=expires_at, unsigned_url=link, **place)
        return result, True
    kind_value = item.get("error_kind")
    try:
        kind = ErrorKind(kind_value) if isinstance(kind_value, str) else None
    except ValueError:
        kind = None
    if status == FAILED:
        error = _opt_str(item.get("error")) or "failed"
        code = _opt_int(item.get("error_code"))
        failed = LinkResult(
            file_id=file_id,
            error=error,
            error_kind=kind,
            error_code=code,
            trace_id=_opt_str(item.get("trace_id")),
            server_message=_opt_str(item.get("server_message")),
            name=name,
            size=size,
            **place,
        )
        return failed, False
    # cancelled, or anything unknown: the row comes back to be fetched again
    error = _opt_str(item.get("error")) or "cancelled"
    cancelled = LinkResult(file_id=file_id, error=error, error_kind=ErrorKind.CANCELLED, name=name, size=size, **place)
    return cancelled, False


class NewLinks:
    """Links fetched since the app started that were neither copied, opened nor exported."""

    def __init__(self) -> None:
        self._links: dict[int, str] = {}

    def fetched(self, results: Iterable[LinkResult]) -> None:
        for result in results:
            if result.ok and result.url:
                self._links[result.file_id] = result.url
            else:
                self._links.pop(result.file_id, None)

    def handed_out(self, links: Iterable[str | None]) -> None:
        """These links went to the clipboard, the browser or a file."""
        taken = {link for link in links if link}
        if taken:
            self._links = {file_id: url for file_id, url in self._links.items() if url not in taken}

    def forget(self, ids: Iterable[int]) -> None:
        for file_id in ids:
            self._links.pop(file_id, None)

    def clear(self) -> None:
        self._links.clear()

    def count(self, model: ResultsModel) -> int:
        """How many of them are still usable links in ``model`` (an expired signed link is no loss)."""
        total = 0
        for file_id, url in self._links.items():
            row = model.row_of(file_id)
            if row is not None and model.link_at(row) == url:
                total += 1
        return total
