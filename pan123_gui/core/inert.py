"""Text from the server made inert before it reaches a screen.

A server message, a file name or an error text can carry terminal escapes (ESC/OSC sequences retitle and clear a
terminal), C1 controls (U+009B is a one-character CSI), bidi overrides that reorder what is shown, zero-width
characters, or line separators. :func:`escape_controls` writes each of them as a visible ``\\xNN`` / ``\\uNNNN``
escape, so the text reads the same and does nothing.
"""

from __future__ import annotations

import re

__all__ = ["INVISIBLE", "escape_controls", "json_inert"]

#: Characters shown as escapes: C0 controls, DEL, C1 controls, bidi controls, zero-width characters, line/paragraph
#: separators and the BOM.
INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` with every character of :data:`INVISIBLE` written as a visible escape (``\\x1b``, ``\\u202e``),
    except those in ``keep`` (e.g. the tab that separates an ID from its reason)."""
    if keep:
        return INVISIBLE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return INVISIBLE.sub(_escape, text)


_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")  # json.dumps leaves these


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_inert(document: str) -> str:
    """A JSON document (from ``json.dumps(..., ensure_ascii=False)``) with the characters of :data:`INVISIBLE` that
    ``json.dumps`` leaves raw (DEL, C1, bidi, zero-width, separators) written as ``\\uNNNN`` escapes: the same JSON
    value, inert on a terminal. C0 controls are escaped by ``json.dumps`` already; a line's own newline stays."""
    return _RAW_IN_JSON.sub(_json_escape, document)
