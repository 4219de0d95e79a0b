"""Fixtures of the hostile cases: a misbehaving loopback server, keyring backends put back, a clean environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile_server import HostileServer


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    server = HostileServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def installed() -> Iterator[None]:
    """Put keyring's backend back after a test that installs a hostile one; no credentials in the environment."""
    import keyring

    old = keyring.get_keyring()
    try:
        yield
    finally:
        keyring.set_keyring(old)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("PAN123_ACCESS_TOKEN", "PAN123_CLIENT_ID", "PAN123_CLIENT_SECRET", "PAN123_SIGN_KEY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch
