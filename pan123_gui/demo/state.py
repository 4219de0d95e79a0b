"""What the fake 123pan account holds: files, issued access tokens and account switches. Thread-safe."""

from __future__ import annotations

import base64
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

CHINA_TZ = timezone(timedelta(hours=8), "CST")
DEFAULT_UID = 1815309870
DIRECT_LINK_FOLDER = "测试直链文件夹"  # where add_file puts direct-link files unless told otherwise
PLAIN_FOLDER = "我的资源"  # where files outside any direct-link space go
_CREATED = "2025-03-17 19:16:24"


def now_china() -> datetime:
    return datetime.now(CHINA_TZ)


@dataclass(frozen=True, slots=True)
class FakeFile:
    file_id: int
    name: str
    size: int
    direct_link: bool
    folder: bool
    trashed: bool
    parent: str
    parent_id: int

    @property
    def etag(self) -> str:
        return "" if self.folder else hashlib.md5(f"{self.file_id}:{self.name}".encode()).hexdigest()

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
            "status": 2,
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
            "status": 2,
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
        self._folder_ids: dict[str, int] = {}
        self._tokens: dict[str, _Token] = {}
        self._serial = 0
        # switches
        self.traffic_exhausted = False
        self.hide_uid = False
        self.vip = True
        self.infos_key = "list"  # the doc example says data.list, the doc table says data.fileList
        self.direct_traffic = 1_099_511_627_776  # 1 TiB left

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

    # ---- files --------------------------------------------------------------------------------------------------

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
    ) -> FakeFile:
        if file_id <= 0:
            raise ValueError("file_id must be positive")
        if not name or "/" in name:
            raise ValueError("name must be a non-empty file name without '/'")
        parent_name = parent if parent is not None else (DIRECT_LINK_FOLDER if direct_link else PLAIN_FOLDER)
        with self._lock:
            parent_id = self._folder_ids.setdefault(parent_name, 1_000_000 + len(self._folder_ids))
            item = FakeFile(file_id, name, size, direct_link, folder, trashed, parent_name, parent_id)
            self._files[file_id] = item
            return item

    def add_files(self, items: Iterable[FakeFile]) -> None:
        with self._lock:
            for item in items:
                self._files[item.file_id] = item

    def file(self, file_id: int) -> FakeFile | None:
        with self._lock:
            return self._files.get(file_id)

    def files(self, ids: Iterable[int]) -> list[FakeFile]:
        with self._lock:
            return [self._files[i] for i in ids if i in self._files]

    def direct_link(self, item: FakeFile) -> str:
        """The link direct-link/url returns: host, uid, then the percent-encoded folder and name."""
        segments = [] if self.hide_uid else [str(self.uid)]
        segments += [quote(item.parent, safe=""), quote(item.name, safe="")]
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
