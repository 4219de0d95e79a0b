"""Translation sources (.ts) and compiled translations (.qm) for the window.

    python packaging/i18n.py update <part> [<part> ...]   # pyside6-lupdate: sources → I18N_DIR/<part>_zh_CN.ts
    python packaging/i18n.py update all
    python packaging/i18n.py compile [<part> ...]         # pyside6-lrelease: I18N_DIR/*.ts → .qm beside it
    python packaging/i18n.py check                        # exit 1 when a translation is missing, unfinished or stale

I18N_DIR is ``pan123_gui/resources/i18n/``: the .ts sources sit beside the .qm files the package ships.
Parts and their sources are the globs in ``PARTS`` (paths relative to the repository root), so a new file in a
part's folder (``ui/dialogs/``, ``ui/window/``, ...) is picked up without editing this script. Each file belongs to
the first part that matches it (errors, then dialogs, then shares, then files, then window, which takes every other
file under pan123_gui/ui/).
Texts that count things are ``tr(text, "", n)`` calls with ``%n`` (Qt's plural handling; the source is the English
plural): their English singular and plural forms live in ``<part>_en.ts``, which holds only those texts.
Fill in the Chinese with Qt Linguist (``pyside6-linguist``) or by hand: write the text into ``<translation>`` and
remove ``type="unfinished"``. Keep ``{placeholders}`` exactly as in the English.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "pan123_gui" / "resources" / "i18n"
LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"

PARTS: dict[str, tuple[str, ...]] = {
    "errors": (
        "pan123_gui/ui/wording/errors.py",
        "pan123_gui/ui/results/model.py",
    ),
    "dialogs": (
        "pan123_gui/ui/wording/dialogs.py",
        "pan123_gui/ui/dialogs/*.py",
        "pan123_gui/settings.py",
        "pan123_gui/app.py",
        "pan123_gui/__main__.py",
    ),
    "shares": (  # share links, QR codes, direct-link spaces
        "pan123_gui/ui/wording/shares.py",
        "pan123_gui/ui/wording/spaces.py",
        "pan123_gui/ui/shares/*.py",
        "pan123_gui/ui/spaces/*.py",
    ),
    "files": (
        "pan123_gui/ui/wording/files.py",
        "pan123_gui/ui/files/*.py",
    ),
    "kept": (  # pastes too big for the box, IDs handed over by a second start
        "pan123_gui/ui/wording/kept.py",
    ),
    "window": (
        "pan123_gui/ui/wording/window.py",
        "pan123_gui/ui/window/*.py",
        "pan123_gui/ui/results/*.py",
        "pan123_gui/ui/input/*.py",
        "pan123_gui/workers/*.py",
        "pan123_gui/ui/**/*.py",  # every other window file (bars, panels, ...)
    ),
}

# Files with any of these may hold user-facing text; `check` fails when such a file belongs to no part.
_TRANSLATABLE = re.compile(r"\b(?:translate|QT_TRANSLATE_NOOP)\(\s*[\"']|\bQT_TR_NOOP\(|\btr\(\s*[\"']")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n|%\d")
_NOT_SHIPPED = {"obsolete", "vanished"}


class ToolError(RuntimeError):
    pass


def qt_tool(name: str) -> str:
    """Path of ``pyside6-<name>`` beside this Python (venv bin/Scripts), else the binary in the PySide6 package."""
    suffix = ".exe" if os.name == "nt" else ""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}{suffix}"]
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).resolve().parent / f"{name}{suffix}")
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise ToolError(f"pyside6-{name} not found (install PySide6-Essentials in this Python)")


def _run(command: Sequence[str]) -> None:
    completed = subprocess.run(list(command), cwd=ROOT, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise ToolError(
            f"{Path(command[0]).name} failed ({completed.returncode}):\n{completed.stdout}{completed.stderr}"
        )


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def ts_path(part: str) -> Path:
    return I18N_DIR / f"{part}_{LANGUAGE}.ts"


def plurals_ts_path(part: str) -> Path:
    """The English plural forms of ``part`` ("%n link" / "%n links" for the source "%n links"), if it has any."""
    return I18N_DIR / f"{part}_{SOURCE_LANGUAGE}.ts"


def part_sources(part: str) -> list[Path]:
    """Existing source files of ``part`` (sorted), without files an earlier part already claims."""
    claimed: set[Path] = set()
    for name, patterns in PARTS.items():
        files = {path for pattern in patterns for path in ROOT.glob(pattern) if path.is_file()} - claimed
        if name == part:
            return sorted(files)
        claimed |= files
    raise KeyError(part)


def uncovered_sources() -> list[Path]:
    """Python files under pan123_gui that use translate()/tr() but belong to no part."""
    covered = {path for part in PARTS for path in part_sources(part)}
    return sorted(
        path
        for path in (ROOT / "pan123_gui").rglob("*.py")
        if path not in covered and _TRANSLATABLE.search(path.read_text(encoding="utf-8"))
    )


def lupdate(part: str, ts: Path, *, plurals_only: bool = False) -> None:
    """Refresh ``ts`` from the part's sources; ``plurals_only``: the English file with only the texts that count."""
    sources = part_sources(part)
    if not sources:
        raise ToolError(f"part {part!r} has no source files yet ({', '.join(PARTS[part])})")
    _run(
        [
            qt_tool("lupdate"),
            *(str(path.relative_to(ROOT)) for path in sources),
            "-ts",
            str(ts),
            "-target-language",
            SOURCE_LANGUAGE if plurals_only else LANGUAGE,
            "-source-language",
            SOURCE_LANGUAGE,
            *(["-pluralonly"] if plurals_only else []),
            "-no-obsolete",
            "-locations",
            "relative",
        ]
    )
    if plurals_only and not read_ts(ts):  # nothing in this part counts: no English file
        ts.unlink()
        ts.with_suffix(".qm").unlink(missing_ok=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` through a new file put in place at once: a running app (or test run) has the old
    ``.qm`` memory-mapped, and lrelease rewriting it in place crashed such a process inside ``tr()``."""
    fresh = qm.with_name(f".{qm.name}.new")
    try:
        _run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)])
        os.replace(fresh, qm)
    finally:
        fresh.unlink(missing_ok=True)


def update(parts: Sequence[str], *, skip_empty: bool = False) -> None:
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    for part in parts:
        if skip_empty and not part_sources(part):
            print(f"skipped {part}: no source files yet")
            continue
        lupdate(part, ts_path(part))
        print(f"updated {_shown(ts_path(part))}")
        lupdate(part, plurals_ts_path(part), plurals_only=True)
        if plurals_ts_path(part).exists():
            print(f"updated {_shown(plurals_ts_path(part))}")


def compile_ts(parts: Sequence[str] = ()) -> list[Path]:
    """lrelease every pan123_gui/resources/i18n/*.ts (or only the given parts' files) into a .qm beside it."""
    written: list[Path] = []
    files = [ts_path(part) for part in parts] if parts else sorted(I18N_DIR.glob("*.ts"))
    for ts in files:
        qm = ts.with_suffix(".qm")
        lrelease(ts, qm)
        written.append(qm)
        print(f"compiled {_shown(qm)}")
    return written


# ---- check ----------------------------------------------------------------------------------------------------------


class Message(NamedTuple):
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]
    kind: str  # "" (finished), "unfinished", "obsolete", "vanished"


def read_ts(ts: Path) -> list[Message]:
    messages: list[Message] = []
    for context in ET.parse(ts).getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                texts: tuple[str, ...] = ()
                kind = "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = tuple((form.text or "") for form in forms) if forms else (translation.text or "",)
                kind = translation.get("type", "")
            messages.append(
                Message(context_name, message.findtext("source") or "", message.findtext("comment") or "", texts, kind)
            )
    return messages


def _key(message: Message) -> tuple[str, str, str]:
    return (message.context, message.source, message.comment)


def ts_problems(ts: Path) -> list[str]:
    """Untranslated or unfinished entries and placeholder mismatches in one .ts file."""
    problems: list[str] = []
    for message in read_ts(ts):
        if message.kind in _NOT_SHIPPED:
            continue
        where = f"{ts.name}: [{message.context}] {message.source!r}"
        if message.kind == "unfinished" or not message.translations or not all(t.strip() for t in message.translations):
            problems.append(f"{where} is not translated (or still marked unfinished)")
            continue
        wanted = sorted(set(_PLACEHOLDER.findall(message.source)))
        for text in message.translations:
            if sorted(set(_PLACEHOLDER.findall(text))) != wanted:
                problems.append(f"{where}: placeholders {wanted} differ in translation {text!r}")
    return problems


def stale_problems(part: str, *, plurals_only: bool = False) -> list[str]:
    """Strings in the sources that the part's .ts lacks (or keeps although they are gone): run `update`."""
    ts = plurals_ts_path(part) if plurals_only else ts_path(part)
    if not part_sources(part):
        return []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        if ts.exists():
            shutil.copyfile(ts, fresh)
        lupdate(part, fresh, plurals_only=plurals_only)
        wanted = {_key(m) for m in read_ts(fresh) if m.kind not in _NOT_SHIPPED} if fresh.exists() else set()
    if not ts.exists():
        return [f"{ts.name} does not exist: run `update {part}`"] if wanted else []
    have = {_key(m) for m in read_ts(ts) if m.kind not in _NOT_SHIPPED}
    problems = [
        f"{ts.name}: missing {source!r} [{context}]: run `update {part}`" for context, source, _c in wanted - have
    ]
    problems += [
        f"{ts.name}: {source!r} [{context}] is no longer in the sources: run `update {part}`"
        for context, source, _c in have - wanted
    ]
    return sorted(problems)


def qm_problems(ts: Path) -> list[str]:
    qm = ts.with_suffix(".qm")
    if not qm.exists():
        return [f"{qm.name} is missing: run `compile`"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        lrelease(ts, fresh)
        if fresh.read_bytes() != qm.read_bytes():
            return [f"{qm.name} is older than {ts.name}: run `compile`"]
    return []


def check() -> list[str]:
    problems: list[str] = []
    for path in uncovered_sources():
        problems.append(f"{path.relative_to(ROOT)} has translatable text but belongs to no part (see PARTS)")
    for part in PARTS:
        problems += stale_problems(part)
        problems += stale_problems(part, plurals_only=True)
    for ts in sorted(I18N_DIR.glob("*.ts")):
        problems += ts_problems(ts)
        problems += qm_problems(ts)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/i18n.py", description=__doc__.splitlines()[0] if __doc__ else "")
    commands = parser.add_subparsers(dest="command", required=True)
    update_parser = commands.add_parser("update", help="refresh <part>_zh_CN.ts from the sources (pyside6-lupdate)")
    update_parser.add_argument("parts", nargs="+", choices=[*PARTS, "all"])
    compile_parser = commands.add_parser("compile", help="compile the .ts files into .qm (pyside6-lrelease)")
    compile_parser.add_argument("parts", nargs="*", metavar="part", help="only these parts (default: every .ts)")
    commands.add_parser("check", help="fail when a translation is missing, unfinished or not compiled")
    args = parser.parse_args(argv)
    if args.command == "compile" and not set(args.parts) <= set(PARTS):
        parser.error(f"unknown part; choose from {', '.join(PARTS)}")
    try:
        if args.command == "update":
            every = "all" in args.parts
            update(list(PARTS) if every else args.parts, skip_empty=every)
        elif args.command == "compile":
            compile_ts(args.parts)
        else:
            problems = check()
            for problem in problems:
                print(problem)
            if problems:
                print(f"{len(problems)} translation problem(s)", file=sys.stderr)
                return 1
            print("translations: ok")
    except ToolError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
