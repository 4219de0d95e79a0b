"""Share links (分享链接): create them for files and folders, and list the account's shares.

``POST /api/v1/share/create`` takes ``shareName`` (fewer than 35 characters, none of ``" \\ / : * ? | > <``),
``shareExpire`` (1, 7 or 30 days, 0 = permanent), ``fileIDList`` as **a comma-separated string** of at most 100 IDs,
an optional ``sharePwd`` (the extraction code, 提取码) and the traffic switches; it answers ``{shareID, shareKey}``.
The link people pass on is ``https://www.123pan.com/s/{shareKey}``. ``GET /api/v1/share/list`` pages with ``limit``
(≤ 100) and ``lastShareId`` (-1 on the last page).

A name the person typed is made valid (characters replaced, shortened) instead of failing; more than 100 files become
several shares named "name (1／2)", "name (2／2)" (with a full-width slash: ``/`` is not allowed in a share name).
Creating is not repeated once the server may have acted (a retry after a lost answer could create a second share):
only answers that surely created nothing are retried.
"""

from __future__ import annotations

import math
import secrets
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import IntEnum
from urllib.parse import quote

from pan123_gui.core._http import ConnectFailedError, ConnectTimeoutError
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import SHARE_CREATE_PATH, SHARE_LIST_PATH
from pan123_gui.core.errors import CancelledError, ErrorKind, MalformedResponseError, Pan123Error, RateLimitedError
from pan123_gui.core.links import require_http_link

__all__ = [
    "FORBIDDEN_NAME_CHARS",
    "MAX_SHARE_FILES",
    "MAX_SHARE_NAME",
    "SHARE_URL_PREFIX",
    "ShareExpiry",
    "ShareInfo",
    "ShareResult",
    "TrafficOptions",
    "create_shares",
    "generate_password",
    "iter_shares",
    "list_shares",
    "numbered_names",
    "share_line",
    "share_record",
    "share_url",
    "valid_share_name",
]

SHARE_URL_PREFIX = "https://www.123pan.com/s/"

MAX_SHARE_FILES = 100  # IDs in one fileIDList
MAX_SHARE_NAME = 34  # "fewer than 35 characters"
FORBIDDEN_NAME_CHARS = frozenset('"\\/:*?|><')
SHARE_LIST_PAGE = 100  # the most the list endpoint gives per call
_MAX_PAGES = 10_000  # a bound on paging, should the server keep answering the same page
_DEFAULT_NAME = "分享"
_PART_SLASH = "\uff0f"  # "／": reads as a slash, allowed in a share name
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # lower case (codes are not case-sensitive), no 0/o, 1/l/i
_CHINA_TZ = timezone(timedelta(hours=8))


class ShareExpiry(IntEnum):
    """How long a share works: 1, 7 or 30 days, or permanent (0)."""

    PERMANENT = 0
    ONE_DAY = 1
    SEVEN_DAYS = 7
    THIRTY_DAYS = 30


@dataclass(frozen=True, slots=True)
class TrafficOptions:
    """Who may download on the sharer's traffic (流量包), and an optional cap on it.

    ``guests``: people who are not logged in (游客免登录提取); ``over_quota``: logged-in people whose own download
    quota is used up (超流量用户提取). ``limit_bytes``: at most this much of the sharer's traffic (None: no cap).
    """

    guests: bool = False
    over_quota: bool = False
    limit_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.limit_bytes is not None and self.limit_bytes <= 0:
            raise ValueError("limit_bytes must be positive (or None for no limit)")

    @property
    def switch(self) -> int:
        """``trafficSwitch``: 1 both off, 2 guests, 3 over-quota users, 4 both."""
        return 1 + int(self.guests) + 2 * int(self.over_quota)

    def fields(self) -> dict[str, int]:
        body = {"trafficSwitch": self.switch, "trafficLimitSwitch": 1 if self.limit_bytes is None else 2}
        if self.limit_bytes is not None:
            body["trafficLimit"] = self.limit_bytes
        return body

    @classmethod
    def from_switch(
        cls, switch: int | None, limit_switch: int | None = None, limit: int | None = None
    ) -> TrafficOptions:
        value = switch if switch in (1, 2, 3, 4) else 1
        assert value is not None
        capped = limit_switch == 2 and limit is not None and limit > 0
        return cls(guests=value in (2, 4), over_quota=value in (3, 4), limit_bytes=limit if capped else None)


