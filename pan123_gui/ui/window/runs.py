"""The window's runs: what Get links (folder addresses become folder rows), Get links of ticked files, Retry failed
and Get link again start, and what the status bar says when a run ends. One run at a time; each is a
:class:`~pan123_gui.ui.window.resolve_run.ResolveRun` (its worker, its one ledger of results) that this object
connects to the model, the resolve bar and the notices.

A start that would ask for signed links without a sign key does not start (``sign_key_blocks``, from signing).
When a run ends, :attr:`Runs.ended` carries its summary (the window saves the kept list; signing applies a
"Sign links" choice that changed during the run).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pan123_gui.core.errors import RETRY_CANNOT_CHANGE, Pan123Error
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window.notices import Notice
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from pan123_gui.core.expand import Target
    from pan123_gui.core.models import LinkResult
    from pan123_gui.core.resolver import Resolver
    from pan123_gui.ui.window.resolve_run import ResolveRun, RunSummary
    from pan123_gui.workers.resolve import Job

START_DELAY_MS = 30  # lets the new rows lay out and paint before the resolver's threads compete for the GIL
#: From this many rows on, a run pauses the table's sorting until it ends (one sort then, not one per change).
SORT_PAUSE_ROWS = 1000


class RunKind(Enum):
    """What a run is for: it decides what the status bar says when it ends."""

    RESOLVE = "resolve"  # Get links
    RETRY = "retry"  # Retry failed
    REFETCH = "refetch"  # Get link again on chosen rows
    RESIGN = "resign"  # Re-sign expired
    SIGN = "sign"  # "Sign links" turned on: the rows already in the list get signed


class Runs(QObject):
    ended = Signal(object)  # RunSummary, after the status bar and the commands are up to date

    def __init__(self, parts: WindowParts, sign_key_blocks: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parts = parts
        self._sign_key_blocks = sign_key_blocks
        self.current: ResolveRun | None = None
        self._kind = RunKind.RESOLVE
        self._retry_skipped = 0  # failed rows a retry left out (they cannot change)
        self._folder_note = ""  # said again when the run ends: the folder rows offer the files inside

    @property
    def busy(self) -> bool:
        return self.current is not None

    def _refuse_when_busy(self) -> bool:
        if self.current is not None:
            self._parts.status(w.busy())
            return True
        return False

    # -- what the buttons start -----------------------------------------------------------------------------------
    def resolve(self) -> None:
        """Get links for the IDs in the box: new IDs get rows; unfinished rows among them are picked up again."""
        parts = self._parts
        if self._refuse_when_busy():
            return
        if parts.input.when_counted(self.resolve):  # a long text: counted on the pool, then this runs again
            parts.statusBar().showMessage(w.preview_counting())
            return
        ids = parts.input.ids()  # unique, in first-seen order
        scan = parts.input.scan()
        folders = [f for f in (scan.folders if scan is not None else []) if parts.model.row_of(f) is None]
        if folders:  # web addresses of folders: a row each, which offers the files inside
            self._add_folder_rows(folders)
            if not ids:
                parts.status(w.folder_rows_added(len(folders)))
                return
        if not ids:
            parts.status(w.nothing_to_resolve_empty())
            parts.input.edit.setFocus()
            return
        if self._sign_key_blocks():
            return
        sign = parts.resolve_bar.sign_check.isChecked()
        self._pause_sorting_if_long(len(ids))
        new = set(parts.model.add_pending(ids))
        unfinished = (RowStatus.PENDING, RowStatus.CANCELLED)
        again = [i for i in ids if i not in new and self._status_of(i) in unfinished]
        if not new and not again:
            parts.view.resume_sorting()
            parts.status(w.nothing_new(len(ids)))
            return
        parts.model.mark_pending(again)
        todo = [i for i in ids if i in new or i in set(again)]
        from pan123_gui.workers.resolve import resolve_job  # ~40 ms with the core's data classes

        self.start(resolve_job(self.factory(sign), todo), todo)
        self._folder_note = w.folder_rows_added(len(folders)) if folders else ""
        parts.status(w.started(len(todo)) + (" · " + self._folder_note if folders else ""))

    def _add_folder_rows(self, folders: list[int]) -> None:
        from pan123_gui.core.errors import IsFolderError
        from pan123_gui.core.models import LinkResult

        err = IsFolderError()
        model = self._parts.model
        new = model.add_pending(folders)
        model.apply_results([LinkResult(file_id=f, error=str(err), error_kind=err.kind) for f in new])

    def get_links_of_files(self, targets: list[Target]) -> None:
        """Files chosen in "Your files": rows that show their folders, then their links (as Get links does for
        pasted IDs). Folders that could not be read and files in the recycle bin become rows without a request."""
        parts = self._parts
        if self._refuse_when_busy():
            return
        if self._sign_key_blocks():
            return
        from pan123_gui.core.expand import target_error_row

        model = parts.model
        ids = list(dict.fromkeys(t.file_id for t in targets))
        where = {t.file_id: (t.path, t.relative_folder) for t in targets}
        self._pause_sorting_if_long(len(ids))
        new = set(model.add_pending(ids, where))
        premade = [row for t in targets if (row := target_error_row(t)) is not None and t.file_id in new]
        model.apply_results(premade)
        skip = {row.file_id for row in premade}
        unfinished = (RowStatus.PENDING, RowStatus.CANCELLED)
        again = {i for i in ids if i not in new and self._status_of(i) in unfinished}
        todo = [i for i in ids if (i in new or i in again) and i not in skip]
        if not todo:
            parts.view.resume_sorting()
            parts.status(w.nothing_new(len(ids)))
            return
        model.mark_pending(list(again))
        from pan123_gui.workers.resolve import resolve_job

        self.start(resolve_job(self.factory(parts.resolve_bar.sign_check.isChecked()), todo), todo)
        parts.status(w.started(len(todo)))

    def _status_of(self, file_id: int) -> RowStatus | None:
        model = self._parts.model
        row = model.row_of(file_id)
        return model.status_at(row) if row is not None else None

    def retry_failed(self) -> None:
        """Failed and cancelled rows whose failure can change get another try; no row is added. Rows that trying
        again cannot change (no such file, a folder) are left out, and the status bar says how many."""
        if self._refuse_when_busy():
            return
        model = self._parts.model
        failed = model.failed_ids()
        if not failed:
            self._parts.status(w.no_failed())
            return
        ids: list[int] = []
        skipped = 0
        for file_id in failed:
            row = model.row_of(file_id)
            result = model.result_at(row) if row is not None else None
            if result is not None and result.error_kind in RETRY_CANNOT_CHANGE:
                skipped += 1
            else:
                ids.append(file_id)
        if not ids:
            self._parts.status(w.retry_nothing_can_change(skipped))
            return
        self.refetch(ids, kind=RunKind.RETRY, skipped=skipped)

    def refetch_rows(self, rows: list[int]) -> None:
        """Get these rows' links again (also rows that are OK: the user asked)."""
        if self._refuse_when_busy():
            return
        ids = [i for i in map(self._parts.model.id_at, rows) if i is not None]
        if ids:
            self.refetch(ids, kind=RunKind.REFETCH)

    def refetch_after_space(self, ids: list[int]) -> None:
        """A direct-link space was switched on: get the links of its rows again."""
        if self._refuse_when_busy():
            return
        known = [i for i in ids if self._parts.model.row_of(i) is not None]
        if known:
            self.refetch(known, kind=RunKind.REFETCH)

    def refetch(self, ids: list[int], *, kind: RunKind, skipped: int = 0) -> None:
        """Get the links of these rows (in the list) again; ``skipped`` rows were left out (said at the end)."""
        if self._sign_key_blocks():
            return
        parts = self._parts
        model = parts.model
        sign = parts.resolve_bar.sign_check.isChecked()
        rows = [model.row_of(i) for i in ids]
        previous = [r for r in (model.result_at(row) for row in rows if row is not None) if r is not None]
        model.mark_pending(ids)
        from pan123_gui.workers.resolve import resolve_job

        self.start(resolve_job(self.factory(sign), ids), ids, previous, kind=kind, skipped=skipped)
        parts.status(w.retrying(len(ids)) + (" · " + w.retry_skipped(skipped) if skipped else ""))

    def factory(self, sign: bool) -> Callable[[], Resolver]:
        """What makes the run's resolver: the services' client, signing as asked, the window's validity."""
        from pan123_gui.workers.resolve import resolver_factory

        parts = self._parts
        return resolver_factory(
            parts.services,
            sign=sign,
            valid_minutes=parts.resolve_bar.valid_minutes(),
            encoded_path=parts.services.settings.encoded_path,
        )

    def _pause_sorting_if_long(self, adding: int = 0) -> None:
        """A long run keeps a sorted table in input order until it ends (see ResultsView.pause_sorting)."""
        if self._parts.model.rowCount() + adding >= SORT_PAUSE_ROWS:
            self._parts.view.pause_sorting()

    # -- one run --------------------------------------------------------------------------------------------------
    def start(
        self,
        job: Job,
        ids: list[int],
        previous: Sequence[LinkResult] = (),
        *,
        kind: RunKind = RunKind.RESOLVE,
        skipped: int = 0,
    ) -> None:
        from pan123_gui.ui.window.resolve_run import ResolveRun  # ~40 ms: the worker and the core's data classes

        parts = self._parts
        self._kind = kind
        self._retry_skipped = skipped
        self._pause_sorting_if_long()
        run = ResolveRun(job, ids, previous=previous, parent=self)
        run.progress.connect(parts.resolve_bar.set_progress)
        run.results.connect(self._on_results)
        run.problem.connect(self._on_run_problem)
        run.finished.connect(self._on_run_finished)
        self.current = run
        parts.dismiss_notice(Notice.PROBLEM)
        parts.resolve_bar.set_running(True)
        parts.update_state()
        run.start(parts.services.pool, delay_ms=START_DELAY_MS)

    def cancel(self) -> None:
        run = self.current
        if run is None or run.cancelled:
            return
        run.cancel()
        self._parts.resolve_bar.set_cancelling()
        self._parts.update_state()
        self._parts.status(w.cancelling())

    def _on_results(self, batch: list[LinkResult]) -> None:
        self._parts.model.apply_results(batch)
        self._parts.kept.fetched(batch)

    def _on_run_problem(self, exc: BaseException) -> None:
        from pan123_gui.ui.window.resolve_run import route_problem

        self._parts.show_notice(*route_problem(exc))
        if not isinstance(exc, Pan123Error):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # the app's error dialog (copyable report)

    def _on_run_finished(self, summary: RunSummary) -> None:
        parts = self._parts
        run, self.current = self.current, None
        parts.view.resume_sorting()
        parts.resolve_bar.set_running(False)
        if summary.cancelled:
            parts.status(w.cancelled_summary(summary.ok + summary.failed, summary.not_finished))
        elif self._kind is RunKind.RETRY:
            parts.status(w.retry_summary(summary.ok, summary.failed, self._retry_skipped))
        elif self._kind is RunKind.SIGN:
            parts.status(w.signed_rows(summary.ok, summary.failed))
        else:
            parts.status(w.finished_summary(summary.ok, summary.failed))
        if self._folder_note:
            parts.status(parts.statusBar().currentMessage() + " · " + self._folder_note)
            self._folder_note = ""
        if run is not None:
            run.deleteLater()
        parts.update_state()
        self.ended.emit(summary)
