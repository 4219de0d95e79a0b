"""``pan123-link`` with folders against the fake API: --recursive (IDs and web addresses), --search, --list, the path
field, and a folder without --recursive as one row that says what to do."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from pan123_gui.cli import main
from pan123_gui.core.endpoints import FILE_LIST_PATH
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import (
    BLOCKED_ID,
    COVERS_ID,
    EMPTY_FOLDER_ID,
    EPISODES,
    FIRST_EPISODE_ID,
    FOLDER_ADDRESS,
    FOLDER_ID,
    SAMPLE_DRIVE,
    SEASON_ID,
    TRASHED_ID,
    VIDEO_ID,
)

ENV_NAMES = ("PAN123_ACCESS_TOKEN", "PAN123_CLIENT_ID", "PAN123_CLIENT_SECRET", "PAN123_SIGN_KEY", "PAN123_API_BASE")
EPISODE_IDS = list(range(FIRST_EPISODE_ID, FIRST_EPISODE_ID + EPISODES))
COVER_IDS = [f.file_id for f in SAMPLE_DRIVE if f.parent == COVERS_ID]
FOLDER_FILES = [*EPISODE_IDS, *COVER_IDS, BLOCKED_ID]  # 直链素材, depth first in listing order


@pytest.fixture
def api(fake_api: FakeApiServer) -> FakeApiServer:
    fake_api.set_rate("direct-link/url", None)
    fake_api.set_rate(FILE_LIST_PATH, None)
    fake_api.set_rate("file/infos", None)
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


def test_recursive_replaces_a_folder_by_every_file_under_it(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, err = run(capsys, "-r", "--format", "jsonl", str(FOLDER_ID))
    rows = jsonl(out)
    assert [r["fileID"] for r in rows] == FOLDER_FILES
    by_id = {r["fileID"]: r for r in rows}
    first = by_id[FIRST_EPISODE_ID]
    assert first["path"] == "测试直链文件夹/直链素材/第一季/第001集.mp4" and first["name"] == "第001集.mp4"
    assert first["url"] == api.expected_url(FIRST_EPISODE_ID) and first["size"] > 0
    assert all(r["path"] == api.path(r["fileID"]) for r in rows)
    assert code == 0, err


def test_a_file_given_before_its_folder_keeps_its_place(api: FakeApiServer, env: None, capsys: Any) -> None:
    fifth = FIRST_EPISODE_ID + 4
    address = f"https://yun.123pan.cn/?homeFilePath=10861000%2C{FOLDER_ID}%2C{SEASON_ID}"
    code, out, _ = run(capsys, "--recursive", str(fifth), address, str(VIDEO_ID), str(fifth))
    links = out.splitlines()
    expected = [fifth, *(i for i in EPISODE_IDS if i != fifth), VIDEO_ID]
    assert links == [api.expected_url(i) for i in expected]
    assert code == 0


def test_a_web_address_of_a_folder_works_with_recursive(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, _ = run(capsys, "-r", "--format", "csv", FOLDER_ADDRESS)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["fileID"]) for r in rows] == FOLDER_FILES
    assert rows[0]["path"] == "测试直链文件夹/直链素材/第一季/第001集.mp4"
    assert code == 0


def test_without_recursive_a_folder_is_one_row_saying_how_to_get_its_files(
    api: FakeApiServer, env: None, capsys: Any
) -> None:
    code, out, err = run(capsys, "--format", "jsonl", str(VIDEO_ID), FOLDER_ADDRESS, str(SEASON_ID))
    rows = jsonl(out)
    assert [r["fileID"] for r in rows] == [VIDEO_ID, FOLDER_ID, SEASON_ID]
    for folder in rows[1:]:
        assert folder["errorKind"] == "is_folder" and folder["url"] is None
        assert "--recursive (-r)" in folder["error"]
    assert rows[0]["path"] == "测试直链文件夹/我从草原来.mp4"
    assert not [r for r in api.records if r.path == FILE_LIST_PATH]  # nothing was listed
    assert code == 1
    code, out, err = run(capsys, str(FOLDER_ID))  # text: the reason on stderr
    assert out == "" and f"{FOLDER_ID}\t" in err and "--recursive (-r)" in err and code == 1


def test_search_resolves_the_matching_files(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, _ = run(capsys, "--search", "草原", "--format", "jsonl")
    rows = jsonl(out)
    assert [(r["fileID"], r["path"]) for r in rows] == [(VIDEO_ID, "测试直链文件夹/我从草原来.mp4")]
    assert rows[0]["url"] == api.expected_url(VIDEO_ID) and code == 0


def test_search_without_a_match_is_a_plain_message_and_exit_1(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, err = run(capsys, "--search", "没有这个文件")
    assert code == 1 and out == ""
    assert "没有这个文件" in err and "no file" in err and len(err.splitlines()) == 1
    code, out, err = run(capsys, "--search", "旧版本备份")  # only in the recycle bin
    assert code == 1 and out == ""


def test_list_prints_files_without_asking_for_links(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, err = run(capsys, "--list", "-r", str(FOLDER_ID), str(TRASHED_ID), "424242")
    lines = [line.split("\t") for line in out.splitlines()]
    assert [int(line[0]) for line in lines] == [*FOLDER_FILES, 424242]
    assert lines[0][1:] == ["测试直链文件夹/直链素材/第一季/第001集.mp4", str(api.file(FIRST_EPISODE_ID).size)]  # type: ignore[union-attr]
    assert not [r for r in api.records if r.path == "/api/v1/direct-link/url"]
    assert f"{TRASHED_ID}\t" in err  # in the recycle bin: said on stderr, not listed
    assert code == 1
    code, out, _ = run(capsys, "--list", "--format", "jsonl", "--search", "第001集")
    assert jsonl(out) == [
        {
            "fileID": FIRST_EPISODE_ID,
            "name": "第001集.mp4",
            "path": "测试直链文件夹/直链素材/第一季/第001集.mp4",
            "size": api.file(FIRST_EPISODE_ID).size,  # type: ignore[union-attr]
        }
    ]
    assert code == 0


def test_an_empty_folder_has_no_files(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, err = run(capsys, "-r", str(EMPTY_FOLDER_ID))
    assert code == 1 and out == "" and "no files" in err


def test_a_folder_that_does_not_exist_is_one_error_row(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, _ = run(capsys, "-r", "--format", "jsonl", "https://www.123pan.com/?homeFilePath=424242", str(VIDEO_ID))
    rows = jsonl(out)
    assert [r["fileID"] for r in rows] == [424242, VIDEO_ID]
    assert rows[0]["errorKind"] == "not_found" and rows[1]["url"] and code == 1


def test_aria2_output_keeps_the_sub_folders(api: FakeApiServer, env: None, capsys: Any) -> None:
    code, out, _ = run(capsys, "-r", "--format", "aria2", str(FOLDER_ID))
    assert code == 0
    assert "  dir=第一季\n  out=第001集.mp4\n" in out and "  dir=封面\n" in out
    blocked = out.split(api.expected_url(BLOCKED_ID) + "\n", 1)[1]
    assert blocked.startswith("  out=未通过审核.mp4")  # right inside the expanded folder: no dir=


def test_search_needs_text_and_list_is_not_aria2(env: None, capsys: Any) -> None:
    assert run(capsys, "--search", "  ")[0] == 2
    assert run(capsys, "--list", "--format", "aria2", "1")[0] == 2
