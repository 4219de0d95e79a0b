"""``pan123-link`` with direct-link spaces and share links against the fake API: rows outside a space name their
folder (jsonl ``spaceFolder``, csv two columns), --enable-space switches each needed folder on once and then gets
the links (nothing changes without it), and --share makes share links (text and jsonl, codes, expiry, >100 files)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from pan123_gui.cli import main
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    FOLDER_ID,
    NOT_DIRECT_LINK_ID,
    PLAIN_FOLDER_ID,
    TOP_FILE_ID,
    UNKNOWN_ID,
    VIDEO_ID,
)
from pan123_gui.demo.spaces import MSG_NOT_VIP

ENV_NAMES = ("PAN123_ACCESS_TOKEN", "PAN123_CLIENT_ID", "PAN123_CLIENT_SECRET", "PAN123_SIGN_KEY", "PAN123_API_BASE")
PLAIN = {"fileID": PLAIN_FOLDER_ID, "name": "我的资源"}


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    for path in ("direct-link/url", "file/infos", "share/create", "direct-link/enable"):
        fake_api.set_rate(path, None)
    return fake_api


@pytest.fixture
def env(api: FakeApiServer, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PAN123_API_BASE", api.base_url)
    monkeypatch.setenv("PAN123_ACCESS_TOKEN", api.issue_token().value)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--rate", "500", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


# --- rows outside a space -------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("env")
def test_jsonl_rows_outside_a_space_carry_their_folder(api: FakeApiServer, capsys: Any) -> None:
    ids = [VIDEO_ID, NOT_DIRECT_LINK_ID, TOP_FILE_ID, UNKNOWN_ID]
    code, out, _err = run(capsys, "--format", "jsonl", *map(str, ids))
    rows = jsonl(out)
    assert code == 1 and [r["fileID"] for r in rows] == ids  # input order kept
    assert rows[1]["errorKind"] == "not_direct_link_space" and rows[1]["spaceFolder"] == PLAIN
    assert rows[2]["errorKind"] == "not_direct_link_space" and rows[2]["spaceFolder"] is None  # at the top
    assert "move it into a folder" in rows[2]["error"] and "--enable-space" in rows[1]["error"]
    assert rows[0]["spaceFolder"] is None and rows[3]["spaceFolder"] is None
    assert api.calls("direct-link/url") == 4 and api.space_switches == []  # nothing changes without the flag


@pytest.mark.usefixtures("env")
def test_csv_has_two_space_folder_columns(capsys: Any) -> None:
    code, out, _err = run(capsys, "--format", "csv", str(NOT_DIRECT_LINK_ID), str(VIDEO_ID))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1
    assert (rows[0]["spaceFolderID"], rows[0]["spaceFolderName"]) == (str(PLAIN_FOLDER_ID), "我的资源")
    assert (rows[1]["spaceFolderID"], rows[1]["spaceFolderName"]) == ("", "")


@pytest.mark.usefixtures("env")
def test_text_names_the_folder_on_stderr(capsys: Any) -> None:
    code, out, err = run(capsys, str(NOT_DIRECT_LINK_ID), str(VIDEO_ID))
    assert code == 1 and len(out.splitlines()) == 1
    assert err.startswith(f"{NOT_DIRECT_LINK_ID}\t") and "“我的资源”" in err and "--enable-space" in err


# --- --enable-space -------------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("env")
def test_enable_space_switches_each_folder_once_then_gets_the_links(api: FakeApiServer, capsys: Any) -> None:
    api.add_file(77_000_020, "也在这里.txt", 1, parent_id=PLAIN_FOLDER_ID)
    ids = [NOT_DIRECT_LINK_ID, VIDEO_ID, 77_000_020, TOP_FILE_ID]
    code, out, err = run(capsys, "--enable-space", "--format", "jsonl", *map(str, ids))
    rows = jsonl(out)
    assert [r["fileID"] for r in rows] == ids
    assert [r["url"] is not None for r in rows] == [True, True, True, False]
    assert rows[0]["url"] == api.expected_url(NOT_DIRECT_LINK_ID) and rows[0]["spaceFolder"] is None
    assert rows[3]["spaceFolder"] is None and "top of the drive" in rows[3]["error"]
    assert api.space_switches == [(PLAIN_FOLDER_ID, True)]  # once for both files
    assert "direct-link space switched on for “我的资源”" in err
    assert code == 1  # the file at the top still has no link


@pytest.mark.usefixtures("env")
def test_enable_space_refused_says_why_and_keeps_the_rows(api: FakeApiServer, capsys: Any) -> None:
    api.set_vip(False)
    code, out, err = run(capsys, "--enable-space", "--format", "jsonl", str(NOT_DIRECT_LINK_ID))
    [row] = jsonl(out)
    assert code == 1 and row["url"] is None and row["spaceFolder"] == PLAIN
    assert "could not switch on the direct-link space of “我的资源”" in err and MSG_NOT_VIP in err
    assert "x-traceID" in err and api.space_switches == []


# --- --share --------------------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("env")
def test_share_text_one_line_with_link_and_code(api: FakeApiServer, capsys: Any) -> None:
    code, out, err = run(
        capsys, "--share", "--share-name", "周末/照片", "--share-password", "ab12", str(VIDEO_ID), str(FOLDER_ID)
    )
    [made] = api.shares()
    assert (code, err) == (0, "")
    assert out == f"链接：https://www.123pan.com/s/{made.share_key} 提取码：ab12\n"
    assert made.file_ids == (VIDEO_ID, FOLDER_ID) and made.name == "周末_照片" and made.expire_days == 7
    assert api.calls("direct-link/url") == 0  # sharing asks for no direct link


@pytest.mark.usefixtures("env")
def test_share_jsonl_with_auto_code_permanent_and_default_name(api: FakeApiServer, capsys: Any) -> None:
    code, out, _err = run(
        capsys, "--share", "--format", "jsonl", "--share-expire", "0", "--share-password", "auto", str(VIDEO_ID)
    )
    [record] = jsonl(out)
    [made] = api.shares()
    assert code == 0
    assert set(record) >= {"shareID", "shareKey", "url", "password", "expire", "fileIDs"}
    assert record["shareID"] == made.share_id and record["shareKey"] == made.share_key
    assert record["url"] == f"https://www.123pan.com/s/{made.share_key}" and record["expire"] == 0
    assert record["fileIDs"] == [VIDEO_ID] and len(record["password"]) == 4 == len(made.password)
    assert made.name.startswith("我从草原来 ")  # the first file and the date


@pytest.mark.usefixtures("env")
def test_share_many_files_as_numbered_shares(api: FakeApiServer, capsys: Any) -> None:
    ids = [61_000_000 + i for i in range(150)]
    for file_id in ids:
        api.add_file(file_id, f"{file_id}.txt", 1)
    code, out, _err = run(capsys, "--share", "--format", "jsonl", "--share-name", "资料", *map(str, ids))
    records = jsonl(out)
    assert code == 0 and [r["name"] for r in records] == ["资料 (1／2)", "资料 (2／2)"]
    assert [len(r["fileIDs"]) for r in records] == [100, 50]


@pytest.mark.usefixtures("env")
def test_share_failure_goes_to_stderr_exit_1(api: FakeApiServer, capsys: Any) -> None:
    code, out, err = run(capsys, "--share", "--share-name", "x", str(UNKNOWN_ID))
    assert (code, out) == (1, "") and err.startswith("x\t") and "5066" in err


@pytest.mark.parametrize(
    "args",
    [
        ["--share-name", "x"],
        ["--share-password", "ab12"],
        ["--share-expire", "30"],
        ["--share", "--sign"],
        ["--share", "--enable-space"],
        ["--share", "--format", "csv"],
        ["--share", "--share-password", "a b"],
        ["--share", "--share-name", " "],
    ],
)
@pytest.mark.usefixtures("env")
def test_share_usage_errors(api: FakeApiServer, capsys: Any, args: list[str]) -> None:
    code, _out, err = run(capsys, *args, str(VIDEO_ID))
    assert code == 2 and "error:" in err
    assert api.shares() == []


@pytest.mark.usefixtures("env")
def test_share_expire_accepts_only_the_platform_values(capsys: Any) -> None:
    code, _out, err = run(capsys, "--share", "--share-expire", "2", str(VIDEO_ID))
    assert code == 2 and "invalid choice" in err


def test_demo_can_share(capsys: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    code, out, _err = run(capsys, "--demo", "--share", "--share-password", "ab12", str(VIDEO_ID))
    assert code == 0 and out.startswith("链接：https://www.123pan.com/s/") and out.endswith(" 提取码：ab12\n")
