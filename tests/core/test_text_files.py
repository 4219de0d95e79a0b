"""Reading file IDs out of files (core/text_files.py): encodings, binary files, one bad file never loses the rest."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pan123_gui.core.text_files import FileProblem, NotTextError, decode_text, looks_binary, read_ids


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("文件 10861131".encode(), "文件 10861131"),
        (codecs.BOM_UTF8 + "文件 1".encode(), "文件 1"),
        ("中文文件名 123".encode("gb18030"), "中文文件名 123"),
        ("表 7".encode("utf-16"), "表 7"),  # with a BOM
        (b"", ""),
    ],
)
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"PK\x03\x04\x00\x00binary zip", FileProblem.BINARY),
        (bytes(range(1, 32)) * 10, FileProblem.BINARY),
        (b"abc \x80\x80 \xff", FileProblem.ENCODING),
    ],
)
def test_not_text(data: bytes, problem: FileProblem) -> None:
    with pytest.raises(NotTextError) as info:
        decode_text(data)
    assert info.value.problem is problem


def test_text_with_tabs_and_newlines_is_not_binary() -> None:
    assert not looks_binary(b"a\tb\r\nc\n" * 100)


def test_read_ids_keeps_going_after_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02")
    good = tmp_path / "good.txt"
    good.write_text("5 6 5", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("no ids", encoding="utf-8")
    outcome = read_ids([bad, good, empty], ["7 5"])
    assert outcome.ids == [7, 5, 6]
    assert outcome.files_read == 2
    assert [(i.name, i.problem) for i in outcome.issues] == [
        ("bad.bin", FileProblem.BINARY),
        ("empty.txt", FileProblem.NO_IDS),
    ]
    assert [i.name for i in outcome.problems] == ["bad.bin"]
