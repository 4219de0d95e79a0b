"""What the notice strip over the paste box can say: each :class:`Notice` with its text and its buttons.

A notice is not a dialog: the window stays usable and the buttons lead straight to the fix. Which fix a button
stands for is a :class:`Fix`; the window maps each fix to its own slot (``MainWindow.fix``). The text of a notice
that carries details (a refused token, skipped files, an unexpected problem) is made by a function, so a language
switch re-renders it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from pan123_gui.ui.wording import window as w
from pan123_gui.ui.wording.errors import format_size

if TYPE_CHECKING:
    from pan123_gui.core.text_files import FileIssue

#: Details of a notice, rendered when shown and again on a language switch.
Detail = Callable[[], str]


class Fix(Enum):
    """A notice button: what pressing it does (the window gives each one its slot)."""

    OPEN_CREDENTIALS = "open_credentials"
    ENTER_SIGN_KEY = "enter_sign_key"
    TURN_SIGNING_OFF = "turn_signing_off"
    OPEN_FILES = "open_files"
    RESIGN = "resign"
    EXPORT = "export"

    def label(self) -> str:
        if self is Fix.OPEN_CREDENTIALS:
            return w.open_credentials()
        if self is Fix.ENTER_SIGN_KEY:
            return w.enter_sign_key()
        if self is Fix.TURN_SIGNING_OFF:
            return w.turn_signing_off()
        if self is Fix.RESIGN:
            return w.resign_button()
        if self is Fix.EXPORT:
            return w.export_button()
        return w.action_open_files()


class Notice(Enum):
    CREDENTIALS = "credentials"  # no credentials, or the token / client was refused (the detail says which)
    SIGN_KEY = "sign_key"  # "Sign links" is on without a sign key (the detail says when a run was not started)
    LINKS_EXPIRED = "links_expired"  # nothing to copy: every link in the list has expired
    FILES = "files"  # dropped or opened files that were skipped (the detail lists them)
    PROBLEM = "problem"  # a run failed as a whole for another reason (the detail says what)
    KEPT_LIST_SET_ASIDE = "kept_list_set_aside"  # last time's list could not be read (the detail says where it went)
    KEPT_LIST_NOT_SAVED = "kept_list_not_saved"  # the list cannot be saved (the detail says why)
    PASTE_TOO_BIG = "paste_too_big"  # a paste too big for the box: its IDs are added instead (the detail: sizes)

    def text(self, detail: Detail | None = None) -> str:
        if self is Notice.CREDENTIALS:
            return detail() if detail is not None else w.no_credentials()
        if self is Notice.SIGN_KEY:
            return detail() if detail is not None else w.no_sign_key()
        if self is Notice.LINKS_EXPIRED:
            return w.links_expired_notice()
        if self is Notice.FILES:
            return "\n".join([w.file_problems_intro(), *([detail()] if detail is not None else [])])
        return detail() if detail is not None else w.unexpected_problem()

    def fixes(self) -> tuple[Fix, ...]:
        if self is Notice.CREDENTIALS:
            return (Fix.OPEN_CREDENTIALS,)
        if self is Notice.SIGN_KEY:
            return (Fix.ENTER_SIGN_KEY, Fix.TURN_SIGNING_OFF)
        if self is Notice.LINKS_EXPIRED:
            return (Fix.RESIGN,)
        if self is Notice.KEPT_LIST_NOT_SAVED:
            return (Fix.EXPORT,)
        if self in (Notice.FILES, Notice.PASTE_TOO_BIG):
            return (Fix.OPEN_FILES,)
        return ()


def file_issues(issues: list[FileIssue]) -> Detail:
    """The FILES notice's detail: one line per skipped file."""
    return lambda: "\n".join(issue_text(issue) for issue in issues)


def issue_text(issue: FileIssue) -> str:
    """Why one file was skipped, in plain words."""
    from pan123_gui.core.text_files import MAX_FILE_BYTES, FileProblem  # ~5-20 ms, not needed for the first paint

    name = issue.name
    problem = issue.problem
    if problem is FileProblem.FOLDER:
        return w.file_is_folder(name)
    if problem is FileProblem.MISSING:
        return w.file_missing(name)
    if problem is FileProblem.TOO_BIG:
        size = int(issue.detail) if issue.detail.isdigit() else None
        return w.file_too_big(name, format_size(size), format_size(MAX_FILE_BYTES))
    if problem is FileProblem.BINARY:
        return w.file_binary(name)
    if problem is FileProblem.ENCODING:
        return w.file_encoding(name)
    if problem is FileProblem.NO_IDS:
        return w.file_no_ids(name)
    return w.file_unreadable(name, issue.detail)


def paste_too_big(chars: int, limit: int) -> Detail:
    """The PASTE_TOO_BIG notice's detail (sizes in characters, shown like file sizes)."""
    from pan123_gui.ui.wording.errors import format_size
    from pan123_gui.ui.wording.kept import paste_too_big as words

    return lambda: words(format_size(chars), format_size(limit))
