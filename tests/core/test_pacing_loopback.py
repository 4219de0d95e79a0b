"""Pacing against the fake's strict rolling window over real loopback HTTP: the client learns the server's real
limit from its 429s, so few requests are refused and no ID is lost, also when it is configured for twice the limit.

Counts are asserted, never times: how many requests drew a 429, and that every ID ended as its link.
"""

from __future__ import annotations

import pytest

from pan123_gui.core._http import new_http_client
from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import DIRECT_LINK_PATH
from pan123_gui.core.limiter import EndpointLimiters
from pan123_gui.core.resolver import Resolver
from pan123_gui.core.tokens import TokenManager
from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer

LINK = "direct-link/url"
IDS = 120


def resolve_all(api: FakeApiServer, *, client_rate: float) -> tuple[int, int, int]:
    """(rows with their link, requests sent, requests refused with 429) for IDS new files, default retry policy."""
    ids = [60_000_000 + i for i in range(IDS)]
    for file_id in ids:
        api.add_file(file_id, f"p-{file_id}.bin", 1)
    tokens = TokenManager(token=api.issue_token(), fetch=None)
    limiters = EndpointLimiters({DIRECT_LINK_PATH: client_rate})
    with Pan123Client(new_http_client(api.base_url), tokens, limiters=limiters) as client:
        rows = Resolver(client).resolve(ids)
    linked = sum(1 for r in rows if r.ok and r.url == api.expected_url(r.file_id))
    codes = api.codes(LINK)
    return linked, len(codes), codes.count(ep.CODE_TOO_MANY)


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    fake_api.set_latency(0.05)
    return fake_api


def test_at_the_servers_limit_hardly_any_request_is_refused(api: FakeApiServer) -> None:
    # Paced exactly at the limit, jitter bunches requests up in the server's window: 5-8 % were refused before.
    # The goal is 1 % (bench_resolve measures it); the test leaves room for one more jitter spike on a busy machine.
    api.set_rate(LINK, 20.0)
    linked, sent, refused = resolve_all(api, client_rate=20.0)
    assert linked == IDS
    assert refused <= 0.025 * sent


def test_configured_for_twice_the_limit_it_learns_the_limit_and_loses_no_id(api: FakeApiServer) -> None:
    # Before: about 40 % of the requests drew a 429, and an ID could end as "Too many requests" after 5 of them.
    api.set_rate(LINK, 20.0)
    linked, sent, refused = resolve_all(api, client_rate=40.0)
    assert linked == IDS
    assert refused <= 0.10 * sent
