"""ids.extract_ids / scan_ids: examples for every documented rule, then hypothesis properties."""

from __future__ import annotations

import json
import string
from datetime import date, time

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pan123_gui.core.ids import MAX_ID, IdScan, Ref, extract_ids, scan_ids

# --- examples: lists and separators ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "12345\n67890\n11111",
        "12345 67890\t11111",
        "12345,67890,11111",
        "12345, 67890 ,11111,",
        "12345，67890；11111",
        "12345、67890。11111",
        "12345：67890：11111",
        "12345;67890|11111",
        "\r\n12345\r\n67890\r\n\r\n11111\r\n",
        "  12345  ,\t 67890 \n\n 11111  ",
        "12345\u300067890\u00a011111",
        "\"12345\" '67890' (11111)",
        "[12345] <67890> {11111}",
        "《12345》【67890】「11111」",
        "- 12345\n* 67890\n+ 11111",
        "1. 12345\n2. 67890\n3. 11111",
        "1) 12345\n2) 67890\n3) 11111",
        "1、12345\n2、67890\n3、11111",
        "12345. 67890! 11111?",
    ],
)
def test_lists_with_any_separator(text: str) -> None:
    assert extract_ids(text) == [12345, 67890, 11111]


def test_fullwidth_digits_are_normalised() -> None:
    assert extract_ids("１２３４５，６７８９０") == [12345, 67890]
    assert extract_ids("ＩＤ：１２３４５") == [12345]


def test_first_seen_order_and_duplicates_counted() -> None:
    scan = scan_ids("30 is not, 300000 200000 300000 100000 200000 300000")
    assert scan == IdScan(ids=[30, 300000, 200000, 100000], found=7, duplicates=3)
    assert extract_ids("3 2 1 2 3") == [3, 2, 1]


def test_empty_and_blank_input() -> None:
    assert scan_ids("") == IdScan(ids=[], found=0, duplicates=0)
    assert extract_ids(" \n\t ") == []


# --- examples: sentences --------------------------------------------------------------------------------------------


def test_ids_inside_a_chinese_sentence() -> None:
    text = "请帮我获取文件ID为12345678的直链，还有87654321和12345678，谢谢！"
    assert scan_ids(text) == IdScan(ids=[12345678, 87654321], found=3, duplicates=1)


def test_ids_inside_an_english_sentence() -> None:
    assert extract_ids("Please get links for 12345678 and 87654321, thanks.") == [12345678, 87654321]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ID12345", [12345]),
        ("fileID12345", [12345]),
        ("file_id12345", [12345]),
        ("ID: 12345", [12345]),
        ("ID：12345", [12345]),
        ("文件ID：12345", [12345]),
        ("fileID=12345", [12345]),
        ("fileId = 12345", [12345]),
        ("ids: 111, 222", [111, 222]),
        ('"fileId": 12345', [12345]),
        ("#12345", [12345]),
    ],
)
def test_id_labels(text: str, want: list[int]) -> None:
    assert extract_ids(text) == want


# --- examples: things that are not IDs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "123pan",
        "v1",
        "mp4",
        "x264",
        "H.264",
        "1080p",
        "4K",
        "12MB",
        "12 MB",
        "1.5 GB",
        "700KiB",
        "100 bytes",
        "30 min",
        "2 hours",
        "3 files",
        "2024年",
        "3月17日",
        "2025年3月17日",
        "12点30分",
        "5个",
        "第3集",
        "2025-03-17",
        "2025/03/17",
        "2025.03.17",
        "17/03/2025",
        "2025-03-17T12:30:00Z",
        "12:30",
        "12:30:45",
        "1.5",
        "0.5",
        "1.2.3",
        "192.168.1.1",
        "12345.mp4",
        "a/12345/b",
        "12-15",
        "12–15",
        "-5",
        "+86",
        "¥100",
        "￥100",
        "$5",
        "50%",
        "123@qq.com",
        "0",
        "007",
        "0123",
        "99999999999999999999",
        "9223372036854775808",
        "size: 1024",
        "uid=1815309870",
        "pwd=1234",
        "parentFileId: 42",
        "page 3",
        "abc_123",
        "é123",
        "ж123",
        "0x1F",
        "1e5",
        "5d41402abc4b2a76b9719d911017c592",
        "123e4567-e89b-12d3-a456-426614174000",
    ],
)
def test_not_ids(text: str) -> None:
    assert extract_ids(text) == []
    assert extract_ids(f"前 {text} 后") == []


