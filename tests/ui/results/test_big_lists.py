"""Big lists stay cheap: sorting asks each row for its key once (not the model's data() per comparison), select-all
and deleting a row while all are selected do not visit every cell, and the input order survives any sort.

Counts of calls into the model are asserted, never times (bench_rows.py measures the times at 100,000 rows).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult
from pan123_gui.ui.results.model import COL_ID, COL_NAME, COL_SIZE, COL_STATUS, ResultsModel
from pan123_gui.ui.results.view import ResultsView

ROWS = 2000
FIRST = 40_000_000

_Index = QModelIndex | QPersistentModelIndex


def results(n: int = ROWS) -> list[LinkResult]:
    out = []
    for k in range(n):
        file_id = FIRST + k
        if k % 10 == 9:
            out.append(LinkResult(file_id, error="x", error_kind=ErrorKind.NETWORK))
        else:
            name = f"f-{(k * 7919) % n:05d}.bin"
            out.append(LinkResult(file_id, url=f"https://x.cn/{name}", name=name, size=(k * 37) % 1000))
    return out


class CountingModel(ResultsModel):
    """Counts the model's data() calls for the sort role and every flags() call (Qt's own flags underneath)."""

    def __init__(self) -> None:
        super().__init__()
        self.sort_data = 0
        self.flag_calls = 0

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ResultsModel.SortRole:
            self.sort_data += 1
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        self.flag_calls += 1
        return super().flags(index)


@pytest.fixture
def shown(qtbot: Any) -> tuple[CountingModel, ResultsView]:
    model = CountingModel()
    view = ResultsView(model)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    model.restore_rows(results())
    QApplication.processEvents()
    return model, view


def test_sorting_does_not_ask_the_model_per_comparison(shown: tuple[CountingModel, ResultsView]) -> None:
    model, view = shown
    model.sort_data = 0
    view.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    QApplication.processEvents()
    names = [view.proxy.index(r, COL_NAME).data() for r in range(view.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)
    assert model.sort_data == 0  # a sorting proxy asked twice per comparison: ~40,000 calls for 2,000 rows


def test_sorting_is_stable_both_ways_and_the_input_order_stays(shown: tuple[CountingModel, ResultsView]) -> None:
    model, view = shown
    given = model.ids()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        view.sortByColumn(COL_STATUS, order)
        ids = model.ids()
        failed = [i for i in ids if model.status_at(model.row_of(i) or 0).value == "failed"]
        assert failed == sorted(failed)  # equal keys keep input order, also descending
        assert (model.status_at(0).value == "failed") == (order == Qt.SortOrder.AscendingOrder)
        assert model.ids_in_input_order() == given
        assert [r.file_id for r in model.results()] == given
        assert model.failed_ids() == [i for i in given if (i - FIRST) % 10 == 9]
    view.sortByColumn(COL_SIZE, Qt.SortOrder.AscendingOrder)
    sizes = [model.index(r, COL_SIZE).data(ResultsModel.SortRole) for r in range(model.rowCount())]
    assert sizes == sorted(sizes)  # unknown sizes (-1) first
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # cleared: back to input order
    assert model.ids() == given


def test_the_selection_follows_the_rows_when_sorting(shown: tuple[CountingModel, ResultsView]) -> None:
    model, view = shown
    picked = [FIRST + 3, FIRST + 500, FIRST + 1999]
    view.select_source_rows([model.row_of(i) or 0 for i in picked])
    view.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert [model.id_at(r) for r in view.selected_rows()] == picked  # still those rows, in input order


def test_select_all_and_delete_do_not_visit_every_cell(shown: tuple[CountingModel, ResultsView]) -> None:
    model, view = shown
    view.sortByColumn(COL_ID, Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    model.flag_calls = 0
    view.selectAll()
    QApplication.processEvents()
    assert len(view.selected_rows()) == ROWS
    model.remove_ids([FIRST + 7])
    QApplication.processEvents()
    assert len(view.selected_rows()) == ROWS - 1
    # The header, given the table's selection, checked every cell of every column: 6 x 2,000 calls each time.
    assert model.flag_calls < ROWS


def test_the_model_has_no_python_flags_override() -> None:
    # Qt's own flags (enabled, selectable, no children) are the same and cost no Python call per cell.
    assert "flags" not in ResultsModel.__dict__
