""" "Create share link…": name, expiry, extraction code and who pays the traffic; the result is ready-to-paste text
("链接：https://www.123pan.com/s/KEY 提取码：ab12"), copied with one click, and a QR code of it.

The dialog never talks to the API itself: ``create`` runs on a pool thread (a :class:`~pan123_gui.workers.base.Worker`)
and returns one :class:`~pan123_gui.core.shares.ShareResult` per share.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.core.errors import Pan123Error
from pan123_gui.core.shares import (
    MAX_SHARE_FILES,
    MAX_SHARE_NAME,
    ShareExpiry,
    ShareResult,
    TrafficOptions,
    generate_password,
    numbered_names,
    valid_share_name,
)
from pan123_gui.ui.plain_text import plain_only
from pan123_gui.ui.wording import dialogs as dialog_words
from pan123_gui.ui.wording import shares as words
from pan123_gui.ui.wording.errors import error_tooltip
from pan123_gui.ui.wording.window import plain
from pan123_gui.workers.base import Worker


class CreateShares(Protocol):
    """Runs on a pool thread: one result per share (``core.shares.create_shares`` with the app's client)."""

    def __call__(
        self,
        file_ids: Sequence[int],
        name: str,
        expire: ShareExpiry,
        password: str | None,
        traffic: TrafficOptions,
        *,
        cancel: threading.Event,
    ) -> list[ShareResult]: ...


EXPIRY_CHOICES = (ShareExpiry.SEVEN_DAYS, ShareExpiry.ONE_DAY, ShareExpiry.THIRTY_DAYS, ShareExpiry.PERMANENT)
_NAME_STEM_CHARS = 20  # how much of the first file's name the suggested share name keeps


def suggested_name(names: Sequence[str | None], today: date) -> str:
    """The first file's name (without its extension), how many more, and the date, as a valid share name."""
    day = today.isoformat()
    known = [n for n in names if n]
    if not known:
        return valid_share_name(words.default_name_without_names(len(names), day))
    first = known[0]
    stem = first.rsplit(".", 1)[0] if "." in first.strip(".") else first
    room = MAX_SHARE_NAME - len(words.default_name("", len(names) - 1, day))  # what the count and date leave
    stem = valid_share_name(stem, limit=max(4, min(_NAME_STEM_CHARS, room)))
    return valid_share_name(words.default_name(stem, len(names) - 1, day))


def ready_lines(results: Sequence[ShareResult]) -> list[str]:
    """One line per share: "Link: … Code: …" (with the share's name first when there are several)."""
    several = len(results) > 1
    lines: list[str] = []
    for result in results:
        url = result.url
        if url is None:
            reason = error_tooltip(result.error_kind, result.error_code, result.server_message, result.trace_id)
            lines.append(words.share_failed(result.name, " ".join(reason.split())))
        elif several:
            lines.append(words.named_ready_text(result.name, url, result.password))
        else:
            lines.append(words.ready_text(url, result.password))
    return lines


class ShareDialog(QDialog):
    """``ShareDialog([(file_id, name or None), ...], create)``; ``results`` holds what was created."""

    def __init__(
        self,
        files: Sequence[tuple[int, str | None]],
        create: CreateShares,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__(parent)
        if not files:
            raise ValueError("nothing to share")
        self._ids = list(dict.fromkeys(file_id for file_id, _ in files))
        self._create = create
        self._worker: Worker | None = None
        self.results: list[ShareResult] = []
        self.setWindowTitle(words.share_title())
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        intro = QLabel(words.share_intro(len(self._ids)), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = QLineEdit(suggested_name([n for _, n in files], today or date.today()), self)
        self.name_edit.setMaxLength(200)  # shortened to the API's limit when sent (see the hint)
        self.name_hint = plain_only(QLabel("", self))  # file names from the server
        self.name_hint.setWordWrap(True)
        name_label = QLabel(words.share_name(), self)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow("", self.name_hint)

        self.expiry = QComboBox(self)
        for choice in EXPIRY_CHOICES:
            self.expiry.addItem(words.expiry(choice), int(choice))
        expiry_label = QLabel(words.expiry_label(), self)
        expiry_label.setBuddy(self.expiry)
        form.addRow(expiry_label, self.expiry)

        self.code_switch = QCheckBox(words.code_switch(), self)
        self.code_switch.setChecked(True)
        self.code_edit = QLineEdit(password if password is not None else generate_password(), self)
        self.code_edit.setMaxLength(16)
        self.code_edit.setToolTip(words.code_tip())
        self.code_edit.setAccessibleName(plain(words.code_switch()))
        self.new_code = QPushButton(words.code_new(), self)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.new_code)
        form.addRow(self.code_switch, code_row)
        layout.addLayout(form)

        traffic = QGroupBox(words.traffic_title(), self)
        traffic.setToolTip(words.traffic_tip())
        traffic_layout = QVBoxLayout(traffic)
        self.guests = QCheckBox(words.traffic_guests(), traffic)
        self.over_quota = QCheckBox(words.traffic_over_quota(), traffic)
        traffic_layout.addWidget(self.guests)
        traffic_layout.addWidget(self.over_quota)
        tip = QLabel(words.traffic_tip(), traffic)
        tip.setWordWrap(True)
        traffic_layout.addWidget(tip)
        layout.addWidget(traffic)

        self.status = plain_only(QLabel("", self))  # server messages
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.result_label = QLabel(words.result_label(), self)
        self.result_text = QPlainTextEdit(self)
        self.result_text.setReadOnly(True)
        self.result_text.setMaximumHeight(110)
        self.result_label.setBuddy(self.result_text)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result_text)

        self.buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(words.create(), self)
        self.create_button.setDefault(True)
        self.copy_button = QPushButton(words.copy_text(), self)
        self.qr_button = QPushButton(words.show_qr(), self)
        self.close_button = self.buttons.addButton(dialog_words.close(), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.create_button, self.copy_button, self.qr_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)

        self.buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self.start)
        self.copy_button.clicked.connect(self.copy_text)
        self.qr_button.clicked.connect(self.show_qr)
        self.new_code.clicked.connect(lambda: self.code_edit.setText(generate_password()))
        self.code_switch.toggled.connect(self._code_toggled)
        self.code_edit.textChanged.connect(self._refresh)
        self.name_edit.textChanged.connect(self._refresh)
        self._show_results(False)
        self._refresh()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    # --- what will be sent ---------------------------------------------------------------------------------------

    def share_names(self) -> list[str]:
        parts = -(-len(self._ids) // MAX_SHARE_FILES)
        return numbered_names(self.name_edit.text(), parts)

    def password(self) -> str | None:
        if not self.code_switch.isChecked():
            return None
        return self.code_edit.text().strip() or None

    def expire(self) -> ShareExpiry:
        return ShareExpiry(int(self.expiry.currentData()))

    def traffic(self) -> TrafficOptions:
        return TrafficOptions(guests=self.guests.isChecked(), over_quota=self.over_quota.isChecked())

    def _code_ok(self) -> bool:
        code = self.password()
        return code is None or (code.isascii() and code.isalnum() and len(code) <= 16)

    @Slot()
    def _refresh(self) -> None:
        names = self.share_names()
        hint = words.share_name_hint(names[0]) if len(names) == 1 else words.share_parts_hint(len(names))
        self.name_hint.setText(hint)
        ok = self._code_ok()
        self.status.setText("" if ok else words.code_invalid())
        self.create_button.setEnabled(ok and self._worker is None and not self.results)

    @Slot(bool)
    def _code_toggled(self, on: bool) -> None:
        self.code_edit.setEnabled(on)
        self.new_code.setEnabled(on)
        self._refresh()

    # --- creating ------------------------------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        if self._worker is not None or self.results or not self._code_ok():
            return
        name = valid_share_name(self.name_edit.text())
        worker = Worker(self._create, self._ids, name, self.expire(), self.password(), self.traffic(), pass_cancel=True)
        worker.signals.result.connect(self._finished)
        worker.signals.error.connect(self._failed)
        self._worker = worker
        for widget in (self.name_edit, self.expiry, self.code_switch, self.code_edit, self.new_code):
            widget.setEnabled(False)
        self.guests.setEnabled(False)
        self.over_quota.setEnabled(False)
        self.status.setText(words.creating())
        self._refresh()
        worker.start()

    @Slot(object)
    def _finished(self, results: list[ShareResult]) -> None:
        self._worker = None
        self.results = list(results)
        self.result_text.setPlainText("\n".join(ready_lines(self.results)))
        failed = sum(1 for r in self.results if not r.ok)
        self.status.setText(words.some_failed(failed, len(self.results)) if failed else "")
        self._show_results(any(r.ok for r in self.results))
        if not any(r.ok for r in self.results):
            self._unlock()
        self._refresh()

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self._worker = None
        if isinstance(exc, Pan123Error):
            self.status.setText(error_tooltip(exc.kind, exc.code, exc.server_message, exc.trace_id))
        else:
            self.status.setText(error_tooltip(None, None, type(exc).__name__))
        self._unlock()
        self._refresh()

    def _unlock(self) -> None:
        self.results = []
        for widget in (self.name_edit, self.expiry, self.code_switch, self.guests, self.over_quota):
            widget.setEnabled(True)
        self._code_toggled(self.code_switch.isChecked())

    def _show_results(self, ready: bool) -> None:
        self.result_label.setVisible(bool(self.result_text.toPlainText()))
        self.result_text.setVisible(bool(self.result_text.toPlainText()))
        self.copy_button.setVisible(ready)
        self.qr_button.setVisible(ready)
        if ready:
            self.copy_button.setDefault(True)
            self.copy_button.setFocus()

    def ready_text(self) -> str:
        return self.result_text.toPlainText()

    @Slot()
    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.ready_text())
        self.status.setText(words.copied())

    @Slot()
    def show_qr(self) -> None:
        from pan123_gui.ui.shares.qr_dialog import QrDialog

        first = next((r for r in self.results if r.url is not None), None)
        if first is None or first.url is None:
            return
        dialog = QrDialog(first.url, self, title=f"{words.qr_title()} — {first.name}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.qr_dialog = dialog

    def reject(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
        super().reject()