def valid_share_name(name: str, *, limit: int = MAX_SHARE_NAME, default: str = _DEFAULT_NAME) -> str:
    """``name`` as the API accepts it: forbidden characters become ``_``, control characters and runs of white space
    one space, at most ``limit`` characters (cut at a word end when one is near); ``default`` when nothing is left."""
    cleaned: list[str] = []
    for ch in unicodedata.normalize("NFC", name):
        if ch in FORBIDDEN_NAME_CHARS:
            cleaned.append("_")
        elif ch.isspace() or unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"}:
            cleaned.append(" ")
        else:
            cleaned.append(ch)
    text = " ".join("".join(cleaned).split())
    if len(text) > limit:
        cut = text[:limit]
        space = cut.rfind(" ")
        text = (cut[:space] if space >= limit * 2 // 3 else cut).rstrip(" _-.,")
    return text or default[:limit]


def numbered_names(name: str, parts: int) -> list[str]:
    """``parts`` valid share names: the name itself for one part, else "name (1／3)" … each within the limit (with a
    full-width slash, U+FF0F: the API refuses ``/`` in a name)."""
    if parts < 1:
        raise ValueError("parts must be at least 1")
    if parts == 1:
        return [valid_share_name(name)]
    suffix_room = len(f" ({parts}{_PART_SLASH}{parts})")
    base = valid_share_name(name, limit=MAX_SHARE_NAME - suffix_room)
    return [f"{base} ({index}{_PART_SLASH}{parts})" for index in range(1, parts + 1)]


def generate_password(length: int = 4) -> str:
    """A random extraction code like ``ab12`` (lower-case letters and digits, none that look alike)."""
    if length < 1:
        raise ValueError("length must be at least 1")
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def share_url(share_key: str) -> str:
    """The link a person opens: ``https://www.123pan.com/s/{shareKey}``."""
    if not isinstance(share_key, str) or not share_key.strip():
        raise MalformedResponseError("The share answer has no share key")
    return require_http_link(SHARE_URL_PREFIX + quote(share_key.strip(), safe="-_.~"))


@dataclass(frozen=True, slots=True)
class ShareResult:
    """One share that was asked for: its link, or why it failed (code, server message and trace ID as fields)."""

    name: str
    file_ids: tuple[int, ...]
    expire: ShareExpiry
    password: str | None = None
    share_id: int | None = None
    share_key: str | None = None
    error: str | None = None  # one-line English text (CLI, log), no secrets
    error_kind: ErrorKind | None = None
    error_code: int | None = None
    server_message: str | None = None
    trace_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.share_key is not None

    @property
    def url(self) -> str | None:
        return None if self.share_key is None else share_url(self.share_key)


def share_record(result: ShareResult) -> dict[str, object]:
    """A created share as a JSON-ready dict: ``shareID``, ``shareKey``, ``url``, ``password``, ``expire`` (days, 0 =
    permanent), ``fileIDs``, ``name``; a failed one has ``url`` null and ``error``, ``errorKind``, ``errorCode``,
    ``traceID`` instead."""
    record: dict[str, object] = {
        "shareID": result.share_id,
        "shareKey": result.share_key,
        "url": result.url,
        "password": result.password,
        "expire": int(result.expire),
        "fileIDs": list(result.file_ids),
        "name": result.name,
    }
    if not result.ok:
        record.update(
            {
                "error": result.error,
                "errorKind": None if result.error_kind is None else str(result.error_kind),
                "errorCode": result.error_code,
                "traceID": result.trace_id,
            }
        )
    return record


def share_line(result: ShareResult) -> str | None:
    """The line people paste into a chat, as 123pan itself writes it: "链接：URL 提取码：CODE" (None for a failure)."""
    url = result.url
    if url is None:
        return None
    return f"链接：{url} 提取码：{result.password}" if result.password else f"链接：{url}"


def _created_nothing(err: Pan123Error) -> bool:
    """Retry a create only when the server surely made no share (refused for pace, or never reached)."""
    return isinstance(err, RateLimitedError | ConnectFailedError | ConnectTimeoutError)


def create_shares(
    client: Pan123Client,
    file_ids: Sequence[int],
    *,
    name: str,
    expire: ShareExpiry = ShareExpiry.SEVEN_DAYS,
    password: str | None = None,
    traffic: TrafficOptions | None = None,
    cancel: threading.Event | None = None,
    on_result: Callable[[ShareResult], None] | None = None,
) -> list[ShareResult]:
    """Share ``file_ids`` (files or folders, each once, in order): one share per 100 IDs, one result each.

    A failed share does not stop the others; after ``cancel`` the remaining ones are CANCELLED results.
    """
    ids = list(dict.fromkeys(int(i) for i in file_ids))
    if not ids:
        return []
    code = _valid_password(password)
    switches = (traffic or TrafficOptions()).fields()
    parts = math.ceil(len(ids) / MAX_SHARE_FILES)
    names = numbered_names(name, parts)
    results: list[ShareResult] = []
    for index, share_name in enumerate(names):
        chunk = tuple(ids[index * MAX_SHARE_FILES : (index + 1) * MAX_SHARE_FILES])
        base = ShareResult(name=share_name, file_ids=chunk, expire=ShareExpiry(expire), password=code)
        if cancel is not None and cancel.is_set():
            result = _failed(base, CancelledError("Cancelled"))
        else:
            result = _create_one(client, base, switches, cancel)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def _create_one(
    client: Pan123Client, base: ShareResult, switches: dict[str, int], cancel: threading.Event | None
) -> ShareResult:
    body: dict[str, object] = {
        "shareName": base.name,
        "shareExpire": int(base.expire),
        "fileIDList": ",".join(str(i) for i in base.file_ids),
        **switches,
    }
    if base.password is not None:
        body["sharePwd"] = base.password
    try:
        data = client.request("POST", SHARE_CREATE_PATH, json_body=body, cancel=cancel, retryable=_created_nothing)
        if not isinstance(data, dict):
            raise MalformedResponseError("The share answer has no data")
        key = data.get("shareKey")
        share_url(key)  # type: ignore[arg-type]  # raises for a missing or unusable key
        share_id = _as_int(data.get("shareID", data.get("shareId")))
    except Pan123Error as err:
        return _failed(base, err)
    return ShareResult(
        name=base.name,
        file_ids=base.file_ids,
        expire=base.expire,
        password=base.password,
        share_id=share_id,
        share_key=str(key).strip(),
    )


def _failed(base: ShareResult, err: Pan123Error) -> ShareResult:
    return ShareResult(
        name=base.name,
        file_ids=base.file_ids,
        expire=base.expire,
        password=base.password,
        error=str(err),
        error_kind=err.kind,
        error_code=err.code,
        server_message=err.server_message,
        trace_id=err.trace_id,
    )


def _valid_password(password: str | None) -> str | None:
    """The extraction code to send: None for none; letters and digits only (raises ValueError otherwise)."""
    if password is None:
        return None
    code = password.strip()
    if not code:
        return None
    if not code.isascii() or not code.isalnum() or len(code) > 16:
        raise ValueError("An extraction code is 1 to 16 letters or digits")
    return code


# --- the account's shares ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShareInfo:
    """One entry of the account's share list."""

    share_id: int
    share_key: str
    name: str
    password: str | None
    expires_at: datetime | None  # None when the answer has no usable time
    expired: bool
    traffic: TrafficOptions
    preview_count: int = 0
    download_count: int = 0
    save_count: int = 0

    @property
    def url(self) -> str:
        return share_url(self.share_key)


def iter_shares(
    client: Pan123Client, *, page_size: int = SHARE_LIST_PAGE, cancel: threading.Event | None = None
) -> Iterator[list[ShareInfo]]:
    """The account's shares a page at a time (``lastShareId`` paging until -1)."""
    if not 1 <= page_size <= SHARE_LIST_PAGE:
        raise ValueError(f"page_size must be 1 to {SHARE_LIST_PAGE}")
    last = 0
    seen: set[int] = set()
    for _ in range(_MAX_PAGES):
        params: dict[str, str | int] = {"limit": page_size}
        if last > 0:
            params["lastShareId"] = last
        data = client.request("GET", SHARE_LIST_PATH, params=params, cancel=cancel)
        if not isinstance(data, dict):
            raise MalformedResponseError("The share-list answer has no data")
        items = data.get("shareList")
        if not isinstance(items, list):
            raise MalformedResponseError("The share-list answer has no shareList")
        page = [
            info for info in (_parse_share(item) for item in items) if info is not None and info.share_id not in seen
        ]
        seen.update(info.share_id for info in page)
        yield page
        following = _as_int(data.get("lastShareId"))
        if following is None or following == -1 or following == last or not items:
            return
        last = following
    raise MalformedResponseError("The share list does not end")


def list_shares(client: Pan123Client, *, cancel: threading.Event | None = None) -> list[ShareInfo]:
    """All of the account's shares, in the order the API gives them."""
    return [info for page in iter_shares(client, cancel=cancel) for info in page]


def _parse_share(item: object) -> ShareInfo | None:
    if not isinstance(item, dict):
        return None
    share_id = _as_int(item.get("shareId", item.get("shareID")))
    key = item.get("shareKey")
    if share_id is None or not isinstance(key, str) or not key.strip():
        return None
    name = item.get("shareName")
    password = item.get("sharePwd")
    return ShareInfo(
        share_id=share_id,
        share_key=key.strip(),
        name=name if isinstance(name, str) else "",
        password=password if isinstance(password, str) and password else None,
        expires_at=_parse_time(item.get("expiration")),
        expired=_as_int(item.get("expired")) == 1,
        traffic=TrafficOptions.from_switch(
            _as_int(item.get("trafficSwitch")),
            _as_int(item.get("trafficLimitSwitch")),
            _as_int(item.get("trafficLimit")),
        ),
        preview_count=_as_int(item.get("previewCount")) or 0,
        download_count=_as_int(item.get("downloadCount")) or 0,
        save_count=_as_int(item.get("saveCount")) or 0,
    )


def _parse_time(value: object) -> datetime | None:
    """``"2025-03-20 15:00:00"`` (Beijing time, as the API writes times) or ISO 8601."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=_CHINA_TZ)


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None
