"""``Pan123Client``: the typed calls the app needs, over one shared ``httpx.Client``, safe to use from many threads.

Each attempt of each call: wait for the endpoint's limiter slot, take a valid token, send once (``call_api``
checks HTTP status, then the envelope), and tell the limiter how the server answered (a 429 slows the pace, clean
answers let it creep back up). Transient failures are retried with bounded back-off (the sleep is interruptible
by the cancel event, and every retry acquires the limiter again): a 429 within a budget of time
(``RetryPolicy.rate_limit_budget``, counted from the call's first 429), anything else a bounded number of attempts.
A 401 refreshes the token once (single-flight in :class:`TokenManager`) and replays the call once.

A :class:`RequestWatch` shared by the calls of one run adds the network cut-off: once several requests in a row
could not even connect, the run's remaining calls fail at once with :class:`NotTriedError` instead of each making
its own attempts with back-off.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from pan123_gui.core._http import ConnectFailedError, ConnectTimeoutError, call_api, httpx, new_http_client
from pan123_gui.core.endpoints import (
    ACCESS_TOKEN_PATH,
    DIRECT_LINK_PATH,
    FILE_DETAIL_PATH,
    FILE_INFOS_PATH,
    FILE_LIST_PATH,
    USER_INFO_PATH,
)
from pan123_gui.core.errors import (
    AuthError,
    CancelledError,
    CredentialsError,
    InternalServerError,
    MalformedResponseError,
    Pan123Error,
    RateLimitedError,
    RequestTimeoutError,
)
from pan123_gui.core.limiter import DIRECT_LINK_RATE, EndpointLimiters
from pan123_gui.core.links import require_http_link
from pan123_gui.core.models import AccessToken, FileInfo, FilePage, UserInfo
from pan123_gui.core.request_watch import RequestWatch
from pan123_gui.core.retry import RetryPolicy, Sleep, backoff_delay, interruptible_sleep, is_retryable
from pan123_gui.core.tokens import TokenManager, fetch_access_token

if TYPE_CHECKING:
    from pan123_gui.core.credentials import Credentials, SecretStore

__all__ = ["FILE_INFOS_BATCH", "FILE_LIST_LIMIT", "Pan123Client", "build_client"]

log = logging.getLogger(__name__)

FILE_INFOS_BATCH = 100  # ids per file/infos call (x123pan's batch; the official maximum is unconfirmed)
FILE_LIST_LIMIT = 100  # items per file/list page (the documented maximum)

#: Attempts of one call that may end at the request deadline (a server that accepts and then stalls): one retry,
#: none once the run's watch saw a stall with no answer since, so a row waits about 2 x the deadline at most.
STALLED_ATTEMPTS = 2

T = TypeVar("T")


class Pan123Client:
    def __init__(
        self,
        http: httpx.Client,
        tokens: TokenManager,
        *,
        limiters: EndpointLimiters | None = None,
        retry: RetryPolicy | None = None,
        sleep: Sleep | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._tokens = tokens
        self._limiters = limiters if limiters is not None else EndpointLimiters()
        self._retry = retry if retry is not None else RetryPolicy()
        self._sleep = sleep if sleep is not None else interruptible_sleep
        self._clock = clock  # for the 429 retry budget
        self._user_lock = threading.Lock()
        self._user: UserInfo | None = None

    def __repr__(self) -> str:
        return f"Pan123Client(base_url={str(self._http.base_url)!r}, rate={self.rate:g}/s)"

    # --- configuration -------------------------------------------------------------------------------------------

    @property
    def tokens(self) -> TokenManager:
        return self._tokens

    @property
    def limiters(self) -> EndpointLimiters:
        return self._limiters

    @property
    def rate(self) -> float:
        """Direct-link requests per second."""
        return self._limiters.rate_for(DIRECT_LINK_PATH)

    def set_rate(self, rate: float) -> None:
        """Change the direct-link pace (requests per second) for all threads, effective at once."""
        self._limiters.set_rate(DIRECT_LINK_PATH, rate)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Pan123Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- API calls -----------------------------------------------------------------------------------------------

    def direct_link_url(
        self, file_id: int, cancel: threading.Event | None = None, *, watch: RequestWatch | None = None
    ) -> str:
        """``GET /api/v1/direct-link/url?fileID=`` → the plain direct link (http/https only, else BadLinkError)."""
        data = self.request("GET", DIRECT_LINK_PATH, params={"fileID": int(file_id)}, cancel=cancel, watch=watch)
        if not isinstance(data, dict):
            raise MalformedResponseError("The direct-link answer has no data")
        return require_http_link(data.get("url"))

    def user_info(self) -> UserInfo:
        """``GET /api/v1/user/info`` (always asks the API; the uid is remembered for :meth:`uid`)."""
        data = self.request("GET", USER_INFO_PATH)
        info = _parse_user_info(data)
        with self._user_lock:
            self._user = info
        return info

    def uid(self, cancel: threading.Event | None = None, *, watch: RequestWatch | None = None) -> int:
        """The account uid (needed for signing), fetched once per client."""
        with self._user_lock:
            if self._user is not None:
                return self._user.uid
            data = self.request("GET", USER_INFO_PATH, cancel=cancel, watch=watch)
            self._user = _parse_user_info(data)
            return self._user.uid

    def file_infos(
        self, ids: Sequence[int], cancel: threading.Event | None = None, *, watch: RequestWatch | None = None
    ) -> dict[int, FileInfo]:
        """Names and sizes via ``POST /api/v1/file/infos`` in batches of ≤100; IDs the API omits are left out."""
        unique = list(dict.fromkeys(int(i) for i in ids))
        found: dict[int, FileInfo] = {}
        for start in range(0, len(unique), FILE_INFOS_BATCH):
            chunk = unique[start : start + FILE_INFOS_BATCH]
            data = self.request("POST", FILE_INFOS_PATH, json_body={"fileIds": chunk}, cancel=cancel, watch=watch)
            if not isinstance(data, dict):
                raise MalformedResponseError("The file-infos answer has no data")
            items = data.get("list")
            if items is None:
                items = data.get("fileList")
            if not isinstance(items, list):
                raise MalformedResponseError("The file-infos answer has no list")
            for item in items:
                info = _parse_file_info(item, id_key="fileId")
                if info is not None:
                    found[info.file_id] = info
        return found

    def file_list_page(
        self,
        parent_id: int,
        *,
        last_file_id: int | None = None,
        limit: int = FILE_LIST_LIMIT,
        search: str | None = None,
        exact: bool = False,
        cancel: threading.Event | None = None,
        watch: RequestWatch | None = None,
    ) -> FilePage:
        """One page of ``GET /api/v2/file/list``: the items of folder ``parent_id`` (0: the top of the drive) after
        ``last_file_id``; with ``search`` the matching names of the whole drive instead (``searchMode`` 1 when
        ``exact``, else 0 fuzzy). The items are as the API sent them, trashed ones included."""
        if not 1 <= limit <= FILE_LIST_LIMIT:
            raise ValueError(f"limit must be 1 to {FILE_LIST_LIMIT}")
        params: dict[str, str | int] = {"parentFileId": int(parent_id), "limit": limit}
        if last_file_id is not None and last_file_id > 0:
            params["lastFileId"] = int(last_file_id)
        if search:
            params["searchData"] = search
            params["searchMode"] = 1 if exact else 0
        data = self.request("GET", FILE_LIST_PATH, params=params, cancel=cancel, watch=watch)
        return _parse_file_page(data)

    def file_detail(self, file_id: int) -> FileInfo:
        """``GET /api/v1/file/detail?fileID=`` (capital ID in both the query and the answer)."""
        data = self.request("GET", FILE_DETAIL_PATH, params={"fileID": int(file_id)})
        info = _parse_file_info(data, id_key="fileID")
        if info is None:
            raise MalformedResponseError("The file-detail answer is incomplete")
        return info

    def fetch_token(self, client_id: str, client_secret: str) -> AccessToken:
        """A new token from client credentials, paced and retried only where no second token can be issued."""
        return self.run_paced(
            ACCESS_TOKEN_PATH,
            lambda _token: fetch_access_token(self._http, client_id, client_secret),
            auth=False,
            retryable=_token_fetch_retryable,
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json_body: object = None,
        cancel: threading.Event | None = None,
        watch: RequestWatch | None = None,
        retryable: Callable[[Pan123Error], bool] = is_retryable,
    ) -> Any:
        """One call of any endpoint under the same rules (pace, retries, 401 refresh); returns the envelope's data.

        Every endpoint method here and the feature modules of the core (``spaces``, ``shares``) call it; a call that
        must not be repeated once the server may have acted passes a narrower ``retryable``."""
        return self.run_paced(
            path,
            lambda token: call_api(self._http, method, path, token=token, params=params, json_body=json_body),
            cancel=cancel,
            watch=watch,
            retryable=retryable,
        )

    # --- the request loop ----------------------------------------------------------------------------------------

    def run_paced(
        self,
        path: str,
        send: Callable[[str | None], T],
        *,
        cancel: threading.Event | None = None,
        auth: bool = True,
        retryable: Callable[[Pan123Error], bool] = is_retryable,
        watch: RequestWatch | None = None,
    ) -> T:
        """Run ``send(token)`` under ``path``'s limiter with retries and the 401 refresh-and-replay-once rule.

        With a ``watch``: every attempt's outcome is recorded there, and once it has tripped no attempt is made
        (:class:`NotTriedError`, also when the trip interrupts a wait: pass its ``wake`` event as ``cancel``).
        """
        policy = self._retry
        limiter = self._limiters.for_path(path)
        attempt = 0  # failed attempts, 429s not counted
        stalls = 0
        limited = 0  # 429s
        limited_until: float | None = None  # the end of the 429 retry budget, set by the first 429
        replayed = False
        while True:
            _stop_if_asked(cancel, watch)
            try:
                slot = limiter.acquire(cancel)
            except CancelledError:
                if watch is not None:
                    watch.check()
                raise
            token = self._token_for(auth, watch)
            was_stalled = watch is not None and watch.stalled  # another request of the run stalled before this one
            try:
                result = _send_once(send, token, path, watch)
            except AuthError:
                limiter.answered(slot, limited=False)
                if not auth or replayed or token is None:
                    raise
                replayed = True
                log.info("%s: token rejected, refreshing once and replaying", path)
                try:
                    self._tokens.after_auth_failure(token)
                except Pan123Error as refresh_err:
                    if watch is not None:
                        watch.record(ACCESS_TOKEN_PATH, None, refresh_err)
                    raise
                continue
            except RateLimitedError as err:
                # The pace learns from it; the call waits and tries again within a budget of time, not of attempts
                # (a 429 says the client went too fast, not that this ID cannot succeed).
                limiter.answered(slot, limited=True)
                limited += 1
                now = self._clock()
                if limited_until is None:
                    limited_until = now + policy.rate_limit_budget
                if not retryable(err) or now >= limited_until:
                    raise
                delay = min(backoff_delay(limited, policy, err.retry_after), limited_until - now)
                left = limited_until - now
                log.debug("%s: too many requests, retry in %.2f s (%.1f s of the budget left)", path, delay, left)
            except Pan123Error as err:
                if not is_retryable(err):  # a clear answer from the server (trouble or no answer teach nothing)
                    limiter.answered(slot, limited=False)
                attempt += 1
                if not retryable(err) or attempt >= policy.max_attempts:
                    raise
                if isinstance(err, RequestTimeoutError) and not isinstance(err, ConnectTimeoutError):
                    stalls += 1
                    if stalls >= STALLED_ATTEMPTS or was_stalled:
                        raise
                delay = backoff_delay(attempt, policy)
                log.debug("%s: %s, retry %d/%d in %.2f s", path, err.kind, attempt, policy.max_attempts - 1, delay)
            else:
                limiter.answered(slot, limited=False)
                if token is not None:
                    self._tokens.note_accepted(token)
                return result
            self._sleep(delay, cancel)
            try:
                _stop_if_asked(cancel, watch)
            except Pan123Error as stop:
                raise stop from None

    def _token_for(self, auth: bool, watch: RequestWatch | None) -> str | None:
        """The token to send (None without auth); a token fetch that cannot connect counts toward the cut-off."""
        if not auth:
            return None
        try:
            return self._tokens.current()
        except Pan123Error as err:
            if watch is not None:
                watch.record(ACCESS_TOKEN_PATH, None, err)
            raise


def _send_once(send: Callable[[str | None], T], token: str | None, path: str, watch: RequestWatch | None) -> T:
    """One attempt; with a watch it is on the watch's list while on the wire, and its outcome is recorded."""
    if watch is None:
        return send(token)
    ticket = watch.begin(path)
    try:
        result = send(token)
    except Pan123Error as err:
        watch.record(path, watch.end(ticket), err)
        raise
    except BaseException:
        watch.end(ticket)
        raise
    watch.record(path, watch.end(ticket), None)
    return result


