"""Settings: request rate, signed-link defaults, signing path mode (advanced), language (applies at once)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.languages import LANGUAGES, SOURCE_LANGUAGE
from pan123_gui.settings import RATE_MAX, RATE_MIN, AppSettings
from pan123_gui.ui.i18n import apply_language
from pan123_gui.ui.validity_combo import ValidityCombo
from pan123_gui.ui.wording import dialogs as words

if TYPE_CHECKING:
    from pan123_gui.app import Services

log = logging.getLogger(__name__)

#: Language choices: setting value and the name shown (in its own language, so anyone can find theirs).
MIN_WIDTH = 440  # the help lines wrap into two or three lines, not six


def _small(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    label.setFont(font)
    return label


class SettingsDialog(QDialog):
    """Edits :class:`AppSettings`. Rate and link options apply on OK; the language applies (and is saved) at once."""

    language_changed = Signal(str)  # the setting value ("system", "zh_CN", "en")

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        settings: AppSettings = services.settings
        layout = QVBoxLayout(self)

        self.requests_group = QGroupBox()
        requests = QFormLayout(self.requests_group)
        self.rate_label = QLabel()
        self.rate_spin = QSpinBox()
        self.rate_spin.setRange(int(RATE_MIN), int(RATE_MAX))
        self.rate_spin.setValue(round(settings.rate))
        self.rate_label.setBuddy(self.rate_spin)
        requests.addRow(self.rate_label, self.rate_spin)
        self.rate_help = _small(QLabel())
        requests.addRow(self.rate_help)
        layout.addWidget(self.requests_group)

        self.links_group = QGroupBox()
        links = QFormLayout(self.links_group)
        self.sign_check = QCheckBox()
        self.sign_check.setChecked(settings.sign_links)
        links.addRow(self.sign_check)
        self.valid_label = QLabel()
        self.valid_combo = ValidityCombo()  # the same choices as the window's combo
        self.valid_combo.set_minutes(settings.valid_minutes)
        self.valid_label.setBuddy(self.valid_combo)
        links.addRow(self.valid_label, self.valid_combo)
        self.path_label = QLabel()
        self.path_combo = QComboBox()
        self.path_combo.addItem("", False)
        self.path_combo.addItem("", True)
        self.path_combo.setCurrentIndex(1 if settings.encoded_path else 0)
        self.path_label.setBuddy(self.path_combo)
        links.addRow(self.path_label, self.path_combo)
        self.path_help = _small(QLabel())
        links.addRow(self.path_help)
        layout.addWidget(self.links_group)

        self.language_group = QGroupBox()
        language = QFormLayout(self.language_group)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.addItem("", "system")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.language_label.setBuddy(self.language_combo)
        language.addRow(self.language_label, self.language_combo)
        self.language_help = _small(QLabel())
        language.addRow(self.language_help)
        layout.addWidget(self.language_group)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        self.setMinimumWidth(MIN_WIDTH)
        self.retranslate()

    # -- text -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(words.settings_title())
        self.requests_group.setTitle(words.settings_requests_group())
        self.rate_label.setText(words.settings_rate())
        self.rate_help.setText(words.settings_rate_help())
        self.links_group.setTitle(words.settings_links_group())
        self.sign_check.setText(words.settings_sign_links())
        self.valid_label.setText(words.settings_valid())
        self.valid_combo.retranslate()
        self.path_label.setText(words.settings_path_mode())
        self.path_combo.setItemText(0, words.settings_path_decoded())
        self.path_combo.setItemText(1, words.settings_path_encoded())
        self.path_help.setText(words.settings_path_help())
        self.language_group.setTitle(words.settings_language_group())
        self.language_label.setText(words.settings_language())
        self.language_combo.setItemText(0, self._system_language_text())
        self.language_help.setText(words.settings_language_help())
        if self.isVisible():
            self.adjustSize()  # the other language wraps differently: never leave text squeezed or cut

    @staticmethod
    def _system_language_text() -> str:
        from pan123_gui.ui.i18n import system_language

        name = LANGUAGES.get(system_language(), LANGUAGES[SOURCE_LANGUAGE])
        return f"{words.settings_language_system()} ({name})"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- behaviour --------------------------------------------------------------------------------------------
    @Slot(int)
    def _on_language_chosen(self, index: int) -> None:
        value = str(self.language_combo.itemData(index))
        self.services.settings.language = value
        self.services.settings.sync()
        apply_language(value)
        self.language_changed.emit(value)

    def accept(self) -> None:
        settings = self.services.settings
        self.services.set_rate(float(self.rate_spin.value()))
        settings.sign_links = self.sign_check.isChecked()
        settings.valid_minutes = self.valid_combo.minutes()
        settings.encoded_path = bool(self.path_combo.currentData())
        settings.sync()
        super().accept()
