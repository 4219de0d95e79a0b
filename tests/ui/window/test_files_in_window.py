""" "Your files" in the main window, against the fake API: open it by keyboard, tick a folder, get the links; the
rows show their folders, and the exports and the kept list carry the paths (aria2 with dir=)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from window_driver import wait_idle

from pan123_gui.app import Services
from pan123_gui.core.endpoints import FILE_INFOS_PATH, FILE_LIST_PATH
from pan123_gui.core.errors import ErrorKind
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import COVERS_ID, FOLDER_ID, SAMPLE_DRIVE, SPACE_ID
from pan123_gui.ui.files.tree_model import DriveTreeModel
from pan123_gui.ui.results.model import COL_FOLDER, COL_NAME
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.window.session import SessionStore

WAIT = 15_000
COVERS = [f for f in SAMPLE_DRIVE if f.parent == COVERS_ID]


@pytest.fixture(autouse=True)
def quick_listing(api: FakeApiServer, services: Services) -> None:
    api.set_rate(FILE_LIST_PATH, None)
    api.set_rate(FILE_INFOS_PATH, None)
    services.client().limiters.set_rate(FILE_LIST_PATH, 100.0)
    services.client().limiters.set_rate(FILE_INFOS_PATH, 100.0)


def row_of(model: DriveTreeModel, parent: QModelIndex, file_id: int) -> QModelIndex:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.file_id(index) == file_id:
            return index
    raise AssertionError(file_id)


def expand_to(qtbot: Any, window: MainWindow, path: list[int]) -> QModelIndex:
    """Open the folders of ``path`` in the panel's tree (each listed when opened) and return the last one."""
    panel = window.files.panel
    assert panel is not None
    model = panel.tree_model
    index = QModelIndex()
    for folder_id in path:
        qtbot.waitUntil(lambda i=index: model.rowCount(i) > 0, timeout=WAIT)
        index = row_of(model, index, folder_id)
        panel.tree.expand(index)  # the view asks the model for the items (fetchMore)
    qtbot.waitUntil(lambda: model.rowCount(index) > 0, timeout=WAIT)
    return index


def _export(monkeypatch: pytest.MonkeyPatch, window: MainWindow, path: Path, suffix: str) -> Path:
    choice = next(c for c in desktop.export_choices() if c.suffix == suffix)
    monkeypatch.setattr(desktop, "ask_save_path", lambda *a: (str(path), choice.filter_text()))
    window.commands.act_export.trigger()
    return desktop.path_for_choice(path, choice)


