"""Plain words for every error kind and row status, in one place (translation context ``errors``).

Every :class:`~pan123_gui.core.errors.ErrorKind` maps to a short label (for the Status column) and a full text that
says what happened and what to do (tooltips, dialogs, the status bar). Texts are English in the source and
translated with ``translate("errors", ...)``; the Chinese lives in
``pan123_gui/resources/i18n/errors_zh_CN.ts`` (refresh with ``python packaging/i18n.py update errors``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pan123_gui.core.errors import ErrorKind
from pan123_gui.ui.row_status import RowStatus

CONTEXT = "errors"
translate = QCoreApplication.translate  # lupdate reads literal translate("errors", "...") calls


def _tr(text: object) -> str:
    """Translate a string marked with Qt's QT_TRANSLATE_NOOP("errors", ...) below (it hands the text back untyped)."""
    return translate(CONTEXT, str(text))


# kind -> (short label for the Status column, full text: what happened and what to do)
_ERROR_WORDS: dict[ErrorKind, tuple[object, object]] = {
    ErrorKind.NOT_DIRECT_LINK_SPACE: (
        QT_TRANSLATE_NOOP("errors", "not in a direct-link folder"),
        QT_TRANSLATE_NOOP(
            "errors",
            "This file is not in a direct-link folder. Once the row names the folder, its menu can enable the "
            "folder's 直链空间 (direct-link space, VIP); or share the file with a share link instead.",
        ),
    ),
    ErrorKind.TRAFFIC_EXHAUSTED: (
        QT_TRANSLATE_NOOP("errors", "direct-link traffic used up"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The direct-link traffic of this 123pan account is used up (the status bar shows what is left). Buy "
            "more direct-link traffic in 123pan, or wait until it renews, then retry; a share link needs none.",
        ),
    ),
    ErrorKind.AUTH: (
        QT_TRANSLATE_NOOP("errors", "access token invalid or expired"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The access token is invalid or has expired. Open Credentials and sign in again.",
        ),
    ),
    ErrorKind.RATE_LIMITED: (
        QT_TRANSLATE_NOOP("errors", "too many requests"),
        QT_TRANSLATE_NOOP(
            "errors",
            "123pan received too many requests and asked to slow down. Lower the request rate in Settings, "
            "then use Retry failed.",
        ),
    ),
    ErrorKind.NOT_FOUND: (
        QT_TRANSLATE_NOOP("errors", "file not found"),
        QT_TRANSLATE_NOOP(
            "errors",
            "123pan has no file with this ID. Check that the ID is right and that the file has not been deleted.",
        ),
    ),
    ErrorKind.IS_FOLDER: (
        QT_TRANSLATE_NOOP("errors", "folder, not a file"),
        QT_TRANSLATE_NOOP(
            "errors",
            "This ID is a folder. Direct links exist only for files: use the IDs of the files inside it.",
        ),
    ),
    ErrorKind.TRASHED: (
        QT_TRANSLATE_NOOP("errors", "in the recycle bin"),
        QT_TRANSLATE_NOOP(
            "errors",
            "This file is in the 123pan recycle bin. Restore it in the 123pan app first, then use Retry failed.",
        ),
    ),
    ErrorKind.NETWORK: (
        QT_TRANSLATE_NOOP("errors", "network problem"),
        QT_TRANSLATE_NOOP(
            "errors",
            "Could not reach 123pan. Check your internet connection and proxy settings, then use Retry failed.",
        ),
    ),
    ErrorKind.MALFORMED: (
        QT_TRANSLATE_NOOP("errors", "unexpected answer from 123pan"),
        QT_TRANSLATE_NOOP(
            "errors",
            "123pan sent an unexpected answer (the service may be busy). Retry later.",
        ),
    ),
    ErrorKind.BAD_LINK: (
        QT_TRANSLATE_NOOP("errors", "unusable link"),
        QT_TRANSLATE_NOOP(
            "errors",
            "123pan returned a link that is not an http(s) web address, so it was not opened or copied. "
            "Retry later; if it keeps happening, report it.",
        ),
    ),
    ErrorKind.CREDENTIALS: (
        QT_TRANSLATE_NOOP("errors", "no credentials"),
        QT_TRANSLATE_NOOP(
            "errors",
            "No 123pan credentials are set. Open Credentials and enter an access token, or a client ID and "
            "client secret.",
        ),
    ),
    ErrorKind.CANCELLED: (
        QT_TRANSLATE_NOOP("errors", "cancelled"),
        QT_TRANSLATE_NOOP(
            "errors",
            "Cancelled before it finished. Use Retry failed to get this link again.",
        ),
    ),
    ErrorKind.SIGNING: (
        QT_TRANSLATE_NOOP("errors", "could not sign the link"),
        QT_TRANSLATE_NOOP(
            "errors",
            "The link could not be signed. Add the signing key (URL authentication key) in Credentials, "
            "or turn signing off in Settings.",
        ),
    ),
}

