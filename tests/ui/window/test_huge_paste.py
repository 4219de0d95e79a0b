"""A paste too big for the box: its IDs are found on the pool and added, the window says so plainly (and offers
"Add IDs from files"), and the kept list keeps the IDs, never megabytes of text (real window, offscreen)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from test_main_window_keep import close_for_good, kept_services, open_window

from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.input.panel import MAX_BOX_CHARS
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.window.notices import Fix, Notice

IDS = [10861131, 10861132, 10861133]


def huge_text(chars: int) -> str:
    """Text over ``chars`` long with the same three IDs in it again and again (a log pasted by mistake)."""
    line = "2026-12-02 12:30 saw file 10861131, then 10861132 and fileID=10861133 (12 MB, 30 min)\n"
    return line * (chars // len(line) + 1)


def paste(win: MainWindow, text: str) -> None:
    QApplication.clipboard().setText(text)
    win.input.edit.setFocus()
    win.input.edit.paste()


def test_a_paste_too_big_for_the_box_gives_its_ids_and_says_so(qtbot: Any, window: MainWindow) -> None:
    window.input.set_text("12345\n")
    text = huge_text(MAX_BOX_CHARS + 1000)
    paste(window, text)
    assert window.input.text() == "12345\n"  # the megabyte never went into the box
    bar = window.notice
    assert bar.current is Notice.PASTE_TOO_BIG
    assert [b.property("fix") for b in bar.buttons] == [Fix.OPEN_FILES.value]
    assert "Add IDs from files" in bar.text.text()
    qtbot.waitUntil(lambda: not window.input.reading, timeout=120_000)
    assert window.input.text().split() == ["12345", *map(str, IDS)]  # found off the GUI thread, one a line
    assert window.input.ids() == [12345, *IDS]


def test_a_paste_that_fits_goes_into_the_box(qtbot: Any, window: MainWindow) -> None:
    paste(window, "10861131 10861132")
    assert window.input.text() == "10861131 10861132"
    assert window._notice is None or window.notice.current is not Notice.PASTE_TOO_BIG


def test_the_kept_list_keeps_ids_not_megabytes(qtbot: Any, api: FakeApiServer, tmp_path: Path) -> None:
    session = tmp_path / "data" / "session.json"
    services = kept_services(api, tmp_path, session)
    try:
        win = open_window(qtbot, services)
        paste(win, huge_text(MAX_BOX_CHARS + 1000))
        qtbot.waitUntil(lambda: not win.input.reading, timeout=120_000)
        close_for_good(qtbot, win)
        assert session.stat().st_size < 1000
        assert json.loads(session.read_text(encoding="utf-8"))["text"].split() == list(map(str, IDS))
    finally:
        services.close()


def test_a_huge_text_an_older_version_kept_comes_back_as_its_ids(
    qtbot: Any, api: FakeApiServer, tmp_path: Path
) -> None:
    session = tmp_path / "data" / "session.json"
    session.parent.mkdir()
    big = huge_text(MAX_BOX_CHARS * 2)
    session.write_text(
        json.dumps({"format": "pan123-gui session", "version": 1, "text": big, "rows": []}), encoding="utf-8"
    )
    services = kept_services(api, tmp_path, session)
    try:
        win = open_window(qtbot, services)
        assert len(win.input.text()) < 1000  # not laid out in the box
        qtbot.waitUntil(lambda: not win.input.reading, timeout=120_000)
        assert win.input.ids() == IDS
        close_for_good(qtbot, win)
        assert session.stat().st_size < 1000  # and saved small from now on
    finally:
        services.close()


def test_the_wording_names_the_sizes(qtbot: Any, window: MainWindow) -> None:
    from pan123_gui.ui.wording.errors import format_size

    paste(window, huge_text(50 * 1024 * 1024 // 10))  # 5 MB
    text = window.notice.text.text()
    assert format_size(MAX_BOX_CHARS) in text and "MB" in text
    assert "5.0 MB" in text
    qtbot.waitUntil(lambda: not window.input.reading, timeout=300_000)


def test_get_links_on_a_long_text_waits_for_the_count_off_the_gui_thread(qtbot: Any, window: MainWindow) -> None:
    from pan123_gui.ui.input.panel import SYNC_SCAN_CHARS
    from pan123_gui.ui.wording import window as w

    text = "10861131 10861132 " * (SYNC_SCAN_CHARS // 9)
    window.input.set_text(text)
    window.resolve_bar.resolve_button.click()  # at once: the 150 ms preview count has not even started
    assert not window.busy and window.input.scan() is None  # nothing counted on the GUI thread
    assert window.statusBar().currentMessage() == w.preview_counting()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=60_000)  # then the run starts by itself
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)


def test_pasting_over_a_selection_counts_what_stays(qtbot: Any, window: MainWindow) -> None:
    window.input.set_text("x" * (MAX_BOX_CHARS - 10))
    window.input.edit.selectAll()
    paste(window, "10861131 " * 1000)  # replaces the selection: the box stays well under the limit
    assert window.input.text().split()[:1] == ["10861131"]
    assert window._notice is None or window.notice.current is not Notice.PASTE_TOO_BIG


def test_a_box_typed_in_while_the_kept_list_was_read_keeps_both(qtbot: Any, api: FakeApiServer, tmp_path: Path) -> None:
    from pan123_gui.ui.window.session import SessionStore

    session = tmp_path / "data" / "session.json"
    services = kept_services(api, tmp_path, session)
    try:
        win = open_window(qtbot, services)
        win.input.set_text("10861190\n")  # typed while the kept list was still on its way
        saved = SessionStore(session)
        session.parent.mkdir(parents=True, exist_ok=True)
        session.write_text(
            json.dumps({"format": "pan123-gui session", "version": 1, "text": "10861131 10861132", "rows": []}),
            encoding="utf-8",
        )
        restored = saved.load()
        assert restored is not None
        win.keeping._kept_list_read(restored)  # the read reports back now
        qtbot.waitUntil(lambda: not win.input.reading)
        assert win.input.ids() == [10861190, 10861131, 10861132]
        close_for_good(qtbot, win)
    finally:
        services.close()
