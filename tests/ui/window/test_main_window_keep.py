"""Nothing a user does loses their list: asking before quitting, the list kept between runs, removing rows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from window_driver import (
    FAST_RATE,
    SIGN_KEY,
    clipboard_text,
    make_settings,
    resolve_text,
    show_window,
    wait_idle,
)

from pan123_gui.app import Services
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.wording import window as w

SAMPLE = "10861131 10861132 10861133"


def quit_button(box: QMessageBox, choice: desktop.QuitChoice) -> QAbstractButton | None:
    """The button of the quit question for ``choice`` (None when it was not offered)."""
    return next((b for b in box.buttons() if b.objectName() == choice.value), None)


def kept_services(api: FakeApiServer, folder: Path, session: Path | None) -> Services:
    """Services like the real app's (credentials in memory here), keeping the list in ``session``."""
    from pan123_gui.core.credentials import Credentials, SecretStore

    creds = Credentials(access_token=api.issue_token(), client_id=None, client_secret=None, sign_key=SIGN_KEY)
    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    services = Services(
        store=SecretStore.memory(),
        settings=make_settings(folder),
        pool=pool,
        base_url=api.base_url,
        demo_credentials=creds,
        session_file=session,
    )
    services.client().set_rate(FAST_RATE)
    return services


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "session.json"


@pytest.fixture
def kept(api: FakeApiServer, tmp_path: Path, session_file: Path) -> Iterator[Services]:
    services = kept_services(api, tmp_path, session_file)
    yield services
    services.close()


def open_window(qtbot: Any, services: Services) -> MainWindow:
    win = show_window(qtbot, services)
    qtbot.waitUntil(lambda: win.first_paint_done)
    return win


def close_for_good(qtbot: Any, win: MainWindow) -> None:
    """Close, answering "Quit" if the window asks."""
    if win.close():
        return
    box = win.quitting.box
    assert box is not None
    button = quit_button(box, desktop.QuitChoice.QUIT)
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(win) or not win.isVisible())


@pytest.fixture(autouse=True)
def _no_question_left_open(qtbot: Any) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget) and widget.quitting.box is not None:
            close_for_good(qtbot, widget)


# -------------------------------------------------------------------------------------------- asking before quitting


def test_quitting_with_links_not_copied_asks_first(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, SAMPLE)
    assert window.close() is False  # not closed: asked instead, without blocking
    box = window.quitting.box
    assert box is not None and box.isVisible() and window.isVisible()
    assert box.text() == w.quit_not_copied(3)
    assert box.informativeText() == ""  # the demo-like services here keep no list
    labels = [b.text() for b in box.buttons()]
    assert w.quit_copy_button() in labels and w.quit_button() in labels and len(labels) == 3
    assert box.defaultButton() is quit_button(box, desktop.QuitChoice.CANCEL)

    box.escapeButton().click()  # Esc / Cancel: nothing happens
    qtbot.waitUntil(lambda: window.quitting.box is None)
    assert window.isVisible() and window.model.rowCount() == 3

    window.close()
    box = window.quitting.box
    assert box is not None
    copy = quit_button(box, desktop.QuitChoice.COPY_AND_QUIT)
    assert copy is not None
    copy.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert clipboard_text().split() == window.model.successful_links() and len(window.model.successful_links()) == 3


def test_no_question_once_everything_was_copied_or_exported(
    qtbot: Any, window: MainWindow, api: FakeApiServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, SAMPLE)
    window.view.select_source_rows([0, 1])
    window.view.act_copy.trigger()
    window.close()
    box = window.quitting.box
    assert box is not None and box.text() == w.quit_not_copied(1)  # one of three still not copied
    box.escapeButton().click()
    qtbot.waitUntil(lambda: window.quitting.box is None)

    choice = next(c for c in desktop.export_choices() if c.suffix == ".txt")
    monkeypatch.setattr(desktop, "ask_save_path", lambda *a: (str(tmp_path / "links.txt"), choice.filter_text()))
    window.commands.act_export.trigger()
    assert window.close() is True  # exported: nothing to lose, no question
    assert window.quitting.box is None


def test_copy_all_then_quit_does_not_ask(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, SAMPLE)
    window.commands.act_copy_all.trigger()
    assert window.close() is True


