"""Fast checks of the packaging scripts (no PyInstaller build): the spec's decisions, trimming rules, sizes, zips."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
import tomllib
import types
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def load(name: str) -> types.ModuleType:
    """Import packaging/<name>.py (packaging/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


pyi_trim = load("pyi_trim")
build = load("build")
release_zip = load("release_zip")
ci_check_links = load("ci_check_links")
entry = load("entry")


# ---- the spec, executed with stand-ins for PyInstaller's build classes -------------------------------------------


class Recorder:
    """Stands in for Analysis / PYZ / EXE / COLLECT / BUNDLE and remembers how it was called."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]

    def __init__(self, kind: str, calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]) -> None:
        self.kind = kind
        self.calls = calls

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls.append((self.kind, args, kwargs))
        return types.SimpleNamespace(binaries=[], datas=[], pure=[], scripts=[], zipfiles=[])


def run_spec(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], platform: str = "linux"
) -> dict[str, dict[str, Any]]:
    import PyInstaller.config  # type: ignore[import-untyped]
    import PyInstaller.utils.hooks  # type: ignore[import-untyped]

    monkeypatch.setattr(PyInstaller.utils.hooks, "collect_submodules", lambda package: [f"{package}.stub"])
    monkeypatch.setattr(PyInstaller.config, "CONF", {"distpath": str(tmp_path / "dist")})
    monkeypatch.setattr(sys, "argv", ["pyinstaller", *args])
    monkeypatch.setattr(sys, "platform", platform)
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    namespace: dict[str, Any] = {
        "SPECPATH": str(PACKAGING),
        "DISTPATH": str(tmp_path / "dist"),
        "__file__": str(PACKAGING / "pan123_gui.spec"),
        **{kind: Recorder(kind, calls) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    code = compile((PACKAGING / "pan123_gui.spec").read_text(encoding="utf-8"), "pan123_gui.spec", "exec")
    exec(code, namespace)
    recorded = {kind: {"args": args, **kwargs} for kind, args, kwargs in calls}
    recorded["CONF"] = dict(PyInstaller.config.CONF)
    return recorded


@pytest.fixture
def pyproject() -> dict[str, Any]:
    project: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project


def test_spec_builds_one_folder_named_from_pyproject(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pyproject: dict[str, Any]
) -> None:
    calls = run_spec(monkeypatch, tmp_path, [])
    assert calls["EXE"]["name"] == pyproject["name"] == "pan123-gui"
    assert calls["EXE"]["console"] is False  # a GUI app: no console window
    assert calls["EXE"].get("exclude_binaries") is True
    assert calls["COLLECT"]["name"] == "pan123-gui"
    assert "BUNDLE" not in calls
    assert "version" not in calls["EXE"]  # the Windows version resource only on Windows


def test_spec_onefile_switch_builds_one_executable_beside_the_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = run_spec(monkeypatch, tmp_path, ["--onefile"])
    assert "COLLECT" not in calls
    exe_args = calls["EXE"]["args"]
    assert len(exe_args) >= 4  # pyz, scripts, binaries, datas all go into the one file
    assert calls["CONF"]["distpath"] == str(tmp_path / "dist" / "onefile")


def test_spec_bundles_resources_and_keyring_backends_and_drops_unused_modules(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    analysis = run_spec(monkeypatch, tmp_path, [])["Analysis"]
    assert analysis["args"][0] == [str(PACKAGING / "entry.py")]
    hidden = set(analysis["hiddenimports"])
    assert {"pan123_gui.stub", "keyring.backends.stub", "secretstorage"} <= hidden
    excludes = set(analysis["excludes"])
    assert {"tkinter", "unittest", "pydoc", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore"} <= excludes
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"} & excludes
    destinations = {dest for _src, dest in analysis["datas"]}
    assert {"pan123_gui/resources/icons", "pan123_gui/resources/i18n"} <= destinations  # where importlib finds them
    assert not any(src.endswith((".ts", ".ico", ".icns")) for src, _dest in analysis["datas"])


def test_spec_on_windows_adds_version_resource_and_ico(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pyproject: dict[str, Any]
) -> None:
    if importlib.util.find_spec("pefile") is None:  # PyInstaller's versioninfo imports it; only used on Windows
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    import PyInstaller.compat  # type: ignore[import-untyped]

    monkeypatch.setattr(PyInstaller.compat, "win32api", getattr(PyInstaller.compat, "win32api", None), raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    exe = run_spec(monkeypatch, tmp_path, [], platform="win32")["EXE"]
    numbers = pyi_trim.version_tuple(pyproject["version"])
    assert exe["version"].ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]
    assert exe["version"].ffi.fileVersionLS == (numbers[2] << 16) | numbers[3]
    if (ROOT / "pan123_gui" / "resources" / "icons" / "app.ico").is_file():
        assert exe["icon"].endswith("app.ico")


def test_spec_on_macos_makes_an_app_bundle_with_identifier_and_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pyproject: dict[str, Any]
) -> None:
    bundle = run_spec(monkeypatch, tmp_path, [], platform="darwin")["BUNDLE"]
    assert bundle["name"] == "pan123-gui.app"
    assert bundle["bundle_identifier"] == "com.pan123gui.app"
    assert bundle["version"] == pyproject["version"]
    assert bundle["info_plist"]["CFBundleShortVersionString"] == pyproject["version"]


# ---- trimming rules ----------------------------------------------------------------------------------------------


def test_project_metadata_reads_pyproject(pyproject: dict[str, Any]) -> None:
    meta = pyi_trim.project_metadata(ROOT / "pyproject.toml")
    assert (meta.name, meta.version) == (pyproject["name"], pyproject["version"])


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)), ("2.0rc1", (2, 0, 0, 0)), ("3", (3, 0, 0, 0))],
)
def test_version_tuple(version: str, expected: tuple[int, int, int, int]) -> None:
    assert pyi_trim.version_tuple(version) == expected


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_keep_binary(dest: str, kept: bool) -> None:
    assert pyi_trim.keep_binary(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
        ("PySide6\\translations\\qtbase_ja.qm", False),
        ("pan123_gui/resources/i18n/window_zh_CN.qm", True),
        ("certifi/cacert.pem", True),
    ],
)
def test_keep_data(dest: str, kept: bool) -> None:
    assert pyi_trim.keep_data(dest) is kept


def test_prune_unlinked_drops_what_only_a_dropped_plugin_linked() -> None:
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),  # linked only by the dropped gtk3 theme
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),  # loaded by the bootloader
        ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
    ]
    links = {
        "/src/QtWidgets.abi3.so": [("libQt6Widgets.so.6", "/src/libQt6Widgets.so.6")],
        "/src/libqxcb.so": [("libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6")],
        "/src/libQt6XcbQpa.so.6": [("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0")],
        "/usr/lib/libgtk-3.so.0": [("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0")],
    }
    kept, dropped = pyi_trim.prune_unlinked(binaries, lambda path: links.get(path, []))
    assert {entry[0] for entry in dropped} == {"libgtk-3.so.0", "libpango-1.0.so.0"}
    assert len(kept) + len(dropped) == len(binaries)


def test_dangling_symlinks_are_dropped() -> None:
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6EglFsKmsSupport.so.6", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/up.so", "../../../libfoo.so.1", "SYMLINK"),
        ("certifi/cacert.pem", "/src/cacert.pem", "DATA"),
    ]
    kept, count = pyi_trim.drop_dangling_symlinks(datas, {"PySide6/Qt/lib/libQt6Core.so.6", "libfoo.so.1"})
    assert count == 1
    assert [e[0] for e in kept] == ["libQt6Core.so.6", "PySide6/Qt/lib/up.so", "certifi/cacert.pem"]


def test_trim_logs_a_summary_and_keeps_the_rest() -> None:
    lines: list[str] = []
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/x/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
    ]
    datas = [("PySide6/Qt/translations/qtbase_fr.qm", "/x/qtbase_fr.qm", "DATA"), ("a/b.txt", "/x/b.txt", "DATA")]
    kept_bin, kept_data = pyi_trim.trim(binaries, datas, "linux", get_imports=lambda _p: [], log=lines.append)
    assert [e[0] for e in kept_bin] == ["PySide6/Qt/plugins/platforms/libqxcb.so"]
    assert [e[0] for e in kept_data] == ["a/b.txt"]
    assert lines and "dropped 1 Qt plugins" in lines[0]


def test_resource_datas_takes_compiled_translations_and_icons_only(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "window_zh_CN.qm").write_bytes(b"qm")
    (tmp_path / "i18n" / "window_zh_CN.ts").write_text("<TS/>")
    (tmp_path / "icons" / "sub").mkdir(parents=True)
    (tmp_path / "icons" / "app.png").write_bytes(b"png")
    (tmp_path / "icons" / "sub" / "copy.svg").write_text("<svg/>")
    (tmp_path / "icons" / "notes.txt").write_text("x")
    (tmp_path / "icons" / "app.ico").write_bytes(b"ico")  # the executable's icon, embedded by PyInstaller, not data
    datas = {(Path(src).name, dest) for src, dest in pyi_trim.resource_datas(tmp_path)}
    assert datas == {
        ("window_zh_CN.qm", "pan123_gui/resources/i18n"),
        ("app.png", "pan123_gui/resources/icons"),
        ("copy.svg", "pan123_gui/resources/icons/sub"),
    }


def test_app_icon_per_platform(tmp_path: Path) -> None:
    assert pyi_trim.app_icon(tmp_path, "win32", can_convert_png=True) is None  # nothing there: default icon
    (tmp_path / "app.png").write_bytes(b"png")
    assert pyi_trim.app_icon(tmp_path, "win32", can_convert_png=False) is None
    assert pyi_trim.app_icon(tmp_path, "darwin", can_convert_png=True) == tmp_path / "app.png"
    (tmp_path / "app.ico").write_bytes(b"ico")
    (tmp_path / "app.icns").write_bytes(b"icns")
    assert pyi_trim.app_icon(tmp_path, "win32") == tmp_path / "app.ico"
    assert pyi_trim.app_icon(tmp_path, "darwin") == tmp_path / "app.icns"
    assert pyi_trim.app_icon(tmp_path, "linux") is None  # Linux executables carry no icon


# ---- build.py, release_zip.py, ci_check_links.py ------------------------------------------------------------------


def test_tree_size_counts_files_and_links_without_following(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 24)
    os.symlink("a", tmp_path / "link")
    assert build.tree_size(tmp_path) == 1000 + 24 + len("a")
    assert build.tree_size(tmp_path / "a") == 1000


def test_budget_verdicts(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 10)
    assert not build.measure(tmp_path / "f", "one-file", 10).over
    assert build.measure(tmp_path / "f", "one-file", 9).over
    missing = build.measure(tmp_path / "nothing", "one-folder", 10)
    assert missing.over and "MISSING" in missing.line(True)
    assert build.BUDGET_ONEDIR == 150 * build.MIB and build.BUDGET_ONEFILE == 70 * build.MIB
    assert build.onefile_path(Path("dist"), "win32") == Path("dist/onefile/pan123-gui.exe")


def test_build_skip_build_fails_when_nothing_was_built(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(build, "ROOT", tmp_path)
    assert build.main(["--skip-build"]) == 1


def test_release_zip_name() -> None:
    assert release_zip.zip_name("0.1.0", "Windows", "AMD64") == "pan123-gui-0.1.0-windows-x86_64.zip"
    assert release_zip.zip_name("0.1.0", "Darwin", "arm64") == "pan123-gui-0.1.0-macos-arm64.zip"
    assert release_zip.zip_name("1.0", "Linux", "aarch64") == "pan123-gui-1.0-linux-arm64.zip"


def test_release_zip_keeps_exec_bits_and_symlinks(tmp_path: Path) -> None:
    app = tmp_path / "dist" / "pan123-gui"
    (app / "_internal").mkdir(parents=True)
    (app / "pan123-gui").write_bytes(b"#!bin")
    (app / "pan123-gui").chmod(0o755)
    (app / "_internal" / "libQt6Core.so.6.real").write_bytes(b"lib")
    os.symlink("libQt6Core.so.6.real", app / "_internal" / "libQt6Core.so.6")
    target = tmp_path / "out.zip"
    release_zip.write_zip(app, target, "pan123-gui-9.9", "readme {x}")
    with zipfile.ZipFile(target) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        exe = infos["pan123-gui-9.9/pan123-gui/pan123-gui"]
        link = infos["pan123-gui-9.9/pan123-gui/_internal/libQt6Core.so.6"]
        assert stat.S_IMODE(exe.external_attr >> 16) & 0o111
        assert stat.S_ISLNK(link.external_attr >> 16)
        assert archive.read(link) == b"libQt6Core.so.6.real"
        assert archive.read("pan123-gui-9.9/README.txt").startswith(b"readme")


def test_release_zip_main_without_build_fails(tmp_path: Path) -> None:
    assert release_zip.main(["--dist", str(tmp_path)]) == 1


def test_release_zip_version_comes_from_pyproject(pyproject: dict[str, Any]) -> None:
    assert release_zip.project_version() == pyproject["version"]


def test_check_links_accepts_exact_links_and_rejects_others() -> None:
    ids = [10861131, 10861132]
    want = ci_check_links.expected_links(ids)
    assert all(url.startswith("https://") for url in want)
    assert ci_check_links.compare("\n".join(want) + "\n", want) == []
    assert ci_check_links.compare(f"{want[0]}?auth_key=1-2-3\n{want[1]}", want) == []  # signed links are fine
    assert ci_check_links.compare(want[0], want)  # one missing
    assert ci_check_links.compare(f"{want[1]}\n{want[0]}", want)  # wrong order
    assert ci_check_links.compare("10861131\n10861132", want)  # not links


# ---- entry.py ----------------------------------------------------------------------------------------------------


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[tuple[str, str]]]:
    shown: list[tuple[str, str]] = []

    def show(title: str, message: str) -> bool:
        shown.append((title, message))
        return True

    monkeypatch.setattr(entry, "show_native_message", show)
    monkeypatch.setattr(entry.tempfile, "gettempdir", lambda: str(tmp_path))
    yield shown


def test_entry_reports_an_unexpected_start_error_by_dialog_file_and_stderr(
    monkeypatch: pytest.MonkeyPatch,
    no_dialogs: list[tuple[str, str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(argv: list[str]) -> int:
        raise RuntimeError("the bundle is broken")

    monkeypatch.setattr(entry, "run", broken)
    monkeypatch.setattr(sys, "argv", ["pan123-gui"])
    assert entry.main() == 1
    assert no_dialogs and "RuntimeError: the bundle is broken" in no_dialogs[0][1]
    crash = (tmp_path / entry.CRASH_FILE_NAME).read_text(encoding="utf-8")
    assert "Traceback" in crash and "the bundle is broken" in crash
    assert "the bundle is broken" in capsys.readouterr().err


def test_entry_reports_a_display_problem_instead_of_letting_qt_abort(
    monkeypatch: pytest.MonkeyPatch, no_dialogs: list[tuple[str, str]], tmp_path: Path
) -> None:
    monkeypatch.setattr(entry, "linux_display_problem", lambda: "No display: neither DISPLAY nor WAYLAND_DISPLAY")
    assert entry.run([]) == 1
    assert len(no_dialogs) == 1 and "window system" in no_dialogs[0][1]
    assert "No display" in (tmp_path / entry.CRASH_FILE_NAME).read_text(encoding="utf-8")


@pytest.fixture
def fake_selftest(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    called: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        called.append(list(argv))
        return 0

    module = types.ModuleType("pan123_gui.selftest")
    module.main = fake_main  # type: ignore[attr-defined]
    module.xcb_plugin_problem = lambda: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pan123_gui.selftest", module)
    return called


def test_entry_self_test_runs_even_without_the_app_shell(
    monkeypatch: pytest.MonkeyPatch, fake_selftest: list[list[str]]
) -> None:
    monkeypatch.setitem(sys.modules, "pan123_gui.__main__", None)  # as if pan123_gui/__main__.py were missing
    assert entry.run(["--self-test", "--skip-demo"]) == 0
    assert fake_selftest == [["--self-test", "--skip-demo"]]
    with pytest.raises(ModuleNotFoundError):  # the app itself cannot start without its shell: not hidden
        entry.run(["--demo"])


def test_entry_hands_the_command_line_to_the_app_shell(
    monkeypatch: pytest.MonkeyPatch, fake_selftest: list[list[str]]
) -> None:
    seen: list[list[str]] = []

    def shell_main(argv: list[str] | None = None) -> int:
        seen.append(list(argv or []))
        return 3

    shell = types.ModuleType("pan123_gui.__main__")
    shell.main = shell_main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pan123_gui.__main__", shell)
    assert entry.run(["--demo", "--lang", "en"]) == 3
    assert seen == [["--demo", "--lang", "en"]]
    assert fake_selftest == []


@pytest.mark.parametrize("option", ["--version", "--help", "--self-test"])
def test_entry_options_without_a_window_skip_the_display_check(
    monkeypatch: pytest.MonkeyPatch, fake_selftest: list[list[str]], no_dialogs: list[tuple[str, str]], option: str
) -> None:
    monkeypatch.setattr(entry, "linux_display_problem", lambda: "No display")
    shell = types.ModuleType("pan123_gui.__main__")
    shell.main = lambda argv=None: 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pan123_gui.__main__", shell)
    assert entry.run([option]) == 0
    assert no_dialogs == []
