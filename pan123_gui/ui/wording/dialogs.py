"""Text of the dialogs (credentials, settings, error report, start-up problems); translation context ``dialogs``.

Every call is ``QCoreApplication.translate("dialogs", "...")`` with literal text so lupdate finds it; the Chinese
lives in ``pan123_gui/resources/i18n/dialogs_zh_CN.ts`` (refresh with ``python packaging/i18n.py update dialogs``).
Functions, not constants, so the text follows a language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "dialogs"
DEVELOPER_URL = "https://www.123pan.com/developer"


# --- shared -----------------------------------------------------------------------------------------------------


def yes() -> str:
    return QCoreApplication.translate("dialogs", "yes")


def no() -> str:
    return QCoreApplication.translate("dialogs", "no")


def close() -> str:
    return QCoreApplication.translate("dialogs", "Close")


def cancel() -> str:
    return QCoreApplication.translate("dialogs", "Cancel")


# --- credentials dialog -------------------------------------------------------------------------------------------


def cred_title() -> str:
    return QCoreApplication.translate("dialogs", "123pan credentials")


def cred_intro() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "This app reads direct links through the 123pan open platform, so it needs access to your 123pan account. "
        "Choose one way:",
    )


def cred_mode_client() -> str:
    return QCoreApplication.translate("dialogs", "Client ID and secret (recommended: the app renews access by itself)")


def cred_mode_token() -> str:
    return QCoreApplication.translate("dialogs", "Access token only (stops working after 30 days)")


def cred_client_id() -> str:
    return QCoreApplication.translate("dialogs", "Client ID:")


def cred_client_secret() -> str:
    return QCoreApplication.translate("dialogs", "Client secret:")


def cred_access_token() -> str:
    return QCoreApplication.translate("dialogs", "Access token:")


def cred_sign_key() -> str:
    return QCoreApplication.translate("dialogs", "Signing key:")


def cred_signing_group() -> str:
    return QCoreApplication.translate("dialogs", "Signed links (optional)")


def cred_signing_help() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Only needed when URL authentication (URL鉴权) is switched on for your direct-link space. The key "
        "(鉴权密钥) is in the 123pan web app under 直链 → 基础功能配置 → URL鉴权. To use it, turn on "
        "“Sign links” in the main window.",
    )


def cred_where_help() -> str:
    """Rich text (a link); ``{link}`` is filled in by :func:`cred_where_help_html`."""
    return QCoreApplication.translate(
        "dialogs",
        "Where to get them: apply on the 123pan open platform, {link}. 123pan sends you the client ID and "
        "secret by e-mail or as a site message (it may ask you to buy the developer pack, 开发者权益包, first).",
    )


def cred_where_help_token() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "An access token is made from a client ID and secret and works for about 30 days; then you have to "
        "paste a new one. If you have the client ID and secret ({link}), choose the first way instead.",
    )


def cred_direct_link_space_help() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Direct links also need a direct-link space (直链空间, a VIP feature) switched on for the folders "
        "that hold your files.",
    )


def cred_where_help_html(*, token: bool = False) -> str:
    """The "where to get them" help (rich text with the open-platform link) for the chosen mode."""
    from html import escape

    link = f'<a href="{DEVELOPER_URL}">{DEVELOPER_URL.removeprefix("https://")}</a>'
    where = escape(cred_where_help_token() if token else cred_where_help()).replace("{link}", link)
    return f"{where}<br>{escape(cred_direct_link_space_help())}"


def cred_saved_placeholder() -> str:
    return QCoreApplication.translate("dialogs", "saved — leave empty to keep it")


def cred_token_placeholder() -> str:
    return QCoreApplication.translate("dialogs", "paste the access token (eyJ…)")


def cred_secret_placeholder() -> str:
    return QCoreApplication.translate("dialogs", "paste the client secret")


def cred_id_placeholder() -> str:
    return QCoreApplication.translate("dialogs", "paste the client ID")


def cred_sign_key_placeholder() -> str:
    return QCoreApplication.translate("dialogs", "optional")


def cred_show_secret() -> str:
    return QCoreApplication.translate("dialogs", "Show")


def cred_hide_secret() -> str:
    return QCoreApplication.translate("dialogs", "Hide")


def cred_test() -> str:
    return QCoreApplication.translate("dialogs", "Test connection")


def cred_test_tip() -> str:
    return QCoreApplication.translate(
        "dialogs", "Ask 123pan for your account with what is entered above, without saving anything"
    )


def cred_testing() -> str:
    return QCoreApplication.translate("dialogs", "Connecting to 123pan…")


def cred_save() -> str:
    return QCoreApplication.translate("dialogs", "Save")


def cred_sign_out() -> str:
    return QCoreApplication.translate("dialogs", "Sign out")


def cred_sign_out_tip() -> str:
    return QCoreApplication.translate("dialogs", "Remove the saved credentials from this computer")


def cred_sign_out_confirm_title() -> str:
    return QCoreApplication.translate("dialogs", "Sign out?")


def cred_sign_out_confirm() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Remove the saved client ID, client secret, access token and signing key from this computer? "
        "You will need to enter them again to get links.",
    )


def cred_signed_out() -> str:
    return QCoreApplication.translate("dialogs", "Signed out. The saved credentials were removed.")


def keyring_locked() -> str:
    return QCoreApplication.translate(
        "dialogs", "the system keyring is locked. Unlock it (usually with your login password) and try again."
    )


def keyring_missing() -> str:
    return QCoreApplication.translate("dialogs", "no system keyring is available.")


def keyring_broken_retry() -> str:
    return QCoreApplication.translate(
        "dialogs", "the system keyring could not be opened. Unlock or start it and try again."
    )


def keyring_refused_save() -> str:
    return QCoreApplication.translate("dialogs", "the system keyring refused to save the secret.")


def keyring_refused_delete() -> str:
    return QCoreApplication.translate("dialogs", "the system keyring refused to remove a saved secret.")


def keyring_other(kind: str) -> str:
    return QCoreApplication.translate("dialogs", "the system keyring reported a problem ({kind}).").format(kind=kind)


def keyring_windows() -> str:
    return QCoreApplication.translate("dialogs", "Windows Credential Manager")


def keyring_macos() -> str:
    return QCoreApplication.translate("dialogs", "macOS Keychain")


def keyring_secret_service() -> str:
    return QCoreApplication.translate("dialogs", "GNOME Keyring / Secret Service")


def keyring_kwallet() -> str:
    return QCoreApplication.translate("dialogs", "KDE Wallet")


def cred_stored_keyring(backend: str) -> str:
    return QCoreApplication.translate(
        "dialogs", "Secrets are kept in your system's keyring ({backend}), never in a plain file."
    ).format(backend=backend)


def cred_stored_memory() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Warning: no system keyring is available, so secrets are kept in memory only and you will have to enter "
        "them again after closing the app.",
    )


def cred_stored_memory_reason(reason: str) -> str:
    return QCoreApplication.translate("dialogs", "Reason: {reason}").format(reason=reason)


def keyring_null() -> str:
    return QCoreApplication.translate("dialogs", "the keyring is turned off (null backend).")


def keyring_plaintext() -> str:
    return QCoreApplication.translate(
        "dialogs", "the only keyring available would keep secrets in a plain file, which this app does not use."
    )


def keyring_broken() -> str:
    return QCoreApplication.translate("dialogs", "the system keyring could not be opened.")


def cred_kept_for_this_run() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "The system keyring refused to save the credentials. They are kept in memory and work until you close the "
        "app; next time enter them again. Press Save again to use them now.",
    )


def already_open_title() -> str:
    return QCoreApplication.translate("dialogs", "123pan Direct Links is already open")


def already_open_not_answering() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "The app is already open with your list, but that window does not answer. Close it (or end it in the task "
        "manager), then start the app again. A second window is not opened, so your list is not overwritten.",
    )


def keyring_no_answer() -> str:
    return QCoreApplication.translate(
        "dialogs", "the system keyring did not answer. Unlock or restart it and try again."
    )


def keyring_no_answer_memory() -> str:
    return QCoreApplication.translate("dialogs", "the system keyring did not answer in time.")


def keyring_save_refused_kept() -> str:
    return QCoreApplication.translate(
        "dialogs", "the system keyring refused to save the credentials, so they are kept for this run only."
    )


def cred_demo_note() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Demo mode: the app uses a built-in sample account on this computer, so there is nothing to enter here. "
        "Test connection shows the sample account.",
    )


def cred_env_note(names: str) -> str:
    return QCoreApplication.translate(
        "dialogs", "Set in the environment and used instead of saved values: {names}"
    ).format(names=names)


def cred_missing_client() -> str:
    return QCoreApplication.translate("dialogs", "Enter the client ID and the client secret.")


def cred_missing_token() -> str:
    return QCoreApplication.translate("dialogs", "Paste an access token.")


def cred_not_a_token() -> str:
    return QCoreApplication.translate(
        "dialogs", "This does not look like an access token: it must be one piece of text without spaces."
    )


def cred_save_failed(reason: str) -> str:
    return QCoreApplication.translate("dialogs", "Could not save the credentials: {reason}").format(reason=reason)


def cred_load_failed(reason: str) -> str:
    return QCoreApplication.translate("dialogs", "Could not read the saved credentials: {reason}").format(reason=reason)


def account_ok() -> str:
    return QCoreApplication.translate("dialogs", "Connected.")


def account_nickname(nickname: str) -> str:
    return QCoreApplication.translate("dialogs", "Account: {nickname}").format(nickname=nickname)


def account_uid(uid: int) -> str:
    return QCoreApplication.translate("dialogs", "UID: {uid}").format(uid=uid)


def account_vip(label: str) -> str:
    return QCoreApplication.translate("dialogs", "VIP: {label}").format(label=label)


def account_traffic(amount: str) -> str:
    return QCoreApplication.translate("dialogs", "Direct-link traffic left: {amount}").format(amount=amount)


def account_traffic_unknown() -> str:
    return QCoreApplication.translate("dialogs", "unknown")


def account_no_vip_hint() -> str:
    return QCoreApplication.translate(
        "dialogs", "Direct links need a VIP account with a direct-link space; this account is not VIP."
    )


def test_refused_client() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "123pan did not accept this client ID and client secret. Copy both again from the 123pan open "
        "platform, completely and without spaces.",
    )


def test_refused_token() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "123pan did not accept this access token: it is wrong, has expired, or was replaced by newer sign-ins. "
        "Paste a new token, or use the client ID and secret instead.",
    )


def test_network() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Could not reach 123pan. Check your internet connection and proxy settings, then press Test connection again.",
    )


def test_rate_limited() -> str:
    return QCoreApplication.translate(
        "dialogs", "123pan is busy and asked to slow down. Wait a minute, then press Test connection again."
    )


def connection_failed(reason: str) -> str:
    return QCoreApplication.translate("dialogs", "Connection failed: {reason}").format(reason=reason)


def unexpected_reason(kind: str) -> str:
    return QCoreApplication.translate("dialogs", "unexpected problem ({kind}); see the log file").format(kind=kind)


# --- settings dialog ----------------------------------------------------------------------------------------------


def settings_title() -> str:
    return QCoreApplication.translate("dialogs", "Settings")


def settings_requests_group() -> str:
    return QCoreApplication.translate("dialogs", "Requests")


def settings_rate() -> str:
    return QCoreApplication.translate("dialogs", "Requests per second:")


def settings_rate_help() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "123pan allows about 5 direct-link requests per second. Higher values can make 123pan answer "
        "“too many requests”; the app then waits and retries.",
    )


def settings_links_group() -> str:
    return QCoreApplication.translate("dialogs", "Signed links")


def settings_sign_links() -> str:
    return QCoreApplication.translate("dialogs", "Sign links (needs a signing key in Credentials)")


def settings_valid() -> str:
    return QCoreApplication.translate("dialogs", "Valid for:")


def settings_path_mode() -> str:
    return QCoreApplication.translate("dialogs", "Path to sign (advanced):")


def settings_path_decoded() -> str:
    return QCoreApplication.translate("dialogs", "Decoded path (default)")


def settings_path_encoded() -> str:
    return QCoreApplication.translate("dialogs", "Encoded path (%XX)")


def settings_path_help() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Change this only if signed links of files with spaces or Chinese names are refused (403).",
    )


def settings_language_group() -> str:
    return QCoreApplication.translate("dialogs", "Language")


def settings_language() -> str:
    return QCoreApplication.translate("dialogs", "Language:")


def settings_language_system() -> str:
    return QCoreApplication.translate("dialogs", "System default")


def settings_language_help() -> str:
    return QCoreApplication.translate("dialogs", "The language changes at once.")


# --- error dialog -------------------------------------------------------------------------------------------------


def error_title() -> str:
    return QCoreApplication.translate("dialogs", "Unexpected problem")


def error_intro() -> str:
    return QCoreApplication.translate(
        "dialogs",
        "Something unexpected went wrong inside the app. It may keep working, but to be safe copy or export your "
        "links and restart it. If it happens again, please send the report below to the developers — it "
        "contains no passwords, tokens or keys.",
    )


def error_report_name() -> str:
    return QCoreApplication.translate("dialogs", "Problem report")


def error_copy() -> str:
    return QCoreApplication.translate("dialogs", "Copy report")


def error_copied() -> str:
    return QCoreApplication.translate("dialogs", "Copied")


def error_open_logs() -> str:
    return QCoreApplication.translate("dialogs", "Open log folder")


def error_more(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("dialogs", "One more problem happened; see the log file.")
    return QCoreApplication.translate("dialogs", "{count} more problems happened; see the log file.").format(
        count=count
    )


# --- start-up failure -------------------------------------------------------------------------------------------


def startup_failed_title() -> str:
    return QCoreApplication.translate("dialogs", "The app could not start")


def startup_failed(reason: str) -> str:
    return QCoreApplication.translate("dialogs", "pan123-gui could not start: {reason}").format(reason=reason)


def startup_failed_log(path: str) -> str:
    return QCoreApplication.translate("dialogs", "Details are in the log file: {path}").format(path=path)
