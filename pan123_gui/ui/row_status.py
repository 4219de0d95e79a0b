"""``RowStatus``: where one row of the results table stands (Qt-free, shared by the model, the wording and the list).

Kept apart from the Qt model so that the wording (``ui/wording/errors.py``) and the kept list can name a status
without importing the model.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["RowStatus"]


class RowStatus(StrEnum):
    PENDING = "pending"  # waiting for its link (queued or its request under way)
    OK = "ok"  # has a usable link
    FAILED = "failed"  # an error (see the row's result)
    CANCELLED = "cancelled"  # the run was cancelled before this ID finished
    EXPIRED = "expired"  # had a signed link whose time ran out (re-sign it)
