"""Quitting: the "Quit anyway?" question when quitting would lose links (not copied, opened or exported) or cut a
run short, and its answers: Copy all & quit (and, where the clipboard does not outlive the app, paste first),
Export… (when the list cannot be kept; the window stays open), Quit, Cancel.

The question opens over the window without blocking (a script's ``close()`` returns at once); the window asks
:meth:`Quitting.may_close` in its ``closeEvent``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.window.runs import Runs
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class Quitting:
    def __init__(
        self,
        parts: WindowParts,
        runs: Runs,
        *,
        save_session: Callable[[], bool],
        copy_all_links: Callable[[], None],
        export: Callable[[], None],
    ) -> None:
        self._parts = parts
        self._runs = runs
        self._save_session = save_session
        self._copy_all_links = copy_all_links
        self._export = export
        self.box: QMessageBox | None = None  # the open question, if any
        self._confirmed = False

    def may_close(self) -> bool:
        """Whether the window may close now; False when it asked first (the question is open)."""
        if not self._confirmed:
            if self._parts.kept.kept:
                self._save_session()  # so the question knows whether the list is kept
            question = self._question()
            if question is not None:
                self._ask(*question)
                return False
        self._confirmed = False
        return True

    def _question(self) -> tuple[str, bool] | None:
        """(the question, whether "Copy all & quit" has links to copy), or None when nothing would be lost."""
        parts = self._parts
        model, kept = parts.model, parts.kept
        have_links = model.counts()[RowStatus.OK] > 0
        run = self._runs.current
        if run is not None and not run.cancelled:
            return w.quit_running(run.done, len(run.ids)), have_links
        not_taken = kept.not_taken(model)
        if not_taken:
            return w.quit_not_copied(not_taken), have_links
        if kept.kept and not kept.can_keep and model.rowCount() > 0:
            return w.quit_list_unsaved(), have_links  # the rows would be gone: say so and offer Export
        return None

    def _ask(self, text: str, offer_copy: bool) -> None:
        if self.box is not None:
            self.box.raise_()
            self.box.activateWindow()
            return
        kept = self._parts.kept
        lost = kept.kept and not kept.can_keep
        info = w.quit_list_not_kept() if lost else w.quit_list_kept() if kept.kept else ""
        self._open(desktop.quit_box(self._parts.widget, text, info, offer_copy=offer_copy, offer_export=lost))

    def _open(self, box: QMessageBox) -> None:
        box.finished.connect(self._on_answer)
        self.box = box
        box.open()

    def _on_answer(self, _result: int = 0) -> None:
        box, self.box = self.box, None
        if box is None:
            return
        choice = desktop.quit_choice(box)
        box.deleteLater()
        window = self._parts.widget
        if choice is desktop.QuitChoice.CANCEL:
            return
        if choice is desktop.QuitChoice.EXPORT:
            QTimer.singleShot(0, window, self._export)  # the window stays open; quitting later asks again if needed
            return
        if choice is desktop.QuitChoice.COPY_AND_QUIT:
            self._copy_all_links()
            if not desktop.clipboard_survives_quit():  # the clipboard would be empty the moment we quit: say so
                self._open(desktop.paste_first_box(window, len(self._parts.model.successful_links())))
                return
        self._confirmed = True
        QTimer.singleShot(0, window, self._close_confirmed)

    def _close_confirmed(self) -> None:
        if not self._parts.widget.close():
            self._confirmed = False
