"""The direct-link spaces the app knows (learned from links), with "Disable…" (asks first) and "Refresh link cache"."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.errors import Pan123Error
from pan123_gui.core.spaces import KnownSpace, KnownSpaces, TopFolderFinder, disable_space, refresh_link_cache
from pan123_gui.ui.plain_text import plain_only
from pan123_gui.ui.wording import dialogs as dialog_words
from pan123_gui.ui.wording import spaces as words
from pan123_gui.ui.wording.errors import error_tooltip
from pan123_gui.workers.base import Worker


def failure_words(exc: BaseException) -> str:
    if isinstance(exc, Pan123Error):
        return " ".join(error_tooltip(exc.kind, exc.code, exc.server_message, exc.trace_id).split())
    return type(exc).__name__


class SpacesDialog(QDialog):
    """``SpacesDialog(known, client, finder)``: ``client()`` and ``finder()`` are called on pool threads."""

    def __init__(
        self,
        known: KnownSpaces,
        client: Callable[[], Pan123Client],
        finder: Callable[[], TopFolderFinder],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._known = known
        self._client = client
        self._finder = finder
        self._worker: Worker | None = None
        self.setWindowTitle(words.spaces_title())
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(words.spaces_intro(), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(words.spaces_title())
        layout.addWidget(self.list)
        self.status = plain_only(QLabel("", self))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.disable_button = QPushButton(words.disable_button(), self)
        self.refresh_button = QPushButton(words.refresh_button(), self)
        self.refresh_button.setToolTip(words.refresh_tip())
        buttons.addButton(self.disable_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(dialog_words.close(), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.disable_button.clicked.connect(self.disable_selected)
        self.refresh_button.clicked.connect(self.refresh_cache)
        self.list.currentItemChanged.connect(lambda *_: self._enable_buttons())
        self.fill(known.spaces())
        self.list.setFocus()
        self._run(lambda cancel: known.folder_ids(finder(), cancel), self._ids_found, quiet=True)

    def fill(self, spaces: list[KnownSpace]) -> None:
        current = self.selected()
        self.list.clear()
        if not spaces:
            empty = QListWidgetItem(words.spaces_empty())
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        for space in spaces:
            item = QListWidgetItem(words.space_row(space.name, space.links))
            item.setData(Qt.ItemDataRole.UserRole, space)
            self.list.addItem(item)
            if current is not None and current.name == space.name:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and spaces:
            self.list.setCurrentRow(0)
        self._enable_buttons()

    def selected(self) -> KnownSpace | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, KnownSpace) else None

    def _enable_buttons(self) -> None:
        space = self.selected()
        idle = self._worker is None
        self.disable_button.setEnabled(idle and space is not None and space.folder_id is not None)
        self.refresh_button.setEnabled(idle)

    def _run(self, job: Callable[[threading.Event], Any], done: Callable[[Any], None], *, quiet: bool = False) -> None:
        worker = Worker(lambda cancel: job(cancel), pass_cancel=True)
        worker.signals.result.connect(done)
        worker.signals.error.connect(self._failed)
        worker.signals.finished.connect(self._finished)
        self._worker = worker
        if not quiet:
            self.status.setText(words.working())
        self._enable_buttons()
        worker.start()

    @Slot(object)
    def _ids_found(self, spaces: list[KnownSpace]) -> None:
        self.fill(spaces)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.status.setText(words.failed(failure_words(exc)))

    @Slot()
    def _finished(self) -> None:
        self._worker = None
        self._enable_buttons()

    def confirm_disable(self, space: KnownSpace) -> bool:
        box = plain_only(QMessageBox(self))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(words.spaces_title())
        box.setText(words.disable_question(space.name))
        box.setInformativeText(words.disable_details())
        off = box.addButton(words.disable_confirm(), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(dialog_words.cancel(), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is off

    @Slot()
    def disable_selected(self) -> None:
        space = self.selected()
        if space is None or space.folder_id is None or self._worker is not None:
            return
        if not self.confirm_disable(space):
            return
        folder_id = space.folder_id

        def done(_name: object) -> None:
            self._known.switched_off(space.name)
            self.fill(self._known.spaces())
            self.status.setText(words.disabled(space.name))

        self._run(lambda cancel: disable_space(self._client(), folder_id, cancel), done)

    @Slot()
    def refresh_cache(self) -> None:
        if self._worker is not None:
            return
        self._run(
            lambda cancel: refresh_link_cache(self._client(), cancel), lambda _: self.status.setText(words.refreshed())
        )

    def reject(self) -> None:
        if self._worker is not None:  # its answer must not reach a closed dialog
            self._worker.cancel()
            for signal in (self._worker.signals.result, self._worker.signals.error, self._worker.signals.finished):
                signal.disconnect()
            self._worker = None
        super().reject()
