"""Text from the API made safe to write and to show.

A file name may hold a lone surrogate (valid JSON, ``"\\udc80"``, but no encoding can write it) or control
characters. :func:`encodable` replaces what cannot be encoded with U+FFFD, so a file, the kept list or a terminal
never fails on it; :func:`visible` also turns control and text-direction characters into visible symbols, for
the table and the terminal (a name can neither hide part of itself nor show reversed).
"""

from __future__ import annotations

import re
from typing import Final

REPLACEMENT: Final = "\ufffd"
_SURROGATES: Final = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL, and the bidirectional embedding / override / isolate marks
_INVISIBLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def encodable(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (everything else unchanged)."""
    return _SURROGATES.sub(REPLACEMENT, text)


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␀ ␉ ␊ ␍ ␛ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def visible(text: str) -> str:
    """:func:`encodable` text with control characters shown as symbols (a tab as ␉, a newline as ␊)."""
    return _INVISIBLE.sub(_symbol, encodable(text))
