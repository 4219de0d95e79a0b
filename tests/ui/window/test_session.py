"""The kept list (ui/window/session.py): what goes into the file, what never does, and what comes back."""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.ui.results.model import ResultsModel
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window.session import NewLinks, SessionStore, plain_link

NOW = datetime.now(UTC)
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2VjcmV0LXRva2Vu"
SIGNED_KEY = "1893456000-abcdef-1814435971-0123456789abcdef0123456789abcdef"


def plain(file_id: int) -> str:
    return f"https://vip.123pan.cn/1814435971/dir/{file_id}.mp4"


def signed(file_id: int, minutes: int = 30) -> LinkResult:
    url = plain(file_id)
    return LinkResult(
        file_id,
        url=f"{url}?auth_key={SIGNED_KEY}",
        name=f"{file_id}.mp4",
        size=1024,
        expires_at=NOW + timedelta(minutes=minutes),
        unsigned_url=url,
    )


@pytest.fixture
def model(qapp: Any) -> ResultsModel:
    return ResultsModel()


def filled(model: ResultsModel) -> ResultsModel:
    """One row of every kind: plain OK, signed OK, expired signed, failed (with a token in its text), cancelled,
    and one still waiting."""
    model.add_pending([1, 2, 3, 4, 5, 6])
    model.apply_results(
        [
            LinkResult(1, url=plain(1), name="我从草原来.mp4", size=2048, unsigned_url=plain(1)),
            signed(2),
            signed(3, minutes=-5),  # already past: EXPIRED
            LinkResult(
                4,
                error=f"token refused: Authorization: Bearer {TOKEN}",
                error_kind=ErrorKind.AUTH,
                error_code=401,
                trace_id="trace-401",
                server_message="access_token无效",
            ),
            LinkResult(5, error="cancelled", error_kind=ErrorKind.CANCELLED),
        ]
    )
    assert [model.status_at(r) for r in range(6)] == [
        RowStatus.OK,
        RowStatus.OK,
        RowStatus.EXPIRED,
        RowStatus.FAILED,
        RowStatus.CANCELLED,
        RowStatus.PENDING,
    ]
    return model


def test_saved_file_holds_plain_links_only_and_no_secrets(model: ResultsModel, tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data" / "session.json")
    assert store.save("1 2 3 4 5 6\n", filled(model))
    raw = store.path.read_text(encoding="utf-8")
    assert "auth_key" not in raw and SIGNED_KEY not in raw
    assert TOKEN not in raw and "Bearer eyJ" not in raw
    data = json.loads(raw)
    assert data["text"] == "1 2 3 4 5 6\n"
    rows = {row["id"]: row for row in data["rows"]}
    assert list(rows) == [1, 2, 3, 4, 5, 6]
    assert rows[1] == {"id": 1, "name": "我从草原来.mp4", "size": 2048, "status": "ok", "link": plain(1)}
    assert rows[2]["status"] == rows[3]["status"] == "expired"  # a signed link is kept as its plain link only
    assert rows[2]["link"] == plain(2) and "expires_at" in rows[2]
    assert rows[4]["status"] == "failed" and rows[4]["error_kind"] == "auth" and rows[4]["error_code"] == 401
    assert rows[5]["status"] == "cancelled"
    assert rows[6]["status"] == "cancelled"  # still waiting when the app quit: fetched again next time
    if sys.platform != "win32":
        assert os.stat(store.path).st_mode & 0o777 == 0o600
    assert not list(store.path.parent.glob("*.tmp"))


def test_round_trip_signed_rows_come_back_expired_with_the_plain_link(model: ResultsModel, tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "session.json")
    store.save("ids", filled(model))
    saved = store.load()
    assert saved is not None and saved.text == "ids" and not saved.empty
    assert saved.expired == frozenset({2, 3})
    again = ResultsModel()
    assert again.restore_rows(saved.results, expired=saved.expired) == [1, 2, 3, 4, 5, 6]
    assert [again.status_at(r) for r in range(6)] == [
        RowStatus.OK,
        RowStatus.EXPIRED,
        RowStatus.EXPIRED,
        RowStatus.FAILED,
        RowStatus.CANCELLED,
        RowStatus.CANCELLED,
    ]
    assert again.successful_links() == [plain(1)]
    for row in (1, 2):  # ready to re-sign: the plain link, no signed one
        result = again.result_at(row)
        assert result is not None and result.url is None and result.unsigned_url == plain(row + 1)
    assert again.expired_rows() == [1, 2]
    failed = again.result_at(3)
    assert failed is not None and failed.error_kind is ErrorKind.AUTH and failed.error_code == 401
    assert (failed.trace_id, failed.server_message) == ("trace-401", "access_token无效")  # kept as fields
    assert failed.error is not None and TOKEN not in failed.error
    assert again.failed_ids() == [4, 5, 6]  # "Retry failed" picks up the cancelled and unfinished rows


def test_empty_list_and_box_remove_the_file(model: ResultsModel, tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "session.json")
    store.save("1", filled(model))
    assert store.path.exists()
    assert store.save("  \n", ResultsModel())
    assert not store.path.exists()
    assert store.load() is None
    store.clear()  # twice is fine


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        json.dumps({"format": "something else", "rows": []}),
        json.dumps({"format": "pan123-gui session", "rows": "nope"}),
        b"\xff\xfe\x00bad".decode("latin-1"),
    ],
)
def test_a_broken_file_is_ignored(tmp_path: Path, content: str) -> None:
    path = tmp_path / "session.json"
    path.write_text(content, encoding="utf-8")
    assert SessionStore(path).load() is None


