"""The window never loses the kept list: a damaged file is moved aside and said, a list that cannot be saved is
said too, and the quit question then offers Export instead of promising the list is kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from test_main_window_keep import SAMPLE, close_for_good, kept_services, open_window, quit_button
from window_driver import resolve_text

from pan123_gui.app import Services
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.window.notices import Fix, Notice
from pan123_gui.ui.wording import window as w


@pytest.fixture(autouse=True)
def _no_window_left_open(qtbot: Any) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget) and widget.quitting.box is not None:
            close_for_good(qtbot, widget)


@pytest.fixture
def open_at(qtbot: Any, api: FakeApiServer, tmp_path: Path) -> Iterator[Callable[[Path], MainWindow]]:
    """Opens a window keeping its list at the given path (services closed at the end)."""
    made: list[Services] = []

    def open_(session: Path) -> MainWindow:
        services = kept_services(api, tmp_path, session)
        made.append(services)
        return open_window(qtbot, services)

    yield open_
    for services in made:
        services.close()


def test_a_damaged_list_is_moved_aside_and_the_window_says_where(
    qtbot: Any, tmp_path: Path, open_at: Callable[[Path], MainWindow]
) -> None:
    session = tmp_path / "data" / "session.json"
    session.parent.mkdir(parents=True)
    session.write_bytes(b'{"format": "pan123-gui session", "rows": [')  # cut off
    win = open_at(session)
    qtbot.waitUntil(lambda: win.notice.current is Notice.KEPT_LIST_SET_ASIDE)
    aside = list(session.parent.glob("session.json.unreadable-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b'{"format"')
    assert aside[0].name in win.notice.text.text()
    assert win.model.rowCount() == 0
    close_for_good(qtbot, win)
    assert aside[0].exists()  # closing saved the new (empty) list, never over the old one


def test_a_list_that_cannot_be_saved_is_said_and_quitting_offers_export(
    qtbot: Any,
    api: FakeApiServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    open_at: Callable[[Path], MainWindow],
) -> None:
    session = tmp_path / "data" / "session.json"
    session.mkdir(parents=True)  # a folder where the file should be: every save fails
    api.add_sample_files()
    win = open_at(session)
    resolve_text(qtbot, win, SAMPLE)
    qtbot.waitUntil(lambda: win.notice.current is Notice.KEPT_LIST_NOT_SAVED)
    assert [b.property("fix") for b in win.notice.buttons] == [Fix.EXPORT.value]
    assert win.close() is False
    box = win.quitting.box
    assert box is not None
    assert box.informativeText() == w.quit_list_not_kept()  # no promise that the list is kept
    exported: list[bool] = []
    monkeypatch.setattr(win, "export", lambda: exported.append(True))
    export = quit_button(box, desktop.QuitChoice.EXPORT)
    assert export is not None
    export.click()
    qtbot.waitUntil(lambda: exported == [True])
    assert win.isVisible()  # still open: the links can be exported
    close_for_good(qtbot, win)


def test_rows_that_cannot_be_kept_are_asked_about_even_when_copied(
    qtbot: Any, api: FakeApiServer, tmp_path: Path, open_at: Callable[[Path], MainWindow]
) -> None:
    session = tmp_path / "data" / "session.json"
    session.mkdir(parents=True)
    api.add_sample_files()
    win = open_at(session)
    resolve_text(qtbot, win, SAMPLE)
    win.copy_all_links()
    assert win.close() is False
    box = win.quitting.box
    assert box is not None and box.text() == w.quit_list_unsaved()
    close_for_good(qtbot, win)
