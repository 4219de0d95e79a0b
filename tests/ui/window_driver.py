"""Driving the main window in tests: Services over the real fake API on loopback, showing the window, pasting and
waiting for a run, reading the clipboard, catching opened URLs. The fixtures built from these live in conftest.py.

The Services are built directly (not with ``build_services(demo=True)``) so the fake API has no latency and no
direct-link rate limit and the client is fast: the tests check behaviour, not the pace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QThreadPool, QUrl, Slot
from PySide6.QtWidgets import QApplication

from pan123_gui.app import Services
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.settings import AppSettings
from pan123_gui.ui.window.main_window import MainWindow

SIGN_KEY = "test-sign-key"
UNKNOWN_ID = 99999999
FAST_RATE = 500.0


def make_settings(folder: Path) -> AppSettings:
    return AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def demo_services(api: FakeApiServer, settings: AppSettings, *, sign_key: str | None = SIGN_KEY) -> Services:
    """Services in "demo" shape (credentials held in memory) talking to ``api``, with a fast client."""
    from pan123_gui.core.credentials import Credentials, SecretStore

    creds = Credentials(access_token=api.issue_token(), client_id=None, client_secret=None, sign_key=sign_key)
    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    store = SecretStore.memory()
    services = Services(
        store=store, settings=settings, pool=pool, demo=api, base_url=api.base_url, demo_credentials=creds
    )
    services.client().set_rate(FAST_RATE)  # builds the client (no network: the token is given)
    return services


def show_window(qtbot: Any, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_idle(qtbot: Any, win: MainWindow, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: not win.busy and not win.saving, timeout=timeout)  # the list is written after a run


def resolve_text(qtbot: Any, win: MainWindow, text: str) -> None:
    """Paste ``text``, press the Get links button, wait until the run is over."""
    win.input.edit.setFocus()
    win.input.edit.insertPlainText(text)
    win.resolve_bar.resolve_button.click()
    assert win.busy
    wait_idle(qtbot, win)


def clipboard_text() -> str:
    return QApplication.clipboard().text()


class UrlCatcher(QObject):
    """A QDesktopServices URL handler that records instead of starting a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


def rows_by_id(win: MainWindow) -> dict[int, int]:
    return {file_id: row for row, file_id in enumerate(win.model.ids())}
