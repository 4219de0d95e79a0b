"""What the window does about direct-link spaces, in one object it connects to: after each run (name the folder of
each row outside a space, learn the spaces that gave links, refresh the account line), "Enable direct-link space
for <folder>" (ask first, switch each folder on once, then have those rows fetched again) and the spaces dialog.

Every API call runs on a pool thread (:class:`~pan123_gui.workers.base.Worker`); results come back as signals:

- ``located(list[LinkResult])``: rows outside a space, now naming their top-level folder (apply them to the model);
- ``refetch(list[int])``: file IDs whose folder was switched on (fetch their links again);
- ``message(str)``: a line for the status bar (what happened, or why not: the server's words and trace ID);
- ``account_changed(object)``: the new :class:`~pan123_gui.core.models.UserInfo` (or None when it could not be read).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.errors import ErrorKind
from pan123_gui.core.models import LinkResult, SpaceFolder, UserInfo
from pan123_gui.core.spaces import (
    KnownSpaces,
    SpaceChange,
    TopFolderFinder,
    enable_spaces,
    folders_to_enable,
    locate_space_folders,
)
from pan123_gui.ui.spaces.account_label import AccountLabel
from pan123_gui.ui.spaces.enable_prompt import ask_to_enable
from pan123_gui.ui.spaces.spaces_dialog import SpacesDialog, failure_words
from pan123_gui.ui.wording import spaces as words
from pan123_gui.ui.wording.errors import error_tooltip
from pan123_gui.workers.base import Worker

log = logging.getLogger(__name__)


class ClientSource(Protocol):
    """The app's services as far as spaces need them (called on pool threads)."""

    def client(self) -> Pan123Client: ...


class SpaceActions(QObject):
    located = Signal(list)
    refetch = Signal(list)
    message = Signal(str)
    account_changed = Signal(object)

    def __init__(
        self,
        services: ClientSource,
        parent: QWidget,
        *,
        pool: QThreadPool | None = None,
        account_label: AccountLabel | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self._pool = pool
        self._lock = threading.Lock()
        self._finder: TopFolderFinder | None = None
        self._finder_client: Pan123Client | None = None
        self.known = KnownSpaces()
        self.account: UserInfo | None = None
        self.account_label = account_label if account_label is not None else AccountLabel(parent)
        self.account_changed.connect(self.account_label.show_account)
        self._workers: set[Worker] = set()

    # --- helpers -------------------------------------------------------------------------------------------------

    def finder(self) -> TopFolderFinder:
        """The folder finder of the current client (a new client after sign-in gets a new one). Pool threads."""
        client = self._services.client()
        with self._lock:
            if self._finder is None or self._finder_client is not client:
                self._finder, self._finder_client = TopFolderFinder(client), client
            return self._finder

    def _start(self, worker: Worker) -> None:
        self._workers.add(worker)
        worker.signals.finished.connect(lambda: self._workers.discard(worker))
        worker.start(self._pool if self._pool is not None else getattr(self._services, "pool", None))

    @property
    def busy(self) -> bool:
        return bool(self._workers)

    # --- after a run ---------------------------------------------------------------------------------------------

    def after_run(self, results: Sequence[LinkResult]) -> None:
        """Name the folders of the rows outside a space, learn spaces from the links, refresh the account line."""
        rows = list(results)
        outside = [r for r in rows if r.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE and r.space_folder is None]
        worker = Worker(self._after_run_job, rows, outside, pass_cancel=True)
        worker.signals.result.connect(self._after_run_done)
        worker.signals.error.connect(lambda exc: log.warning("After-run lookups failed: %s", exc))
        self._start(worker)

    def _after_run_job(
        self, rows: list[LinkResult], outside: list[LinkResult], *, cancel: threading.Event
    ) -> tuple[list[LinkResult], UserInfo | None]:
        client = self._services.client()
        account: UserInfo | None
        try:
            account = client.user_info()
        except Exception as exc:
            log.info("Account facts unavailable: %s", exc)
            account = None
        self.known.learn(rows, account.uid if account is not None else None)
        located = locate_space_folders(self.finder(), outside, cancel) if outside else []
        return [r for r in located if r.space_folder is not None or r.at_drive_top], account

    @Slot(object)
    def _after_run_done(self, outcome: tuple[list[LinkResult], UserInfo | None]) -> None:
        located, account = outcome
        if located:
            self.located.emit(located)
        self.account = account
        self.account_changed.emit(account)

    def refresh_account(self) -> None:
        worker = Worker(lambda: self._services.client().user_info())
        worker.signals.result.connect(self._account_read)
        worker.signals.error.connect(lambda _exc: self.account_changed.emit(None))
        self._start(worker)

    @Slot(object)
    def _account_read(self, account: UserInfo) -> None:
        self.account = account
        self.account_changed.emit(account)

    # --- switching a space on ------------------------------------------------------------------------------------

    @staticmethod
    def folders_for(rows: Sequence[LinkResult]) -> list[SpaceFolder]:
        """The folders the given rows outside a space need switched on (each once)."""
        return folders_to_enable(rows)

    def enable_for(self, rows: Sequence[LinkResult]) -> bool:
        """Ask, then switch on the folders the rows need and have their rows fetched again. False when not asked
        (no such folder) or the person said no: then nothing changes."""
        folders = folders_to_enable(rows)
        if not folders:
            return False
        ids = {f.file_id: [r.file_id for r in rows if r.space_folder == f] for f in folders}
        if not self.ask(folders, sum(len(v) for v in ids.values())):
            return False
        self.message.emit(words.enabling())
        worker = Worker(lambda cancel: enable_spaces(self._services.client(), folders, cancel), pass_cancel=True)
        worker.signals.result.connect(lambda changes: self._enabled(changes, ids))
        worker.signals.error.connect(lambda exc: self.message.emit(words.failed(failure_words(exc))))
        self._start(worker)
        return True

    def ask(self, folders: Sequence[SpaceFolder], rows: int) -> bool:
        """The question before anything changes (replaceable in tests)."""
        return ask_to_enable(self._parent, folders, rows, self.account)

    def _enabled(self, changes: list[SpaceChange], ids: dict[int, list[int]]) -> None:
        again: list[int] = []
        lines: list[str] = []
        for change in changes:
            name = change.server_name or change.folder.name
            if change.ok:
                self.known.switched_on(SpaceFolder(change.folder.file_id, name))
                again += ids.get(change.folder.file_id, [])
                lines.append(words.enabled(name))
            else:
                reason = error_tooltip(change.error_kind, change.error_code, change.server_message, change.trace_id)
                lines.append(words.enable_failed(name, " ".join(reason.split())))
        self.message.emit(" ".join(lines))
        if again:
            self.refetch.emit(again)

    # --- the spaces dialog ---------------------------------------------------------------------------------------

    def open_spaces_dialog(self) -> SpacesDialog:
        dialog = SpacesDialog(self.known, self._services.client, self.finder, self._parent)
        dialog.open()
        return dialog
