"""The one way tests build a Pan123Client: on the fake API over loopback, on a MockTransport handler, or on any
transport. Only what a test cares about is an argument; the rest is quick (fast limiters, the real back-off).

    make_client(api, login=True)                   the fake's client ID + secret fetch the token on first use
    make_client(api, token=api.issue_token())      a pasted token, no refresh
    make_client(handler=script, sleep=NO_SLEEP)    httpx.MockTransport(script); back-off sleeps skipped
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pan123_gui.core._http import httpx, new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import (
    ACCESS_TOKEN_PATH,
    DIRECT_LINK_PATH,
    FILE_DETAIL_PATH,
    FILE_INFOS_PATH,
    USER_INFO_PATH,
)
from pan123_gui.core.limiter import EndpointLimiters
from pan123_gui.core.models import AccessToken
from pan123_gui.core.retry import RetryPolicy, Sleep
from pan123_gui.core.tokens import TokenManager
from pan123_gui.demo.fake_api import FakeApiServer

MOCK_BASE = "https://api.test"
FAR = datetime.now(UTC) + timedelta(days=20)
FAST_RATE = 10_000.0
OTHER_PATHS = (USER_INFO_PATH, FILE_INFOS_PATH, FILE_DETAIL_PATH, ACCESS_TOKEN_PATH)
# Against the fake (which enforces the platform's limits) the other endpoints go a little faster than the fake
# allows per second but well within its burst; against a MockTransport nothing is paced.
FAKE_RATES = {USER_INFO_PATH: 20.0, FILE_INFOS_PATH: 20.0, FILE_DETAIL_PATH: 20.0, ACCESS_TOKEN_PATH: 5.0}
Handler = Callable[[httpx.Request], httpx.Response]


def no_sleep(seconds: float, cancel: threading.Event | None = None) -> None:
    """A back-off sleep that returns at once (the retries still happen, the waiting does not)."""


NO_SLEEP: Sleep = no_sleep


def make_client(
    target: FakeApiServer | str = MOCK_BASE,
    *,
    handler: Handler | None = None,
    transport: httpx.BaseTransport | None = None,
    token: AccessToken | str | None = "tok",
    login: bool = False,
    fetch: Callable[[], AccessToken] | None = None,
    on_new_token: Callable[[AccessToken], None] | None = None,
    rate: float = FAST_RATE,
    rates: dict[str, float] | None = None,
    limiters: EndpointLimiters | None = None,
    retry: RetryPolicy | None = None,
    sleep: Sleep | None = None,
    clock: Callable[[], float] | None = None,
) -> Pan123Client:
    """A client for ``target`` (the fake, or a base URL).

    ``token``: a string becomes a token valid for 20 days; None starts without one. ``login``: fetch tokens
    with the fake's client ID + secret (``"id"``/``"secret"`` for a URL); ``fetch``: any other way to get one.
    ``rate`` paces direct links, ``rates`` other paths (:data:`FAKE_RATES` on the fake, unpaced otherwise),
    ``limiters`` replaces both. ``retry`` and ``sleep`` default to the client's own policy and its real,
    interruptible back-off; ``clock`` (for the 429 retry budget) to the real monotonic clock.
    """
    base_url = target.base_url if isinstance(target, FakeApiServer) else target
    if handler is not None:
        transport = httpx.MockTransport(handler)
    client: Pan123Client | None = None

    def log_in() -> AccessToken:
        assert client is not None
        if isinstance(target, FakeApiServer):
            return client.fetch_token(target.client_id, target.client_secret)
        return client.fetch_token("id", "secret")

    if limiters is None:
        on_fake = isinstance(target, FakeApiServer) and transport is None
        paced = dict(FAKE_RATES) if on_fake else {path: FAST_RATE for path in OTHER_PATHS}
        paced.update(rates or {})
        paced[DIRECT_LINK_PATH] = rate
        limiters = EndpointLimiters(paced)
    tokens = TokenManager(
        token=AccessToken(token, FAR) if isinstance(token, str) else token,
        fetch=fetch if fetch is not None else log_in if login else None,
        on_new_token=on_new_token,
    )
    http = new_http_client(base_url, transport=transport)
    if clock is None:
        client = Pan123Client(http, tokens, limiters=limiters, retry=retry, sleep=sleep)
    else:
        client = Pan123Client(http, tokens, limiters=limiters, retry=retry, sleep=sleep, clock=clock)
    return client