_STATUS_WORDS: dict[RowStatus, object] = {
    RowStatus.PENDING: QT_TRANSLATE_NOOP("errors", "Waiting"),
    RowStatus.OK: QT_TRANSLATE_NOOP("errors", "Link ready"),
    RowStatus.FAILED: QT_TRANSLATE_NOOP("errors", "Failed"),
    RowStatus.CANCELLED: QT_TRANSLATE_NOOP("errors", "Cancelled"),
    RowStatus.EXPIRED: QT_TRANSLATE_NOOP("errors", "Expired"),
}


def error_label(kind: ErrorKind | None, code: int | None = None) -> str:
    """A few words for the Status column ("not in a direct-link folder"); never a trace id."""
    if kind is ErrorKind.API:
        if code is None:
            return translate("errors", "123pan error")
        return translate("errors", "123pan error {code}").format(code=code)
    words = _ERROR_WORDS.get(kind) if kind is not None else None
    if words is None:
        return translate("errors", "unknown problem")
    return _tr(words[0])


def error_text(kind: ErrorKind | None, code: int | None = None, server_message: str | None = None) -> str:
    """What happened and what to do, in plain translated words.

    ``server_message`` (the server's own words, a field of the error or the row) is only shown for
    :attr:`ErrorKind.API` (e.g. "123pan said: … (code 1010)") and for an unknown kind; other kinds have fixed wording.
    """
    server_words = (server_message or "").strip()
    if kind is ErrorKind.API:
        if server_words and code is not None:
            return translate("errors", "123pan said: {message} (code {code})").format(message=server_words, code=code)
        if server_words:
            return translate("errors", "123pan said: {message}").format(message=server_words)
        if code is not None:
            return translate("errors", "123pan reported error code {code}. Retry later.").format(code=code)
        return translate("errors", "123pan reported an error. Retry later.")
    words = _ERROR_WORDS.get(kind) if kind is not None else None
    if words is not None:
        return _tr(words[1])
    if server_words:
        return translate("errors", "Something went wrong: {message}. Retry later.").format(message=server_words)
    return translate("errors", "Something went wrong. Retry later.")


def error_tooltip(
    kind: ErrorKind | None,
    code: int | None = None,
    server_message: str | None = None,
    trace_id: str | None = None,
) -> str:
    """:func:`error_text` plus the trace id to quote to 123pan support, when the server sent one."""
    text = error_text(kind, code, server_message)
    if trace_id:
        text += "\n" + translate("errors", "Trace ID for 123pan support: {trace}").format(trace=trace_id)
    return text


def failed_label(kind: ErrorKind | None, code: int | None = None) -> str:
    """The Status cell of a failed row: "Failed: not in a direct-link folder"."""
    return translate("errors", "Failed: {reason}").format(reason=error_label(kind, code))


def status_text(status: RowStatus) -> str:
    """The plain word for a row status ("Waiting", "Link ready", "Failed", ...)."""
    return _tr(_STATUS_WORDS[status])


_UNITS = ("KB", "MB", "GB", "TB")


def format_size(size: int | None) -> str:
    """Human-readable size in 1024 steps: "512 B", "1.5 KB", "3.2 MB", "4.0 GB"; "" when unknown."""
    if size is None or size < 0:
        return ""
    if size < 1024:
        return f"{size} B"
    value = float(size)
    unit = _UNITS[0]
    for unit in _UNITS:
        value /= 1024.0
        if round(value, 1) < 1024.0 or unit == _UNITS[-1]:
            break
    return f"{value:.1f} {unit}"