def test_an_empty_or_failed_list_closes_without_asking(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    assert window.close() is True  # nothing fetched
    window.show()
    resolve_text(qtbot, window, "99999999")  # unknown ID: a failed row, no link to lose
    assert window.model.counts()[RowStatus.FAILED] == 1
    assert window.close() is True


def test_quitting_while_links_are_fetched_asks_then_cancels_the_run(
    qtbot: Any, window: MainWindow, api: FakeApiServer
) -> None:
    api.add_sample_files()
    api.set_latency(0.2)
    window.input.set_text(" ".join(str(10861100 + i) for i in range(40)))
    window.commands.act_resolve.trigger()
    assert window.busy
    assert window.close() is False
    box = window.quitting.box
    assert box is not None and box.text().startswith(w.quit_running(0, 40).split("(")[0])
    assert "/ 40" not in box.text() and " 40 " in box.text().replace("(", " ").replace(")", " ")
    button = quit_button(box, desktop.QuitChoice.QUIT)
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: not window.isVisible())
    wait_idle(qtbot, window)  # the run was cancelled by closing
    assert window.model.counts()[RowStatus.CANCELLED] > 0


def test_the_quit_command_asks_too(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, SAMPLE)
    window.commands.act_quit.trigger()
    assert window.isVisible() and window.quitting.box is not None
    window.commands.act_quit.trigger()  # asking twice shows the same question
    assert len([b for b in window.findChildren(QMessageBox) if b.isVisible()]) == 1


# ------------------------------------------------------------------------------------ the list kept between runs


def test_the_list_comes_back_next_time_without_any_signed_link(
    qtbot: Any, kept: Services, api: FakeApiServer, tmp_path: Path, session_file: Path
) -> None:
    api.add_sample_files()
    first = open_window(qtbot, kept)
    first.resolve_bar.sign_check.setChecked(True)
    resolve_text(qtbot, first, SAMPLE + " 99999999")
    signed = [r.url or "" for r in first.model.results() if r.ok]
    assert len(signed) == 3 and all("auth_key=" in url for url in signed)
    token = kept.credentials().access_token
    assert token is not None
    first.close()
    box = first.quitting.box
    assert box is not None and box.informativeText() == w.quit_list_kept()
    close_for_good(qtbot, first)

    raw = session_file.read_text(encoding="utf-8")
    assert "auth_key" not in raw and token.value not in raw and SIGN_KEY not in raw
    assert all(url.split("?")[0] in raw for url in signed)  # the plain links are kept
    assert json.loads(raw)["text"].split() == (SAMPLE + " 99999999").split()

    # Next start: the rows and the box come back; signed links come back expired, re-signed in one click.
    second = open_window(qtbot, kept)
    assert second.model.ids() == [10861131, 10861132, 10861133, 99999999]
    assert second.input.text().split() == (SAMPLE + " 99999999").split()
    assert second.statusBar().currentMessage() == w.restored_rows(4)
    counts = second.model.counts()
    assert counts[RowStatus.EXPIRED] == 3 and counts[RowStatus.FAILED] == 1
    assert second.model.successful_links() == []
    assert second.commands.act_resign.isEnabled()
    api.clear_log()
    second.action_bar.buttons[second.commands.act_resign].click()
    wait_idle(qtbot, second)
    assert second.model.counts()[RowStatus.OK] == 3
    fresh = second.model.successful_links()
    assert all("auth_key=" in url for url in fresh) and fresh != signed
    assert not [entry for entry in api.request_log if "direct-link" in entry[1]]  # no new API call to re-sign
    close_for_good(qtbot, second)
    assert "auth_key" not in session_file.read_text(encoding="utf-8")