def _stop_if_asked(cancel: threading.Event | None, watch: RequestWatch | None) -> None:
    """Before an attempt: NotTriedError when the run's cut-off tripped, CancelledError when cancelled."""
    if watch is not None:
        watch.check()
    if cancel is not None and cancel.is_set():
        raise CancelledError("Cancelled")


def _token_fetch_retryable(err: Pan123Error) -> bool:
    """Retry a token fetch only when the server surely issued no token (a retry must not add a live token)."""
    if isinstance(err, RateLimitedError | InternalServerError | ConnectFailedError | ConnectTimeoutError):
        return True
    return isinstance(err, MalformedResponseError) and (err.http_status or 0) >= 500


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _as_flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes"}
    return False


def _parse_file_info(item: object, *, id_key: str) -> FileInfo | None:
    if not isinstance(item, dict):
        return None
    file_id = _as_int(item.get(id_key))
    if file_id is None:  # tolerate the other spelling (fileId / fileID)
        file_id = _as_int(item.get("fileID" if id_key == "fileId" else "fileId"))
    if file_id is None:
        return None
    name = item.get("filename")
    size = _as_int(item.get("size"))
    parent = _as_int(item.get("parentFileId"))
    if parent is None:  # file/detail spells it parentFileID
        parent = _as_int(item.get("parentFileID"))
    return FileInfo(
        file_id=file_id,
        name=name if isinstance(name, str) else "",
        size=size if size is not None and size >= 0 else 0,
        is_folder=_as_int(item.get("type")) == 1,
        trashed=_as_flag(item.get("trashed")),
        parent_id=parent if parent is not None and parent >= 0 else None,
        status=_as_int(item.get("status")),
    )


