"""A pasted access token: its expiry from the JWT's ``exp`` claim, else 123pan's usual token lifetime."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

from pan123_gui.core.models import TOKEN_LIFETIME, AccessToken

__all__ = ["token_from_text"]


def token_from_text(text: str, now: datetime | None = None) -> AccessToken:
    """An AccessToken for a pasted token; the expiry comes from the JWT's ``exp`` claim when there is one."""
    value = text.strip()
    if value.lower().startswith("bearer "):
        value = value[7:].strip()
    expires = (now or datetime.now(UTC)) + TOKEN_LIFETIME
    parts = value.split(".")
    if len(parts) == 3:
        try:
            payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
            exp = payload.get("exp") if isinstance(payload, dict) else None
            if isinstance(exp, int | float) and exp > 0:
                expires = datetime.fromtimestamp(exp, UTC)
        except (ValueError, UnicodeDecodeError, OverflowError, OSError):
            pass  # unreadable, or a date past what the platform can hold: no expiry known, the usual lifetime
    return AccessToken(value=value, expires_at=expires)
