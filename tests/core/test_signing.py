"""signing.sign_url: the 直链鉴权 auth_key format, against fixed vectors and an independent re-implementation."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pan123_gui.core.errors import BadLinkError, ErrorKind, SigningError
from pan123_gui.core.signing import sign_url

UID = 1815309870
KEY = "s3cretKey"
RAND = "0123456789abcdef0123456789abcdef"
NOW = datetime(2025, 3, 17, 7, 56, 40, tzinfo=UTC)
TS = 1742200000  # NOW + 30 min
CN_URL = (
    "https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95%E7%9B%B4%E9%93%BE%E6%96%87%E4%BB%B6%E5%A4%B9/"
    "%E6%88%91%E4%BB%8E%E8%8D%89%E5%8E%9F%E6%9D%A5.mp4"
)
# Computed outside Python with coreutils:
#   printf '%s' '/1815309870/测试直链文件夹/我从草原来.mp4-1742200000-<RAND>-1815309870-s3cretKey' | md5sum
MD5_DECODED = "50dc7311a16e1ed0ea5570713011099b"
#   printf '%s' '/1815309870/%E6%B5...%9D%A5.mp4-1742200000-<RAND>-1815309870-s3cretKey' | md5sum
MD5_ENCODED = "570b32f0c04214b84545d0ff052d9d32"


def _sign(url: str = CN_URL, **kw: object) -> str:
    args: dict[str, object] = {"key": KEY, "uid": UID, "valid_for": timedelta(minutes=30), "now": NOW, "rand": RAND}
    args.update(kw)
    return sign_url(url, **args).url  # type: ignore[arg-type]


def _reference(url: str, *, key: str, uid: int, ts: int, rand: str, encoded: bool) -> str:
    """Independent re-implementation straight from the reference's Python illustration."""
    path = urlsplit(url).path
    if not encoded:
        path = unquote(path)
    h = hashlib.md5(f"{path}-{ts}-{rand}-{uid}-{key}".encode()).hexdigest()
    return url + ("&" if "?" in url else "?") + f"auth_key={ts}-{rand}-{uid}-{h}"


def test_hand_computed_vector_chinese_path_decoded_by_default() -> None:
    signed = sign_url(CN_URL, key=KEY, uid=UID, valid_for=timedelta(minutes=30), now=NOW, rand=RAND)
    assert signed.url == f"{CN_URL}?auth_key={TS}-{RAND}-{UID}-{MD5_DECODED}"
    assert signed.expires_at == datetime(2025, 3, 17, 8, 26, 40, tzinfo=UTC)
    assert signed.expires_at.timestamp() == TS


def test_hand_computed_vector_encoded_path_differs() -> None:
    assert _sign(encoded_path=True) == f"{CN_URL}?auth_key={TS}-{RAND}-{UID}-{MD5_ENCODED}"
    assert MD5_DECODED != MD5_ENCODED


def test_ascii_path_decoded_and_encoded_agree() -> None:
    url = "https://vip.123pan.cn/42/dir/file.bin"
    assert _sign(url) == _sign(url, encoded_path=True)


def test_raw_unicode_url_signs_like_its_percent_encoded_form() -> None:
    raw = "https://vip.123pan.cn/1815309870/测试直链文件夹/我从草原来.mp4"
    assert _sign(raw).endswith(MD5_DECODED)
    assert _sign(raw, encoded_path=True).endswith(MD5_ENCODED)


def test_matches_independent_reimplementation() -> None:
    for url in (CN_URL, "http://vip.123pan.cn/10/layout1/layout2/%E6%88%91.txt", "https://h.example/a%20b/c+d.txt"):
        for encoded in (False, True):
            want = _reference(url, key=KEY, uid=UID, ts=TS, rand=RAND, encoded=encoded)
            assert _sign(url, encoded_path=encoded) == want


@given(
    segments=st.lists(st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=8), max_size=4),
    key=st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20).filter(str.strip),
    uid=st.integers(min_value=1, max_value=2**40),
    seconds=st.integers(min_value=1, max_value=10**8),
    rand=st.from_regex(r"[0-9a-f]{1,32}", fullmatch=True),
    encoded=st.booleans(),
)
def test_property_matches_reference(
    segments: list[str], key: str, uid: int, seconds: int, rand: str, encoded: bool
) -> None:
    url = "https://vip.123pan.cn/" + "/".join(quote(s, safe="") for s in segments)
    signed = sign_url(
        url, key=key, uid=uid, valid_for=timedelta(seconds=seconds), now=NOW, rand=rand, encoded_path=encoded
    )
    ts = int(NOW.timestamp()) + seconds
    assert signed.url == _reference(url, key=key, uid=uid, ts=ts, rand=rand, encoded=encoded)
    assert signed.expires_at == NOW + timedelta(seconds=seconds)


def test_existing_query_is_kept_and_ampersand_used() -> None:
    url = CN_URL + "?download=1&name=%E6%88%91"
    out = _sign(url)
    assert out == f"{url}&auth_key={TS}-{RAND}-{UID}-{MD5_DECODED}"  # query does not enter the digest


