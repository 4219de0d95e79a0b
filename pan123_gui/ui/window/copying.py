"""Handing links out: Copy all links, Copy failed IDs, copy or open the chosen rows, copy their IDs.

Each link that leaves (clipboard or browser) is marked as taken in the kept list, so quitting does not warn about
it. Copy all with nothing to copy says why: no links yet, or every link expired (then the notice offers Re-sign).
"""

from __future__ import annotations

from collections.abc import Callable

from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.notices import Notice
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.wording import window as w


class Copying:
    def __init__(self, parts: WindowParts, sign_key_available: Callable[[], bool]) -> None:
        self._parts = parts
        self._sign_key_available = sign_key_available

    def copy_all_links(self) -> None:
        parts = self._parts
        model = parts.model
        links = model.successful_links()
        n = desktop.copy_links(links)
        parts.kept.handed_out(links)
        if n:
            unsigned = parts.resolve_bar.sign_check.isChecked() and not self._sign_key_available()
            if unsigned:
                parts.show_notice(Notice.SIGN_KEY)
            parts.status(w.copied_unsigned(n) if unsigned else w.copied_links(n))
            return
        expired = model.counts()[RowStatus.EXPIRED]
        if expired:
            parts.show_notice(Notice.LINKS_EXPIRED)
            parts.focus_first_notice_button()
            parts.status(w.all_links_expired(expired))
            return
        parts.status(w.no_links_yet())

    def copy_failed_ids(self) -> None:
        n = desktop.copy_ids(self._parts.model.failed_ids())
        self._parts.status(w.copied_failed(n) if n else w.no_failed())

    def copy_rows(self, rows: list[int]) -> None:
        parts = self._parts
        links = [parts.model.link_at(r) for r in rows]
        n = desktop.copy_links(links)
        parts.kept.handed_out(links)
        if not n:
            parts.status(w.no_link_in_selection())
        elif n < len(rows):
            parts.status(w.copied_links_skipped(n, len(rows) - n))
        else:
            parts.status(w.copied_links(n))

    def copy_row_ids(self, rows: list[int]) -> None:
        ids = self._parts.model.ids()
        n = desktop.copy_ids([ids[r] for r in rows if 0 <= r < len(ids)])
        self._parts.status(w.copied_ids(n))

    def open_row(self, row: int) -> None:
        parts = self._parts
        link = parts.model.link_at(row)
        if link is None:
            parts.status(w.no_link_in_selection())
            return
        from pan123_gui.core.links import is_http_link  # ~1.3 ms (urllib.parse)

        if not is_http_link(link):
            parts.status(w.refused_link())
            return
        parts.kept.handed_out([link])
        if desktop.open_link(link):
            parts.status(w.opened_link())
        else:
            desktop.copy_links([link])
            parts.status(w.open_failed())
