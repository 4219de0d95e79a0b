"""Checks that a value is a usable http(s) link before the app shows, copies or opens it.

The API is trusted for data but not for what we hand to a browser or a download manager: a ``file:``,
``javascript:`` or relative "link" must never reach ``QDesktopServices.openUrl`` or an export file.
Error messages name the scheme and host only, never the query (a signed link carries ``auth_key``).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote_to_bytes, urlsplit

from pan123_gui.core.errors import BadLinkError
from pan123_gui.core.inert import INVISIBLE

_ALLOWED_SCHEMES = frozenset({"http", "https"})
_MAX_LEN = 8192  # far above any real direct link; keeps messages and widgets sane


def _check(value: object) -> str:
    """Return the link (unchanged) or raise BadLinkError with a message that holds no query string."""
    if not isinstance(value, str):
        raise BadLinkError(f"Expected a link, got {type(value).__name__}")
    if not value or not value.strip():
        raise BadLinkError("The link is empty")
    if value != value.strip():
        raise BadLinkError("The link has leading or trailing spaces")
    if len(value) > _MAX_LEN:
        raise BadLinkError(f"The link is too long ({len(value)} characters)")
    if any(ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in value):
        raise BadLinkError("The link contains spaces or control characters")
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018  -- raises ValueError for a port that is not a number or out of range
    except ValueError as exc:
        raise BadLinkError("The link is not a valid URL") from exc
    scheme = parts.scheme.lower()
    if scheme not in _ALLOWED_SCHEMES:
        shown = scheme[:20] if scheme else "none"
        raise BadLinkError(f"Not an http(s) link (scheme: {shown})")
    if not host:
        raise BadLinkError(f"The {scheme} link has no host")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise BadLinkError("The link carries a user name or password before its host")
    if INVISIBLE.search(parts.netloc) or INVISIBLE.search(host):
        raise BadLinkError("The link's host contains invisible or direction-changing characters")
    return value


def require_http_link(value: object) -> str:
    """Return ``value`` if it is an absolute http/https URL with a host, else raise :class:`BadLinkError`.

    The scheme is compared case-insensitively (``HTTPS://`` passes). Rejected: non-strings, empty or
    whitespace-only text, surrounding whitespace, control characters (C1 included), relative URLs, any other scheme
    (``file:``, ``javascript:``, ``ftp:``, ``data:`` ...), a user name or password before the host
    (``https://user:pw@host/``, which makes a link look like it goes elsewhere) and bidi or zero-width characters in
    the host. The message never repeats the URL's path or query.
    """
    return _check(value)


def is_http_link(value: object) -> bool:
    """True when :func:`require_http_link` would accept ``value``."""
    try:
        _check(value)
    except BadLinkError:
        return False
    return True


def readable_link(link: str) -> str:
    """The link as people read it: the path's percent-escapes decoded (``/%E7%AC%AC1%E9%9B%86.mp4`` →
    ``/第1集.mp4``), the rest as it is. For showing only: copying, opening and exporting use the link itself. A path
    that does not decode to clean UTF-8 text (stray bytes, control characters) is shown as it came."""
    scheme_host, slash, rest = link.partition("://")
    if not slash:
        return link
    host, sep, path_and_more = rest.partition("/")
    if not sep or "%" not in path_and_more:
        return link
    cut = min((i for i in (path_and_more.find("?"), path_and_more.find("#")) if i >= 0), default=len(path_and_more))
    path, more = path_and_more[:cut], path_and_more[cut:]
    try:
        decoded = unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return link
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") or (ch.isspace() and ch != " ") for ch in decoded):
        return link
    return f"{scheme_host}://{host}/{decoded}{more}"
