"""The fake seen through the project's own HTTP stack (httpx with a connection pool), faults included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pan123_gui.core._http import httpx, new_http_client
from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import VIDEO_ID


@pytest.fixture
def http(fake_api: FakeApiServer) -> Iterator[httpx.Client]:
    client = new_http_client(fake_api.base_url)
    token = fake_api.issue_token().value
    client.headers["Authorization"] = f"Bearer {token}"
    yield client
    client.close()


def _link(http: httpx.Client) -> httpx.Response:
    return http.get(ep.DIRECT_LINK_URL, params={"fileID": VIDEO_ID})


def test_pooled_client_gets_envelopes(http: httpx.Client, fake_api: FakeApiServer) -> None:
    for _ in range(5):
        response = _link(http)
        assert response.status_code == 200
        assert response.json()["data"]["url"] == fake_api.expected_url(VIDEO_ID)
    assert fake_api.codes("direct-link/url") == [0] * 5


@pytest.mark.parametrize("kind", ["drop", "cut_json"])
def test_broken_answers_raise_protocol_errors_then_recover(
    http: httpx.Client, fake_api: FakeApiServer, kind: str
) -> None:
    assert _link(http).status_code == 200  # a pooled connection exists
    fake_api.faults.add("direct-link/url", kind)
    with pytest.raises(httpx.RemoteProtocolError):
        _link(http)
    assert _link(http).json()["code"] == 0  # a new connection works


def test_http_faults_through_httpx(http: httpx.Client, fake_api: FakeApiServer) -> None:
    fake_api.faults.retry_after = 2
    for kind in ("http500_html", "http429", "not_json"):
        fake_api.faults.add("direct-link/url", kind)
    first, second, third = _link(http), _link(http), _link(http)
    assert first.status_code == 500 and "text/html" in first.headers["content-type"]
    assert second.status_code == 429 and second.headers["retry-after"] == "2"
    assert third.status_code == 200 and third.headers["content-type"].startswith("text/plain")