def test_clear_empties_the_kept_list(
    qtbot: Any, kept: Services, api: FakeApiServer, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.add_sample_files()
    win = open_window(qtbot, kept)
    resolve_text(qtbot, win, SAMPLE)
    assert session_file.exists()  # saved after the run already (a crash loses nothing)
    monkeypatch.setattr(desktop, "confirm", lambda *a: True)
    win.commands.act_clear.trigger()
    assert not session_file.exists()
    assert win.close() is True
    again = open_window(qtbot, kept)
    assert again.model.rowCount() == 0 and again.input.text() == ""
    again.close()


def test_a_box_without_rows_comes_back_too(qtbot: Any, kept: Services, session_file: Path) -> None:
    win = open_window(qtbot, kept)
    win.input.set_text("10861131\n")
    assert win.close() is True
    again = open_window(qtbot, kept)
    assert again.input.text() == "10861131\n" and again.model.rowCount() == 0
    assert again.statusBar().currentMessage() == w.restored_text()
    again.close()


def test_closing_before_the_first_paint_never_overwrites_the_kept_list(
    qtbot: Any, kept: Services, session_file: Path
) -> None:
    session_file.parent.mkdir(parents=True)
    rows = [{"id": 10861131, "status": "ok", "link": "https://vip.123pan.cn/1/a.mp4"}]
    session_file.write_text(json.dumps({"format": "pan123-gui session", "rows": rows, "text": "x"}), "utf-8")
    win = MainWindow(kept)  # never shown
    qtbot.addWidget(win)
    assert win.close() is True
    assert json.loads(session_file.read_text(encoding="utf-8"))["rows"] == rows


def test_demo_mode_keeps_no_list(qtbot: Any, tmp_path: Path) -> None:
    from pan123_gui.app import build_services

    services = build_services(demo=True, settings=make_settings(tmp_path))
    try:
        assert services.session_file is None
    finally:
        services.close()


def test_real_mode_keeps_the_list_in_the_app_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QStandardPaths

    from pan123_gui.app import SESSION_FILE_NAME, build_services

    services = build_services(settings=make_settings(tmp_path))
    try:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert services.session_file == Path(folder) / SESSION_FILE_NAME
    finally:
        services.close()


# -------------------------------------------------------------------------------------------- removing rows


def test_delete_key_removes_the_selected_rows(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, SAMPLE + " 10861134")
    window.view.select_source_rows([1, 3])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert window.model.ids() == [10861131, 10861133]
    assert window.statusBar().currentMessage() == w.removed_rows(2)
    assert window.input.text().split() == (SAMPLE + " 10861134").split()  # the box is left alone
    assert window.commands.act_copy_all.isEnabled()
    # Removed links are not "lost" links: two left, both not copied.
    window.close()
    box = window.quitting.box
    assert box is not None and box.text() == w.quit_not_copied(2)


def test_remove_from_the_context_menu_and_the_edit_menu(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, SAMPLE)
    assert window.view.act_remove in window.commands.menu_edit.actions()
    window.view.select_source_rows([2])
    menu = window.view.build_menu()
    assert window.view.act_remove in menu.actions() and window.view.act_remove.isEnabled()
    assert window.view.act_remove.text() == w.remove_rows()
    window.view.act_remove.trigger()
    assert window.model.ids() == [10861131, 10861132]
    window.view.selectAll()
    window.commands.menu_edit.actions()[window.commands.menu_edit.actions().index(window.view.act_remove)].trigger()
    assert window.model.rowCount() == 0
    assert window.statusBar().currentMessage() == w.removed_rows(2)
    window.view.act_remove.trigger()  # nothing selected: says so
    assert window.statusBar().currentMessage() == w.no_rows_selected()


def test_removing_rows_while_a_run_goes_on_ignores_their_late_results(
    qtbot: Any, window: MainWindow, api: FakeApiServer
) -> None:
    api.add_sample_files()
    api.set_latency(0.05)
    ids = [10861100 + i for i in range(20)]
    window.input.set_text(" ".join(map(str, ids)))
    window.commands.act_resolve.trigger()
    window.remove_rows(list(range(10)))
    wait_idle(qtbot, window)
    assert window.model.ids() == ids[10:]
    assert window.model.counts() == {
        status: sum(1 for r in range(window.model.rowCount()) if window.model.status_at(r) is status)
        for status in RowStatus
    }


# ------------------------------------------------------------------------------------ long runs in a sorted table


def test_a_long_run_keeps_a_sorted_table_still_and_sorts_once_at_the_end(
    qtbot: Any, window: MainWindow, api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pan123_gui.ui.results.model import COL_STATUS
    from pan123_gui.ui.window import runs

    monkeypatch.setattr(runs, "SORT_PAUSE_ROWS", 5)
    api.add_sample_files()
    view = window.view
    view.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    header = view.horizontalHeader()
    short = "10861190 10861131"  # below the threshold: sorted live as usual
    resolve_text(qtbot, window, short)
    assert not view.sorting_paused and view.proxy.sortColumn() == COL_STATUS

    ids = [10861131 + i for i in range(10)] + [10861190, 99999999]
    window.input.set_text(" ".join(map(str, ids)))
    window.commands.act_resolve.trigger()
    assert window.busy and view.sorting_paused
    assert view.proxy.sortColumn() == -1  # rows stay in input order while the run goes on...
    assert header.sortIndicatorSection() == COL_STATUS  # ...and the header still shows the user's choice
    wait_idle(qtbot, window)
    assert not view.sorting_paused and view.proxy.sortColumn() == COL_STATUS
    statuses = [view.proxy.index(r, COL_STATUS).data(window.model.StatusRole) for r in range(view.proxy.rowCount())]
    assert statuses == sorted(statuses, key=lambda s: s != "failed")  # failures first, as sorted by Status
    assert statuses[0] == "failed" and statuses[-1] == "ok"
    # and it follows changes again
    window.remove_rows([window.model.row_of(99999999) or 0])
    assert view.proxy.rowCount() == window.model.rowCount()


def test_after_a_run_the_list_is_written_off_the_gui_thread(
    qtbot: Any, kept: Services, session_file: Path, api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Turning 100,000 rows into JSON and writing them took 1.4-2.1 s on the GUI thread at the end of every run.
    import threading

    from pan123_gui.ui.window import session

    writers: list[threading.Thread] = []
    real_write = session.write_atomically

    def recording_write(*args: Any, **kwargs: Any) -> None:
        writers.append(threading.current_thread())
        real_write(*args, **kwargs)

    monkeypatch.setattr(session, "write_atomically", recording_write)
    api.add_sample_files()
    win = open_window(qtbot, kept)
    resolve_text(qtbot, win, SAMPLE)
    qtbot.waitUntil(lambda: not win.saving)
    assert writers and threading.main_thread() not in writers
    saved = json.loads(session_file.read_text(encoding="utf-8"))
    assert [row["id"] for row in saved["rows"]] == [int(i) for i in SAMPLE.split()]


def test_a_save_in_the_background_never_overwrites_a_later_one(tmp_path: Path, qapp: Any) -> None:
    from pan123_gui.core.models import LinkResult
    from pan123_gui.ui.results.model import ResultsModel
    from pan123_gui.ui.window.session import SessionStore

    model = ResultsModel()
    model.restore_rows([LinkResult(1, url="https://vip.123pan.cn/1/a.mp4")])
    store = SessionStore(tmp_path / "session.json")
    older = store.snapshot("old", model)
    model.restore_rows([LinkResult(2, url="https://vip.123pan.cn/1/b.mp4")])
    assert store.write(store.snapshot("new", model))
    assert store.write(older)  # late: not written over the newer list
    saved = json.loads((tmp_path / "session.json").read_text(encoding="utf-8"))
    assert saved["text"] == "new" and [row["id"] for row in saved["rows"]] == [1, 2]


def test_the_kept_list_comes_back_read_off_the_gui_thread_a_slice_at_a_time(
    qtbot: Any, kept: Services, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kept list of 100,000 rows kept the window busy ~4 s after it appeared (read, parsed and added at once).
    import threading

    from pan123_gui.ui.results.model import ResultsModel
    from pan123_gui.ui.window import keeping, session

    rows = [{"id": 20_000_000 + k, "status": "ok", "link": f"https://vip.123pan.cn/1/{k}.mp4"} for k in range(25)]
    session_file.parent.mkdir(parents=True)
    session_file.write_text(json.dumps({"format": "pan123-gui session", "rows": rows, "text": ""}), "utf-8")
    parsers: list[threading.Thread] = []
    real_parse = session._parse

    def recording_parse(raw: bytes) -> session.SavedSession:
        parsers.append(threading.current_thread())
        return real_parse(raw)

    slices: list[int] = []
    real_restore = ResultsModel.restore_rows

    def counting_restore(self: ResultsModel, results: Any, **kw: Any) -> list[int]:
        slices.append(len(results))
        return real_restore(self, results, **kw)

    monkeypatch.setattr(session, "_parse", recording_parse)
    monkeypatch.setattr(ResultsModel, "restore_rows", counting_restore)
    monkeypatch.setattr(keeping, "RESTORE_SLICE", 10)
    win = open_window(qtbot, kept)
    assert parsers and threading.main_thread() not in parsers
    assert slices == [10, 10, 5]
    assert win.model.ids() == [row["id"] for row in rows]
    assert win.statusBar().currentMessage() == w.restored_rows(25)
