"""Plain data passed between the core, the CLI and the window (frozen dataclasses, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final

from pan123_gui.core.errors import ErrorKind

#: How long a 123pan access token lasts (what 123pan issues); assumed when a token does not say.
TOKEN_LIFETIME: Final = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class AccessToken:
    """An access token and when it stops working (timezone-aware)."""

    value: str = field(repr=False)
    expires_at: datetime

    def __repr__(self) -> str:  # never show the token itself
        return f"AccessToken(<redacted>, expires_at={self.expires_at.isoformat()})"


@dataclass(frozen=True, slots=True)
class FileInfo:
    file_id: int
    name: str
    size: int
    is_folder: bool = False
    trashed: bool = False
    parent_id: int | None = None  # the folder it is in (0: the top of the drive); None when the answer lacks it


@dataclass(frozen=True, slots=True)
class UserInfo:
    uid: int
    nickname: str
    vip: bool
    direct_traffic: int | None = None  # remaining direct-link traffic in bytes
    vip_label: str | None = None
    hide_uid: bool = False


@dataclass(frozen=True, slots=True)
class LinkResult:
    """One result per unique input ID: a link or an error, never both."""

    file_id: int
    url: str | None = None
    error: str | None = None  # one-line English text, no secrets (CLI, log)
    error_kind: ErrorKind | None = None  # what the window maps to translated wording
    error_code: int | None = None  # envelope code when the API gave one
    trace_id: str | None = None  # the x-traceID of the failed answer (to quote to 123pan support)
    server_message: str | None = None  # the server's own words for the failure, one short line
    name: str | None = None
    size: int | None = None
    expires_at: datetime | None = None  # set when the link is signed
    unsigned_url: str | None = None  # the plain link a signed one was made from (for re-signing)

    @property
    def ok(self) -> bool:
        return self.url is not None
