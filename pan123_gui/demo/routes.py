"""The fake API's behaviour, independent of sockets: one :class:`Request` in, one :class:`Reply` out."""

from __future__ import annotations

import itertools
import json
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.faults import FaultQueue
from pan123_gui.demo.ratelimit import EndpointWindows
from pan123_gui.demo.state import AccountState

_BAD_LINKS = ("javascript:alert(document.cookie)", "file:///etc/passwd")
_HTML_500 = (
    "<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n"
    "<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>openresty</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_GARBAGE = "upstream connect error or disconnect/reset before headers. reset reason: overflow"
JSON_TYPE = "application/json; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]  # looked up case-insensitively by the handler's Message object
    body: bytes = b""


@dataclass(slots=True)
class Reply:
    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)
    code: int | None = None  # envelope code, when the body is an envelope
    action: str = "send"  # "send" | "drop" (no response at all) | "cut" (half the body, then close)


class Record(NamedTuple):
    """One answered request: what came in, the HTTP status (0 when dropped), the envelope code and any fault."""

    method: str
    path: str
    query: dict[str, str]
    status: int
    code: int | None
    fault: str | None


def trace_id() -> str:
    return f"{uuid.uuid4()}_kong-db-5898fdd8c6-{secrets.token_hex(3)[:5]}"


def envelope(code: int, message: str, data: object = None, *, status: int = 200) -> Reply:
    body = {"code": code, "message": message, "data": data, "x-traceID": trace_id()}
    try:
        raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a name with a lone surrogate: valid JSON only as an escape ("\udc80")
        raw = json.dumps(body).encode("ascii")
    return Reply(status, raw, code=code)


def ok(data: object) -> Reply:
    return envelope(ep.OK, ep.MSG_OK, data)


