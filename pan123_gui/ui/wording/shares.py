"""Text of share links, QR codes and "copy with names" (translation context ``shares``).

Literal ``QCoreApplication.translate("shares", ...)`` calls so lupdate finds them; the Chinese lives in
``pan123_gui/resources/i18n/shares_zh_CN.ts`` (``python packaging/i18n.py update shares``). Functions, not constants,
so the text follows a language switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:  # not at start-up: core.shares loads the HTTP stack
    from pan123_gui.core.shares import ShareExpiry

CONTEXT = "shares"


#: The translation context "shares" as an object, for Qt's plural-aware ``tr(text, "", n)`` (``%n``): lupdate reads
#: the context from the name before ``.tr``, Qt from the class name. English singulars live in ``shares_en.ts``.
shares: QObject = type("shares", (QObject,), {})()


# --- the share dialog -----------------------------------------------------------------------------------------------


def share_title() -> str:
    return QCoreApplication.translate("shares", "Create share link")


def share_action() -> str:
    return QCoreApplication.translate("shares", "Create &share link…")


def share_intro(n: int) -> str:
    return shares.tr(
        "A share link works without VIP or a direct-link space: the person who opens it saves or downloads "
        "the files with their own 123pan account. %n files or folders.",
        "",
        n,
    )


def share_name() -> str:
    return QCoreApplication.translate("shares", "&Name:")


def share_name_hint(sent: str) -> str:
    return QCoreApplication.translate("shares", "Shared as: {name}").format(name=sent)


def share_parts_hint(parts: int) -> str:
    return QCoreApplication.translate(
        "shares", "More than 100 files: they become {parts} shares, numbered (1／{parts}), (2／{parts}) …"
    ).format(parts=parts)


def default_name(first: str, others: int, date: str) -> str:
    """The suggested share name: the first file's name, how many more, the date."""
    if others <= 0:
        return QCoreApplication.translate("shares", "{name} {date}").format(name=first, date=date)
    # %n counts the other files in every language ("及另外 %n 个"), never the files in all
    return shares.tr("{name} and %n more {date}", "", others).format(name=first, date=date)


def default_name_without_names(n: int, date: str) -> str:
    return shares.tr("%n files {date}", "", n).format(date=date)


def expiry_label() -> str:
    return QCoreApplication.translate("shares", "&Works for:")


def expiry(value: ShareExpiry) -> str:
    days = int(value)
    if days == 1:
        return QCoreApplication.translate("shares", "1 day")
    if days == 7:
        return QCoreApplication.translate("shares", "7 days")
    if days == 30:
        return QCoreApplication.translate("shares", "30 days")
    return QCoreApplication.translate("shares", "Permanently")


def code_switch() -> str:
    return QCoreApplication.translate("shares", "E&xtraction code:")


def code_tip() -> str:
    return QCoreApplication.translate(
        "shares", "The person opening the link types this code (letters and digits, not case-sensitive)."
    )


def code_new() -> str:
    return QCoreApplication.translate("shares", "New co&de")


def code_invalid() -> str:
    return QCoreApplication.translate("shares", "An extraction code is 1 to 16 letters or digits.")


def traffic_title() -> str:
    return QCoreApplication.translate("shares", "Who pays for the download traffic")


def traffic_guests() -> str:
    return QCoreApplication.translate("shares", "People who are not logged in may download on &my traffic")


def traffic_over_quota() -> str:
    return QCoreApplication.translate(
        "shares", "People whose own download quota is used up may download on m&y traffic"
    )


def traffic_tip() -> str:
    return QCoreApplication.translate(
        "shares", "Off: everyone downloads on their own 123pan quota, and your traffic is not used."
    )


def create() -> str:
    return QCoreApplication.translate("shares", "C&reate")


def creating() -> str:
    return QCoreApplication.translate("shares", "Creating the share link…")


def result_label() -> str:
    return QCoreApplication.translate("shares", "Ready to paste:")


def copy_text() -> str:
    return QCoreApplication.translate("shares", "&Copy text")


def copied() -> str:
    return QCoreApplication.translate("shares", "Copied.")


def show_qr() -> str:
    return QCoreApplication.translate("shares", "&QR code…")


def ready_text(url: str, code: str | None) -> str:
    """The line people paste into a chat."""
    if code:
        return QCoreApplication.translate("shares", "Link: {url} Code: {code}").format(url=url, code=code)
    return QCoreApplication.translate("shares", "Link: {url}").format(url=url)