def test_tick_a_folder_and_get_its_links_with_their_folders(
    qtbot: Any, window: MainWindow, api: FakeApiServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.files.panel is None  # nothing is built before it is opened
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.files.panel
    assert panel is not None and window.files.dock is not None and window.files.dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tree, timeout=WAIT)
    covers = expand_to(qtbot, window, [SPACE_ID, FOLDER_ID, COVERS_ID])
    panel.tree.setCurrentIndex(covers)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)  # tick the current folder
    assert panel.tree_model.data(covers, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    panel.get_button.setFocus()
    qtbot.keyClick(panel.get_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(COVERS), timeout=WAIT)
    wait_idle(qtbot, window)
    model = window.model
    assert [model.status_at(r) for r in range(model.rowCount())] == [RowStatus.OK] * len(COVERS)
    assert {model.index(r, COL_FOLDER).data() for r in range(model.rowCount())} == {"测试直链文件夹/直链素材/封面"}
    assert [model.index(r, COL_NAME).data() for r in range(model.rowCount())] == [f.name for f in COVERS]
    # the Folder column sits right after Name on screen
    header = window.view.horizontalHeader()
    assert header.visualIndex(COL_FOLDER) == header.visualIndex(COL_NAME) + 1

    rows = list(
        csv.DictReader(io.StringIO(_export(monkeypatch, window, tmp_path / "a", ".csv").read_text("utf-8-sig")))
    )
    assert [r["path"] for r in rows] == [f"测试直链文件夹/直链素材/封面/{f.name}" for f in COVERS]
    aria2 = _export(monkeypatch, window, tmp_path / "b", ".aria2").read_text("utf-8")
    assert "  dir=" not in aria2  # the files were right inside the ticked folder
    store = SessionStore(tmp_path / "session.json")  # the kept list, as the window writes it
    assert store.save("", window.model)
    saved = store.load()
    assert saved is not None and [r.path for r in saved.results] == [r["path"] for r in rows]


def test_a_ticked_parent_folder_gives_aria2_sub_folders(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.files.open()
    panel = window.files.panel
    assert panel is not None
    space = expand_to(qtbot, window, [SPACE_ID])
    folder = row_of(panel.tree_model, space, FOLDER_ID)
    panel.tree_model.setData(folder, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    panel.get_links()
    qtbot.waitUntil(lambda: window.model.rowCount() > 100, timeout=WAIT)
    wait_idle(qtbot, window, timeout=60_000)
    aria2 = _export(monkeypatch, window, tmp_path / "c", ".aria2").read_text("utf-8")
    assert "  dir=第一季\n  out=第001集.mp4\n" in aria2 and "  dir=封面\n" in aria2


def test_a_pasted_folder_address_becomes_a_row_that_offers_the_files_inside(
    qtbot: Any, window: MainWindow, api: FakeApiServer
) -> None:
    from pan123_gui.demo.samples import FOLDER_ADDRESS, VIDEO_ID

    window.input.edit.setFocus()
    window.input.edit.insertPlainText(f"{FOLDER_ADDRESS}\n{VIDEO_ID}\n")
    window.resolve_bar.resolve_button.click()
    wait_idle(qtbot, window)
    model = window.model
    assert model.ids() == [FOLDER_ID, VIDEO_ID]
    folder_row = model.row_of(FOLDER_ID)
    assert folder_row is not None
    result = model.result_at(folder_row)
    assert result is not None and result.error_kind is ErrorKind.IS_FOLDER
    assert "Get links of the files inside" in window.statusBar().currentMessage()
    assert not [
        r for r in api.records if r.path == "/api/v1/direct-link/url" and r.query.get("fileID") == str(FOLDER_ID)
    ]
    # the row's menu offers the files inside, first
    window.view.selectRow(window.view.proxy.mapFromSource(model.index(folder_row, 0)).row())
    menu = window.view.build_menu()
    assert menu.actions()[0] is window.view.act_inside and window.view.act_inside.isEnabled()
    menu.deleteLater()
    window.view.act_inside.trigger()
    qtbot.waitUntil(lambda: model.row_of(FOLDER_ID) is None and model.rowCount() > 100, timeout=WAIT)
    wait_idle(qtbot, window, timeout=60_000)
    assert model.row_of(VIDEO_ID) == 0  # the file given by ID keeps its place
    first = model.row_of(10862001)
    assert first is not None and model.index(first, COL_FOLDER).data() == "测试直链文件夹/直链素材/第一季"
    assert model.status_at(first) is RowStatus.OK


def test_a_folder_id_row_offers_the_files_inside_too(qtbot: Any, window: MainWindow) -> None:
    window.input.edit.setFocus()
    window.input.edit.insertPlainText(str(COVERS_ID))
    window.resolve_bar.resolve_button.click()
    wait_idle(qtbot, window)
    row = window.model.row_of(COVERS_ID)
    assert row is not None and window.view.folder_rows([row]) == [row]
    window.get_links_inside([row])
    qtbot.waitUntil(
        lambda: window.model.row_of(COVERS_ID) is None and window.model.rowCount() == len(COVERS), timeout=WAIT
    )
    wait_idle(qtbot, window)
    assert [window.model.status_at(r) for r in range(len(COVERS))] == [RowStatus.OK] * len(COVERS)
