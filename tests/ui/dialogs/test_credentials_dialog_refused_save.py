"""A keyring that refuses to save: the dialog keeps the secrets for this run and says so (not stuck on "could not
save"), and the window's next run uses them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pan123_gui import logs
from pan123_gui.app import build_services
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.settings import AppSettings
from pan123_gui.ui.dialogs.credentials import CredentialsDialog
from pan123_gui.ui.wording import dialogs as words


class _RefusesSaving(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("Failed to save")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("No such password!")


@pytest.fixture
def refusing() -> Iterator[None]:
    old = keyring.get_keyring()
    keyring.set_keyring(_RefusesSaving())
    try:
        yield
    finally:
        keyring.set_keyring(old)
        logs.forget_secrets()


def test_a_refused_save_keeps_the_secrets_for_the_run_and_says_so(
    qtbot: QtBot, tmp_path: Path, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch, refusing: Any
) -> None:
    monkeypatch.setenv("PAN123_API_BASE", fake_api.base_url)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    services = build_services(settings=settings)
    try:
        dialog = CredentialsDialog(services)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.client_id_edit.setText(fake_api.client_id)
        dialog.client_secret_edit.setText(fake_api.client_secret)
        dialog.save_button.click()
        assert dialog.isVisible()  # not closed silently: it says what happened
        assert dialog.result_text == words.cred_kept_for_this_run()
        assert words.keyring_save_refused_kept() in dialog.storage_label.text()
        assert services.has_credentials() and not services.store.persistent
        dialog.save_button.click()  # Save again: use them now
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert services.client().uid() > 0  # the window's runs work with the kept secrets
    finally:
        services.close()
