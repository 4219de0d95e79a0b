"""The import-linter layer contracts: this project keeps them, and the custom submodule contract catches widgets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = shutil.which("lint-imports", path=str(Path(sys.executable).parent))

pytestmark = pytest.mark.skipif(LINT_IMPORTS is None, reason="import-linter is in the dev extra")

CONFIG = """
[tool.importlinter]
root_packages = ["toy"]
include_external_packages = true
contract_types = ["forbidden_external_submodules: tests.layer_contracts.ForbiddenExternalSubmodulesContract"]

[[tool.importlinter.contracts]]
name = "workers import no widgets"
type = "forbidden_external_submodules"
source_modules = ["toy.workers"]
forbidden_modules = ["PySide6.QtWidgets"]
"""


def lint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS is not None
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # tests.layer_contracts, as when run from the repository root
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_this_project_keeps_its_layer_contracts() -> None:
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("statement", "broken"),
    [
        ("from PySide6.QtCore import QObject, Signal", False),
        ("from PySide6 import QtCore", False),
        ("from PySide6.QtWidgets import QWidget", True),
        ("import PySide6.QtWidgets as widgets", True),
        ("from PySide6 import (\n    QtCore,\n    QtWidgets,\n)", True),
    ],
)
def test_submodule_contract(tmp_path: Path, statement: str, broken: bool) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    workers = tmp_path / "toy" / "workers"
    workers.mkdir(parents=True)
    (tmp_path / "toy" / "__init__.py").write_text("", encoding="utf-8")
    (workers / "__init__.py").write_text("", encoding="utf-8")
    (workers / "job.py").write_text(f'"""A worker."""\n\n{statement}\n', encoding="utf-8")
    done = lint(tmp_path)
    assert done.returncode == (1 if broken else 0), done.stdout + done.stderr
    assert ("toy.workers.job -> PySide6.QtWidgets (l.3)" in done.stdout) is broken
