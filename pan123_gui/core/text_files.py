"""Reading file IDs out of dropped or opened files and dropped text (no Qt; runs on a pool thread).

Each file is read on its own: a file that is binary, too big, in an unknown encoding, missing or a folder is
reported as a :class:`FileIssue` and skipped; the IDs of every other file (and of dropped text) are kept.
Issues carry a kind plus the file name, so the window words them in the user's language.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Final

#: Files larger than this are not read (a list of a million IDs is ~10 MB; anything bigger is not an ID list).
MAX_FILE_BYTES: Final = 16 * 1024 * 1024
#: Encodings tried in order after BOM detection. GB18030 covers GBK/GB2312 files saved by Chinese Windows tools.
ENCODINGS: Final = ("utf-8", "utf-8-sig", "gb18030")
_SNIFF_BYTES: Final = 8192
_TEXT_CONTROLS: Final = frozenset(b"\t\n\r\f\b\x1b")


class FileProblem(Enum):
    FOLDER = "folder"
    MISSING = "missing"
    UNREADABLE = "unreadable"  # permission denied, I/O error (detail = the OS's reason)
    TOO_BIG = "too_big"  # detail = size in bytes
    BINARY = "binary"
    ENCODING = "encoding"
    NO_IDS = "no_ids"


@dataclass(frozen=True, slots=True)
class FileIssue:
    path: Path
    problem: FileProblem
    detail: str = ""

    @property
    def name(self) -> str:
        return self.path.name or str(self.path)


@dataclass(frozen=True, slots=True)
class ReadOutcome:
    """IDs found (first-seen order, unique) plus what could not be read."""

    ids: list[int] = field(default_factory=list)
    files_read: int = 0
    issues: list[FileIssue] = field(default_factory=list)

    @property
    def problems(self) -> list[FileIssue]:
        """Issues that mean a file was skipped (a readable file without IDs is not a problem)."""
        return [i for i in self.issues if i.problem is not FileProblem.NO_IDS]


class NotTextError(ValueError):
    """The bytes are not text (binary) or not in any encoding we know."""

    def __init__(self, problem: FileProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (UTF-16 text is handled before this)."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls * 20 > len(head)  # more than 5 %


def decode_text(data: bytes) -> str:
    """Decode file bytes: UTF-16/UTF-8 BOMs first, then utf-8, utf-8-sig, gb18030. Raises NotTextError."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NotTextError(FileProblem.ENCODING) from exc
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NotTextError(FileProblem.ENCODING) from exc
    if looks_binary(data):
        raise NotTextError(FileProblem.BINARY)
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NotTextError(FileProblem.ENCODING)


def read_text_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of one file; raises :class:`FileIssueError` describing why it cannot be used."""
    try:
        if path.is_dir():
            raise FileIssueError(FileIssue(path, FileProblem.FOLDER))
        size = path.stat().st_size
        if size > max_bytes:
            raise FileIssueError(FileIssue(path, FileProblem.TOO_BIG, str(size)))
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise FileIssueError(FileIssue(path, FileProblem.MISSING)) from exc
    except OSError as exc:
        raise FileIssueError(FileIssue(path, FileProblem.UNREADABLE, exc.strerror or type(exc).__name__)) from exc
    if len(data) > max_bytes:  # grew while we looked
        raise FileIssueError(FileIssue(path, FileProblem.TOO_BIG, str(len(data))))
    try:
        return decode_text(data)
    except NotTextError as exc:
        raise FileIssueError(FileIssue(path, exc.problem)) from exc


class FileIssueError(Exception):
    def __init__(self, issue: FileIssue) -> None:
        super().__init__(issue.problem.value)
        self.issue = issue


def read_ids(
    paths: Sequence[Path],
    texts: Iterable[str] = (),
    *,
    extract: Callable[[str], list[int]] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> ReadOutcome:
    """IDs from dropped text and from each file; one bad file never loses the others."""
    if extract is None:
        from pan123_gui.core.ids import extract_ids

        extract = extract_ids
    found: dict[int, None] = {}
    issues: list[FileIssue] = []
    files_read = 0
    for text in texts:
        found.update(dict.fromkeys(extract(text)))
    for path in paths:
        try:
            text = read_text_file(path, max_bytes=max_bytes)
        except FileIssueError as exc:
            issues.append(exc.issue)
            continue
        files_read += 1
        ids = extract(text)
        if not ids:
            issues.append(FileIssue(path, FileProblem.NO_IDS))
        found.update(dict.fromkeys(ids))
    return ReadOutcome(ids=list(found), files_read=files_read, issues=issues)
