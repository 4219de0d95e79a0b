"""The "Create share link…" dialog and the QR dialog, offscreen with pytest-qt, creating real shares on the fake
API over loopback: the ready text, the code, the expiry and traffic choices reaching the server, several shares
for >100 files, failures in words with the trace ID, and a QR code (shown, copied, saved) that decodes to the link."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from clients import make_client
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import SHARE_CREATE_PATH
from pan123_gui.core.shares import MAX_SHARE_NAME, ShareExpiry, ShareResult, TrafficOptions, create_shares
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import FOLDER_ID, UNKNOWN_ID, VIDEO_ID
from pan123_gui.ui.i18n import install_translators, remove_translators
from pan123_gui.ui.shares.qr_dialog import SHOWN_PIXELS, QrDialog
from pan123_gui.ui.shares.share_dialog import ShareDialog, suggested_name

TODAY = date(2026, 12, 1)


def decode(image: QImage) -> list[str]:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    bits = bytes(grey.constBits())
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(height))
    view = memoryview(rows).cast("B", shape=[height, width])
    return [b.text for b in zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.fixture
def client(fake_api: FakeApiServer) -> Iterator[Pan123Client]:
    fake_api.set_rate("share/create", None)
    with make_client(fake_api, token=fake_api.issue_token(), rates={SHARE_CREATE_PATH: 100.0}) as c:
        yield c


class Creator:
    """The job the window would pass: create_shares with the app's client, counting its calls."""

    def __init__(self, client: Pan123Client) -> None:
        self.client = client
        self.calls = 0

    def __call__(
        self,
        file_ids: Sequence[int],
        name: str,
        expire: ShareExpiry,
        password: str | None,
        traffic: TrafficOptions,
        *,
        cancel: threading.Event,
    ) -> list[ShareResult]:
        self.calls += 1
        return create_shares(
            self.client, file_ids, name=name, expire=expire, password=password, traffic=traffic, cancel=cancel
        )


def open_dialog(qtbot: Any, client: Pan123Client, files: list[tuple[int, str | None]], **kw: Any) -> ShareDialog:
    dialog = ShareDialog(files, Creator(client), today=TODAY, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def create(qtbot: Any, dialog: ShareDialog) -> None:
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.results) or bool(dialog.result_text.toPlainText()), timeout=10_000)


def test_suggested_names() -> None:
    assert suggested_name(["我从草原来.mp4"], TODAY) == "我从草原来 2026-12-01"
    assert suggested_name(["a.mp4", "b.mp4", None], TODAY) == "a and 2 more 2026-12-01"
    assert suggested_name([None, None], TODAY) == "2 files 2026-12-01"
    long = suggested_name(["周" * 80 + ".zip", "x"], TODAY)
    assert len(long) <= MAX_SHARE_NAME and long.endswith("2026-12-01")
    assert suggested_name(['a:"b"?.txt'], TODAY) == "a__b__ 2026-12-01"


