"""Small things a first-time user tripped over, in the real window against the fake API over loopback: the idle
progress bar, the progress line after a language switch, the Language button, the Link column, demo settings, the
validity range, "Copy all & quit" without a clipboard manager, Ctrl+Shift+C with every link expired."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from window_driver import resolve_text

from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.i18n import install_translators
from pan123_gui.ui.main_window import MainWindow
from pan123_gui.ui.wording import window as w


@pytest.fixture
def back_to_english() -> Iterator[None]:
    yield
    install_translators(QApplication.instance(), "en")  # type: ignore[arg-type]


def _language(window: MainWindow, code: str) -> None:
    next(a for a in window.commands.language_actions if a.data() == code).trigger()


def test_the_progress_bar_shows_only_once_there_is_progress(qtbot: Any, window: MainWindow) -> None:
    bar = window.resolve_bar.progress
    assert not bar.isVisible()  # idle, an empty bar looks like a text field waiting for input
    resolve_text(qtbot, window, "10861131 10861132")
    assert bar.isVisible() and bar.value() == bar.maximum() == 2
    window.model.clear()
    window.resolve_bar.reset_progress()
    assert not bar.isVisible()


def test_the_progress_line_follows_a_language_switch(
    qtbot: Any, window: MainWindow, api: FakeApiServer, back_to_english: None
) -> None:
    resolve_text(qtbot, window, "10861131 10861190")  # one link, one file outside a direct-link space
    english = window.resolve_bar.counts.text()
    assert english == w.progress_text(2, 2, 1) == "2 / 2 · 1 failed"
    _language(window, "zh_CN")
    chinese = window.resolve_bar.counts.text()
    assert chinese == w.progress_text(2, 2, 1) != english
    _language(window, "en")
    assert window.resolve_bar.counts.text() == english
