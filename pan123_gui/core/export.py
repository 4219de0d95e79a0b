"""Export results as text, CSV, JSON, JSON Lines or an aria2 input file (Qt-free; the window and the CLI use it).

One record, one layout: :data:`COLUMNS` is the order of every field in a ``.json`` object and a
``pan123-link --format jsonl`` line (:func:`result_record`), and of the ``.csv`` header (:data:`CSV_COLUMNS`), where
the last field, ``spaceFolder`` (``{"fileID", "name"}`` of the top-level folder whose direct-link space a row outside
one needs, else null — also for a file at the top of the drive), is two columns, ``spaceFolderID`` and
``spaceFolderName``.

* ``.txt``: the successful links, one per line, in input order (rows without a link are left out and counted).
* ``.csv``: every row (failures too), RFC 4180 quoting and CRLF line ends. :func:`write_export` writes it as UTF-8
  *with* a BOM so Excel (notably in China) shows Chinese names; every other format is plain UTF-8. A cell
  starting with ``= + - @`` (or a tab/CR) gets a leading ``'`` so a spreadsheet never runs it as a formula.
* ``.json``: a list of :func:`result_record` objects, non-ASCII kept as is; ``.jsonl`` one object per line.
* ``.aria2``: an aria2 input file (``aria2c -i file``): each link, then ``  dir=<folder>`` for a file found in a
  sub-folder of an expanded folder (relative to it, so downloads keep the structure) and ``  out=<name>``. Every
  entry gets a name unique in its folder (the file's name, else the link's last path part, else the file ID); names
  are made safe: characters that are path separators or forbidden on Windows become ``_``; control characters and
  newlines go; no leading dots, dashes or spaces; reserved Windows device names get a ``_`` prefix; at most 240
  UTF-8 bytes; repeated names get `` (2)``, `` (3)`` ... before the extension.

``error`` is the row's error in words: English by default, or the caller's ``error_text`` (the window passes its
translated wording). ``traceID`` is the failed answer's trace ID, for 123pan support. ``expiresAt`` is ISO 8601
with the UTC offset. Lone surrogates in names (valid JSON from the API, but not encodable) become U+FFFD, so an
export never fails on a name. :func:`write_export` returns an :class:`ExportSummary` that says what it wrote.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

from pan123_gui.core.atomic_write import write_atomically
from pan123_gui.core.links import is_http_link
from pan123_gui.core.models import LinkResult
from pan123_gui.core.printable import encodable

COLUMNS = (
    "fileID",
    "name",
    "path",
    "size",
    "url",
    "expiresAt",
    "error",
    "errorKind",
    "errorCode",
    "traceID",
    "spaceFolder",
)
CSV_COLUMNS = (*COLUMNS[:-1], "spaceFolderID", "spaceFolderName")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_NAME_BYTES = 240
_UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {f"lpt{i}" for i in range(1, 10)}
)

ErrorText = Callable[[LinkResult], str]


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: ``written`` entries (links for .txt/.aria2, rows otherwise) of ``rows`` given;
    ``left_out`` rows had no usable link (only .txt and .aria2 leave rows out)."""

    fmt: str
    rows: int
    written: int
    left_out: int


def _one_line(text: str) -> str:
    return encodable(" ".join(text.split()))


def english_error(result: LinkResult) -> str:
    """The row's own one-line English error text (the CLI's and the default for exports)."""
    if result.error:
        return result.error
    return str(result.error_kind) if result.error_kind is not None else "failed"


def _error_text(result: LinkResult, error_text: ErrorText | None) -> str | None:
    if result.ok:
        return None
    return _one_line((error_text or english_error)(result))


def _expires(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).isoformat()


def result_record(result: LinkResult, error_text: ErrorText | None = None) -> dict[str, object]:
    """One result as a JSON-ready dict with the keys of :data:`COLUMNS`, in that order."""
    return {
        "fileID": result.file_id,
        "name": None if result.name is None else encodable(result.name),
        "path": None if result.path is None else encodable(result.path),
        "size": result.size,
        "url": result.url,
        "expiresAt": _expires(result.expires_at),
        "error": _error_text(result, error_text),
        "errorKind": None if result.error_kind is None else str(result.error_kind),
        "errorCode": result.error_code,
        "traceID": result.trace_id,
        "spaceFolder": _space_folder(result),
    }


