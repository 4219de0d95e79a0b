"""pan123_gui.selftest: each check on good and broken inputs, and the whole report from source."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pan123_gui import selftest
from pan123_gui.paths import resources_dir
from pan123_gui.selftest import CheckResult, Options, Status

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(OK|WARN|FAIL) +[a-z][a-z-]+( .*)?$")


def source_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def run_from_source(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pan123_gui", "--self-test", *args],
        cwd=ROOT,
        env=env or source_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


# ---- the whole report, as `python -m pan123_gui --self-test` ----------------------------------------------------


def test_self_test_from_source_passes_and_reports_one_line_per_check() -> None:
    done = run_from_source()
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[0].startswith("pan123-gui ") and "from source" in lines[0]
    assert lines[-1] == "OK"
    checks = {line.split()[1]: line.split()[0] for line in lines[1:-1]}
    assert all(LINE.match(line) for line in lines[1:-1]), lines
    for name in ("imports", "qt-platform", "icons", "translations", "keyring-backends", "tls", "demo-api"):
        assert checks.get(name) == "OK", (name, lines)
    assert "OK   qt-platform offscreen" in done.stdout


def test_without_dbus_the_keyring_is_a_clear_warning_not_a_failure() -> None:
    done = run_from_source("--skip-demo")
    keyring_line = next(line for line in done.stdout.splitlines() if line.split()[1:2] == ["keyring"])
    assert keyring_line.startswith("WARN keyring keyring.backends.fail.Keyring: no D-Bus session bus")
    assert "memory" in keyring_line
    assert done.returncode == 0


def test_require_keyring_turns_the_missing_keyring_into_a_failure(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    done = run_from_source("--skip-demo", "--require-keyring", "--report", str(report))
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "FAIL"
    assert "FAIL keyring keyring.backends.fail.Keyring" in done.stdout
    assert report.read_text(encoding="utf-8") == done.stdout  # --report writes the same lines


def test_self_test_module_runs_directly() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pan123_gui.selftest", "--skip-demo"],
        cwd=ROOT,
        env=source_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "demo-api" not in done.stdout  # skipped


# ---- single checks -----------------------------------------------------------------------------------------------


def test_qt_platform_check_draws_a_window(qapp: Any) -> None:
    results = list(selftest.check_qt_platform())
    assert results[0].status is Status.OK and results[0].detail.startswith("offscreen")
    assert results[1].name == "fonts"


def make_qm(folder: Path, name: str) -> Path:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        found = shutil.which("pyside6-lrelease")
        if found is None:
            pytest.skip("pyside6-lrelease not found")
        lrelease = Path(found)
    ts = folder / f"{name}.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>Test</name><message><source>Copy</source><translation>复制</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    subprocess.run([str(lrelease), "-silent", str(ts)], check=True, timeout=60)
    return folder / f"{name}.qm"


def test_translations_check(qapp: Any, tmp_path: Path) -> None:
    i18n = tmp_path / "i18n"
    i18n.mkdir()
    missing = list(selftest.check_translations(tmp_path))
    assert missing[0].status is Status.FAIL and "no *_zh_CN.qm" in missing[0].detail

    make_qm(i18n, "window_zh_CN")
    good = list(selftest.check_translations(tmp_path))
    assert good[0] == CheckResult(Status.OK, "translations", "window_zh_CN.qm")

    (i18n / "broken_zh_CN.qm").write_bytes(b"not a qm file")
    broken = list(selftest.check_translations(tmp_path))
    assert broken[0].status is Status.FAIL and "broken_zh_CN.qm" in broken[0].detail


def test_icons_check(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    icons = tmp_path / "icons"
    assert selftest.check_icons(tmp_path).status is Status.FAIL  # no folder
    icons.mkdir()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(QColor("red"))
    assert image.save(str(icons / "copy.png"))
    no_app_icon = selftest.check_icons(tmp_path)
    assert no_app_icon.status is Status.FAIL and "app icon" in no_app_icon.detail
    assert image.save(str(icons / "app.png"))
    assert selftest.check_icons(tmp_path) == CheckResult(Status.OK, "icons", "2 icons render")
    missing = selftest.check_icons(tmp_path, required=("copy", "resolve"))  # the app asks for copy.svg, resolve.svg
    assert missing.status is Status.FAIL and missing.detail.endswith("copy.svg, resolve.svg")
    (icons / "bad.svg").write_text("this is not svg", encoding="utf-8")
    bad = selftest.check_icons(tmp_path)
    assert bad.status is Status.FAIL and "bad.svg" in bad.detail


def test_bundled_resources_pass_where_the_app_finds_them(qapp: Any) -> None:
    resources = resources_dir()
    assert resources == ROOT / "pan123_gui" / "resources"  # importlib.resources, here from the checkout
    icons = selftest.app_icons_check()
    assert icons.status is Status.OK and icons.detail.endswith(f"(from {resources})")
    translations = next(iter(selftest.app_translations_check()))
    assert translations.status is Status.OK and "errors_zh_CN.qm" in translations.detail
    assert translations.detail.endswith(f"(from {resources})")


def test_install_kind(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert selftest.install_kind() == "from source"  # this checkout
    site = tmp_path / "site-packages" / "pan123_gui"
    site.mkdir(parents=True)
    monkeypatch.setattr(selftest.pan123_gui, "__file__", str(site / "__init__.py"))
    assert selftest.install_kind() == "installed"  # a wheel: no pyproject.toml beside the package
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert selftest.install_kind() == "frozen"


def test_app_icons_check_fails_when_an_icon_the_app_uses_is_missing(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copytree(resources_dir() / "icons", tmp_path / "icons")
    (tmp_path / "icons" / "copy.svg").unlink()
    monkeypatch.setattr(selftest, "resources_dir", lambda: tmp_path)
    result = selftest.app_icons_check()
    assert result.status is Status.FAIL and "copy.svg" in result.detail


def test_keyring_check_round_trips_through_a_real_backend(memory_keyring: Any) -> None:
    results = list(selftest.check_keyring(Options()))
    assert results[0].name == "keyring-backends" and results[0].status is Status.OK
    assert results[1].status is Status.OK and results[1].detail.endswith("MemoryKeyring")
    assert memory_keyring.items == {}  # the test secret was deleted again


def test_keyring_check_on_the_fail_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    old = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        warn = list(selftest.check_keyring(Options()))[1]
        failed = list(selftest.check_keyring(Options(require_keyring=True)))[1]
    finally:
        keyring.set_keyring(old)
    assert warn.status is Status.WARN and "D-Bus" in warn.detail and "memory" in warn.detail
    assert failed.status is Status.FAIL


@pytest.mark.real_keyring
def test_keyring_check_with_the_secret_service(secret_service: Any) -> None:
    result = list(selftest.check_keyring(Options(require_keyring=True)))[1]
    assert result == CheckResult(Status.OK, "keyring", "keyring.backends.SecretService.Keyring")


def test_tls_check() -> None:
    result = selftest.check_tls()
    assert result.status is Status.OK and "CA certificates" in result.detail


def test_demo_api_check_resolves_through_the_fake_api() -> None:
    assert selftest.check_demo_api().status is Status.OK


def test_a_crashing_check_is_a_failure_not_a_crash() -> None:
    def boom() -> CheckResult:
        raise RuntimeError("kaputt\nsecond line")

    assert selftest._run_check("boom", boom) == [CheckResult(Status.FAIL, "boom", "RuntimeError: kaputt")]


def test_parse_args_ignores_the_apps_own_options(tmp_path: Path) -> None:
    options, report = selftest.parse_args(["--self-test", "--demo", "--lang", "en", "--report", str(tmp_path / "r")])
    assert options == Options() and report == tmp_path / "r"


# ---- the X11 plugin pre-check (Qt would abort without a dialog) ----------------------------------------------------


def plugins(tmp_path: Path) -> Path:
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "libqxcb.so").write_bytes(b"")
    return tmp_path


def test_xcb_problem_not_checked_off_linux_or_with_another_platform(tmp_path: Path) -> None:
    assert selftest.xcb_plugin_problem({}, platform_name="win32") is None
    assert selftest.xcb_plugin_problem({"QT_QPA_PLATFORM": "offscreen"}, platform_name="linux") is None
    assert selftest.xcb_plugin_problem({"WAYLAND_DISPLAY": "wayland-0"}, platform_name="linux") is None


def test_xcb_problem_without_a_display() -> None:
    problem = selftest.xcb_plugin_problem({}, platform_name="linux")
    assert problem is not None and "DISPLAY" in problem and "offscreen" in problem


def test_xcb_problem_names_the_missing_library_and_package(tmp_path: Path) -> None:
    def load(path: str) -> object:
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    problem = selftest.xcb_plugin_problem(
        {"DISPLAY": ":0"}, platform_name="linux", load=load, plugins_dir=plugins(tmp_path)
    )
    assert problem is not None and "libxcb-cursor.so.0" in problem and "apt install libxcb-cursor0" in problem


def test_xcb_problem_none_when_the_plugin_loads(tmp_path: Path) -> None:
    loaded: list[str] = []
    env = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
    folder = plugins(tmp_path)
    assert selftest.xcb_plugin_problem(env, platform_name="linux", load=loaded.append, plugins_dir=folder) is None
    assert loaded == [str(folder / "platforms" / "libqxcb.so")]


def test_xcb_problem_when_the_plugin_is_missing(tmp_path: Path) -> None:
    problem = selftest.xcb_plugin_problem({"DISPLAY": ":0"}, platform_name="linux", plugins_dir=tmp_path)
    assert problem is not None and "missing" in problem


def test_xcb_plugin_of_this_installation_loads_when_there_is_a_display() -> None:
    if not os.environ.get("DISPLAY"):
        env = {"DISPLAY": ":99", "QT_QPA_PLATFORM": "xcb"}  # loading the library needs no X server
    else:
        env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    assert selftest.xcb_plugin_problem(env) is None
