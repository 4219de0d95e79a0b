"""Export results as text, CSV, JSON or an aria2 input file (Qt-free; used by the window and the CLI).

* ``.txt``: the successful links, one per line, in input order.
* ``.csv``: every row (failures too), columns ``fileID,name,size,url,expiresAt,error``, RFC 4180 quoting and CRLF
  line ends. :func:`write_export` writes it as UTF-8 *with* a BOM so Excel (notably in China) shows Chinese names;
  every other format is plain UTF-8. A name or error starting with ``= + - @`` (or a tab/CR) gets a leading ``'``
  so a spreadsheet never runs it as a formula.
* ``.json``: a list of objects ``{"fileID", "url", "error", "errorKind", "errorCode", "name", "size",
  "expiresAt"}`` (the same record as ``pan123-link --format jsonl``), non-ASCII kept as is.
* ``.aria2``: an aria2 input file (``aria2c -i file``): each link, then ``  out=<name>`` when the name is known.
  Names are made safe: characters that are path separators or forbidden on Windows become ``_``; control
  characters and newlines go; no leading dots, dashes or spaces; reserved Windows device names get a ``_``
  prefix; at most 240 UTF-8 bytes; repeated names get `` (2)``, `` (3)`` ... before the extension.

aria2 input files are often called ``*.txt``: pass ``fmt=".aria2"`` to :func:`write_export` to choose explicitly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from pan123_gui.core.atomic_write import write_atomically
from pan123_gui.core.links import is_http_link
from pan123_gui.core.models import LinkResult

CSV_COLUMNS = ("fileID", "name", "size", "url", "expiresAt", "error")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_NAME_BYTES = 240
_UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {f"lpt{i}" for i in range(1, 10)}
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _error_text(result: LinkResult) -> str | None:
    if result.ok:
        return None
    if result.error:
        return _one_line(result.error)
    return str(result.error_kind) if result.error_kind is not None else "failed"


def result_record(result: LinkResult) -> dict[str, object]:
    """One result as a JSON-ready dict (the shape of the .json export)."""
    return {
        "fileID": result.file_id,
        "url": result.url,
        "error": _error_text(result),
        "errorKind": None if result.error_kind is None else str(result.error_kind),
        "errorCode": result.error_code,
        "name": result.name,
        "size": result.size,
        "expiresAt": None if result.expires_at is None else result.expires_at.isoformat(),
    }


def _good_links(results: Sequence[LinkResult]) -> list[tuple[str, LinkResult]]:
    return [(r.url, r) for r in results if r.url is not None and is_http_link(r.url)]


def export_txt(results: Sequence[LinkResult]) -> str:
    """The successful links, one per line (``\\n``), in input order; empty when there are none."""
    return "".join(f"{url}\n" for url, _ in _good_links(results))


def _spreadsheet_safe(text: str | None) -> str:
    if not text:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_csv(results: Sequence[LinkResult]) -> str:
    """Every row with a header, RFC 4180 (quotes doubled, CRLF). Empty cells for missing values."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for r in results:
        writer.writerow(
            [
                r.file_id,
                _spreadsheet_safe(None if r.name is None else _one_line(r.name)),
                "" if r.size is None else r.size,
                r.url or "",
                "" if r.expires_at is None else r.expires_at.isoformat(),
                _spreadsheet_safe(_error_text(r)),
            ]
        )
    return out.getvalue()


def export_json(results: Sequence[LinkResult]) -> str:
    """A JSON list of :func:`result_record` objects (UTF-8 text, not ASCII-escaped), ending with a newline."""
    return json.dumps([result_record(r) for r in results], ensure_ascii=False, indent=2) + "\n"


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


def export_aria2(results: Sequence[LinkResult]) -> str:
    """An aria2 input file: each successful link, then an indented ``out=`` line when the name is known."""
    lines: list[str] = []
    taken: set[str] = set()
    for url, r in _good_links(results):
        lines.append(url)
        name = safe_file_name(r.name)
        if name is not None:
            lines.append(f"  out={_unique_name(name, taken)}")
    return "".join(f"{line}\n" for line in lines)


ExportFunction = Callable[[Sequence[LinkResult]], str]
EXPORT_FORMATS: Mapping[str, ExportFunction] = MappingProxyType(
    {".txt": export_txt, ".csv": export_csv, ".json": export_json, ".aria2": export_aria2}
)
_ENCODINGS = {".csv": "utf-8-sig"}


def _format_key(path: Path, fmt: str | None) -> str:
    key = (fmt if fmt is not None else path.suffix).lower()
    if key and not key.startswith("."):
        key = "." + key
    if key not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        shown = key or "(none)"
        raise ValueError(f"Unknown export format {shown}; use one of {known}")
    return key


def write_export(path: Path, results: Sequence[LinkResult], fmt: str | None = None) -> None:
    """Write ``results`` to ``path`` in ``fmt`` (".txt", ".csv", ".json", ".aria2"; default: from the suffix).

    CSV is written as UTF-8 with a BOM, everything else as UTF-8. The file is replaced atomically (a failed
    export never leaves half a file behind). Raises ValueError for an unknown format and OSError on I/O errors.
    """
    path = Path(path)
    key = _format_key(path, fmt)
    data = EXPORT_FORMATS[key](results).encode(_ENCODINGS.get(key, "utf-8"))
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644  # mkstemp would leave 0600: an export is an ordinary document
    write_atomically(path, data, mode=mode)
