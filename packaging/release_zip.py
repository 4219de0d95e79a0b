"""Zip the one-folder build for a release: dist/pan123-gui-<version>-<platform>-<arch>.zip.

    python packaging/release_zip.py            # after python packaging/build.py

The zip holds one folder, ``pan123-gui-<version>/``, with the app (on macOS: ``pan123-gui.app``) and a short
README.txt in English and Chinese. Executable bits and symbolic links are kept (macOS bundles need the links).
Prints the zip's path, size and SHA-256. Exit 1 when there is no build to zip.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import stat
import sys
import tomllib
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "pan123-gui"

README_TEXT = """\
pan123-gui {version} — 123pan file IDs to direct links / 123云盘文件 ID 转直链

Start / 启动
  Windows: open this folder and double-click pan123-gui.exe.
           打开此文件夹，双击 pan123-gui.exe。
           If Windows SmartScreen says "Windows protected your PC": click "More info", then "Run anyway".
           如果出现“Windows 已保护你的电脑”：点“更多信息”，再点“仍要运行”。
  macOS:   drag pan123-gui.app to Applications. The first time, right-click it and choose Open, then Open again.
           把 pan123-gui.app 拖到“应用程序”。第一次请右键点它，选“打开”，再点“打开”。
  Linux:   run ./pan123-gui in this folder (or double-click it in your file manager).
           在此文件夹中运行 ./pan123-gui。

Keep the whole folder together: the program needs the files next to it.
请保持整个文件夹完整：程序需要旁边的文件。

Try it without an account: pan123-gui --demo (built-in demo data, no network).
没有账号也可以试用：pan123-gui --demo（内置演示数据，不联网）。
Check the installation: pan123-gui --self-test
检查安装是否完整：pan123-gui --self-test
"""


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    return str(version)


def platform_tag(system: str | None = None) -> str:
    system = (system or platform.system()).lower()
    return {"windows": "windows", "darwin": "macos"}.get(system, system)


def arch_tag(machine: str | None = None) -> str:
    machine = (machine or platform.machine()).lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}.get(machine, machine)


def zip_name(version: str, system: str | None = None, machine: str | None = None) -> str:
    return f"{APP_NAME}-{version}-{platform_tag(system)}-{arch_tag(machine)}.zip"


def build_to_zip(dist: Path, system: str | None = None) -> Path:
    """What goes in: the .app bundle on macOS, else the one-folder build."""
    if platform_tag(system) == "macos" and (dist / f"{APP_NAME}.app").is_dir():
        return dist / f"{APP_NAME}.app"
    return dist / APP_NAME


def _walk(source: Path) -> Iterator[Path]:
    """Every file, symlink and directory under source (symlinks are not followed), sorted for a stable zip."""
    for folder, dirs, files in os.walk(source):
        dirs.sort()
        base = Path(folder)
        for name in dirs:
            if (base / name).is_symlink():
                yield base / name
        for name in sorted(files):
            yield base / name


def write_zip(source: Path, target: Path, top: str, readme: str) -> None:
    """Zip ``source`` as ``top/<source name>/...`` plus ``top/README.txt``. Symlinks are stored as links."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        readme_info = zipfile.ZipInfo(f"{top}/README.txt", date_time=(2020, 1, 1, 0, 0, 0))
        readme_info.external_attr = (stat.S_IFREG | 0o644) << 16
        archive.writestr(readme_info, readme.replace("\n", "\r\n"), compress_type=zipfile.ZIP_DEFLATED)
        for path in _walk(source):
            arcname = f"{top}/{source.name}/{path.relative_to(source).as_posix()}"
            if path.is_symlink():
                info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                info.create_system = 3  # Unix, so unzip tools read the mode bits
                archive.writestr(info, os.readlink(path))
            else:
                archive.write(path, arcname)
    tmp.replace(target)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="PyInstaller's dist folder")
    args = parser.parse_args(argv)

    version = project_version()
    source = build_to_zip(args.dist)
    if not source.is_dir():
        print(f"FAIL: no build at {source}; run: python packaging/build.py", file=sys.stderr)
        return 1
    target = args.dist / zip_name(version)
    write_zip(source, target, f"{APP_NAME}-{version}", README_TEXT.format(version=version))
    size = target.stat().st_size
    print(f"{target}  {size / (1024 * 1024):.1f} MiB  sha256 {sha256(target)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
