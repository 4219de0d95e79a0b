"""Shares and direct-link spaces in the main window, offscreen against the fake over loopback: a row outside a space
names its folder, "Enable direct-link space for <folder>" asks first and then fetches those rows again, the account
line in the status bar, the Share menu (create a share, QR code, Copy with names)."""

from __future__ import annotations

from typing import Any

import pytest
from window_driver import clipboard_text, resolve_text, wait_idle

from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import NOT_DIRECT_LINK_ID, PLAIN_FOLDER_ID, TOP_FILE_ID, VIDEO_ID
from pan123_gui.ui.i18n import install_translators, remove_translators
from pan123_gui.ui.results.model import COL_STATUS
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.wording import spaces as space_words

IDS = f"{VIDEO_ID} {NOT_DIRECT_LINK_ID} {TOP_FILE_ID}"


def status_of(window: MainWindow, row: int) -> str:
    return str(window.model.index(row, COL_STATUS).data())


def tooltip_of(window: MainWindow, row: int) -> str:
    from PySide6.QtCore import Qt

    return str(window.model.index(row, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole))


def run_and_locate(qtbot: Any, window: MainWindow) -> None:
    resolve_text(qtbot, window, IDS)
    qtbot.waitUntil(lambda: "我的资源" in status_of(window, 1), timeout=10_000)


def enable_action_texts(window: MainWindow) -> list[str]:
    menu = window.view.build_menu()
    return [a.text() for a in menu.actions() if a.text().startswith("Enable direct-link space")]


def test_rows_outside_a_space_name_their_folder(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    run_and_locate(qtbot, window)
    assert status_of(window, 1) == "Failed: “我的资源” is not a direct-link space"
    assert "“我的资源”" in tooltip_of(window, 1) and "Trace ID" in tooltip_of(window, 1)
    qtbot.waitUntil(lambda: "at the top of the drive" in status_of(window, 2), timeout=10_000)
    assert "Move it" in tooltip_of(window, 2)
    qtbot.waitUntil(lambda: "traffic left" in window.sharing.account_label.text(), timeout=10_000)
    assert window.sharing.account_label.isVisible()
    assert api.space_switches == []  # nothing changes without asking


def test_enable_from_the_row_asks_then_fetches_again(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    run_and_locate(qtbot, window)
    window.view.select_source_rows([1])
    assert enable_action_texts(window) == [space_words.enable_action("我的资源")]
    asked: list[list[str]] = []
    spaces = window.sharing.spaces
    spaces.ask = lambda folders, n: asked.append([f.name for f in folders]) or False  # type: ignore[method-assign]
    [action] = [a for a in window.view.build_menu().actions() if a.text().startswith("Enable")]
    action.trigger()
    assert asked == [["我的资源"]] and api.space_switches == []  # "Cancel": nothing changed
    spaces.ask = lambda folders, n: True  # type: ignore[method-assign]
    [action] = [a for a in window.view.build_menu().actions() if a.text().startswith("Enable")]
    action.trigger()
    qtbot.waitUntil(lambda: window.model.link_at(1) is not None, timeout=10_000)
    wait_idle(qtbot, window)
    assert window.model.link_at(1) == api.expected_url(NOT_DIRECT_LINK_ID)
    assert api.space_switches == [(PLAIN_FOLDER_ID, True)]
    assert window.model.link_at(2) is None  # the file at the top is not touched


def test_rows_without_a_folder_offer_no_switch(qtbot: Any, window: MainWindow) -> None:
    run_and_locate(qtbot, window)
    window.view.select_source_rows([0, 2])
    assert enable_action_texts(window) == []


def test_share_menu_creates_a_share_of_the_chosen_rows(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    resolve_text(qtbot, window, IDS)
    window.view.select_source_rows([0, 1])
    window.sharing.act_share.trigger()
    dialog = window.sharing.shares.dialog
    assert dialog is not None and dialog.isVisible() and dialog.name_edit.text().startswith("我从草原来")
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    [made] = api.shares()
    assert made.file_ids == (VIDEO_ID, NOT_DIRECT_LINK_ID)  # a row without a link can be shared too
    assert dialog.ready_text().startswith(f"Link: https://www.123pan.com/s/{made.share_key}")
    dialog.close()


def test_qr_and_copy_with_names(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    resolve_text(qtbot, window, IDS)
    window.view.select_source_rows([0])
    window.sharing.act_qr.trigger()
    qr = window.sharing.shares.qr
    assert qr is not None and qr.link == api.expected_url(VIDEO_ID)
    qr.close()
    window.view.select_source_rows([0, 1])
    window.sharing.act_copy_names.trigger()
    assert clipboard_text() == f"我从草原来.mp4  {api.expected_url(VIDEO_ID)}\n"
    window.view.select_source_rows([1])
    window.sharing.act_qr.trigger()
    assert window.statusBar().currentMessage() == "The chosen row has no link yet."


@pytest.mark.usefixtures("window")
def test_chinese_row_words(qtbot: Any, qapp: Any, window: MainWindow) -> None:
    install_translators(qapp, "zh_CN")
    try:
        run_and_locate(qtbot, window)
        assert status_of(window, 1) == "失败：“我的资源”不是直链空间"
        assert window.sharing.menu.title() == "分享链接(&K)"
    finally:
        remove_translators(qapp)


def test_share_ticked_in_the_files_panel(qtbot: Any, window: MainWindow, api: FakeApiServer) -> None:
    from PySide6.QtCore import QModelIndex, Qt

    from pan123_gui.core.endpoints import FILE_LIST_PATH
    from pan123_gui.demo.samples import FOLDER_ID, SPACE_ID

    api.set_rate(FILE_LIST_PATH, None)
    window.files.action.trigger()
    panel = window.files.panel
    assert panel is not None and panel.share_button.isVisible()
    model = panel.tree_model
    qtbot.waitUntil(lambda: model.rowCount(QModelIndex()) > 0, timeout=15_000)
    top = next(model.index(r, 0) for r in range(model.rowCount()) if model.file_id(model.index(r, 0)) == SPACE_ID)
    panel.tree.expand(top)
    qtbot.waitUntil(lambda: model.rowCount(top) > 0, timeout=15_000)
    folder = next(
        model.index(r, 0, top) for r in range(model.rowCount(top)) if model.file_id(model.index(r, 0, top)) == FOLDER_ID
    )
    panel.tree.setCurrentIndex(folder)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)  # tick the folder 直链素材
    panel.share_button.click()
    dialog = window.sharing.shares.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    assert [s.file_ids for s in api.shares()] == [(FOLDER_ID,)]  # the folder as it is, nothing listed inside
    dialog.close()
