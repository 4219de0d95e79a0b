"""IDs, text and files given to ``pan123-gui`` on its command line reach the box: on the first start after the kept
list came back, and from a second start (in this process and as a real second process) in the window already open,
which comes forward; the second start ends with 0. A demo start never hands over to the real window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from test_app import ROOT
from test_app import app_env as app_env  # a pytest fixture

import pan123_gui.__main__ as entry
from pan123_gui.app import default_session_file
from pan123_gui.core.start_items import absolute_items
from pan123_gui.ui.window.main_window import MainWindow
from pan123_gui.ui.wording import window as w


@pytest.fixture
def no_prompt(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setattr(entry, "prompt_for_credentials", lambda services, window: True)


def _first(qtbot: Any, items: list[str]) -> tuple[Any, MainWindow]:
    app = entry.create_application()
    services, window = entry.start(app, demo=False, lang="en", items=items)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.first_paint_done)
    qtbot.waitUntil(lambda: not window.input.reading)
    return services, window


def test_the_first_start_puts_its_items_after_the_kept_box(
    qtbot: Any, app_env: Path, no_prompt: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry.create_application()  # the app's names decide the data folder
    session = default_session_file()
    assert session is not None and app_env in session.parents
    session.parent.mkdir(parents=True, exist_ok=True)
    kept = {"format": "pan123-gui session", "version": 1, "text": "777777\n", "rows": []}
    session.write_text(json.dumps(kept), encoding="utf-8")
    (app_env / "ids.txt").write_text("10861132\n10861133\n", encoding="utf-8")
    monkeypatch.chdir(app_env)
    services, window = _first(qtbot, absolute_items(["ids.txt", "see 10861131"]))
    try:
        qtbot.waitUntil(lambda: len(window.input.ids()) == 4)
        assert window.input.ids()[0] == 777777  # the kept box text came back first, nothing pushed aside
        assert sorted(window.input.ids()[1:]) == [10861131, 10861132, 10861133]
    finally:
        window.close()
        services.close()


def test_a_second_start_hands_its_items_to_the_open_window(
    qtbot: Any, app_env: Path, no_prompt: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    services, window = _first(qtbot, [])
    try:
        other = app_env / "elsewhere"
        other.mkdir()
        (other / "more.txt").write_text("10861190", encoding="utf-8")
        monkeypatch.chdir(other)  # the second start runs in another folder: its relative file still counts
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        with pytest.raises(entry.AlreadyOpen) as caught:
            entry.start(app, demo=False, lang="en", items=absolute_items(["more.txt", "10861100"]))
        assert caught.value.answered
        qtbot.waitUntil(lambda: sorted(window.input.ids()) == [10861100, 10861190])
        assert window.statusBar().currentMessage() in (w.brought_forward(), w.added_ids(2))
    finally:
        window.close()
        services.close()


def test_a_second_process_hands_over_and_ends_with_zero(
    qtbot: Any, app_env: Path, no_prompt: None, tmp_path: Path
) -> None:
    services, window = _first(qtbot, [])
    try:
        (tmp_path / "ids.txt").write_text("fileID=10861132", encoding="utf-8")
        env = dict(os.environ)  # the same data folder (XDG_DATA_HOME from app_env): the same kept list
        env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(tmp_path / "home"),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            PAN123_QUIT_AFTER_MS="0",  # should it ever open a second window, it closes again (and the test fails)
        )
        second = subprocess.Popen(
            [sys.executable, "-m", "pan123_gui", "--lang", "en", "10861131", "ids.txt"],
            cwd=tmp_path,
            env={**env, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=90_000)  # the window answers meanwhile
        finally:
            if second.poll() is None:
                second.kill()
        out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert "PAN123_SHOWN" not in out  # no second window was opened
        qtbot.waitUntil(lambda: sorted(window.input.ids()) == [10861131, 10861132])
    finally:
        window.close()
        services.close()


def test_a_demo_start_never_hands_over_to_the_real_window(qtbot: Any, app_env: Path, no_prompt: None) -> None:
    services, window = _first(qtbot, [])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    demo_services, demo_window = entry.start(app, demo=True, lang="en", items=["10861131"])
    qtbot.addWidget(demo_window)
    try:
        qtbot.waitUntil(lambda: demo_window.first_paint_done)
        qtbot.waitUntil(lambda: demo_window.input.ids() == [10861131])  # its own window got them
        assert window.input.ids() == []
    finally:
        demo_window.close()
        demo_services.close()
        window.close()
        services.close()
