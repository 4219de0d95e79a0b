"""The "Your files" panel against the fake API over loopback: the lazy tree model under qtmodeltester, ticking
(folders stand for everything inside), search with folder paths, and the keyboard path open → search → tick →
get links, with the question before many files."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from pan123_gui.app import Services
from pan123_gui.core.endpoints import FILE_INFOS_PATH, FILE_LIST_PATH
from pan123_gui.core.expand import Target
from pan123_gui.core.ids import Ref
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    COVERS_ID,
    EPISODES,
    FIRST_EPISODE_ID,
    FOLDER_ID,
    SEASON_ID,
    SPACE_ID,
    TOP_FILE_ID,
    TRASHED_ID,
    VIDEO_ID,
)
from pan123_gui.ui.files.panel import ASK_ABOVE, FilesPanel
from pan123_gui.ui.files.tree_model import DriveTreeModel
from pan123_gui.workers.folders import Drive

WAIT = 10_000


@pytest.fixture
def drive(api: FakeApiServer, services: Services) -> Drive:
    api.set_rate(FILE_LIST_PATH, None)
    api.set_rate(FILE_INFOS_PATH, None)
    client = services.client()
    client.limiters.set_rate(FILE_LIST_PATH, 100.0)
    client.limiters.set_rate(FILE_INFOS_PATH, 100.0)
    return Drive(services)


@pytest.fixture
def panel(qtbot: Any, drive: Drive, services: Services) -> Iterator[FilesPanel]:
    widget = FilesPanel(drive, services.pool)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    yield widget
    widget.cancel()
    services.pool.waitForDone(WAIT)


def row_of(model: DriveTreeModel, parent: QModelIndex, file_id: int) -> QModelIndex:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.file_id(index) == file_id:
            return index
    raise AssertionError(f"{file_id} is not listed under {model.path(parent)!r}")


def load(qtbot: Any, model: DriveTreeModel, parent: QModelIndex) -> None:
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    qtbot.waitUntil(lambda: not model.canFetchMore(parent) and not model.is_loading(), timeout=WAIT)


def test_tree_model_passes_the_model_tester_while_it_loads(
    qtbot: Any, qtmodeltester: Any, drive: Drive, services: Services
) -> None:
    model = DriveTreeModel(drive, services.pool)
    qtmodeltester.check(model)  # stays attached: every later insert is checked too
    assert model.hasChildren() and model.rowCount() == 0
    load(qtbot, model, QModelIndex())
    top = {model.file_id(model.index(r, 0)) for r in range(model.rowCount())}
    assert top == {SPACE_ID, 10861001, 10861002, TOP_FILE_ID}
    space = row_of(model, QModelIndex(), SPACE_ID)
    load(qtbot, model, space)
    folder = row_of(model, space, FOLDER_ID)
    load(qtbot, model, folder)
    season = row_of(model, folder, SEASON_ID)
    load(qtbot, model, season)
    assert model.rowCount(season) == EPISODES  # both pages, the trashed one left out
    assert model.path(model.index(0, 0, season)) == "测试直链文件夹/直链素材/第一季/第001集.mp4"
    ids = {model.file_id(model.index(r, 0, space)) for r in range(model.rowCount(space))}
    assert TRASHED_ID not in ids and VIDEO_ID in ids
    # folders first, then files, by name
    kinds = [model.is_folder(model.index(r, 0, space)) for r in range(model.rowCount(space))]
    assert kinds == sorted(kinds, reverse=True) and kinds[0] and not kinds[-1]
    qtmodeltester.check(model)
    model.refresh()
    assert model.rowCount() == 0
    load(qtbot, model, QModelIndex())
    qtmodeltester.check(model)


def test_ticking_a_folder_ticks_everything_under_it(qtbot: Any, drive: Drive, services: Services) -> None:
    model = DriveTreeModel(drive, services.pool)
    load(qtbot, model, QModelIndex())
    space = row_of(model, QModelIndex(), SPACE_ID)
    load(qtbot, model, space)
    folder = row_of(model, space, FOLDER_ID)
    assert model.setData(folder, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.chosen() == [Ref(FOLDER_ID, True)]  # not loaded yet: the folder stands for its files
    assert model.data(space, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    load(qtbot, model, folder)
    season = row_of(model, folder, SEASON_ID)
    assert model.data(season, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked  # loaded ticked
    model.setData(season, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.data(folder, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    chosen = model.chosen()
    assert Ref(FOLDER_ID, True) not in chosen and Ref(SEASON_ID, True) not in chosen and chosen
    video = row_of(model, space, VIDEO_ID)
    model.setData(video, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert Ref(VIDEO_ID) in model.chosen()
    model.clear_checks()
    assert model.chosen() == []


def test_a_folder_opened_before_its_items_arrive_shows_them_in_the_view(qtbot: Any, panel: FilesPanel) -> None:
    model, view = panel.tree_model, panel.tree
    expanded: list[QModelIndex] = []
    view.expanded.connect(expanded.append)
    panel.open()
    load(qtbot, model, QModelIndex())
    space = row_of(model, QModelIndex(), SPACE_ID)
    view.expand(space)  # opened while empty: its items are listed now and arrive later
    qtbot.waitUntil(lambda: model.rowCount(space) > 0 and not model.is_loading(), timeout=WAIT)
    folder = row_of(model, space, FOLDER_ID)
    view.expand(folder)
    qtbot.waitUntil(lambda: model.rowCount(folder) > 0 and not model.is_loading(), timeout=WAIT)
    assert view.isExpanded(space) and view.isExpanded(folder)
    assert expanded == [space, folder]  # laying the new rows out is no open/close of the user's
    # every arrived row is laid out under its folder, in order, top to bottom
    below = view.indexBelow(space)
    for row in range(model.rowCount(space)):
        assert below == model.index(row, 0, space)
        if below == folder:
            for inner in range(model.rowCount(folder)):
                below = view.indexBelow(below)
                assert below == model.index(inner, 0, folder)
        below = view.indexBelow(below)
    view.scrollTo(model.index(model.rowCount(folder) - 1, 0, folder))
    assert view.visualRect(model.index(model.rowCount(folder) - 1, 0, folder)).isValid()


def test_keyboard_open_search_tick_get_links(qtbot: Any, panel: FilesPanel) -> None:
    got: list[list[Target]] = []
    panel.filesChosen.connect(got.append)
    panel.open()
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() == 4, timeout=WAIT)
    panel.search_box.setFocus()
    panel.search_box.setText("草原")  # typed with an input method (QTest types ASCII only)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.search_model.rowCount() == 1, timeout=WAIT)
    assert panel.search_model.index(0, 1).data() == "测试直链文件夹"  # the hit's folder path
    assert "草原" in panel.status.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.hits, timeout=WAIT)
    qtbot.keyClick(panel.hits, Qt.Key.Key_Space)  # ticks the current hit
    assert panel.search_model.chosen() == [Ref(VIDEO_ID)]
    panel.get_button.setFocus()
    qtbot.keyClick(panel.get_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    [targets] = got
    assert [(t.file_id, t.path) for t in targets] == [(VIDEO_ID, "测试直链文件夹/我从草原来.mp4")]
    # Escape goes back to the folders
    panel.hits.setFocus()
    qtbot.keyClick(panel.hits, Qt.Key.Key_Escape)
    assert panel.pages.currentIndex() == 0


def test_a_ticked_folder_gives_every_file_inside_with_paths(qtbot: Any, panel: FilesPanel) -> None:
    got: list[list[Target]] = []
    panel.filesChosen.connect(got.append)
    model = panel.tree_model
    panel.open()
    load(qtbot, model, QModelIndex())
    space = row_of(model, QModelIndex(), SPACE_ID)
    load(qtbot, model, space)
    model.setData(row_of(model, space, FOLDER_ID), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    panel.get_links()
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    [targets] = got
    assert len(targets) == EPISODES + 3 + 1  # 第一季, 封面 and the folder's own (blocked) file
    first = next(t for t in targets if t.file_id == FIRST_EPISODE_ID)
    assert first.path == "测试直链文件夹/直链素材/第一季/第001集.mp4" and first.relative_folder == "第一季"
    assert not panel.collecting and panel.get_button.isEnabled()


def test_more_than_500_files_asks_first(qtbot: Any, api: FakeApiServer, drive: Drive, panel: FilesPanel) -> None:
    api.add_folder(60_000_000, "大文件夹", SPACE_ID)
    for i in range(ASK_ABOVE + 1):
        api.add_file(60_000_001 + i, f"f{i:04d}.bin", 1, parent_id=60_000_000)
    asked: list[tuple[int, int]] = []
    answer = [False]

    def confirm(files: int, minutes: int) -> bool:
        asked.append((files, minutes))
        return answer[0]

    panel.confirm_many = confirm
    got: list[list[Target]] = []
    panel.filesChosen.connect(got.append)
    panel.search_box.setText("大文件夹")
    panel.search()
    qtbot.waitUntil(lambda: panel.search_model.rowCount() == 1, timeout=WAIT)
    panel.search_model.setData(panel.search_model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    panel.get_links()
    qtbot.waitUntil(lambda: bool(asked) and not panel.collecting, timeout=WAIT)
    minutes = math.ceil((ASK_ABOVE + 1) / drive.link_rate() / 60)  # at the client's current direct-link pace
    assert asked == [(ASK_ABOVE + 1, minutes)]
    assert got == []
    answer[0] = True
    panel.get_links()
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    assert len(got[0]) == ASK_ABOVE + 1


def test_nothing_ticked_says_so(panel: FilesPanel) -> None:
    panel.get_links()
    assert "Tick" in panel.status.text() and not panel.collecting


def test_widgets_have_accessible_names(panel: FilesPanel) -> None:
    for widget in (panel, panel.search_box, panel.search_button, panel.tree, panel.hits, panel.get_button):
        assert widget.accessibleName(), widget


def test_folders_whose_links_were_got_are_offered_again(
    qtbot: Any, drive: Drive, services: Services, tmp_path: Any
) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat)
    panel = FilesPanel(drive, services.pool, settings=settings)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_recent()
    assert panel.search_model.rowCount() == 0 and "No recent folders" in panel.status.text()
    got: list[list[Target]] = []
    panel.filesChosen.connect(got.append)
    panel.search_box.setText("封面")
    panel.search()
    qtbot.waitUntil(lambda: panel.search_model.rowCount() == 1, timeout=WAIT)
    panel.search_model.setData(panel.search_model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    panel.get_links()
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    # a new panel (the next start) offers the folder again, with its path, ready to tick
    again = FilesPanel(drive, services.pool, settings=settings)
    qtbot.addWidget(again)
    again.show_recent()
    assert again.search_model.rowCount() == 1
    assert again.search_model.index(0, 0).data() == "封面"
    assert again.search_model.index(0, 1).data() == "测试直链文件夹/直链素材"
    again.search_model.setData(again.search_model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert again.chosen() == [Ref(COVERS_ID, True)]
    services.pool.waitForDone(WAIT)