class FakeApi:
    """Routing, checks (Platform, rate, token), faults and latency. Every public attribute is safe to change from a
    test thread while requests are served."""

    def __init__(
        self,
        state: AccountState,
        buckets: EndpointWindows,
        faults: FaultQueue,
        *,
        latency: float = 0.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.state = state
        self.buckets = buckets
        self.faults = faults
        self.latency = latency
        self.sleep = sleep
        self.request_log: list[tuple[str, str, dict[str, str], int]] = []
        self.records: list[Record] = []
        self.errors: list[BaseException] = []  # unexpected exceptions while answering (should stay empty)
        self.extra_routes: dict[str, Callable[[Request], Reply]] = {}  # path -> answer (spaces, shares)
        self._bad_links = itertools.cycle(_BAD_LINKS)
        self._lock = threading.Lock()

    # ---- entry point --------------------------------------------------------------------------------------------

    def handle(self, request: Request) -> Reply:
        fault: str | None = None
        try:
            if self.latency > 0:
                self.sleep(self.latency)
            fault = self.faults.pop(request.path) if request.path in ep.ROUTES else None
            reply = self._answer(request, fault)
        except Exception as exc:  # a bug in the fake: answer like a crashed backend, keep it for the test to see
            self.errors.append(exc)
            reply = envelope(ep.CODE_INTERNAL, ep.MSG_INTERNAL, status=500)
        self.log(request, reply, fault)
        return reply

    def log(self, request: Request, reply: Reply, fault: str | None) -> None:
        status = 0 if reply.action == "drop" else reply.status
        query = dict(request.query)
        with self._lock:
            self.request_log.append((request.method, request.path, query, status))
            self.records.append(Record(request.method, request.path, query, status, reply.code, fault))

    def clear_log(self) -> None:
        with self._lock:
            self.request_log.clear()
            self.records.clear()

    # ---- checks and faults --------------------------------------------------------------------------------------

    def _answer(self, request: Request, fault: str | None) -> Reply:
        if fault == "stall":
            self.sleep(self.faults.stall_seconds)
        early = self._early_fault(fault)
        if early is not None:
            return early
        method = ep.ROUTES.get(request.path)
        if method is None or method != request.method:
            body = json.dumps({"message": ep.MSG_NO_ROUTE}).encode()
            return Reply(404, body)
        if request.headers.get("Platform") != "open_platform":
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_PLATFORM)
        if not self.buckets.try_take(request.path):
            return envelope(ep.CODE_TOO_MANY, ep.MSG_TOO_MANY)
        if request.path != ep.ACCESS_TOKEN:
            token = _bearer(request.headers.get("Authorization"))
            if fault == "revoked" and token:
                self.state.revoke_token(token)
            problem = self.state.check_token(token)
            if problem is not None:
                return envelope(ep.CODE_UNAUTHORIZED, problem)
        reply = self._route(request, fault)
        if fault == "cut_json":
            reply.action = "cut"
        return reply

    def _early_fault(self, fault: str | None) -> Reply | None:
        if fault == "http500_html":
            return Reply(500, _HTML_500.encode(), content_type="text/html")
        if fault == "drop":
            return Reply(0, b"", action="drop")
        if fault == "http429":
            reply = envelope(ep.CODE_TOO_MANY, ep.MSG_TOO_MANY, status=429)
            if self.faults.retry_after is not None:
                reply.headers["Retry-After"] = f"{self.faults.retry_after:g}"
            return reply
        if fault == "code429":
            return envelope(ep.CODE_TOO_MANY, ep.MSG_TOO_MANY)
        if fault == "code1":
            return envelope(ep.CODE_INTERNAL, ep.MSG_INTERNAL)
        if fault == "code5113":
            return envelope(ep.CODE_TRAFFIC, ep.MSG_TRAFFIC)
        if fault == "not_json":
            return Reply(200, _GARBAGE.encode(), content_type="text/plain; charset=utf-8")
        return None

    # ---- endpoints ----------------------------------------------------------------------------------------------

    def _route(self, request: Request, fault: str | None) -> Reply:
        extra = self.extra_routes.get(request.path)
        if extra is not None:
            return extra(request)
        if request.path == ep.ACCESS_TOKEN:
            return self._access_token(request)
        if request.path == ep.DIRECT_LINK_URL:
            return self._direct_link(request, fault)
        if request.path == ep.USER_INFO:
            return ok(self.state.user_info())
        if request.path == ep.FILE_INFOS:
            return self._file_infos(request)
        if request.path == ep.FILE_LIST:
            return self._file_list(request)
        return self._file_detail(request)

    def _access_token(self, request: Request) -> Reply:
        body = json_object(request.body)
        if body is None:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_JSON)
        client_id, secret = body.get("clientID"), body.get("clientSecret")
        if not isinstance(client_id, str) or not isinstance(secret, str) or not client_id or not secret:
            return envelope(ep.CODE_BAD_PARAM, "clientID和clientSecret不能为空")
        if client_id != self.state.client_id or not secrets.compare_digest(secret, self.state.client_secret):
            return envelope(ep.CODE_UNAUTHORIZED, ep.MSG_BAD_CLIENT)
        token = self.state.issue_token(client_id)
        return ok({"accessToken": token.value, "expiredAt": token.expires_at.isoformat()})

    def _direct_link(self, request: Request, fault: str | None) -> Reply:
        file_id = _file_id_param(request.query)
        if isinstance(file_id, Reply):
            return file_id
        item = self.state.file(file_id)
        if item is None or item.trashed:
            return envelope(ep.CODE_NOT_FOUND, ep.MSG_NOT_FOUND)
        if item.folder:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_FOLDER)
        if not self.state.in_space(item) or not self.state.vip:
            return envelope(self.state.not_in_space_code, ep.MSG_NOT_DIRECT_LINK)
        if self.state.traffic_exhausted:
            return envelope(ep.CODE_TRAFFIC, ep.MSG_TRAFFIC)
        url = next(self._bad_links) if fault == "bad_link" else self.state.direct_link(item)
        return ok({"url": url})

    def _file_infos(self, request: Request) -> Reply:
        body = json_object(request.body)
        ids = None if body is None else body.get("fileIds")
        if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_JSON)
        if not ids:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_EMPTY_IDS)
        if len(ids) > ep.MAX_INFO_IDS:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_TOO_MANY_IDS)
        found = self.state.files(dict.fromkeys(ids))
        return ok({self.state.infos_key: [item.info() for item in found]})

    def _file_detail(self, request: Request) -> Reply:
        file_id = _file_id_param(request.query)
        if isinstance(file_id, Reply):
            return file_id
        item = self.state.file(file_id)
        if item is None:
            return envelope(ep.CODE_NOT_FOUND, ep.MSG_NOT_FOUND)
        return ok(item.detail())

    def _file_list(self, request: Request) -> Reply:
        """``GET /api/v2/file/list``: a folder's items, or with ``searchData`` matches from the whole drive (the
        parent is then ignored). Trashed items come back too (the real API's ``trashed`` parameter does nothing)."""
        query = request.query
        parent_id = int_param(query.get("parentFileId"))
        if parent_id is None:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_PARENT)
        limit = int_param(query.get("limit"))
        if limit is None or not 1 <= limit <= ep.MAX_LIST_LIMIT:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_LIMIT)
        raw_last = query.get("lastFileId")
        last = 0 if raw_last is None or raw_last == "" else int_param(raw_last)
        if last is None:
            return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_LAST)
        search = query.get("searchData", "")
        if search:
            mode = query.get("searchMode", "0") or "0"
            if mode not in ("0", "1"):
                return envelope(ep.CODE_BAD_PARAM, ep.MSG_BAD_SEARCH_MODE)
            items, next_last = self.state.search_page(search, mode == "1", last, limit)
        else:
            items, next_last = self.state.children_page(parent_id, last, limit)
        return ok({"lastFileId": next_last, "fileList": [item.info() for item in items]})


def int_param(raw: str | None) -> int | None:
    """A non-negative decimal integer parameter, or None."""
    if raw is None or not raw.isascii() or not raw.isdigit() or len(raw) > 19:
        return None
    return int(raw)


def _bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def json_object(raw: bytes) -> dict[str, object] | None:
    try:
        value = json.loads(raw.decode("utf-8")) if raw else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _file_id_param(query: Mapping[str, str]) -> int | Reply:
    """``fileID`` (capital ID) from the query. A missing parameter (also ``fileId``) binds as 0 on the real backend,
    which then reports the file as not found; a non-numeric one is a parameter error."""
    raw = query.get("fileID")
    if raw is None or raw == "":
        return envelope(ep.CODE_NOT_FOUND, ep.MSG_NOT_FOUND)
    if not raw.isascii() or not raw.isdigit():
        return envelope(ep.CODE_BAD_PARAM, "fileID参数错误，必须是数字")
    return int(raw)