def test_unit_letter_that_starts_a_file_name_is_not_a_unit() -> None:
    assert extract_ids("12345 b.mp4 67890 MB.") == [12345]


def test_largest_id_is_accepted() -> None:
    assert extract_ids(str(MAX_ID)) == [MAX_ID]


def test_fullwidth_colon_is_a_separator_but_ascii_colon_between_digits_is_a_time() -> None:
    assert extract_ids("12345：67890") == [12345, 67890]
    assert extract_ids("12:30") == []


def test_numbers_in_prose_are_taken_at_face_value() -> None:
    # Documented limitation: a lone number in a sentence is an ID candidate.
    assert extract_ids("in 2024 we uploaded 12345678") == [2024, 12345678]


# --- examples: URLs -------------------------------------------------------------------------------------------------


def test_api_url_with_file_id_param() -> None:
    text = "GET https://open-api.123pan.com/api/v1/direct-link/url?fileID=10861131 and /file/detail?fileId=42"
    assert extract_ids(text) == [10861131, 42]


def test_url_numbers_other_than_file_id_are_ignored() -> None:
    text = (
        "https://vip.123pan.cn/1815309870/%E6%B5%8B/123.mp4 "
        "https://www.123pan.com/s/abc-123?pwd=1234 "
        "https://www.123pan.com/#/detail?parentFileId=5&fileId=77&page=2"
    )
    assert extract_ids(text) == [77]


def test_url_followed_by_chinese_comma_and_more_ids() -> None:
    assert extract_ids("https://x.example/a?fileID=5，12345、https://x.example/b?fileid=6") == [5, 12345, 6]


# --- examples: CSV --------------------------------------------------------------------------------------------------


def test_csv_file_id_column_wins() -> None:
    text = 'name,size,fileID,url\n"a, ""b"".mp4",1024,12345,https://x/1\nb.mp4,2048,67890,\n'
    assert extract_ids(text) == [12345, 67890]


def test_csv_file_id_beats_id() -> None:
    assert extract_ids("id,fileId\n1,12345\n2,67890") == [12345, 67890]


def test_csv_id_column_when_no_file_id() -> None:
    assert extract_ids("ID;Name;Size\n12345;a;1024\n67890;b;2048") == [12345, 67890]


def test_tsv_with_chinese_header_and_bom() -> None:
    assert extract_ids("\ufeff文件名\t文件ID\t大小\n视频.mp4\t12345\t999\n") == [12345]


def test_csv_single_column() -> None:
    assert extract_ids("fileID\n12345\n67890\n12345") == [12345, 67890]


def test_csv_without_id_column_is_scanned_as_text() -> None:
    assert extract_ids("name,note\na.mp4,12345\nb.mp4,67890") == [12345, 67890]


def test_header_of_numbers_is_not_a_header() -> None:
    assert extract_ids("id,12345\n67890") == [12345, 67890]


def test_csv_short_rows_and_quoted_newlines() -> None:
    text = 'fileID,name\n12345,"two\nlines"\n\n67890\n,\n'
    assert extract_ids(text) == [12345, 67890]


# --- examples: JSON -------------------------------------------------------------------------------------------------


def test_json_api_response_any_nesting() -> None:
    doc = {
        "code": 0,
        "data": {
            "uid": 1815309870,
            "list": [
                {"fileId": 12345, "parentFileId": 111, "filename": "67890.mp4", "size": 5},
                {"fileID": "67890", "children": [{"fileId": 24680}]},
            ],
        },
    }
    assert extract_ids(json.dumps(doc)) == [12345, 67890, 24680]


