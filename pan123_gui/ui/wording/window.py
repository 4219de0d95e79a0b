"""Every user-facing text of the main window, translatable (context "window").

Each text is a literal ``QCoreApplication.translate("window", ...)`` call so ``pyside6-lupdate`` finds it
(``python packaging/i18n.py update window``). Functions are called when the text is shown, so a language
switch followed by ``MainWindow.retranslate()`` picks up the new language.

Texts that count things use Qt's plural handling: ``window.tr(text, "", n)`` with ``%n`` in the text. The source
string is the English plural; the English singular comes from ``window_en.ts`` (plural forms only, written by
``packaging/i18n.py``), the Chinese from ``window_zh_CN.ts``.
Error wording for rows and whole jobs lives in ``ui/wording/errors.py`` (``error_text``), not here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:
    from pan123_gui.core.export import ExportSummary

_MNEMONIC_SUFFIX = re.compile(r"\s*\(&\w\)")


def plain(text: str) -> str:
    """A label without its mnemonic, for buttons that cannot use one and for screen readers:
    '&Copy' → 'Copy', '复制(&C)' → '复制', 'A && B' → 'A & B'."""
    return _MNEMONIC_SUFFIX.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


#: The translation context "window" as an object, for Qt's plural-aware ``tr(text, "", n)``: lupdate reads the
#: context from the name before ``.tr``, Qt from the class name, so both are "window".
window: QObject = type("window", (QObject,), {})()


# --- window, menus, toolbar -------------------------------------------------------------------------


def app_title() -> str:
    return QCoreApplication.translate("window", "123pan Direct Links")


def demo_suffix() -> str:
    return QCoreApplication.translate("window", "Demo")


def window_title(demo: bool) -> str:
    title = app_title()
    return f"{title} — {demo_suffix()}" if demo else title


def menu_file() -> str:
    return QCoreApplication.translate("window", "&File")


def menu_edit() -> str:
    return QCoreApplication.translate("window", "&Edit")


def menu_settings() -> str:
    return QCoreApplication.translate("window", "&Settings")


def menu_help() -> str:
    return QCoreApplication.translate("window", "&Help")


def action_open_files() -> str:
    return QCoreApplication.translate("window", "&Add IDs from files…")


def action_quit() -> str:
    return QCoreApplication.translate("window", "&Quit")


def action_credentials() -> str:
    return QCoreApplication.translate("window", "&Credentials…")


def action_credentials_tip() -> str:
    return QCoreApplication.translate("window", "Enter or change your 123pan client ID, secret, token and sign key")


def action_settings() -> str:
    return QCoreApplication.translate("window", "&Settings…")


def action_settings_tip() -> str:
    return QCoreApplication.translate("window", "Speed limit, link signing details and other options")


def menu_language() -> str:
    return QCoreApplication.translate("window", "&Language")


def language_system() -> str:
    return QCoreApplication.translate("window", "System default")


def language_changed(name: str) -> str:
    return QCoreApplication.translate("window", "Language: %1").replace("%1", name)


def action_help() -> str:
    return QCoreApplication.translate("window", "&How to use")


def action_about() -> str:
    return QCoreApplication.translate("window", "&About")


def toolbar_name() -> str:
    return QCoreApplication.translate("window", "Main toolbar")


def help_title() -> str:
    return QCoreApplication.translate("window", "How to use")


def help_text() -> str:
    return QCoreApplication.translate(
        "window",
        "<h3>Get direct links in three steps</h3>"
        "<ol>"
        "<li><b>Paste</b> file IDs into the big box at the top, or <b>drop</b> .txt, .csv or .json files onto "
        "the window. Any text works: one ID per line, separated by commas, a CSV or JSON export, or links that "
        "contain <code>fileID=…</code>. The line under the box shows how many IDs were found.</li>"
        "<li>Click <b>Get links</b> or press <b>Ctrl+Enter</b>. Rows fill in as links arrive; "
        "<b>Cancel</b> stops and keeps what is done.</li>"
        "<li><b>Copy all links</b> (Ctrl+Shift+C), or <b>Export…</b> them to a text, CSV, JSON or aria2 file. "
        "Double-click a row to copy its link; right-click a row to open it in the browser.</li>"
        "</ol>"
        "<p>A row that failed says why in plain words; <b>Retry failed</b> tries those again.</p>"
        "<p><b>Before you start:</b> direct links only work for files inside a folder where the 123pan "
        "direct-link space is turned on (a VIP feature, set up in the 123pan app or website). "
        "Your client ID and secret come from the 123pan open platform; enter them under "
        "<b>Settings → Credentials…</b>. They are kept in your system's keyring.</p>"
        "<p><b>Signed links</b> stop working after the time you choose. Turn on <b>Sign links</b> only if "
        "authentication is enabled for your direct-link space; you need its sign key.</p>",
    )


def about_title() -> str:
    return QCoreApplication.translate("window", "About")


def about_text(version: str) -> str:
    return QCoreApplication.translate(
        "window",
        "<h3>123pan Direct Links %1</h3>"
        "<p>Turns 123pan (123云盘) file IDs into direct links using the official open platform API.</p>"
        "<p>Your secrets stay in your system's keyring and never appear in logs.</p>",
    ).replace("%1", version)


# --- input panel --------------------------------------------------------------------------------------


def input_label() -> str:
    return QCoreApplication.translate("window", "File &IDs — paste any text, or drop .txt / .csv / .json files:")


def input_accessible() -> str:
    return QCoreApplication.translate("window", "File IDs")


def input_placeholder() -> str:
    return QCoreApplication.translate(
        "window",
        "Paste 123pan file IDs here — any text works:\n"
        "• one ID per line, or separated by commas or spaces\n"
        "• a CSV or JSON export, or links that contain fileID=…\n"
        "You can also drop .txt, .csv or .json files onto this window.\n"
        "Then press Ctrl+Enter (or click Get links).",
    )


def preview_empty() -> str:
    return QCoreApplication.translate(
        "window", "Nothing pasted yet. The IDs found will be counted here before anything is sent."
    )


def preview_none_found() -> str:
    return QCoreApplication.translate(
        "window", "No file IDs found in this text yet (an ID is a number such as 12345678)."
    )


def preview_counting() -> str:
    return QCoreApplication.translate("window", "Counting IDs…")


def preview_ids(n: int) -> str:
    return window.tr("%n IDs", "", n)


def preview_duplicates(n: int) -> str:
    return window.tr("%n duplicates", "", n)


def preview_in_list(n: int) -> str:
    return window.tr("%n already in the list", "", n)


def preview_ready() -> str:
    return QCoreApplication.translate("window", "press Ctrl+Enter to get links")


def preview_needs_sign_key() -> str:
    return QCoreApplication.translate(
        "window", "add the sign key under Credentials (or turn signing off) before pressing Ctrl+Enter"
    )


def preview_accessible() -> str:
    return QCoreApplication.translate("window", "IDs found")


def preview_all_in_list() -> str:
    return QCoreApplication.translate("window", "all already in the list")


def preview_folders(n: int) -> str:
    return window.tr("%n folder addresses", "", n)


def preview_line(
    found: int, duplicates: int, in_list: int, next_step: str | None = None, *, folders: int = 0
) -> str:
    """'37 IDs · 3 duplicates · 5 already in the list — press Ctrl+Enter to get links' (``next_step`` replaces the
    last part when something must happen first); ``folders``: the 123pan folder addresses in the text, counted too
    (a text with only a folder address is not "no IDs found")."""
    if found == 0 and folders == 0:
        return preview_none_found()
    parts = [preview_ids(found)] if found else []
    if folders:
        parts.append(preview_folders(folders))
    if duplicates:
        parts.append(preview_duplicates(duplicates))
    if found and in_list >= found and not folders:
        parts.append(preview_all_in_list())
        return " · ".join(parts)
    if in_list:
        parts.append(preview_in_list(in_list))
    return " · ".join(parts) + " — " + (next_step if next_step is not None else preview_ready())


# --- dropped / opened files ---------------------------------------------------------------------------


def open_files_title() -> str:
    return QCoreApplication.translate("window", "Add IDs from files")


def open_files_filter() -> str:
    return QCoreApplication.translate("window", "Text files (*.txt *.csv *.json);;All files (*)")


def reading_files() -> str:
    return QCoreApplication.translate("window", "Reading dropped files…")


def added_ids(n: int) -> str:
    return window.tr("Added %n IDs to the box", "", n)


def no_ids_in_drop() -> str:
    return QCoreApplication.translate("window", "No file IDs found in what was dropped.")


def file_problems_intro() -> str:
    return QCoreApplication.translate("window", "These files were skipped; everything else was added:")


def file_is_folder(name: str) -> str:
    return QCoreApplication.translate("window", "%1: this is a folder — drop the files inside it").replace("%1", name)


def file_missing(name: str) -> str:
    return QCoreApplication.translate("window", "%1: the file no longer exists").replace("%1", name)


def file_unreadable(name: str, reason: str) -> str:
    return QCoreApplication.translate("window", "%1: cannot open it (%2)").replace("%1", name).replace("%2", reason)


def file_too_big(name: str, size: str, limit: str) -> str:
    return (
        QCoreApplication.translate("window", "%1: too big (%2; files up to %3 are read)")
        .replace("%1", name)
        .replace("%2", size)
        .replace("%3", limit)
    )


def file_binary(name: str) -> str:
    return QCoreApplication.translate("window", "%1: not a text file (drop .txt, .csv or .json)").replace("%1", name)


def file_encoding(name: str) -> str:
    return QCoreApplication.translate(
        "window", "%1: unknown text encoding (tried UTF-8 and GB18030) — save it as UTF-8 and try again"
    ).replace("%1", name)


def file_no_ids(name: str) -> str:
    return QCoreApplication.translate("window", "%1: no file IDs in it").replace("%1", name)


# --- resolve bar ------------------------------------------------------------------------------------


def resolve_button() -> str:
    return QCoreApplication.translate("window", "&Get links")


def resolve_tip() -> str:
    return QCoreApplication.translate("window", "Get direct links for the IDs in the box (Ctrl+Enter)")


def cancel_button() -> str:
    return QCoreApplication.translate("window", "Cancel")


def cancel_tip() -> str:
    return QCoreApplication.translate("window", "Stop now; finished rows are kept (Esc)")


def cancelling() -> str:
    return QCoreApplication.translate("window", "Cancelling…")


def progress_accessible() -> str:
    return QCoreApplication.translate("window", "Progress")


def progress_text(done: int, total: int, failed: int, cancelled: int = 0) -> str:
    """'12 / 40 · 2 failed', after Cancel '15 / 100 · 4 failed · 85 cancelled'."""
    text = f"{done} / {total}"
    if failed:
        text += " · " + window.tr("%n failed", "", failed)
    if cancelled:
        text += " · " + window.tr("%n cancelled", "", cancelled)
    return text


def sign_checkbox() -> str:
    return QCoreApplication.translate("window", "Sig&n links")


def sign_tip() -> str:
    return QCoreApplication.translate(
        "window",
        "Add a time-limited signature (auth_key) to each link. Only needed when URL authentication is turned "
        "on for your direct-link space; needs the sign key.",
    )


def valid_label() -> str:
    return QCoreApplication.translate("window", "&valid for")


def valid_accessible() -> str:
    return QCoreApplication.translate("window", "Signed links stay valid for")


def minutes(n: int) -> str:
    return window.tr("%n minutes", "", n)


def hours(n: int) -> str:
    return window.tr("%n hours", "", n)


def days(n: int) -> str:
    return window.tr("%n days", "", n)


def duration(total_minutes: int) -> str:
    """'15 minutes', '6 hours', '24 hours', '3 days'."""
    if total_minutes % (24 * 60) == 0 and total_minutes > 24 * 60:
        return days(total_minutes // (24 * 60))
    if total_minutes % 60 == 0:
        return hours(total_minutes // 60)
    return minutes(total_minutes)


# --- results ------------------------------------------------------------------------------------------


def results_label() -> str:
    return QCoreApplication.translate("window", "&Results")


def results_accessible() -> str:
    return QCoreApplication.translate("window", "Results: one row per file ID")


def results_empty() -> str:
    return QCoreApplication.translate(
        "window", "Links will appear here.\nPaste IDs above, then click Get links or press Ctrl+Enter."
    )


def results_tip() -> str:
    return QCoreApplication.translate(
        "window", "Double-click a row to copy its link. Right-click for more (open in browser, copy ID…)."
    )


def copy_selected_links() -> str:
    return QCoreApplication.translate("window", "&Copy selected links")


def open_in_browser() -> str:
    return QCoreApplication.translate("window", "&Open in browser")


def copy_file_id() -> str:
    return QCoreApplication.translate("window", "Copy file &ID")


def fetch_again() -> str:
    return QCoreApplication.translate("window", "&Get link again")


def files_inside() -> str:
    return QCoreApplication.translate("window", "Get links of the &files inside")


def folder_rows_added(n: int) -> str:
    return window.tr(
        "%n folders in the text: right-click a folder's row and choose “Get links of the files inside”", "", n
    )


def select_all() -> str:
    return QCoreApplication.translate("window", "Select &all rows")


def remove_rows() -> str:
    return QCoreApplication.translate("window", "&Remove from list")


def remove_rows_tip() -> str:
    return QCoreApplication.translate("window", "Remove the selected rows from the list (Delete)")


def row_copy_tip() -> str:
    return QCoreApplication.translate("window", "Copy link")


def row_open_tip() -> str:
    return QCoreApplication.translate("window", "Open in browser")


# --- bulk actions -------------------------------------------------------------------------------------


def copy_all_button() -> str:
    return QCoreApplication.translate("window", "Copy &all links")


def copy_all_tip() -> str:
    return QCoreApplication.translate("window", "Copy every working link, one per line, in input order (Ctrl+Shift+C)")


def copy_failed_button() -> str:
    return QCoreApplication.translate("window", "Copy faile&d IDs")


def copy_failed_tip() -> str:
    return QCoreApplication.translate("window", "Copy the IDs of rows that failed or were cancelled, one per line")


def retry_button() -> str:
    return QCoreApplication.translate("window", "Re&try failed")


def retry_tip() -> str:
    return QCoreApplication.translate("window", "Try the failed and cancelled rows again (no new rows are added)")


def resign_button() -> str:
    return QCoreApplication.translate("window", "Re-sign e&xpired")


def resign_tip() -> str:
    return QCoreApplication.translate("window", "Give expired signed links a new signature (needs the sign key)")


def export_button() -> str:
    return QCoreApplication.translate("window", "Ex&port…")


def export_tip() -> str:
    return QCoreApplication.translate("window", "Save the list as a text, CSV, JSON or aria2 file (Ctrl+S)")


def clear_button() -> str:
    return QCoreApplication.translate("window", "C&lear")


def clear_tip() -> str:
    return QCoreApplication.translate("window", "Empty the list and the input box")


def actions_accessible() -> str:
    return QCoreApplication.translate("window", "List actions")


def export_title() -> str:
    return QCoreApplication.translate("window", "Export links")


def filter_txt() -> str:
    return QCoreApplication.translate("window", "Text, one link per line (*.txt)")


def filter_csv() -> str:
    return QCoreApplication.translate("window", "CSV spreadsheet (*.csv)")


def filter_json() -> str:
    return QCoreApplication.translate("window", "JSON (*.json)")


def filter_aria2() -> str:
    return QCoreApplication.translate("window", "aria2 input file (*.aria2)")


def clear_confirm_title() -> str:
    return QCoreApplication.translate("window", "Clear the list?")


def clear_confirm_text(n: int) -> str:
    return window.tr("Remove all %n rows and empty the input box?", "", n)


def clear_confirm_button() -> str:
    return QCoreApplication.translate("window", "C&lear")


# --- status bar messages ------------------------------------------------------------------------------


def copied_links(n: int) -> str:
    return window.tr("Copied %n links", "", n)


def copied_links_skipped(n: int, skipped: int) -> str:
    no_link = window.tr("%n selected rows have no link", "", skipped)
    return copied_links(n) + " · " + no_link


def no_links_yet() -> str:
    return QCoreApplication.translate("window", "No working links to copy yet")


def no_link_in_selection() -> str:
    return QCoreApplication.translate("window", "The selected rows have no link yet")


def copied_failed(n: int) -> str:
    return window.tr("Copied %n failed IDs", "", n)


def copied_ids(n: int) -> str:
    return window.tr("Copied %n file IDs", "", n)


def no_failed() -> str:
    return QCoreApplication.translate("window", "No failed rows")


def opened_link() -> str:
    return QCoreApplication.translate("window", "Opened the link in your browser")


def refused_link() -> str:
    return QCoreApplication.translate("window", "Not opened: this is not a web (http/https) link")


def open_failed() -> str:
    return QCoreApplication.translate("window", "Could not start a browser — the link was copied instead")


def exported(summary: ExportSummary, name: str) -> str:
    """What an export wrote: "Exported 5 rows to x.csv", or for links only "2 links exported to x.txt, 3 rows
    without a link left out"."""
    n = summary.written
    if summary.fmt not in (".txt", ".aria2"):
        return window.tr("Exported %n rows to %1", "", n).replace("%1", name)
    links = window.tr("%n links exported to %1", "", n).replace("%1", name)
    if not summary.left_out:
        return links
    left_out = window.tr("%n rows without a link left out", "", summary.left_out)
    return QCoreApplication.translate("window", "%1, %2").replace("%1", links).replace("%2", left_out)


