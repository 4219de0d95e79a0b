"""What a start of the window was given on its command line: file IDs, text with IDs in it, or files to read IDs from.

``pan123-gui 10861131 "fileID=10861132" ids.txt``: each item that names an existing file or folder is a file (made
absolute against the folder the command ran in, so a window started elsewhere reads the same file); anything else
is text, scanned for IDs. A second start hands its items to the window already open (see
``ui/single_instance.py``), which tells files from text by :func:`split_items`: an absolute path is a file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

__all__ = ["absolute_items", "split_items"]


def absolute_items(items: Sequence[str], cwd: Path | None = None) -> list[str]:
    """``items`` with every one that names an existing path made absolute (text items as they are)."""
    base = cwd if cwd is not None else Path.cwd()
    out: list[str] = []
    for item in items:
        if not item:
            continue
        try:
            path = Path(item).expanduser()
            if not path.is_absolute():
                path = base / path
            exists = os.path.lexists(path)
        except (OSError, ValueError):  # a name no file system takes (NUL, too long): text
            exists = False
        out.append(str(path.absolute()) if exists else item)
    return out


def split_items(items: Sequence[str]) -> tuple[list[Path], list[str]]:
    """(files, texts): absolute paths are files (read them; a missing one is said as such), the rest is text."""
    files: list[Path] = []
    texts: list[str] = []
    for item in items:
        if item and os.path.isabs(item):
            files.append(Path(item))
        elif item.strip():
            texts.append(item)
    return files, texts