def test_create_gives_ready_text_and_copies_it(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    dialog = open_dialog(qtbot, client, [(VIDEO_ID, "我从草原来.mp4"), (FOLDER_ID, "直链素材")], password="ab12")
    assert dialog.name_edit.text() == "我从草原来 and 1 more 2026-12-01"
    assert not dialog.copy_button.isVisible() and not dialog.qr_button.isVisible()
    dialog.expiry.setCurrentIndex(dialog.expiry.findData(int(ShareExpiry.THIRTY_DAYS)))
    qtbot.mouseClick(dialog.guests, Qt.MouseButton.LeftButton)
    create(qtbot, dialog)
    [made] = fake_api.shares()
    assert made.file_ids == (VIDEO_ID, FOLDER_ID) and made.password == "ab12" and made.expire_days == 30
    assert made.traffic_switch == 2 and made.name == "我从草原来 and 1 more 2026-12-01"
    assert dialog.ready_text() == f"Link: https://www.123pan.com/s/{made.share_key} Code: ab12"
    assert dialog.copy_button.isVisible() and not dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.ready_text()


def test_ready_text_in_chinese(qtbot: Any, qapp: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    install_translators(qapp, "zh_CN")
    try:
        dialog = open_dialog(qtbot, client, [(VIDEO_ID, "我从草原来.mp4")], password="ab12")
        assert dialog.windowTitle() == "创建分享链接"
        create(qtbot, dialog)
        key = fake_api.shares()[0].share_key
        assert dialog.ready_text() == f"链接：https://www.123pan.com/s/{key} 提取码：ab12"
    finally:
        remove_translators(qapp)


def test_suggested_names_in_chinese_count_the_other_files(qapp: Any) -> None:
    """One sentence for every count, and the number is always how many more files there are (not all of them)."""
    install_translators(qapp, "zh_CN")
    try:
        assert suggested_name(["a.mp4", "b.mp4"], TODAY) == "a 及另外 1 个 2026-12-01"
        assert suggested_name(["a.mp4", "b.mp4", "c.mp4"], TODAY) == "a 及另外 2 个 2026-12-01"
        assert suggested_name([None, None, None], TODAY) == "3 个文件 2026-12-01"
    finally:
        remove_translators(qapp)


def test_without_a_code(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    dialog = open_dialog(qtbot, client, [(VIDEO_ID, None)])
    assert len(dialog.code_edit.text()) == 4  # a code is suggested
    qtbot.mouseClick(dialog.code_switch, Qt.MouseButton.LeftButton)
    assert not dialog.code_edit.isEnabled()
    create(qtbot, dialog)
    assert fake_api.shares()[0].password == ""
    assert dialog.ready_text() == f"Link: https://www.123pan.com/s/{fake_api.shares()[0].share_key}"


def test_an_edited_code_is_checked_and_sent(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    dialog = open_dialog(qtbot, client, [(VIDEO_ID, None)])
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "a b")
    assert not dialog.create_button.isEnabled() and dialog.status.text()
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "Zx9")
    assert dialog.create_button.isEnabled()
    create(qtbot, dialog)
    assert fake_api.shares()[0].password == "Zx9"


def test_many_files_become_numbered_shares(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    ids = [60_000_000 + i for i in range(120)]
    for file_id in ids:
        fake_api.add_file(file_id, f"{file_id}.jpg", 1)
    dialog = open_dialog(qtbot, client, [(i, f"{i}.jpg") for i in ids], password="ab12")
    dialog.name_edit.setText("相册")
    assert "2" in dialog.name_hint.text()
    create(qtbot, dialog)
    first, second = fake_api.shares()
    assert (first.name, second.name) == ("相册 (1／2)", "相册 (2／2)")
    assert dialog.ready_text().splitlines() == [
        f"相册 (1／2): Link: https://www.123pan.com/s/{first.share_key} Code: ab12",
        f"相册 (2／2): Link: https://www.123pan.com/s/{second.share_key} Code: ab12",
    ]


def test_a_refused_share_says_why_with_the_trace_id(qtbot: Any, client: Pan123Client, fake_api: FakeApiServer) -> None:
    dialog = open_dialog(qtbot, client, [(UNKNOWN_ID, None)])
    create(qtbot, dialog)
    text = dialog.ready_text()
    assert "not created" in text and "123pan has no file" in text and "Trace ID" in text
    assert dialog.create_button.isEnabled()  # try again after fixing
    assert not dialog.copy_button.isVisible()


def test_keyboard_reaches_every_choice(qtbot: Any, client: Pan123Client) -> None:
    dialog = open_dialog(qtbot, client, [(VIDEO_ID, None)])
    dialog.activateWindow()
    qtbot.waitUntil(dialog.name_edit.hasFocus)  # typing starts in the name
    for widget in (dialog.expiry, dialog.code_edit, dialog.new_code, dialog.guests, dialog.over_quota):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    old = dialog.code_edit.text()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "New co&de"
    qtbot.waitUntil(lambda: dialog.code_edit.text() != old)  # a button's mnemonic clicks after a short animation
    assert len(dialog.code_edit.text()) == 4
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "on &my traffic"
    qtbot.waitUntil(dialog.guests.isChecked)


# --- QR dialog ------------------------------------------------------------------------------------------------------


def test_qr_from_the_share_dialog_decodes_to_the_link(
    qtbot: Any, client: Pan123Client, fake_api: FakeApiServer
) -> None:
    dialog = open_dialog(qtbot, client, [(VIDEO_ID, None)], password="ab12")
    create(qtbot, dialog)
    qtbot.mouseClick(dialog.qr_button, Qt.MouseButton.LeftButton)
    qr = dialog.qr_dialog
    url = f"https://www.123pan.com/s/{fake_api.shares()[0].share_key}"
    shown = qr.code.pixmap().toImage()
    assert shown.width() >= SHOWN_PIXELS
    assert decode(shown) == [url]
    qr.close()


def test_qr_copy_and_save(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    link = "https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95/a.mp4"
    dialog = QrDialog(link)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert decode(QGuiApplication.clipboard().image()) == [link]
    target = tmp_path / "code"
    monkeypatch.setattr("pan123_gui.ui.shares.qr_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "code.png"
    assert decode(QImage(str(saved))) == [link]
    assert str(saved) in dialog.status.text()


def test_qr_save_failure_is_said(qtbot: Any, tmp_path: Path) -> None:
    dialog = QrDialog("https://www.123pan.com/s/abc")
    qtbot.addWidget(dialog)
    assert not dialog.save_to(tmp_path / "missing" / "x.png")
    assert dialog.status.text().startswith("Could not save")


@pytest.mark.parametrize("link", ["javascript:alert(1)", "file:///etc/passwd", ""])
def test_qr_only_for_http_links(link: str) -> None:
    with pytest.raises(ValueError):
        QrDialog(link)
