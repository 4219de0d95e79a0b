"""Icons: monochrome SVG action icons drawn in the palette's text colour, and the app icon.

``icon("copy")`` gives a QIcon that renders ``pan123_gui/resources/icons/copy.svg`` at any size and device-pixel ratio,
in the current palette's text colour (disabled and selected states too), so it follows light/dark themes
without separate files. ``app_icon()`` is the coloured application icon.

``python -m pan123_gui.ui.icons`` re-renders ``app.png`` (256 px), ``app.ico`` and ``app.icns`` from ``app.svg``.
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path
from typing import Final

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from pan123_gui.paths import resource_path

#: Action icons shipped in pan123_gui/resources/icons (each ``<name>.svg`` draws with ``currentColor``).
ICON_NAMES: Final = (
    "resolve",  # get the links
    "copy",
    "open",  # open in the browser
    "export",
    "retry",
    "clear",
    "cancel",
    "key",  # credentials
    "settings",
    "sign",  # signed links
    "paste",
    "about",
    "log",
    "show",  # reveal a password field
    "language",  # the interface language (a globe)
    "folder",  # Your files (the drive's folders)
)


def icon_path(name: str) -> Path:
    return resource_path("icons", f"{name}.svg")


@cache
def _svg_text(name: str) -> str:
    path = icon_path(name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KeyError(f"no icon named {name!r} ({path})") from exc


def _palette_color(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


class TintedSvgIconEngine(QIconEngine):
    """Renders one SVG with ``currentColor`` replaced by the palette colour of the requested mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, color: QColor) -> QSvgRenderer:
        key = color.name(QColor.NameFormat.HexArgb)
        renderer = self._renderers.get(key)
        if renderer is None:
            svg = _svg_text(self._name).replace("currentColor", color.name(QColor.NameFormat.HexRgb))
            if color.alpha() < 255:
                svg = svg.replace("<svg ", f'<svg opacity="{color.alphaF():.3f}" ', 1)
            renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
            self._renderers[key] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(_palette_color(mode)).render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        scale = max(scale, 1.0)
        image = QImage(
            max(1, round(size.width() * scale)), max(1, round(size.height() * scale)), QImage.Format.Format_ARGB32
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(QPoint(0, 0), image.size()), mode, state)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return _new_engine(self._name)

    def key(self) -> str:
        return "pan123-tinted-svg"

    def iconName(self) -> str:
        return self._name


# Engines are Python objects owned by C++ QIcons; keep a reference to each so Python never collects one early.
_engines: list[TintedSvgIconEngine] = []


def _new_engine(name: str) -> TintedSvgIconEngine:
    engine = TintedSvgIconEngine(name)
    _engines.append(engine)
    return engine


@cache
def _cached_icon(name: str) -> QIcon:
    _svg_text(name)  # KeyError for an unknown name
    return QIcon(_new_engine(name))


def icon(name: str) -> QIcon:
    """The action icon ``name`` (one of :data:`ICON_NAMES`), drawn in the palette's text colour.

    Raises KeyError for an unknown name.
    """
    return QIcon(_cached_icon(name))


def action_icon(name: str) -> QIcon:
    """:func:`icon`, or an empty icon when its file is missing (buttons then show their text only)."""
    try:
        return icon(name)
    except KeyError:
        return QIcon()


APP_ICON_SIZES: Final = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon (window, taskbar, dialogs): the SVG, drawn sharp at any size by Qt's SVG icon engine."""
    svg = resource_path("icons", "app.svg")
    result = QIcon(str(svg)) if svg.exists() else QIcon()
    if result.pixmap(16).isNull():  # no SVG support in this Qt build: the 256 px render
        result = QIcon(str(resource_path("icons", "app.png")))
    return result


def render_app_image(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resource_path("icons", "app.svg"))).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
    return bytes(buffer.data().data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed images (Vista and later), sizes up to 256."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


#: ICNS element types that hold PNG data, by pixel size (the @2x types reuse the larger renders).
ICNS_TYPES: Final = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def write_app_icons(folder: Path | None = None) -> list[Path]:
    """Render app.png (256 px), app.ico and app.icns from app.svg into ``folder`` (pan123_gui/resources/icons)."""
    folder = folder if folder is not None else resource_path("icons")
    pngs = {size: _png_bytes(render_app_image(size)) for size in (*APP_ICON_SIZES, 512)}
    out = {
        folder / "app.png": pngs[256],
        folder / "app.ico": ico_bytes({s: pngs[s] for s in APP_ICON_SIZES}),
        folder / "app.icns": icns_bytes(pngs),
    }
    for path, data in out.items():
        path.write_bytes(data)
    return list(out)


if __name__ == "__main__":
    import sys

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    for written in write_app_icons():
        sys.stdout.write(f"{written}\n")
