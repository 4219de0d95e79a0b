"""When an access token stops working, read defensively: the token answer's ``expiredAt`` and the stored copy.

The API sends RFC 3339 text (``2025-03-23T15:48:37+08:00``). Anything else — another type, a date without a zone,
year 1, year 9999, a number — must not break every later request (``expires_at - margin`` on year 1 overflows), so
:func:`read_expiry` returns an aware datetime inside :data:`EARLIEST` .. :data:`LATEST`, or None when it cannot tell.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

__all__ = ["CHINA", "EARLIEST", "LATEST", "aware", "read_expiry"]

CHINA = timezone(timedelta(hours=8))  # the API's own zone, assumed when a date carries no offset
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # before: not a real expiry
LATEST = datetime(2200, 1, 1, tzinfo=UTC)  # after: not a real expiry either (and arithmetic stays far from year 9999)


def aware(when: datetime, zone: timezone = UTC) -> datetime:
    """``when`` with a time zone (``zone`` assumed when it has none)."""
    return when if when.tzinfo is not None else when.replace(tzinfo=zone)


def read_expiry(value: object, *, naive_zone: timezone = CHINA) -> datetime | None:
    """An expiry as an aware datetime within range, or None for anything unusable (never raises).

    Text is read as ISO 8601 / RFC 3339 (``Z`` allowed; no zone: ``naive_zone``, China time as the API means it); a
    number is read as Unix seconds (milliseconds when it is too large for seconds)."""
    when: datetime | None = None
    try:
        if isinstance(value, str):
            text = value.strip()
            if text.endswith(("Z", "z")):
                text = text[:-1] + "+00:00"
            if not text or len(text) > 64:
                return None
            when = aware(datetime.fromisoformat(text), naive_zone)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            seconds = float(value)
            if not math.isfinite(seconds):
                return None
            if seconds > 1e11:  # milliseconds
                seconds /= 1000.0
            when = datetime.fromtimestamp(seconds, UTC)
        elif isinstance(value, datetime):
            when = aware(value)
    except (ValueError, OverflowError, OSError, TypeError):
        return None
    if when is None:
        return None
    try:
        if not EARLIEST <= when <= LATEST:
            return None
    except (OverflowError, TypeError):
        return None
    return when
