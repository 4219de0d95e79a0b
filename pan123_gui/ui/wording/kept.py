"""What goes into the kept list from outside the box: pastes too big for it, IDs handed over by a second start
(context "kept", its own translation part: ``python packaging/i18n.py update kept``).

Placeholders are ``%1``, ``%2``, ... filled with ``.replace`` after translating (as in ``window.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _fill(text: str, *values: str) -> str:
    for number, value in enumerate(values, 1):
        text = text.replace(f"%{number}", value)
    return text


# --- pastes too big for the box --------------------------------------------------------------------------------


def paste_too_big(size: str, limit: str) -> str:
    return _fill(
        QCoreApplication.translate(
            "kept",
            "This paste (%1) is too big for the box (up to %2). The IDs in it are being looked for and added one a "
            "line; the text itself is not kept. For long lists use “Add IDs from files”.",
        ),
        size,
        limit,
    )


def looking_for_ids() -> str:
    return QCoreApplication.translate("kept", "Looking for IDs in the paste…")
