"""Build pan123-gui with PyInstaller, print the sizes against the budget, exit non-zero when over it.

    python packaging/build.py                  # one folder: dist/pan123-gui/
    python packaging/build.py --variant both   # and one file: dist/onefile/pan123-gui
    python packaging/build.py --skip-build     # only measure what is in dist/

Run it with the Python that has the app's dependencies and PyInstaller installed (the venv). Exit codes: 0 built and
within budget, 1 over budget (or an output is missing), 2 PyInstaller failed. Budgets (Linux x86_64): one folder
150 MiB, one file 70 MiB; on other systems the sizes are printed and the budget is not enforced.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pan123_gui.spec"
APP_NAME = "pan123-gui"
MIB = 1024 * 1024
BUDGET_ONEDIR = 150 * MIB
BUDGET_ONEFILE = 70 * MIB


@dataclass(frozen=True)
class Measured:
    label: str
    path: Path
    size: int | None  # None: missing
    budget: int

    @property
    def over(self) -> bool:
        return self.size is None or self.size > self.budget

    def line(self, enforce: bool) -> str:
        shown = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        if self.size is None:
            return f"{self.label:<10} {shown}  MISSING"
        verdict = ("OVER BUDGET" if self.over else "OK") if enforce else "(budget not enforced here)"
        size = f"{self.size / MIB:7.1f} MiB  (budget {self.budget / MIB:.0f} MiB)"
        return f"{self.label:<10} {shown!s:<24} {size}  {verdict}"


def executable_name(platform: str = sys.platform) -> str:
    return f"{APP_NAME}.exe" if platform == "win32" else APP_NAME


def onedir_path(dist: Path) -> Path:
    return dist / APP_NAME


def onefile_path(dist: Path, platform: str = sys.platform) -> Path:
    return dist / "onefile" / executable_name(platform)


def tree_size(path: Path) -> int:
    """Bytes in a file or a folder tree (apparent sizes; symlinks counted as links, not followed)."""
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            total += (Path(folder) / name).lstat().st_size
    return total


def largest_entries(folder: Path, count: int) -> list[tuple[int, str]]:
    """The biggest files under ``folder`` (size, relative path), biggest first."""
    sizes: list[tuple[int, str]] = []
    for current, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(current) / name
            if not path.is_symlink():
                sizes.append((path.stat().st_size, str(path.relative_to(folder))))
    sizes.sort(reverse=True)
    return sizes[:count]


def measure(path: Path, label: str, budget: int) -> Measured:
    return Measured(label, path, tree_size(path) if path.exists() else None, budget)


def budget_enforced(platform: str = sys.platform) -> bool:
    return platform.startswith("linux")


def run_pyinstaller(onefile: bool, python: str = sys.executable) -> int:
    command = [python, "-m", "PyInstaller", str(SPEC.relative_to(ROOT)), "--noconfirm", "--log-level", "WARN"]
    if onefile:
        command += ["--", "--onefile"]
    print("+", " ".join(command), flush=True)
    started = time.monotonic()
    rc = subprocess.call(command, cwd=ROOT)
    print(f"  PyInstaller {'one-file' if onefile else 'one-folder'}: rc {rc}, {time.monotonic() - started:.0f} s")
    return rc


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variant", choices=("onedir", "onefile", "both"), default="onedir")
    parser.add_argument("--skip-build", action="store_true", help="only measure the existing outputs")
    parser.add_argument("--top", type=int, default=12, help="list the N largest files of the folder build")
    args = parser.parse_args(argv)

    variants = ["onedir", "onefile"] if args.variant == "both" else [args.variant]
    if not args.skip_build:
        for variant in variants:
            if run_pyinstaller(onefile=variant == "onefile") != 0:
                print(f"FAIL: PyInstaller failed for the {variant} build")
                return 2

    dist = ROOT / "dist"
    measured: list[Measured] = []
    if "onedir" in variants:
        measured.append(measure(onedir_path(dist), "one-folder", BUDGET_ONEDIR))
    if "onefile" in variants:
        measured.append(measure(onefile_path(dist), "one-file", BUDGET_ONEFILE))
    enforce = budget_enforced()

    print("\nSizes:")
    for item in measured:
        print(" ", item.line(enforce))
    folder = onedir_path(dist)
    if "onedir" in variants and folder.is_dir() and args.top > 0:
        print(f"\nLargest files in {folder}:")
        for size, name in largest_entries(folder, args.top):
            print(f"  {size / MIB:7.1f} MiB  {name}")

    missing = [m for m in measured if m.size is None]
    over = [m for m in measured if m.size is not None and m.over]
    if missing or (enforce and over):
        print(
            "\nFAIL: " + ", ".join([f"{m.label} missing" for m in missing] + [f"{m.label} over budget" for m in over])
        )
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
