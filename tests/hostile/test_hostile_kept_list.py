"""The kept list is never lost: damaged, huge, odd or unwritable session files, each one a case."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from pan123_gui.core.models import LinkResult
from pan123_gui.ui.results.model import ResultsModel
from pan123_gui.ui.window.session import MAX_SESSION_BYTES, SessionProblem, SessionStore

GOOD = {"format": "pan123-gui session", "version": 1, "text": "1 2", "rows": [{"id": 1, "status": "cancelled"}]}


@pytest.fixture
def model(qapp: Any) -> ResultsModel:
    m = ResultsModel()
    m.add_pending([7])
    m.apply_results([LinkResult(7, url="https://vip.123pan.cn/1/7.bin", unsigned_url="https://vip.123pan.cn/1/7.bin")])
    return m


def _aside(folder: Path) -> list[Path]:
    return sorted(folder.glob("session.json.unreadable-*"))


@pytest.mark.parametrize(
    "content",
    [
        json.dumps(GOOD).encode()[:40],  # cut off
        b"\xff\xfe\x00garbage \x80\x81",  # not UTF-8
        b"not json at all",
        json.dumps([1, 2, 3]).encode(),  # a JSON list
        json.dumps({"format": "another app", "rows": []}).encode(),  # another layout
        b"[" * 200_000 + b"]" * 200_000,  # nested 200,000 deep
        json.dumps({**GOOD, "rows": [{"id": 1, "status": "ok", "link": ["x"] * 3}] * 2}).encode()[:-1],
    ],
    ids=["truncated", "invalid-utf8", "not-json", "json-list", "other-layout", "deep", "cut-rows"],
)
def test_an_unreadable_list_is_moved_aside_with_a_date_and_never_replaced(
    tmp_path: Path, model: ResultsModel, content: bytes
) -> None:
    path = tmp_path / "session.json"
    path.write_bytes(content)
    store = SessionStore(path)
    assert store.load() is None
    assert store.problem is SessionProblem.UNREADABLE
    assert store.set_aside is not None and store.set_aside.read_bytes() == content  # kept, byte for byte
    assert _aside(tmp_path) == [store.set_aside]
    assert store.save("", model)  # the new list goes to session.json; the old one stays aside
    assert store.set_aside.read_bytes() == content


def test_a_huge_file_is_not_read_into_memory(tmp_path: Path, model: ResultsModel) -> None:
    path = tmp_path / "session.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_SESSION_BYTES + 1)  # sparse: huge on paper, nothing on disk
    store = SessionStore(path)
    assert store.load() is None
    assert store.problem is SessionProblem.TOO_LARGE
    assert store.set_aside is not None and store.set_aside.stat().st_size == MAX_SESSION_BYTES + 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_the_path_is_never_opened(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    os.mkfifo(path)
    done = threading.Event()
    box: list[object] = []

    def load() -> None:
        box.append(SessionStore(path).load())
        done.set()

    threading.Thread(target=load, daemon=True).start()
    assert done.wait(10), "loading blocked on the FIFO"
    assert box == [None]
    assert not path.exists()
    assert len(_aside(tmp_path)) == 1


def test_a_folder_at_the_path_is_left_alone_and_saving_says_why(tmp_path: Path, model: ResultsModel) -> None:
    path = tmp_path / "session.json"
    (path / "inside").mkdir(parents=True)
    store = SessionStore(path)
    assert store.load() is None and store.problem is SessionProblem.FOLDER
    assert not store.save("1", model)
    assert store.save_error
    store.clear()
    assert (path / "inside").is_dir()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_an_unreadable_list_that_cannot_be_moved_is_never_saved_over(tmp_path: Path, model: ResultsModel) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "session.json"
    path.write_bytes(b"{broken")
    folder.chmod(0o500)
    try:
        store = SessionStore(path)
        assert store.load() is None and store.set_aside is None
        assert not store.save("", model)
        assert path.read_bytes() == b"{broken"
    finally:
        folder.chmod(0o700)


def test_an_unreadable_list_that_cannot_be_moved_is_never_saved_over_as_root(
    tmp_path: Path, model: ResultsModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "session.json"
    path.write_bytes(b"{broken")

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    store = SessionStore(path)
    assert store.load() is None and store.set_aside is None
    assert not store.save("1 2 3", model)
    store.clear()
    assert path.read_bytes() == b"{broken"


def test_a_read_only_data_folder_makes_save_say_so(
    tmp_path: Path, model: ResultsModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pan123_gui.core.atomic_write as atomic

    def full(*args: object, **kw: object) -> tuple[int, str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", full)
    store = SessionStore(tmp_path / "session.json")
    assert not store.save("1", model)
    assert store.save_error == "No space left on device"


def test_a_planted_temp_symlink_is_never_written_through(tmp_path: Path, model: ResultsModel) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    path = tmp_path / "session.json"
    (tmp_path / "session.json.tmp").symlink_to(victim)
    os.symlink(victim, tmp_path / ".session.json.tmp")
    assert SessionStore(path).save("1 2", model)
    assert victim.read_text() == "precious"
    assert json.loads(path.read_text())["format"] == "pan123-gui session"


def test_a_symlink_at_the_path_is_replaced_not_written_through(tmp_path: Path, model: ResultsModel) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    path = tmp_path / "session.json"
    path.symlink_to(victim)
    assert SessionStore(path).save("1 2", model)
    assert victim.read_text() == "precious" and not path.is_symlink()


def test_a_good_list_still_comes_back(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    path.write_text(json.dumps(GOOD))
    store = SessionStore(path)
    saved = store.load()
    assert saved is not None and saved.text == "1 2" and [r.file_id for r in saved.results] == [1]
    assert store.problem is None and _aside(tmp_path) == []
