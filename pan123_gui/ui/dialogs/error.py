"""The dialog for unexpected exceptions, the report it shows, and the excepthooks that open it.

The report (version, OS, Qt, traceback) goes through :func:`pan123_gui.logs.redact` — the same redaction as the
log file — so it never shows a token, a secret or a signing key. The user's home folder is written as ``~`` so the
report does not carry the account name to whoever it is sent to.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import pan123_gui
from pan123_gui.logs import redact
from pan123_gui.ui.wording import dialogs as words

log = logging.getLogger(__name__)

MAX_REPORTS_SHOWN = 4  # reports in one dialog; later ones are only counted (the log has them)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def build_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """A plain-text report for the developers: versions, platform and traceback, secrets redacted."""
    import traceback

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    lines = [
        f"pan123-gui {pan123_gui.__version__} ({frozen})",
        f"OS: {platform.platform()} ({platform.machine()})",
        f"Python: {platform.python_version()} ({platform.python_implementation()})",
        f"Qt: {qVersion()} / PySide6 {pyside_version}",
    ]
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        lines.append(f"Platform plugin: {QGuiApplication.platformName()}")
    log_file = _log_file()
    if log_file is not None:
        lines.append(f"Log: {log_file}")
    lines.append("")
    lines.extend(traceback.format_exception(exc_type, exc, tb))
    return hide_home(redact("\n".join(line.rstrip("\n") for line in lines))).rstrip() + "\n"


def hide_home(text: str, home: Path | None = None) -> str:
    """``text`` with the user's home folder written as ``~`` (paths in tracebacks and the log path)."""
    try:
        folder = str(home if home is not None else Path.home())
    except (RuntimeError, KeyError):  # no home directory can be determined
        return text
    if len(folder) <= 1:  # "/" or empty: nothing personal to hide
        return text
    folder = folder.rstrip("/\\")
    return text.replace(folder, "~")


def _log_file() -> Path | None:
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if isinstance(name, str):
            return Path(name)
    return None


class ErrorDialog(QDialog):
    """Shows a report in a read-only, selectable text box, with Copy and Open-log-folder buttons."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extra = 0
        self._copied = False
        self.setMinimumSize(420, 280)  # fits a 1280×800 screen at 200 % scale
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.report_box = QPlainTextEdit(report)
        self.report_box.setReadOnly(True)
        self.report_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.report_box, 1)
        self.more_label = QLabel()
        self.more_label.setVisible(False)
        layout.addWidget(self.more_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.copy_button.setAutoDefault(False)
        self.logs_button = QPushButton()
        self.logs_button.setAutoDefault(False)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.logs_button.setVisible(_log_file() is not None)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_report)
        self.logs_button.clicked.connect(self.open_log_folder)
        layout.addWidget(self.buttons)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setDefault(True)  # Enter or Esc closes; Copy report is one click or Alt+key away
        self.report_box.setAccessibleName(words.error_report_name())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(words.error_title())
        self.intro.setText(words.error_intro())
        self.copy_button.setText(words.error_copied() if self._copied else words.error_copy())
        self.logs_button.setText(words.error_open_logs())
        self.report_box.setAccessibleName(words.error_report_name())
        if self._extra:
            self.more_label.setText(words.error_more(self._extra))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def report(self) -> str:
        return self.report_box.toPlainText()

    def add_report(self, report: str) -> None:
        """Another exception while this dialog is open: count it instead of stacking dialogs.

        The first few are added to the report too (so Copy report copies them); the log has every one.
        """
        self._extra += 1
        if self._extra <= MAX_REPORTS_SHOWN - 1:
            bar = self.report_box.verticalScrollBar()
            position = bar.value()  # appending scrolls to the end; keep the reader where they were
            self.report_box.appendPlainText("-" * 40 + "\n" + report.rstrip("\n"))
            bar.setValue(position)
        self.more_label.setText(words.error_more(self._extra))
        self.more_label.setVisible(True)
        self._copied = False  # the report changed since it was copied
        self.copy_button.setText(words.error_copy())

    @Slot()
    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self._copied = True
        self.copy_button.setText(words.error_copied())

    @Slot()
    def open_log_folder(self) -> None:
        path = _log_file()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class _ErrorBridge(QObject):
    """Carries reports from any thread to the GUI thread (queued signal)."""

    report = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: ErrorDialog | None = None
        self.report.connect(self.show_report)

    @Slot(str)
    def show_report(self, report: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_report(report)
            return
        parent = QApplication.activeWindow()
        self.dialog = ErrorDialog(report, parent)
        self.dialog.setModal(True)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()


_bridge: _ErrorBridge | None = None


def report_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Log an unexpected exception and show it in the error dialog (from any thread). Returns the report."""
    log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
    report = build_report(exc_type, exc, tb)
    bridge = _bridge
    app = QApplication.instance()
    if bridge is not None and isinstance(app, QApplication):
        if QThread.currentThread() is app.thread():
            bridge.show_report(report)
        else:
            bridge.report.emit(report)
    return report


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        report_exception(exc_type, exc, tb)
    except Exception:  # never let the hook itself fail loudly in a loop
        sys.__excepthook__(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    _excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthook() -> None:
    """Route uncaught exceptions (GUI thread, Python threads) to the log and the error dialog."""
    global _bridge
    if _bridge is None:
        bridge = _ErrorBridge()
        app = QApplication.instance()
        if app is not None and bridge.thread() is not app.thread():
            bridge.moveToThread(app.thread())  # installed from a worker: the dialog still opens in the GUI thread
        _bridge = bridge
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def uninstall_excepthook() -> None:
    global _bridge
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    if _bridge is not None and _bridge.dialog is not None:
        _bridge.dialog.close()
    _bridge = None


def current_error_dialog() -> ErrorDialog | None:
    """The dialog the hooks opened last (tests, the main window's shutdown)."""
    return _bridge.dialog if _bridge is not None else None
