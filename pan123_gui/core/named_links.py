""" "Copy with names": direct links as ``name  link`` lines, the form people paste into chats."""

from __future__ import annotations

from collections.abc import Iterable

from pan123_gui.core.models import LinkResult

__all__ = ["SEPARATOR", "named_link_lines"]

SEPARATOR = "  "  # two spaces between the name and the link


def _one_line(name: str) -> str:
    return " ".join("".join(" " if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in name).split())


def named_link_lines(rows: Iterable[LinkResult]) -> list[str]:
    """One ``name  link`` line per row with a link, in order (the file ID stands in for an unknown name)."""
    lines: list[str] = []
    for row in rows:
        if row.url is None:
            continue
        name = _one_line(row.name or "") or str(row.file_id)
        lines.append(f"{name}{SEPARATOR}{row.url}")
    return lines