def export_failed(reason: str) -> str:
    return QCoreApplication.translate("window", "Could not save the file: %1").replace("%1", reason)


def nothing_to_export() -> str:
    return QCoreApplication.translate("window", "The list is empty — nothing to export")


def cleared(n: int) -> str:
    return window.tr("Cleared %n rows", "", n)


def removed_rows(n: int) -> str:
    return window.tr("Removed %n rows from the list", "", n)


def no_rows_selected() -> str:
    return QCoreApplication.translate("window", "Select the rows to remove first")


def restored_rows(n: int) -> str:
    return window.tr("Restored %n rows from last time", "", n)


def restored_text() -> str:
    return QCoreApplication.translate("window", "Restored the input box from last time")


def nothing_to_resolve_empty() -> str:
    return QCoreApplication.translate("window", "Paste or drop some file IDs first")


def nothing_new(n: int) -> str:
    return window.tr("All %n IDs are already in the list — use Retry failed or right-click → Get link again", "", n)


def busy() -> str:
    return QCoreApplication.translate("window", "Still working — wait for it to finish or click Cancel")


def started(n: int) -> str:
    return window.tr("Getting %n links…", "", n)


def resigning(n: int) -> str:
    return window.tr("Re-signing %n links…", "", n)


def finished_summary(ok: int, failed: int) -> str:
    text = window.tr("Done: %n links", "", ok)
    if failed:
        text += " · " + window.tr("%n failed", "", failed)
    return text


