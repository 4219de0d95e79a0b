"""Icons: every action icon renders in the palette's text colour; the app icon files are readable."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from pan123_gui.paths import resource_path
from pan123_gui.ui import icons


def _opaque_colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


@pytest.mark.parametrize("name", icons.ICON_NAMES)
def test_action_icon_follows_the_palette(qapp: QApplication, name: str) -> None:
    old = QGuiApplication.palette()
    try:
        palette = QPalette(old)
        palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText, QColor("#ffeeaa"))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#808080"))
        QGuiApplication.setPalette(palette)
        icon = icons.icon(name)
        normal = icon.pixmap(32).toImage()
        assert _opaque_colours(normal) == {"#ffeeaa"}  # drawn, and only in the text colour
        disabled = icon.pixmap(32, QIcon.Mode.Disabled).toImage()
        assert _opaque_colours(disabled) == {"#808080"}
    finally:
        QGuiApplication.setPalette(old)


def test_icon_is_sharp_at_high_dpi(qapp: QApplication) -> None:
    pixmap = icons.icon("copy").pixmap(QSize(24, 24), 2.0)
    assert (pixmap.width(), pixmap.height()) == (48, 48)
    assert pixmap.devicePixelRatio() == 2.0


def test_unknown_icon_name(qapp: QApplication) -> None:
    with pytest.raises(KeyError):
        icons.icon("no-such-icon")


def test_app_icon_files(qapp: QApplication) -> None:
    png = QImage(str(resource_path("icons", "app.png")))
    assert (png.width(), png.height()) == (256, 256)
    ico = resource_path("icons", "app.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(icons.APP_ICON_SIZES))
    icns = resource_path("icons", "app.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert not QImage(str(resource_path("icons", "app.ico"))).isNull()
    assert not icons.app_icon().isNull()


def test_committed_png_matches_the_svg(qapp: QApplication, tmp_path: Path) -> None:
    """app.png/.ico/.icns are generated from app.svg; an edited SVG needs `python -m pan123_gui.ui.icons`."""
    written = {path.name: path for path in icons.write_app_icons(tmp_path)}
    assert set(written) == {"app.png", "app.ico", "app.icns"}
    fresh = QImage(str(written["app.png"])).convertToFormat(QImage.Format.Format_ARGB32)
    committed = QImage(str(resource_path("icons", "app.png"))).convertToFormat(QImage.Format.Format_ARGB32)
    assert fresh.size() == committed.size()
    step = 4  # sample a grid; rasterisers of other Qt versions may differ by a little on edges
    diffs = [
        abs(fresh.pixelColor(x, y).red() - committed.pixelColor(x, y).red())
        + abs(fresh.pixelColor(x, y).alpha() - committed.pixelColor(x, y).alpha())
        for x in range(0, 256, step)
        for y in range(0, 256, step)
    ]
    assert sum(diffs) / len(diffs) < 4, f"regenerate: python -m {icons.__name__}"