def _space_folder(result: LinkResult) -> dict[str, object] | None:
    folder = result.space_folder
    if folder is None:
        return None
    return {"fileID": folder.file_id, "name": encodable(folder.name)}


def _good_links(results: Sequence[LinkResult]) -> list[tuple[str, LinkResult]]:
    return [(r.url, r) for r in results if r.url is not None and is_http_link(r.url)]


def export_txt(results: Sequence[LinkResult], error_text: ErrorText | None = None) -> str:
    """The successful links, one per line (``\\n``), in input order; empty when there are none."""
    return "".join(f"{url}\n" for url, _ in _good_links(results))


def _spreadsheet_safe(text: str | None) -> str:
    if not text:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_cells(result: LinkResult, error_text: ErrorText | None = None) -> list[object]:
    """One CSV row in :data:`CSV_COLUMNS` order: empty cells for missing values, text cells spreadsheet-safe."""
    record = result_record(result, error_text)
    folder = record.pop("spaceFolder")
    record["spaceFolderID"] = folder["fileID"] if isinstance(folder, dict) else None
    record["spaceFolderName"] = folder["name"] if isinstance(folder, dict) else None
    for key in ("name", "path", "spaceFolderName"):
        value = record[key]
        if isinstance(value, str):
            record[key] = _one_line(value)
    cells: list[object] = []
    for column in CSV_COLUMNS:
        value = record[column]
        cells.append(_spreadsheet_safe(value) if isinstance(value, str) else "" if value is None else value)
    return cells


