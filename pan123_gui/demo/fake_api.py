"""A faithful fake of the 123pan open-platform API on 127.0.0.1 (stdlib only), for tests and ``--demo``.

It answers the endpoints pan123_gui uses the way the real API does (reference: shared 123pan-open-api.md):
every answer is the envelope ``{code, message, data, x-traceID}`` with HTTP 200 also for business errors;
``Platform: open_platform`` and ``Authorization: Bearer <token>`` are required; tokens last ``token_ttl`` and at most
``max_tokens`` are live per client; per-endpoint rate limits answer code 429; faults can be switched on per path.

Endpoints: ``POST /api/v1/access_token``, ``GET /api/v1/direct-link/url?fileID=``, ``GET /api/v1/user/info``,
``POST /api/v1/file/infos``, ``GET /api/v1/file/detail?fileID=``, ``GET /api/v2/file/list`` (a folder's items, or a
search of the whole drive with ``searchData``), ``POST /api/v1/direct-link/enable|disable`` and ``/cache/refresh``
(``pan123_gui.demo.spaces``), ``POST /api/v1/share/create`` and ``GET /api/v1/share/list``
(``pan123_gui.demo.shares``). Anything else: HTTP 404 from the "gateway".

The account holds a drive: folders and files under the top (``parentFileId`` 0), with direct-link spaces switched on
per top-level folder; a direct link is the file's path from the top of the drive. ``add_sample_files`` fills in the
demo drive (``pan123_gui.demo.samples``).

ASSUMPTIONS where the real API is undocumented (codes and texts live in ``pan123_gui.demo.endpoints``):

1. A missing ``Platform`` header (or another value) → HTTP 200, code 400, "Platform参数错误…".
2. Missing/unknown/revoked token → code 401 "access_token无效"; expired → code 401 "access_token已过期"; a token
   kicked offline by the 3-token cap → code 401 "tokens number has exceeded the limit" (the FAQ's wording).
3. Wrong clientID/clientSecret on access_token → code 401 "clientID或clientSecret错误"; a missing field or a body
   that is not a JSON object → code 400.
4. ``fileID`` missing (including when sent as lower-case ``fileId``) binds as 0 on the backend → code 5066
   文件不存在 (consistent with OpenList's ``fileId`` bug surfacing as "文件不存在"); a non-numeric ``fileID`` →
   code 400.
5. A file outside any direct-link space (or an account without VIP) → code 5067 with a Chinese message containing
   "直链空间". The code number is invented; clients must key on the message (no code is documented), and
   ``set_not_in_space_answer(1)`` gives the same message with the generic code 1 instead.
6. A folder ID on direct-link/url → code 400 "文件夹不支持获取直链…". A trashed file → 5066.
7. file/infos: more than 100 IDs → code 400; an empty or non-integer list → code 400; unknown IDs are left out of
   the list; the list key is ``list`` (switch to ``fileList`` with ``set_infos_key``).
8. Rate limits are per endpoint (the real ones are per uid): a strict rolling window, at most max(1, floor(rate))
   requests in any window of that many / rate seconds (one second for whole rates), no slack for early arrivals.
9. With ``isHideUID`` on, the direct link has no uid segment (URL shape undocumented).
10. Unknown paths or wrong methods → HTTP 404 ``{"message": "no Route matched with those values"}`` (Kong style).
11. file/list: items come in file-ID order; a page's ``lastFileId`` is its last item's ID while more follow and -1 on
    the last page; a missing or non-numeric ``parentFileId``, ``limit`` outside 1..100, a bad ``lastFileId`` or a
    ``searchMode`` other than 0/1 → code 400. A folder that does not exist lists as empty. Fuzzy search
    (``searchMode`` 0) matches names containing every word of ``searchData`` ignoring case; exact (1) the whole name.
12. An item blocked by content review (``status`` > 100) still gets a direct link from the fake.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from types import TracebackType

from pan123_gui.core.models import TOKEN_LIFETIME, AccessToken
from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.faults import FAULT_KINDS, FaultQueue
from pan123_gui.demo.handler import LoopbackServer
from pan123_gui.demo.ratelimit import EndpointWindows
from pan123_gui.demo.routes import FakeApi, Record
from pan123_gui.demo.samples import SAMPLE_DRIVE, SAMPLE_FILES
from pan123_gui.demo.shares import FakeShare, ShareBook
from pan123_gui.demo.spaces import NOT_IN_SPACE_ANSWERS, SpaceSwitches
from pan123_gui.demo.state import AccountState, FakeFile, now_china

__all__ = ["FAULT_KINDS", "FakeApiServer", "FakeFile", "Record"]


class FakeApiServer:
    """``with FakeApiServer() as api: api.base_url ...`` — or ``start()`` / ``stop()``.

    ``clock`` (monotonic seconds, for the rate limits), ``now`` (aware datetime, for token expiry) and ``sleep``
    (for latency) can be replaced so tests need no real waiting.
    """

    def __init__(
        self,
        *,
        latency: float = 0.0,
        rates: dict[str, float] | None = None,
        token_ttl: timedelta = TOKEN_LIFETIME,
        max_tokens: int = 3,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = now_china,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        all_rates: dict[str, float | None] = dict(ep.DEFAULT_RATES)
        for path, rate in (rates or {}).items():
            all_rates[ep.api_path(path)] = rate
        self._state = AccountState(token_ttl=token_ttl, max_tokens=max_tokens, now=now)
        self._buckets = EndpointWindows(all_rates, clock)
        self.faults = FaultQueue()
        self._api = FakeApi(self._state, self._buckets, self.faults, latency=latency, sleep=sleep)
        self._shares = ShareBook(self._state, now)
        self._spaces = SpaceSwitches(self._state)
        self._api.extra_routes.update(
            {
                ep.SHARE_CREATE: self._shares.create,
                ep.SHARE_LIST: self._shares.list,
                ep.SPACE_ENABLE: self._spaces.enable,
                ep.SPACE_DISABLE: self._spaces.disable,
                ep.LINK_CACHE_REFRESH: self._spaces.refresh,
            }
        )
        self._server: LoopbackServer | None = None
        self._thread: threading.Thread | None = None
        self._base_url: str | None = None
        self._lock = threading.Lock()

    # ---- lifecycle ----------------------------------------------------------------------------------------------

    def start(self) -> str:
        """Start serving on 127.0.0.1 (random port); returns the base URL. Starting twice is harmless."""
        with self._lock:
            if self._server is None:
                server = LoopbackServer(self._api)
                host, port = server.server_address[:2]
                self._thread = threading.Thread(
                    target=server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-123pan-api", daemon=True
                )
                self._server = server
                self._base_url = f"http://{host!s}:{port}"
                self._thread.start()
            assert self._base_url is not None
            return self._base_url

    def stop(self) -> None:
        """Stop serving and hang up open connections. Safe to call twice."""
        with self._lock:
            server, thread = self._server, self._thread
            self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.close_all()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> FakeApiServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._base_url is None:
            raise RuntimeError("the fake API is not started")
        return self._base_url

    @property
    def running(self) -> bool:
        return self._server is not None

    # ---- credentials and tokens ---------------------------------------------------------------------------------

    @property
    def client_id(self) -> str:
        return self._state.client_id

    @property
    def client_secret(self) -> str:
        return self._state.client_secret

    @property
    def uid(self) -> int:
        return self._state.uid

    def issue_token(self, ttl: timedelta | None = None) -> AccessToken:
        """A token for the demo client, as if fetched (counts toward the cap). ``ttl`` ≤ 0 gives an expired one."""
        return self._state.issue_token(ttl=ttl)

    @property
    def tokens_issued(self) -> int:
        """How many tokens were issued so far (access_token calls and issue_token), thread-safe."""
        return self._state.tokens_issued

    @property
    def live_tokens(self) -> int:
        return self._state.live_tokens()

    def revoke_token(self, value: str) -> None:
        self._state.revoke_token(value)

    def revoke_all_tokens(self) -> None:
        self._state.revoke_all_tokens()

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
        parent_id: int | None = None,
        status: int = 2,
    ) -> FakeFile:
        """Add (or replace) a file. It goes into the folder ``parent_id`` when given; else into the top-level folder
        named ``parent`` (default: a direct-link space, or a plain folder when ``direct_link`` is False)."""
        return self._state.add_file(
            file_id,
            name,
            size,
            direct_link=direct_link,
            folder=folder,
            trashed=trashed,
            parent=parent,
            parent_id=parent_id,
            status=status,
        )

    def add_folder(
        self,
        file_id: int,
        name: str,
        parent_id: int = 0,
        *,
        space: bool = False,
        trashed: bool = False,
        size: int = 0,
    ) -> FakeFile:
        """Add a folder under ``parent_id`` (0: the top of the drive); ``space``: its direct-link space is on;
        ``size``: what file/detail reports for it (the size of everything inside)."""
        return self._state.add_folder(file_id, name, parent_id, space=space, trashed=trashed, size=size)

    def set_space(self, folder_id: int, enabled: bool = True) -> None:
        """Switch a top-level folder's direct-link space on or off."""
        self._state.set_space(folder_id, enabled)

    def add_sample_files(self) -> list[int]:
        """Add the demo drive (``pan123_gui.demo.samples``); returns the headline samples' IDs (SAMPLE_FILES)."""
        for f in SAMPLE_DRIVE:
            if f.folder:
                self.add_folder(f.file_id, f.name, f.parent, space=f.space, trashed=f.trashed, size=f.size)
            else:
                self.add_file(f.file_id, f.name, f.size, trashed=f.trashed, parent_id=f.parent, status=f.status)
        return [f.file_id for f in SAMPLE_FILES]

    def path(self, file_id: int) -> str:
        """The item's path from the top of the drive, ``/``-separated (for assertions)."""
        item = self._state.file(file_id)
        if item is None:
            raise KeyError(file_id)
        return "/".join(self._state.path(item))

    def file(self, file_id: int) -> FakeFile | None:
        return self._state.file(file_id)

    def expected_url(self, file_id: int) -> str:
        """The direct link the fake answers for ``file_id`` (for assertions)."""
        item = self._state.file(file_id)
        if item is None:
            raise KeyError(file_id)
        return self._state.direct_link(item)

    # ---- direct-link spaces ---------------------------------------------------------------------------------------

    def set_not_in_space_answer(self, code: int) -> None:
        """How direct-link/url answers a file outside every space: code 5067 (the fake's guess, the default) or
        the generic code 1, both with the same Chinese message (the real code is undocumented)."""
        if code not in NOT_IN_SPACE_ANSWERS:
            raise ValueError(f"code must be one of {NOT_IN_SPACE_ANSWERS}")
        self._state.not_in_space_code = code

    @property
    def space_switches(self) -> list[tuple[int, bool]]:
        """(folder ID, switched on) of every direct-link/enable or /disable the fake accepted, in order."""
        return list(self._spaces.switches)

    @property
    def cache_refreshes(self) -> int:
        """How many direct-link/cache/refresh calls came in."""
        return self._spaces.cache_refreshes

    # ---- shares -------------------------------------------------------------------------------------------------

    def shares(self) -> list[FakeShare]:
        """The shares created so far, oldest first."""
        return self._shares.all()

    # ---- switches -----------------------------------------------------------------------------------------------

    def set_latency(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("latency must not be negative")
        self._api.latency = seconds

    @property
    def latency(self) -> float:
        return self._api.latency

    def set_rate(self, path: str, rate: float | None) -> None:
        """Requests per second for one endpoint (``"direct-link/url"`` or the full path); None: unlimited."""
        self._buckets.set_rate(ep.api_path(path), rate)

    def rate(self, path: str) -> float | None:
        return self._buckets.rate(ep.api_path(path))

    def set_traffic_exhausted(self, exhausted: bool = True) -> None:
        """direct-link/url answers code 5113 for every file while on; user/info shows directTraffic 0."""
        self._state.traffic_exhausted = exhausted

    def set_infos_key(self, key: str) -> None:
        """The array key of file/infos: ``"list"`` (the doc example) or ``"fileList"`` (the doc table)."""
        if key not in ("list", "fileList"):
            raise ValueError("key must be 'list' or 'fileList'")
        self._state.infos_key = key

    def set_hide_uid(self, hide: bool = True) -> None:
        """user/info isHideUID; direct links then have no uid segment."""
        self._state.hide_uid = hide

    def set_vip(self, vip: bool = True) -> None:
        """Without VIP, no direct-link space works: every file answers the not-in-direct-link-space error."""
        self._state.vip = vip

    # ---- what happened ------------------------------------------------------------------------------------------

    @property
    def request_log(self) -> list[tuple[str, str, dict[str, str], int]]:
        """(method, path, query, HTTP status) of every request, in order; status 0 when the connection was dropped."""
        return self._api.request_log

    @property
    def records(self) -> list[Record]:
        """Like request_log, with the envelope code and the fault used."""
        return self._api.records

    @property
    def errors(self) -> list[BaseException]:
        """Unexpected exceptions inside the fake while answering (a bug in the fake if not empty)."""
        return self._api.errors

    def calls(self, path: str) -> int:
        """How many requests reached ``path``."""
        full = ep.api_path(path)
        return sum(1 for record in list(self._api.records) if record.path == full)

    def codes(self, path: str) -> list[int | None]:
        """The envelope codes answered on ``path``, in order (None when the answer was not an envelope)."""
        full = ep.api_path(path)
        return [record.code for record in list(self._api.records) if record.path == full]

    def clear_log(self) -> None:
        self._api.clear_log()