def named_ready_text(name: str, url: str, code: str | None) -> str:
    """One line of several shares: the share's name first."""
    return QCoreApplication.translate("shares", "{name}: {text}").format(name=name, text=ready_text(url, code))


def share_failed(name: str, reason: str) -> str:
    return QCoreApplication.translate("shares", "{name}: not created — {reason}").format(name=name, reason=reason)


def some_failed(failed: int, total: int) -> str:
    return QCoreApplication.translate("shares", "{failed} of {total} shares could not be created.").format(
        failed=failed, total=total
    )


# --- QR code dialog -------------------------------------------------------------------------------------------------


def qr_title() -> str:
    return QCoreApplication.translate("shares", "QR code")


def qr_action() -> str:
    return QCoreApplication.translate("shares", "Show &QR code…")


def qr_hint() -> str:
    return QCoreApplication.translate("shares", "Scan it with a phone camera or the 123pan app to open the link.")


def qr_save() -> str:
    return QCoreApplication.translate("shares", "&Save as PNG…")


def qr_copy() -> str:
    return QCoreApplication.translate("shares", "Copy &image")


def qr_save_title() -> str:
    return QCoreApplication.translate("shares", "Save QR code")


def qr_png_filter() -> str:
    return QCoreApplication.translate("shares", "PNG image (*.png)")


def qr_saved(path: str) -> str:
    return QCoreApplication.translate("shares", "Saved to {path}").format(path=path)


def qr_save_failed(reason: str) -> str:
    return QCoreApplication.translate("shares", "Could not save the image: {reason}").format(reason=reason)


def qr_image_copied() -> str:
    return QCoreApplication.translate("shares", "Image copied.")


def qr_too_long() -> str:
    return QCoreApplication.translate("shares", "This link is too long for a QR code that phones can scan.")


# --- copy with names ------------------------------------------------------------------------------------------------


def copy_with_names() -> str:
    return QCoreApplication.translate("shares", "Copy with &names")


def copy_with_names_tip() -> str:
    return QCoreApplication.translate("shares", "Copy “name  link” lines, the way people paste them into chats")


# --- my shares ------------------------------------------------------------------------------------------------------


def my_shares_title() -> str:
    return QCoreApplication.translate("shares", "My shares")


def my_shares_action() -> str:
    return QCoreApplication.translate("shares", "&My shares…")


def column_name() -> str:
    return QCoreApplication.translate("shares", "Name")


def column_link() -> str:
    return QCoreApplication.translate("shares", "Link")


def column_code() -> str:
    return QCoreApplication.translate("shares", "Code")


def column_expires() -> str:
    return QCoreApplication.translate("shares", "Expires")


def column_downloads() -> str:
    return QCoreApplication.translate("shares", "Downloads")


def never() -> str:
    return QCoreApplication.translate("shares", "never")


def expired() -> str:
    return QCoreApplication.translate("shares", "expired")


def loading() -> str:
    return QCoreApplication.translate("shares", "Loading your shares…")


def loaded(n: int) -> str:
    return shares.tr("%n shares.", "", n)


def load_failed(reason: str) -> str:
    return QCoreApplication.translate("shares", "Could not load your shares: {reason}").format(reason=reason)


def refresh() -> str:
    return QCoreApplication.translate("shares", "&Refresh")


# --- the Share menu -------------------------------------------------------------------------------------------------


def menu_share() -> str:
    return QCoreApplication.translate("shares", "Share lin&ks")  # K: the window's other letters are taken


def share_selected_tip() -> str:
    return QCoreApplication.translate(
        "shares", "Make a share link (分享链接) for the chosen rows: no VIP or direct-link space needed (Ctrl+Shift+S)"
    )


def qr_selected_tip() -> str:
    return QCoreApplication.translate("shares", "Show the chosen row's link as a QR code for a phone")


def nothing_chosen() -> str:
    return QCoreApplication.translate("shares", "Choose rows in the list first.")


def no_link_chosen() -> str:
    return QCoreApplication.translate("shares", "The chosen row has no link yet.")


def copied_with_names(n: int) -> str:
    return shares.tr("%n links copied with their names.", "", n)


def share_ticked() -> str:
    return QCoreApplication.translate("shares", "Share ticked…")  # reached by Tab: every free letter is taken


def share_ticked_tip() -> str:
    return QCoreApplication.translate(
        "shares", "A share link for the ticked files and folders (folders are shared as they are)"
    )