def test_json_file_ids_list() -> None:
    assert extract_ids('{"fileIds": [12345, 67890, 12345]}') == [12345, 67890]


def test_json_generic_id_when_no_file_id_keys() -> None:
    assert extract_ids('[{"id": 12345, "size": 99}, {"id": 67890}]') == [12345, 67890]


def test_json_file_id_keys_win_over_id() -> None:
    assert extract_ids('[{"id": 1, "fileId": 12345}]') == [12345]


def test_bare_json_array() -> None:
    assert extract_ids('[12345, 67890, "11111", 0, -5, 1.5, true]') == [12345, 67890, 11111]


def test_json_lines() -> None:
    assert extract_ids('{"fileID": 12345}\n\n{"fileID": 67890}\n') == [12345, 67890]


def test_json_without_id_keys_is_scanned_as_text() -> None:
    assert extract_ids('{"note": "12345 and 67890", "size": 1024}') == [12345, 67890]


def test_invalid_json_is_scanned_as_text() -> None:
    assert extract_ids('{"fileId": 12345, "size": 99,') == [12345]


def test_deeply_nested_json_does_not_crash() -> None:
    assert extract_ids("[" * 100_000 + "12345" + "]" * 100_000) == [12345]  # too deep to parse: scanned as text
    assert extract_ids("{" * 50_000) == []


def test_json_key_found_but_empty_means_no_ids() -> None:
    assert extract_ids('{"fileID": null, "size": 12345}') == []


# --- robustness -----------------------------------------------------------------------------------------------------


def test_nul_and_lone_surrogates() -> None:
    assert extract_ids("12345\x0067890 \ud800 11111\udfff22222") == [12345, 67890, 11111, 22222]


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        scan_ids(b"12345")  # type: ignore[arg-type]


def test_large_input_is_linear_enough_to_finish() -> None:
    text = ("x264 12MB 2025-03-17 12345678 文件ID：87654321，" * 40_000) + "9" * 100_000
    assert scan_ids(text).ids == [12345678, 87654321]


# --- properties -----------------------------------------------------------------------------------------------------

ANY_CHAR = st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr), st.sampled_from("0123456789１２:.-,\n"))
ANY_TEXT = st.text(ANY_CHAR, max_size=300)
IDS = st.lists(st.integers(min_value=1, max_value=MAX_ID), max_size=30)
SEPARATORS = st.lists(
    st.sampled_from(
        [" ", "\n", "\t", ",", ", ", " ,", "，", "；", ";", "、", "。", "：", "|", "\r\n", "\u3000", " / "]
    ),
    min_size=1,
    max_size=3,
).map("".join)


def _unique(values: list[int]) -> list[int]:
    return list(dict.fromkeys(values))


@given(ANY_TEXT)
def test_never_raises_and_output_is_consistent(text: str) -> None:
    scan = scan_ids(text)
    assert len(scan.ids) == len(set(scan.ids))
    assert all(isinstance(v, int) and 1 <= v <= MAX_ID for v in scan.ids)
    assert scan.found == len(scan.ids) + scan.duplicates
    assert scan.duplicates >= 0
    assert extract_ids(text) == scan.ids


@given(ANY_TEXT)
def test_output_reparses_to_itself(text: str) -> None:
    ids = extract_ids(text)
    assert extract_ids("\n".join(map(str, ids))) == ids


@given(ANY_TEXT)
def test_every_id_is_written_in_the_text(text: str) -> None:
    normalised = text.translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)})
    assume(not normalised.strip().lstrip("\ufeff").startswith(("[", "{")))  # JSON may spell digits as \u0031
    for value in extract_ids(text):
        assert str(value) in normalised