def cancelled_summary(kept: int, cancelled: int) -> str:
    kept_text = window.tr("%n finished rows kept", "", kept)
    not_done = window.tr("%n not done", "", cancelled)
    return QCoreApplication.translate("window", "Cancelled") + " · " + kept_text + " · " + not_done


def no_expired() -> str:
    return QCoreApplication.translate("window", "No expired links")


def retrying(n: int) -> str:
    return window.tr("Trying %n rows again…", "", n)


def retry_skipped(n: int) -> str:
    return window.tr("%n rows skipped: trying again cannot change them (no such file, or a folder)", "", n)


def retry_nothing_can_change(n: int) -> str:
    return window.tr(
        "Nothing retried: the %n failed rows cannot change by trying again (no such file, or a folder)", "", n
    )


def retry_summary(ok: int, failed: int, skipped: int) -> str:
    """'Retry done: 3 now with a link · 2 still failed · 1 row skipped: …'."""
    text = window.tr("Retry done: %n now with a link", "", ok)
    if failed:
        text += " · " + window.tr("%n still failed", "", failed)
    if skipped:
        text += " · " + retry_skipped(skipped)
    return text


def signing_rows(n: int) -> str:
    return window.tr("Signing the %n links in the list…", "", n)


def signed_rows(ok: int, failed: int) -> str:
    text = window.tr("Signed %n links in the list", "", ok)
    if failed:
        text += " · " + window.tr("%n could not be signed", "", failed)
    return text


