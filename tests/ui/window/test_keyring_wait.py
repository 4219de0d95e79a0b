"""A keyring that blocks at start does not freeze the window: it is read on a worker, the window says it waits,
and the credentials prompt follows once the core gives up on it (the secrets then stay in memory)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from test_app import app_env as app_env  # a pytest fixture

import pan123_gui.__main__ as entry
from pan123_gui.core import credentials
from pan123_gui.core.keyring_problems import MemoryReason
from pan123_gui.ui.wording import window as w


class _BlockingKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(60)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(60)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(60)


@pytest.fixture
def blocking() -> Iterator[_BlockingKeyring]:
    old = keyring.get_keyring()
    backend = _BlockingKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        backend.release.set()
        keyring.set_keyring(old)


def test_a_blocking_keyring_at_start_leaves_the_window_responsive(
    qtbot: Any,
    app_env: Path,
    blocking: _BlockingKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(credentials, "KEYRING_TIMEOUT", 1.0)
    prompted: list[bool] = []
    monkeypatch.setattr(entry, "prompt_for_credentials", lambda services, window: prompted.append(True))
    app = entry.create_application()
    services, window = entry.start(app, demo=False, lang="en")
    qtbot.addWidget(window)
    try:
        # the event loop runs while the keyring blocks: the window says what it waits for
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == w.waiting_for_keyring())
        assert prompted == []
        qtbot.waitUntil(lambda: prompted == [True], timeout=10_000)
        assert window.statusBar().currentMessage() != w.waiting_for_keyring()
        assert services.store.memory_reason is MemoryReason.NO_ANSWER
        assert not services.has_credentials()  # answered at once from memory now, no second wait
    finally:
        window.close()
        services.close()
