"""Screenshots for the README: the window in demo mode, with results, in English and in Chinese (1280×800);
and the "Your files" panel with a ticked folder whose files were added (``files-<lang>.png``).

Run from the repository root: ``python tests/screenshots.py`` (needs Xvfb; Chinese needs a CJK font such as
fonts-noto-cjk). It starts a private Xvfb display, then for each language runs this script again as a child
with ``QT_QPA_PLATFORM=xcb`` on that display. The child starts the real app in demo mode in-process, pastes the
sample IDs, resolves them, waits for every row to finish and saves ``resources/screenshots/window-<lang>.png``.
Settings and logs go to a throwaway home, so your own settings are never used or changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pan123_gui.ui.results.model import ResultsModel
    from pan123_gui.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "screenshots"
SIZE = (1280, 800)
LANGUAGES = ("en", "zh_CN")


def _free_display() -> int:
    for number in range(91, 140):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    raise RuntimeError("no free X display number between :91 and :139")


SCENES = ("window", "files")


def parent(languages: tuple[str, ...], out_dir: Path, scenes: tuple[str, ...] = SCENES) -> int:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        print("Xvfb is not installed (apt-get install xvfb)", file=sys.stderr)
        return 2
    number = _free_display()
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                print("Xvfb did not start", file=sys.stderr)
                return 2
            time.sleep(0.05)
        rc = 0
        for scene, lang in [(scene, lang) for scene in scenes for lang in languages]:
            with tempfile.TemporaryDirectory(prefix="pan123-shots-") as home:
                env = dict(os.environ)
                for name in ("PAN123_ACCESS_TOKEN", "PAN123_CLIENT_ID", "PAN123_CLIENT_SECRET", "PAN123_SIGN_KEY"):
                    env.pop(name, None)
                env.pop("WAYLAND_DISPLAY", None)
                env.update(
                    DISPLAY=f":{number}",
                    QT_QPA_PLATFORM="xcb",
                    HOME=home,
                    XDG_CONFIG_HOME=f"{home}/config",
                    XDG_STATE_HOME=f"{home}/state",
                    XDG_DATA_HOME=f"{home}/data",
                    PAN123_LOG_DIR=f"{home}/log",
                    QT_SCALE_FACTOR="1",
                )
                out = out_dir / f"{scene}-{lang}.png"
                cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--lang", lang, "--out", str(out)]
                cmd += ["--scene", scene]
                result = subprocess.run(cmd, cwd=ROOT, env=env, timeout=120, check=False)
                if result.returncode != 0:
                    print(f"{lang}: failed (exit {result.returncode})", file=sys.stderr)
                    rc = 1
                else:
                    print(f"{lang}: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
        return rc
    finally:
        server.terminate()
        server.wait(timeout=10)


def child(lang: str, out: Path, scene: str = "window") -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint
    from PySide6.QtWidgets import QApplication

    from pan123_gui.__main__ import create_application, start
    from pan123_gui.demo.samples import DEMO_IDS_TEXT

    app = create_application()
    services, window = start(app, demo=True, lang=lang)
    try:
        window.move(QPoint(0, 0))
        window.resize(*SIZE)

        def pump(seconds: float) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

        def wait_for(condition: object, timeout: float, what: str) -> None:
            end = time.monotonic() + timeout
            while not condition():  # type: ignore[operator]
                if time.monotonic() > end:
                    raise TimeoutError(f"timed out waiting for {what}")
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

        wait_for(window.isVisible, 10, "the window")
        pump(0.3)
        if scene == "files":
            _pick_files(window, wait_for)
        else:
            _paste_and_resolve(window, DEMO_IDS_TEXT)
        wait_for(lambda: _finished(window.model), 60, "the results")
        pump(0.8)  # let status text, column sizes and animations settle
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        return 0
    finally:
        window.close()
        services.close()
        QApplication.processEvents()


def _paste_and_resolve(window: MainWindow, text: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    window.input.set_text(text)
    action = window.commands.act_resolve
    end = time.monotonic() + 5  # the preview counts IDs on a worker; resolve when it is enabled
    while not action.isEnabled() and time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    action.trigger()


def _pick_files(window: MainWindow, wait_for: object) -> None:
    """Open "Your files", open 测试直链文件夹 › 直链素材, tick 封面 and get the links of its files."""
    from PySide6.QtCore import QModelIndex, Qt

    from pan123_gui.demo.samples import COVERS_ID, FOLDER_ID, SPACE_ID

    wait = wait_for  # (condition, timeout, what) -> None
    window.files.open()
    panel = window.files.panel
    assert panel is not None
    model = panel.tree_model
    index = QModelIndex()
    for folder_id in (SPACE_ID, FOLDER_ID):
        wait(lambda i=index: model.rowCount(i) > 0, 20, "a folder's items")  # type: ignore[operator]
        index = next(
            model.index(r, 0, index)
            for r in range(model.rowCount(index))
            if model.file_id(model.index(r, 0, index)) == folder_id
        )
        panel.tree.expand(index)
    wait(lambda: model.rowCount(index) > 0, 20, "直链素材's items")  # type: ignore[operator]
    covers = next(
        model.index(r, 0, index)
        for r in range(model.rowCount(index))
        if model.file_id(model.index(r, 0, index)) == COVERS_ID
    )
    model.setData(covers, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    panel.tree.setCurrentIndex(covers)
    window.files.dock.resize(460, window.files.dock.height())  # type: ignore[union-attr]
    window.resizeDocks([window.files.dock], [460], Qt.Orientation.Horizontal)  # type: ignore[list-item]
    panel.get_links()
    wait(lambda: window.model.rowCount() > 0, 20, "the chosen files")  # type: ignore[operator]


def _finished(model: ResultsModel) -> bool:
    from pan123_gui.ui.row_status import RowStatus

    counts = model.counts()
    total = sum(counts.values())
    return bool(total > 0 and counts.get(RowStatus.PENDING, 0) == 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--out", type=Path, help="child: the PNG; parent: the folder (default resources/screenshots)")
    parser.add_argument("--scene", choices=SCENES, help="only this screenshot (default: all)")
    args = parser.parse_args()
    if args.child:
        assert args.lang and args.out
        return child(args.lang, args.out, args.scene or "window")
    languages = (args.lang,) if args.lang else LANGUAGES
    scenes = (args.scene,) if args.scene else SCENES
    return parent(languages, args.out or OUT_DIR, scenes)


if __name__ == "__main__":
    sys.exit(main())
