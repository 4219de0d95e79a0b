"""Helpers for the fake-API tests: raw HTTP over loopback with the stdlib (no client code under test)."""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest

from pan123_gui.demo import endpoints as ep
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.state import CHINA_TZ


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    raw: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.raw.decode("utf-8"))

    @property
    def code(self) -> int:
        return int(self.json["code"])


class Wire:
    """Sends one request per connection unless a connection is passed; nothing from pan123_gui.core."""

    def __init__(self, api: FakeApiServer) -> None:
        self.api = api
        self.token: str | None = None

    def connect(self) -> http.client.HTTPConnection:
        parts = urlsplit(self.api.base_url)
        assert parts.hostname == "127.0.0.1"
        return http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)

    def call(
        self,
        method: str,
        path: str,
        *,
        body: object = None,
        token: str | None = "default",
        platform: str | None = "open_platform",
        headers: dict[str, str] | None = None,
        conn: http.client.HTTPConnection | None = None,
    ) -> Answer:
        sent = {"Content-Type": "application/json"}
        if platform is not None:
            sent["Platform"] = platform
        use = self.token if token == "default" else token
        if use:
            sent["Authorization"] = f"Bearer {use}"
        sent.update(headers or {})
        data = None if body is None else json.dumps(body).encode()
        own = conn is None
        c = self.connect() if conn is None else conn
        try:
            c.request(method, path, body=data, headers=sent)
            resp = c.getresponse()
            raw = resp.read()
            return Answer(resp.status, {k.lower(): v for k, v in resp.getheaders()}, raw)
        finally:
            if own:
                c.close()

    def get(self, path: str, **kw: Any) -> Answer:
        return self.call("GET", path, **kw)

    def post(self, path: str, body: object, **kw: Any) -> Answer:
        return self.call("POST", path, body=body, **kw)

    def fetch_token(self) -> str:
        answer = self.post(
            "/api/v1/access_token", {"clientID": self.api.client_id, "clientSecret": self.api.client_secret}, token=None
        )
        assert answer.status == 200 and answer.code == 0, answer.raw
        return str(answer.json["data"]["accessToken"])

    def link(self, file_id: int | str, **kw: Any) -> Answer:
        return self.get(f"/api/v1/direct-link/url?fileID={file_id}", **kw)


class Clock:
    """A settable monotonic clock and wall clock for the fake (no real waiting in tests)."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.wall = datetime(2025, 3, 17, 19, 16, 24, tzinfo=CHINA_TZ)

    def monotonic(self) -> float:
        return self.t

    def now(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.t += seconds
        self.wall += timedelta(seconds=seconds)


@pytest.fixture
def wire(fake_api: FakeApiServer) -> Wire:
    w = Wire(fake_api)
    w.token = w.fetch_token()
    return w


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_api() -> Iterator[Callable[..., FakeApiServer]]:
    """Start extra fake servers with custom settings; all are stopped at the end."""
    started: list[FakeApiServer] = []

    def make(**kw: Any) -> FakeApiServer:
        api = FakeApiServer(**kw)
        api.add_sample_files()
        api.start()
        started.append(api)
        return api

    yield make
    for api in started:
        api.stop()
        assert api.errors == []


@pytest.fixture
def fake_api(fake_api: FakeApiServer) -> Iterator[FakeApiServer]:
    """The shared fixture without rate limits (tests/demo/test_fake_api_limits.py covers those), plus a check that
    the fake never raised while answering."""
    for path in ep.DEFAULT_RATES:
        fake_api.set_rate(path, None)
    yield fake_api
    assert fake_api.errors == [], "the fake API raised while answering"