def unsigned_rows(n: int) -> str:
    return window.tr("Signing off: %n links in the list are plain links again", "", n)


def signing_after_run() -> str:
    return QCoreApplication.translate("window", "The links in the list get this signing choice when the run ends")


def not_started_no_sign_key() -> str:
    return QCoreApplication.translate(
        "window", "Not started: “Sign links” is on but no sign key is saved (see the note at the top)"
    )


def copied_unsigned(n: int) -> str:
    return window.tr("Copied %n links, NOT signed: no sign key is saved (see the note at the top)", "", n)


def all_links_expired(n: int) -> str:
    return window.tr("Nothing copied: all %n links in the list have expired", "", n)


def demo_status() -> str:
    return QCoreApplication.translate("window", "Demo mode: a local stand-in for 123pan with sample files")


# --- banners ------------------------------------------------------------------------------------------


def banner_accessible() -> str:
    return QCoreApplication.translate("window", "Notice")


def banner_close() -> str:
    return QCoreApplication.translate("window", "Hide this notice")


def no_credentials() -> str:
    return QCoreApplication.translate(
        "window",
        "No 123pan credentials yet. Enter your client ID and client secret (from the 123pan open platform) "
        "to get links.",
    )


def no_sign_key() -> str:
    return QCoreApplication.translate(
        "window",
        "“Sign links” is on, but no sign key is saved. Enter the sign key of your direct-link space under "
        "Credentials, or turn signing off.",
    )


