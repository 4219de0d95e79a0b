"""Start the desktop app: ``pan123-gui`` / ``python -m pan123_gui [--demo] [--lang zh_CN|en]``.

Start-up stays lean (``tests/benchmarks/bench_startup.py``): until the window is first painted nothing runs that the
painted window does not need. After that come, in this order: cycle collection back on, the log file (records
logged before are kept in memory and written then), the app icon, the demo's stand-in API (on a thread; a first
request waits for it), the window's own follow-ups (keyring, kept list) and, on a first start without credentials,
the credentials dialog. A failure during start shows a message box and returns non-zero — never a silent exit.

Environment for tests and benchmarks: ``PAN123_QUIT_AFTER_MS=N`` quits N ms after the window is first painted;
``PAN123_REPORT_SHOWN=1`` prints ``PAN123_SHOWN <seconds since start>`` to stdout at that moment.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

_T0 = time.perf_counter()

import pan123_gui  # noqa: E402  (after taking the start time)
from pan123_gui.languages import LANGUAGES  # noqa: E402

if TYPE_CHECKING:
    import threading
    from types import TracebackType

    from PySide6.QtWidgets import QApplication, QWidget

    from pan123_gui.app import Services
    from pan123_gui.ui.single_instance import FirstInstance
    from pan123_gui.ui.window.main_window import MainWindow

log = logging.getLogger("pan123_gui")

LANG_CHOICES = tuple(LANGUAGES)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pan123-gui",
        description="Turn 123pan (123云盘) file IDs into direct links. 把 123 云盘文件 ID 转成直链。",
    )
    parser.add_argument(
        "--demo", action="store_true", help="try the app with a built-in sample account (no 123pan account needed)"
    )
    parser.add_argument("--lang", choices=LANG_CHOICES, help="interface language for this run")
    parser.add_argument(
        "--self-test", action="store_true", help="check that the installation works, print a report and exit"
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "items",
        nargs="*",
        metavar="ID_OR_FILE",
        help="file IDs, text with IDs, or files to read IDs from (when the app is already open, they go to its window)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args_list:
        from pan123_gui.selftest import main as selftest_main

        return int(selftest_main(args_list) or 0)
    usual = usual_start_args(args_list)
    if usual is not None:
        return run(demo=usual[0], lang=usual[1])
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # --help or a usage error: argparse already printed
        return exc.code if isinstance(exc.code, int) else 2
    if args.version:
        _write(f"pan123-gui {pan123_gui.__version__}\n")
        return 0
    from pan123_gui.core.start_items import absolute_items

    return run(demo=args.demo, lang=args.lang, items=absolute_items(args.items))


def usual_start_args(args: Sequence[str]) -> tuple[bool, str | None] | None:
    """``(demo, lang)`` for the usual command lines (``--demo``, ``--lang X``, ``--lang=X``), read without building
    the argparse parser (~4 ms of start-up); None for anything else (help, version, mistakes), left to argparse."""
    demo, lang = False, None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo":
            demo = True
        elif arg == "--lang" and rest and rest[0] in LANG_CHOICES:
            lang = rest.pop(0)
        elif arg.startswith("--lang=") and arg.removeprefix("--lang=") in LANG_CHOICES:
            lang = arg.removeprefix("--lang=")
        else:
            return None
    return demo, lang


def _write(text: str) -> None:
    stream = sys.stdout
    if stream is not None:  # None in a windowed build on Windows
        stream.write(text)
        stream.flush()


def run(*, demo: bool = False, lang: str | None = None, items: Sequence[str] = ()) -> int:
    """Start the window (``items``: IDs, text or absolute file paths from the command line, see core/start_items)."""
    # Start-up allocates a lot (Qt's Python enums, modules) and frees almost nothing: cycle collection waits until the
    # window is painted (saves ~5 ms), like the log file, which opens then (logging.handlers is slow to import).
    collecting = gc.isenabled()
    gc.disable()
    early_log = EarlyLog.install()
    log.info("pan123-gui %s starting (demo=%s)", pan123_gui.__version__, demo)

    def shown() -> None:
        if collecting:
            gc.enable()
        early_log.open_file()
        if app.windowIcon().isNull():
            set_app_icon(app)

    app = create_application(icon=False)  # the title bar / taskbar icon follows right after the first paint
    try:
        services, window = start(app, demo=demo, lang=lang, on_shown=shown, items=items)
    except AlreadyOpen as already:
        shown()
        if not already.answered:
            show_already_open()
        return 0 if already.answered else 1
    except Exception as exc:
        shown()
        log_path = early_log.open_file()
        log.exception("start-up failed")
        show_startup_error(exc, log_path)
        return 1

    _arm_test_hooks(app, window)
    try:
        return app.exec()
    finally:
        shown()  # when quitting before the first paint
        log.info("quitting")
        services.close()


class EarlyLog(logging.Handler):
    """Holds the records logged during start-up until :meth:`open_file` sets up the log file and replays them."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.path: Path | None = None
        self.opened = False

    @classmethod
    def install(cls) -> EarlyLog:
        handler = cls()
        root = logging.getLogger()
        if root.getEffectiveLevel() > logging.INFO:
            root.setLevel(logging.INFO)
        root.addHandler(handler)
        return handler

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def open_file(self) -> Path | None:
        """Set up the rotating log file (once) and replay what was logged so far; returns the file's path."""
        if self.opened:
            return self.path
        self.opened = True
        root = logging.getLogger()
        root.removeHandler(self)
        from pan123_gui.logs import setup_logging

        try:
            self.path = setup_logging()
        except OSError:
            self.path = None
        records, self.records = self.records, []
        for record in records:
            for handler in root.handlers:
                if record.levelno >= handler.level:
                    handler.handle(record)
        return self.path