def test_existing_auth_key_is_replaced_not_duplicated() -> None:
    once = _sign(CN_URL + "?x=1")
    later = NOW + timedelta(hours=1)
    twice = _sign(once, now=later)
    assert twice.count("auth_key=") == 1
    query = parse_qs(urlsplit(twice).query)
    assert query["x"] == ["1"]
    assert query["auth_key"][0].startswith(f"{TS + 3600}-")
    assert twice == _sign(CN_URL + "?x=1", now=later)


def test_auth_key_in_the_middle_is_removed_and_others_kept_in_order() -> None:
    url = "https://h.example/a?b=2&auth_key=old&c=3"
    assert _sign(url).startswith("https://h.example/a?b=2&c=3&auth_key=")


def test_fragment_stays_after_the_query() -> None:
    out = _sign("https://h.example/a.mp4?x=1#t=10")
    assert out.endswith("#t=10")
    assert urlsplit(out).fragment == "t=10"
    assert parse_qs(urlsplit(out).query)["x"] == ["1"]
    assert "auth_key" in urlsplit(out).query
    assert (
        _sign("https://h.example/a.mp4#frag")
        == _reference("https://h.example/a.mp4", key=KEY, uid=UID, ts=TS, rand=RAND, encoded=False) + "#frag"
    )


def test_empty_query_marker_is_reused() -> None:
    assert _sign("https://h.example/a?").startswith("https://h.example/a?auth_key=")


def test_deterministic_with_now_and_rand() -> None:
    assert _sign() == _sign()


def test_default_rand_is_uuid_hex_and_random() -> None:
    a = sign_url(CN_URL, key=KEY, uid=UID, valid_for=timedelta(minutes=30), now=NOW)
    b = sign_url(CN_URL, key=KEY, uid=UID, valid_for=timedelta(minutes=30), now=NOW)
    ra = parse_qs(urlsplit(a.url).query)["auth_key"][0].split("-")
    rb = parse_qs(urlsplit(b.url).query)["auth_key"][0].split("-")
    assert len(ra) == 4
    assert len(ra[1]) == 32 and all(c in "0123456789abcdef" for c in ra[1])
    assert ra[1] != rb[1]


def test_default_now_is_the_current_time() -> None:
    before = datetime.now(UTC)
    signed = sign_url(CN_URL, key=KEY, uid=UID, valid_for=timedelta(minutes=30))
    after = datetime.now(UTC)
    assert before + timedelta(minutes=30) - timedelta(seconds=1) <= signed.expires_at <= after + timedelta(minutes=30)


def test_expiry_rounds_down_and_honours_offsets() -> None:
    cst = timezone(timedelta(hours=8))
    now = datetime(2025, 3, 17, 15, 56, 40, 999_999, tzinfo=cst)  # same instant as NOW (+0.999999 s)
    signed = sign_url(CN_URL, key=KEY, uid=UID, valid_for=timedelta(minutes=30), now=now, rand=RAND)
    assert signed.url.endswith(MD5_DECODED)
    assert signed.expires_at.tzinfo is not None


def test_short_validity_is_allowed() -> None:
    signed = sign_url(CN_URL, key=KEY, uid=UID, valid_for=timedelta(seconds=60), now=NOW, rand=RAND)
    assert signed.expires_at == NOW + timedelta(seconds=60)


@pytest.mark.parametrize("key", ["", "   ", "\n"])
def test_empty_key_is_a_signing_error(key: str) -> None:
    with pytest.raises(SigningError) as info:
        _sign(key=key)
    assert info.value.kind is ErrorKind.SIGNING


@pytest.mark.parametrize("uid", [0, -1, True])
def test_bad_uid_is_a_signing_error(uid: int) -> None:
    with pytest.raises(SigningError):
        _sign(uid=uid)


@pytest.mark.parametrize("valid_for", [timedelta(0), timedelta(seconds=-5)])
def test_non_positive_validity_is_a_signing_error(valid_for: timedelta) -> None:
    with pytest.raises(SigningError):
        _sign(valid_for=valid_for)


@pytest.mark.parametrize("rand", ["ab-cd", "-", "", "a&b", "a b", "a#b", "x" * 129])
def test_bad_rand_is_rejected(rand: str) -> None:
    with pytest.raises(SigningError):
        _sign(rand=rand)


def test_integer_rand_like_the_official_node_sample_is_fine() -> None:
    assert "-123456-" in _sign(rand="123456")


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError):
        _sign(now=datetime(2025, 3, 17, 7, 56, 40))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "", "/1/a.mp4"])
def test_non_http_url_is_rejected(url: str) -> None:
    with pytest.raises(BadLinkError):
        _sign(url)


def test_key_never_in_error_messages() -> None:
    secret = "TopSecretKey123"
    for kw in ({"uid": 0}, {"valid_for": timedelta(0)}, {"rand": "a-b"}):
        with pytest.raises(SigningError) as info:
            _sign(key=secret, **kw)
        assert secret not in str(info.value)
