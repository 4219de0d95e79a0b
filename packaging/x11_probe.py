"""Look at an X display from outside the app, for packaging/ci_build.sh (needs only PySide6, no xclip/ImageMagick).

    QT_QPA_PLATFORM=xcb DISPLAY=:N python packaging/x11_probe.py clipboard         # print the clipboard text
    QT_QPA_PLATFORM=xcb DISPLAY=:N python packaging/x11_probe.py screenshot out.png # grab the whole screen

``clipboard`` asks the clipboard owner (the frozen app) for its text through the X server, as any other program
pasting would. Exit codes: 0 done, 3 the clipboard is empty, 2 the screenshot could not be taken.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def clipboard_text() -> str:
    from PySide6.QtGui import QClipboard, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["x11_probe"])
    app.processEvents()
    return QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)


def screenshot(path: Path) -> tuple[int, int] | None:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["x11_probe"])
    app.processEvents()
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return None
    pixmap = screen.grabWindow(0)  # 0 = the root window: everything on the screen
    path.parent.mkdir(parents=True, exist_ok=True)
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        return None
    return pixmap.width(), pixmap.height()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("clipboard", help="print the X clipboard's text")
    shot = sub.add_parser("screenshot", help="save the whole screen as PNG")
    shot.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    if args.command == "clipboard":
        text = clipboard_text()
        if not text:
            return 3
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    size = screenshot(args.path)
    if size is None:
        print(f"x11_probe: could not grab the screen into {args.path}", file=sys.stderr)
        return 2
    print(f"{args.path} {size[0]}x{size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
