"""Small things a first-time user tripped over, in the real window against the fake API over loopback: the idle
progress bar, the progress line after a language switch, the Language button, the Link column, demo settings, the
validity range, "Copy all & quit" without a clipboard manager, Ctrl+Shift+C with every link expired."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from window_driver import resolve_text

from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.i18n import install_translators
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.wording import window as w


@pytest.fixture
def back_to_english() -> Iterator[None]:
    yield
    install_translators(QApplication.instance(), "en")  # type: ignore[arg-type]


def _language(window: MainWindow, code: str) -> None:
    next(a for a in window.commands.language_actions if a.data() == code).trigger()


def test_the_progress_bar_shows_only_once_there_is_progress(qtbot: Any, window: MainWindow) -> None:
    bar = window.resolve_bar.progress
    assert not bar.isVisible()  # idle, an empty bar looks like a text field waiting for input
    resolve_text(qtbot, window, "10861131 10861132")
    assert bar.isVisible() and bar.value() == bar.maximum() == 2
    window.model.clear()
    window.resolve_bar.reset_progress()
    assert not bar.isVisible()


def test_the_progress_line_follows_a_language_switch(
    qtbot: Any, window: MainWindow, api: FakeApiServer, back_to_english: None
) -> None:
    resolve_text(qtbot, window, "10861131 10861190")  # one link, one file outside a direct-link space
    english = window.resolve_bar.counts.text()
    assert english == w.progress_text(2, 2, 1) == "2 / 2 · 1 failed"
    _language(window, "zh_CN")
    chinese = window.resolve_bar.counts.text()
    assert chinese == w.progress_text(2, 2, 1) != english
    _language(window, "en")
    assert window.resolve_bar.counts.text() == english


def test_settings_and_the_window_offer_one_validity_range(qtbot: Any, window: MainWindow, services: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from pan123_gui.settings import VALID_MINUTES_MAX
    from pan123_gui.ui.dialogs.settings import SettingsDialog

    def choices(combo: Any) -> list[int]:
        return [combo.itemData(i) for i in range(combo.count())]

    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    assert choices(dialog.valid_combo) == choices(window.resolve_bar.valid_combo)
    assert max(choices(dialog.valid_combo)) == VALID_MINUTES_MAX  # as far as Settings (and pan123-link) go
    dialog.valid_combo.setCurrentIndex(dialog.valid_combo.findData(VALID_MINUTES_MAX))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    window._load_settings()  # what closing the dialog from the menu does
    assert window.resolve_bar.valid_minutes() == VALID_MINUTES_MAX  # not clipped by the window's combo
    assert window.resolve_bar.valid_combo.currentText() == w.days(7)

    services.settings.valid_minutes = 45  # a value from elsewhere (an older version): kept, in both
    window._load_settings()
    assert window.resolve_bar.valid_minutes() == 45
    again = SettingsDialog(services, window)
    qtbot.addWidget(again)
    assert again.valid_combo.minutes() == 45


def test_the_link_column_reads_as_a_path_and_copying_gives_the_link(
    qtbot: Any, window: MainWindow, api: FakeApiServer
) -> None:
    from window_driver import clipboard_text

    from pan123_gui.ui.results.model import COL_LINK, ResultsModel

    resolve_text(qtbot, window, "10861131")
    link = api.expected_url(10861131)
    assert "%E6%88%91" in link  # the API sends the path percent-encoded (我 = %E6%88%91)
    index = window.view.proxy.index(0, COL_LINK)
    shown = index.data()
    assert "我从草原来.mp4" in shown and "%" not in shown
    assert index.data(ResultsModel.LinkRole) == link
    window.commands.act_copy_all.trigger()
    assert clipboard_text() == link + "\n"


def test_readable_link_leaves_what_does_not_decode_cleanly() -> None:
    from pan123_gui.core.links import readable_link

    assert readable_link("https://h.example/a/%E7%AC%AC1%E9%9B%86.mp4?x=%20") == "https://h.example/a/第1集.mp4?x=%20"
    assert readable_link("https://h.example/a%20b.txt") == "https://h.example/a b.txt"
    for odd in ("https://h.example/%FF.bin", "https://h.example/a%0Ab", "https://h.example/x%E2%80%AEfdp.exe"):
        assert readable_link(odd) == odd  # stray bytes, a line break, a right-to-left override
    assert readable_link("https://h.example/plain.txt") == "https://h.example/plain.txt"


def test_the_language_button_has_an_icon_and_a_plain_arrow(window: MainWindow) -> None:
    from pan123_gui.ui.window.commands import MENU_ARROW

    button = window.commands.language_button
    assert not button.icon().isNull()
    assert button.text() == w.plain(w.menu_language()) + " " + MENU_ARROW
    assert button.accessibleName() == w.plain(w.menu_language())  # a screen reader does not read the arrow
    assert button.menu() is window.commands.menu_language


def test_copy_all_and_quit_says_to_paste_first_where_the_clipboard_dies_with_the_app(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from window_driver import clipboard_text

    from pan123_gui.ui.window import desktop

    monkeypatch.setattr(desktop, "clipboard_survives_quit", lambda: False)  # Linux without a clipboard manager
    resolve_text(qtbot, window, "10861131 10861132")
    assert window.close() is False
    box = window.quitting.box
    assert box is not None
    next(b for b in box.buttons() if b.objectName() == desktop.QuitChoice.COPY_AND_QUIT.value).click()

    qtbot.waitUntil(lambda: window.quitting.box is not None and window.quitting.box is not box)
    paste = window.quitting.box
    assert paste is not None and paste.isVisible()
    assert window.isVisible()  # not gone yet: the links would vanish with it
    assert paste.text() == w.clipboard_lost_on_quit(2)
    assert clipboard_text().split() == window.model.successful_links()
    next(b for b in paste.buttons() if b.objectName() == desktop.QuitChoice.QUIT.value).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_clipboard_check_answers_on_every_platform(qtbot: Any) -> None:
    from pan123_gui.ui.window import desktop

    assert desktop.clipboard_survives_quit() is True  # offscreen (like Windows and macOS): nothing to hand over
    assert desktop._x11_clipboard_manager_running() in (True, False)  # no X server here: False, never an error


def test_copy_all_with_every_link_expired_says_so_and_offers_to_re_sign(
    qtbot: Any, window: MainWindow, api: FakeApiServer
) -> None:
    from datetime import UTC, datetime, timedelta

    from window_driver import wait_idle

    from pan123_gui.ui.row_status import RowStatus
    from pan123_gui.ui.window.notices import Notice

    window.resolve_bar.sign_check.setChecked(True)
    resolve_text(qtbot, window, "10861131 10861132")
    window.model.refresh_expiry(datetime.now(UTC) + timedelta(days=2))
    window.refresh_expiry()
    assert window.model.counts()[RowStatus.EXPIRED] == 2
    assert window.commands.act_copy_all.isEnabled()  # Ctrl+Shift+C still answers

    window.commands.act_copy_all.trigger()
    assert window.statusBar().currentMessage() == w.all_links_expired(2)
    assert window.notice.isVisible() and window.notice.current is Notice.LINKS_EXPIRED
    resign = window.notice.buttons[0]
    assert resign.text() == w.resign_button()
    resign.click()
    wait_idle(qtbot, window)
    assert window.model.counts()[RowStatus.OK] == 2
    assert not window.notice.isVisible()
