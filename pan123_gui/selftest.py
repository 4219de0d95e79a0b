"""``pan123-gui --self-test``: check that this installation (a checkout, a wheel or a frozen build) has what it needs.

One line per check (``OK   qt-platform xcb (Qt 6.12.0)``), then a final ``OK`` or ``FAIL``; exit code 1 on any
failure. Checks: every pan123_gui module imports, the Qt platform plugin loads and draws a window, a Chinese font,
icons and translations load, the keyring backend (a memory-only keyring is a WARN, a FAIL with
``--require-keyring``), TLS with certifi's CA bundle, and a round trip through the real client and resolver against
the built-in fake API on 127.0.0.1 (never the real 123pan service).

Qt is imported only inside the checks, so :func:`xcb_plugin_problem` can run before Qt would abort the process.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import importlib
import os
import pkgutil
import platform
import re
import ssl
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TextIO

import pan123_gui
from pan123_gui.paths import resources_dir

KEYRING_TEST_SERVICE = "pan123-gui-selftest"
KEYRING_TEST_USER = "selftest"

#: Debian/Ubuntu packages for the libraries Qt's X11 plugin most often misses on a bare Linux install.
XCB_PACKAGE_HINTS: Mapping[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


class Status(StrEnum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True, slots=True)
class CheckResult:
    status: Status
    name: str
    detail: str

    def line(self) -> str:
        return f"{self.status.value:<4} {self.name} {self.detail}".rstrip()


@dataclass(frozen=True, slots=True)
class Options:
    require_keyring: bool = False
    skip_demo: bool = False


# ---- helpers usable before Qt -----------------------------------------------------------------------------------


def qt_plugins_dir() -> Path:
    """Qt's plugin folder inside the PySide6 package (the same layout in a venv and in a PyInstaller bundle)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    for candidate in (package / "Qt" / "plugins", package / "plugins"):
        if candidate.is_dir():
            return candidate
    return package / "Qt" / "plugins"


def missing_library_hint(message: str) -> str:
    """'libxcb-cursor.so.0: cannot open shared object file' -> the package to install, in words."""
    match = re.search(r"(lib[\w.+-]+\.so[\w.]*)", message)
    if match is None:
        return "Install the missing system library."
    library = match.group(1)
    package = XCB_PACKAGE_HINTS.get(library)
    if package is None:
        return f"Install the system package that provides {library}."
    return f"Install {library} (Debian/Ubuntu: sudo apt install {package}; Fedora: the package providing {library})."


def xcb_plugin_problem(
    env: Mapping[str, str] | None = None,
    *,
    platform_name: str | None = None,
    load: Callable[[str], object] = ctypes.CDLL,
    plugins_dir: Path | None = None,
) -> str | None:
    """Why Qt's X11 platform plugin would fail (Qt then aborts the process without a dialog), or None.

    Only on Linux, and only when Qt would pick xcb: QT_QPA_PLATFORM unset or ``xcb`` and no Wayland session."""
    env = os.environ if env is None else env
    platform_name = sys.platform if platform_name is None else platform_name
    if not platform_name.startswith("linux"):
        return None
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested and not requested.startswith("xcb"):
        return None
    if not requested and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return (
            "No display: neither DISPLAY nor WAYLAND_DISPLAY is set. Start pan123-gui from a desktop session "
            "(for a headless check: QT_QPA_PLATFORM=offscreen pan123-gui --self-test)."
        )
    plugin = (plugins_dir if plugins_dir is not None else qt_plugins_dir()) / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return f"Qt's X11 platform plugin is missing from this installation: {plugin}"
    try:
        load(str(plugin))
    except OSError as exc:
        return f"Qt's X11 platform plugin cannot be loaded: {exc}. {missing_library_hint(str(exc))}"
    return None


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# ---- checks -----------------------------------------------------------------------------------------------------


def check_imports() -> CheckResult:
    """Every pan123_gui module imports (catches modules or dependencies a frozen build left out)."""
    failed: list[str] = []
    count = 0
    for info in pkgutil.walk_packages(pan123_gui.__path__, prefix="pan123_gui."):
        if info.name in {"pan123_gui.__main__", __name__}:
            continue
        count += 1
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed.append(f"{info.name} ({_describe(exc)})")
    for name in ("pan123_gui.__main__",):
        try:
            importlib.import_module(name)
            count += 1
        except ModuleNotFoundError as exc:
            if exc.name != name:
                failed.append(f"{name} ({_describe(exc)})")
        except Exception as exc:
            failed.append(f"{name} ({_describe(exc)})")
    if failed:
        return CheckResult(Status.FAIL, "imports", "; ".join(failed))
    if count == 0:
        return CheckResult(Status.FAIL, "imports", "no pan123_gui modules found")
    return CheckResult(Status.OK, "imports", f"{count} modules")


