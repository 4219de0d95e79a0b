"""What the window does about share links, QR codes and "Copy with names", in one object it calls."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from pan123_gui.core.client import Pan123Client
from pan123_gui.core.models import LinkResult
from pan123_gui.core.named_links import named_link_lines
from pan123_gui.core.shares import ShareExpiry, ShareResult, TrafficOptions, create_shares
from pan123_gui.ui.shares.my_shares_dialog import MySharesDialog
from pan123_gui.ui.shares.qr_dialog import QrDialog
from pan123_gui.ui.shares.share_dialog import ShareDialog


class ClientSource(Protocol):
    def client(self) -> Pan123Client: ...


class ShareActions(QObject):
    def __init__(self, services: ClientSource, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self.dialog: ShareDialog | None = None
        self.qr: QrDialog | None = None
        self.my_shares: MySharesDialog | None = None

    def _create(
        self,
        file_ids: Sequence[int],
        name: str,
        expire: ShareExpiry,
        password: str | None,
        traffic: TrafficOptions,
        *,
        cancel: threading.Event,
    ) -> list[ShareResult]:
        client = self._services.client()
        return create_shares(
            client, file_ids, name=name, expire=expire, password=password, traffic=traffic, cancel=cancel
        )

    def create_share(self, rows: Sequence[LinkResult]) -> ShareDialog | None:
        """The "Create share link…" dialog for these rows (files or folders, with or without a link)."""
        files = [(row.file_id, row.name) for row in rows]
        if not files:
            return None
        dialog = ShareDialog(files, self._create, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def show_qr(self, row: LinkResult) -> QrDialog | None:
        """The QR code of a row's link (http(s) links only)."""
        if row.url is None:
            return None
        try:
            dialog = QrDialog(row.url, self._parent, title=row.name or None)
        except ValueError:
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.qr = dialog
        return dialog

    def open_my_shares(self) -> MySharesDialog:
        """The account's shares (loaded on a pool thread)."""
        dialog = MySharesDialog(self._services.client, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.my_shares = dialog
        return dialog

    @staticmethod
    def copy_with_names(rows: Sequence[LinkResult]) -> int:
        """Put ``name  link`` lines of the rows with links on the clipboard; returns how many."""
        lines = named_link_lines(rows)
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
        return len(lines)
