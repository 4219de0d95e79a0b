"""From ticked files and folders (or folder rows of the results) to the files inside, on the worker pool.

:class:`FolderExpander` runs :meth:`~pan123_gui.workers.folders.Drive.expand` (folders all levels deep, each file
once, with paths), reports progress as text, asks before more than :data:`ASK_ABOVE` files (how many, about how
long at the current direct-link pace) and then emits ``done(list[Target])``. One expansion at a time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from pan123_gui.core.errors import CancelledError
from pan123_gui.ui.wording import files as wording
from pan123_gui.workers.base import Worker

if TYPE_CHECKING:
    from pan123_gui.core.expand import Target
    from pan123_gui.core.ids import Ref
    from pan123_gui.workers.folders import Drive

__all__ = ["ASK_ABOVE", "FolderExpander", "failure_reason"]

ASK_ABOVE = 500  # files: more than this and the user is asked before their links are fetched


class FolderExpander(QObject):
    progress = Signal(str)  # what is going on, in words
    done = Signal(list)  # the files (and folders that could not be read), after the question if any
    failed = Signal(str)  # why it stopped, in words ("" when cancelled or when the user said no)
    running_changed = Signal(bool)

    def __init__(self, drive: Drive, pool: QThreadPool, parent: QWidget) -> None:
        super().__init__(parent)
        self._drive = drive
        self._pool = pool
        self._widget = parent
        self._worker: Worker | None = None
        #: asked before getting more than ASK_ABOVE links: (files, minutes) -> go ahead? (tests replace it)
        self.confirm_many: Callable[[int, int], bool] = self._ask_many

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, refs: Sequence[Ref]) -> bool:
        """Start collecting the files of ``refs``; False when one is already running."""
        if self._worker is not None:
            return False
        worker = Worker(self._drive.expand, list(refs), pass_cancel=True, pass_progress=True)
        worker.signals.result.connect(self._on_result)
        worker.signals.error.connect(self._on_error)
        worker.signals.progress.connect(self._on_progress)
        self._worker = worker
        self.running_changed.emit(True)
        self.progress.emit(wording.loading())
        worker.start(self._pool)
        return True

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _finish(self) -> None:
        self._worker = None
        self.running_changed.emit(False)

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        folders = getattr(value, "folders_listed", 0)
        files = getattr(value, "files_seen", 0)
        self.progress.emit(wording.collecting(folders, files))

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        self._finish()
        self.failed.emit("" if isinstance(exc, CancelledError) else wording.collect_failed(failure_reason(exc)))

    @Slot(object)
    def _on_result(self, value: object) -> None:
        self._finish()
        targets: list[Target] = list(value) if isinstance(value, list) else []
        if not targets:
            self.failed.emit(wording.no_files_inside())
            return
        files = [t for t in targets if t.error is None]
        if len(files) > ASK_ABOVE:
            minutes = max(1, math.ceil(len(files) / self._link_rate() / 60))
            if not self.confirm_many(len(files), minutes):
                self.failed.emit("")
                return
        self.done.emit(targets)

    def _link_rate(self) -> float:
        try:
            return max(0.1, self._drive.link_rate())
        except Exception:  # no client yet: the default pace
            return 5.0

    def _ask_many(self, files: int, minutes: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, wording.many_title(), wording.many_question(files, minutes))
        box.setParent(self._widget, box.windowFlags())
        yes = box.addButton(wording.many_yes(), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes


def failure_reason(exc: object) -> str:
    """A short reason for a failed listing, in the error wording's plain words."""
    from pan123_gui.core.errors import Pan123Error
    from pan123_gui.ui.wording.errors import error_text

    if isinstance(exc, Pan123Error):
        return error_text(exc.kind, exc.code, exc.server_message)
    return error_text(None)
