"""Taking rows out of the list: Clear (asks first when there are rows; not during a run) and Remove on chosen rows.
The kept list forgets what left; a late result for a removed row is ignored by the model.
"""

from __future__ import annotations

from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.window.runs import Runs
from pan123_gui.ui.wording import window as w


class ListEdits:
    def __init__(self, parts: WindowParts, runs: Runs) -> None:
        self._parts = parts
        self._runs = runs

    def clear(self) -> None:
        parts = self._parts
        if self._runs.busy:
            parts.status(w.busy())
            return
        rows = parts.model.rowCount()
        if rows and not desktop.confirm(
            parts.widget, w.clear_confirm_title(), w.clear_confirm_text(rows), w.clear_confirm_button()
        ):
            return
        parts.model.clear()
        parts.input.clear_text()
        parts.resolve_bar.reset_progress()
        parts.kept.clear()
        parts.status(w.cleared(rows))
        parts.input.edit.setFocus()

    def remove_rows(self, rows: list[int]) -> None:
        """Take these (source) rows out of the list; a late result for one of them is ignored."""
        parts = self._parts
        ids = parts.model.ids()
        chosen = [ids[r] for r in rows if 0 <= r < len(ids)]
        if not chosen:
            parts.status(w.no_rows_selected())
            return
        removed = parts.model.remove_ids(chosen)
        parts.kept.forget(removed)
        parts.status(w.removed_rows(len(removed)))
