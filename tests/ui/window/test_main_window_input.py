"""Dropping text and files on the window (and pasting copied files): IDs are appended, bad files are reported,
nothing else is lost. The file decoding rules themselves are tested in tests/core/test_text_files.py."""

from __future__ import annotations

import codecs
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from pan123_gui.core.text_files import (
    MAX_FILE_BYTES,
)
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.window.notices import Notice
from pan123_gui.ui.wording import window as w


def _mime(text: str | None = None, files: list[Path] | None = None) -> QMimeData:
    mime = QMimeData()
    if files is not None:
        mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    if text is not None:
        mime.setText(text)
    return mime


def _drop(widget: QWidget, mime: QMimeData) -> QDropEvent:
    """Deliver a real drag-enter + drop to ``widget`` (as Qt does for a drag from another application)."""
    point = QPoint(widget.width() // 2, widget.height() // 2)
    with warnings.catch_warnings():  # PySide6 6.12 offers only the deprecated QPoint constructor here
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)
    return drop


def _lines(window: MainWindow) -> list[str]:
    return [line for line in window.input.text().splitlines() if line.strip()]


# -------------------------------------------------------------------------------------------- drops


def test_dropped_text_appends_its_ids(qtbot: Any, window: MainWindow) -> None:
    window.input.set_text("already here: 111")
    drop = _drop(window, _mime("see fileID=10861131 and 10861132, 10861131 again"))
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: _lines(window) == ["already here: 111", "10861131", "10861132"])
    assert window.statusBar().currentMessage() == w.added_ids(2)
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_line(3, 0, 0))


def test_text_dropped_into_the_box_is_appended_not_inserted_at_the_mouse(qtbot: Any, window: MainWindow) -> None:
    window.input.set_text("first 1001\nsecond 1002")
    _drop(window.input.edit.viewport(), _mime("1003"))
    qtbot.waitUntil(lambda: _lines(window) == ["first 1001", "second 1002", "1003"])


def test_dropped_files_are_read_and_bad_ones_reported(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    good_txt = tmp_path / "list.txt"
    good_txt.write_text("10861131\n10861132\n", encoding="utf-8")
    gbk_csv = tmp_path / "导出.csv"
    gbk_csv.write_bytes("文件名,文件ID\n报告.pdf,10861133\n照片.zip,10861134\n".encode("gb18030"))
    bom_json = tmp_path / "files.json"
    bom_json.write_bytes(codecs.BOM_UTF8 + json.dumps([{"fileId": 10861135}, {"fileId": 10861136}]).encode())
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: big on paper, nothing to write
    undecodable = tmp_path / "odd.txt"
    undecodable.write_bytes(b"10861137 \x80\x80 \xff")
    folder = tmp_path / "a folder"
    folder.mkdir()

    window.input.set_text("kept 42")
    files = [good_txt, binary, gbk_csv, huge, bom_json, undecodable, folder, tmp_path / "gone.txt"]
    _drop(window, _mime(text="\n".join(str(f) for f in files), files=files))
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=10_000)

    # Every good file's IDs, in file order; the text/plain part (the paths) is ignored; the old text stays.
    assert _lines(window) == ["kept 42", *(str(i) for i in range(10861131, 10861137))]
    assert window.notice.current is Notice.FILES
    notice = window.notice.text.text()
    assert w.file_binary("picture.png") in notice
    assert "huge.txt" in notice and w.file_too_big("huge.txt", "", "").split(":")[0] in notice
    assert w.file_encoding("odd.txt") in notice
    assert w.file_is_folder("a folder") in notice
    assert w.file_missing("gone.txt") in notice
    assert "list.txt" not in notice and "导出.csv" not in notice
    assert window.statusBar().currentMessage() == w.added_ids(6)
    # The notice offers another way in, and can be dismissed.
    assert [b.text() for b in window.notice.buttons] == [w.action_open_files()]
    window.notice.close_button.click()
    assert not window.notice.isVisible()


def test_pasting_copied_files_reads_them(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    listing = tmp_path / "ids.txt"
    listing.write_text("10861138 10861139", encoding="utf-8")
    QApplication.clipboard().setMimeData(_mime(text=str(listing), files=[listing]))
    window.input.edit.setFocus()
    window.input.edit.paste()
    qtbot.waitUntil(lambda: _lines(window) == ["10861138", "10861139"])


def test_pasting_text_is_ordinary_editing(window: MainWindow) -> None:
    QApplication.clipboard().setText("a b 555")
    window.input.set_text("x ")
    window.input.edit.moveCursor(window.input.edit.textCursor().MoveOperation.End)
    window.input.edit.paste()
    assert window.input.text() == "x a b 555"


def test_a_drop_without_ids_says_so(qtbot: Any, window: MainWindow) -> None:
    _drop(window, _mime("nothing to see"))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == w.no_ids_in_drop())
    assert window.input.text() == ""


def test_open_files_from_the_menu(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pan123_gui.ui.window import desktop

    listing = tmp_path / "ids.csv"
    listing.write_text("fileID,name\n10861140,a.mp3\n", encoding="utf-8")
    monkeypatch.setattr(desktop, "ask_open_paths", lambda *a: [str(listing)])
    window.commands.act_open_files.trigger()
    qtbot.waitUntil(lambda: _lines(window) == ["10861140"])


def test_drops_can_be_undone(qtbot: Any, window: MainWindow) -> None:
    window.input.set_text("1001")
    _drop(window, _mime("2002 3003"))
    qtbot.waitUntil(lambda: _lines(window) == ["1001", "2002", "3003"])
    window.input.edit.undo()
    assert _lines(window) == ["1001"]


def test_a_pasted_folder_address_is_counted_not_no_ids_found(qtbot: Any, window: MainWindow) -> None:
    """A new user's first paste is often a folder address from the 123pan web app: the line under the box counts it
    (and says what to press) instead of saying that nothing was found."""
    from pan123_gui.demo.samples import FOLDER_ADDRESS

    window.input.set_text(FOLDER_ADDRESS)
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_line(0, 0, 0, folders=1))
    line = window.input.preview.text()
    assert line.startswith("1 folder address") and "press Ctrl+Enter" in line
    window.input.set_text(f"{FOLDER_ADDRESS}\n10861131 10861131")
    qtbot.waitUntil(lambda: window.input.preview.text() == w.preview_line(1, 1, 0, folders=1))
    assert "folder address" in window.input.preview.text() and "No file IDs" not in window.input.preview.text()