def create_application(*, icon: bool = True) -> QApplication:
    """The QApplication with name, icon (unless ``icon=False``) and High-DPI defaults (reuses an existing one)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from pan123_gui.settings import APPLICATION, ORGANIZATION

    existing = QApplication.instance()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(pan123_gui.__version__)
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        _windows_app_id()
        app = QApplication([sys.argv[0] if sys.argv else "pan123-gui"])
    QGuiApplication.setDesktopFileName("pan123-gui")
    if icon:
        set_app_icon(app)
    from pan123_gui.ui.theme import apply_theme, style_may_lack_dark_mode  # Qt's modules are loaded by now

    if style_may_lack_dark_mode():
        apply_theme(app)
    return app


def set_app_icon(app: QApplication) -> None:
    """The app's icon for every window (rendering the SVG once to check it works: ~2 ms)."""
    from pan123_gui.ui.icons import app_icon

    app.setWindowIcon(app_icon())


def _windows_app_id() -> None:
    """Windows: group the taskbar button under our own icon, not python.exe's."""
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("pan123-gui.pan123-gui")
        except (AttributeError, OSError):
            pass


def start(
    app: QApplication,
    *,
    demo: bool = False,
    lang: str | None = None,
    on_shown: Callable[[], object] | None = None,
    items: Sequence[str] = (),
) -> tuple[Services, MainWindow]:
    """Translators, excepthook, services, the shown main window; once it is painted: ``on_shown``, the demo's
    stand-in API (on a thread), then the first-start credentials prompt. ``items`` (IDs, text, absolute file paths
    from the command line) go into the box after the kept list came back, or to the window already open."""

    from pan123_gui.app import build_services
    from pan123_gui.settings import AppSettings
    from pan123_gui.ui.i18n import apply_language
    from pan123_gui.ui.window.main_window import MainWindow

    settings = AppSettings.demo() if demo else AppSettings()  # the demo's choices never reach real use
    apply_language(lang or settings.language)
    services = build_services(demo=demo, settings=settings)
    try:
        instance = claim_instance(services, items)  # a second start on the same kept list hands over and stops here
        window = MainWindow(services)
        window.take_items(list(items))
        window.show()
    except BaseException:
        services.close()
        raise
    if instance is not None:
        instance.setParent(window)  # lives as long as the window
    # Until now an exception reaches run() and its start-up message; from here on, the error dialog.
    install_error_hooks()
    prompt = not demo

    def shown() -> None:
        if on_shown is not None:
            on_shown()
        if instance is not None:
            instance.listen(window.bring_forward)  # second starts reach this window from now on
        services.start_demo()  # on a thread; a first request waits for it
        if prompt:  # the keyring is read off the GUI thread first, then the prompt opens over the window (if needed)
            window.wait_for_keyring(lambda: prompt_for_credentials(services, window))

    after_first_paint(window, shown)
    return services, window


class AlreadyOpen(Exception):
    """This start found the kept list in use by a first window: it handed its arguments over (``answered``) or the
    first one did not answer."""

    def __init__(self, answered: bool) -> None:
        super().__init__("already open" if answered else "already open, not answering")
        self.answered = answered


