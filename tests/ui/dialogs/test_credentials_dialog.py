"""CredentialsDialog against the REAL Secret Service keyring and the fake API over loopback HTTP.

Save puts the secrets into the keyring (a fresh store reads them back), "Test connection" shows the account
from user/info, "Sign out" removes everything; with no usable keyring the dialog warns that secrets are
memory-only. Secrets are never put back into a field.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from pan123_gui import logs
from pan123_gui.app import Services, build_services
from pan123_gui.core.credentials import Credentials, SecretStore
from pan123_gui.core.pasted_token import token_from_text
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.settings import AppSettings
from pan123_gui.ui.dialogs import credentials as credentials_dialog
from pan123_gui.ui.dialogs.credentials import MODE_CLIENT, CredentialsDialog, ensure_credentials

NICKNAME = "演示用户"  # the fake account's nickname


@pytest.fixture(autouse=True)
def _never_the_real_api(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAN123_API_BASE", "http://127.0.0.1:9")  # discard port; tests that talk use the fake


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def clean_keyring(secret_service: object) -> Iterator[None]:
    SecretStore.open().clear()
    try:
        yield
    finally:
        SecretStore.open().clear()
        logs.forget_secrets()


@pytest.fixture
def services(
    clean_keyring: None, fake_api: FakeApiServer, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Services]:
    monkeypatch.setenv("PAN123_API_BASE", fake_api.base_url)
    built = build_services(settings=settings)
    try:
        yield built
    finally:
        built.close()


def _dialog(qtbot: QtBot, services: Services) -> CredentialsDialog:
    dialog = CredentialsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.mark.real_keyring
def test_save_token_goes_to_the_keyring_and_is_never_shown(
    qtbot: QtBot, services: Services, fake_api: FakeApiServer
) -> None:
    assert services.store.persistent, services.store.warning
    services.store.save(Credentials(access_token=fake_api.issue_token()))  # an older token, in use
    services.client()
    old_client = services.peek_client()
    token = fake_api.issue_token()
    dialog = _dialog(qtbot, services)
    assert "keyring" in dialog.storage_text
    dialog.token_radio.setChecked(True)
    qtbot.keyClicks(dialog.token_edit, token.value)  # type: ignore[no-untyped-call]
    dialog.sign_key_edit.setText("my-sign-key")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()

    stored = SecretStore.open().load()  # a fresh store: read back from the keyring, not from memory
    assert stored.access_token is not None and stored.access_token.value == token.value
    assert stored.sign_key == "my-sign-key"
    assert stored.client_secret is None
    assert services.settings.valid_minutes == 30  # link validity is the window's setting, not a credential
    assert services.peek_client() is None  # the old client was dropped; the next use builds a new one
    assert old_client is not None
    assert services.client().user_info().nickname == NICKNAME

    again = _dialog(qtbot, services)  # reopened: secrets stay out of the fields
    assert again.token_radio.isChecked()
    for edit in (again.token_edit, again.client_secret_edit, again.sign_key_edit):
        assert edit.text() == ""
        assert edit.echoMode() == QLineEdit.EchoMode.Password
    assert "saved" in again.token_edit.placeholderText()
    assert "saved" in again.sign_key_edit.placeholderText()


@pytest.mark.real_keyring
def test_save_client_credentials_and_test_connection(qtbot: QtBot, services: Services, fake_api: FakeApiServer) -> None:
    dialog = _dialog(qtbot, services)
    assert dialog.client_radio.isChecked()  # the recommended mode comes first on a fresh start
    dialog.client_id_edit.setText(fake_api.client_id)
    qtbot.keyClicks(dialog.client_secret_edit, fake_api.client_secret)  # type: ignore[no-untyped-call]
    dialog.test_button.click()
    qtbot.waitUntil(lambda: NICKNAME in dialog.result_text, timeout=10_000)
    assert str(fake_api.uid) in dialog.result_text
    assert "SVIP" in dialog.result_text
    issued = fake_api.tokens_issued
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    stored = SecretStore.open().load()
    assert (stored.client_id, stored.client_secret) == (fake_api.client_id, fake_api.client_secret)
    assert stored.access_token is not None  # the token the test fetched is kept, not fetched again
    services.client().user_info()
    assert fake_api.tokens_issued == issued


@pytest.mark.real_keyring
def test_bad_token_gives_plain_words(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    dialog.token_radio.setChecked(True)
    dialog.token_edit.setText("not-a-real-token")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "failed" in dialog.result_text, timeout=10_000)
    assert "not-a-real-token" not in dialog.result_text
    assert "Traceback" not in dialog.result_text
    assert "did not accept this access token" in dialog.result_text
    assert "Paste a new token" in dialog.result_text


@pytest.mark.real_keyring
def test_sign_out_removes_everything(
    qtbot: QtBot, services: Services, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.store.save(
        Credentials(
            access_token=fake_api.issue_token(),
            client_id=fake_api.client_id,
            client_secret=fake_api.client_secret,
            sign_key="k-123456",
        )
    )
    asked = _answer_yes(monkeypatch)
    dialog = _dialog(qtbot, services)
    assert dialog.client_id_edit.text() == fake_api.client_id  # not a secret: shown
    assert dialog.client_secret_edit.text() == ""
    assert dialog.sign_out_button.isEnabled()
    dialog.sign_out_button.click()
    assert asked, "sign out must ask first"
    assert SecretStore.open().load().is_empty
    assert not services.has_credentials()
    assert not dialog.sign_out_button.isEnabled()
    assert dialog.client_id_edit.text() == ""


@pytest.mark.real_keyring
def test_sign_out_can_be_cancelled(
    qtbot: QtBot, services: Services, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.store.save(
        Credentials(access_token=fake_api.issue_token(), client_id=None, client_secret=None, sign_key=None)
    )
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    dialog = _dialog(qtbot, services)
    dialog.sign_out_button.click()
    assert not SecretStore.open().load().is_empty


@pytest.mark.real_keyring
def test_missing_fields_are_explained(qtbot: QtBot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    dialog.client_id_edit.setText("some-id")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "client secret" in dialog.result_text.lower()
    assert SecretStore.open().load().is_empty


@pytest.mark.parametrize(("backend", "reason"), [("fail", None), ("null", "turned off")])
def test_memory_only_warning(qtbot: QtBot, settings: AppSettings, backend: str, reason: str | None) -> None:
    import keyring
    from keyring.backends import fail, null

    old = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring() if backend == "fail" else null.Keyring())  # type: ignore[no-untyped-call]
    try:
        built = build_services(settings=settings)
        try:
            assert not built.store.persistent
            assert built.store.warning
            dialog = _dialog(qtbot, built)
            assert "memory only" in dialog.storage_text
            assert dialog.storage_label.isVisible() and dialog.storage_icon.isVisible()
            if reason is None:
                assert "Reason" not in dialog.storage_text  # the warning itself says it all
            else:
                assert reason in dialog.storage_text
        finally:
            built.close()
    finally:
        keyring.set_keyring(old)


def test_demo_mode_saves_nothing(qtbot: QtBot, settings: AppSettings, memory_keyring: Any) -> None:
    built = build_services(demo=True, settings=settings)
    try:
        dialog = _dialog(qtbot, built)
        assert dialog.demo_label.isVisible()
        assert not dialog.save_button.isVisible() and not dialog.sign_out_button.isVisible()  # nothing to save
        assert dialog.cancel_button.text() == "Close"
        dialog.test_button.click()
        qtbot.waitUntil(lambda: NICKNAME in dialog.result_text, timeout=10_000)
        assert memory_keyring.items == {}
        assert ensure_credentials(built, None) is True  # demo: never asks
    finally:
        built.close()


def test_ensure_credentials_opens_the_dialog_only_when_needed(
    qtbot: QtBot, settings: AppSettings, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[CredentialsDialog] = []

    def fake_exec(self: CredentialsDialog) -> int:
        opened.append(self)
        return 0  # the user cancelled

    monkeypatch.setattr(CredentialsDialog, "exec", fake_exec)
    built = build_services(settings=settings)
    try:
        assert ensure_credentials(built, None) is False
        assert len(opened) == 1
        built.store.save(
            Credentials(access_token=token_from_text("abc.def.ghi"), client_id=None, client_secret=None, sign_key=None)
        )
        assert ensure_credentials(built, None) is True
        assert len(opened) == 1
    finally:
        built.close()


def test_secrets_typed_are_registered_for_redaction(
    qtbot: QtBot, settings: AppSettings, memory_keyring: Any, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAN123_API_BASE", fake_api.base_url)
    built = build_services(settings=settings)
    try:
        dialog = _dialog(qtbot, built)
        dialog.client_id_edit.setText(fake_api.client_id)
        dialog.client_secret_edit.setText("typed-secret-xyz")  # wrong: the fake refuses it
        dialog.test_button.click()
        assert "typed-secret-xyz" not in logs.redact("secret typed-secret-xyz")
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30_000)
        assert "failed" in dialog.result_text
        assert "typed-secret-xyz" not in dialog.result_text
    finally:
        built.close()
        logs.forget_secrets()


def test_show_toggle_reveals_only_on_request(qtbot: QtBot) -> None:
    field = credentials_dialog.SecretField()
    qtbot.addWidget(field)
    assert field.echoMode() == QLineEdit.EchoMode.Password
    field.show_action.trigger()
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    field.show_action.trigger()
    assert field.echoMode() == QLineEdit.EchoMode.Password


# --- words and layout ---------------------------------------------------------------------------------------------


def _memory_services(settings: AppSettings, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch) -> Services:
    monkeypatch.setenv("PAN123_API_BASE", fake_api.base_url)
    return build_services(settings=settings)


def test_refused_client_secret_is_not_called_an_expired_token(
    qtbot: QtBot, settings: AppSettings, memory_keyring: Any, fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _memory_services(settings, fake_api, monkeypatch)
    try:
        dialog = _dialog(qtbot, built)
        dialog.client_id_edit.setText(fake_api.client_id)
        dialog.client_secret_edit.setText("wrong-secret")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "failed" in dialog.result_text, timeout=30_000)
        text = dialog.result_text
        assert "did not accept this client ID and client secret" in text
        assert "expired" not in text and "Retry failed" not in text  # not the window's token wording
        assert dialog.result_icon.isVisible()
    finally:
        built.close()
        logs.forget_secrets()


def test_network_trouble_points_at_test_connection_not_a_window_button(qtbot: QtBot) -> None:
    from pan123_gui.core.errors import NetworkError

    text = credentials_dialog.describe_error(NetworkError("connection refused"))
    assert "Test connection" in text and "Retry failed" not in text


def _squeezed_labels(dialog: CredentialsDialog) -> list[str]:
    """Wrapped labels shown shorter than their text needs (the overlap seen with a long test result)."""
    from PySide6.QtWidgets import QLabel

    return [
        label.text()[:40]
        for label in dialog.body.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())
    ]


def _settle(qtbot: QtBot, dialog: CredentialsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent))
    QApplication.processEvents()
    QApplication.processEvents()


def test_long_result_grows_the_dialog_instead_of_squeezing_the_form(
    qtbot: QtBot, settings: AppSettings, memory_keyring: Any
) -> None:
    built = build_services(settings=settings)
    try:
        dialog = _dialog(qtbot, built)
        qtbot.waitExposed(dialog)
        _settle(qtbot, dialog)
        assert _squeezed_labels(dialog) == []
        before = dialog.height()
        dialog.show_result("\n".join(f"line {n} of a long answer from 123pan" for n in range(7)), ok=True)
        _settle(qtbot, dialog)
        assert dialog.height() > before
        assert _squeezed_labels(dialog) == []
        assert dialog.scroll_area.verticalScrollBar().maximum() == 0  # all of it shows, no scrolling needed
    finally:
        built.close()


def test_on_a_small_screen_the_form_scrolls_and_the_buttons_stay(
    qtbot: QtBot, settings: AppSettings, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CredentialsDialog, "max_height", lambda self: 300)  # e.g. 1280×800 at 200 %
    built = build_services(settings=settings)
    try:
        dialog = _dialog(qtbot, built)
        qtbot.waitExposed(dialog)
        dialog.show_result("\n".join(f"line {n}" for n in range(10)), ok=False)
        _settle(qtbot, dialog)
        assert dialog.height() <= 300
        assert dialog.scroll_area.verticalScrollBar().maximum() > 0
        assert _squeezed_labels(dialog) == []  # the form scrolls; its text is not cut
        assert dialog.rect().contains(dialog.save_button.geometry().translated(dialog.buttons.pos()))
    finally:
        built.close()


def test_keyboard_defaults(qtbot: QtBot, settings: AppSettings, memory_keyring: Any) -> None:
    built = build_services(settings=settings)
    try:
        dialog = _dialog(qtbot, built)
        qtbot.waitExposed(dialog)
        assert dialog.focusWidget() is dialog.client_id_edit  # typing starts in the first empty field
        assert dialog.save_button.isDefault()  # Enter saves
        assert not dialog.test_button.isDefault() and not dialog.sign_out_button.isDefault()
        for edit in (dialog.client_id_edit, dialog.client_secret_edit, dialog.token_edit, dialog.sign_key_edit):
            accessible = QAccessible.queryAccessibleInterface(edit)
            assert accessible is not None and accessible.text(QAccessible.Text.Name)  # read out by screen readers
        dialog.token_radio.setChecked(True)
        client_page = dialog.pages.widget(MODE_CLIENT)
        assert client_page is not None
        assert dialog.pages.sizeHint().height() < client_page.sizeHint().height()  # no gap under the token field
        assert "30 days" in dialog.where_label.text()  # the help follows the chosen way
    finally:
        built.close()


def test_keyring_names_are_everyday_words() -> None:
    assert credentials_dialog.keyring_name("Windows") == "Windows Credential Manager"
    assert credentials_dialog.keyring_name("macOS") == "macOS Keychain"
    assert "GNOME Keyring" in credentials_dialog.keyring_name("SecretService")
    assert credentials_dialog.keyring_name("SomethingElse") == "SomethingElse"


def test_keyring_problems_are_translated(qapp: QApplication) -> None:
    from pan123_gui.core.errors import CredentialsError
    from pan123_gui.core.keyring_problems import KeyringError, KeyringFailure
    from pan123_gui.ui.i18n import apply_language

    locked = KeyringError(KeyringFailure.LOCKED)
    assert "locked" in credentials_dialog.keyring_problem(locked)
    apply_language("zh_CN")
    try:
        assert credentials_dialog.keyring_problem(locked).startswith("系统安全存储已锁定")
        assert "RuntimeError" in credentials_dialog.keyring_problem(KeyringError(KeyringFailure.OTHER, "RuntimeError"))
        assert "系统安全存储" in credentials_dialog.keyring_problem(KeyringError(KeyringFailure.OTHER, "RuntimeError"))
    finally:
        apply_language("en")
    other = CredentialsError("something new")
    assert credentials_dialog.keyring_problem(other) == str(other)  # not a keyring failure: its own plain line


def test_every_keyring_reason_has_its_own_words(qapp: QApplication) -> None:
    # The reasons arrive as enums: every one maps to words, none to the store's English sentence.
    from pan123_gui.core.keyring_problems import MEMORY_WARNINGS, KeyringError, KeyringFailure, MemoryReason

    failures = [credentials_dialog.keyring_problem(KeyringError(f, "X")) for f in KeyringFailure]
    assert len(set(failures)) == len(failures)
    assert not {str(KeyringError(f, "X")) for f in KeyringFailure} & set(failures)
    reasons = [credentials_dialog.keyring_reason(r) for r in MemoryReason]
    assert reasons.count(None) == 1 and credentials_dialog.keyring_reason(MemoryReason.NO_KEYRING) is None
    assert not set(MEMORY_WARNINGS.values()) & set(reasons)
    assert credentials_dialog.keyring_reason(None) is None
