"""Build rules for packaging/pan123_gui.spec, kept in plain Python so they can be tested and type-checked.

- project metadata (name, version) from pyproject.toml, the Windows version resource, the app icon per platform;
- which resources go into the bundle (the package data of pyproject.toml: i18n/*.qm, icons/*.svg and *.png) under
  ``pan123_gui/resources/``, where the frozen app finds them through importlib.resources;
- which Python modules, Qt plugins and Qt translations are left out, and (Linux) which shared libraries are no longer
  linked by anything once those plugins are gone (the gtk3 platform theme alone drags in libgtk-3, pango, cairo, atk).
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

BUNDLE_ID = "com.pan123gui.app"
COMPANY = "pan123-gui"
FILE_DESCRIPTION = "pan123-gui: 123pan file IDs to direct links"

# (dest_name, src_name, typecode) as in PyInstaller's TOC lists.
TocEntry = tuple[str, str, str]

EXCLUDED_MODULES: list[str] = [
    # Standard library parts a Qt app without Tk, tests or docs never needs.
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "unittest",
    "doctest",
    "pydoc",
    "pydoc_data",
    "pdb",
    "lib2to3",
    "test",
    "xmlrpc",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    # Development tools that may be importable in the build venv.
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "PyInstaller",
    # Qt modules the widgets app does not use (their plugins and data go with them).
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtQmlFeatures",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtSql",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtPrintSupport",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtTextToSpeech",
    "PySide6.scripts",
]

# Qt plugin folders: None = keep the whole folder, a set = keep only these plugins (by normalised stem, see
# plugin_stem), a folder missing from both tables is kept (and listed by build.py so it can be judged).
KEEP_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    "platformthemes": frozenset({"qxdgdesktopportal"}),  # not qgtk3: it links libgtk-3 + pango/cairo/atk
    "imageformats": frozenset({"qsvg", "qico"}),  # PNG is built into QtGui
    "iconengines": frozenset({"qsvgicon"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    "styles": None,
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-shell-integration": None,
    "wayland-graphics-integration-client": None,
    "accessible": None,
    "accessiblebridge": None,
}
DROP_PLUGIN_DIRS: frozenset[str] = frozenset(
    {
        "egldeviceintegrations",
        "generic",
        "networkinformation",
        "tls",
        "printsupport",
        "qmltooling",
        "sqldrivers",
        "designer",
        "vectorimageformats",
        "wayland-graphics-integration-server",
        "multimedia",
        "position",
        "sensors",
        "texttospeech",
        "webview",
        "sceneparsers",
        "renderers",
        "renderplugins",
        "geometryloaders",
        "qmllint",
        "scxmldatamodel",
    }
)
KEEP_QT_TRANSLATIONS: frozenset[str] = frozenset({"qtbase_zh_CN.qm", "qtbase_en.qm", "qt_zh_CN.qm", "qt_en.qm"})
#: Icon files the running app reads (app.ico/app.icns are only the executable's icon, embedded by PyInstaller).
ICON_SUFFIXES: frozenset[str] = frozenset({".svg", ".png"})
#: Where the package's resources go inside the bundle: the package folder, as in a wheel install.
RESOURCES_DEST = PurePosixPath("pan123_gui", "resources")

_PLUGIN_RE = re.compile(r"^PySide6/(?:Qt/)?plugins/(?P<dir>[^/]+)/(?P<file>[^/]+)$")
_QT_TRANSLATION_RE = re.compile(r"^PySide6/(?:Qt/)?translations/(?P<file>[^/]+\.qm)$")
_SHARED_LIB_RE = re.compile(r"\.so(\.\d+)*$")


@dataclass(frozen=True)
class ProjectMeta:
    name: str
    version: str
    description: str


def project_metadata(pyproject: Path) -> ProjectMeta:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return ProjectMeta(name=project["name"], version=project["version"], description=project.get("description", ""))


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` -> (1, 2, 3, 0); pre/post/dev suffixes are dropped (Windows wants four 16-bit numbers)."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(min(int(digits.group()), 0xFFFF))
        if digits.group() != part:
            break
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def windows_version_info(meta: ProjectMeta) -> Any:
    """The VSVersionInfo resource for the .exe (Explorer > Properties > Details)."""
    from PyInstaller.utils.win32 import versioninfo as vi  # type: ignore[import-untyped]

    numbers = version_tuple(meta.version)
    strings = [
        vi.StringStruct("CompanyName", COMPANY),
        vi.StringStruct("FileDescription", FILE_DESCRIPTION),
        vi.StringStruct("FileVersion", meta.version),
        vi.StringStruct("InternalName", meta.name),
        vi.StringStruct("LegalCopyright", "MIT License"),
        vi.StringStruct("OriginalFilename", f"{meta.name}.exe"),
        vi.StringStruct("ProductName", meta.name),
        vi.StringStruct("ProductVersion", meta.version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),  # en-US, Unicode
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


def app_icon(icons_dir: Path, platform: str, *, can_convert_png: bool | None = None) -> Path | None:
    """The executable / bundle icon for the build platform, or None (Linux executables carry no icon).

    A .png works in place of .ico/.icns only when Pillow is installed (PyInstaller converts it)."""
    if platform.startswith("linux"):
        return None
    native = icons_dir / ("app.ico" if platform == "win32" else "app.icns")
    if native.is_file():
        return native
    png = icons_dir / "app.png"
    if can_convert_png is None:
        can_convert_png = importlib.util.find_spec("PIL") is not None
    if png.is_file() and can_convert_png:
        return png
    return None


def resource_datas(resources: Path) -> list[tuple[str, str]]:
    """(source, destination folder) pairs: compiled translations and icons, under ``pan123_gui/resources/``."""
    datas: list[tuple[str, str]] = []
    for qm in sorted((resources / "i18n").glob("*.qm")):
        datas.append((str(qm), str(RESOURCES_DEST / "i18n")))
    icons = resources / "icons"
    if icons.is_dir():
        for path in sorted(icons.rglob("*")):
            if path.is_file() and path.suffix.lower() in ICON_SUFFIXES:
                folder = RESOURCES_DEST.joinpath("icons", *path.relative_to(icons).parent.parts)
                datas.append((str(path), str(folder)))
    return datas


def platform_hiddenimports(platform: str) -> list[str]:
    """Keyring backend dependencies that keyring imports lazily (PyInstaller's keyring hook collects the backends)."""
    if platform == "win32":
        return ["win32ctypes.core", "win32ctypes.pywin32.win32cred", "win32ctypes.pywin32.pywintypes"]
    if platform == "darwin":
        return ["keyring.backends.macOS.api"]
    return ["secretstorage", "jeepney", "jeepney.io.blocking"]


def plugin_stem(file_name: str) -> str:
    """``libqxcb.so`` -> ``qxcb``; ``qwindows.dll`` -> ``qwindows``; ``libqcocoa.dylib`` -> ``qcocoa``."""
    stem = file_name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_data(dest_name: str) -> bool:
    """False for Qt translations other than qtbase/qt zh_CN and en."""
    match = _QT_TRANSLATION_RE.match(_posix(dest_name))
    return match is None or match.group("file") in KEEP_QT_TRANSLATIONS


def keep_binary(dest_name: str) -> bool:
    """False for Qt plugins the app does not use (see KEEP_PLUGINS / DROP_PLUGIN_DIRS)."""
    match = _PLUGIN_RE.match(_posix(dest_name))
    if match is None:
        return True
    folder = match.group("dir")
    if folder in DROP_PLUGIN_DIRS:
        return False
    allowed = KEEP_PLUGINS.get(folder)
    return allowed is None or plugin_stem(match.group("file")) in allowed


def _posix(dest_name: str) -> str:
    return dest_name.replace("\\", "/")


def is_prunable_library(entry: TocEntry) -> bool:
    """A shared library that is only there because something linked it: a top-level system library or a Qt library.

    Extension modules, plugins and files that hooks collected on purpose are never pruned."""
    dest, _src, typecode = entry
    dest = _posix(dest)
    if typecode not in {"BINARY", "SYMLINK"} or not _SHARED_LIB_RE.search(dest):
        return False
    if PurePosixPath(dest).name.startswith("libpython"):  # loaded by the bootloader, linked by nothing
        return False
    return "/" not in dest or dest.startswith(("PySide6/Qt/lib/", "shiboken6/"))


def prune_unlinked(
    binaries: Sequence[TocEntry], get_imports: Callable[[str], Iterable[tuple[str, str | None]]]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Drop prunable libraries that nothing kept links to any more. Returns (kept, dropped).

    ``get_imports(path)`` gives (referenced name, resolved path or None) pairs, like PyInstaller's
    ``bindepend.get_imports``. Libraries are matched by file name."""
    by_name: dict[str, list[TocEntry]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(_posix(entry[0])).name, []).append(entry)
    reachable: set[str] = set()
    queue = [entry for entry in binaries if not is_prunable_library(entry)]
    seen_sources: set[str] = set()
    while queue:
        dest, src, typecode = queue.pop()
        if typecode == "SYMLINK":
            target = PurePosixPath(_posix(dest)).parent / _posix(src)
            names = [PurePosixPath(str(target)).name]
        else:
            if src in seen_sources:
                continue
            seen_sources.add(src)
            names = []
            for name, resolved in get_imports(src):
                names.append(PurePosixPath(name).name)
                if resolved:
                    names.append(PurePosixPath(_posix(resolved)).name)
        for name in names:
            if name in reachable:
                continue
            reachable.add(name)
            queue.extend(by_name.get(name, []))
    kept: list[TocEntry] = []
    dropped: list[TocEntry] = []
    for entry in binaries:
        name = PurePosixPath(_posix(entry[0])).name
        if is_prunable_library(entry) and name not in reachable:
            dropped.append(entry)
        else:
            kept.append(entry)
    return kept, dropped


def symlink_target(entry: TocEntry) -> str:
    """The bundle path a SYMLINK entry points at (its src_name is relative to the link's folder)."""
    dest, src, _typecode = entry
    parts: list[str] = list(PurePosixPath(_posix(dest)).parent.parts)
    for part in PurePosixPath(_posix(src)).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def drop_dangling_symlinks(entries: Sequence[TocEntry], existing: set[str]) -> tuple[list[TocEntry], int]:
    """Remove SYMLINK entries (PyInstaller keeps them in the datas list) whose target is no longer bundled."""
    kept = [e for e in entries if e[2] != "SYMLINK" or symlink_target(e) in existing]
    return kept, len(entries) - len(kept)


def trim(
    binaries: Sequence[TocEntry],
    datas: Sequence[TocEntry],
    platform: str,
    *,
    get_imports: Callable[[str], Iterable[tuple[str, str | None]]] | None = None,
    log: Callable[[str], None] = print,
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Apply the plugin / translation rules, then (Linux) drop libraries left unlinked. Logs a one-line summary."""
    kept_binaries = [entry for entry in binaries if keep_binary(entry[0])]
    dropped_plugins = len(binaries) - len(kept_binaries)
    kept_datas = [entry for entry in datas if keep_data(entry[0])]
    dropped_datas = len(datas) - len(kept_datas)
    dropped_libs: list[TocEntry] = []
    if platform.startswith("linux"):
        if get_imports is None:
            from PyInstaller.depend import bindepend  # type: ignore[import-untyped]

            get_imports = bindepend.get_imports
        kept_binaries, dropped_libs = prune_unlinked(kept_binaries, get_imports)
    existing = {_posix(e[0]) for e in (*kept_binaries, *kept_datas) if e[2] != "SYMLINK"}
    kept_datas, dropped_links = drop_dangling_symlinks(kept_datas, existing)
    kept_binaries, dropped_bin_links = drop_dangling_symlinks(kept_binaries, existing)
    dropped_datas += dropped_links + dropped_bin_links
    log(
        f"pyi_trim: dropped {dropped_plugins} Qt plugins, {dropped_datas} data files (Qt translations, symlinks), "
        f"{len(dropped_libs)} unlinked libraries"
        + (f": {', '.join(sorted(PurePosixPath(_posix(e[0])).name for e in dropped_libs))}" if dropped_libs else "")
    )
    return kept_binaries, kept_datas