def test_odd_rows_are_skipped_and_unsafe_links_never_come_back(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    rows = [
        {"id": 7, "status": "ok", "link": plain(7)},
        {"id": "8", "status": "ok", "link": plain(8)},  # not an integer ID
        {"id": -1, "status": "ok", "link": plain(9)},
        "not a row",
        {"id": 7, "status": "failed"},  # a second row for 7
        {"id": 10, "status": "ok", "link": plain(10) + "?auth_key=" + SIGNED_KEY},  # hand-edited: not trusted
        {"id": 11, "status": "ok", "link": "javascript:alert(1)"},
        {"id": 12, "status": "failed", "error_kind": "no such kind", "error_code": "x"},
        {"id": 13, "status": "expired", "link": plain(13), "expires_at": "garbage"},
    ]
    path.write_text(json.dumps({"format": "pan123-gui session", "version": 1, "rows": rows}), encoding="utf-8")
    saved = SessionStore(path).load()
    assert saved is not None and saved.text == ""
    by_id = {r.file_id: r for r in saved.results}
    assert list(by_id) == [7, 10, 11, 12, 13]
    assert by_id[7].url == plain(7)
    assert by_id[10].url is None and by_id[10].error_kind is ErrorKind.CANCELLED  # fetched again instead
    assert by_id[11].url is None
    assert by_id[12].error_kind is None and by_id[12].error_code is None and by_id[12].error
    assert by_id[13].unsigned_url == plain(13) and by_id[13].expires_at is None and saved.expired == {13}


def test_an_unwritable_place_is_logged_not_raised(
    model: ResultsModel, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    store = SessionStore(blocker / "session.json")  # its folder is a file
    assert store.save("1", filled(model)) is False
    assert "could not save the list" in caplog.text


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://vip.123pan.cn/1/a.mp4", True),
        ("http://example.test/a?x=1", True),
        ("https://vip.123pan.cn/1/a.mp4?auth_key=1-2-3-4", False),
        ("https://vip.123pan.cn/1/a.mp4?AUTH_KEY=1", False),
        ("https://x.test/a?access_token=abc", False),
        ("ftp://x.test/a", False),
        ("https:///nohost", False),
        ("", False),
        (None, False),
    ],
)
def test_plain_link(url: str | None, kept: bool) -> None:
    assert plain_link(url) == (url if kept else None)


