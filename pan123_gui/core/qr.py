"""QR codes for links and shares (``segno``, pure Python): a PNG to show, save or copy, or the module matrix.

Error correction level M (15 %) with a four-module quiet zone, as scanners expect. No Qt here: the window turns the
PNG bytes into a pixmap.
"""

from __future__ import annotations

import io

import segno

__all__ = ["DEFAULT_BORDER", "qr_matrix", "qr_png"]

DEFAULT_BORDER = 4  # the quiet zone the QR standard asks for, in modules
_MAX_TEXT = 2000  # a link longer than this is not a link a person passes on (and makes a hard-to-scan code)


def _make(text: str) -> segno.QRCode:
    if not text:
        raise ValueError("nothing to encode")
    if len(text) > _MAX_TEXT:
        raise ValueError(f"the text is too long for a QR code people can scan ({len(text)} characters)")
    return segno.make(text, error="m", micro=False, boost_error=True)


def qr_matrix(text: str) -> list[list[bool]]:
    """The code's modules, row by row (True = dark), without the quiet zone."""
    return [[bool(module) for module in row] for row in _make(text).matrix]


def qr_png(text: str, *, scale: int = 8, border: int = DEFAULT_BORDER) -> bytes:
    """A black-on-white PNG of the code, ``scale`` pixels per module, ``border`` modules of quiet zone."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    if border < 0:
        raise ValueError("border must not be negative")
    out = io.BytesIO()
    _make(text).save(out, kind="png", scale=scale, border=border, dark="#000", light="#fff")
    return out.getvalue()
