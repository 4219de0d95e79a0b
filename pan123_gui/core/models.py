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


#: ``status`` above this: the item is blocked by content review (it cannot be shared or downloaded)
REVIEW_BLOCKED_ABOVE = 100


@dataclass(frozen=True, slots=True)
class FileInfo:
    """One file or folder as file/infos, file/detail or file/list describe it."""

    file_id: int
    name: str
    size: int
    is_folder: bool = False
    trashed: bool = False
    parent_id: int | None = None  # the folder it is in (0: the top of the drive); None when not reported
    status: int | None = None  # the review status; None when not reported

    @property
    def blocked(self) -> bool:
        """Blocked by content review (``status`` > 100)."""
        return self.status is not None and self.status > REVIEW_BLOCKED_ABOVE


@dataclass(frozen=True, slots=True)
class FilePage:
    """One page of ``GET /api/v2/file/list``: the items as the API sent them (trashed ones too) and the
    ``lastFileId`` to ask for the next page with (-1: this was the last page)."""

    items: tuple[FileInfo, ...]
    last_file_id: int

    @property
    def last(self) -> bool:
        return self.last_file_id == -1


@dataclass(frozen=True, slots=True)
class SpaceFolder:
    """A top-level folder: the one that must be a direct-link space for the files below it to have links."""

    file_id: int
    name: str


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
    # rows outside a direct-link space, once looked up (core.spaces.locate_space_folders): the top-level folder
    # whose space would give the link, or at_drive_top when the file lies directly at the top of the drive
    space_folder: SpaceFolder | None = None
    at_drive_top: bool = False
    # where the file is (core.expand): its full path from the top of the drive, ending with its name; and its folder
    # relative to the folder it was found under when it came from one ("" right inside it), for downloads (dir=)
    path: str | None = None
    relative_folder: str | None = None

    @property
    def ok(self) -> bool:
        return self.url is not None
