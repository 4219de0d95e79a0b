"""The window's space and share actions against the fake over loopback (offscreen): after a run the rows outside a
space name their folder and the account line fills in; 'Enable direct-link space' asks first, switches each folder
once and asks for those rows again; share, QR and 'Copy with names' from rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clients import make_client
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import SHARE_CREATE_PATH, SPACE_ENABLE_PATH
from pan123_gui.core.models import LinkResult, SpaceFolder
from pan123_gui.core.resolver import Resolver
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    NOT_DIRECT_LINK_ID,
    PLAIN_FOLDER_ID,
    TOP_FILE_ID,
    VIDEO_ID,
)
from pan123_gui.ui.shares.share_actions import ShareActions
from pan123_gui.ui.spaces.space_actions import SpaceActions

PLAIN = SpaceFolder(PLAIN_FOLDER_ID, "我的资源")


class Services:
    def __init__(self, client: Pan123Client) -> None:
        self._client = client

    def client(self) -> Pan123Client:
        return self._client


@pytest.fixture
def client(fake_api: FakeApiServer) -> Iterator[Pan123Client]:
    for path in ("direct-link/url", "file/infos", "user/info"):
        fake_api.set_rate(path, None)
    rates = {SPACE_ENABLE_PATH: 100.0, SHARE_CREATE_PATH: 100.0}
    with make_client(fake_api, token=fake_api.issue_token(), rate=100.0, rates=rates) as c:
        yield c


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def run(client: Pan123Client, ids: list[int]) -> list[LinkResult]:
    return Resolver(client, names=True).resolve(ids)


def test_after_a_run(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer, parent: QWidget) -> None:
    actions = SpaceActions(Services(client), parent)
    rows = run(client, [VIDEO_ID, NOT_DIRECT_LINK_ID, TOP_FILE_ID])
    with qtbot.waitSignal(actions.located, timeout=10_000) as located:
        actions.after_run(rows)
    assert [(r.file_id, r.space_folder, r.at_drive_top) for r in located.args[0]] == [
        (NOT_DIRECT_LINK_ID, PLAIN, False),
        (TOP_FILE_ID, None, True),
    ]
    qtbot.waitUntil(lambda: actions.account is not None)
    assert "direct-link traffic left" in actions.account_label.text()
    assert [s.name for s in actions.known.spaces()] == ["测试直链文件夹"]


def test_enable_asks_then_switches_once_and_refetches(
    qtbot: Any, client: Pan123Client, fake_api: FakeApiServer, parent: QWidget
) -> None:
    actions = SpaceActions(Services(client), parent)
    fake_api.add_file(77_000_010, "另一个.txt", 1, parent_id=PLAIN_FOLDER_ID)
    rows = run(client, [NOT_DIRECT_LINK_ID, 77_000_010])
    with qtbot.waitSignal(actions.located, timeout=10_000) as located:
        actions.after_run(rows)
    rows = located.args[0]
    asked: list[tuple[list[str], int]] = []
    actions.ask = lambda folders, n: asked.append(([f.name for f in folders], n)) or False  # type: ignore[method-assign]
    assert actions.enable_for(rows) is False
    assert asked == [(["我的资源"], 2)] and fake_api.calls("direct-link/enable") == 0
    actions.ask = lambda folders, n: True  # type: ignore[method-assign]
    with qtbot.waitSignal(actions.refetch, timeout=10_000) as refetch:
        assert actions.enable_for(rows)
    assert refetch.args[0] == [NOT_DIRECT_LINK_ID, 77_000_010]
    assert fake_api.space_switches == [(PLAIN_FOLDER_ID, True)]
    assert all(r.ok for r in run(client, refetch.args[0]))
    assert "我的资源" in [s.name for s in actions.known.spaces()]


def test_enable_refused_says_why(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer, parent: QWidget) -> None:
    actions = SpaceActions(Services(client), parent)
    actions.ask = lambda folders, n: True  # type: ignore[method-assign]
    fake_api.set_vip(False)
    rows = [
        LinkResult(
            NOT_DIRECT_LINK_ID,
            error="x",
            error_kind=run(client, [NOT_DIRECT_LINK_ID])[0].error_kind,
            space_folder=PLAIN,
        )
    ]
    messages: list[str] = []
    actions.message.connect(messages.append)
    actions.enable_for(rows)
    qtbot.waitUntil(lambda: any("Could not switch on" in m for m in messages), timeout=10_000)
    assert "Trace ID" in messages[-1] and fake_api.space_switches == []


def test_rows_without_a_folder_offer_nothing(parent: QWidget, client: Pan123Client) -> None:
    actions = SpaceActions(Services(client), parent)
    assert actions.enable_for([LinkResult(TOP_FILE_ID, error="x", at_drive_top=True)]) is False


def test_share_and_qr_and_names(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer, parent: QWidget) -> None:
    actions = ShareActions(Services(client), parent)
    rows = run(client, [VIDEO_ID, 10861140])
    dialog = actions.create_share(rows)
    assert dialog is not None and "我从草原来" in dialog.name_edit.text()
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=10_000)
    assert fake_api.shares()[0].file_ids == (VIDEO_ID, 10861140)
    qr = actions.show_qr(rows[0])
    assert qr is not None and qr.link == rows[0].url
    assert actions.show_qr(LinkResult(1, error="x")) is None
    assert actions.copy_with_names(rows) == 2
    assert QGuiApplication.clipboard().text().splitlines() == [
        f"我从草原来.mp4  {rows[0].url}",
        f"100% 纯音乐 #1.mp3  {rows[1].url}",
    ]


def test_my_shares_lists_every_page_and_copies(
    qtbot: Any, client: Pan123Client, fake_api: FakeApiServer, parent: QWidget
) -> None:
    from pan123_gui.core.endpoints import SHARE_LIST_PATH
    from pan123_gui.core.shares import ShareExpiry, create_shares

    fake_api.set_rate("share/list", None)
    client.limiters.set_rate(SHARE_LIST_PATH, 100.0)
    for n in range(103):
        create_shares(
            client,
            [VIDEO_ID],
            name=f"s{n}",
            password="ab12" if n == 102 else None,
            expire=ShareExpiry.PERMANENT if n == 101 else ShareExpiry.SEVEN_DAYS,
        )
    dialog = ShareActions(Services(client), parent).open_my_shares()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 103, timeout=10_000)
    assert fake_api.calls("share/list") == 2  # 100 a page
    model = dialog.model
    assert [model.index(0, c).data() for c in (0, 2)] == ["s102", "ab12"]  # newest first
    assert model.index(1, 3).data() == "never" and model.index(2, 3).data() not in ("never", "expired")
    key = fake_api.shares()[-1].share_key
    assert model.index(0, 1).data() == f"https://www.123pan.com/s/{key}" and model.index(0, 4).data() == "0"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == f"Link: https://www.123pan.com/s/{key} Code: ab12"
    qtbot.mouseClick(dialog.qr_button, Qt.MouseButton.LeftButton)
    assert dialog.qr_dialog.link == f"https://www.123pan.com/s/{key}"


def test_my_shares_says_when_it_cannot_load(
    qtbot: Any, client: Pan123Client, fake_api: FakeApiServer, parent: QWidget
) -> None:
    fake_api.faults.add("share/list", "code5113", count=1)
    dialog = ShareActions(Services(client), parent).open_my_shares()
    qtbot.waitUntil(lambda: "Could not load" in dialog.status.text(), timeout=10_000)
    assert "Trace ID" in dialog.status.text() and not dialog.copy_button.isEnabled()