def _parse_file_page(data: object) -> FilePage:
    """``data`` of file/list: ``fileList`` (null for an empty folder is tolerated) and ``lastFileId`` (-1, or any
    number below 1: the end)."""
    if not isinstance(data, dict):
        raise MalformedResponseError("The file-list answer has no data")
    raw_items = data.get("fileList")
    if raw_items is None:
        raw_items = []
    if not isinstance(raw_items, list):
        raise MalformedResponseError("The file-list answer has no list")
    raw_last = data.get("lastFileId")
    last = -1 if isinstance(raw_last, int | str) and str(raw_last).strip().startswith("-") else _as_int(raw_last)
    if last is None:
        raise MalformedResponseError("The file-list answer has no lastFileId")
    if last < 1:  # -1 is documented for the last page; 0 cannot name an item either
        last = -1
    items = tuple(info for info in (_parse_file_info(item, id_key="fileId") for item in raw_items) if info is not None)
    return FilePage(items=items, last_file_id=last)


def _parse_user_info(data: object) -> UserInfo:
    if not isinstance(data, dict):
        raise MalformedResponseError("The user-info answer has no data")
    uid = _as_int(data.get("uid"))
    if uid is None or uid <= 0:
        raise MalformedResponseError("The user-info answer has no uid")
    nickname = data.get("nickname")
    vip_label: str | None = None
    vip_info = data.get("vipInfo")
    if isinstance(vip_info, list) and vip_info and isinstance(vip_info[0], dict):
        label = vip_info[0].get("vipLabel")
        vip_label = label if isinstance(label, str) and label else None
    return UserInfo(
        uid=uid,
        nickname=nickname if isinstance(nickname, str) else "",
        vip=_as_flag(data.get("vip")),
        direct_traffic=_as_int(data.get("directTraffic")),
        vip_label=vip_label,
        hide_uid=_as_flag(data.get("isHideUID")),
    )


