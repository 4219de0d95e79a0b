"""The Link column stays readable in a narrow table (the "Your files" panel docked beside it, a small window): the
other columns give up width instead of the links being squeezed to nothing; a wide table keeps its usual widths and
a column the user resized keeps the width the user gave it."""

from __future__ import annotations

from typing import Any

import pytest

from pan123_gui.core.models import LinkResult
from pan123_gui.ui.results.model import COL_FOLDER, COL_ID, COL_LINK, COL_NAME, COL_SIZE, COL_STATUS, ResultsModel
from pan123_gui.ui.results.view import LINK_SHARE, ResultsView


@pytest.fixture
def view(qtbot: Any) -> ResultsView:
    model = ResultsModel()
    model.add_pending([10861131], {10861131: ("测试直链文件夹/我从草原来.mp4", "")})
    url = "https://vip.123pan.cn/1815309870/测试直链文件夹/我从草原来.mp4"
    model.apply_results([LinkResult(10861131, url=url, name="我从草原来.mp4")])
    table = ResultsView(model)
    model.setParent(table)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    return table


def _resize(qtbot: Any, view: ResultsView, width: int) -> None:
    view.resize(width, 400)
    qtbot.waitUntil(lambda: view.width() == width)


def test_a_narrow_table_keeps_room_for_the_links(qtbot: Any, view: ResultsView) -> None:
    _resize(qtbot, view, 900)  # the window at 1280 with the files panel open
    room = view.viewport().width()
    assert view.columnWidth(COL_LINK) >= room * LINK_SHARE - 2
    for column in (COL_ID, COL_NAME, COL_FOLDER, COL_SIZE, COL_STATUS):
        assert view.columnWidth(column) > 40  # narrower, still there
    _resize(qtbot, view, 700)
    assert view.columnWidth(COL_LINK) >= view.viewport().width() * LINK_SHARE - 2
    metrics = view.fontMetrics()
    assert view.columnWidth(COL_ID) >= metrics.horizontalAdvance("1234567890")  # IDs and sizes are never cut
    assert view.columnWidth(COL_SIZE) >= metrics.horizontalAdvance("999.9 MB")


def test_a_wide_table_keeps_the_usual_widths(qtbot: Any, view: ResultsView) -> None:
    _resize(qtbot, view, 1600)
    name = view.columnWidth(COL_NAME)
    _resize(qtbot, view, 800)
    assert view.columnWidth(COL_NAME) < name
    _resize(qtbot, view, 1600)
    assert view.columnWidth(COL_NAME) == name  # back to what it was


def test_a_column_the_user_resized_keeps_its_width(qtbot: Any, view: ResultsView) -> None:
    _resize(qtbot, view, 1600)
    view.horizontalHeader().resizeSection(COL_NAME, 333)  # as a drag on the header does
    _resize(qtbot, view, 900)
    assert view.columnWidth(COL_NAME) == 333
