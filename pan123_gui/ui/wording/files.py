"""Every user-facing text of the "Your files" panel (我的文件), translatable (context "files").

Literal ``QCoreApplication.translate("files", ...)`` calls so ``pyside6-lupdate`` finds them
(``python packaging/i18n.py update files``); called when shown, so a language switch picks up the new language.
Texts that count things have a singular and a plural source (``_n``); Chinese translates both the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

#: The translation context "files" as an object, for Qt's plural-aware ``tr(text, "", n)`` (``%n``): lupdate reads
#: the context from the name before ``.tr``, Qt from the class name. English singulars live in the part's ``_en.ts``.
files: QObject = type("files", (QObject,), {})()


def panel_title() -> str:
    return QCoreApplication.translate("files", "Your files")


def open_panel() -> str:
    return QCoreApplication.translate("files", "Your &files…")


def open_panel_tip() -> str:
    return QCoreApplication.translate(
        "files", "Browse and search your 123pan files and folders, tick them and get their links"
    )


def panel_name() -> str:
    return QCoreApplication.translate("files", "Your files on 123pan: folders and search")


def column_name() -> str:
    return QCoreApplication.translate("files", "Name")


def column_folder() -> str:
    return QCoreApplication.translate("files", "Folder")


def column_size() -> str:
    return QCoreApplication.translate("files", "Size")


def top_of_drive() -> str:
    return QCoreApplication.translate("files", "All files")


def tree_name() -> str:
    return QCoreApplication.translate("files", "Folders and files; Space ticks the current one")


def hits_name() -> str:
    return QCoreApplication.translate("files", "Search results; Space ticks the current one")


def search_placeholder() -> str:
    return QCoreApplication.translate("files", "Search your files by name…")


def search_name() -> str:
    return QCoreApplication.translate("files", "Search by name")


def search_button() -> str:
    return QCoreApplication.translate("files", "&Search")


def exact_box() -> str:
    return QCoreApplication.translate("files", "Whole name")


def exact_tip() -> str:
    return QCoreApplication.translate("files", "Find only files whose whole name is what you typed")


def recent_button() -> str:
    return QCoreApplication.translate("files", "&Recent folders")


def recent_tip() -> str:
    return QCoreApplication.translate("files", "The folders whose links you got last: tick one to get them again")


def recent_none() -> str:
    return QCoreApplication.translate("files", "No recent folders yet: they appear here once you got their links")


def recent_shown() -> str:
    return QCoreApplication.translate("files", "Recent folders: tick one and get its links again")


def back_to_folders() -> str:
    return QCoreApplication.translate("files", "Back to folders")


def get_links() -> str:
    return QCoreApplication.translate("files", "Get links of &ticked")


def get_links_tip() -> str:
    return QCoreApplication.translate(
        "files", "Get the links of the ticked files and of everything inside the ticked folders"
    )


def loading() -> str:
    return QCoreApplication.translate("files", "Loading…")


def load_failed(reason: str) -> str:
    return QCoreApplication.translate("files", "Could not load this folder: {reason}").format(reason=reason)


def searching(text: str) -> str:
    return QCoreApplication.translate("files", "Searching for “{text}”…").format(text=text)


def search_hits(n: int, text: str) -> str:
    return files.tr("%n files and folders match “{text}”", "", n).format(text=text)


def no_hits(text: str) -> str:
    return QCoreApplication.translate("files", "Nothing on your drive matches “{text}”").format(text=text)


def search_failed(reason: str) -> str:
    return QCoreApplication.translate("files", "The search did not work: {reason}").format(reason=reason)


def nothing_ticked() -> str:
    return QCoreApplication.translate("files", "Tick files or folders first (Space ticks the current one)")


def collecting(folders: int, found: int) -> str:
    files_text = files.tr("%n files found", "", found)
    folders_text = files.tr("%n folders read", "", folders)
    return f"{files_text} · {folders_text}"


def collect_failed(reason: str) -> str:
    return QCoreApplication.translate("files", "Could not read the folders: {reason}").format(reason=reason)


def no_files_inside() -> str:
    return QCoreApplication.translate("files", "There are no files in what you ticked")


def added(n: int) -> str:
    return files.tr("%n files added to the list", "", n)


def cancel() -> str:
    return QCoreApplication.translate("files", "Cancel")


def many_title() -> str:
    return QCoreApplication.translate("files", "Get many links?")


def many_question(n: int, minutes: int) -> str:
    files_text = files.tr("%n files", "", n)
    duration = files.tr("about %n minutes", "", minutes)
    return QCoreApplication.translate(
        "files",
        "You ticked {files}. Getting their links takes {duration} at the current speed, and each link that is "
        "used spends direct-link traffic. Get them all?",
    ).format(files=files_text, duration=duration)


def many_yes() -> str:
    return QCoreApplication.translate("files", "Get all links")


def folder_row(name: str) -> str:
    return QCoreApplication.translate("files", "Folder {name}").format(name=name)


def file_row(name: str, size: str) -> str:
    return QCoreApplication.translate("files", "File {name}, {size}").format(name=name, size=size)


def blocked() -> str:
    return QCoreApplication.translate("files", "Blocked by 123pan's content review: it will get no link")