@given(IDS, st.lists(SEPARATORS, min_size=31, max_size=31), SEPARATORS, SEPARATORS)
def test_ids_joined_by_any_separator_mix_round_trip(ids: list[int], seps: list[str], lead: str, tail: str) -> None:
    # "3、" at a line start is a list marker (documented); keep a small number's "、" from touching it.
    seps = [" " + sep if v < 1000 and sep.startswith("、") else sep for v, sep in zip(ids, seps, strict=False)]
    text = lead + "".join(f"{v}{seps[i]}" for i, v in enumerate(ids)) + tail
    scan = scan_ids(text)
    assert scan.ids == _unique(ids)
    assert scan.found == len(ids)
    assert scan.duplicates == len(ids) - len(set(ids))


@given(IDS.filter(bool), SEPARATORS)
def test_order_is_first_occurrence_with_repeats(ids: list[int], sep: str) -> None:
    doubled = ids + list(reversed(ids)) + ids
    text = sep.join(str(v) for v in doubled)
    assume(not text.lstrip().startswith(("[", "{")))
    if min(ids) < 1000:
        text = " ".join(str(v) for v in doubled)
    assert extract_ids(text) == _unique(ids)


@given(IDS)
def test_fullwidth_digits_give_the_same_ids(ids: list[int]) -> None:
    text = "，".join(map(str, ids))
    wide = text.translate({cp: cp + 0xFEE0 for cp in range(ord("0"), ord("9") + 1)})
    assert extract_ids(wide) == extract_ids(text) == _unique(ids)


@given(IDS)
def test_json_array_and_csv_column_round_trip(ids: list[int]) -> None:
    assert extract_ids(json.dumps(ids)) == _unique(ids)
    assert extract_ids(json.dumps([{"fileID": v, "size": 7} for v in ids])) == _unique(ids)
    assert extract_ids("fileID,size\n" + "".join(f"{v},7\n" for v in ids)) == _unique(ids)


LETTERS = st.text(st.sampled_from(string.ascii_letters), min_size=1, max_size=6)


@given(st.integers(min_value=1, max_value=MAX_ID), LETTERS, LETTERS)
def test_digits_glued_to_letters_are_not_ids(value: int, prefix: str, suffix: str) -> None:
    assert extract_ids(f"{value}{suffix}") == []  # 123pan, 1080p, 12MB
    assert extract_ids(f"{prefix}{value}{suffix}") == []  # x264a, v1b
    if prefix.lower() not in ("id", "ids", "fileid", "fileids"):
        assert extract_ids(f"{prefix}{value}") == []  # v1, x264, mp4


@given(st.integers(min_value=1, max_value=MAX_ID), st.sampled_from(["请处理", "文件", "还有", "和", "Please get "]))
def test_id_in_a_sentence(value: int, before: str) -> None:
    assert extract_ids(f"{before}{value}的直链，谢谢。") == [value]


@given(st.dates(min_value=date(1000, 1, 1)), st.times())
def test_dates_and_times_are_not_ids(d: date, t: time) -> None:
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d/%m/%Y", "%Y年%m月%d日"):
        assert extract_ids(d.strftime(fmt)) == []
    assert extract_ids(t.strftime("%H:%M")) == []
    assert extract_ids(t.strftime("%H:%M:%S")) == []
    assert extract_ids(f"{d.isoformat()}T{t.isoformat()}") == []
    assert extract_ids(f"{d.isoformat()} {t.strftime('%H:%M:%S')}") == []


@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "kb", "mb", "gb", "bytes"]),
    st.sampled_from(["", " "]),
)
def test_sizes_are_not_ids(value: int, unit: str, space: str) -> None:
    assert extract_ids(f"{value}{space}{unit}") == []
    assert extract_ids(f"{value}.5{space}{unit}") == []


@settings(max_examples=25)
@given(st.integers(min_value=1, max_value=MAX_ID), st.integers(min_value=1, max_value=MAX_ID))
def test_decimals_versions_ranges_are_not_ids(a: int, b: int) -> None:
    for sep in (".", "-", "/", ":", "–"):
        assert extract_ids(f"{a}{sep}{b}") == []


