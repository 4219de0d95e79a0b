"""Clients for the hostile cases: a short request deadline, a fast pace, quick retries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hostile_server import HostileServer

from pan123_gui.core._http import ApiHttpClient, new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.limiter import DEFAULT_RATES, EndpointLimiters
from pan123_gui.core.models import AccessToken
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.core.tokens import TokenManager

SHORT_DEADLINE = 0.4  # seconds: the same rule as the real 10 s, quick enough for a test


def http_for(
    server: HostileServer, *, deadline: float = SHORT_DEADLINE, max_answer_bytes: int | None = None
) -> ApiHttpClient:
    if max_answer_bytes is None:
        return new_http_client(server.base_url, deadline=deadline)
    return new_http_client(server.base_url, deadline=deadline, max_answer_bytes=max_answer_bytes)


def client_for(
    server: HostileServer, *, tokens: TokenManager | None = None, deadline: float = SHORT_DEADLINE
) -> Pan123Client:
    """A client with a valid pasted token (unless ``tokens``), a fast pace and quick retries."""
    if tokens is None:
        tokens = TokenManager(token=AccessToken("tok-good", datetime.now(UTC) + timedelta(days=1)), fetch=None)
    return Pan123Client(
        http_for(server, deadline=deadline),
        tokens,
        limiters=EndpointLimiters(dict.fromkeys(DEFAULT_RATES, 1000.0)),
        retry=RetryPolicy(max_attempts=5, base_delay=0.01, max_delay=0.02),
    )
