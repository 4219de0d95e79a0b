"""Start-up benchmark: cold start of ``python -m pan123_gui --demo`` to a shown window, against a bare
QApplication + QMainWindow in the same run. Goal: the app takes at most 1.5× the baseline.

Each run is a fresh subprocess (offscreen unless QT_QPA_PLATFORM is set); the time is measured from spawning
the process until it prints its "window painted" marker. Run: ``python tests/benchmarks/bench_startup.py [runs]``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOAL = 1.5
MARKER = "PAN123_SHOWN"

BASELINE = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("baseline")
window.resize(1000, 700)
class Shown(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:  # the app reports its first paint too
            self.done = True
            print("{MARKER}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watcher = Shown()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


# The same start-up with a bare QMainWindow in place of the main window's module (never imported): shows how much of
# the difference is the app shell (Qt's namespace, settings, icons, services) and how much the main window itself.
# (The demo server, the log file and the keyring come after the first paint, so they are in neither.)
SHELL_ONLY = """
import sys, types
from PySide6.QtWidgets import QLabel, QMainWindow

class BareWindow(QMainWindow):
    def __init__(self, services):
        super().__init__()
        self.setCentralWidget(QLabel("pan123-gui"))
        self.resize(1000, 700)

stand_in = types.ModuleType("pan123_gui.ui.window.main_window")
stand_in.MainWindow = BareWindow
sys.modules[stand_in.__name__] = stand_in
from pan123_gui.__main__ import main
sys.exit(main(["--demo"]))
"""


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Installed apps run from compiled bytecode (pip and PyInstaller write .pyc): let the warm-up run write it,
    # into a temp folder so the work tree stays clean.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env.update(
        PAN123_REPORT_SHOWN="1",
        PAN123_QUIT_AFTER_MS="0",
        PAN123_LOG_DIR=str(tmp / "log"),
        HOME=str(tmp),
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_STATE_HOME=str(tmp / "state"),
    )
    return env


def time_to_shown(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    shown: float | None = None
    for line in proc.stdout:
        if line.startswith(MARKER):
            shown = time.perf_counter() - start
            break
    proc.stdout.read()
    _, err = proc.communicate(timeout=60)
    if shown is None or proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited {proc.returncode} without showing a window:\n{err[-2000:]}")
    return shown


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    python = sys.executable
    app_cmd = [python, "-m", "pan123_gui", "--demo"]
    base_cmd = [python, "-c", BASELINE]
    shell_cmd = [python, "-c", SHELL_ONLY]
    real_cmd = [python, "-m", "pan123_gui"]
    with tempfile.TemporaryDirectory(prefix="pan123-bench-") as tmp:
        env = _env(Path(tmp))
        # Without --demo: no keyring daemon here (memory store), no credentials, an unreachable API (never called).
        real_env = dict(
            env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", PAN123_API_BASE="http://127.0.0.1:9"
        )
        for cmd in (app_cmd, base_cmd, shell_cmd):  # warm the OS file cache and write .pyc files; not counted
            time_to_shown(cmd, env)
        time_to_shown(real_cmd, real_env)
        app_times: list[float] = []
        base_times: list[float] = []
        shell_times: list[float] = []
        real_times: list[float] = []
        for _ in range(runs):  # interleaved so drift hits all alike
            base_times.append(time_to_shown(base_cmd, env))
            app_times.append(time_to_shown(app_cmd, env))
            shell_times.append(time_to_shown(shell_cmd, env))
            real_times.append(time_to_shown(real_cmd, real_env))
    app_median = statistics.median(app_times)
    base_median = statistics.median(base_times)
    ratio = app_median / base_median
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs} each")
    print(
        f"baseline QApplication+QMainWindow: median {base_median * 1000:.0f} ms  "
        f"(min {min(base_times) * 1000:.0f}, max {max(base_times) * 1000:.0f})"
    )
    print(
        f"pan123-gui --demo:                 median {app_median * 1000:.0f} ms  "
        f"(min {min(app_times) * 1000:.0f}, max {max(app_times) * 1000:.0f})"
    )
    shell_median = statistics.median(shell_times)
    print(
        f"  of which app shell only (a bare window):  median {shell_median * 1000:.0f} ms "
        f"= {shell_median / base_median:.2f}x baseline"
    )
    real_median = statistics.median(real_times)
    print(
        f"pan123-gui (no --demo, first start):  median {real_median * 1000:.0f} ms = "
        f"{real_median / base_median:.2f}x baseline"
    )
    print(f"ratio: {ratio:.2f}x  (goal <= {GOAL}x: {'met' if ratio <= GOAL else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
