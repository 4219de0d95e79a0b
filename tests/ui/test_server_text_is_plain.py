"""Server text on screen is plain text: row tooltips, labels and message boxes never render it as Qt rich text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult, SpaceFolder, UserInfo
from pan123_gui.ui.plain_text import tooltip
from pan123_gui.ui.results.model import COL_STATUS
from pan123_gui.ui.spaces.account_label import AccountLabel
from pan123_gui.ui.spaces.enable_prompt import enable_message_box
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.wording import window as w

MARKUP = '<img src="https://evil.example/x.png"><b>bold</b><a href="file:///etc">click</a>'


def test_a_server_message_in_a_row_tooltip_is_shown_as_written(qtbot: Any, window: MainWindow) -> None:
    window.model.add_pending([5])
    window.model.apply_results(
        [LinkResult(5, error=f"API error: {MARKUP}", error_kind=ErrorKind.API, error_code=20103, server_message=MARKUP)]
    )
    view = window.view
    row = view.model().index(0, COL_STATUS)
    rect = view.visualRect(row)
    assert rect.isValid()
    raw = row.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(raw, str) and "<b>bold</b>" in raw
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(view.viewport(), event)
    shown = QToolTip.text()
    assert shown == tooltip(raw)
    assert "<b>" not in shown and "&lt;b&gt;bold&lt;/b&gt;" in shown  # the markup is text, not formatting
    QToolTip.hideText()


def test_outside_the_rows_the_views_own_help_still_shows(qtbot: Any, window: MainWindow) -> None:
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), window.view.viewport().mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(window.view.viewport(), event)
    assert QToolTip.text() in ("", w.results_tip())
    QToolTip.hideText()


def test_folder_names_in_the_switch_on_question_are_plain(qtbot: Any) -> None:
    box, _ = enable_message_box(None, [SpaceFolder(1, MARKUP)], 3, None)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in box.text()
    box.deleteLater()


def test_the_account_label_is_plain(qtbot: Any) -> None:
    label = AccountLabel()
    qtbot.addWidget(label)
    label.show_account(UserInfo(uid=1, nickname=MARKUP, vip=True, direct_traffic=1, vip_label=MARKUP))
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_credentials_dialog_shows_results_as_plain_text(qtbot: Any, services: Any) -> None:
    from pan123_gui.ui.dialogs.credentials import CredentialsDialog

    dialog = CredentialsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show_result(MARKUP, ok=False)
    assert dialog.result_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.result_label.text() == MARKUP


def test_share_and_qr_dialogs_show_server_text_as_plain(qtbot: Any) -> None:
    from pan123_gui.ui.shares.qr_dialog import QrDialog
    from pan123_gui.ui.shares.share_dialog import ShareDialog

    qr = QrDialog("https://www.123pan.com/s/abc?x=<b>y</b>")
    qtbot.addWidget(qr)
    assert qr.link_label.textFormat() == Qt.TextFormat.PlainText
    assert qr.status.textFormat() == Qt.TextFormat.PlainText
    share = ShareDialog([(1, MARKUP)], lambda *a, **k: [])  # type: ignore[arg-type]
    qtbot.addWidget(share)
    assert share.status.textFormat() == Qt.TextFormat.PlainText
    assert share.name_hint.textFormat() == Qt.TextFormat.PlainText
