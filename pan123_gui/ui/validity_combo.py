"""The one control for how long signed links stay valid: the window's resolve bar and the Settings dialog both use
it, so both offer the same choices (``settings.VALID_MINUTES_CHOICES``) over the same range. A stored value that is
not one of the choices (set by an older version, or by hand) is added in its place, never clipped."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from pan123_gui.settings import VALID_MINUTES_CHOICES, VALID_MINUTES_DEFAULT, VALID_MINUTES_MAX, VALID_MINUTES_MIN
from pan123_gui.ui.wording import window as w


class ValidityCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: list[int] = list(VALID_MINUTES_CHOICES)
        self._fill(VALID_MINUTES_DEFAULT)

    def _fill(self, selected: int) -> None:
        selected = min(VALID_MINUTES_MAX, max(VALID_MINUTES_MIN, selected))
        if selected not in self._choices:
            self._choices = sorted({*self._choices, selected})
        blocked = self.blockSignals(True)
        self.clear()
        for minutes in self._choices:
            self.addItem(w.duration(minutes), minutes)
        self.setCurrentIndex(self._choices.index(selected))
        self.blockSignals(blocked)

    def set_minutes(self, minutes: int) -> None:
        self._fill(minutes)

    def minutes(self) -> int:
        data = self.currentData()
        return int(data) if data is not None else VALID_MINUTES_DEFAULT

    def retranslate(self) -> None:
        self._fill(self.minutes())
