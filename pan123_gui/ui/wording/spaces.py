"""Text of direct-link spaces and the account at a glance (translation context ``spaces``).

Literal ``QCoreApplication.translate("spaces", ...)`` calls; the Chinese lives in
``pan123_gui/resources/i18n/shares_zh_CN.ts`` (``python packaging/i18n.py update shares``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from pan123_gui.ui.wording.errors import format_size

#: The translation context "spaces" as an object, for Qt's plural-aware ``tr(text, "", n)`` (``%n``): lupdate reads
#: the context from the name before ``.tr``, Qt from the class name. English singulars live in the part's ``_en.ts``.
spaces: QObject = type("spaces", (QObject,), {})()


# --- a row outside a space ------------------------------------------------------------------------------------------


def not_a_space(folder: str) -> str:
    return QCoreApplication.translate("spaces", "“{folder}” is not a direct-link space").format(folder=folder)


def not_a_space_text(folder: str) -> str:
    return QCoreApplication.translate(
        "spaces",
        "This file is in the folder “{folder}”, which is not a direct-link space. To get direct links for the files "
        "in it, right-click the row and choose Enable direct-link space for “{folder}” (VIP); or share the file "
        "with a share link instead.",
    ).format(folder=folder)


def at_drive_top() -> str:
    return QCoreApplication.translate("spaces", "at the top of the drive: move it into a folder")


def at_drive_top_text() -> str:
    return QCoreApplication.translate(
        "spaces",
        "This file lies directly at the top of the drive, and only folders there can be direct-link spaces. Move it "
        "into a folder in the 123pan app and switch that folder's direct-link space on, or share it with a share "
        "link instead.",
    )


def enable_action(folder: str) -> str:
    return QCoreApplication.translate("spaces", "Enable direct-link space for “{folder}”…").format(folder=folder)


# --- asking first ---------------------------------------------------------------------------------------------------


def enable_title() -> str:
    return QCoreApplication.translate("spaces", "Switch on a direct-link space")


def enable_question(folders: list[str]) -> str:
    if len(folders) == 1:
        return QCoreApplication.translate("spaces", "Switch on the direct-link space of the folder “{folder}”?").format(
            folder=folders[0]
        )
    return QCoreApplication.translate("spaces", "Switch on the direct-link spaces of these folders: {folders}?").format(
        folders="、".join(f"“{f}”" for f in folders)
    )


def enable_details(rows: int) -> str:
    return spaces.tr(
        "This changes your 123pan account. It needs a VIP membership, and every download through a direct link "
        "uses your direct-link traffic. Anyone with a link can download the files. %n rows are fetched again "
        "afterwards; you can switch the space off later.",
        "",
        rows,
    )


def enable_not_vip() -> str:
    return QCoreApplication.translate(
        "spaces", "Your account is not VIP right now, so 123pan will probably refuse. A share link needs no VIP."
    )


def enable_traffic(left: str) -> str:
    return QCoreApplication.translate("spaces", "Direct-link traffic left: {left}.").format(left=left)


def enable_button() -> str:
    return QCoreApplication.translate("spaces", "&Switch on")


def enabling() -> str:
    return QCoreApplication.translate("spaces", "Switching on the direct-link space…")


def enabled(folder: str) -> str:
    return QCoreApplication.translate(
        "spaces", "The direct-link space of “{folder}” is on. Fetching the links again…"
    ).format(folder=folder)


def enable_failed(folder: str, reason: str) -> str:
    return QCoreApplication.translate("spaces", "Could not switch on the space of “{folder}”: {reason}").format(
        folder=folder, reason=reason
    )


# --- the spaces the app knows ---------------------------------------------------------------------------------------


def spaces_title() -> str:
    return QCoreApplication.translate("spaces", "Direct-link spaces")


def spaces_action() -> str:
    return QCoreApplication.translate("spaces", "Direct-link s&paces…")


def spaces_intro() -> str:
    return QCoreApplication.translate(
        "spaces",
        "The folders whose direct-link space gave links in this app (123pan has no list of them). Links are the "
        "file's path: after renaming or moving files, refresh the link cache so the links follow.",
    )


def spaces_empty() -> str:
    return QCoreApplication.translate("spaces", "No direct-link space seen yet: get some links first.")


def space_row(name: str, links: int) -> str:
    return spaces.tr("{name} — %n links", "", links).format(name=name)


def disable_button() -> str:
    return QCoreApplication.translate("spaces", "&Disable…")


def disable_question(folder: str) -> str:
    return QCoreApplication.translate("spaces", "Switch off the direct-link space of “{folder}”?").format(folder=folder)


def disable_details() -> str:
    return QCoreApplication.translate(
        "spaces", "Every direct link to a file in this folder stops working, also links you have already given out."
    )


def disable_confirm() -> str:
    return QCoreApplication.translate("spaces", "Switch &off")


def disabled(folder: str) -> str:
    return QCoreApplication.translate("spaces", "The direct-link space of “{folder}” is off.").format(folder=folder)


def refresh_button() -> str:
    return QCoreApplication.translate("spaces", "&Refresh link cache")


def refresh_tip() -> str:
    return QCoreApplication.translate("spaces", "Needed after renaming or moving files, so their links follow.")


def refreshed() -> str:
    return QCoreApplication.translate("spaces", "The link cache was refreshed.")


def failed(reason: str) -> str:
    return QCoreApplication.translate("spaces", "Did not work: {reason}").format(reason=reason)


def working() -> str:
    return QCoreApplication.translate("spaces", "Working…")


# --- the account at a glance ----------------------------------------------------------------------------------------


def account_vip(label: str | None, traffic: int | None) -> str:
    kind = label or QCoreApplication.translate("spaces", "VIP")
    if traffic is None:
        return kind
    return QCoreApplication.translate("spaces", "{vip} · direct-link traffic left: {left}").format(
        vip=kind, left=format_size(traffic) if traffic > 0 else "0"
    )


def account_not_vip() -> str:
    return QCoreApplication.translate("spaces", "Not VIP: direct links need a VIP membership")


def account_tip() -> str:
    return QCoreApplication.translate(
        "spaces", "Your 123pan account (refreshed after each run). Downloads through direct links use this traffic."
    )


def account_unknown() -> str:
    return QCoreApplication.translate("spaces", "Account: not checked yet")


def row_reason(folder: str | None, at_top: bool) -> str | None:
    """The few words of a row outside a space that knows where it is (None when it does not)."""
    if folder is not None:
        return not_a_space(folder)
    if at_top:
        return at_drive_top()
    return None


def row_text(folder: str | None, at_top: bool) -> str | None:
    """The tooltip text of such a row: what it means and what to do."""
    if folder is not None:
        return not_a_space_text(folder)
    if at_top:
        return at_drive_top_text()
    return None
