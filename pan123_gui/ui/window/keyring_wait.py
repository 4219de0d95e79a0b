"""Waiting for the keyring at start: it is opened and the credentials read on a worker (a keyring that blocks,
e.g. an unlock prompt nobody answers, is given up by the core after its timeout), the status bar saying so
meanwhile; then what waited runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.wording import window as w


class KeyringWait(QObject):
    def __init__(self, parts: WindowParts, parent: QObject | None = None) -> None:
        super().__init__(parent)  # a QObject of the GUI thread: the worker's signal reaches it there
        self._parts = parts
        self._then: Callable[[], object] | None = None  # what waits for the keyring

    def start(self, then: Callable[[], object]) -> None:
        from pan123_gui.workers.base import Worker

        parts = self._parts
        parts.statusBar().showMessage(w.waiting_for_keyring())
        self._then = then
        worker = Worker(parts.services.has_credentials)
        worker.signals.finished.connect(self._keyring_read)  # a bound method: arrives on the GUI thread
        worker.start(parts.services.pool)

    def _keyring_read(self) -> None:
        bar = self._parts.statusBar()
        if bar.currentMessage() == w.waiting_for_keyring():
            bar.clearMessage()
        then, self._then = self._then, None
        if then is not None:
            then()
