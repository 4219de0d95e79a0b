""" "My shares": the account's share links (``share/list``, every page), with copy and a QR code of the chosen one."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.shares import ShareInfo, list_shares
from pan123_gui.ui.plain_text import PlainToolTips, plain_only
from pan123_gui.ui.shares.shares_model import COL_LINK, COL_NAME, SharesModel
from pan123_gui.ui.spaces.spaces_dialog import failure_words
from pan123_gui.ui.wording import dialogs as dialog_words
from pan123_gui.ui.wording import shares as words
from pan123_gui.workers.base import Worker


class MySharesDialog(QDialog):
    """``MySharesDialog(client)``: ``client()`` is called on a pool thread."""

    def __init__(self, client: Callable[[], Pan123Client], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._worker: Worker | None = None
        self.setWindowTitle(words.my_shares_title())
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.model = SharesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        PlainToolTips.install(self.table)  # share names from the server, as written
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_LINK, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(words.my_shares_title())
        layout.addWidget(self.table)
        self.status = plain_only(QLabel("", self))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(words.copy_text(), self)
        self.qr_button = QPushButton(words.show_qr(), self)
        self.refresh_button = QPushButton(words.refresh(), self)
        for button in (self.copy_button, self.qr_button, self.refresh_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(dialog_words.close(), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy_selected)
        self.qr_button.clicked.connect(self.show_qr)
        self.refresh_button.clicked.connect(self.load)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_buttons())
        self.table.doubleClicked.connect(lambda _index: self.copy_selected())
        self._enable_buttons()
        self.load()

    def selected(self) -> ShareInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.share_at(rows[0].row()) if rows else None

    def _enable_buttons(self) -> None:
        chosen = self.selected() is not None
        self.copy_button.setEnabled(chosen)
        self.qr_button.setEnabled(chosen)
        self.refresh_button.setEnabled(self._worker is None)

    @Slot()
    def load(self) -> None:
        if self._worker is not None:
            return

        def job(*, cancel: threading.Event) -> list[ShareInfo]:
            return list_shares(self._client(), cancel=cancel)

        worker = Worker(job, pass_cancel=True)
        worker.signals.result.connect(self._loaded)
        worker.signals.error.connect(lambda exc: self.status.setText(words.load_failed(failure_words(exc))))
        worker.signals.finished.connect(self._finished)
        self._worker = worker
        self.status.setText(words.loading())
        self._enable_buttons()
        worker.start()

    @Slot(object)
    def _loaded(self, shares: list[ShareInfo]) -> None:
        self.model.set_shares(shares)
        self.status.setText(words.loaded(len(shares)))
        if shares:
            self.table.selectRow(0)
            self.table.setFocus()

    @Slot()
    def _finished(self) -> None:
        self._worker = None
        self._enable_buttons()

    def ready_text(self, share: ShareInfo) -> str:
        return words.ready_text(share.url, share.password)

    @Slot()
    def copy_selected(self) -> None:
        share = self.selected()
        if share is None:
            return
        QGuiApplication.clipboard().setText(self.ready_text(share))
        self.status.setText(words.copied())

    @Slot()
    def show_qr(self) -> None:
        from pan123_gui.ui.shares.qr_dialog import QrDialog

        share = self.selected()
        if share is None:
            return
        dialog = QrDialog(share.url, self, title=f"{words.qr_title()} — {share.name}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.qr_dialog = dialog

    def reject(self) -> None:
        if self._worker is not None:  # its answer must not reach a closed dialog
            self._worker.cancel()
            for signal in (self._worker.signals.result, self._worker.signals.error, self._worker.signals.finished):
                signal.disconnect()
            self._worker = None
        super().reject()
