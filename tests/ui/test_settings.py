"""AppSettings (typed round trips over a QSettings on a temp ini file) and the settings dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from pan123_gui.app import Services, build_services
from pan123_gui.settings import AppSettings
from pan123_gui.ui.dialogs.settings import SettingsDialog
from pan123_gui.ui.i18n import apply_language


def _ini(path: Path) -> AppSettings:
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


def test_defaults(tmp_path: Path) -> None:
    s = _ini(tmp_path / "s.ini")
    assert s.rate == 5.0
    assert s.sign_links is False
    assert s.valid_minutes == 30
    assert s.language == "system"
    assert s.encoded_path is False


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = _ini(path)
    s.rate = 7.5
    s.sign_links = True
    s.valid_minutes = 90
    s.language = "zh_CN"
    s.encoded_path = True
    s.sync()
    assert path.exists()

    again = _ini(path)  # a fresh reader sees strings from the ini file and converts them back
    assert again.rate == 7.5
    assert again.sign_links is True
    assert again.valid_minutes == 90
    assert again.language == "zh_CN"
    assert again.encoded_path is True

    again.sign_links = False
    again.sync()
    assert _ini(path).sign_links is False


def test_rate_and_validity_are_clamped(tmp_path: Path) -> None:
    s = _ini(tmp_path / "s.ini")
    s.rate = 50
    assert s.rate == 10.0
    s.rate = 0.1
    assert s.rate == 1.0
    s.valid_minutes = 0
    assert s.valid_minutes == 1


def test_garbage_in_the_file_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[network]\nrate=fast\n[links]\nsign=maybe\nvalid_minutes=soon\n[ui]\nlanguage=klingon\n")
    s = _ini(path)
    assert s.rate == 5.0
    assert s.sign_links is False
    assert s.valid_minutes == 30
    assert s.language == "system"


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    s = _ini(tmp_path / "s.ini")
    with pytest.raises(ValueError):
        s.language = "fr"
    assert s.language == "system"


def test_geometry_round_trip(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = _ini(path)
    w = QWidget()
    qtbot.addWidget(w)
    assert s.restore_geometry(w) is False  # nothing saved yet
    w.setGeometry(40, 50, 640, 480)
    s.save_geometry(w)
    s.sync()

    w2 = QWidget()
    qtbot.addWidget(w2)
    assert _ini(path).restore_geometry(w2) is True
    assert (w2.width(), w2.height()) == (640, 480)


# --- the settings dialog -----------------------------------------------------------------------------------------


@pytest.fixture
def demo_services(tmp_path: Path) -> Iterator[Services]:
    built = build_services(demo=True, settings=_ini(tmp_path / "dialog.ini"))
    try:
        yield built
    finally:
        built.close()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    apply_language("en")
    try:
        yield
    finally:
        apply_language("en")


def test_dialog_applies_rate_and_link_options_on_ok(qtbot: QtBot, demo_services: Services) -> None:
    client = demo_services.client()
    dialog = SettingsDialog(demo_services)
    qtbot.addWidget(dialog)
    assert dialog.rate_spin.value() == 5
    dialog.rate_spin.setValue(8)
    dialog.sign_check.setChecked(True)
    dialog.valid_combo.setCurrentIndex(dialog.valid_combo.findData(6 * 60))
    dialog.path_combo.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settings = demo_services.settings
    assert (settings.rate, settings.sign_links, settings.valid_minutes, settings.encoded_path) == (8.0, True, 360, True)
    assert client.rate == 8.0  # the live client follows without a rebuild
    assert demo_services.client() is client


def test_dialog_cancel_changes_nothing(qtbot: QtBot, demo_services: Services) -> None:
    dialog = SettingsDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.rate_spin.setValue(2)
    dialog.valid_combo.setCurrentIndex(dialog.valid_combo.findData(15))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert demo_services.settings.rate == 5.0
    assert demo_services.settings.valid_minutes == 30


def test_language_switch_applies_at_once_and_persists(qtbot: QtBot, demo_services: Services, english: None) -> None:
    dialog = SettingsDialog(demo_services)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Settings"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "设置")  # retranslated via LanguageChange, before OK
    assert dialog.rate_label.text() == "每秒请求数："
    assert dialog.path_combo.itemText(0) == "解码后的路径（默认）"
    assert demo_services.settings.language == "zh_CN"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Settings")
    assert demo_services.settings.language == "en"


def test_help_text_is_never_squeezed(qtbot: QtBot, demo_services: Services, english: None) -> None:
    from PySide6.QtWidgets import QLabel

    dialog = SettingsDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def squeezed() -> list[str]:
        QApplication.processEvents()
        return [
            label.text()[:30]
            for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())
        ]

    assert dialog.width() >= 440
    assert squeezed() == []
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "设置")
    assert squeezed() == []
    dialog.resize(dialog.minimumWidth(), dialog.height())  # the narrowest it goes: text wraps into more lines
    assert squeezed() == []
