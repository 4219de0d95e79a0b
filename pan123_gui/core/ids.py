"""Find 123pan file IDs in whatever people paste: lists, sentences, CSV, JSON, URLs.

Rules (they are also in the README):

* An ID is a run of ASCII digits, 1 … 2**63-1, written without leading zeros (``007`` and ``0`` are not IDs).
  Full-width digits, letters and punctuation (``１２３``, ``，``, ``；``) are read as their ASCII forms first.
* Separators: any whitespace, ``, ; | 、 。 ：`` and the other full-width forms, brackets and quotes, ``=``, ``#``
  and any character of a script without case (Chinese, Japanese, Korean, ...), so ``文件12345的`` gives 12345.
  A comma is always a separator, so ``1,234`` is the two numbers 1 and 234. The full-width colon ``：`` is always
  a separator (``12345：67890`` is two IDs) while an ASCII colon between digits is a time (``12:30``: no ID).
* Not IDs: digits glued to Latin/Greek/Cyrillic letters or ``_`` (``123pan``, ``v1``, ``mp4``, ``x264``, ``12MB``,
  ``1080p``), dates and times (``2025-03-17``, ``2025/3/17``, ``12:30``, ``2025-03-17T12:30:00Z``), decimals,
  versions and IP addresses (``1.5``, ``1.2.3``, ``192.168.1.1``), ranges (``12-15``), negative or signed numbers
  (``-5``, ``+86``), money (``¥100``, ``$5``), percentages, e-mail addresses, numbers glued to a file extension
  (``12345.mp4``) or a path (``a/12345``), a number followed by a unit (``12 MB``, ``30 min``, ``3 files``), a
  number with a Chinese date/counter suffix (``2024年``, ``3月``, ``17日``, ``12点``, ``5个``, ``第3集``; but
  ``12345分享`` is an ID), list markers at a line start (``1.``, ``2)``, ``3、`` followed by the text), and numbers
  labelled with another field (``size: 1024``, ``uid=42``, ``pwd=1234``, ``parentFileId: 7``, ``page 3``).
* ``ID12345`` / ``fileID12345`` (an ID label glued to the number) count as ID 12345.
* URLs: only ``fileID=`` / ``fileId=`` / ``file_id=`` parameters count; other numbers in a URL (the uid in a
  direct link's path, ``pwd=``) are ignored.
* 123pan web addresses with ``homeFilePath=`` (the web app's address bar: ``?homeFilePath=123456`` in the older one,
  the whole path ``?homeFilePath=3614046%2C35993417%2C34112786`` in the newer one) are **folder references**: the last
  number is the folder being viewed. Every 123pan web domain counts (:data:`WEB_DOMAINS`, any sub-domain), the comma
  written as ``%2C`` or as a plain ``,``. They are a kind of their own (:attr:`Ref.folder`), apart from file IDs.
* CSV/TSV: when the first line is a header with a ``fileID`` / ``fileId`` / ``file_id`` / ``文件ID`` column (or,
  failing that, ``id``), only that column is read.
* JSON (an object, an array, or one JSON value per line): values of ``fileID`` / ``fileId`` / ``fileIds`` /
  ``file_id`` keys at any depth (then ``id`` / ``ids`` if there are none), or a bare array of numbers. JSON without
  such keys is scanned as text.
* Unavoidable: a lone number in prose is taken at face value (``in 2024`` gives 2024; phone numbers count).

Scanning is one linear pass of a single regex with possessive/bounded parts: no catastrophic backtracking, any
``str`` (NUL, lone surrogates) is accepted.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

MAX_ID = 2**63 - 1
_MAX_DIGITS = len(str(MAX_ID))


#: the 123pan web app's domains (they change over time; the older ones keep working): 123pan.com/.cn with
#: www./yun. in front, and the mirror domains the web app and the browser add-ons for it use
WEB_DOMAINS: tuple[str, ...] = (
    "123pan.com",
    "123pan.cn",
    "123912.com",
    "123865.com",
    "123684.com",
    "123685.com",
    "123592.com",
    "123952.com",
)


@dataclass(frozen=True, slots=True)
class Ref:
    """One thing a user pointed at: a file ID (which the API may still say is a folder) or a folder reference (from
    a web address)."""

    id: int
    folder: bool = False


@dataclass(frozen=True, slots=True)
class IdScan:
    ids: list[int]  # unique file IDs, first-seen order (folder references are not among them)
    found: int  # accepted occurrences, duplicates included
    duplicates: int  # found - len(refs)
    folders: list[int] = field(default_factory=list)  # unique folder references (web addresses), first-seen order
    order: list[int] = field(default_factory=list)  # with folders: every unique ID of both kinds, first-seen order

    @property
    def refs(self) -> list[Ref]:
        """Both kinds, each ID once, in first-seen order."""
        if not self.folders:
            return [Ref(i) for i in self.ids]
        folders = set(self.folders)
        return [Ref(i, i in folders) for i in self.order]


# --- normalisation -----------------------------------------------------------------------------------------------

# Full-width ASCII block U+FF01..U+FF5E -> U+0021..U+007E; ideographic space -> space.
# The full-width colon "：" stays: it is a separator ("ID：123", "123：456"), while ASCII "1:30" is a time.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != 0xFF1A}
_FULLWIDTH[0x3000] = 0x20


_FULLWIDTH_RUN = re.compile("[\uff01-\uff19\uff1b-\uff5e\u3000]+")


#: Megabytes are normalised in slices of this many characters: one regex call over a whole 50 MB paste would hold
#: the GIL for seconds, and the window (whose scan runs on a worker thread) would freeze meanwhile.
_NORMALISE_SLICE = 1 << 16


def _normalise(text: str) -> str:
    # Translating only the (rare) full-width runs is much faster than str.translate over megabytes. Each character
    # maps on its own, so slicing anywhere gives the same text.
    def wide(m: re.Match[str]) -> str:
        return m.group().translate(_FULLWIDTH)

    if len(text) <= _NORMALISE_SLICE:
        return _FULLWIDTH_RUN.sub(wide, text)
    step = _NORMALISE_SLICE
    return "".join(_FULLWIDTH_RUN.sub(wide, text[i : i + step]) for i in range(0, len(text), step))


@functools.lru_cache(maxsize=1024)
def _norm_key(name: str) -> str:
    return re.sub(r"[\s_\-\"']", "", name).lower()


_FILE_ID_KEYS = frozenset({"fileid", "fileids", "文件id", "文件ids"})
_GENERIC_ID_KEYS = frozenset({"id", "ids"})
_LABEL_KEYS = _FILE_ID_KEYS | _GENERIC_ID_KEYS
# Labels that name something else: a number right after them is not a file ID.
_DENY_EXACT = frozenset(
    {
        "uid", "pwd", "port", "page", "pagenum", "pagesize", "limit", "offset", "count", "total", "code", "errcode",
        "status", "type", "category", "trashed", "etag", "md5", "crc", "hash", "qq", "tel", "phone", "mobile", "price",
        "vip", "level", "rate", "qps", "ttl", "timeout", "retry", "version", "ver", "year", "month", "day", "hour",
        "minute", "second", "width", "height", "len", "length", "index", "step", "line", "row", "col", "column",
    }
)  # fmt: skip
_DENY_PARTS = ("size", "uid", "parent", "password", "time", "date", "expire", "traffic", "trace", "count")

# --- the scanner ---------------------------------------------------------------------------------------------------

_WORD = r"A-Za-z0-9_\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF"  # Latin, Greek, Cyrillic letters glue to digits
_DASHES = r"\-\u2010-\u2015\u2212"
_UNITS_EN = (
    r"[kmgtp]i?b|b|bytes?|kbps|mbps|fps|px|ms|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?"
    r"|files|items|links|times"
)
_UNITS_CN = r"字节|位元组|分钟|小时|[年月日号號时時点點秒个個次岁歲元块塊天周週位万萬亿億倍集章页頁楼樓层層]|分(?!享)"

_URL_CHAR = r"""[^\s<>"'`,\x00-\x20\x7f，。；、]"""
_SCAN = re.compile(
    rf"""
    (?P<home>(?i:https?://)[^\s<>"'`,\x00-\x20\x7f，。；、?#]*+[?#]{_URL_CHAR}*?(?i:homeFilePath)=
        (?P<path>[0-9]++(?:(?:,|%2[Cc])[0-9]++)*+){_URL_CHAR}*+)
  | (?P<url>(?i:https?|ftp)://{_URL_CHAR}++)
  | (?P<marker>(?m:^)[ \t]*+[0-9]{{1,3}}(?:\.[ \t]|[)、][ \t]*+))
  | (?:
        (?:
            (?<![A-Za-z0-9_])(?P<key>[A-Za-z_]++)(?P<sep>["']?[ \t]{{0,3}}[=:：\#]?[ \t]{{0,3}}["']?)
          | (?<![{_WORD}./\\+%@$¥￥€£第{_DASHES}])(?<![0-9]:)
        )
        (?P<num>[0-9]++)
        (?![{_WORD}%‰°℃@{_DASHES}])
        (?![./\\][{_WORD}])
        (?!:[0-9])
        (?![ \t]?(?i:{_UNITS_EN})(?![A-Za-z]|\.[A-Za-z]))
        (?![ \t]?(?:{_UNITS_CN}))
    )
    """,
    re.VERBOSE,
)
_FIRST_LINE = re.compile(r"[^\r\n]*")
_URL_PARAM = re.compile(r"(?i)[?&#;/](?:file_?id)=([1-9][0-9]*+)(?![0-9A-Za-z_])")


def _as_id(digits: str) -> int | None:
    if not digits or digits[0] == "0" or len(digits) > _MAX_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    value = int(digits)
    return value if value <= MAX_ID else None


def _key_allows(key: str, sep: str) -> bool:
    k = key.replace("_", "").lower()
    if k in _LABEL_KEYS:
        return True
    if k in _DENY_EXACT or any(part in k for part in _DENY_PARTS):
        return False
    # "v1", "x264", "mp4": letters glued to digits (or only a quote between) are a word, not a label.
    return any(c in sep for c in " \t=:：#")


def _web_folder(address: str, path: str) -> int | None:
    """The folder of a ``homeFilePath=`` address on a 123pan domain (the path's last number), else None."""
    try:
        host = (urlsplit(address).hostname or "").lower()
    except ValueError:
        return None
    if not any(host == d or host.endswith("." + d) for d in WEB_DOMAINS):
        return None
    return _as_id(unquote(path).rsplit(",", 1)[-1])


def _scan_text(text: str) -> Iterator[int | Ref]:
    """File IDs (``int``) and folder references (:class:`Ref`) in order of appearance."""
    for m in _SCAN.finditer(text):
        url, key, sep, num = m.group("url", "key", "sep", "num")  # a list marker has none of them: skipped
        if url is None and num is None and m.group("home") is not None:
            folder = _web_folder(m.group("home"), m.group("path"))
            if folder is not None:
                yield Ref(folder, folder=True)
                continue
            url = m.group("home")  # not a 123pan address: its fileID= parameters count, as in any URL
        if num is not None:
            if key is not None and not _key_allows(key, sep):
                continue
            if num[0] != "0" and len(num) <= _MAX_DIGITS:
                value = int(num)
                if value <= MAX_ID:
                    yield value
        elif url is not None:
            for p in _URL_PARAM.finditer(url):
                id_ = _as_id(p.group(1))
                if id_ is not None:
                    yield id_


# --- CSV -----------------------------------------------------------------------------------------------------------


def _csv_ids(text: str) -> list[int | Ref] | None:
    """IDs from the ID column when the first non-empty line is a header naming one; None when it is not CSV."""
    text = text.lstrip("\ufeff\r\n\t ")
    header = _FIRST_LINE.match(text).group()  # type: ignore[union-attr]  # always matches
    if not header or len(header) > 4096:
        return None
    try:
        for delimiter in ("\t", ",", ";", "|"):
            if delimiter not in header and delimiter != ",":
                continue
            cells = [_norm_key(c) for c in next(csv.reader([header], delimiter=delimiter), [])]
            if not cells or any(c.isdigit() for c in cells):
                return None
            column = _pick_column(cells)
            if column is None:
                continue
            ids: list[int | Ref] = []
            rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            next(rows, None)  # the header
            for row in rows:
                if column < len(row):
                    ids.extend(_scan_text(row[column]))
            return ids
    except csv.Error:  # e.g. a field over csv.field_size_limit(): read it as plain text instead
        return None
    return None


def _pick_column(cells: list[str]) -> int | None:
    for names in (_FILE_ID_KEYS, _GENERIC_ID_KEYS):
        for i, cell in enumerate(cells):
            if cell in names:
                return i
    return None


# --- JSON ----------------------------------------------------------------------------------------------------------


def _json_docs(text: str) -> list[object] | None:
    stripped = text.strip().lstrip("\ufeff")
    if not stripped or stripped[0] not in "[{":
        return None
    try:
        return [json.loads(stripped)]
    except (ValueError, RecursionError):
        pass
    docs: list[object] = []
    for line in stripped.splitlines():
        line = line.strip()
        if not line:
            continue
        if line[0] not in "[{":
            return None
        try:
            docs.append(json.loads(line))
        except (ValueError, RecursionError):
            return None
    return docs


def _walk(doc: object) -> Iterator[tuple[str | None, object]]:
    """(key, value) pairs of every dict entry, depth first in document order (iterative: no recursion limit)."""
    stack: list[tuple[str | None, object]] = [(None, doc)]
    while stack:
        key, value = stack.pop()
        yield key, value
        if isinstance(value, dict):
            stack.extend(reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((None, v) for v in reversed(value))


def _json_value_ids(value: object) -> Iterator[int]:
    """IDs in a JSON value: a number, a digit string, or (nested) lists of them; objects inside are skipped."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int):
            if 0 < item <= MAX_ID:
                yield item
        elif isinstance(item, str):
            v = _as_id(item.strip())
            if v is not None:
                yield v


def _json_ids(docs: list[object]) -> list[int] | None:
    file_keys: list[int] | None = None  # None: no such key seen
    generic_keys: list[int] | None = None
    for doc in docs:
        for key, value in _walk(doc):
            if key is None:
                continue
            name = _norm_key(key)
            if name in _FILE_ID_KEYS:
                file_keys = file_keys if file_keys is not None else []
                file_keys.extend(_json_value_ids(value))
            elif name in _GENERIC_ID_KEYS and file_keys is None:
                generic_keys = generic_keys if generic_keys is not None else []
                generic_keys.extend(_json_value_ids(value))
    if file_keys is not None:
        return file_keys
    if generic_keys is not None:
        return generic_keys
    if all(_numeric_array(doc) for doc in docs):
        return [v for doc in docs for v in _json_value_ids(doc)]
    return None


def _numeric_array(doc: object) -> bool:
    if not isinstance(doc, list):
        return False
    return all(
        isinstance(v, list) or (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, str) and v.isdigit())
        for _, v in _walk(doc)
    )


# --- public API ----------------------------------------------------------------------------------------------------


def _dedupe(values: Iterable[int | Ref]) -> IdScan:
    """Each ID once, first-seen order; an ID given as a folder address anywhere is a folder."""
    seen: dict[int, bool] = {}  # ID -> is a folder reference
    found = 0
    for v in values:
        found += 1
        if isinstance(v, Ref):
            seen[v.id] = True
        else:
            seen.setdefault(v, False)
    ids = [i for i, folder in seen.items() if not folder]
    if len(ids) == len(seen):
        return IdScan(ids=ids, found=found, duplicates=found - len(ids))
    folders = [i for i, folder in seen.items() if folder]
    return IdScan(ids=ids, found=found, duplicates=found - len(seen), folders=folders, order=list(seen))


def scan_ids(text: str) -> IdScan:
    """Find the file IDs and folder references in ``text`` (see the module doc for the rules). Never raises for any
    ``str``."""
    if not isinstance(text, str):
        raise TypeError(f"scan_ids expects str, not {type(text).__name__}")
    norm = _normalise(text)
    docs = _json_docs(norm)
    if docs is not None:
        from_json = _json_ids(docs)
        if from_json is not None:
            return _dedupe(from_json)
    from_csv = _csv_ids(norm)
    if from_csv is not None:
        return _dedupe(from_csv)
    return _dedupe(_scan_text(norm))


def extract_ids(text: str) -> list[int]:
    """Unique file IDs in first-seen order."""
    return scan_ids(text).ids
