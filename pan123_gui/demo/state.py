"""What the fake 123pan account holds: files, issued access tokens and account switches. Thread-safe."""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from pan123_gui.core.models import AccessToken
from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.samples import PLAIN_FOLDER_ID, ROOT_ID, SPACE_ID

CHINA_TZ = timezone(timedelta(hours=8), "CST")
DEFAULT_UID = 1815309870
DIRECT_LINK_FOLDER = "测试直链文件夹"  # where add_file puts direct-link files unless told otherwise
PLAIN_FOLDER = "我的资源"  # where files outside any direct-link space go
# the IDs the two default folders get: the demo drive's, so add_file and the sample drive share them
_DEFAULT_FOLDER_IDS = {DIRECT_LINK_FOLDER: SPACE_ID, PLAIN_FOLDER: PLAIN_FOLDER_ID}
_CREATED = "2025-03-17 19:16:24"


def now_china() -> datetime:
    return datetime.now(CHINA_TZ)


@dataclass(frozen=True, slots=True)
class FakeFile:
    """A file or a folder of the fake drive; ``parent_id`` 0 is the top of the drive."""

    file_id: int
    name: str
    size: int
    folder: bool
    trashed: bool
    parent_id: int
    status: int = 2  # > 100: blocked by content review

    @property
    def etag(self) -> str:
        key = f"{self.file_id}:{self.name}".encode("utf-8", "surrogatepass")  # a name may hold a lone surrogate
        return "" if self.folder else hashlib.md5(key).hexdigest()

    @property
    def category(self) -> int:
        """0 unknown, 1 audio, 2 video, 3 image (as file/list and file/infos report it)."""
        suffix = self.name.rsplit(".", 1)[-1].lower() if "." in self.name else ""
        if suffix in {"mp3", "flac", "wav", "m4a", "aac"}:
            return 1
        if suffix in {"mp4", "mkv", "avi", "mov", "flv", "ts"}:
            return 2
        if suffix in {"jpg", "jpeg", "png", "gif", "webp", "bmp"}:
            return 3
        return 0

    def detail(self) -> dict[str, object]:
        """``data`` of GET /api/v1/file/detail (upper-case ``ID`` keys)."""
        return {
            "fileID": self.file_id,
            "filename": self.name,
            "type": 1 if self.folder else 0,
            "size": self.size,
            "etag": self.etag,
            "status": self.status,
            "parentFileID": self.parent_id,
            "createAt": _CREATED,
            "trashed": 1 if self.trashed else 0,
        }

    def info(self) -> dict[str, object]:
        """One entry of POST /api/v1/file/infos (lower-case ``Id`` keys)."""
        return {
            "fileId": self.file_id,
            "filename": self.name,
            "parentFileId": self.parent_id,
            "type": 1 if self.folder else 0,
            "etag": self.etag,
            "size": self.size,
            "category": self.category,
            "status": self.status,
            "punishFlag": 0,
            "s3KeyFlag": f"{self.file_id}-0",
            "storageNode": "m88",
            "trashed": 1 if self.trashed else 0,
            "createAt": _CREATED,
            "updateAt": _CREATED,
        }


@dataclass(slots=True)
class _Token:
    value: str
    client_id: str
    expires_at: datetime
    serial: int
    revoked: bool = False
    kicked: bool = False


