"""Replace a file in one step: write a temp file beside it, then rename it over the old one.

A failed write (full disk, a crash, a cancelled save) never leaves half a file behind: the old file stays whole
until the rename, and the temp file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: bytes, *, mode: int, make_parents: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, with permission bits ``mode`` (e.g. 0o600 for private data).

    The temp file gets a unique name in the same folder (so the rename stays on one file system and two writers
    never share a temp file). ``make_parents`` creates missing parent folders. Raises OSError on I/O errors.
    """
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # created 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
