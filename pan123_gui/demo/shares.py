"""The fake's share links: ``POST /api/v1/share/create`` and ``GET /api/v1/share/list``, validated as documented.

create: ``shareName`` a non-empty string of fewer than 35 characters without ``" \\ / : * ? | > <``; ``shareExpire``
1, 7, 30 or 0; ``fileIDList`` a comma-separated **string** of 1 to 100 IDs of the account (an array is refused);
``sharePwd`` optional (letters and digits); ``trafficSwitch`` 1-4, ``trafficLimitSwitch`` 1/2 with ``trafficLimit``
(bytes) when 2. Answers ``{"shareID", "shareKey"}``. list: ``limit`` 1..100 (required), ``lastShareId`` (0 or absent:
from the newest); newest first; ``lastShareId`` -1 on the last page.

ASSUMPTIONS (the real codes and texts are undocumented): every refused parameter → code 400 with a Chinese message
naming the field; an ID the account does not have (or in the recycle bin) → code 5066; a permanent share's
``expiration`` is "2099-12-31 23:59:59".
"""

from __future__ import annotations

import secrets
import string
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.routes import Reply, Request, envelope, int_param, json_object, ok
from pan123_gui.demo.state import AccountState

MAX_SHARE_IDS = 100
MAX_NAME_CHARS = 34  # "fewer than 35"
FORBIDDEN = frozenset('"\\/:*?|><')
EXPIRE_DAYS = (0, 1, 7, 30)
PERMANENT_EXPIRATION = "2099-12-31 23:59:59"

MSG_NAME_EMPTY = "shareName不能为空"
MSG_NAME_LONG = "shareName长度须小于35个字符"
MSG_NAME_CHARS = '分享名称不能包含以下字符：" \\ / : * ? | > <'
MSG_EXPIRE = "shareExpire参数错误，仅支持1、7、30、0"
MSG_LIST_TYPE = "fileIDList参数错误，须为以逗号分隔的文件ID字符串"
MSG_LIST_EMPTY = "fileIDList不能为空"
MSG_LIST_MANY = "fileIDList最多支持100个文件ID"
MSG_PWD = "sharePwd参数错误"
MSG_TRAFFIC = "trafficSwitch参数错误，取值1-4"
MSG_LIMIT_SWITCH = "trafficLimitSwitch参数错误，取值1或2"
MSG_LIMIT = "trafficLimit参数错误"
MSG_LIST_LIMIT = "limit参数错误，取值范围1-100"
MSG_LAST_SHARE = "lastShareId参数错误"

_KEY_ALPHABET = string.ascii_letters + string.digits


@dataclass(frozen=True, slots=True)
class FakeShare:
    share_id: int
    share_key: str
    name: str
    expire_days: int
    created: datetime
    file_ids: tuple[int, ...]
    password: str
    traffic_switch: int
    traffic_limit_switch: int
    traffic_limit: int

    def entry(self, now: datetime) -> dict[str, object]:
        """One item of share/list's ``shareList``."""
        expires = None if self.expire_days == 0 else self.created + timedelta(days=self.expire_days)
        return {
            "shareId": self.share_id,
            "shareKey": self.share_key,
            "shareName": self.name,
            "expiration": PERMANENT_EXPIRATION if expires is None else expires.strftime("%Y-%m-%d %H:%M:%S"),
            "expired": 1 if expires is not None and expires <= now else 0,
            "sharePwd": self.password,
            "trafficSwitch": self.traffic_switch,
            "trafficLimitSwitch": self.traffic_limit_switch,
            "trafficLimit": self.traffic_limit,
            "bytesCharge": 0,
            "previewCount": 0,
            "downloadCount": 0,
            "saveCount": 0,
        }


