"""ResultsModel: Qt model rules (qtmodeltester), rows keyed by ID, statuses, expiry, roles and batching."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.ui.results.model import (
    COL_EXPIRES,
    COL_ID,
    COL_LINK,
    COL_NAME,
    COL_SIZE,
    COL_STATUS,
    COLUMN_COUNT,
    ResultsModel,
)
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.wording.errors import error_text

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def ok(file_id: int, **kw: Any) -> LinkResult:
    return LinkResult(file_id, url=f"https://vip.123pan.cn/1/{file_id}.bin", **kw)


def failed(
    file_id: int,
    kind: ErrorKind,
    code: int | None = None,
    error: str = "boom",
    *,
    trace_id: str | None = None,
    server_message: str | None = None,
) -> LinkResult:
    return LinkResult(
        file_id, error=error, error_kind=kind, error_code=code, trace_id=trace_id, server_message=server_message
    )


@pytest.fixture
def model(qapp: Any) -> ResultsModel:
    return ResultsModel(clock=lambda: NOW)


def cell(model: ResultsModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.data(model.index(row, column), role)


def recount(model: ResultsModel) -> dict[RowStatus, int]:
    counts = Counter(model.status_at(row) for row in range(model.rowCount()))
    return {status: counts.get(status, 0) for status in RowStatus}


# ---- Qt model rules ----------------------------------------------------------------------------------------------


def test_modeltester_through_adds_results_retries_expiry_and_clear(qtmodeltester: Any, model: ResultsModel) -> None:
    qtmodeltester.check(model)
    model.add_pending([10, 11, 12, 13])
    qtmodeltester.check(model)
    model.apply_results(
        [
            ok(10, name="a.mp4", size=2048, expires_at=NOW + timedelta(minutes=30)),
            failed(11, ErrorKind.NOT_DIRECT_LINK_SPACE),
            failed(12, ErrorKind.API, 1010, "API error: forbidden", trace_id="t-1", server_message="forbidden"),
            failed(13, ErrorKind.CANCELLED),
        ]
    )
    qtmodeltester.check(model)
    model.mark_pending(model.failed_ids())
    model.add_pending([11, 14])
    qtmodeltester.check(model)
    model.refresh_expiry(NOW + timedelta(hours=1))
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_modeltester_behind_a_sort_proxy(qtmodeltester: Any, model: ResultsModel) -> None:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(ResultsModel.SortRole)
    proxy.sort(COL_SIZE)
    model.add_pending([1, 2, 3])
    model.apply_results([ok(1, size=300), ok(2, size=5), failed(3, ErrorKind.NETWORK)])
    qtmodeltester.check(proxy)
    order = [proxy.index(r, 0).data(ResultsModel.FileIdRole) for r in range(proxy.rowCount())]
    assert order == [3, 2, 1]  # unknown size (-1) first, then 5, then 300


def test_shape_and_headers(model: ResultsModel) -> None:
    model.add_pending([7])
    assert model.rowCount() == 1
    assert model.columnCount() == COLUMN_COUNT == 7
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)]
    assert headers == ["ID", "Name", "Size", "Status", "Link", "Expires", "Folder"]
    assert not model.flags(model.index(0, COL_LINK)) & Qt.ItemFlag.ItemIsEditable


# ---- rows keyed by ID --------------------------------------------------------------------------------------------


def test_add_pending_returns_only_new_ids_and_inserts_once(qtbot: Any, model: ResultsModel) -> None:
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    assert model.add_pending([5, 6, 5, 7]) == [5, 6, 7]
    assert model.add_pending([6, 8, 9, 8]) == [8, 9]
    assert model.add_pending([5, 9]) == []
    assert inserts == [(0, 2), (3, 4)]
    assert model.ids() == [5, 6, 7, 8, 9]
    assert all(model.status_at(r) is RowStatus.PENDING for r in range(5))


def test_retry_never_duplicates_rows_and_keeps_order(model: ResultsModel) -> None:
    model.add_pending([1, 2, 3])
    model.apply_results([ok(1), failed(2, ErrorKind.NETWORK), failed(3, ErrorKind.RATE_LIMITED)])
    assert model.failed_ids() == [2, 3]

    assert model.mark_pending([2, 3, 99]) == [2, 3]  # 99 has no row: not added
    assert model.add_pending([1, 2, 3]) == []
    assert model.ids() == [1, 2, 3]
    assert [model.status_at(r) for r in range(3)] == [RowStatus.OK, RowStatus.PENDING, RowStatus.PENDING]
    assert model.result_at(1) is None  # the old error is gone while it is retried

    model.apply_results([ok(2), ok(3), ok(2)])  # a duplicate result updates the same row
    assert model.rowCount() == 3
    assert model.successful_links() == [ok(1).url, ok(2).url, ok(3).url]
    assert model.failed_ids() == []


def test_results_for_unknown_ids_are_ignored(model: ResultsModel) -> None:
    model.add_pending([1])
    model.clear()
    assert model.apply_results([ok(1)]) == 0  # late result after Clear
    assert model.rowCount() == 0
    model.add_pending([2])
    assert model.apply_results([ok(1), ok(2)]) == 1
    assert model.ids() == [2]


# ---- statuses, lists and counts ----------------------------------------------------------------------------------


def test_statuses_lists_and_counts(model: ResultsModel) -> None:
    model.add_pending([1, 2, 3, 4, 5, 6])
    model.apply_results(
        [
            ok(4),
            failed(2, ErrorKind.TRAFFIC_EXHAUSTED, 5113),
            ok(1),
            failed(3, ErrorKind.CANCELLED),
        ]
    )
    assert [model.status_at(r) for r in range(6)] == [
        RowStatus.OK,
        RowStatus.FAILED,
        RowStatus.CANCELLED,
        RowStatus.OK,
        RowStatus.PENDING,
        RowStatus.PENDING,
    ]
    assert model.successful_links() == [ok(1).url, ok(4).url]  # row order, not arrival order
    assert model.failed_ids() == [2, 3]  # failed and cancelled
    counts = model.counts()
    assert counts == recount(model)
    assert counts[RowStatus.OK] == 2 and counts[RowStatus.FAILED] == 1 and counts[RowStatus.CANCELLED] == 1
    assert counts[RowStatus.PENDING] == 2 and counts[RowStatus.EXPIRED] == 0
    assert [r.file_id for r in model.results()] == [1, 2, 3, 4]  # unfinished rows have no result yet
    assert model.link_at(0) == ok(1).url
    assert model.link_at(1) is None
    assert model.link_at(99) is None and model.result_at(99) is None


def test_counts_stay_right_through_every_change(model: ResultsModel) -> None:
    signals: list[None] = []
    model.counts_changed.connect(lambda: signals.append(None))
    model.add_pending(range(20))
    model.apply_results([ok(i, expires_at=NOW + timedelta(minutes=i)) for i in range(0, 20, 2)])
    model.apply_results([failed(i, ErrorKind.NETWORK) for i in range(1, 20, 2)])
    assert model.counts() == recount(model)
    model.refresh_expiry(NOW + timedelta(minutes=9))
    assert model.counts() == recount(model)
    model.mark_pending(model.failed_ids() + [r for r in model.expired_rows()])
    assert model.counts() == recount(model)
    model.clear()
    assert model.counts() == dict.fromkeys(RowStatus, 0)
    assert len(signals) == 6


# ---- expiry ------------------------------------------------------------------------------------------------------


def test_refresh_expiry_turns_only_past_signed_ok_rows_expired(model: ResultsModel) -> None:
    model.add_pending([1, 2, 3, 4])
    model.apply_results(
        [
            ok(1, expires_at=NOW + timedelta(minutes=5)),
            ok(2, expires_at=NOW + timedelta(minutes=60)),
            ok(3),  # unsigned: never expires
            failed(4, ErrorKind.NETWORK),
        ]
    )
    assert model.refresh_expiry(NOW) == []
    assert model.refresh_expiry(NOW + timedelta(minutes=10)) == [0]
    assert model.expired_rows() == [0]
    assert model.status_at(0) is RowStatus.EXPIRED
    assert model.link_at(0) is None  # an expired link is not offered for copying
    assert model.successful_links() == [ok(2).url, ok(3).url]
    assert cell(model, 0, COL_EXPIRES) == "Expired"
    assert cell(model, 0, COL_LINK) == ok(1).url  # still visible, just not offered
    assert model.refresh_expiry(NOW + timedelta(minutes=10)) == []  # idempotent


def test_already_expired_result_arrives_expired_and_resign_makes_it_ok(model: ResultsModel) -> None:
    model.add_pending([1])
    model.apply_results([ok(1, expires_at=NOW - timedelta(seconds=1))])
    assert model.status_at(0) is RowStatus.EXPIRED
    old = model.results()
    assert model.mark_pending([1]) == [1]
    model.apply_results([ok(1, expires_at=NOW + timedelta(minutes=30), unsigned_url=old[0].url)])
    assert model.status_at(0) is RowStatus.OK
    assert model.rowCount() == 1


def test_expires_column_shows_local_time(model: ResultsModel) -> None:
    at = NOW + timedelta(minutes=30)
    model.add_pending([1, 2])
    model.apply_results([ok(1, expires_at=at), ok(2)])
    assert cell(model, 0, COL_EXPIRES) == at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert cell(model, 1, COL_EXPIRES) == ""
    assert cell(model, 0, COL_EXPIRES, ResultsModel.SortRole) == int(at.timestamp())


# ---- cells and roles ---------------------------------------------------------------------------------------------


def test_cells_show_plain_words_and_error_tooltips(model: ResultsModel) -> None:
    model.add_pending([1, 2, 3, 4])
    model.apply_results(
        [
            ok(1, name="movie.mp4", size=1536),
            failed(2, ErrorKind.NOT_DIRECT_LINK_SPACE),
            failed(
                3,
                ErrorKind.API,
                1010,
                "API error: forbidden realc (code 1010) [x-traceID trace-abc]",
                trace_id="trace-abc",
                server_message="forbidden realc",
            ),
        ]
    )
    assert cell(model, 0, COL_ID) == "1"
    assert cell(model, 0, COL_NAME) == "movie.mp4"
    assert cell(model, 0, COL_SIZE) == "1.5 KB"
    assert cell(model, 0, COL_STATUS) == "Link ready"
    assert cell(model, 0, COL_LINK) == ok(1).url
    assert cell(model, 1, COL_STATUS) == "Failed: not in a direct-link folder"
    assert cell(model, 1, COL_STATUS, Qt.ItemDataRole.ToolTipRole) == error_text(ErrorKind.NOT_DIRECT_LINK_SPACE)
    assert cell(model, 1, COL_LINK) == ""
    assert cell(model, 3, COL_STATUS) == "Waiting"

    label = cell(model, 2, COL_STATUS)
    tip = cell(model, 2, COL_STATUS, Qt.ItemDataRole.ToolTipRole)
    assert "1010" in label and "trace-abc" not in label  # the trace id stays out of the short label
    assert "123pan said: forbidden realc (code 1010)" in tip and "trace-abc" in tip
    assert "API error" not in tip  # the server's words come from the field, not from the English line
    accessible = cell(model, 1, COL_STATUS, Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Failed: not in a direct-link folder") and "直链空间" in accessible


def test_custom_roles(model: ResultsModel) -> None:
    model.add_pending([1, 2])
    model.apply_results([ok(1, name="Zeta", size=10), failed(2, ErrorKind.AUTH, 401)])
    index = model.index(0, COL_NAME)
    assert index.data(ResultsModel.FileIdRole) == 1
    assert index.data(ResultsModel.LinkRole) == ok(1).url
    assert index.data(ResultsModel.StatusRole) == RowStatus.OK  # a str through QVariant: RowStatus(value)
    assert index.data(ResultsModel.ResultRole) == ok(1, name="Zeta", size=10)
    assert model.index(1, COL_LINK).data(ResultsModel.LinkRole) is None
    assert cell(model, 0, COL_ID, ResultsModel.SortRole) == 1
    assert cell(model, 0, COL_NAME, ResultsModel.SortRole) == "zeta"
    assert cell(model, 0, COL_SIZE, ResultsModel.SortRole) == 10
    assert cell(model, 1, COL_SIZE, ResultsModel.SortRole) == -1
    assert cell(model, 1, COL_STATUS, ResultsModel.SortRole) < cell(model, 0, COL_STATUS, ResultsModel.SortRole)
    assert model.data(QModelIndex(), ResultsModel.FileIdRole) is None


def test_status_decoration_is_a_colour_and_no_text_colour_is_forced(model: ResultsModel) -> None:
    model.add_pending([1, 2])
    model.apply_results([ok(1), failed(2, ErrorKind.NETWORK)])
    ok_colour = cell(model, 0, COL_STATUS, Qt.ItemDataRole.DecorationRole)
    bad_colour = cell(model, 1, COL_STATUS, Qt.ItemDataRole.DecorationRole)
    assert isinstance(ok_colour, QColor) and isinstance(bad_colour, QColor) and ok_colour != bad_colour
    for column in range(COLUMN_COUNT):
        assert cell(model, 0, column, Qt.ItemDataRole.ForegroundRole) is None  # the palette decides text colour


def test_a_result_without_a_name_keeps_the_known_name(model: ResultsModel) -> None:
    model.add_pending([1, 2])
    assert model.apply_results([ok(1, name="a.zip", size=4096), ok(3, name="x", size=1)]) == 1
    assert cell(model, 0, COL_NAME) == "a.zip"
    model.apply_results([ok(1)])  # a later result without name (its names lookup failed) keeps the known name
    assert cell(model, 0, COL_NAME) == "a.zip"
    merged = model.result_at(0)
    assert merged is not None and merged.name == "a.zip" and merged.size == 4096
    model.mark_pending([1])
    assert cell(model, 0, COL_NAME) == "a.zip"  # name survives a retry


# ---- batching ----------------------------------------------------------------------------------------------------


def test_apply_results_emits_one_signal_per_block_of_rows(model: ResultsModel) -> None:
    model.add_pending(range(1000))
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles: changes.append((top.row(), bottom.row(), top.column(), bottom.column()))
    )
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))

    model.apply_results([ok(i) for i in [5, 3, 4, 50, 51, 90]])
    # the ID column never changes; Name … Expires do
    assert changes == [(3, 5, COL_NAME, COL_EXPIRES), (50, 51, COL_NAME, COL_EXPIRES), (90, 90, COL_NAME, COL_EXPIRES)]

    changes.clear()
    model.apply_results([ok(i) for i in reversed(range(100))])
    # blocks of at most 200 cells, so a view repaints only what it shows
    assert changes == [(0, 39, COL_NAME, COL_EXPIRES), (40, 79, COL_NAME, COL_EXPIRES), (80, 99, COL_NAME, COL_EXPIRES)]
    assert all((last - first + 1) * (COL_EXPIRES - COL_NAME + 1) <= 200 for first, last, _a, _b in changes)

    changes.clear()
    model.apply_results([ok(i) for i in range(0, 1000, 2)])  # scattered rows: each alone, no span over the others
    assert changes == [(i, i, COL_NAME, COL_EXPIRES) for i in range(0, 1000, 2)]
    assert resets == []


def test_retranslate_announces_headers_and_cells(model: ResultsModel) -> None:
    model.add_pending([1, 2])
    headers: list[tuple[int, int]] = []
    cells: list[tuple[int, int]] = []
    model.headerDataChanged.connect(lambda _o, first, last: headers.append((first, last)))
    model.dataChanged.connect(lambda top, bottom, _r: cells.append((top.row(), bottom.row())))
    model.retranslate()
    assert headers == [(0, COLUMN_COUNT - 1)]
    assert cells == [(0, 1)]


# ---- removing rows -----------------------------------------------------------------------------------------------


def _fill(model: ResultsModel, n: int) -> None:
    ids = list(range(100, 100 + n))
    model.add_pending(ids)
    model.apply_results(
        [ok(i) if i % 3 else failed(i, ErrorKind.NOT_FOUND, 5066) for i in ids if i % 5]  # every 5th stays pending
    )


def test_modeltester_through_removing_rows(qtmodeltester: Any, model: ResultsModel) -> None:
    _fill(model, 30)
    qtmodeltester.check(model)
    assert model.remove_ids([100, 101, 102, 110, 129, 9999]) == [100, 101, 102, 110, 129]  # unknown IDs ignored
    qtmodeltester.check(model)
    assert model.remove_ids([]) == []
    assert model.remove_ids(model.ids()[::2]) != []  # scattered: many blocks
    qtmodeltester.check(model)
    assert model.remove_ids(model.ids()) != []
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_modeltester_removing_behind_a_sorted_proxy(qtmodeltester: Any, model: ResultsModel) -> None:
    _fill(model, 40)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(ResultsModel.SortRole)
    proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    model.remove_ids([101, 102, 103, 120, 139])
    qtmodeltester.check(proxy)
    shown = {proxy.index(r, COL_ID).data(ResultsModel.FileIdRole) for r in range(proxy.rowCount())}
    assert shown == set(model.ids()) and not shown & {101, 102, 103, 120, 139}


def test_remove_ids_keeps_lookup_order_and_counts_right(model: ResultsModel) -> None:
    _fill(model, 200)
    before = model.ids()
    gone = [i for i in before if i % 7 == 0] + [before[0], before[-1]]
    removed = model.remove_ids(gone)
    assert removed == [i for i in before if i in set(gone)]  # row order, each once
    assert model.ids() == [i for i in before if i not in set(gone)]
    assert all(model.row_of(file_id) == row for row, file_id in enumerate(model.ids()))
    assert all(model.row_of(file_id) is None for file_id in gone)
    assert model.counts() == recount(model)
    # a late result for a removed ID is ignored; the ID can come back as a new row
    assert model.apply_results([ok(gone[0])]) == 0
    assert model.add_pending([gone[0]]) == [gone[0]]
    assert model.ids()[-1] == gone[0]


def test_remove_ids_signals_blocks_last_first_or_one_reset(qtbot: Any, model: ResultsModel) -> None:
    _fill(model, 400)
    removed_ranges: list[tuple[int, int]] = []
    resets: list[int] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed_ranges.append((first, last)))
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.counts_changed):
        model.remove_ids([110, 111, 112, 300, 301])
    assert removed_ranges == [(200, 201), (10, 12)]  # last block first, so earlier row numbers stay valid
    assert resets == []
    removed_ranges.clear()
    model.remove_ids(model.ids()[::2])  # ~200 blocks: one reset instead
    assert removed_ranges == [] and resets == [1]
    assert model.counts() == recount(model)


# ---- restoring a saved list --------------------------------------------------------------------------------------


def test_restore_rows_appends_finished_rows_with_their_statuses(qtmodeltester: Any, model: ResultsModel) -> None:
    model.add_pending([1])
    plain = "https://vip.123pan.cn/1/b.bin"
    restored = [
        ok(1),  # already in the list: skipped
        ok(2, name="a.mp4", size=10),
        LinkResult(3, name="b.bin", expires_at=NOW - timedelta(minutes=5), unsigned_url=plain),
        failed(4, ErrorKind.NOT_FOUND, 5066),
        failed(5, ErrorKind.CANCELLED),
        ok(2),  # twice in the file: once in the list
    ]
    assert model.restore_rows(restored, expired={3}) == [2, 3, 4, 5]
    qtmodeltester.check(model)
    assert model.ids() == [1, 2, 3, 4, 5]
    assert [model.status_at(r) for r in range(5)] == [
        RowStatus.PENDING,
        RowStatus.OK,
        RowStatus.EXPIRED,
        RowStatus.FAILED,
        RowStatus.CANCELLED,
    ]
    assert model.counts() == recount(model)
    assert cell(model, 1, COL_NAME) == "a.mp4"
    # the expired row shows no link (only the plain one is kept, to re-sign from) and says it expired
    assert cell(model, 2, COL_LINK) == "" and model.link_at(2) is None
    assert cell(model, 2, COL_EXPIRES) == cell(model, 2, COL_STATUS)
    assert model.expired_rows() == [2]
    result = model.result_at(2)
    assert result is not None and result.unsigned_url == plain
    assert model.failed_ids() == [4, 5]
    assert model.restore_rows([]) == []


def test_control_characters_in_names_and_messages_are_shown_not_obeyed(model: ResultsModel) -> None:
    model.add_pending([1, 2])
    model.apply_results(
        [
            ok(1, name="a\x07b\u202eexe.txt\ncd"),  # a bell, a right-to-left override and a line break
            LinkResult(2, error="bad\x1b[31m", error_kind=ErrorKind.API, error_code=7),
        ]
    )
    assert cell(model, 0, COL_NAME) == "a\u2407b\ufffdexe.txt\u240acd"
    tip = cell(model, 1, COL_STATUS, Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and "\x1b" not in tip


# ---- where the file is: the Folder column ------------------------------------------------------------------------


def test_rows_from_folders_show_their_folder_and_keep_the_path(model: ResultsModel) -> None:
    from pan123_gui.ui.results.model import COL_FOLDER

    where = {1: ("空间/剧集/第一季/01.mp4", "第一季"), 2: ("说明.txt", None)}
    model.add_pending([1, 2, 3], where)
    assert [cell(model, r, COL_FOLDER) for r in range(3)] == ["空间/剧集/第一季", "(top of the drive)", ""]
    assert cell(model, 0, COL_FOLDER, Qt.ItemDataRole.ToolTipRole) == "空间/剧集/第一季/01.mp4"
    model.apply_results([LinkResult(file_id=1, url="https://x/1"), LinkResult(file_id=3, url="https://x/3")])
    merged = model.result_at(0)
    assert merged is not None and (merged.path, merged.relative_folder) == ("空间/剧集/第一季/01.mp4", "第一季")
    # a result that knows the path teaches the row (one signal for the Folder cell)
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: changes.append((a.row(), a.column())))
    model.apply_results([LinkResult(file_id=3, url="https://x/3", path="a/b/3.bin")])
    assert cell(model, 2, COL_FOLDER) == "a/b" and (2, COL_FOLDER) in changes
    # an ID added again with a place learns it
    model.add_pending([2], {2: ("新/说明.txt", "")})
    assert cell(model, 1, COL_FOLDER) == "新"
    # restored rows keep their path
    model.restore_rows([LinkResult(file_id=9, url="https://x/9", path="p/q.bin", relative_folder="")])
    assert cell(model, 3, COL_FOLDER) == "p"
