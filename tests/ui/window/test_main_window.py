"""The main window against the real fake API over loopback: paste → preview → Ctrl+Enter → rows, copy, open,
export, retry, cancel, signing, credentials. Drops and files are in test_main_window_input.py."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QToolButton,
    QWidget,
)
from window_driver import (
    UNKNOWN_ID,
    UrlCatcher,
    clipboard_text,
    demo_services,
    make_settings,
    resolve_text,
    rows_by_id,
    show_window,
    wait_idle,
)

from pan123_gui.app import Services
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.export import ExportSummary
from pan123_gui.core.models import LinkResult
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import FOLDER_ID, TRASHED_ID
from pan123_gui.ui.results.model import COL_EXPIRES, COL_LINK, COL_NAME
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.window.notices import Notice
from pan123_gui.ui.wording import shares as share_words
from pan123_gui.ui.wording import window as w
from pan123_gui.ui.wording.errors import error_text

DIRECT = "direct-link/url"


def _sample_text(api: FakeApiServer) -> tuple[list[int], str]:
    ids = [*api.add_sample_files(), UNKNOWN_ID]
    return ids, "Here are the files:\n" + "\n".join(f"https://www.123pan.com/x?fileID={i}" for i in ids) + "\n"


def _direct_calls(api: FakeApiServer) -> list[int]:
    return [int(query["fileID"]) for _m, path, query, _s in api.request_log if path.endswith(DIRECT)]


# -------------------------------------------------------------------------------------------- opening state


def test_window_opens_ready_to_paste(window: MainWindow) -> None:
    assert window.focusWidget() is window.input.edit
    assert "Ctrl+Enter" in window.input.edit.placeholderText()
    assert window.windowTitle().endswith(w.demo_suffix())
    assert window.model.rowCount() == 0
    assert window.input.preview.text() == w.preview_empty()
    assert not window.notice.isVisible()  # demo mode: no credentials notice
    assert window.commands.act_resolve.isEnabled() and not window.commands.act_cancel.isEnabled()


def test_every_control_has_an_accessible_name_and_takes_focus(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.first_paint_done)  # toolbar buttons are named after the first paint
    kinds = (QAbstractButton, QComboBox, QPlainTextEdit, QTableView, QProgressBar)
    controls = [c for c in window.findChildren(QWidget) if isinstance(c, kinds) and c.isVisibleTo(window)]
    assert len(controls) >= 12
    nameless = [type(c).__name__ + ":" + c.objectName() for c in controls if not c.accessibleName().strip()]
    assert nameless == []
    commands = window.commands
    menus = (commands.menu_file, commands.menu_edit, commands.menu_settings, commands.menu_help)
    in_menus = {a for menu in menus for a in menu.actions()}
    for control in controls:
        if isinstance(control, QProgressBar):
            continue
        if control.parent() is commands.toolbar:  # toolbar buttons: the same commands are in the menus (Alt+letter)
            assert isinstance(control, QToolButton)
            action = control.defaultAction()
            assert action in in_menus or control is window.commands.language_button, action.text() if action else "?"
            continue
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, type(control).__name__ + " " + control.accessibleName()


def test_tab_order_runs_from_the_box_through_the_controls(window: MainWindow) -> None:
    chain: list[QWidget] = [window.input.edit]
    widget = window.input.edit.nextInFocusChain()
    while widget is not None and widget is not window.input.edit and len(chain) < 200:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    order: list[QWidget] = [
        window.input.edit,
        window.resolve_bar.resolve_button,
        window.resolve_bar.cancel_button,
        window.resolve_bar.sign_check,
        window.resolve_bar.valid_combo,
        window.view,
        window.action_bar.buttons[window.commands.act_copy_all],
    ]
    positions = [chain.index(widget) for widget in order]
    assert positions == sorted(positions)


def test_shortcuts_and_menus(window: MainWindow) -> None:
    def keys(action: QAction) -> set[str]:
        return {s.toString() for s in action.shortcuts()}

    assert {"Ctrl+Return", "Ctrl+Enter"} <= keys(window.commands.act_resolve)
    assert "Ctrl+Shift+C" in keys(window.commands.act_copy_all)
    assert "Esc" in keys(window.commands.act_cancel)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == [w.menu_file(), w.menu_edit(), share_words.menu_share(), w.menu_settings(), w.menu_help()]
    share_menu = [a.text() for a in window.sharing.menu.actions() if a.text()]
    assert share_menu[0] == share_words.share_action() and "Ctrl+Shift+S" in keys(window.sharing.act_share)
    settings_menu = [a.text() for a in window.commands.menu_settings.actions()]
    assert w.action_credentials() in settings_menu and w.action_settings() in settings_menu
    assert w.menu_language() in settings_menu
    assert [a.text() for a in window.commands.menu_language.actions()] == [w.language_system(), "简体中文", "English"]
    toolbar = [a.text() for a in window.commands.toolbar.actions()]
    assert w.action_credentials() in toolbar and w.action_help() in toolbar


def test_fits_a_1280_by_800_screen(window: MainWindow) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800
    window.resize(1280, 800)
    assert window.view.height() > 250  # the table gets most of the room


# -------------------------------------------------------------------------------------------- preview


def test_paste_shows_what_was_found_before_anything_is_sent(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.clear_log()
    window.input.edit.insertPlainText("ids: 10861131, 10861132 and 10861131 again; fileID=10861133")
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_line(3, 1, 0))
    assert window.input.preview.text().startswith("3 IDs · 1 duplicate")
    assert api.request_log == []
    window.input.clear_text()
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_empty())
    window.input.edit.insertPlainText("no numbers here")
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_none_found())


def test_preview_counts_a_huge_paste_off_the_gui_thread(qtbot: Any, window: MainWindow) -> None:
    text = "\n".join(str(40_000_000 + i) for i in range(30_000))  # > 200,000 characters
    window.input.set_text(text)
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_line(30_000, 0, 0), timeout=20_000)


# -------------------------------------------------------------------------------------------- resolving


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_resolves_every_id_to_a_link_or_a_plain_error(
    qtbot: Any, window: MainWindow, api: FakeApiServer, key: Qt.Key
) -> None:
    ids, text = _sample_text(api)
    for kind in ("http500_html", "drop", "code429", "cut_json", "not_json", "code1"):
        api.faults.add("/api/v1/direct-link/url", kind, count=1)
    window.input.edit.insertPlainText(text)
    modifiers = Qt.KeyboardModifier.ControlModifier
    if key == Qt.Key.Key_Enter:
        modifiers |= Qt.KeyboardModifier.KeypadModifier
    qtbot.keyClick(window.input.edit, key, modifiers)
    assert window.busy
    assert window.model.ids() == ids  # rows appear at once, in input order
    wait_idle(qtbot, window)

    model = window.model
    assert model.ids() == ids
    counts = model.counts()
    assert counts[RowStatus.OK] + counts[RowStatus.FAILED] == len(ids)
    for row, file_id in enumerate(ids):
        result = model.result_at(row)
        assert result is not None
        if model.status_at(row) is RowStatus.OK:
            assert result.url == api.expected_url(file_id)
            assert model.link_at(row) == result.url
        else:
            status_index = window.view.proxy.index(row, 3)
            description = status_index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
            assert description == error_text(result.error_kind, result.error_code, result.error)
            assert "Traceback" not in description
    rows = rows_by_id(window)
    assert model.status_at(rows[10861131]) is RowStatus.OK
    assert model.result_at(rows[10861131]).name == "我从草原来.mp4"  # type: ignore[union-attr]
    assert model.result_at(rows[UNKNOWN_ID]).error_kind is ErrorKind.NOT_FOUND  # type: ignore[union-attr]
    assert model.result_at(rows[10861190]).error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE  # type: ignore[union-attr]
    failed = counts[RowStatus.FAILED]
    assert window.resolve_bar.counts.text() == w.progress_text(len(ids), len(ids), failed)
    assert window.statusBar().currentMessage() == w.finished_summary(counts[RowStatus.OK], failed)


def test_resolving_again_adds_only_new_ids(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861132 10861133")
    assert window.model.counts()[RowStatus.OK] == 3
    api.clear_log()
    window.input.clear_text()
    resolve_text(qtbot, window, "10861132 10861134 10861131 10861135")
    assert window.model.ids() == [10861131, 10861132, 10861133, 10861134, 10861135]
    assert sorted(_direct_calls(api)) == [10861134, 10861135]  # OK rows are not fetched again
    assert window.model.counts()[RowStatus.OK] == 5


def test_nothing_new_says_so_and_sends_nothing(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861132")
    api.clear_log()
    window.commands.act_resolve.trigger()
    assert not window.busy
    assert window.statusBar().currentMessage() == w.nothing_new(2)
    assert api.request_log == []
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_line(2, 0, 2))


def test_empty_box_asks_for_ids(window: MainWindow) -> None:
    window.commands.act_resolve.trigger()
    assert not window.busy
    assert window.statusBar().currentMessage() == w.nothing_to_resolve_empty()


def test_cancel_keeps_finished_rows(qtbot: Any, window: MainWindow, api: FakeApiServer, services: Services) -> None:
    ids = [30_000_000 + i for i in range(40)]
    for file_id in ids:
        api.add_file(file_id, f"part-{file_id}.bin", 1000)
    api.set_latency(0.05)
    services.client().set_rate(8.0)  # about 5 s for all 40: time to cancel in the middle
    window.input.set_text(" ".join(map(str, ids)))
    window.commands.act_resolve.trigger()
    qtbot.waitUntil(lambda: window.model.counts()[RowStatus.OK] >= 3, timeout=20_000)
    qtbot.mouseClick(window.resolve_bar.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.resolve_bar.cancel_button.isEnabled()
    wait_idle(qtbot, window, timeout=10_000)

    counts = window.model.counts()
    assert window.model.ids() == ids
    assert counts[RowStatus.OK] >= 3
    assert counts[RowStatus.CANCELLED] > 0
    assert counts[RowStatus.OK] + counts[RowStatus.CANCELLED] == len(ids)
    assert window.statusBar().currentMessage() == w.cancelled_summary(counts[RowStatus.OK], counts[RowStatus.CANCELLED])
    ok_before = {r.file_id: r.url for r in window.model.results() if r.ok}

    # Resolve again continues with the cancelled rows only; the finished ones are neither refetched nor duplicated.
    services.client().set_rate(500.0)
    api.set_latency(0.0)
    api.clear_log()
    window.commands.act_resolve.trigger()
    wait_idle(qtbot, window)
    assert window.model.ids() == ids
    assert window.model.counts()[RowStatus.OK] == len(ids)
    assert not set(_direct_calls(api)) & set(ok_before)
    assert all(window.model.result_at(rows_by_id(window)[i]).url == url for i, url in ok_before.items())  # type: ignore[union-attr]


def test_cancel_right_away_sends_nothing_and_keeps_the_rows(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    api.clear_log()
    window.input.set_text("10861131 10861132 10861133")
    window.commands.act_resolve.trigger()
    window.commands.act_cancel.trigger()  # before the worker even started
    wait_idle(qtbot, window)
    assert window.model.ids() == [10861131, 10861132, 10861133]
    assert window.model.counts()[RowStatus.CANCELLED] == 3
    assert _direct_calls(api) == []
    assert window.commands.act_retry.isEnabled()


def test_retry_failed_makes_no_duplicate_rows(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    ids, text = _sample_text(api)
    api.set_traffic_exhausted(True)
    resolve_text(qtbot, window, text)
    first = window.model.results()
    assert all(not r.ok for r in first)
    assert {r.error_kind for r in first} >= {ErrorKind.TRAFFIC_EXHAUSTED}
    assert window.commands.act_retry.isEnabled()

    api.set_traffic_exhausted(False)
    api.clear_log()
    window.action_bar.buttons[window.commands.act_retry].click()
    assert window.busy
    wait_idle(qtbot, window)
    assert window.model.ids() == ids
    assert len(set(window.model.ids())) == len(ids)
    calls = _direct_calls(api)
    assert len(calls) == len(set(calls)) and set(calls) <= set(ids)  # each failed row tried again, once
    # (a folder or a file in the recycle bin may be known from the names look-up, with no direct-link request;
    # an ID with no file is not asked again: retrying cannot change it)
    assert set(ids) - set(calls) <= {FOLDER_ID, TRASHED_ID, UNKNOWN_ID}
    counts = window.model.counts()
    assert counts[RowStatus.OK] == 11  # the sample's direct-link files
    assert counts[RowStatus.FAILED] == 4  # not in a direct-link space, folder, trashed, unknown


def test_get_link_again_refetches_selected_ok_rows(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861132 10861133")
    api.clear_log()
    window.view.select_source_rows([1])
    window.view.act_refetch.trigger()
    wait_idle(qtbot, window)
    assert _direct_calls(api) == [10861132]
    assert window.model.ids() == [10861131, 10861132, 10861133]


# -------------------------------------------------------------------------------------------- copying


def _sorted_by_name_descending(window: MainWindow) -> None:
    window.view.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)


def test_copy_all_links_is_successful_rows_in_input_order(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    ids, text = _sample_text(api)
    resolve_text(qtbot, window, text)
    _sorted_by_name_descending(window)  # the view's order must not matter
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    expected = [api.expected_url(i) for i in ids if window.model.status_at(rows_by_id(window)[i]) is RowStatus.OK]
    assert len(expected) == 11
    assert clipboard_text() == "\n".join(expected) + "\n"
    assert window.statusBar().currentMessage() == w.copied_links(11)


def test_copy_failed_ids(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    _ids, text = _sample_text(api)
    resolve_text(qtbot, window, text)
    window.action_bar.buttons[window.commands.act_copy_failed].click()
    assert clipboard_text().split() == [str(i) for i in window.model.failed_ids()]
    assert len(window.model.failed_ids()) == 4


def test_ctrl_c_copies_links_of_the_selected_rows(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    _ids, text = _sample_text(api)
    resolve_text(qtbot, window, text)
    _sorted_by_name_descending(window)
    rows = rows_by_id(window)
    window.view.select_source_rows([rows[10861133], rows[10861131], rows[10861190]])  # the last one failed
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == f"{api.expected_url(10861131)}\n{api.expected_url(10861133)}\n"
    assert window.statusBar().currentMessage() == w.copied_links_skipped(2, 1)


def _cell_center(window: MainWindow, source_row: int, column: int) -> QPoint:
    index = window.view.proxy.mapFromSource(window.model.index(source_row, column))
    return window.view.visualRect(index).center()


def test_double_click_and_enter_copy_the_row_link(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861132 10861133")
    viewport = window.view.viewport()
    pos = _cell_center(window, 1, COL_NAME)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)  # QTest's double-click needs the first click
    assert clipboard_text() != api.expected_url(10861132) + "\n"  # a single click copies nothing
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    assert clipboard_text() == api.expected_url(10861132) + "\n"
    window.view.setCurrentIndex(window.view.proxy.index(2, 0))
    window.view.select_source_rows([2])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert clipboard_text() == api.expected_url(10861133) + "\n"


def test_row_buttons_copy_and_open(qtbot: Any, window: MainWindow, api: FakeApiServer, url_catcher: UrlCatcher) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861132")
    index = window.view.proxy.mapFromSource(window.model.index(1, COL_LINK))
    copy_rect, open_rect = window.view.delegate.button_rects(window.view.visualRect(index))
    viewport = window.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=copy_rect.center())
    assert clipboard_text() == api.expected_url(10861132) + "\n"
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=open_rect.center())
    assert url_catcher.urls == [api.expected_url(10861132)]
    assert window.statusBar().currentMessage() == w.opened_link()


# -------------------------------------------------------------------------------------------- opening


def test_open_in_browser_from_menu_and_keyboard(
    qtbot: Any, window: MainWindow, api: FakeApiServer, url_catcher: UrlCatcher
) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861190")
    window.view.select_source_rows([0])
    menu = window.view.build_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        w.copy_selected_links(),
        w.open_in_browser(),
        w.copy_file_id(),
        w.fetch_again(),
        w.remove_rows(),
        share_words.share_action(),
        share_words.qr_action(),
        share_words.copy_with_names(),
        w.select_all(),
    ]
    window.view.act_open.trigger()
    assert url_catcher.urls == [api.expected_url(10861131)]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert url_catcher.urls == [api.expected_url(10861131)] * 2
    # a failed row has no link: nothing opens
    window.view.select_source_rows([1])
    window.view.act_open.trigger()
    assert len(url_catcher.urls) == 2
    assert window.statusBar().currentMessage() == w.no_link_in_selection()


@pytest.mark.parametrize("bad", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "vip.123pan.cn/x"])
def test_a_non_http_link_is_never_opened(qtbot: Any, window: MainWindow, url_catcher: UrlCatcher, bad: str) -> None:
    window.model.add_pending([777])
    window.model.apply_results([LinkResult(file_id=777, url=bad)])
    window.open_row(0)
    assert url_catcher.urls == []
    assert window.statusBar().currentMessage() == w.refused_link()
    assert desktop.open_link(bad) is False
    # nor copied as a link
    window.copy_all_links()
    assert bad not in clipboard_text()


def test_copy_file_ids_from_menu(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861132 10861133")
    window.view.select_source_rows([0, 2])
    window.view.act_copy_id.trigger()
    assert clipboard_text() == "10861131\n10861133\n"


# -------------------------------------------------------------------------------------------- export


def _export(monkeypatch: pytest.MonkeyPatch, window: MainWindow, path: Path, suffix: str) -> Path:
    choice = next(c for c in desktop.export_choices() if c.suffix == suffix)
    asked: list[list[str]] = []

    def fake_ask(parent: object, title: str, start: str, filters: list[str]) -> tuple[str, str]:
        asked.append(list(filters))
        return str(path), choice.filter_text()

    monkeypatch.setattr(desktop, "ask_save_path", fake_ask)
    window.commands.act_export.trigger()
    assert asked and choice.filter_text() in asked[0]
    return desktop.path_for_choice(path, choice)


def test_export_formats_read_back(
    qtbot: Any, window: MainWindow, api: FakeApiServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, text = _sample_text(api)
    resolve_text(qtbot, window, text)
    links = [r.url or "" for r in window.model.results() if r.ok]
    suffixes = [c.suffix for c in desktop.export_choices()]
    assert suffixes[:3] == [".txt", ".csv", ".json"] and any("aria2" in s for s in suffixes)

    txt = _export(monkeypatch, window, tmp_path / "links", ".txt")
    assert txt.name == "links.txt"
    assert [line for line in txt.read_text(encoding="utf-8").splitlines() if line.strip()] == links
    left_out = len(ids) - len(links)
    assert left_out > 0
    summary = ExportSummary(".txt", rows=len(ids), written=len(links), left_out=left_out)
    shown = window.statusBar().currentMessage()
    assert shown == w.exported(summary, "links.txt")
    assert f"{len(links)} links exported to links.txt" in shown and f"{left_out} rows without a link" in shown

    # The filter decides the format: a name typed with another suffix gets the chosen one added.
    csv_path = _export(monkeypatch, window, tmp_path / "typed.txt", ".csv")
    assert csv_path.name == "typed.txt.csv"
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows the Chinese names
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [int(r["fileID"]) for r in rows] == ids  # every row, failed ones too, in input order
    assert [r["url"] for r in rows if r["url"]] == links
    assert rows[0]["name"] == "我从草原来.mp4"
    by_id = {r.file_id: r for r in window.model.results()}
    for row in rows:  # errors in the window's own words (translated), not the core's English line
        result = by_id[int(row["fileID"])]
        expected = (
            ""
            if result.ok
            else " ".join(error_text(result.error_kind, result.error_code, result.server_message).split())
        )
        assert row["error"] == expected
    assert any(row["error"] for row in rows)
    assert window.statusBar().currentMessage() == w.exported(
        ExportSummary(".csv", len(ids), len(ids), 0), csv_path.name
    )

    json_path = _export(monkeypatch, window, tmp_path / "links.json", ".json")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert str(api.expected_url(10861131)) in json.dumps(data)

    aria2_suffix = next(s for s in suffixes if "aria2" in s)
    aria2 = _export(monkeypatch, window, tmp_path / "dl", aria2_suffix)
    body = aria2.read_text(encoding="utf-8")
    assert all(link in body for link in links)
    assert "out=我从草原来.mp4" in body


def test_export_problem_is_reported_and_nothing_is_lost(
    qtbot: Any, window: MainWindow, api: FakeApiServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    _export(monkeypatch, window, tmp_path / "missing-folder" / "links", ".txt")
    assert shown and shown[0].startswith(w.export_failed("").split("%")[0].rstrip(": "))
    assert window.model.rowCount() == 1


# -------------------------------------------------------------------------------------------- clear


def test_clear_asks_first_and_keeps_undo(
    qtbot: Any, window: MainWindow, api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.add_sample_files()
    resolve_text(qtbot, window, "10861131 10861132")
    answers = [False, True]
    monkeypatch.setattr(desktop, "confirm", lambda *a: answers.pop(0))
    window.commands.act_clear.trigger()
    assert window.model.rowCount() == 2  # the user said no
    window.commands.act_clear.trigger()
    assert window.model.rowCount() == 0
    assert window.input.text() == ""
    assert window.statusBar().currentMessage() == w.cleared(2)
    window.input.edit.undo()
    assert "10861131" in window.input.text()


# -------------------------------------------------------------------------------------------- signing


def test_signed_links_show_expiry_and_resign_expired(
    qtbot: Any, window: MainWindow, api: FakeApiServer, settings: Any
) -> None:
    api.add_sample_files()
    window.resolve_bar.sign_check.setChecked(True)
    window.resolve_bar.valid_combo.setCurrentIndex(window.resolve_bar.valid_combo.findData(15))
    assert settings.sign_links is True and settings.valid_minutes == 15
    resolve_text(qtbot, window, "10861131 10861132")
    first = window.model.results()
    assert all(r.ok and r.expires_at is not None and "auth_key=" in (r.url or "") for r in first)
    assert all(window.view.proxy.index(row, COL_EXPIRES).data() for row in range(2))
    assert not window.commands.act_resign.isEnabled()

    window.model.refresh_expiry(datetime.now(UTC) + timedelta(hours=1))
    window.refresh_expiry()
    assert window.model.counts()[RowStatus.EXPIRED] == 2
    assert window.model.successful_links() == []
    assert window.commands.act_resign.isEnabled()
    api.clear_log()
    window.action_bar.buttons[window.commands.act_resign].click()
    wait_idle(qtbot, window)
    again = window.model.results()
    assert window.model.counts()[RowStatus.OK] == 2
    assert [r.file_id for r in again] == [10861131, 10861132]
    assert all(n.url != o.url and n.unsigned_url == o.unsigned_url for n, o in zip(again, first, strict=True))
    assert _direct_calls(api) == []


def test_signing_on_without_a_sign_key_says_what_to_do(
    qtbot: Any, api: FakeApiServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path)
    services = demo_services(api, settings, sign_key=None)
    try:
        window = show_window(qtbot, services)
        api.add_sample_files()
        window.resolve_bar.sign_check.setChecked(True)
        assert window.notice.isVisible() and window.notice.current is Notice.SIGN_KEY
        assert window.notice.text.text() == w.no_sign_key()
        labels = [b.text() for b in window.notice.buttons]
        assert labels == [w.enter_sign_key(), w.turn_signing_off()]

        api.clear_log()
        window.input.set_text("10861131")
        window.commands.act_resolve.trigger()
        assert not window.busy and window.model.rowCount() == 0 and api.request_log == []

        opened: list[object] = []
        import pan123_gui.ui.dialogs.credentials as credentials_dialog

        class FakeDialog:
            def __init__(self, svc: object, parent: object) -> None:
                opened.append((svc, parent))

            def exec(self) -> int:
                return 0

            def deleteLater(self) -> None:
                pass

        monkeypatch.setattr(credentials_dialog, "CredentialsDialog", FakeDialog)
        window.notice.buttons[0].click()
        assert opened == [(services, window)]

        window.notice.buttons[1].click()  # turn signing off
        assert not window.resolve_bar.sign_check.isChecked()
        assert settings.sign_links is False
        assert not window.notice.isVisible()
        window.commands.act_resolve.trigger()
        wait_idle(qtbot, window)
        assert window.model.counts()[RowStatus.OK] == 1
        window.close()
    finally:
        services.close()


def test_sign_choices_persist(qtbot: Any, services: Services, settings: Any) -> None:
    first = show_window(qtbot, services)
    first.resolve_bar.sign_check.setChecked(True)
    combo = first.resolve_bar.valid_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [15, 30, 60, 360, 1440, 4320, 10080]
    combo.setCurrentIndex(combo.findData(360))
    first.close()
    second = show_window(qtbot, services)
    assert second.resolve_bar.sign_check.isChecked()
    assert second.resolve_bar.valid_minutes() == 360
    assert second.resolve_bar.valid_combo.currentText() == w.hours(6)
    second.close()


# -------------------------------------------------------------------------------------------- credentials


def test_no_credentials_says_so_and_offers_the_dialog(
    qtbot: Any, api: FakeApiServer, tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pan123_gui.core.credentials import SecretStore

    pool_services = Services(
        store=SecretStore.open(), settings=make_settings(tmp_path), pool=_pool(), base_url=api.base_url
    )
    api.add_sample_files()
    try:
        window = show_window(qtbot, pool_services)
        # The keyring is read once the window has been painted (start-up stays quick), then the notice shows.
        qtbot.waitUntil(lambda: window.notice.isVisible())
        assert window.notice.current is Notice.CREDENTIALS
        assert window.notice.text.text() == w.no_credentials()
        assert [b.text() for b in window.notice.buttons] == [w.open_credentials()]
        assert w.demo_suffix() not in window.windowTitle()
        assert not window.demo_label.isVisible()

        # Getting links anyway: every row says why, in plain words; nothing reaches the API.
        api.clear_log()
        window.input.set_text("10861131 10861132")
        window.commands.act_resolve.trigger()
        wait_idle(qtbot, window)
        assert {r.error_kind for r in window.model.results()} == {ErrorKind.CREDENTIALS}
        assert window.notice.current is Notice.CREDENTIALS
        assert api.request_log == []

        import pan123_gui.ui.dialogs.credentials as credentials_dialog
        from pan123_gui.core.credentials import Credentials

        class SavingDialog:
            def __init__(self, svc: Services, parent: object) -> None:
                self.svc = svc

            def exec(self) -> int:
                token = api.issue_token()
                self.svc.store.save(Credentials(access_token=token, client_id=None, client_secret=None, sign_key=None))
                return 1

            def deleteLater(self) -> None:
                pass

        monkeypatch.setattr(credentials_dialog, "CredentialsDialog", SavingDialog)
        window.notice.buttons[0].click()
        assert not window.notice.isVisible()
        window.action_bar.buttons[window.commands.act_retry].click()
        wait_idle(qtbot, window)
        assert window.model.ids() == [10861131, 10861132]
        assert window.model.counts()[RowStatus.OK] == 2
        window.close()
    finally:
        pool_services.close()


def _pool() -> Any:
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    return pool


def test_demo_mode_from_build_services(qtbot: Any, tmp_path: Path) -> None:
    from pan123_gui.app import build_services

    services = build_services(demo=True, settings=make_settings(tmp_path))
    try:
        window = show_window(qtbot, services)
        assert window.windowTitle() == w.window_title(True)
        assert window.demo_label.isVisible()
        assert not window.notice.isVisible()
        window.input.set_text("10861131 10861132 99999999")
        window.commands.act_resolve.trigger()
        wait_idle(qtbot, window)
        assert window.model.counts()[RowStatus.OK] == 2
        assert window.model.counts()[RowStatus.FAILED] == 1
        window.close()
    finally:
        services.close()


# -------------------------------------------------------------------------------------------- help, language


def test_help_and_about_open_without_blocking(qtbot: Any, window: MainWindow) -> None:
    window.commands.act_help.trigger()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "Ctrl+Enter" in boxes[0].text()
    boxes[0].close()
    window.commands.act_about.trigger()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "123pan" in boxes[0].text()
    boxes[0].close()


def test_switching_language_retranslates_the_window(qtbot: Any, window: MainWindow, settings: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from pan123_gui.ui.i18n import install_translators

    chinese = next(a for a in window.commands.language_actions if a.data() == "zh_CN")
    english = next(a for a in window.commands.language_actions if a.data() == "en")
    try:
        chinese.trigger()
        assert settings.language == "zh_CN"
        assert window.windowTitle().startswith("123云盘直链")
        assert window.resolve_bar.resolve_button.text() == w.resolve_button() != "&Get links"
        assert window.input.preview.text() == w.preview_empty()
        assert "Ctrl+Enter" in window.input.edit.placeholderText()
    finally:
        english.trigger()
        install_translators(QApplication.instance(), "en")  # type: ignore[arg-type]
    assert window.resolve_bar.resolve_button.text() == "&Get links"
    assert settings.language == "en"


def test_hovering_a_row_button_highlights_it(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    from PySide6.QtTest import QTest

    api.add_sample_files()
    resolve_text(qtbot, window, "10861131")
    view = window.view
    copy_rect, open_rect = view.delegate.button_rects(view.visualRect(view.proxy.index(0, COL_LINK)))
    QTest.mouseMove(view.viewport(), copy_rect.center())
    qtbot.waitUntil(lambda: view.delegate._hover == (0, view.delegate.COPY))
    QTest.mouseMove(view.viewport(), open_rect.center())
    qtbot.waitUntil(lambda: view.delegate._hover == (0, view.delegate.OPEN))
    QTest.mouseMove(view.viewport(), view.visualRect(view.proxy.index(0, COL_NAME)).center())
    qtbot.waitUntil(lambda: view.delegate._hover is None)


def test_export_summary_in_chinese(qapp: Any) -> None:
    from pan123_gui.ui.i18n import apply_language

    summary = ExportSummary(".txt", rows=5, written=2, left_out=3)
    apply_language("zh_CN")
    try:
        assert w.exported(summary, "links.txt") == "已导出 2 个链接到 links.txt，3 行没有链接，未导出"
    finally:
        apply_language("en")
    assert w.exported(summary, "links.txt") == "2 links exported to links.txt, 3 rows without a link left out"