class AccountState:
    """Files, tokens and switches of one fake account (one uid, one demo client)."""

    def __init__(
        self,
        *,
        token_ttl: timedelta,
        max_tokens: int,
        now: Callable[[], datetime] = now_china,
        uid: int = DEFAULT_UID,
    ) -> None:
        if max_tokens < 1:
            raise ValueError("max_tokens must be at least 1")
        self._lock = threading.Lock()
        self._now = now
        self.uid = uid
        self.token_ttl = token_ttl
        self.max_tokens = max_tokens
        self.client_id = "pan123demo" + secrets.token_hex(8)
        self.client_secret = secrets.token_hex(16)
        self._files: dict[int, FakeFile] = {}
        self._children: dict[int, list[int]] = {}  # folder ID -> its items' IDs, ascending
        self._top_by_name: dict[str, int] = {}  # top-level folders by name (for add_file's ``parent``)
        self._spaces: set[int] = set()  # top-level folders whose direct-link space is on
        self._tokens: dict[str, _Token] = {}
        self._serial = 0
        # switches
        self.traffic_exhausted = False
        self.hide_uid = False
        self.vip = True
        self.infos_key = "list"  # the doc example says data.list, the doc table says data.fileList
        self.direct_traffic = 1_099_511_627_776  # 1 TiB left
        self.not_in_space_code = ep.CODE_NOT_DIRECT_LINK  # or 1: how direct-link/url says "not in a space"

    # ---- tokens -------------------------------------------------------------------------------------------------

    @property
    def tokens_issued(self) -> int:
        with self._lock:
            return self._serial

    def issue_token(self, client_id: str | None = None, ttl: timedelta | None = None) -> AccessToken:
        """A new token for ``client_id``; when that client already has ``max_tokens`` live ones, the oldest is
        kicked offline (it then gets code 401)."""
        client = client_id or self.client_id
        with self._lock:
            now = self._now()
            expires = (now + (self.token_ttl if ttl is None else ttl)).astimezone(CHINA_TZ).replace(microsecond=0)
            self._serial += 1
            value = _jwt_like(client, expires, self._serial)
            live = sorted(
                (t for t in self._tokens.values() if t.client_id == client and self._live(t, now)),
                key=lambda t: t.serial,
            )
            for old in live[: max(0, len(live) - self.max_tokens + 1)]:
                old.kicked = True
            self._tokens[value] = _Token(value, client, expires, self._serial)
            return AccessToken(value=value, expires_at=expires)

    def _live(self, token: _Token, now: datetime) -> bool:
        return not token.revoked and not token.kicked and token.expires_at > now

    def check_token(self, value: str | None) -> str | None:
        """None when ``value`` is a live token, else the message of the code-401 answer."""
        if not value:
            return ep.MSG_TOKEN_INVALID
        with self._lock:
            token = self._tokens.get(value)
            if token is None or token.revoked:
                return ep.MSG_TOKEN_INVALID
            if token.kicked:
                return ep.MSG_TOKEN_KICKED
            if token.expires_at <= self._now():
                return ep.MSG_TOKEN_EXPIRED
            return None

    def live_tokens(self) -> int:
        with self._lock:
            now = self._now()
            return sum(1 for t in self._tokens.values() if self._live(t, now))

    def revoke_token(self, value: str) -> None:
        with self._lock:
            token = self._tokens.get(value)
            if token is not None:
                token.revoked = True

    def revoke_all_tokens(self) -> None:
        with self._lock:
            for token in self._tokens.values():
                token.revoked = True

    # ---- files ------------------------------------------------------------------------------------------------

    def add_folder(
        self,
        file_id: int,
        name: str,
        parent_id: int = ROOT_ID,
        *,
        space: bool = False,
        trashed: bool = False,
        size: int = 0,
    ) -> FakeFile:
        """Add (or rename) a folder under ``parent_id`` (0: the top of the drive). Only a top-level folder can be a
        direct-link space."""
        if space and parent_id != ROOT_ID:
            raise ValueError("only a folder at the top of the drive can be a direct-link space")
        with self._lock:
            item = self._insert(file_id, name, size, folder=True, trashed=trashed, parent_id=parent_id)
            if parent_id == ROOT_ID:
                self._top_by_name.setdefault(name, file_id)
            if space:
                self._spaces.add(file_id)
            return item

    def add_file(
        self,
        file_id: int,
        name: str,
        size: int,
        *,
        direct_link: bool = True,
        folder: bool = False,
        trashed: bool = False,
        parent: str | None = None,
        parent_id: int | None = None,
        status: int = 2,
    ) -> FakeFile:
        """Add (or replace) a file. It goes into the folder ``parent_id`` when given; else into the top-level folder
        named ``parent`` (created when missing, as a direct-link space when ``direct_link``); by default into
        DIRECT_LINK_FOLDER (a space) or, with ``direct_link`` False, PLAIN_FOLDER (not a space)."""
        with self._lock:
            if parent_id is None:
                parent_name = parent if parent is not None else (DIRECT_LINK_FOLDER if direct_link else PLAIN_FOLDER)
                parent_id = self._top_folder(parent_name, space=direct_link)
            return self._insert(file_id, name, size, folder=folder, trashed=trashed, parent_id=parent_id, status=status)

    def _top_folder(self, name: str, *, space: bool) -> int:
        folder_id = self._top_by_name.get(name)
        if folder_id is None:
            folder_id = _DEFAULT_FOLDER_IDS.get(name)
            if folder_id is None or folder_id in self._files:
                folder_id = 1_000_000 + len(self._top_by_name)
                while folder_id in self._files:
                    folder_id += 1
            self._insert(folder_id, name, 0, folder=True, trashed=False, parent_id=ROOT_ID)
            self._top_by_name[name] = folder_id
            if space:
                self._spaces.add(folder_id)
        return folder_id

    def _insert(
        self, file_id: int, name: str, size: int, *, folder: bool, trashed: bool, parent_id: int, status: int = 2
    ) -> FakeFile:
        if file_id <= 0:
            raise ValueError("file_id must be positive")
        if not name or "/" in name:
            raise ValueError("name must be a non-empty file name without '/'")
        if parent_id != ROOT_ID:
            parent = self._files.get(parent_id)
            if parent is None or not parent.folder:
                raise ValueError(f"no folder {parent_id} to put {name!r} in")
            if parent_id == file_id or file_id in self._ancestors(parent):
                raise ValueError("a folder cannot be put inside itself")
        old = self._files.get(file_id)
        if old is not None and old.parent_id != parent_id:
            self._children[old.parent_id].remove(file_id)
        item = FakeFile(file_id, name, size, folder, trashed, parent_id, status)
        self._files[file_id] = item
        if old is None or old.parent_id != parent_id:
            bisect.insort(self._children.setdefault(parent_id, []), file_id)
        return item

    def _ancestors(self, item: FakeFile) -> list[int]:
        """IDs of the folders above ``item``, nearest first (lock held)."""
        found: list[int] = []
        parent_id = item.parent_id
        while parent_id != ROOT_ID and parent_id not in found:
            found.append(parent_id)
            parent = self._files.get(parent_id)
            if parent is None:
                break
            parent_id = parent.parent_id
        return found

    def file(self, file_id: int) -> FakeFile | None:
        with self._lock:
            return self._files.get(file_id)

    def files(self, ids: Iterable[int]) -> list[FakeFile]:
        with self._lock:
            return [self._files[i] for i in ids if i in self._files]

    def path(self, item: FakeFile) -> list[str]:
        """The names from the top of the drive down to ``item`` itself."""
        with self._lock:
            names = [self._files[i].name for i in reversed(self._ancestors(item)) if i in self._files]
        return [*names, item.name]

    def in_space(self, item: FakeFile) -> bool:
        """Whether ``item`` lies inside a top-level folder whose direct-link space is on."""
        with self._lock:
            top = [item.file_id, *self._ancestors(item)][-1]
            return top in self._spaces

    def set_space(self, folder_id: int, enabled: bool = True) -> None:
        """Switch a top-level folder's direct-link space on or off."""
        with self._lock:
            item = self._files.get(folder_id)
            if item is None or not item.folder or item.parent_id != ROOT_ID:
                raise ValueError("only a folder at the top of the drive can be a direct-link space")
            if enabled:
                self._spaces.add(folder_id)
            else:
                self._spaces.discard(folder_id)

    def children_page(self, parent_id: int, last_file_id: int, limit: int) -> tuple[list[FakeFile], int]:
        """One page of ``parent_id``'s items (trashed ones too, as the real API does), in ID order, after
        ``last_file_id``; and the ``lastFileId`` to answer (-1 when this is the last page)."""
        with self._lock:
            ids = self._children.get(parent_id, [])
            start = bisect.bisect_right(ids, last_file_id)
            page = [self._files[i] for i in ids[start : start + limit]]
            more = start + limit < len(ids)
        return page, (page[-1].file_id if more and page else -1)

    def search_page(self, text: str, exact: bool, last_file_id: int, limit: int) -> tuple[list[FakeFile], int]:
        """One page of the whole drive's items whose names match ``text`` (fuzzy: every word of it, ignoring case;
        exact: the whole name), trashed ones included, in ID order after ``last_file_id``."""
        words = text.casefold().split()
        with self._lock:
            hits = [
                item
                for file_id, item in sorted(self._files.items())
                if file_id > last_file_id
                and (item.name == text if exact else bool(words) and all(w in item.name.casefold() for w in words))
            ]
        page = hits[:limit]
        return page, (page[-1].file_id if len(hits) > limit else -1)

    def direct_link(self, item: FakeFile) -> str:
        """The link direct-link/url returns: host, uid, then the percent-encoded path from the top of the drive."""
        segments = [] if self.hide_uid else [str(self.uid)]
        # a name with a lone surrogate gets its UTF-8-ish bytes escaped, as a server storing raw bytes would
        segments += [quote(name.encode("utf-8", "surrogatepass"), safe="") for name in self.path(item)]
        return ep.DIRECT_LINK_HOST + "/" + "/".join(segments)

    # ---- account ------------------------------------------------------------------------------------------------

    def user_info(self) -> dict[str, object]:
        vip_info: list[dict[str, object]] | None = (
            [{"vipLevel": 2, "vipLabel": "SVIP", "startTime": "2025-01-01 00:00:00", "endTime": "2026-12-31 23:59:59"}]
            if self.vip
            else None
        )
        return {
            "uid": self.uid,
            "nickname": "演示用户",
            "headImage": "https://download-cdn.123pan.cn/123pan-avatar/default.png",
            "passport": "138****8000",
            "mail": "demo@example.com",
            "spaceUsed": 123_456_789_012,
            "spacePermanent": 2_199_023_255_552,
            "spaceTemp": 0,
            "spaceTempExpr": "0001-01-01 00:00:00",
            "vip": self.vip,
            "directTraffic": 0 if self.traffic_exhausted else self.direct_traffic,
            "isHideUID": self.hide_uid,
            "httpsCount": 0,
            "vipInfo": vip_info,
            "developerInfo": {"startTime": "2025-01-01 00:00:00", "endTime": "2026-12-31 23:59:59"},
        }


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _jwt_like(client_id: str, expires: datetime, serial: int) -> str:
    """A token shaped like the real ones (a JWT): header.payload.signature, unguessable."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = {"client_id": client_id, "exp": int(expires.timestamp()), "jti": f"{serial}-{secrets.token_hex(8)}"}
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    return f"{header}.{body}.{_b64(secrets.token_bytes(32))}"