# --- folder references: 123pan web addresses with homeFilePath= ------------------------------------------------------

WEB_HOSTS = [
    "www.123pan.com",
    "123pan.com",
    "www.123pan.cn",
    "yun.123pan.cn",
    "yun.123pan.com",
    "www.123912.com",
    "www.123865.com",
    "www.123684.com",
    "www.123685.com",
    "www.123592.com",
    "www.123952.com",
]


@pytest.mark.parametrize("host", WEB_HOSTS)
def test_new_web_app_address_is_a_reference_to_its_last_folder(host: str) -> None:
    scan = scan_ids(f"https://{host}/?homeFilePath=3614046%2C35993417%2C34112786")
    assert scan.folders == [34112786] and scan.ids == []
    assert scan.refs == [Ref(34112786, folder=True)]


@pytest.mark.parametrize("host", WEB_HOSTS)
def test_old_web_app_address_is_a_folder_reference(host: str) -> None:
    scan = scan_ids(f"打开 https://{host}/?homeFilePath=123456 看看")
    assert scan.folders == [123456] and scan.ids == []


@pytest.mark.parametrize(
    "address",
    [
        "https://www.123pan.com/?homeFilePath=1%2c2%2C777",  # lower-case escape
        "https://www.123pan.com/?homeFilePath=1,2,777",  # the comma typed plainly
        "https://www.123pan.com/#/?homeFilePath=1%2C777&page=3",  # in the fragment, more parameters after it
        "HTTPS://WWW.123PAN.COM/?a=b&HOMEFILEPATH=777",
        "http://www.123pan.cn/?x=1&homeFilePath=777#top",
    ],
)
def test_address_variants(address: str) -> None:
    scan = scan_ids(address)
    assert (scan.folders, scan.ids) == ([777], [])


def test_home_file_path_on_another_site_is_not_a_folder_reference() -> None:
    scan = scan_ids("https://example.com/?homeFilePath=3614046%2C777 https://evil-123pan.com/?homeFilePath=5")
    assert scan.folders == [] and scan.ids == []
    assert scan_ids("https://example.com/?homeFilePath=5&fileID=9").ids == [9]  # other URLs keep their fileID=


def test_files_and_folders_keep_their_first_seen_order() -> None:
    text = (
        "10861131\n"
        "https://www.123pan.com/?homeFilePath=10861000%2C10861100\n"
        "10861132, https://yun.123pan.cn/?homeFilePath=10861101 10861131\n"
    )
    scan = scan_ids(text)
    assert scan.ids == [10861131, 10861132]
    assert scan.folders == [10861100, 10861101]
    assert scan.refs == [Ref(10861131), Ref(10861100, True), Ref(10861132), Ref(10861101, True)]
    assert scan.found == 5 and scan.duplicates == 1


def test_a_number_also_given_as_a_folder_address_is_a_folder() -> None:
    scan = scan_ids("10861100 https://www.123pan.com/?homeFilePath=10861100")
    assert scan.ids == [] and scan.folders == [10861100] and scan.refs == [Ref(10861100, True)]
    assert scan.duplicates == 1


def test_path_numbers_other_than_the_last_are_not_ids() -> None:
    scan = scan_ids("https://www.123pan.com/?homeFilePath=3614046%2C35993417, 42")
    assert scan.ids == [42] and scan.folders == [35993417]
    assert scan_ids("https://www.123pan.com/?homeFilePath=0").refs == []  # no folder 0 reference (the top)


def test_megabytes_are_normalised_in_slices_with_the_same_result() -> None:
    from pan123_gui.core import ids

    step = ids._NORMALISE_SLICE
    text = "x " * (step // 2 - 3) + "，１０８６１１３１，" + " y" * step  # the full-width ID straddles a slice edge
    assert len(text) > step and "１" in text[step - 8 : step + 8]
    assert ids._normalise(text) == text.translate(ids._FULLWIDTH)
    assert ids.scan_ids(text).ids == [10861131]
