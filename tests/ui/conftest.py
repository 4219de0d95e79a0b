"""Fixtures for the window tests: the fake API without a direct-link limit, settings in a temporary folder,
demo-shaped Services on it, a shown MainWindow and a URL catcher (helpers they use: window_driver.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices
from window_driver import UrlCatcher, demo_services, make_settings, show_window

from pan123_gui.app import Services
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.settings import AppSettings
from pan123_gui.ui.window.main_window import MainWindow


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    fake_api.set_rate("direct-link/url", None)
    return fake_api


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return make_settings(tmp_path)


@pytest.fixture
def services(api: FakeApiServer, settings: AppSettings) -> Iterator[Services]:
    services = demo_services(api, settings)
    yield services
    services.close()


@pytest.fixture
def window(qtbot: Any, services: Services) -> Iterator[MainWindow]:
    win = show_window(qtbot, services)
    yield win
    win.close()  # cancels a running job before the services wait for the pool
    services.pool.waitForDone(10_000)


@pytest.fixture
def url_catcher() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    schemes = ("http", "https", "file", "javascript", "ftp")
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, catcher, "handle")
    yield catcher
    for scheme in schemes:
        QDesktopServices.unsetUrlHandler(scheme)
