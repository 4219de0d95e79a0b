"""The wheel built from the checkout ships the icons and translations (package data), the same set as the app bundle.

Builds the wheel from a copy of the sources (so the checkout gets no build/ or .egg-info folders) with the venv's
own setuptools, then reads the archive. Installing that wheel in a fresh venv and running ``--self-test`` there is
CI's job (packaging/ci_wheel.sh): it needs PySide6 from the package index.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath
from types import ModuleType

import pytest

from pan123_gui.ui.icons import ICON_NAMES

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "pan123_gui" / "resources"


def load_pyi_trim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("packaging_pyi_trim_wheel", ROOT / "packaging" / "pyi_trim.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "pan123_gui", source / "pan123_gui", ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    )
    out = work / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", out, "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    wheels = list(out.glob("pan123_gui-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as archive:
        return set(archive.namelist())


def test_wheel_ships_every_icon_and_translation(wheel_names: set[str]) -> None:
    shipped = {name for name in wheel_names if name.startswith("pan123_gui/resources/")}
    for icon in (*ICON_NAMES, "app"):
        assert f"pan123_gui/resources/icons/{icon}.svg" in shipped
    assert "pan123_gui/resources/icons/app.png" in shipped  # the app icon where Qt has no SVG support
    qm = {PurePosixPath(name).name for name in shipped if name.endswith(".qm")}
    assert qm == {path.name for path in (RESOURCES / "i18n").glob("*.qm")}
    assert {"errors_zh_CN.qm", "dialogs_zh_CN.qm", "window_zh_CN.qm"} <= qm


def test_wheel_leaves_out_build_inputs(wheel_names: set[str]) -> None:
    assert not [name for name in wheel_names if name.endswith((".ts", ".ico", ".icns"))]
    assert not [name for name in wheel_names if name.startswith(("resources/", "tests/", "packaging/"))]
    assert "pan123_gui/py.typed" in wheel_names


def test_wheel_and_app_bundle_ship_the_same_resources(wheel_names: set[str]) -> None:
    pyi_trim = load_pyi_trim()
    bundled = {f"{dest}/{Path(src).name}" for src, dest in pyi_trim.resource_datas(RESOURCES)}
    assert bundled == {name for name in wheel_names if name.startswith("pan123_gui/resources/")}


def test_wheel_ships_every_module(wheel_names: set[str]) -> None:
    # A folder without __init__.py is left out by the package finder, and the installed app fails to import it.
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "pan123_gui").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert modules - wheel_names == set()
