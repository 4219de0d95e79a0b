"""More files the window meets where its kept list should be (each written here, in a temp folder): every damaged
kind is moved aside whole and said, none blocks the start or is read into memory; a list that cannot be written
(no data folder, a full disk) is said, and the notice goes once saving works again."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from test_main_window_keep import SAMPLE, close_for_good, kept_services, open_window, quit_button
from window_driver import resolve_text

from pan123_gui.app import Services
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.window.notices import Fix, Notice
from pan123_gui.ui.wording import window as w


@pytest.fixture(autouse=True)
def _no_window_left_open(qtbot: Any) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget) and widget.isVisible():
            close_for_good(qtbot, widget)


def _start(qtbot: Any, api: FakeApiServer, tmp_path: Path, session: Path) -> tuple[Services, MainWindow]:
    services = kept_services(api, tmp_path, session)
    return services, open_window(qtbot, services)


def _notice(win: MainWindow) -> tuple[Notice | None, str, list[str]]:
    bar = win.notice
    return bar.current, bar.text.text() if bar.isVisible() else "", [b.property("fix") for b in bar.buttons]


def _aside(folder: Path) -> list[Path]:
    return sorted(folder.glob("session.json.unreadable-*"))


def _valid_list() -> bytes:
    rows = [{"id": 10861131, "status": "ok", "link": "https://vip.123pan.cn/1/a.mp4"}]
    return json.dumps({"format": "pan123-gui session", "version": 1, "text": "", "rows": rows}).encode()


DAMAGED = {
    "truncated": _valid_list()[:40],
    "invalid utf-8": b'{"format": "pan123-gui session", "text": "\xff\xfe", "rows": []}',
    "another layout": json.dumps({"sessions": [{"ids": [1, 2, 3]}]}).encode(),
    "a JSON list": b"[10861131, 10861132]",
    "200,000-deep nesting": b"[" * 200_000 + b"]" * 200_000,
    "a later version": json.dumps({"format": "pan123-gui session", "version": 2, "rows": [], "tabs": []}).encode(),
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_list_the_window_cannot_read_is_put_aside_and_said(
    qtbot: Any, api: FakeApiServer, tmp_path: Path, content: bytes
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    session = folder / "session.json"
    session.write_bytes(content)
    services, win = _start(qtbot, api, tmp_path, session)
    try:
        current, text, _fixes = _notice(win)
        assert current is Notice.KEPT_LIST_SET_ASIDE
        (aside,) = _aside(folder)
        assert aside.read_bytes() == content  # kept whole, under a dated name
        assert aside.name in text
        assert win.model.rowCount() == 0 and win.input.text() == ""  # an empty list to start with

        api.add_sample_files()
        resolve_text(qtbot, win, SAMPLE)
        win.commands.act_copy_all.trigger()
        assert win.close() is True
        saved = json.loads(session.read_text(encoding="utf-8"))  # the new list is saved beside it
        assert len(saved["rows"]) == 3
        assert _aside(folder) == [aside] and aside.read_bytes() == content  # and the old one never deleted
    finally:
        services.close()


def test_a_gigabyte_of_junk_is_put_aside_unread(qtbot: Any, api: FakeApiServer, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    session = folder / "session.json"
    with session.open("wb") as fh:  # sparse: no disk used
        fh.write(b"\x00junk" * 1000)
        fh.truncate(1 << 30)
    services, win = _start(qtbot, api, tmp_path, session)
    try:
        current, _text, _fixes = _notice(win)
        assert current is Notice.KEPT_LIST_SET_ASIDE
        (aside,) = _aside(folder)
        assert aside.stat().st_size == 1 << 30 and not session.exists()
    finally:
        services.close()


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_at_the_list_is_moved_aside_unread(qtbot: Any, api: FakeApiServer, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    session = folder / "session.json"
    session.symlink_to("/dev/null")
    services, win = _start(qtbot, api, tmp_path, session)
    try:
        assert win.notice.current is Notice.KEPT_LIST_SET_ASIDE
        (aside,) = _aside(folder)
        assert os.readlink(aside) == "/dev/null"
    finally:
        services.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_at_the_list_does_not_hold_the_start(qtbot: Any, api: FakeApiServer, tmp_path: Path) -> None:
    import threading

    folder = tmp_path / "data"
    folder.mkdir()
    session = folder / "session.json"
    os.mkfifo(session)

    def unblock() -> None:  # only if the window ever opens it: then the test fails instead of hanging
        with contextlib.suppress(OSError):
            os.close(os.open(session, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(30, unblock)
    timer.daemon = True
    timer.start()
    try:
        services, win = _start(qtbot, api, tmp_path, session)
    finally:
        timer.cancel()
    try:
        current, _text, _fixes = _notice(win)
        assert current is Notice.KEPT_LIST_SET_ASIDE
        (aside,) = _aside(folder)
        assert stat.S_ISFIFO(os.lstat(aside).st_mode)  # moved aside, never opened
    finally:
        services.close()


def _not_saved_after_a_run(qtbot: Any, api: FakeApiServer, tmp_path: Path, session: Path) -> None:
    services, win = _start(qtbot, api, tmp_path, session)
    try:
        api.add_sample_files()
        resolve_text(qtbot, win, SAMPLE)
        current, _text, fixes = _notice(win)
        assert current is Notice.KEPT_LIST_NOT_SAVED
        assert fixes == [Fix.EXPORT.value]
        assert win.close() is False  # links not taken and a list not saved
        box = win.quitting.box
        assert box is not None and box.text() == w.quit_not_copied(3)
        assert box.informativeText() == w.quit_list_not_kept() != w.quit_list_kept()  # no promise
        assert quit_button(box, desktop.QuitChoice.EXPORT) is not None
        assert quit_button(box, desktop.QuitChoice.COPY_AND_QUIT) is not None
    finally:
        close_for_good(qtbot, win)
        services.close()


def test_a_data_folder_that_cannot_be_made_is_said(qtbot: Any, api: FakeApiServer, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    _not_saved_after_a_run(qtbot, api, tmp_path, blocker / "session.json")


@contextlib.contextmanager
def full_disk(limit: int = 4096) -> Iterator[None]:
    """The disk is full past ``limit`` bytes: the kernel refuses writes beyond it (RLIMIT_FSIZE, SIGXFSZ ignored)."""
    import resource
    import signal

    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_a_full_disk_is_said_and_the_notice_goes_once_saving_works(
    qtbot: Any, api: FakeApiServer, tmp_path: Path
) -> None:
    session = tmp_path / "data" / "session.json"
    services, win = _start(qtbot, api, tmp_path, session)
    try:
        api.add_sample_files()
        win.input.set_text(SAMPLE + "\n" + "notes " * 2000)  # the list is larger than what the disk takes
        resolve_text(qtbot, win, "")
        before = win.model.rowCount()
        assert before == 3
        with full_disk():
            assert win.save_session() is False
        current, text, _fixes = _notice(win)
        assert current is Notice.KEPT_LIST_NOT_SAVED and text
        assert not list(session.parent.glob("*.tmp"))  # no half-written temp file left
        assert win.save_session() is True  # room again
        assert win.notice.current is None
        assert len(json.loads(session.read_text(encoding="utf-8"))["rows"]) == 3
    finally:
        services.close()