def check_qt_platform() -> Iterator[CheckResult]:
    """A QApplication starts with the platform plugin, a window is shown and drawn (grab), Chinese fonts exist."""
    env_note = ""
    problem = xcb_plugin_problem()
    if problem is not None:
        if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
            yield CheckResult(Status.FAIL, "qt-platform", problem)
            return
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        env_note = " (no display: checked with offscreen)"
    from PySide6.QtCore import QCoreApplication, QEventLoop, qVersion
    from PySide6.QtGui import QColor, QFontDatabase
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "pan123-gui"])
    assert isinstance(app, QCoreApplication)
    window = QWidget()
    window.setWindowTitle("pan123-gui self-test")
    layout = QVBoxLayout(window)
    label = QLabel("pan123-gui 自检 self-test ✓")
    label.setStyleSheet("color: black; background: white; font-size: 20px;")
    layout.addWidget(label)
    window.resize(360, 80)
    window.show()
    for _ in range(5):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    image = label.grab().toImage()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    platform_name = QApplication.platformName()
    if image.isNull() or image.width() == 0:
        yield CheckResult(Status.FAIL, "qt-platform", f"{platform_name}: grabbing a window gave an empty image")
        return
    colours = {
        QColor(image.pixel(x, y)).rgb()
        for x in range(0, image.width(), max(1, image.width() // 60))
        for y in range(0, image.height(), max(1, image.height() // 20))
    }
    if len(colours) < 2:
        yield CheckResult(Status.FAIL, "qt-platform", f"{platform_name}: the window was drawn blank (no text)")
        return
    status = Status.WARN if env_note else Status.OK
    yield CheckResult(status, "qt-platform", f"{platform_name} (Qt {qVersion()}){env_note}")

    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if chinese:
        yield CheckResult(Status.OK, "fonts", f"{len(chinese)} Chinese font families (e.g. {chinese[0]})")
    else:
        yield CheckResult(Status.WARN, "fonts", "no Chinese font found: Chinese text will show as boxes")


def check_icons(resources: Path, required: Sequence[str] = ()) -> CheckResult:
    """The app icon exists, every ``required`` icon (``<name>.svg``) is there and every bundled icon renders."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icons_dir = resources / "icons"
    files = []
    if icons_dir.is_dir():
        files = sorted(p for p in icons_dir.rglob("*") if p.suffix.lower() in {".svg", ".png", ".ico"})
    if not files:
        return CheckResult(Status.FAIL, "icons", f"no icons in {icons_dir}")
    missing = [f"{name}.svg" for name in required if not (icons_dir / f"{name}.svg").is_file()]
    if missing:
        return CheckResult(Status.FAIL, "icons", f"missing in {icons_dir}: {', '.join(missing)}")
    broken = [p.name for p in files if QIcon(str(p)).pixmap(QSize(32, 32)).isNull()]
    if broken:
        return CheckResult(Status.FAIL, "icons", f"cannot render: {', '.join(broken)}")
    if not (icons_dir / "app.png").is_file() and not (icons_dir / "app.svg").is_file():
        return CheckResult(Status.FAIL, "icons", f"{len(files)} icons render, but the app icon (app.png) is missing")
    return CheckResult(Status.OK, "icons", f"{len(files)} icons render")


def app_icons_check() -> CheckResult:
    """:func:`check_icons` on the folder the app itself reads (importlib.resources), with every icon it asks for."""
    from pan123_gui.ui.icons import ICON_NAMES

    resources = resources_dir()
    result = check_icons(resources, required=(*ICON_NAMES, "app"))
    return CheckResult(result.status, result.name, f"{result.detail} (from {resources})")


def check_translations(resources: Path) -> Iterator[CheckResult]:
    """The app's zh_CN translations load; Qt's own qtbase_zh_CN (dialog buttons) is there too."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qm_files = sorted((resources / "i18n").glob("*_zh_CN.qm"))
    if not qm_files:
        yield CheckResult(Status.FAIL, "translations", f"no *_zh_CN.qm files in {resources / 'i18n'}")
    else:
        bad = []
        for path in qm_files:
            translator = QTranslator()
            if not translator.load(str(path)) or translator.isEmpty():
                bad.append(path.name)
        if bad:
            yield CheckResult(Status.FAIL, "translations", f"cannot load: {', '.join(bad)}")
        else:
            yield CheckResult(Status.OK, "translations", ", ".join(p.name for p in qm_files))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if translator.load("qtbase_zh_CN", qt_dir):
        yield CheckResult(Status.OK, "qt-translations", "qtbase_zh_CN")
    else:
        yield CheckResult(Status.WARN, "qt-translations", f"qtbase_zh_CN.qm not found in {qt_dir}")


def app_translations_check() -> Iterator[CheckResult]:
    """:func:`check_translations` on the folder the app itself reads (importlib.resources)."""
    resources = resources_dir()
    for result in check_translations(resources):
        if result.name == "translations":
            result = CheckResult(result.status, result.name, f"{result.detail} (from {resources})")
        yield result


def platform_backend_module(platform_name: str | None = None) -> str:
    platform_name = sys.platform if platform_name is None else platform_name
    if platform_name == "win32":
        return "keyring.backends.Windows"
    if platform_name == "darwin":
        return "keyring.backends.macOS"
    return "keyring.backends.SecretService"


def keyring_unavailable_reason(platform_name: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """Plain words for why the OS keyring is not usable here (more precise than the app's warning on Linux)."""
    platform_name = sys.platform if platform_name is None else platform_name
    env = os.environ if env is None else env
    if platform_name.startswith("linux"):
        if not env.get("DBUS_SESSION_BUS_ADDRESS"):
            return "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service keyring"
        try:
            from keyring.backends import SecretService

            SecretService.Keyring.priority  # noqa: B018  (raises with the reason when unusable)
        except Exception as exc:
            return f"Secret Service keyring not usable: {_describe(exc)}"
        return "no usable keyring backend"
    return "no usable system keyring"


def check_keyring(options: Options) -> Iterator[CheckResult]:
    """The platform backend is bundled; the active backend is a real one and a secret round-trips through it."""
    module = platform_backend_module()
    try:
        importlib.import_module(module)
    except Exception as exc:
        yield CheckResult(Status.FAIL, "keyring-backends", f"{module} is missing: {_describe(exc)}")
    else:
        yield CheckResult(Status.OK, "keyring-backends", module)

    import keyring

    from pan123_gui.core.credentials import choose_backend
    from pan123_gui.core.keyring_problems import MEMORY_WARNINGS

    active = keyring.get_keyring()
    name = f"{type(active).__module__}.{type(active).__name__}"
    not_real = Status.FAIL if options.require_keyring else Status.WARN
    backend, why = choose_backend(active)  # the app's own rule for "a keyring that really stores secrets"
    if backend is None:
        said = MEMORY_WARNINGS[why] if why is not None else ""
        yield CheckResult(not_real, "keyring", f"{name}: {keyring_unavailable_reason()}. {said}".strip())
        return
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:
        backend.set_password(KEYRING_TEST_SERVICE, KEYRING_TEST_USER, "self-test-é")
        value = backend.get_password(KEYRING_TEST_SERVICE, KEYRING_TEST_USER)
        backend.delete_password(KEYRING_TEST_SERVICE, KEYRING_TEST_USER)
    except Exception as exc:
        yield CheckResult(not_real, "keyring", f"{name}: store/read failed: {_describe(exc)}")
        return
    if value != "self-test-é":
        yield CheckResult(not_real, "keyring", f"{name}: a stored secret did not read back")
        return
    yield CheckResult(Status.OK, "keyring", name)


def check_tls() -> CheckResult:
    """An SSL context with certifi's CA bundle (what the API client uses) loads CA certificates."""
    import certifi

    cafile = Path(certifi.where())
    if not cafile.is_file():
        return CheckResult(Status.FAIL, "tls", f"CA bundle missing: {cafile}")
    context = ssl.create_default_context(cafile=str(cafile))
    count = context.cert_store_stats().get("x509_ca", 0)
    if count == 0:
        return CheckResult(Status.FAIL, "tls", f"no CA certificates loaded from {cafile.name}")
    return CheckResult(Status.OK, "tls", f"{ssl.OPENSSL_VERSION}, {count} CA certificates (certifi)")


def check_demo_api() -> CheckResult:
    """Resolve sample IDs through the real client and resolver against the fake API on 127.0.0.1."""
    from pan123_gui.core.client import build_client
    from pan123_gui.core.credentials import Credentials
    from pan123_gui.core.resolver import Resolver
    from pan123_gui.demo.fake_api import FakeApiServer
    from pan123_gui.demo.samples import NOT_DIRECT_LINK_ID, VIDEO_ID

    wanted = [VIDEO_ID, 10861132, NOT_DIRECT_LINK_ID]
    with FakeApiServer() as server:
        server.add_sample_files()
        token = server.issue_token()
        creds = Credentials(access_token=token, client_id=None, client_secret=None, sign_key=None)
        client = build_client(creds, base_url=server.base_url)
        try:
            results = Resolver(client, workers=2).resolve(wanted)
        finally:
            client.close()
        expected = {file_id: server.expected_url(file_id) for file_id in wanted[:2]}
    by_id = {r.file_id: r for r in results}
    for file_id, url in expected.items():
        result = by_id.get(file_id)
        if result is None or result.url != url:
            got = "nothing" if result is None else (result.url and "another link") or result.error or "no link"
            return CheckResult(Status.FAIL, "demo-api", f"ID {file_id}: expected a direct link, got {got}")
    refused = by_id.get(NOT_DIRECT_LINK_ID)
    if refused is None or refused.ok:
        return CheckResult(Status.FAIL, "demo-api", f"ID {NOT_DIRECT_LINK_ID} should have been refused")
    return CheckResult(Status.OK, "demo-api", f"{len(expected)} links resolved, 1 refusal reported, via 127.0.0.1")


# ---- runner -----------------------------------------------------------------------------------------------------


def _run_check(name: str, check: Callable[[], CheckResult | Iterator[CheckResult]]) -> list[CheckResult]:
    try:
        outcome = check()
        return [outcome] if isinstance(outcome, CheckResult) else list(outcome)
    except Exception as exc:
        detail = _describe(exc)
        if os.environ.get("PAN123_SELFTEST_TRACEBACK"):
            detail += "\n" + traceback.format_exc()
        return [CheckResult(Status.FAIL, name, detail)]


def run_checks(options: Options, emit: Callable[[CheckResult], None]) -> list[CheckResult]:
    checks: list[tuple[str, Callable[[], CheckResult | Iterator[CheckResult]]]] = [
        ("imports", check_imports),
        ("qt-platform", check_qt_platform),
        ("icons", app_icons_check),
        ("translations", app_translations_check),
        ("keyring", lambda: check_keyring(options)),
        ("tls", check_tls),
    ]
    if not options.skip_demo:
        checks.append(("demo-api", check_demo_api))
    results: list[CheckResult] = []
    for name, check in checks:
        for result in _run_check(name, check):
            emit(result)
            results.append(result)
    return results


def header() -> str:
    return (
        f"pan123-gui {pan123_gui.__version__} self-test ({install_kind()}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.machine()})"
    )


def install_kind() -> str:
    """How this copy runs: "frozen" (PyInstaller), "from source" (pyproject.toml beside the package) or "installed"."""
    if getattr(sys, "frozen", False):
        return "frozen"
    if (Path(pan123_gui.__file__).resolve().parent.parent / "pyproject.toml").is_file():
        return "from source"
    return "installed"


def parse_args(argv: Sequence[str] | None) -> tuple[Options, Path | None]:
    parser = argparse.ArgumentParser(prog="pan123-gui --self-test", add_help=True)
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--require-keyring", action="store_true", help="a memory-only keyring is a failure")
    parser.add_argument("--skip-demo", action="store_true", help="skip the round trip through the fake API")
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    args, _unknown = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return Options(require_keyring=args.require_keyring, skip_demo=args.skip_demo), args.report


def main(argv: Sequence[str] | None = None) -> int:
    """Run every check, print one line each and a final OK/FAIL; 0 when nothing failed."""
    options, report_path = parse_args(argv)
    lines: list[str] = []
    out: TextIO | None = sys.stdout

    def say(line: str) -> None:
        lines.append(line)
        if out is not None:
            with contextlib.suppress(OSError, ValueError):
                print(line, file=out, flush=True)

    say(header())
    results = run_checks(options, lambda result: say(result.line()))
    failed = any(r.status is Status.FAIL for r in results)
    say("FAIL" if failed else "OK")
    if report_path is not None:
        report_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
