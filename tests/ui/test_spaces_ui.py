"""Direct-link spaces in the window, offscreen with pytest-qt against the fake over loopback: the question before
switching a space on (Cancel by default, VIP and traffic said), the account line, and the spaces dialog (folder IDs
found, Disable asks first, the link cache refresh)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clients import make_client
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import LINK_CACHE_REFRESH_PATH, SPACE_DISABLE_PATH
from pan123_gui.core.models import SpaceFolder, UserInfo
from pan123_gui.core.resolver import Resolver
from pan123_gui.core.spaces import KnownSpaces, TopFolderFinder
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import MUSIC_SPACE_ID, PLAIN_FOLDER_ID, SPACE_ID, VIDEO_ID
from pan123_gui.ui.spaces.account_label import AccountLabel
from pan123_gui.ui.spaces.enable_prompt import ask_to_enable, enable_message_box
from pan123_gui.ui.spaces.spaces_dialog import SpacesDialog

PLAIN = SpaceFolder(PLAIN_FOLDER_ID, "我的资源")
MUSIC_FILE_ID = 10861140


@pytest.fixture
def client(fake_api: FakeApiServer) -> Iterator[Pan123Client]:
    rates = {SPACE_DISABLE_PATH: 100.0, LINK_CACHE_REFRESH_PATH: 100.0}
    with make_client(fake_api, token=fake_api.issue_token(), rate=100.0, rates=rates) as c:
        yield c


# --- asking first ---------------------------------------------------------------------------------------------------


def test_the_question_says_what_it_means_and_defaults_to_cancel(qtbot: Any) -> None:
    account = UserInfo(uid=1, nickname="x", vip=False, direct_traffic=0)
    box, switch_on = enable_message_box(None, [PLAIN], 3, account)
    qtbot.addWidget(box)
    assert "我的资源" in box.text()
    info = box.informativeText()
    assert "VIP" in info and "direct-link traffic" in info and "3 rows" in info and "not VIP" in info
    assert box.defaultButton() is not switch_on and box.escapeButton() is not switch_on


@pytest.mark.parametrize(("press", "expected"), [("switch", True), ("cancel", False), ("enter", False)])
def test_only_switch_on_says_yes(qtbot: Any, press: str, expected: bool) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        if press == "enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
            return
        wanted = "Switch on" if press == "switch" else "Cancel"
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == wanted]
        button.click()

    QTimer.singleShot(0, answer)
    assert ask_to_enable(None, [PLAIN], 1, UserInfo(uid=1, nickname="x", vip=True, direct_traffic=10)) is expected


def test_nothing_to_switch_asks_nothing() -> None:
    assert ask_to_enable(None, [], 0, None) is False


# --- the account line -----------------------------------------------------------------------------------------------


def test_account_line_from_user_info(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    label = AccountLabel()
    qtbot.addWidget(label)
    assert "not checked" in label.text()
    label.show_account(client.user_info())
    assert label.text() == "SVIP · direct-link traffic left: 1.0 TB"
    fake_api.set_vip(False)
    label.show_account(client.user_info())
    assert label.text().startswith("Not VIP")
    fake_api.set_vip(True)
    fake_api.set_traffic_exhausted()
    label.show_account(client.user_info())
    assert label.text() == "SVIP · direct-link traffic left: 0"


# --- the spaces dialog ----------------------------------------------------------------------------------------------


def known_from_links(client: Pan123Client, fake_api: FakeApiServer) -> KnownSpaces:
    known = KnownSpaces()
    known.learn(Resolver(client).resolve([VIDEO_ID, MUSIC_FILE_ID]), fake_api.uid)
    return known


def open_spaces(qtbot: Any, client: Pan123Client, known: KnownSpaces) -> SpacesDialog:
    finder = TopFolderFinder(client)
    dialog = SpacesDialog(known, lambda: client, lambda: finder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: all(s.folder_id is not None for s in known.spaces()) and dialog.refresh_button.isEnabled())
    return dialog


def select(dialog: SpacesDialog, name: str) -> None:
    for row in range(dialog.list.count()):
        space = dialog.list.item(row).data(Qt.ItemDataRole.UserRole)
        if space is not None and space.name == name:
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(name)


def test_spaces_list_and_disable_after_asking(
    qtbot: Any, client: Pan123Client, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = known_from_links(client, fake_api)
    dialog = open_spaces(qtbot, client, known)
    assert [s.folder_id for s in known.spaces()] == [SPACE_ID, MUSIC_SPACE_ID]
    assert dialog.list.count() == 2 and "1 link" in dialog.list.item(1).text()
    select(dialog, "音乐 & 播客")
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_disable", lambda space: asked.append(space.name) or False)
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    assert asked == ["音乐 & 播客"] and fake_api.space_switches == []  # said no: nothing changed
    monkeypatch.setattr(dialog, "confirm_disable", lambda space: True)
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is off" in dialog.status.text())
    assert fake_api.space_switches == [(MUSIC_SPACE_ID, False)]
    assert [s.name for s in known.spaces()] == ["测试直链文件夹"] and dialog.list.count() == 1


def test_disable_asks_with_cancel_as_default(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    dialog = open_spaces(qtbot, client, known_from_links(client, fake_api))

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "音乐 & 播客" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)

    select(dialog, "音乐 & 播客")
    QTimer.singleShot(0, press_enter)
    assert dialog.confirm_disable(dialog.selected()) is False  # type: ignore[arg-type]


def test_refresh_the_link_cache(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    dialog = open_spaces(qtbot, client, known_from_links(client, fake_api))
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refreshed" in dialog.status.text())
    assert fake_api.cache_refreshes == 1


def test_a_refusal_is_shown_with_the_trace_id(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    dialog = open_spaces(qtbot, client, known_from_links(client, fake_api))
    fake_api.faults.add("direct-link/cache/refresh", "code5113", count=1)
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Did not work" in dialog.status.text())
    assert "Trace ID" in dialog.status.text()


def test_empty_list_says_how_spaces_get_known(qtbot: Any, client: Pan123Client) -> None:
    dialog = SpacesDialog(KnownSpaces(), lambda: client, lambda: TopFolderFinder(client))
    qtbot.addWidget(dialog)
    assert "No direct-link space" in dialog.list.item(0).text()
    assert not dialog.disable_button.isEnabled()
    qtbot.waitUntil(dialog.refresh_button.isEnabled)


def test_chinese_words(qtbot: Any, qapp: Any) -> None:
    from pan123_gui.ui.i18n import install_translators, remove_translators

    install_translators(qapp, "zh_CN")
    try:
        label = AccountLabel()
        qtbot.addWidget(label)
        label.show_account(UserInfo(uid=1, nickname="x", vip=True, direct_traffic=1024**4, vip_label=None))
        assert label.text() == "会员 · 剩余直链流量：1.0 TB"
        box, switch_on = enable_message_box(None, [PLAIN], 1, None)
        qtbot.addWidget(box)
        assert box.text() == "要开启文件夹“我的资源”的直链空间吗？" and switch_on.text() == "开启(&S)"
    finally:
        remove_translators(qapp)
