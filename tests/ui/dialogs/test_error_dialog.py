"""Unexpected errors: the report carries versions and the traceback, never a secret; the dialog shows it."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from pan123_gui import __version__, logs
from pan123_gui.ui.dialogs import error as error_dialog
from pan123_gui.ui.dialogs.error import ErrorDialog, build_report

TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.abcdefSIGNATURE123"


def _raise_with_secrets() -> BaseException:
    try:
        raise RuntimeError(f"request failed: Authorization: Bearer {TOKEN} auth_key=1700-abc-0-deadbeef")
    except RuntimeError as exc:
        return exc


@pytest.fixture
def hooks(qapp: object) -> Iterator[None]:
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    error_dialog.install_excepthook()
    try:
        yield
    finally:
        error_dialog.uninstall_excepthook()
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook


def test_report_has_versions_and_traceback_but_no_secret(qapp: object) -> None:
    logs.register_secret("registered-client-secret")
    try:
        exc = _raise_with_secrets()
        exc.add_note("client secret was registered-client-secret")
        report = build_report(type(exc), exc, exc.__traceback__)
    finally:
        logs.forget_secrets()
    assert f"pan123-gui {__version__}" in report
    assert "Qt: 6." in report
    assert "OS: " in report
    assert "Traceback" in report and "_raise_with_secrets" in report and "RuntimeError" in report
    for secret in (TOKEN, "1700-abc-0-deadbeef", "registered-client-secret"):
        assert secret not in report
    assert "Bearer <redacted>" in report


def test_dialog_shows_and_copies_the_report(qtbot: QtBot) -> None:
    exc = _raise_with_secrets()
    dialog = ErrorDialog(build_report(type(exc), exc, exc.__traceback__))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "RuntimeError" in dialog.report
    assert TOKEN not in dialog.report
    assert dialog.report_box.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report


def test_hook_opens_one_dialog_and_counts_more(qtbot: QtBot, hooks: None) -> None:
    exc = _raise_with_secrets()
    sys.excepthook(type(exc), exc, exc.__traceback__)
    dialog = error_dialog.current_error_dialog()
    assert dialog is not None and dialog.isVisible()
    assert TOKEN not in dialog.report and "RuntimeError" in dialog.report
    sys.excepthook(ValueError, ValueError("second"), None)
    assert error_dialog.current_error_dialog() is dialog  # not a second window
    assert dialog.more_label.isVisibleTo(dialog)
    assert dialog.more_label.text() == "One more problem happened; see the log file."
    assert "ValueError: second" in dialog.report  # Copy report sends both
    sys.excepthook(ValueError, ValueError("third"), None)
    assert dialog.more_label.text() == "2 more problems happened; see the log file."


def test_exception_in_a_python_thread_reaches_the_gui_thread(qtbot: QtBot, hooks: None) -> None:
    def boom() -> None:
        raise KeyError(f"clientSecret={TOKEN}")

    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: error_dialog.current_error_dialog() is not None)
    dialog = error_dialog.current_error_dialog()
    assert dialog is not None
    assert "KeyError" in dialog.report
    assert TOKEN not in dialog.report


def test_only_the_first_reports_are_kept_in_the_dialog(qtbot: QtBot) -> None:
    dialog = ErrorDialog("first report\n")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert dialog.copy_button.text() == "Copied"
    for n in range(2, 10):
        dialog.add_report(f"report {n}\n")
    assert dialog.copy_button.text() == "Copy report"  # the report changed after it was copied
    kept = [n for n in range(2, 10) if f"report {n}" in dialog.report]
    assert kept == list(range(2, error_dialog.MAX_REPORTS_SHOWN + 1))
    assert "8 more problems" in dialog.more_label.text()


def test_report_writes_the_home_folder_as_tilde(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    home = Path(__file__).resolve().parents[2]  # the tests' own path then lies "in the home folder"
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    exc = _raise_with_secrets()
    report = build_report(type(exc), exc, exc.__traceback__)
    assert str(home) not in report
    assert "~/" in report and "test_error_dialog.py" in report
    assert error_dialog.hide_home("C:/Users/alice/app/x.py", Path("C:/Users/alice")) == "~/app/x.py"
    assert error_dialog.hide_home("/srv/x.py", Path("/")) == "/srv/x.py"
