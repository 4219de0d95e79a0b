"""Signing on the window: the "Sign links" switch, signing or un-signing the links already listed, Re-sign expired.

Turned on, the plain links in the list get signed (locally: no direct-link request; the account uid is asked once
per client); turned off, signed (and expired) links become their plain links again. A change during a run waits
until the run ends. "Sign links" without a sign key blocks a run and says why (the notice's first button opens
Credentials); a key entered later signs the plain links at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pan123_gui.core.errors import Pan123Error
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window.notices import Notice
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.window.runs import RunKind, Runs
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from pan123_gui.core.models import LinkResult
    from pan123_gui.ui.window.resolve_run import RunSummary


class Signing:
    def __init__(self, parts: WindowParts, runs: Runs) -> None:
        self._parts = parts
        self._runs = runs
        self._choice_pending = False  # "Sign links" changed during a run: applied to the list when it ends
        parts.resolve_bar.sign_check.toggled.connect(self._on_sign_toggled)
        parts.resolve_bar.valid_minutes_changed.connect(self._on_valid_changed)
        runs.ended.connect(self._after_run)

    @property
    def on(self) -> bool:
        """Whether "Sign links" is on."""
        return self._parts.resolve_bar.sign_check.isChecked()

    def key_available(self) -> bool:
        try:
            return bool(self._parts.services.credentials().sign_key)
        except Pan123Error:
            return False

    def key_blocks(self) -> bool:
        """True when "Sign links" is on without a sign key: a run must not start. Says why (status bar and the
        notice, whose first button opens Credentials) instead of leaving the hint to press Ctrl+Enter unanswered."""
        parts = self._parts
        if not self.on or self.key_available():
            parts.input.set_next_step(None)
            return False
        parts.show_notice(Notice.SIGN_KEY, w.sign_key_blocked)
        parts.status(w.not_started_no_sign_key())
        parts.input.set_next_step(w.preview_needs_sign_key)  # the hint under the box no longer says Ctrl+Enter
        parts.focus_first_notice_button()
        return True

    def turn_off(self) -> None:
        """The notice's "Turn signing off" button."""
        self._parts.resolve_bar.sign_check.setChecked(False)
        self._parts.dismiss_notice(Notice.SIGN_KEY)

    def _on_sign_toggled(self, checked: bool) -> None:
        parts = self._parts
        parts.services.settings.sign_links = checked
        if checked and not self.key_available():
            parts.show_notice(Notice.SIGN_KEY)
            parts.input.set_next_step(w.preview_needs_sign_key)
        elif not checked:
            parts.dismiss_notice(Notice.SIGN_KEY)
            parts.input.set_next_step(None)
        self.apply_choice()

    def _on_valid_changed(self, minutes: int) -> None:
        self._parts.services.settings.valid_minutes = minutes

    def credentials_changed(self) -> None:
        """After the Credentials dialog: a key just entered drops the notice and signs the plain links."""
        parts = self._parts
        if self.key_available():
            parts.input.set_next_step(None)
            parts.dismiss_notice(Notice.SIGN_KEY)
        if self.on and self.key_available():
            self.apply_choice()

    def apply_choice(self) -> None:
        """Bring the links already in the list in line with "Sign links" (during a run: when it ends)."""
        if self._runs.busy:
            self._choice_pending = True
            self._parts.status(w.signing_after_run())
            return
        self._choice_pending = False
        if self.on:
            self._sign_plain_rows()
        else:
            self._unsign_rows()

    def _after_run(self, _summary: RunSummary) -> None:
        if self._choice_pending:
            self.apply_choice()

    def _rows_with(self, statuses: tuple[RowStatus, ...]) -> list[LinkResult]:
        model = self._parts.model
        found: list[LinkResult] = []
        for row in range(model.rowCount()):
            if model.status_at(row) in statuses:
                result = model.result_at(row)
                if result is not None:
                    found.append(result)
        return found

    def _sign_plain_rows(self) -> None:
        import dataclasses  # ~2 ms

        if not self.key_available():
            return  # the SIGN_KEY notice is up; the rows get signed once the key is entered
        plain = [
            dataclasses.replace(r, unsigned_url=r.unsigned_url or r.url)
            for r in self._rows_with((RowStatus.OK,))
            if r.url and r.expires_at is None
        ]
        if not plain:
            return
        ids = [r.file_id for r in plain]
        self._parts.model.mark_pending(ids)
        from pan123_gui.workers.resolve import resign_job

        self._runs.start(resign_job(self._runs.factory(True), plain), ids, plain, kind=RunKind.SIGN)
        self._parts.status(w.signing_rows(len(ids)))

    def _unsign_rows(self) -> None:
        import dataclasses  # ~2 ms

        plain = [
            dataclasses.replace(r, url=r.unsigned_url, expires_at=None)
            for r in self._rows_with((RowStatus.OK, RowStatus.EXPIRED))
            if r.unsigned_url and (r.expires_at is not None or r.url is None)
        ]
        if not plain:
            return
        parts = self._parts
        parts.model.apply_results(plain)
        parts.kept.fetched(plain)
        parts.dismiss_notice(Notice.LINKS_EXPIRED)
        parts.status(w.unsigned_rows(len(plain)))

    def resign_expired(self) -> None:
        parts = self._parts
        if self._runs.busy:
            parts.status(w.busy())
            return
        model = parts.model
        results = [r for r in map(model.result_at, model.expired_rows()) if r is not None and r.unsigned_url]
        if not results:
            parts.status(w.no_expired())
            return
        if not self.key_available():
            parts.show_notice(Notice.SIGN_KEY, w.sign_key_blocked)
            parts.status(w.not_started_no_sign_key())
            return
        ids = [r.file_id for r in results]
        model.mark_pending(ids)
        from pan123_gui.workers.resolve import resign_job

        self._runs.start(resign_job(self._runs.factory(True), results), ids, results, kind=RunKind.RESIGN)
        parts.status(w.resigning(len(ids)))
