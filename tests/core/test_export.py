"""export: txt / csv / json / aria2 written to disk and read back with the csv and json modules."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.export import (
    COLUMNS,
    CSV_COLUMNS,
    EXPORT_FORMATS,
    ExportSummary,
    export_aria2,
    export_csv,
    export_json,
    export_jsonl,
    export_txt,
    result_record,
    safe_file_name,
    write_export,
)
from pan123_gui.core.ids import extract_ids
from pan123_gui.core.models import LinkResult, SpaceFolder

EXPIRY = datetime(2025, 3, 17, 8, 26, 40, tzinfo=UTC)
URL1 = "https://vip.123pan.cn/1815309870/%E6%B5%8B%E8%AF%95/%E6%88%91.mp4?auth_key=1742200000-abc-1815309870-d41d8"
URL2 = "https://vip.123pan.cn/1815309870/a.zip"

RESULTS = [
    LinkResult(file_id=101, url=URL1, name="我从草原来.mp4", size=1024, expires_at=EXPIRY, unsigned_url=URL1[:60]),
    LinkResult(
        file_id=202,
        error="File not found\n(code 5066)",
        error_kind=ErrorKind.NOT_FOUND,
        error_code=5066,
        name='报告, "终版".pdf',
    ),
    LinkResult(file_id=303, url=URL2, name='a, b "c".zip', size=0),
    LinkResult(file_id=404, error_kind=ErrorKind.CANCELLED),
    LinkResult(file_id=505, url="javascript:alert(1)", name="evil"),
]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# --- txt -------------------------------------------------------------------------------------------------------------


def test_txt_has_successful_links_in_input_order(tmp_path: Path) -> None:
    path = tmp_path / "links.txt"
    write_export(path, RESULTS)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8").splitlines() == [URL1, URL2]
    assert export_txt(RESULTS) == f"{URL1}\n{URL2}\n"


def test_txt_of_nothing_is_empty() -> None:
    assert export_txt([]) == ""
    assert export_txt([LinkResult(file_id=1, error="x")]) == ""


# --- csv -------------------------------------------------------------------------------------------------------------


def test_csv_round_trips_every_row_with_chinese_commas_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "links.csv"
    write_export(path, RESULTS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel opens Chinese names correctly
    rows = _read_csv(path)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["fileID"] for r in rows] == ["101", "202", "303", "404", "505"]
    assert rows[0] == {
        "fileID": "101",
        "name": "我从草原来.mp4",
        "path": "",
        "size": "1024",
        "url": URL1,
        "expiresAt": "2025-03-17T08:26:40+00:00",
        "error": "",
        "errorKind": "",
        "errorCode": "",
        "traceID": "",
        "spaceFolderID": "",
        "spaceFolderName": "",
    }
    assert rows[1]["name"] == '报告, "终版".pdf'
    assert rows[1]["error"] == "File not found (code 5066)"  # one line
    assert (rows[1]["errorKind"], rows[1]["errorCode"]) == ("not_found", "5066")
    assert rows[1]["url"] == "" and rows[1]["size"] == ""
    assert rows[2]["name"] == 'a, b "c".zip' and rows[2]["size"] == "0"
    assert rows[3]["error"] == "cancelled"


def test_csv_is_rfc4180(tmp_path: Path) -> None:
    text = export_csv(RESULTS[1:3])
    lines = text.split("\r\n")
    assert lines[0] == ",".join(
        ("fileID,name,path,size,url,expiresAt,error,errorKind,errorCode,traceID", "spaceFolderID,spaceFolderName")
    )
    assert lines[1] == '202,"报告, ""终版"".pdf",,,,,File not found (code 5066),not_found,5066,,,'
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    rows = [
        LinkResult(file_id=1, url=URL2, name='=HYPERLINK("http://x")'),
        LinkResult(file_id=2, error="-1 failed", name="+x"),
        LinkResult(file_id=3, url=URL2, name="@sum"),
    ]
    path = tmp_path / "f.csv"
    write_export(path, rows)
    got = _read_csv(path)
    assert [r["name"] for r in got] == ['\'=HYPERLINK("http://x")', "'+x", "'@sum"]
    assert got[1]["error"] == "'-1 failed"


def test_csv_export_feeds_back_into_id_extraction() -> None:
    assert extract_ids(export_csv(RESULTS)) == [101, 202, 303, 404, 505]


# --- json ------------------------------------------------------------------------------------------------------------


def test_json_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    write_export(path, RESULTS)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert "我从草原来".encode() in raw  # ensure_ascii=False
    data = json.loads(raw.decode("utf-8"))
    assert [d["fileID"] for d in data] == [101, 202, 303, 404, 505]
    assert all(isinstance(d["fileID"], int) for d in data)
    assert data[0] == {
        "fileID": 101,
        "url": URL1,
        "error": None,
        "errorKind": None,
        "errorCode": None,
        "name": "我从草原来.mp4",
        "path": None,
        "size": 1024,
        "expiresAt": "2025-03-17T08:26:40+00:00",
        "traceID": None,
        "spaceFolder": None,
    }
    assert list(data[0]) == list(COLUMNS)  # the CSV's column order (its spaceFolder is two columns)
    assert data[1]["error"] == "File not found (code 5066)"
    assert data[1]["errorKind"] == "not_found" and data[1]["errorCode"] == 5066
    assert data[1]["url"] is None and data[1]["expiresAt"] is None and data[1]["size"] is None
    assert data[1]["name"] == '报告, "终版".pdf'
    assert data[3]["error"] == "cancelled"
    assert extract_ids(raw.decode("utf-8")) == [101, 202, 303, 404, 505]


def test_rows_outside_a_space_carry_their_folder(tmp_path: Path) -> None:
    outside = LinkResult(
        file_id=606,
        error="The file is not in a direct-link space",
        error_kind=ErrorKind.NOT_DIRECT_LINK_SPACE,
        space_folder=SpaceFolder(10861001, '我的, "资源"'),
    )
    at_top = LinkResult(file_id=707, error="x", error_kind=ErrorKind.NOT_DIRECT_LINK_SPACE, at_drive_top=True)
    [first, second] = [json.loads(line) for line in export_jsonl([outside, at_top]).splitlines()]
    assert first["spaceFolder"] == {"fileID": 10861001, "name": '我的, "资源"'}
    assert second["spaceFolder"] is None  # at the top of the drive: no folder to switch on
    path = tmp_path / "links.csv"
    write_export(path, [outside, at_top])
    rows = _read_csv(path)
    assert (rows[0]["spaceFolderID"], rows[0]["spaceFolderName"]) == ("10861001", '我的, "资源"')
    assert (rows[1]["spaceFolderID"], rows[1]["spaceFolderName"]) == ("", "")


def test_json_of_nothing_is_an_empty_list() -> None:
    assert json.loads(export_json([])) == []


# --- aria2 -----------------------------------------------------------------------------------------------------------


def test_aria2_input_file(tmp_path: Path) -> None:
    path = tmp_path / "links.aria2"
    write_export(path, RESULTS)
    assert path.read_text(encoding="utf-8").splitlines() == [
        URL1,
        "  out=我从草原来.mp4",
        URL2,
        "  out=a, b _c_.zip",
    ]


def test_aria2_every_entry_is_named_once_in_the_file() -> None:
    rows = [
        LinkResult(file_id=1, url=URL2),  # no name: the link's own file name
        LinkResult(file_id=7, url=URL2 + "?7", name="..."),  # nothing usable: the link's file name, made unique
        LinkResult(file_id=8, url="https://vip.123pan.cn/1815309870/", name=None),  # no name anywhere: the ID
        LinkResult(file_id=2, url=URL2 + "?2", name="a.mp4"),
        LinkResult(file_id=3, url=URL2 + "?3", name="A.mp4"),
        LinkResult(file_id=4, url=URL2 + "?4", name="a.mp4"),
        LinkResult(file_id=5, url=URL2 + "?5", name="README"),
        LinkResult(file_id=6, url=URL2 + "?6", name="README"),
    ]
    assert export_aria2(rows).splitlines() == [
        URL2,
        "  out=a.zip",
        URL2 + "?7",
        "  out=a (2).zip",
        "https://vip.123pan.cn/1815309870/",
        "  out=8",
        URL2 + "?2",
        "  out=a.mp4",
        URL2 + "?3",
        "  out=A (2).mp4",
        URL2 + "?4",
        "  out=a (3).mp4",
        URL2 + "?5",
        "  out=README",
        URL2 + "?6",
        "  out=README (2)",
    ]


def test_aria2_txt_file_chosen_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "for-aria2.txt"
    write_export(path, RESULTS, fmt=".aria2")
    assert "  out=我从草原来.mp4" in path.read_text(encoding="utf-8")
    write_export(path, RESULTS, fmt="txt")
    assert "out=" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("视频.mp4", "视频.mp4"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("/abs/path.txt", "_abs_path.txt"),
        ("a\\b.txt", "a_b.txt"),
        ("line1\nline2.txt", "line1 line2.txt"),
        ("tab\there\r.txt", "tab here .txt"),
        ("nul\x00.bin", "nul_.bin"),
        (".hidden", "hidden"),
        ("--option=1", "option=1"),
        ("-.-x", "x"),
        ("  spaced  ", "spaced"),
        ("trailing. ", "trailing"),
        ('a:b*c?d"e<f>g|h', "a_b_c_d_e_f_g_h"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("lpt1.tar.gz", "_lpt1.tar.gz"),
        ("console.txt", "console.txt"),
        ("...", None),
        ("", None),
        (None, None),
        ("\n\t", None),
    ],
)
def test_safe_file_name(name: str | None, want: str | None) -> None:
    assert safe_file_name(name) == want


def test_long_names_are_cut_to_240_bytes_keeping_the_extension() -> None:
    name = safe_file_name("长" * 200 + ".mp4")
    assert name is not None
    assert name.endswith(".mp4")
    assert len(name.encode("utf-8")) <= 240
    assert name.startswith("长" * 78)


@given(st.text(max_size=300))
def test_safe_file_name_property(name: str) -> None:
    safe = safe_file_name(name)
    if safe is None:
        return
    assert safe
    assert not any(ch in safe for ch in '/\\:*?"<>|')
    assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in safe)
    assert not safe.startswith((".", "-", " "))
    assert len(safe.encode("utf-8", errors="surrogatepass")) <= 240
    assert export_aria2([LinkResult(file_id=1, url=URL2, name=name)]).splitlines() == [URL2, f"  out={safe}"]


# --- write_export ----------------------------------------------------------------------------------------------------


def test_formats_table() -> None:
    assert set(EXPORT_FORMATS) == {".txt", ".csv", ".json", ".aria2"}
    assert EXPORT_FORMATS[".csv"] is export_csv


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "LINKS.CSV"
    write_export(path, RESULTS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_unknown_format_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Unknown export format"):
        write_export(tmp_path / "links.xlsx", RESULTS)
    with pytest.raises(ValueError):
        write_export(tmp_path / "links", RESULTS)
    with pytest.raises(ValueError):
        write_export(tmp_path / "links.txt", RESULTS, fmt="xml")
    assert list(tmp_path.iterdir()) == []


def test_overwrite_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o640)
    write_export(path, RESULTS)
    assert json.loads(path.read_text(encoding="utf-8"))[0]["fileID"] == 101
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["links.json"]


def test_new_file_is_readable_like_a_document(tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    write_export(path, RESULTS)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_write_to_a_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_export(tmp_path / "missing" / "links.txt", RESULTS)


def test_csv_text_read_by_the_csv_module_in_memory() -> None:
    rows = list(csv.reader(io.StringIO(export_csv(RESULTS), newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    assert len(rows) == 1 + len(RESULTS)


# --- what an export says, in whose words ----------------------------------------------------------------------------


def test_write_export_says_what_it_wrote(tmp_path: Path) -> None:
    assert write_export(tmp_path / "l.txt", RESULTS) == ExportSummary(".txt", rows=5, written=2, left_out=3)
    assert write_export(tmp_path / "l.aria2", RESULTS) == ExportSummary(".aria2", rows=5, written=2, left_out=3)
    assert write_export(tmp_path / "l.csv", RESULTS) == ExportSummary(".csv", rows=5, written=5, left_out=0)
    assert write_export(tmp_path / "l.json", RESULTS) == ExportSummary(".json", rows=5, written=5, left_out=0)


def test_error_text_comes_in_the_callers_words(tmp_path: Path) -> None:
    def words(row: LinkResult) -> str:
        return f"文件不存在 {row.error_code}\n" if row.error_kind is ErrorKind.NOT_FOUND else "已取消"

    write_export(tmp_path / "l.csv", RESULTS, error_text=words)
    rows = _read_csv(tmp_path / "l.csv")
    assert [r["error"] for r in rows] == ["", "文件不存在 5066", "", "已取消", ""]
    data = json.loads(
        write_export(tmp_path / "l.json", RESULTS, error_text=words) and (tmp_path / "l.json").read_text()
    )
    assert data[1]["error"] == "文件不存在 5066" and data[1]["errorKind"] == "not_found"


def test_expiry_always_carries_its_offset() -> None:
    naive = LinkResult(file_id=1, url=URL2, expires_at=datetime(2025, 3, 17, 8, 26, 40))
    china = LinkResult(file_id=2, url=URL2, expires_at=EXPIRY.astimezone(timezone(timedelta(hours=8))))
    lines = [json.loads(line) for line in export_jsonl([naive, china]).splitlines()]
    assert [d["expiresAt"] for d in lines] == ["2025-03-17T08:26:40+00:00", "2025-03-17T16:26:40+08:00"]


@pytest.mark.parametrize("suffix", [".txt", ".csv", ".json", ".jsonl", ".aria2"])
def test_names_that_no_encoding_can_write_never_crash(tmp_path: Path, suffix: str) -> None:
    name = json.loads('"bad\\udc80name\\ud83d.mp4"')  # valid JSON from the API: lone surrogates
    rows = [
        LinkResult(file_id=1, url=URL2, name=name),
        LinkResult(file_id=2, error="\udc80 broke", error_kind=ErrorKind.API, name=name),
    ]
    path = tmp_path / f"l{suffix}"
    write_export(path, rows)
    text = path.read_bytes().decode("utf-8-sig")  # valid UTF-8 throughout
    if suffix != ".txt":
        assert "bad\ufffdname\ufffd" in text


def test_trace_id_has_its_own_column_and_stays_out_of_the_words(tmp_path: Path) -> None:
    row = LinkResult(
        file_id=9,
        error="123pan said: busy (code 7)",
        error_kind=ErrorKind.API,
        error_code=7,
        trace_id="a1b2-c3",
        server_message="busy",
    )
    write_export(tmp_path / "l.csv", [row])
    [got] = _read_csv(tmp_path / "l.csv")
    assert got["traceID"] == "a1b2-c3" and "a1b2" not in got["error"]
    assert json.loads(export_json([row]))[0]["traceID"] == "a1b2-c3"


# --- paths: the path column and aria2 dir= ---------------------------------------------------------------------------


def _found(file_id: int, path: str, relative: str | None) -> LinkResult:
    name = path.rsplit("/", 1)[-1]
    url = f"https://vip.123pan.cn/1/{file_id}.bin"
    return LinkResult(file_id=file_id, url=url, name=name, size=1, path=path, relative_folder=relative)


def test_path_is_a_column_of_every_format() -> None:
    row = _found(7, "测试直链文件夹/直链素材/第一季/第001集.mp4", "第一季")
    assert result_record(row)["path"] == "测试直链文件夹/直链素材/第一季/第001集.mp4"
    assert json.loads(export_json([row]))[0]["path"] == row.path
    header, line = export_csv([row]).split("\r\n")[:2]
    assert header.split(",")[2] == "path" and line.split(",")[2] == row.path


def test_aria2_keeps_the_folder_structure_under_the_expanded_folder() -> None:
    rows = [
        _found(1, "空间/剧集/第一季/01.mp4", "第一季"),
        _found(2, "空间/剧集/第二季/01.mp4", "第二季"),
        _found(3, "空间/剧集/说明.txt", ""),  # right inside the expanded folder: no dir=
        _found(4, "空间/剧集/第一季/花絮/01.mp4", "第一季/花絮"),
        _found(5, "空间/剧集/../x/a:b.bin", "../x:y"),  # unsafe parts are made safe, '..' dropped
        LinkResult(file_id=6, url="https://vip.123pan.cn/1/6.bin", name="01.mp4"),  # a file given by ID
    ]
    text = export_aria2(rows)
    entries = [block.splitlines() for block in text.strip().split("\nhttps://")]
    assert entries[0][1:] == ["  dir=第一季", "  out=01.mp4"]
    assert entries[1][1:] == ["  dir=第二季", "  out=01.mp4"]  # the same name in another folder stays
    assert entries[2][1:] == ["  out=说明.txt"]
    assert entries[3][1:] == ["  dir=第一季/花絮", "  out=01.mp4"]
    assert entries[4][1:] == ["  dir=x_y", "  out=a_b.bin"]
    assert entries[5][1:] == ["  out=01.mp4"]