def claim_instance(services: Services, items: Sequence[str] = ()) -> FirstInstance | None:
    """The first start's lock on the kept list (None in demo mode, which keeps no list); raises :class:`AlreadyOpen`
    after handing this start's ``items`` (IDs, text, absolute file paths) to the window that holds it."""
    session = services.session_file
    if session is None:
        return None
    from pan123_gui.ui.single_instance import FirstInstance, hand_over

    try:
        instance = FirstInstance(session)
    except OSError as exc:  # no data folder: the kept list cannot be saved either (the window says so)
        log.warning("no single-instance lock (%s)", exc.strerror or type(exc).__name__)
        return None
    if instance.acquire():
        return instance
    log.info("the app is already open on this list: handing over")
    raise AlreadyOpen(hand_over(instance.key, list(items)))


def show_already_open() -> None:
    """The first window holds the list but does not answer: say so rather than open a second window on it."""
    from PySide6.QtWidgets import QMessageBox

    from pan123_gui.ui.wording import dialogs as words

    _write_stderr(words.already_open_not_answering() + "\n")
    QMessageBox(QMessageBox.Icon.Warning, words.already_open_title(), words.already_open_not_answering()).exec()


def after_first_paint(window: QWidget, callback: Callable[[], object], fallback_ms: int = 3000) -> None:
    """Call ``callback`` once, right after ``window`` is first painted (or after ``fallback_ms`` at the latest)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__(window)
            self.fired = False
            window.installEventFilter(self)
            QTimer.singleShot(fallback_ms, self, self.fire)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.fired:
                QTimer.singleShot(0, self, self.fire)  # once this paint is done
            return False

        def fire(self) -> None:
            if self.fired:
                return
            self.fired = True
            window.removeEventFilter(self)
            callback()

    _FirstPaint()


def install_error_hooks() -> None:
    """Uncaught exceptions (GUI thread and Python threads) go to the log and the error dialog.

    The hooks are stand-ins that load the error dialog's module only when the first exception arrives.
    """
    import threading

    sys.excepthook = _first_exception
    threading.excepthook = _first_thread_exception


def _first_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    from pan123_gui.ui.dialogs.error import install_excepthook

    install_excepthook()
    sys.excepthook(exc_type, exc, tb)


def _first_thread_exception(args: threading.ExceptHookArgs) -> None:
    import threading

    from pan123_gui.ui.dialogs.error import install_excepthook

    install_excepthook()
    threading.excepthook(args)


def prompt_for_credentials(services: Services, window: MainWindow) -> bool:
    """First start: open the credentials dialog over the shown window when nothing is stored."""
    from pan123_gui.ui.dialogs.credentials import ensure_credentials

    usable = ensure_credentials(services, window)
    window.check_credentials()  # the window drops its "no credentials" notice
    return usable


def show_startup_error(exc: BaseException, log_path: Path | None) -> None:
    """A message box in plain words, with the (redacted) details behind "Show Details"."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from pan123_gui.logs import redact
    from pan123_gui.ui.dialogs.error import build_report
    from pan123_gui.ui.wording import dialogs as words

    try:
        from pan123_gui.core.errors import Pan123Error

        if isinstance(exc, Pan123Error):
            from pan123_gui.ui.wording.errors import error_text

            reason = error_text(exc.kind, exc.code, exc.server_message)
        else:
            reason = redact(f"{type(exc).__name__}: {exc}")
    except Exception:
        reason = type(exc).__name__
    text = words.startup_failed(reason)
    if log_path is not None:
        text += "\n\n" + words.startup_failed_log(str(log_path))
    _write_stderr(text + "\n")
    box = QMessageBox(QMessageBox.Icon.Critical, words.startup_failed_title(), text)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote the server
    box.setDetailedText(build_report(type(exc), exc, exc.__traceback__))
    box.exec()


def _write_stderr(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text)
        sys.stderr.flush()


def _arm_test_hooks(app: QApplication, window: QWidget) -> None:
    """PAN123_QUIT_AFTER_MS / PAN123_REPORT_SHOWN (tests, the start-up benchmark, screenshots)."""
    quit_after = os.environ.get("PAN123_QUIT_AFTER_MS")
    report = bool(os.environ.get("PAN123_REPORT_SHOWN"))
    if quit_after is None and not report:
        return
    from PySide6.QtCore import QEvent, QObject, QTimer

    delay = max(0, int(quit_after)) if quit_after is not None and quit_after.isdigit() else None

    class _Marker(QObject):
        """Prints the time as the first paint event arrives (the benchmark's baseline does the same)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                _write(f"PAN123_SHOWN {time.perf_counter() - _T0:.4f}\n")
            return False

    if report:
        window.installEventFilter(_Marker(window))
    if delay is not None:
        after_first_paint(window, lambda: QTimer.singleShot(delay, app.quit), fallback_ms=20_000)


if __name__ == "__main__":
    sys.exit(main())