def csv_line(cells: Sequence[object], *, line_end: str = "\r\n") -> str:
    """One RFC 4180 line (quotes doubled where needed)."""
    out = io.StringIO()
    csv.writer(out, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return out.getvalue()


def export_csv(results: Sequence[LinkResult], error_text: ErrorText | None = None) -> str:
    """Every row with a header, RFC 4180 (quotes doubled, CRLF). Empty cells for missing values."""
    return csv_line(CSV_COLUMNS) + "".join(csv_line(csv_cells(r, error_text)) for r in results)


def export_json(results: Sequence[LinkResult], error_text: ErrorText | None = None) -> str:
    """A JSON list of :func:`result_record` objects (UTF-8 text, not ASCII-escaped), ending with a newline."""
    return json.dumps([result_record(r, error_text) for r in results], ensure_ascii=False, indent=2) + "\n"


def jsonl_line(result: LinkResult, error_text: ErrorText | None = None) -> str:
    """One :func:`result_record` as a JSON line (``pan123-link --format jsonl``)."""
    return json.dumps(result_record(result, error_text), ensure_ascii=False) + "\n"


def export_jsonl(results: Sequence[LinkResult], error_text: ErrorText | None = None) -> str:
    """JSON Lines: one :func:`result_record` per line."""
    return "".join(jsonl_line(r, error_text) for r in results)


def safe_file_name(name: str | None) -> str | None:
    """A file name aria2 (and any OS) can use as ``out=``, or None when nothing usable is left."""
    if not name:
        return None
    cleaned = _UNSAFE_NAME_CHARS.sub("_", _one_line(name))
    cleaned = cleaned.lstrip(" .-").rstrip(" .")
    if not cleaned:
        return None
    if cleaned.split(".", 1)[0].rstrip(" ").lower() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    _, dot, ext = cleaned.rpartition(".")
    if len(cleaned.encode("utf-8")) > _MAX_NAME_BYTES:
        suffix = f".{ext}" if dot and len(ext.encode("utf-8")) <= 16 else ""
        base = cleaned[: len(cleaned) - len(suffix)] if suffix else cleaned
        budget = _MAX_NAME_BYTES - len(suffix.encode("utf-8"))
        base = base.encode("utf-8")[:budget].decode("utf-8", errors="ignore").rstrip(" .")
        cleaned = base + suffix
    return cleaned or None


def _unique_name(name: str, taken: set[str]) -> str:
    if name.lower() not in taken:
        taken.add(name.lower())
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, dot, ext = name, "", ""
    n = 2
    while True:
        candidate = f"{stem} ({n}){dot}{ext}"
        if candidate.lower() not in taken:
            taken.add(candidate.lower())
            return candidate
        n += 1


def _link_name(url: str) -> str | None:
    """The last part of the link's path, percent-decoded (what aria2 would name the file itself)."""
    path = urlsplit(url).path
    return unquote(path.rsplit("/", 1)[-1]) or None


def safe_folder(folder: str | None) -> str | None:
    """A relative folder (``第一季/花絮``) aria2 can use as ``dir=``: each part made safe like a file name, ``..``
    and empty parts dropped; None when nothing is left."""
    if not folder:
        return None
    parts = [safe_file_name(part) for part in folder.split("/")]
    kept = [part for part in parts if part and part != ".."]
    return "/".join(kept) or None


def export_aria2(results: Sequence[LinkResult], error_text: ErrorText | None = None) -> str:
    """An aria2 input file: each successful link, then an indented ``out=`` line with a name unique in its folder,
    and a ``dir=`` line for a file that came from a sub-folder of an expanded folder (so a download keeps the
    folder structure)."""
    lines: list[str] = []
    taken: dict[str | None, set[str]] = {}
    for url, r in _good_links(results):
        name = safe_file_name(r.name) or safe_file_name(_link_name(url)) or str(r.file_id)
        folder = safe_folder(r.relative_folder)
        lines.append(url)
        if folder is not None:
            lines.append(f"  dir={folder}")
        lines.append(f"  out={_unique_name(name, taken.setdefault(folder.lower() if folder else None, set()))}")
    return "".join(f"{line}\n" for line in lines)


ExportFunction = Callable[[Sequence[LinkResult], ErrorText | None], str]
#: the window's export formats (its save dialog offers these, in this order)
EXPORT_FORMATS: Mapping[str, ExportFunction] = MappingProxyType(
    {".txt": export_txt, ".csv": export_csv, ".json": export_json, ".aria2": export_aria2}
)
#: every format :func:`write_export` writes (``pan123-link --output`` adds JSON Lines)
ALL_FORMATS: Mapping[str, ExportFunction] = MappingProxyType({**EXPORT_FORMATS, ".jsonl": export_jsonl})
_ENCODINGS = {".csv": "utf-8-sig"}


def format_key(path: Path, fmt: str | None) -> str:
    """The format for ``path``: ``fmt`` (".csv" or "csv") when given, else the file's suffix. Raises ValueError."""
    key = (fmt if fmt is not None else path.suffix).lower()
    if key and not key.startswith("."):
        key = "." + key
    if key not in ALL_FORMATS:
        known = ", ".join(ALL_FORMATS)
        shown = key or "(none)"
        raise ValueError(f"Unknown export format {shown}; use one of {known}")
    return key


_LINKS_ONLY = frozenset({".txt", ".aria2"})


def export_summary(results: Sequence[LinkResult], fmt: str) -> ExportSummary:
    """What an export of ``results`` in ``fmt`` holds (.txt and .aria2 leave out the rows without a link)."""
    key = format_key(Path(), fmt)
    written = len(_good_links(results)) if key in _LINKS_ONLY else len(results)
    return ExportSummary(key, len(results), written, len(results) - written)


def write_export(
    path: Path, results: Sequence[LinkResult], fmt: str | None = None, *, error_text: ErrorText | None = None
) -> ExportSummary:
    """Write ``results`` to ``path`` in ``fmt`` (default: from the suffix) and say what was written.

    CSV is written as UTF-8 with a BOM, everything else as UTF-8. The file is replaced atomically (a failed
    export never leaves half a file behind). Raises ValueError for an unknown format and OSError on I/O errors.
    """
    path = Path(path)
    key = format_key(path, fmt)
    data = encodable(ALL_FORMATS[key](results, error_text)).encode(_ENCODINGS.get(key, "utf-8"))
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644  # mkstemp would leave 0600: an export is an ordinary document
    write_atomically(path, data, mode=mode)
    return export_summary(results, key)
