"""Share links: valid names from anything a person types, >100 files as numbered shares, the comma-separated
fileIDList, codes and traffic switches, and the share list with paging — against the fake API over loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from clients import make_client

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.endpoints import SHARE_CREATE_PATH, SHARE_LIST_PATH
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.retry import RetryPolicy
from pan123_gui.core.shares import (
    FORBIDDEN_NAME_CHARS,
    MAX_SHARE_NAME,
    ShareExpiry,
    TrafficOptions,
    create_shares,
    generate_password,
    iter_shares,
    list_shares,
    numbered_names,
    share_line,
    share_record,
    share_url,
    valid_share_name,
)
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import FOLDER_ID, TRASHED_ID, UNKNOWN_ID, VIDEO_ID

FAST = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.02)


@pytest.fixture
def client(fake_api: FakeApiServer) -> Iterator[Pan123Client]:
    for path in ("share/create", "share/list"):
        fake_api.set_rate(path, None)
    rates = {SHARE_CREATE_PATH: 100.0, SHARE_LIST_PATH: 100.0}
    with make_client(fake_api, token=fake_api.issue_token(), rates=rates, retry=FAST) as c:
        yield c
    assert fake_api.errors == []


def add_files(api: FakeApiServer, n: int, first: int = 40_000_000) -> list[int]:
    ids = [first + i for i in range(n)]
    for file_id in ids:
        api.add_file(file_id, f"f{file_id}.bin", 1)
    return ids


# --- names, codes, switches (no network) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("周末照片", "周末照片"),
        ('a/b\\c:d*e?f"g|h>i<j', "a_b_c_d_e_f_g_h_i_j"),
        ("  two\tspaces\n\nand lines  ", "two spaces and lines"),
        ("", "分享"),
        ("***", "___"),
        ("\u200b\x00", "分享"),
    ],
)
def test_names_are_made_valid(typed: str, sent: str) -> None:
    assert valid_share_name(typed) == sent


def test_long_names_are_shortened_below_35_characters() -> None:
    for typed in ("家" * 80, "word " * 30, "x" * 34, "x" * 35):
        name = valid_share_name(typed)
        assert 0 < len(name) <= MAX_SHARE_NAME < 35
        assert not FORBIDDEN_NAME_CHARS & set(name)
        assert typed.replace(" ", "").startswith(name.replace(" ", ""))
    assert valid_share_name("x" * 34) == "x" * 34  # exactly at the limit: kept whole


def test_numbered_names_fit_the_limit() -> None:
    assert numbered_names("假期", 1) == ["假期"]
    assert numbered_names("假期", 2) == ["假期 (1／2)", "假期 (2／2)"]
    names = numbered_names("长" * 40, 12)
    assert len(names) == 12 and names[-1].endswith(" (12／12)")
    assert all(len(n) <= MAX_SHARE_NAME and not FORBIDDEN_NAME_CHARS & set(n) for n in names)


def test_generated_codes_are_short_plain_and_differ() -> None:
    codes = {generate_password() for _ in range(50)}
    assert len(codes) > 40
    assert all(len(c) == 4 and c.isascii() and c.isalnum() and c == c.lower() for c in codes)
    assert not {ch for c in codes for ch in c} & set("0o1li")


def test_traffic_switch_values() -> None:
    assert TrafficOptions().fields() == {"trafficSwitch": 1, "trafficLimitSwitch": 1}
    assert TrafficOptions(guests=True).switch == 2
    assert TrafficOptions(over_quota=True).switch == 3
    both = TrafficOptions(guests=True, over_quota=True, limit_bytes=10_000)
    assert both.fields() == {"trafficSwitch": 4, "trafficLimitSwitch": 2, "trafficLimit": 10_000}
    assert TrafficOptions.from_switch(4, 2, 10_000) == both
    with pytest.raises(ValueError):
        TrafficOptions(limit_bytes=0)


def test_share_url() -> None:
    assert share_url("Ab3dE-fG7hJ") == "https://www.123pan.com/s/Ab3dE-fG7hJ"


# --- create against the fake ----------------------------------------------------------------------------------------


def test_one_share_with_code_and_expiry(client: Pan123Client, fake_api: FakeApiServer) -> None:
    [result] = create_shares(
        client, [VIDEO_ID, FOLDER_ID, VIDEO_ID], name="周末: 照片?", expire=ShareExpiry.THIRTY_DAYS, password="ab12"
    )
    assert result.ok and result.error is None
    [made] = fake_api.shares()
    assert result.share_key == made.share_key and result.share_id == made.share_id
    assert result.url == f"https://www.123pan.com/s/{made.share_key}"
    assert made.name == result.name == "周末_ 照片_"
    assert made.file_ids == result.file_ids == (VIDEO_ID, FOLDER_ID)  # folders as they are; each once
    assert made.expire_days == 30 and made.password == "ab12" and result.password == "ab12"
    assert made.traffic_switch == 1 and made.traffic_limit_switch == 1


def test_more_than_100_files_become_numbered_shares(client: Pan123Client, fake_api: FakeApiServer) -> None:
    ids = add_files(fake_api, 230)
    seen: list[str] = []
    results = create_shares(
        client, ids, name="资料", expire=ShareExpiry.PERMANENT, on_result=lambda r: seen.append(r.name)
    )
    assert [r.name for r in results] == seen == ["资料 (1／3)", "资料 (2／3)", "资料 (3／3)"]
    assert all(r.ok for r in results)
    made = fake_api.shares()
    assert [len(s.file_ids) for s in made] == [100, 100, 30]
    assert [i for s in made for i in s.file_ids] == ids
    assert all(s.expire_days == 0 and s.password == "" for s in made)


def test_traffic_options_reach_the_server(client: Pan123Client, fake_api: FakeApiServer) -> None:
    traffic = TrafficOptions(guests=True, limit_bytes=5 * 1024**3)
    [result] = create_shares(client, [VIDEO_ID], name="x", traffic=traffic)
    assert result.ok
    [made] = fake_api.shares()
    assert (made.traffic_switch, made.traffic_limit_switch, made.traffic_limit) == (2, 2, 5 * 1024**3)


def test_a_failed_share_is_a_result_and_the_others_go_on(client: Pan123Client, fake_api: FakeApiServer) -> None:
    ids = add_files(fake_api, 150)
    ids[120] = UNKNOWN_ID  # the second share names a file the account does not have
    first, second = create_shares(client, ids, name="批量")
    assert first.ok
    assert not second.ok and second.url is None
    assert second.error_kind is ErrorKind.NOT_FOUND and second.error_code == 5066 and second.trace_id
    assert len(fake_api.shares()) == 1


def test_a_trashed_file_is_refused(client: Pan123Client) -> None:
    [result] = create_shares(client, [TRASHED_ID], name="x")
    assert result.error_kind is ErrorKind.NOT_FOUND


def test_create_is_not_repeated_after_a_server_error(client: Pan123Client, fake_api: FakeApiServer) -> None:
    fake_api.faults.add("share/create", "code1")  # the server may have made the share: no second attempt
    [result] = create_shares(client, [VIDEO_ID], name="x")
    assert not result.ok and result.error_code == 1
    assert fake_api.calls("share/create") == 1


def test_create_is_repeated_when_refused_for_pace(client: Pan123Client, fake_api: FakeApiServer) -> None:
    fake_api.faults.add("share/create", "code429")
    [result] = create_shares(client, [VIDEO_ID], name="x")
    assert result.ok
    assert fake_api.calls("share/create") == 2 and len(fake_api.shares()) == 1


def test_cancel_before_a_share_makes_no_request(client: Pan123Client, fake_api: FakeApiServer) -> None:
    cancel = threading.Event()
    cancel.set()
    [result] = create_shares(client, [VIDEO_ID], name="x", cancel=cancel)
    assert result.error_kind is ErrorKind.CANCELLED
    assert fake_api.calls("share/create") == 0


def test_bad_codes_are_refused_before_sending(client: Pan123Client, fake_api: FakeApiServer) -> None:
    with pytest.raises(ValueError):
        create_shares(client, [VIDEO_ID], name="x", password="ab 12")
    assert fake_api.calls("share/create") == 0
    [result] = create_shares(client, [VIDEO_ID], name="x", password="  ")  # blank: no code
    assert result.ok and result.password is None


def test_nothing_to_share_sends_nothing(client: Pan123Client, fake_api: FakeApiServer) -> None:
    assert create_shares(client, [], name="x") == []
    assert fake_api.calls("share/create") == 0


# --- the share list -------------------------------------------------------------------------------------------------


def test_list_pages_through_every_share(client: Pan123Client, fake_api: FakeApiServer) -> None:
    ids = add_files(fake_api, 5)
    for n in range(7):
        create_shares(client, [ids[n % 5]], name=f"s{n}", password="ab12" if n % 2 else None)
    fake_api.clear_log()
    pages = list(iter_shares(client, page_size=3))
    assert [len(p) for p in pages] == [3, 3, 1]
    assert fake_api.calls("share/list") == 3
    shares = [s for p in pages for s in p]
    assert [s.name for s in shares] == [f"s{n}" for n in reversed(range(7))]  # newest first, as the fake lists
    assert {s.share_key for s in shares} == {s.share_key for s in fake_api.shares()}
    assert [s.password for s in shares] == ["ab12" if n % 2 else None for n in reversed(range(7))]
    first = shares[0]
    assert first.url == share_url(first.share_key) and first.expires_at is not None and not first.expired
    assert list_shares(client) == shares


def test_list_of_an_account_without_shares(client: Pan123Client) -> None:
    assert list_shares(client) == []


def test_share_record_and_line(client: Pan123Client, fake_api: FakeApiServer) -> None:
    made, failed = create_shares(client, [VIDEO_ID], name="x", password="ab12") + create_shares(
        client, [UNKNOWN_ID], name="y", expire=ShareExpiry.PERMANENT
    )
    key = fake_api.shares()[0].share_key
    assert share_record(made) == {
        "shareID": fake_api.shares()[0].share_id,
        "shareKey": key,
        "url": f"https://www.123pan.com/s/{key}",
        "password": "ab12",
        "expire": 7,
        "fileIDs": [VIDEO_ID],
        "name": "x",
    }
    assert share_line(made) == f"链接：https://www.123pan.com/s/{key} 提取码：ab12"
    record = share_record(failed)
    assert record["url"] is None and record["errorKind"] == "not_found" and record["errorCode"] == 5066
    assert record["expire"] == 0 and record["traceID"]
    assert share_line(failed) is None
