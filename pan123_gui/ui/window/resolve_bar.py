"""The row under the paste box: Get links, Cancel, progress with counts, and the signing choices."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from pan123_gui.ui.icons import action_icon
from pan123_gui.ui.validity_combo import ValidityCombo
from pan123_gui.ui.wording import window as w


class ResolveBar(QWidget):
    valid_minutes_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resolve_button = QPushButton(self)
        self.resolve_button.setIcon(action_icon("resolve"))
        self.resolve_button.setDefault(True)
        self.resolve_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setIcon(action_icon("cancel"))
        self.cancel_button.setAutoDefault(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)  # the counts label says it in words (some styles hide bar text)
        self.progress.setMinimumWidth(160)
        # Idle, an empty bar looks like a text field waiting for input: it is shown only once a run started, and
        # keeps its place in the row while hidden so nothing jumps.
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.setVisible(False)
        self._counts: tuple[int, int, int, int] | None = None  # the last progress, re-worded on a language switch
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000 · 000 failed"))
        self.sign_check = QCheckBox(self)
        self.sign_check.setIcon(action_icon("sign"))
        self.valid_label = QLabel(self)
        self.valid_combo = ValidityCombo(self)
        self.valid_label.setBuddy(self.valid_combo)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.resolve_button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.counts)
        layout.addSpacing(16)
        layout.addWidget(self.sign_check)
        layout.addWidget(self.valid_label)
        layout.addWidget(self.valid_combo)

        self.valid_combo.currentIndexChanged.connect(self._on_valid_index)
        self.sign_check.toggled.connect(self._sync_enabled)
        self.set_running(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.resolve_button.setText(w.resolve_button())
        self.resolve_button.setToolTip(w.resolve_tip())
        self.resolve_button.setAccessibleName(w.plain(w.resolve_button()))
        self.resolve_button.setAccessibleDescription(w.resolve_tip())
        if not self.cancel_button.property("cancelling"):
            self.cancel_button.setText(w.cancel_button())
        self.cancel_button.setToolTip(w.cancel_tip())
        self.cancel_button.setAccessibleName(w.cancel_button())
        self.progress.setAccessibleName(w.progress_accessible())
        self.counts.setAccessibleName(w.progress_accessible())
        if self._counts is not None:
            self._show_counts(*self._counts)
        self.sign_check.setText(w.sign_checkbox())
        self.sign_check.setToolTip(w.sign_tip())
        self.sign_check.setAccessibleName(w.plain(w.sign_checkbox()))
        self.sign_check.setAccessibleDescription(w.sign_tip())
        self.valid_label.setText(w.valid_label())
        self.valid_combo.setAccessibleName(w.valid_accessible())
        self.valid_combo.setToolTip(w.valid_accessible())
        self.valid_combo.retranslate()

    # -- signing choices --------------------------------------------------------------------------------------
    def set_valid_minutes(self, minutes: int) -> None:
        self.valid_combo.set_minutes(minutes)

    def valid_minutes(self) -> int:
        return self.valid_combo.minutes()

    def _on_valid_index(self, _index: int) -> None:
        self.valid_minutes_changed.emit(self.valid_minutes())

    def _sync_enabled(self) -> None:
        self.valid_combo.setEnabled(self.sign_check.isChecked())
        self.valid_label.setEnabled(self.sign_check.isChecked())

    # -- run state --------------------------------------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self.resolve_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setProperty("cancelling", False)
        self.cancel_button.setText(w.cancel_button())
        self._sync_enabled()

    def set_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setProperty("cancelling", True)
        self.cancel_button.setText(w.cancelling())

    def set_progress(self, done: int, total: int, failed: int, cancelled: int = 0) -> None:
        """``done`` of ``total`` finished (``failed`` of them without a link), ``cancelled`` not got to."""
        self._counts = (done, total, failed, cancelled)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setVisible(True)
        self._show_counts(done, total, failed, cancelled)

    def _show_counts(self, done: int, total: int, failed: int, cancelled: int) -> None:
        text = w.progress_text(done, total, failed, cancelled)
        self.counts.setText(text)
        self.progress.setAccessibleDescription(text)

    def reset_progress(self) -> None:
        self._counts = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.counts.setText("")
