"""直链鉴权: sign a 123pan direct link with ``auth_key`` (pure function, no I/O).

Format (123pan's 直链鉴权开发指引, see the API reference §2.1)::

    {url}?auth_key={ts}-{rand}-{uid}-{md5("{path}-{ts}-{rand}-{uid}-{key}")}

* ``ts`` is the Unix time (seconds) when the link stops working: ``now + valid_for``, rounded down.
* ``rand`` is a random string without ``-``: a UUID4 hex by default.
* ``uid`` is the account's numeric uid (``/api/v1/user/info``), ``key`` the 鉴权密钥 from the 直链 console.
* ``path`` is the URL path without query. By default it is percent-DECODED (what the official Go/Node samples and
  OpenList sign; the digest is taken over the decoded bytes, so ``%FF`` signs byte 0xFF). ``encoded_path=True``
  signs the percent-encoded path as sent on the wire (the Python sample's behaviour). Both agree for ASCII paths.

Validity below five minutes is allowed but not recommended: 123pan's own sample warns that a 60 s expiry makes
links fail (cause unconfirmed: probably clock skew between the signer and the CDN).
"""

from __future__ import annotations

import hashlib
import math
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, unquote_to_bytes, urlsplit

from pan123_gui.core.errors import SigningError
from pan123_gui.core.links import require_http_link

DEFAULT_VALIDITY = timedelta(minutes=30)
MIN_RECOMMENDED_VALIDITY = timedelta(minutes=5)
MAX_VALIDITY = timedelta(days=7)  # the longest a signed link is made valid for (Settings, pan123-link)
AUTH_PARAM = "auth_key"

_RAND_RE = re.compile(r"[A-Za-z0-9._~]{1,128}")
# Characters a client leaves as they are in a path on the wire; everything else (spaces, non-ASCII) is escaped.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"


@dataclass(frozen=True, slots=True)
class SignedUrl:
    url: str
    expires_at: datetime  # timezone-aware (UTC), exactly the ``ts`` inside auth_key


def _signed_path(url: str, *, encoded: bool) -> bytes:
    path = urlsplit(url).path or "/"
    if encoded:
        # As sent on the wire: existing %XX escapes are kept, raw non-ASCII/spaces are escaped as UTF-8.
        return quote(path, safe=_PATH_SAFE).encode("ascii")
    return unquote_to_bytes(path)


def _with_auth_param(url: str, value: str) -> str:
    """Put ``auth_key=value`` last in the query, dropping any earlier auth_key, keeping the fragment."""
    before_fragment, hash_sign, fragment = url.partition("#")
    base, _, query = before_fragment.partition("?")
    kept = [part for part in query.split("&") if part and part.partition("=")[0] != AUTH_PARAM]
    kept.append(f"{AUTH_PARAM}={value}")
    return f"{base}?{'&'.join(kept)}{hash_sign}{fragment}"


def sign_url(
    url: str,
    *,
    key: str,
    uid: int,
    valid_for: timedelta,
    now: datetime | None = None,
    rand: str | None = None,
    encoded_path: bool = False,
) -> SignedUrl:
    """Return ``url`` with an ``auth_key`` valid for ``valid_for`` from ``now`` (default: the current time).

    An existing query is kept (``&`` is used when there is one); an existing ``auth_key`` is replaced; a fragment
    stays after the query. Raises :class:`SigningError` for an empty key, a uid ≤ 0, a validity ≤ 0 or a ``rand``
    that contains ``-`` (or anything but ``A-Z a-z 0-9 . _ ~``), and ``BadLinkError`` when ``url`` is not http(s).
    Messages never contain the key.
    """
    require_http_link(url)
    if not isinstance(key, str) or not key.strip():
        raise SigningError("No URL-signing key (鉴权密钥) is set")
    if isinstance(uid, bool) or not isinstance(uid, int) or uid <= 0:
        raise SigningError("The account uid is unknown, so the link cannot be signed")
    if valid_for <= timedelta(0):
        raise SigningError("The link validity must be positive")
    if rand is None:
        rand = uuid.uuid4().hex
    elif "-" in rand:
        raise SigningError("The random part of auth_key must not contain '-'")
    elif not _RAND_RE.fullmatch(rand):
        raise SigningError("The random part of auth_key must be 1-128 letters, digits, '.', '_' or '~'")
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")

    ts = math.floor((now + valid_for).timestamp())
    tail = f"-{ts}-{rand}-{uid}-{key}".encode()
    digest = hashlib.md5(_signed_path(url, encoded=encoded_path) + tail, usedforsecurity=False).hexdigest()
    signed = _with_auth_param(url, f"{ts}-{rand}-{uid}-{digest}")
    return SignedUrl(url=signed, expires_at=datetime.fromtimestamp(ts, tz=UTC))
