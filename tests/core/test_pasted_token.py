"""A pasted access token: expiry from the JWT's exp claim, else 123pan's usual lifetime; a pasted "Bearer " goes."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

from pan123_gui.core.pasted_token import token_from_text


def test_token_expiry_from_jwt() -> None:
    exp = int(datetime(2030, 1, 2, tzinfo=UTC).timestamp())
    payload = base64.urlsafe_b64encode(json.dumps({"exp": exp}).encode()).rstrip(b"=").decode()
    token = token_from_text(f"Bearer eyJhbGciOiJIUzI1NiJ9.{payload}.sig")
    assert token.value.startswith("eyJ")  # "Bearer " pasted along is dropped
    assert token.expires_at == datetime(2030, 1, 2, tzinfo=UTC)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert token_from_text("opaque-token", now).expires_at == now + timedelta(days=30)


def test_an_exp_too_large_for_a_date_is_no_known_expiry() -> None:
    """A claim past what a date can hold (or Infinity, which JSON parsers accept) is "no expiry known": the usual
    lifetime, never a crash of the Credentials dialog."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for exp in ("1" + "0" * 400, "9" * 30, "1e300", "Infinity", "253402300800"):
        payload = base64.urlsafe_b64encode(('{"exp": ' + exp + "}").encode()).rstrip(b"=").decode()
        token = token_from_text(f"eyJhbGciOiJIUzI1NiJ9.{payload}.sig", now)
        assert token.expires_at == now + timedelta(days=30), exp