def test_new_links_counts_what_was_not_handed_out(model: ResultsModel) -> None:
    filled(model)
    links = NewLinks()
    links.fetched(model.results())
    assert links.count(model) == 2  # rows 1 and 2; an expired signed link is no loss
    links.handed_out([model.link_at(0)])
    assert links.count(model) == 1
    links.fetched([LinkResult(2, error="x", error_kind=ErrorKind.NETWORK)])  # fetched again and failed
    assert links.count(model) == 0  # the row still shows the old link, but it is not a new one anymore
    links.fetched([signed(6)])
    model.apply_results([signed(6)])
    assert links.count(model) == 1
    model.remove_ids([6])
    assert links.count(model) == 0
    links.fetched([signed(2)])
    links.forget([2])
    links.clear()
    assert links.count(model) == 0


def test_a_name_no_encoding_can_write_is_saved_replaced(model: ResultsModel, tmp_path: Path) -> None:
    name = json.loads('"clip\\udc80.mp4"')  # valid JSON from the API: a lone surrogate
    model.add_pending([7])
    model.apply_results([LinkResult(7, url=plain(7), name=name, unsigned_url=plain(7))])
    store = SessionStore(tmp_path / "session.json")
    assert store.save("7", model)
    saved = store.load()
    assert saved is not None and [r.name for r in saved.results] == ["clip\ufffd.mp4"]


def test_a_box_text_over_the_limit_is_kept_as_its_ids(model: ResultsModel, tmp_path: Path) -> None:
    from pan123_gui.core.ids import scan_ids
    from pan123_gui.ui.window.session import MAX_KEPT_TEXT

    folder_address = "https://www.123pan.com/?homeFilePath=3614046%2C35993417"
    text = ("log line 10861131 and " + folder_address + " 10861132\n") * (MAX_KEPT_TEXT // 50)
    assert len(text) > MAX_KEPT_TEXT
    store = SessionStore(tmp_path / "session.json")
    assert store.save(text, model, scan=scan_ids(text))
    saved = store.load()
    assert saved is not None and len(saved.text) < 200
    assert scan_ids(saved.text).refs == scan_ids(text).refs  # the folder stays a folder
    assert store.save("short 1 2 3", model, scan=scan_ids("short 1 2 3"))
    again = store.load()
    assert again is not None and again.text == "short 1 2 3"  # a text that fits is kept as it is


def test_a_later_versions_list_is_kept_aside_not_half_read(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    later = json.dumps({"format": "pan123-gui session", "version": 2, "rows": [{"id": 7, "status": "ok"}]})
    path.write_text(later, encoding="utf-8")
    store = SessionStore(path)
    assert store.load() is None and store.set_aside is not None
    assert store.set_aside.read_text(encoding="utf-8") == later


def test_no_data_folder_is_nothing_to_read_and_saving_says_why(model: ResultsModel, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    store = SessionStore(blocker / "session.json")
    assert store.load() is None and store.problem is None
    assert store.save("1", filled(model)) is False and store.save_error
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_paths_of_files_from_folders_are_kept(model: ResultsModel, tmp_path: Path) -> None:
    model.add_pending([11, 12], {11: ("空间/剧集/第一季/01.mp4", "第一季"), 12: ("说明.txt", "")})
    model.apply_results([LinkResult(11, url=plain(11), unsigned_url=plain(11))])  # 12 still waiting
    store = SessionStore(tmp_path / "session.json")
    assert store.save("", model)
    saved = store.load()
    assert saved is not None
    back = ResultsModel()
    back.restore_rows(saved.results)
    assert [back.place_at(r) for r in range(2)] == [("空间/剧集/第一季/01.mp4", "第一季"), ("说明.txt", "")]
    first = back.result_at(0)
    assert first is not None and first.path == "空间/剧集/第一季/01.mp4"
