"""Check copied links against the demo data, for packaging/ci_build.sh.

    python packaging/ci_check_links.py CLIPBOARD_FILE ID [ID ...]

Passes (exit 0) when the file holds exactly one http(s) link per given ID, in that order, each the demo account's
direct link for that ID (a signing query such as ``?auth_key=`` is allowed). Otherwise prints what differs, exit 1.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from pan123_gui.demo.fake_api import FakeApiServer


def expected_links(ids: Sequence[int]) -> list[str]:
    server = FakeApiServer()  # not started: only its data is used
    server.add_sample_files()
    return [server.expected_url(file_id) for file_id in ids]


def compare(text: str, expected: Sequence[str]) -> list[str]:
    """Problems, in words; empty when the text holds exactly the expected links in order."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    problems: list[str] = []
    if len(lines) != len(expected):
        problems.append(f"expected {len(expected)} links, got {len(lines)} lines")
    for index, (got, want) in enumerate(zip(lines, expected, strict=False), start=1):
        if not got.startswith(("https://", "http://")):
            problems.append(f"line {index} is not a link: {got[:80]!r}")
        elif got.split("?", 1)[0] != want:
            problems.append(f"line {index}: expected {want}, got {got.split('?', 1)[0]}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    text = Path(args[0]).read_text(encoding="utf-8")
    problems = compare(text, expected_links([int(arg) for arg in args[1:]]))
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
