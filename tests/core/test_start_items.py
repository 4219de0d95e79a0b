"""The window's command-line items: existing paths become absolute files, everything else is text."""

from __future__ import annotations

import os
from pathlib import Path

from pan123_gui.core.start_items import absolute_items, split_items


def test_existing_paths_become_absolute_and_text_stays_text(tmp_path: Path) -> None:
    (tmp_path / "ids.txt").write_text("10861131\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    items = absolute_items(["ids.txt", "10861132", "fileID=10861133", "folder", "missing.txt", ""], cwd=tmp_path)
    assert items == [str(tmp_path / "ids.txt"), "10861132", "fileID=10861133", str(tmp_path / "folder"), "missing.txt"]
    files, texts = split_items(items)
    assert files == [tmp_path / "ids.txt", tmp_path / "folder"]  # a folder is a file item: reading it says why
    assert texts == ["10861132", "fileID=10861133", "missing.txt"]


def test_an_absolute_path_that_is_gone_is_still_a_file_so_its_absence_is_said(tmp_path: Path) -> None:
    gone = str(tmp_path / "gone.txt")
    assert absolute_items([gone]) == [gone]
    assert split_items([gone]) == ([Path(gone)], [])


def test_names_no_file_system_takes_are_text() -> None:
    assert absolute_items(["a\0b", "x" * 5000]) == ["a\0b", "x" * 5000]


def test_a_long_command_line_keeps_every_item(tmp_path: Path) -> None:
    many = [str(n) for n in range(1, 20_001)]  # pan123-gui $(cat ids.txt): every ID counts
    assert absolute_items(many, cwd=tmp_path) == many
    assert split_items(many) == ([], many)
    assert os.path.isabs(absolute_items(["."], cwd=tmp_path)[0])
