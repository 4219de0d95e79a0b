"""PyInstaller entry script for pan123-gui (PyInstaller wants a script, not ``-m``).

Runs ``pan123_gui.__main__.main`` with the command line. Its job beyond that is to make sure a start-up failure is never
silent: anything that escapes before the app shell can show its own error dialog (a missing module, a broken bundle, a
Qt platform plugin that cannot load) is written to stderr and to a file in the temp folder, and shown in a native
message box where one exists without Qt or tkinter (Windows MessageBoxW, macOS osascript, Linux zenity/kdialog/
xmessage when installed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

TITLE = "pan123-gui"
CRASH_FILE_NAME = "pan123-gui-startup-error.txt"


def attach_parent_console() -> None:
    """Windows windowed build: sys.stdout/sys.stderr are None. Attach to the console we were started from, if any,
    so ``pan123-gui.exe --self-test`` run from cmd or PowerShell prints its report."""
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return
    try:
        import ctypes

        if not ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            return
        if sys.stdout is None:
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        if sys.stderr is None:
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    except Exception:
        return


def write_crash_file(text: str) -> Path | None:
    try:
        path = Path(tempfile.gettempdir()) / CRASH_FILE_NAME
        path.write_text(text, encoding="utf-8")
        return path
    except OSError:
        return None


def show_native_message(title: str, message: str) -> bool:
    """Show a message without Qt or tkinter. Returns True when something was shown."""
    try:
        if sys.platform == "win32":
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, message, title, 0x10)  # MB_ICONERROR
            return True
        if sys.platform == "darwin":
            script = f"display alert {_applescript_text(title)} message {_applescript_text(message)} as critical"
            subprocess.run(["osascript", "-e", script], check=False, timeout=600)
            return True
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return False
        for command in (
            ["zenity", "--error", "--no-markup", f"--title={title}", f"--text={message}"],
            ["kdialog", "--title", title, "--error", message],
            ["xmessage", "-center", f"{title}\n\n{message}"],
        ):
            if shutil.which(command[0]):
                subprocess.run(command, check=False, timeout=600)
                return True
    except (OSError, subprocess.SubprocessError, AttributeError):
        return False
    return False


def _applescript_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def report_startup_failure(summary: str, details: str) -> None:
    """Tell the user, by every channel that works here, that the app could not start."""
    attach_parent_console()
    crash_file = write_crash_file(f"{summary}\n\n{details}")
    where = f"\n\nDetails were saved to:\n{crash_file}" if crash_file else ""
    message = f"{summary}{where}\n\npan123-gui 无法启动。详细信息见上面的文件。"
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(f"pan123-gui: {summary}\n{details}", file=sys.stderr)
    show_native_message(TITLE, message)


def linux_display_problem() -> str | None:
    """On Linux, explain in words why Qt's X11 plugin would abort the process (it aborts without a dialog)."""
    try:
        from pan123_gui.selftest import xcb_plugin_problem
    except ImportError:
        return None
    return xcb_plugin_problem()


NO_WINDOW_OPTIONS = frozenset({"--self-test", "--version", "--help", "-h"})


def run(argv: list[str]) -> int:
    if NO_WINDOW_OPTIONS.intersection(argv):
        attach_parent_console()  # these print to the console and open no window
    else:
        problem = linux_display_problem()
        if problem is not None:
            report_startup_failure("The window system could not be opened.", problem)
            return 1
    try:
        from pan123_gui.__main__ import main as app_main
    except ModuleNotFoundError as exc:
        if exc.name != "pan123_gui.__main__" or "--self-test" not in argv:
            raise
        # Build from a tree without the app shell yet: the self-test still runs.
        from pan123_gui.selftest import main as selftest_main

        return selftest_main(argv)
    return int(app_main(argv) or 0)


def main() -> int:
    try:
        return run(sys.argv[1:])
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except BaseException as exc:
        report_startup_failure(f"Unexpected error at start: {type(exc).__name__}: {exc}", traceback.format_exc())
        return 1


if __name__ == "__main__":
    sys.exit(main())
