"""write_atomically: the one way the app replaces a file (the kept list, exports)."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from pan123_gui.core import atomic_write
from pan123_gui.core.atomic_write import write_atomically


def test_replaces_the_file_whole_with_the_given_mode(tmp_path: Path) -> None:
    target = tmp_path / "list.json"
    target.write_bytes(b"old")
    write_atomically(target, "新的 list".encode(), mode=0o600)
    assert target.read_bytes() == "新的 list".encode()
    if sys.platform != "win32":
        assert os.stat(target).st_mode & 0o777 == 0o600
        write_atomically(target, b"doc", mode=0o644)
        assert os.stat(target).st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.json"]  # no temp file left


def test_a_failed_replace_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old and whole")

    def refuse(src: str, dst: object) -> None:
        raise PermissionError("target is open in another program")

    monkeypatch.setattr(atomic_write.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_atomically(target, b"new", mode=0o644)
    assert target.read_bytes() == b"old and whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_parents_are_made_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "data" / "app" / "session.json"
    with pytest.raises(FileNotFoundError):
        write_atomically(target, b"x", mode=0o600)
    write_atomically(target, b"x", mode=0o600, make_parents=True)
    assert target.read_bytes() == b"x"


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need extra rights on Windows")
def test_the_temp_file_is_created_exclusively_even_when_its_name_was_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    target = tmp_path / "session.json"
    (tmp_path / ".session.json.guessed.tmp").symlink_to(victim)  # someone guessed the next temp name
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: iter(["guessed", "free"]))
    write_atomically(target, b"the list", mode=0o600)
    assert target.read_bytes() == b"the list"
    assert victim.read_bytes() == b"precious"  # the guessed name was skipped, not followed


def test_writers_at_the_same_time_never_share_a_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "session.json"
    payloads = [bytes([65 + n]) * 100_000 for n in range(8)]
    errors: list[BaseException] = []

    def write(data: bytes) -> None:
        try:
            for _ in range(5):
                write_atomically(target, data, mode=0o600)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(data,)) for data in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert target.read_bytes() in payloads  # one writer's whole file, never a mix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.json"]