def sign_key_blocked() -> str:
    return QCoreApplication.translate(
        "window",
        "The links were not fetched: “Sign links” is on, but no sign key is saved. Enter the sign key of your "
        "direct-link space under Credentials, or turn signing off, then press Ctrl+Enter again.",
    )


def links_expired_notice() -> str:
    return QCoreApplication.translate(
        "window",
        "Every link in the list has expired (signed links stop working after their validity). Re-sign them to get "
        "fresh links, then copy again.",
    )


def clipboard_lost_on_quit(n: int) -> str:
    return window.tr(
        "%n links are on the clipboard. On this computer the clipboard is emptied when the app quits (no clipboard "
        "manager is running): paste them where you need them first, then press Quit.",
        "",
        n,
    )


def clipboard_title() -> str:
    return QCoreApplication.translate("window", "Paste before quitting")


def enter_sign_key() -> str:
    return QCoreApplication.translate("window", "Enter &sign key…")


def turn_signing_off() -> str:
    return QCoreApplication.translate("window", "Turn signing &off")


def open_credentials() -> str:
    return QCoreApplication.translate("window", "Open &Credentials…")


def unexpected_problem() -> str:
    return QCoreApplication.translate("window", "Something unexpected went wrong; the rows show what is known.")


# --- quitting -----------------------------------------------------------------------------------------