class ShareBook:
    """The account's shares (thread-safe)."""

    def __init__(self, state: AccountState, now: Callable[[], datetime]) -> None:
        self._state = state
        self._now = now
        self._lock = threading.Lock()
        self._shares: dict[int, FakeShare] = {}
        self._next_id = 16_000_001

    def all(self) -> list[FakeShare]:
        with self._lock:
            return sorted(self._shares.values(), key=lambda s: s.share_id)

    def add(self, **fields: object) -> FakeShare:
        with self._lock:
            share = FakeShare(share_id=self._next_id, share_key=_new_key(), created=self._now(), **fields)  # type: ignore[arg-type]
            self._next_id += 1
            self._shares[share.share_id] = share
            return share

    # ---- routes ---------------------------------------------------------------------------------------------------

    def create(self, request: Request) -> Reply:
        body = json_object(request.body)
        if body is None:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_JSON)
        name = body.get("shareName")
        if not isinstance(name, str) or not name.strip():
            return envelope(ep.CODE_BAD_PARAM, MSG_NAME_EMPTY)
        if len(name) > MAX_NAME_CHARS:
            return envelope(ep.CODE_BAD_PARAM, MSG_NAME_LONG)
        if any(ch in FORBIDDEN for ch in name):
            return envelope(ep.CODE_BAD_PARAM, MSG_NAME_CHARS)
        expire = body.get("shareExpire")
        if not _is_int(expire) or expire not in EXPIRE_DAYS:
            return envelope(ep.CODE_BAD_PARAM, MSG_EXPIRE)
        ids = _id_list(body.get("fileIDList"))
        if isinstance(ids, Reply):
            return ids
        found = {item.file_id: item for item in self._state.files(ids)}
        if any(i not in found or found[i].trashed for i in ids):
            return envelope(ep.CODE_NOT_FOUND, ep.MSG_NOT_FOUND)
        password = body.get("sharePwd", "")
        if password is None:
            password = ""
        if not isinstance(password, str) or (password and not (password.isascii() and password.isalnum())):
            return envelope(ep.CODE_BAD_PARAM, MSG_PWD)
        switch = body.get("trafficSwitch", 1)
        if not _is_int(switch) or switch not in (1, 2, 3, 4):
            return envelope(ep.CODE_BAD_PARAM, MSG_TRAFFIC)
        limit_switch = body.get("trafficLimitSwitch", 1)
        if not _is_int(limit_switch) or limit_switch not in (1, 2):
            return envelope(ep.CODE_BAD_PARAM, MSG_LIMIT_SWITCH)
        limit = body.get("trafficLimit", 0)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0 or (limit_switch == 2 and limit == 0):
            return envelope(ep.CODE_BAD_PARAM, MSG_LIMIT)
        share = self.add(
            name=name,
            expire_days=expire,
            file_ids=tuple(ids),
            password=password,
            traffic_switch=switch,
            traffic_limit_switch=limit_switch,
            traffic_limit=limit,
        )
        return ok({"shareID": share.share_id, "shareKey": share.share_key})

    def list(self, request: Request) -> Reply:
        limit = int_param(request.query.get("limit"))
        if limit is None or not 1 <= limit <= MAX_SHARE_IDS:
            return envelope(ep.CODE_BAD_PARAM, MSG_LIST_LIMIT)
        raw_last = request.query.get("lastShareId")
        last = 0 if raw_last in (None, "") else int_param(raw_last)
        if last is None:
            return envelope(ep.CODE_BAD_PARAM, MSG_LAST_SHARE)
        newest_first = sorted(self.all(), key=lambda s: -s.share_id)
        after = [s for s in newest_first if last == 0 or s.share_id < last]
        page = after[:limit]
        next_last = page[-1].share_id if len(after) > limit else -1
        now = self._now()
        return ok({"lastShareId": next_last, "shareList": [s.entry(now) for s in page]})


def _new_key() -> str:
    """A share key shaped like the real ones (``abcDE-fGh12``)."""
    part = "".join(secrets.choice(_KEY_ALPHABET) for _ in range(5))
    return f"{part}-{''.join(secrets.choice(_KEY_ALPHABET) for _ in range(5))}"


def _id_list(value: object) -> list[int] | Reply:
    if not isinstance(value, str):
        return envelope(ep.CODE_BAD_PARAM, MSG_LIST_TYPE)
    parts = [p.strip() for p in value.split(",")]
    if parts == [""]:
        return envelope(ep.CODE_BAD_PARAM, MSG_LIST_EMPTY)
    if not all(p.isascii() and p.isdigit() and len(p) <= 19 for p in parts):
        return envelope(ep.CODE_BAD_PARAM, MSG_LIST_TYPE)
    if len(parts) > MAX_SHARE_IDS:
        return envelope(ep.CODE_BAD_PARAM, MSG_LIST_MANY)
    return list(dict.fromkeys(int(p) for p in parts))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
