"""Follow the system's light or dark appearance; colours come from the palette only, never hard-coded.

Qt 6 already takes the palette (and dark mode) from the desktop on macOS, Windows 11 and GNOME/KDE; the only gap
is a style that cannot draw dark (the old "windowsvista" style), where Fusion — which follows the system colour
scheme — is used instead. ``PAN123_STYLE`` forces a style (e.g. ``Fusion``) for testing.
"""

from __future__ import annotations

import os
import sys
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_STYLES_WITHOUT_DARK = {"windowsvista", "windows"}
#: Forces a style by name (e.g. ``Fusion``), for testing.
STYLE_ENV: Final = "PAN123_STYLE"


def style_may_lack_dark_mode() -> bool:
    """Whether the theme check can change anything: the styles that cannot draw dark exist on Windows only, unless
    a style is forced. (Elsewhere asking the app for its style would only cost start-up time: ~5 ms for PySide to
    build QStyle's Python enums.)"""
    return sys.platform == "win32" or bool(os.environ.get(STYLE_ENV) or os.environ.get("QT_STYLE_OVERRIDE"))


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the system asks for a dark scheme (or the palette's window is darker than its text)."""
    hints = QGuiApplication.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return True
    if hints.colorScheme() == Qt.ColorScheme.Light:
        return False
    palette = palette if palette is not None else QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).lightness()
    return window < palette.color(QPalette.ColorRole.WindowText).lightness()


def apply_theme(app: QApplication) -> str:
    """Pick a style that follows the system scheme; returns the style name in use."""
    forced = os.environ.get(STYLE_ENV)
    if forced and forced.lower() in {str(key).lower() for key in QStyleFactory.keys()}:  # noqa: SIM118 (Qt list)
        app.setStyle(forced)
    elif app.style().name().lower() in _STYLES_WITHOUT_DARK and is_dark():
        app.setStyle("Fusion")
    return app.style().name()