def quit_title() -> str:
    return QCoreApplication.translate("window", "Quit?")


def quit_not_copied(n: int) -> str:
    return window.tr("%n links have not been copied or exported. Quit anyway?", "", n)


def quit_running(done: int, total: int) -> str:
    return (
        QCoreApplication.translate("window", "Links are still being fetched (%1 of %2 done). Quit anyway?")
        .replace("%1", str(done))
        .replace("%2", str(total))
    )


def quit_list_kept() -> str:
    return QCoreApplication.translate("window", "The list is kept and comes back the next time you start the app.")


def quit_list_not_kept() -> str:
    return QCoreApplication.translate(
        "window", "The list cannot be kept this time (it could not be saved). Export it first to keep the links."
    )


def waiting_for_keyring() -> str:
    return QCoreApplication.translate("window", "Waiting for the system keyring…")


def brought_forward() -> str:
    return QCoreApplication.translate(
        "window", "The app was already open, so this window came forward (one list, one window)"
    )


def quit_list_unsaved() -> str:
    return QCoreApplication.translate(
        "window", "The list could not be saved, so it is gone once the app closes. Quit anyway?"
    )


def quit_export_button() -> str:
    return QCoreApplication.translate("window", "&Export…")


def kept_list_set_aside(name: str) -> str:
    return QCoreApplication.translate(
        "window",
        "The list kept from last time could not be read. It was moved aside as “%1” (nothing was deleted), and "
        "the window starts with an empty list.",
    ).replace("%1", name)


def kept_list_left_alone() -> str:
    return QCoreApplication.translate(
        "window",
        "The list kept from last time could not be read, and it could not be moved aside either. It is left as it "
        "is, so this time the list is not saved: export the links you want to keep.",
    )


def kept_list_not_saved(reason: str) -> str:
    return QCoreApplication.translate(
        "window", "The list could not be saved (%1). Export the links you want to keep before quitting."
    ).replace("%1", reason)


def quit_copy_button() -> str:
    return QCoreApplication.translate("window", "&Copy all && quit")


def quit_button() -> str:
    return QCoreApplication.translate("window", "&Quit")
