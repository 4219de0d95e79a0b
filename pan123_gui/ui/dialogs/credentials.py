"""Credentials: client ID + secret, or a pasted access token; optional signing key; test, save, sign out.

Secrets are typed into password fields (with a Show toggle) and are never put back into a field: a saved
secret shows as an empty field whose placeholder says it is saved. Leaving it empty keeps the saved value.
"Test connection" runs on a worker with a temporary client and shows the account (user/info).
The form sits in a scroll area and the dialog grows to fit its wrapped text (a long test result, Chinese), up to
the screen's height, so nothing is ever squeezed or cut off — on a 1280×800 screen and at 200 % scale alike.
How long signed links stay valid is a setting of the window (Settings, the resolve bar), not of the credentials.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.core.account import check_account
from pan123_gui.core.errors import ErrorKind, Pan123Error
from pan123_gui.core.keyring_problems import KeyringError, KeyringFailure, MemoryReason
from pan123_gui.core.models import AccessToken, UserInfo
from pan123_gui.core.pasted_token import token_from_text
from pan123_gui.logs import register_credentials, register_secret
from pan123_gui.ui.icons import icon
from pan123_gui.ui.wording import dialogs as words
from pan123_gui.ui.wording.errors import error_text, format_size
from pan123_gui.workers.base import Worker

if TYPE_CHECKING:
    from pan123_gui.app import Services
    from pan123_gui.core.credentials import Credentials

log = logging.getLogger(__name__)

MODE_CLIENT = 0
MODE_TOKEN = 1
MIN_WIDTH = 560
SCREEN_MARGIN = 60  # room for the window frame and title bar when the dialog is as tall as the screen


def describe_error(exc: BaseException, mode: int | None = None) -> str:
    """Plain words for a failed connection test.

    Problems the dialog can name better than the window get their own words (a refused client secret is not "an
    expired token"; "Retry failed" is a window button); the rest use the window's error wording.
    """
    if isinstance(exc, Pan123Error):
        if exc.kind is ErrorKind.AUTH:
            return words.test_refused_token() if mode == MODE_TOKEN else words.test_refused_client()
        if exc.kind is ErrorKind.NETWORK:
            return words.test_network()
        if exc.kind is ErrorKind.RATE_LIMITED:
            return words.test_rate_limited()
        return error_text(exc.kind, exc.code, exc.server_message)
    return words.unexpected_reason(type(exc).__name__)


def format_traffic(size: int | None) -> str:
    if size is None:
        return words.account_traffic_unknown()
    return format_size(size)


def keyring_reason(reason: MemoryReason | None) -> str | None:
    """Translated words for SecretStore.memory_reason; None when the main memory-only warning already says it all."""
    if reason is None or reason is MemoryReason.NO_KEYRING:
        return None
    known = {
        MemoryReason.NULL_KEYRING: words.keyring_null,
        MemoryReason.PLAINTEXT: words.keyring_plaintext,
        MemoryReason.BROKEN: words.keyring_broken,
        MemoryReason.NO_ANSWER: words.keyring_no_answer_memory,
        MemoryReason.SAVE_REFUSED: words.keyring_save_refused_kept,
    }
    found = known.get(reason)
    return found() if found is not None else None


def keyring_problem(exc: Pan123Error) -> str:
    """Translated words for a failure of the secret store: the :class:`KeyringError`'s reason, never its English."""
    if not isinstance(exc, KeyringError):
        return str(exc)  # not a keyring failure (none is known today): its plain one-line text
    known = {
        KeyringFailure.LOCKED: words.keyring_locked,
        KeyringFailure.MISSING: words.keyring_missing,
        KeyringFailure.INIT_FAILED: words.keyring_broken_retry,
        KeyringFailure.REFUSED_SAVE: words.keyring_refused_save,
        KeyringFailure.REFUSED_DELETE: words.keyring_refused_delete,
        KeyringFailure.NO_ANSWER: words.keyring_no_answer,
    }
    found = known.get(exc.failure)
    return found() if found is not None else words.keyring_other(exc.detail or type(exc).__name__)


def keyring_name(backend: str) -> str:
    """The keyring's everyday name ("Windows Credential Manager") for SecretStore.backend_name (a module name)."""
    names = {
        "Windows": words.keyring_windows,
        "macOS": words.keyring_macos,
        "SecretService": words.keyring_secret_service,
        "libsecret": words.keyring_secret_service,
        "kwallet": words.keyring_kwallet,
    }
    name = names.get(backend)
    return name() if name is not None else backend


def account_summary(info: UserInfo) -> str:
    vip = (info.vip_label or words.yes()) if info.vip else words.no()
    lines = [
        words.account_ok(),
        words.account_nickname(info.nickname),
        words.account_uid(info.uid),
        words.account_vip(vip),
        words.account_traffic(format_traffic(info.direct_traffic)),
    ]
    if not info.vip:
        lines.append(words.account_no_vip_hint())
    return "\n".join(lines)


class SecretField(QLineEdit):
    """A password-echo line edit with a Show/Hide action at its end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setClearButtonEnabled(False)
        self.show_action = QAction(icon("show"), words.cred_show_secret(), self)
        self.show_action.setCheckable(True)
        self.show_action.toggled.connect(self._on_show_toggled)
        self.addAction(self.show_action, QLineEdit.ActionPosition.TrailingPosition)
        self.retranslate()

    @Slot(bool)
    def _on_show_toggled(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.retranslate()

    def retranslate(self) -> None:
        text = words.cred_hide_secret() if self.show_action.isChecked() else words.cred_show_secret()
        self.show_action.setText(text)
        self.show_action.setToolTip(text)


class CredentialsDialog(QDialog):
    """Enter, test, save or remove the 123pan credentials. Saving resets the shared client."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said_kept_in_memory = False  # a refused save was said once (save again closes)
        self.services = services
        self.setWindowIcon(icon("key"))
        self._stored: Credentials | None = None
        self._load_error: str | None = None
        self._fetched_token: tuple[str, AccessToken] | None = None  # (client id, token) from a test
        self._worker: Worker | None = None
        self._tested_client_id: str | None = None
        self._tested_mode = MODE_CLIENT

        outer = QVBoxLayout(self)
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop; the fields inside are
        outer.addWidget(self.scroll_area, 1)

        self.demo_label = self._wrapping_label()
        layout.addWidget(self.demo_label)
        self.intro_label = self._wrapping_label()
        layout.addWidget(self.intro_label)

        self.client_radio = QRadioButton()
        self.token_radio = QRadioButton()
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.client_radio, MODE_CLIENT)
        self.mode_group.addButton(self.token_radio, MODE_TOKEN)
        layout.addWidget(self.client_radio)
        layout.addWidget(self.token_radio)

        self.pages = QStackedWidget()
        client_page = QWidget()
        client_form = QFormLayout(client_page)
        client_form.setContentsMargins(0, 0, 0, 0)
        self.client_id_label = QLabel()
        self.client_id_edit = QLineEdit()
        self.client_secret_label = QLabel()
        self.client_secret_edit = SecretField()
        self.client_id_label.setBuddy(self.client_id_edit)
        self.client_secret_label.setBuddy(self.client_secret_edit)
        client_form.addRow(self.client_id_label, self.client_id_edit)
        client_form.addRow(self.client_secret_label, self.client_secret_edit)
        token_page = QWidget()
        token_form = QFormLayout(token_page)
        token_form.setContentsMargins(0, 0, 0, 0)
        self.token_label = QLabel()
        self.token_edit = SecretField()
        self.token_label.setBuddy(self.token_edit)
        token_form.addRow(self.token_label, self.token_edit)
        self.pages.addWidget(client_page)
        self.pages.addWidget(token_page)
        layout.addWidget(self.pages)

        self.where_label = self._wrapping_label()
        self.where_label.setTextFormat(Qt.TextFormat.RichText)
        self.where_label.setOpenExternalLinks(True)
        self.where_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.where_label)

        self.signing_group = QGroupBox()
        signing_form = QFormLayout(self.signing_group)
        self.sign_key_label = QLabel()
        self.sign_key_edit = SecretField()
        self.sign_key_label.setBuddy(self.sign_key_edit)
        self.signing_help = self._wrapping_label()
        signing_form.addRow(self.sign_key_label, self.sign_key_edit)
        signing_form.addRow(self.signing_help)
        layout.addWidget(self.signing_group)

        storage_row = QHBoxLayout()
        self.storage_icon = QLabel()
        self.storage_label = self._wrapping_label()
        storage_row.addWidget(self.storage_icon, 0, Qt.AlignmentFlag.AlignTop)
        storage_row.addWidget(self.storage_label, 1)
        layout.addLayout(storage_row)
        self.env_label = self._wrapping_label()
        layout.addWidget(self.env_label)

        test_row = QHBoxLayout()
        self.test_button = QPushButton()
        self.test_button.setAutoDefault(False)  # Enter in a field means Save, the dialog's default button
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        self.result_icon = QLabel()
        self.result_icon.setVisible(False)
        test_row.addWidget(self.result_icon, 0, Qt.AlignmentFlag.AlignTop)
        self.result_label = self._wrapping_label()
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.result_label, 1)
        layout.addLayout(test_row)
        layout.addStretch(1)  # spare height goes here, not between the fields

        # Sign out sits apart on the left, away from Save; Save is the default button (Enter).
        bottom = QHBoxLayout()
        self.sign_out_button = QPushButton()
        self.sign_out_button.setAutoDefault(False)
        bottom.addWidget(self.sign_out_button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)
        self.save_button.setDefault(True)
        self._shown_once = False

        self.mode_group.idToggled.connect(self._on_mode_toggled)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.sign_out_button.clicked.connect(self.sign_out)

        self.setMinimumWidth(MIN_WIDTH)
        self.reload()
        self.retranslate()

    @staticmethod
    def _wrapping_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # test results carry the server's nickname and messages
        return label

    # -- size -------------------------------------------------------------------------------------------------
    def content_height(self) -> int:
        """The dialog height that shows all of the form at the current width, without scrolling."""
        body = self.body
        width = self.scroll_area.viewport().width() if self.isVisible() else self.width()
        needed = body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height()
        needed = max(needed, body.minimumSizeHint().height())
        chrome = self.height() - self.scroll_area.viewport().height() if self.isVisible() else 0
        return needed + chrome

    def max_height(self) -> int:
        screen = self.screen()
        available = screen.availableGeometry().height() if screen is not None else 10_000
        return max(200, available - SCREEN_MARGIN)

    def fit_to_content(self, *, shrink: bool = False) -> None:
        """Grow (or with ``shrink``, also shrink) to the height the text needs, at most the screen's height.

        Beyond that the form scrolls. Called when the shown text changes, so a long test result never squeezes
        the fields above it.
        """
        if not self.isVisible():
            return
        target = min(self.content_height(), self.max_height())
        if target > self.height() or (shrink and target < self.height()):
            self.resize(self.width(), target)
            self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """After growing, move up so that the buttons at the bottom stay on the screen."""
        screen = self.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
        frame = self.frameGeometry()
        overflow = frame.bottom() - available.bottom()
        if overflow > 0:
            self.move(self.x(), max(available.top(), self.y() - overflow))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.resize(max(self.width(), MIN_WIDTH), self.height())
            self.fit_to_content(shrink=True)
            self._focus_first_field()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shown_once and event.size().width() < event.oldSize().width():
            self.fit_to_content()  # narrower: the text wraps into more lines

    def _focus_first_field(self) -> None:
        """Keyboard focus on the first thing to fill in (not on the mode choice)."""
        if self.is_demo:
            self.test_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.mode() == MODE_TOKEN:
            self.token_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.client_id_edit.text():
            self.client_secret_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.client_id_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- state ------------------------------------------------------------------------------------------------
    @property
    def is_demo(self) -> bool:
        return self.services.demo is not None

    def reload(self) -> None:
        """Read the stored credentials (never into a field in clear text) and choose the mode."""
        self._stored = None
        self._load_error = None
        if not self.is_demo:
            try:
                self._stored = self.services.store.load()
            except Pan123Error as exc:
                self._load_error = keyring_problem(exc)
                log.warning("reading the stored credentials failed: %s", exc)
        stored = self._stored
        self.client_id_edit.setText((stored.client_id or "") if stored is not None else "")
        for edit in (self.client_secret_edit, self.token_edit, self.sign_key_edit):
            edit.clear()
        token_only = stored is not None and stored.access_token is not None and not stored.can_fetch_token
        (self.token_radio if token_only else self.client_radio).setChecked(True)
        self._show_page(MODE_TOKEN if token_only else MODE_CLIENT)
        self.sign_out_button.setEnabled(not self.is_demo and stored is not None and not stored.is_empty)
        for widget in (self.client_radio, self.token_radio, self.pages, self.sign_key_edit):
            widget.setEnabled(not self.is_demo)
        # Demo: there is nothing to save or remove, so only Test connection and Close are offered.
        self.save_button.setVisible(not self.is_demo)
        self.sign_out_button.setVisible(not self.is_demo)

    def _show_page(self, mode: int) -> None:
        """Show the fields of ``mode``; the hidden page takes no room (no gap under the token field)."""
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if index == mode else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(mode)
        self.pages.updateGeometry()

    def mode(self) -> int:
        return MODE_TOKEN if self.token_radio.isChecked() else MODE_CLIENT

    def retranslate(self) -> None:
        self.setWindowTitle(words.cred_title())
        self.demo_label.setText(words.cred_demo_note())
        self.demo_label.setVisible(self.is_demo)
        self.intro_label.setText(words.cred_intro())
        self.client_radio.setText(words.cred_mode_client())
        self.token_radio.setText(words.cred_mode_token())
        self.client_id_label.setText(words.cred_client_id())
        self.client_secret_label.setText(words.cred_client_secret())
        self.token_label.setText(words.cred_access_token())
        self._update_where_help()
        self.signing_group.setTitle(words.cred_signing_group())
        self.sign_key_label.setText(words.cred_sign_key())
        self.signing_help.setText(words.cred_signing_help())
        self.test_button.setText(words.cred_test())
        self.test_button.setIcon(icon("key"))
        self.test_button.setToolTip(words.cred_test_tip())
        self.save_button.setText(words.cred_save())
        self.cancel_button.setText(words.close() if self.is_demo else words.cancel())
        self.sign_out_button.setText(words.cred_sign_out())
        self.sign_out_button.setToolTip(words.cred_sign_out_tip())
        for edit in (self.client_secret_edit, self.token_edit, self.sign_key_edit):
            edit.retranslate()
        self._update_placeholders()
        self._update_storage_note()
        self.fit_to_content()

    def _update_where_help(self) -> None:
        self.where_label.setText(words.cred_where_help_html(token=self.mode() == MODE_TOKEN))

    def _update_placeholders(self) -> None:
        stored = self._stored
        saved = words.cred_saved_placeholder()
        self.client_id_edit.setPlaceholderText(words.cred_id_placeholder())
        has_secret = stored is not None and bool(stored.client_secret)
        self.client_secret_edit.setPlaceholderText(saved if has_secret else words.cred_secret_placeholder())
        has_token = stored is not None and stored.access_token is not None and not stored.can_fetch_token
        self.token_edit.setPlaceholderText(saved if has_token else words.cred_token_placeholder())
        has_key = stored is not None and bool(stored.sign_key)
        self.sign_key_edit.setPlaceholderText(saved if has_key else words.cred_sign_key_placeholder())

    def _update_storage_note(self) -> None:
        store = self.services.store
        style = self.style()
        if self._load_error is not None:
            text = words.cred_load_failed(self._load_error)
            warn = True
        elif self.is_demo:
            text, warn = "", False
        elif store.persistent:
            text, warn = words.cred_stored_keyring(keyring_name(store.backend_name)), False
        else:
            text = words.cred_stored_memory()
            reason = keyring_reason(store.memory_reason)
            if reason:
                text += "\n" + words.cred_stored_memory_reason(reason)
            warn = True
        pixmap = style.standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning if warn else QStyle.StandardPixmap.SP_MessageBoxInformation
        ).pixmap(20, 20)
        self.storage_icon.setPixmap(pixmap)
        self.storage_icon.setVisible(bool(text))
        self.storage_label.setText(text)
        self.storage_label.setVisible(bool(text))
        from pan123_gui.core.credentials import ENV_NAMES  # the store is open by now: keyring is loaded anyway

        env_names = [name for name in ENV_NAMES if os.environ.get(name)]
        self.env_label.setText(words.cred_env_note(", ".join(env_names)) if env_names else "")
        self.env_label.setVisible(bool(env_names) and not self.is_demo)

    @property
    def storage_text(self) -> str:
        return self.storage_label.text()

    @property
    def result_text(self) -> str:
        return self.result_label.text()

    def show_result(self, text: str, *, ok: bool | None = None) -> None:
        """The line beside Test connection; ``ok`` picks a tick (True), a warning sign (False) or no icon (None)."""
        self.result_label.setText(text)
        if ok is None:
            self.result_icon.clear()
            self.result_icon.setVisible(False)
        else:
            pixmap = (
                self.style()
                .standardIcon(
                    QStyle.StandardPixmap.SP_DialogApplyButton if ok else QStyle.StandardPixmap.SP_MessageBoxWarning
                )
                .pixmap(20, 20)
            )
            self.result_icon.setPixmap(pixmap)
            self.result_icon.setVisible(True)
        self.fit_to_content()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int, bool)
    def _on_mode_toggled(self, mode: int, checked: bool) -> None:
        if checked:
            self._show_page(mode)
            self._update_where_help()
            self.fit_to_content()

    # -- building credentials from the form -------------------------------------------------------------------
    def entered_credentials(self) -> Credentials:
        """The credentials the form describes: typed values, else the saved ones. Raises ValueError (plain words)."""
        from pan123_gui.core.credentials import Credentials

        if self.is_demo:
            return self.services.credentials()
        stored = self._stored
        sign_key = self.sign_key_edit.text().strip() or (stored.sign_key if stored is not None else None)
        if self.mode() == MODE_TOKEN:
            text = self.token_edit.text().strip()
            if text:
                pasted = token_from_text(text)
                if not pasted.value or any(ch.isspace() for ch in pasted.value):
                    raise ValueError(words.cred_not_a_token())
            elif stored is not None and stored.access_token is not None and not stored.can_fetch_token:
                pasted = stored.access_token
            else:
                raise ValueError(words.cred_missing_token())
            return Credentials(access_token=pasted, client_id=None, client_secret=None, sign_key=sign_key)
        client_id = self.client_id_edit.text().strip()
        secret = self.client_secret_edit.text().strip()
        same_client = stored is not None and stored.client_id == client_id
        if not secret and same_client and stored is not None:
            secret = stored.client_secret or ""
        if not client_id or not secret:
            raise ValueError(words.cred_missing_client())
        token: AccessToken | None = None
        if self._fetched_token is not None and self._fetched_token[0] == client_id:
            token = self._fetched_token[1]  # fetched by "Test connection": do not spend another token slot
        elif same_client and stored is not None and not self.client_secret_edit.text().strip():
            token = stored.access_token
        return Credentials(access_token=token, client_id=client_id, client_secret=secret, sign_key=sign_key)

    # -- actions ----------------------------------------------------------------------------------------------
    @Slot()
    def test_connection(self) -> None:
        try:
            creds = self.entered_credentials()
        except ValueError as exc:
            self.show_result(str(exc), ok=False)
            return
        except Pan123Error as exc:
            self.show_result(words.connection_failed(describe_error(exc, self.mode())), ok=False)
            return
        register_credentials(creds)
        self.test_button.setEnabled(False)
        self.show_result(words.cred_testing())
        worker = Worker(check_account, creds, self.services.base_url)
        worker.signals.result.connect(self._on_test_result)
        worker.signals.error.connect(self._on_test_error)
        worker.signals.finished.connect(self._on_test_finished)
        self._worker = worker
        self._tested_client_id = creds.client_id
        self._tested_mode = MODE_CLIENT if creds.can_fetch_token else MODE_TOKEN
        worker.start(self.services.pool)

    @Slot(object)
    def _on_test_result(self, value: object) -> None:
        assert isinstance(value, tuple)
        info, token = value
        assert isinstance(info, UserInfo)
        client_id = self._tested_client_id
        if isinstance(token, AccessToken) and client_id:
            self._fetched_token = (client_id, token)
            register_secret(token.value)
        self.show_result(account_summary(info), ok=info.vip)

    @Slot(object)
    def _on_test_error(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        if not isinstance(exc, Pan123Error):
            log.error("connection test failed unexpectedly", exc_info=exc)
        self.show_result(words.connection_failed(describe_error(exc, self._tested_mode)), ok=False)

    @Slot()
    def _on_test_finished(self) -> None:
        self.test_button.setEnabled(True)
        self._worker = None

    @Slot()
    def save(self) -> None:
        if self.is_demo:
            self.accept()
            return
        try:
            creds = self.entered_credentials()
        except ValueError as exc:
            self.show_result(str(exc), ok=False)
            return
        register_credentials(creds)
        try:
            kept_in_memory = self.services.store.save(creds) is not None
        except Pan123Error as exc:
            self.show_result(words.cred_save_failed(keyring_problem(exc)), ok=False)
            return
        self.services.reset_client()
        if kept_in_memory and not self._said_kept_in_memory:
            # The keyring refused: the store keeps them for this run. Say so here; Save again closes the dialog.
            self._said_kept_in_memory = True
            log.info("the keyring refused the credentials: kept in memory for this run")
            self._update_storage_note()
            self.show_result(words.cred_kept_for_this_run(), ok=False)
            return
        log.info("credentials saved (%s)", "token" if not creds.can_fetch_token else "client ID and secret")
        self.accept()

    @Slot()
    def sign_out(self) -> None:
        answer = QMessageBox.question(
            self,
            words.cred_sign_out_confirm_title(),
            words.cred_sign_out_confirm(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.store.clear()
        except Pan123Error as exc:
            self.show_result(words.cred_save_failed(keyring_problem(exc)), ok=False)
            return
        self._fetched_token = None
        self.services.reset_client()
        log.info("signed out: stored credentials removed")
        self.reload()
        self._update_placeholders()
        self._update_storage_note()
        self.show_result(words.cred_signed_out())

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.cancel()
        super().done(result)


def ensure_credentials(services: Services, parent: QWidget | None = None) -> bool:
    """Ask for credentials when there are none (not in demo mode). True when usable credentials exist after."""
    if services.demo is not None or services.has_credentials():
        return True
    dialog = CredentialsDialog(services, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted and services.has_credentials()
