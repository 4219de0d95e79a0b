"""``pan123-link``'s folders and search: what ``--recursive``, ``--search`` and ``--list`` add to a run.

:func:`collect` turns the inputs (file IDs, folder IDs, folder addresses) and the ``--search`` hits into the files
to resolve, each with its path (:mod:`pan123_gui.core.expand`), on a background thread so Ctrl+C cancels it.
:func:`write_list` prints them for ``--list`` (file ID, path, size) without asking for links.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from pan123_gui.core.expand import Target, expand
from pan123_gui.core.export import csv_line
from pan123_gui.core.ids import Ref
from pan123_gui.core.printable import encodable

if TYPE_CHECKING:
    from pan123_gui.core.client import Pan123Client
    from pan123_gui.core.listing import WalkProgress

__all__ = ["FOLDER_HINT", "LIST_COLUMNS", "Collected", "collect", "list_text", "write_list"]

#: what a folder row says when --recursive was not given
FOLDER_HINT = "This ID is a folder; add --recursive (-r) to get the links of the files inside"
LIST_COLUMNS = ("fileID", "name", "path", "size")
_POLL = 0.1


class Collected:
    """The files to resolve (and the folders that could not be listed), in order; ``hits`` of ``--search``."""

    def __init__(self, targets: list[Target], hits: int) -> None:
        self.targets = targets
        self.hits = hits


def collect(
    client: Pan123Client,
    refs: Sequence[Ref],
    *,
    recursive: bool,
    search: str | None,
    on_interrupt: Callable[[], None],
    on_progress: Callable[[WalkProgress], None] | None = None,
) -> Collected | None:
    """The targets for ``refs`` then the ``search`` hits (files only, each once). Runs on a thread; a Ctrl+C in the
    main thread cancels it (``on_interrupt`` is told) and gives None."""
    cancel = threading.Event()
    box: dict[str, Collected] = {}
    failure: list[BaseException] = []
    finished = threading.Event()

    def work() -> None:
        try:
            box["done"] = _collect(client, refs, recursive, search, cancel, on_progress)
        except BaseException as exc:  # reported by the main thread
            failure.append(exc)
        finally:
            finished.set()

    threading.Thread(target=work, name="pan123-link-folders", daemon=True).start()
    try:
        while not finished.wait(_POLL):
            pass
    except KeyboardInterrupt:
        cancel.set()
        on_interrupt()
        return None
    if failure:
        raise failure[0]
    return box["done"]


def _collect(
    client: Pan123Client,
    refs: Sequence[Ref],
    recursive: bool,
    search: str | None,
    cancel: threading.Event,
    on_progress: Callable[[WalkProgress], None] | None,
) -> Collected:
    from pan123_gui.core.folder_paths import FolderPaths
    from pan123_gui.core.search import search_drive

    paths = FolderPaths(client)
    targets = (
        expand(client, refs, paths=paths, cancel=cancel, on_progress=on_progress, recursive=recursive) if refs else []
    )
    hits = 0
    if search is not None:
        found = search_drive(client, search, files_only=True, paths=paths, cancel=cancel)
        hits = len(found)
        seen = {t.file_id for t in targets}
        targets += [Target(f.file_id, f.info, f.folder_path) for f in found if f.file_id not in seen]
    return Collected(targets, hits)


def _list_record(target: Target) -> dict[str, object]:
    info = target.info
    return {
        "fileID": target.file_id,
        "name": None if info is None else encodable(info.name),
        "path": None if target.path is None else encodable(target.path),
        "size": None if info is None else info.size,
    }


def list_text(targets: Sequence[Target], fmt: str) -> str:
    """``--list`` output: the files (not the folders that could not be listed) as text (``ID<TAB>path<TAB>size``),
    jsonl, csv or json."""
    files = [t for t in targets if t.error is None]
    records = [_list_record(t) for t in files]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        rows = [[("" if r[c] is None else r[c]) for c in LIST_COLUMNS] for r in records]
        return csv_line(LIST_COLUMNS) + "".join(csv_line(row) for row in rows)
    lines = []
    for r in records:
        path = r["path"] if r["path"] is not None else r["name"] or ""
        size = "" if r["size"] is None else str(r["size"])
        lines.append(f"{r['fileID']}\t{path}\t{size}\n")
    return "".join(lines)


def write_list(targets: Sequence[Target], fmt: str, out: TextIO) -> None:
    out.write(encodable(list_text(targets, fmt)))
    out.flush()
