"""The account check behind "Test connection": a temporary client asks user/info with credentials not yet saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pan123_gui.core.client import build_client

if TYPE_CHECKING:
    from pan123_gui.core.credentials import Credentials
    from pan123_gui.core.models import AccessToken, UserInfo

__all__ = ["check_account"]


def check_account(creds: Credentials, base_url: str | None) -> tuple[UserInfo, AccessToken | None]:
    """Runs on a worker: a temporary client (nothing saved) asks user/info; returns the token it used."""
    client = build_client(creds, store=None, base_url=base_url)
    try:
        info = client.user_info()
        return info, client.tokens.token
    finally:
        client.close()
