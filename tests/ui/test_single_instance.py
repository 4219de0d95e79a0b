"""One window per kept list: a second start hands its arguments over and the first window comes forward."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from test_app import app_env as app_env  # a pytest fixture

import pan123_gui.__main__ as entry
from pan123_gui.ui.single_instance import FirstInstance, hand_over, instance_key
from pan123_gui.ui.wording import window as w


def test_a_second_instance_cannot_take_the_lock_and_hands_its_arguments_over(qtbot: Any, tmp_path: Path) -> None:
    session = tmp_path / "data" / "session.json"
    first = FirstInstance(session)
    assert first.acquire()
    received: list[list[str]] = []
    assert first.listen(received.append)
    second = FirstInstance(session)
    assert not second.acquire()
    assert hand_over(second.key, ["--lang", "en", "10861131"])
    qtbot.waitUntil(lambda: received == [["--lang", "en", "10861131"]])
    first.release()
    assert second.acquire()  # free again once the first one is gone
    second.release()


def test_a_first_instance_that_does_not_answer_is_reported_not_joined(tmp_path: Path) -> None:
    session = tmp_path / "session.json"
    first = FirstInstance(session)
    assert first.acquire()  # holds the list but never listens (a hung window)
    assert not hand_over(instance_key(session), [], timeout_ms=300)
    first.release()


def test_a_lock_left_by_a_crashed_run_is_taken_over(tmp_path: Path) -> None:
    session = tmp_path / "session.json"
    crash = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from pan123_gui.ui.single_instance import FirstInstance\n"
        "i = FirstInstance(Path(sys.argv[1]))\n"
        "assert i.acquire()\n"
        "os._exit(0)\n"  # no unlock: the lock file stays behind
    )
    subprocess.run([sys.executable, "-c", crash, str(session)], check=True, timeout=60)
    assert (tmp_path / "session.json.lock").exists()
    again = FirstInstance(session)
    assert again.acquire()
    again.release()


def test_garbage_from_a_second_start_still_brings_the_window_forward(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtNetwork import QLocalSocket

    first = FirstInstance(tmp_path / "session.json")
    assert first.acquire()
    received: list[list[str]] = []
    first.listen(received.append)
    socket = QLocalSocket()
    socket.connectToServer(first.key)
    assert socket.waitForConnected(2000)
    socket.write(b"[" * 100_000)
    socket.waitForBytesWritten(2000)
    socket.disconnectFromServer()
    qtbot.waitUntil(lambda: received == [[]])
    first.release()


def test_a_second_start_of_the_app_brings_the_first_window_forward(
    qtbot: Any,
    app_env: Path,
    memory_keyring: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entry, "prompt_for_credentials", lambda services, window: True)
    app = entry.create_application()
    services, window = entry.start(app, demo=False, lang="en")
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.first_paint_done)
        with pytest.raises(entry.AlreadyOpen) as caught:
            entry.start(app, demo=False, lang="en")
        assert caught.value.answered
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == w.brought_forward())
        assert [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()] == [
            window
        ]
    finally:
        window.close()
        services.close()


def test_bring_forward_shows_the_window_and_says_why(qtbot: Any, window: Any) -> None:
    window.showMinimized()
    window.bring_forward(["--demo"])
    assert not window.isMinimized()
    assert window.statusBar().currentMessage() == w.brought_forward()


def test_a_long_command_line_is_handed_over_whole(qtbot: Any, tmp_path: Path) -> None:
    session = tmp_path / "data" / "session.json"
    first = FirstInstance(session)
    assert first.acquire()
    received: list[list[str]] = []
    assert first.listen(received.append)
    items = [str(10_000_000 + n) for n in range(20_000)] + ["文件 " * 20_000]  # about 300 KB: every item arrives
    (tmp_path / "items.json").write_text(json.dumps(items), encoding="utf-8")
    send = (  # from another process, as a second start does (this one must keep reading meanwhile)
        "import json, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from pan123_gui.ui.single_instance import hand_over, instance_key\n"
        "app = QCoreApplication([])\n"
        "items = json.loads(Path(sys.argv[2]).read_text(encoding='utf-8'))\n"
        "sys.exit(0 if hand_over(instance_key(Path(sys.argv[1])), items, timeout_ms=60_000) else 3)\n"
    )
    second = subprocess.Popen([sys.executable, "-c", send, str(session), str(tmp_path / "items.json")])
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=90_000)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0
    qtbot.waitUntil(lambda: len(received) == 1, timeout=30_000)
    assert received[0] == items
    first.release()