def build_client(
    creds: Credentials,
    *,
    store: SecretStore | None = None,
    rate: float = DIRECT_LINK_RATE,
    base_url: str | None = None,
    transport: httpx.BaseTransport | None = None,
    sleep: Sleep | None = None,
) -> Pan123Client:
    """The one factory the CLI and the window use (``sleep``: the back-off wait, replaceable in tests).

    Uses ``creds.access_token`` while it is valid; with client ID + secret a token is fetched when needed (and
    a new one is saved with ``store.save_token``). Raises :class:`CredentialsError` when there is neither.
    """
    token = creds.access_token
    client_id, client_secret = creds.client_id, creds.client_secret
    can_fetch = creds.can_fetch_token and bool(client_id and client_secret)
    if token is None and not can_fetch:
        raise CredentialsError("No access token or client ID and secret are configured")
    http = new_http_client(base_url, transport=transport)
    client: Pan123Client | None = None

    def fetch() -> AccessToken:
        assert client is not None and client_id and client_secret
        return client.fetch_token(client_id, client_secret)

    def save(new_token: AccessToken) -> None:
        if store is not None:
            store.save_token(client_id, new_token)

    tokens = TokenManager(
        token=token,
        fetch=fetch if can_fetch else None,
        on_new_token=save if store is not None else None,
    )
    client = Pan123Client(http, tokens, limiters=EndpointLimiters({DIRECT_LINK_PATH: rate}), sleep=sleep)
    return client
