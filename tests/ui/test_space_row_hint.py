"""A row outside a direct-link space says where its fix is: the status tooltip names the row menu's action (right-click
the row → "Enable direct-link space for “folder”"), in English and in Chinese, so nobody has to guess that it exists."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult, SpaceFolder
from pan123_gui.demo.samples import NOT_DIRECT_LINK_ID, PLAIN_FOLDER_ID
from pan123_gui.ui.i18n import install_translators, remove_translators
from pan123_gui.ui.results.model import COL_STATUS, ResultsModel
from pan123_gui.ui.wording import spaces as space_words
from pan123_gui.ui.wording.window import plain


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_status_tooltip_points_at_the_enable_action(qapp: Any, lang: str) -> None:
    install_translators(qapp, lang)
    try:
        model = ResultsModel()
        model.add_pending([NOT_DIRECT_LINK_ID])
        row = LinkResult(
            NOT_DIRECT_LINK_ID,
            error="not in a direct-link space",
            error_kind=ErrorKind.NOT_DIRECT_LINK_SPACE,
            space_folder=SpaceFolder(PLAIN_FOLDER_ID, "我的资源"),
        )
        model.apply_results([row])
        tip = str(model.index(0, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole))
        action = plain(space_words.enable_action("我的资源")).rstrip("…")
        assert action in tip, tip
    finally:
        remove_translators(qapp)
