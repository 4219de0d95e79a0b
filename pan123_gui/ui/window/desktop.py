"""The window's ways out to the desktop: the clipboard, the browser, file and question dialogs, export files.

Small functions, easy to test and to monkeypatch.

- Opening goes through :func:`pan123_gui.core.links.is_http_link` first: only http(s) links with a host ever
  reach ``QDesktopServices.openUrl`` (a ``file:`` or ``javascript:`` "link" from a bad answer is refused).
- Export writes with the core's ``write_export``; the filter the user picks in the save dialog decides the
  format (the matching suffix is added when the typed name has another one).
- Dialog calls (:func:`ask_save_path`, :func:`ask_open_paths`, :func:`confirm`) are module functions so tests
  replace them instead of driving native dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication

from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from pan123_gui.core.export import ExportSummary
    from pan123_gui.core.models import LinkResult

# Start-up (tests/benchmarks/bench_startup.py): the window imports this module before its first paint, which needs
# none of the dialogs or the core's helpers: they are imported where used (each PySide class builds its Python enums
# on first import: QMessageBox ~3 ms, QFileDialog and QUrl ~1 ms; core.export ~50 ms, core.links ~1.3 ms).


# -- clipboard -------------------------------------------------------------------------------------------------


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def copy_lines(lines: Sequence[str]) -> int:
    """Put ``lines`` on the clipboard, one per line (a trailing newline helps pasting into download managers)."""
    if not lines:
        return 0
    copy_text("\n".join(lines) + "\n")
    return len(lines)


def copy_links(links: Sequence[str | None]) -> int:
    """Copy the usable http(s) links among ``links``; returns how many were copied."""
    from pan123_gui.core.links import is_http_link

    return copy_lines([link for link in links if link and is_http_link(link)])


def copy_ids(ids: Sequence[int]) -> int:
    return copy_lines([str(i) for i in ids])


def clipboard_survives_quit() -> bool:
    """Whether text this app put on the clipboard is still there after it quits.

    On Windows and macOS the system keeps it. On Linux the clipboard belongs to the app that copied: it is gone when
    the app quits unless a clipboard manager takes it over (Qt hands it to one on exit). Under X11 that is the owner
    of the ``CLIPBOARD_MANAGER`` selection; under Wayland there is no way to ask, so the answer is no.
    """
    platform = QGuiApplication.platformName()
    if platform == "xcb":
        return _x11_clipboard_manager_running()
    return not platform.startswith("wayland")


def _x11_clipboard_manager_running() -> bool:
    """Ask the X server whether anyone owns CLIPBOARD_MANAGER (libX11 through ctypes; False when it cannot tell)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("X11") or "libX11.so.6"
    try:
        x11 = ctypes.CDLL(name)
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XInternAtom.restype = ctypes.c_ulong
        x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x11.XGetSelectionOwner.restype = ctypes.c_ulong
        x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        display = x11.XOpenDisplay(None)
        if not display:
            return False
        try:
            atom = x11.XInternAtom(display, b"CLIPBOARD_MANAGER", 1)  # only_if_exists: 0 when nobody ever made it
            return bool(atom) and bool(x11.XGetSelectionOwner(display, atom))
        finally:
            x11.XCloseDisplay(display)
    except (OSError, AttributeError):
        return False


# -- browser -----------------------------------------------------------------------------------------------------


def open_link(link: str | None) -> bool:
    """Open an http(s) link in the default browser. False (and nothing opened) for anything else."""
    from PySide6.QtCore import QUrl

    from pan123_gui.core.links import is_http_link

    if not link or not is_http_link(link):
        return False
    url = QUrl(link, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ("http", "https"):
        return False
    return bool(QDesktopServices.openUrl(url))


# -- export ------------------------------------------------------------------------------------------------------


class ExportChoice:
    """One export format: ``suffix`` as in core.export.EXPORT_FORMATS (".csv"), ``label`` its translated filter."""

    __slots__ = ("label", "suffix")

    def __init__(self, suffix: str, label: Callable[[], str]) -> None:
        self.suffix = suffix
        self.label = label  # e.g. "CSV spreadsheet (*.csv)", translated when called

    def __repr__(self) -> str:
        return f"ExportChoice({self.suffix!r})"

    def filter_text(self) -> str:
        return self.label()


def export_choices() -> list[ExportChoice]:
    """The formats the core writes (``EXPORT_FORMATS``), in dialog order: plain text first."""
    from pan123_gui.core.export import EXPORT_FORMATS

    labels: dict[str, Callable[[], str]] = {
        ".txt": w.filter_txt,
        ".csv": w.filter_csv,
        ".json": w.filter_json,
        ".aria2": w.filter_aria2,
    }
    return [ExportChoice(suffix, labels[suffix]) for suffix in labels if suffix in EXPORT_FORMATS]


def path_for_choice(path: Path, choice: ExportChoice) -> Path:
    """The path with the chosen format's suffix: 'links' → 'links.csv'; 'links.txt' with CSV → 'links.txt.csv'."""
    if path.name.lower().endswith(choice.suffix.lower()):
        return path
    return path.with_name(path.name + choice.suffix)


def export_results(path: Path, results: Sequence[LinkResult], choice: ExportChoice | None = None) -> ExportSummary:
    """Write ``results`` with the core's exporter in the chosen format (else by suffix), errors in the window's
    words; returns what was written. Raises OSError."""
    from pan123_gui.core.export import write_export
    from pan123_gui.ui.wording.errors import error_text

    def words(row: LinkResult) -> str:
        return error_text(row.error_kind, row.error_code, row.server_message)

    return write_export(path, results, choice.suffix if choice is not None else None, error_text=words)


# -- dialogs (replaced in tests) -----------------------------------------------------------------------------------


def ask_save_path(parent: QWidget | None, title: str, start: str, filters: Sequence[str]) -> tuple[str, str]:
    """(path, chosen filter) from a save dialog; ('', '') when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    path, chosen = QFileDialog.getSaveFileName(parent, title, start, ";;".join(filters), filters[0] if filters else "")
    return path, chosen


def ask_open_paths(parent: QWidget | None, title: str, start: str, filters: str) -> list[str]:
    from PySide6.QtWidgets import QFileDialog

    paths, _chosen = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return list(paths)


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


# -- quitting ------------------------------------------------------------------------------------------------------


class QuitChoice(Enum):
    COPY_AND_QUIT = "copy"
    EXPORT = "export"  # the list cannot be kept: export it (the window stays open)
    QUIT = "quit"
    CANCEL = "cancel"


def quit_box(parent: QWidget, text: str, info: str, *, offer_copy: bool, offer_export: bool = False) -> QMessageBox:
    """The "Quit anyway?" question (not shown yet; open it with ``open()``, read it with :func:`quit_choice`).

    Buttons: Export… (when ``offer_export``: the list cannot be kept), Copy all & quit (when ``offer_copy``), Quit,
    Cancel (the default, and what Esc does).
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, w.quit_title(), text, QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(info)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if offer_export:
        export = box.addButton(w.quit_export_button(), QMessageBox.ButtonRole.ActionRole)
        export.setObjectName(QuitChoice.EXPORT.value)
    if offer_copy:
        copy = box.addButton(w.quit_copy_button(), QMessageBox.ButtonRole.AcceptRole)
        copy.setObjectName(QuitChoice.COPY_AND_QUIT.value)
    quit_ = box.addButton(w.quit_button(), QMessageBox.ButtonRole.DestructiveRole)
    quit_.setObjectName(QuitChoice.QUIT.value)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName(QuitChoice.CANCEL.value)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def paste_first_box(parent: QWidget, copied: int) -> QMessageBox:
    """After "Copy all & quit" where the clipboard does not outlive the app (:func:`clipboard_survives_quit`): the
    links are on the clipboard, paste them first. Buttons: Quit (quit now) and Cancel (stay; the default).
    Not shown yet: open it with ``open()``, read it with :func:`quit_choice`."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Information,
        w.clipboard_title(),
        w.clipboard_lost_on_quit(copied),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    quit_ = box.addButton(w.quit_button(), QMessageBox.ButtonRole.AcceptRole)
    quit_.setObjectName(QuitChoice.QUIT.value)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName(QuitChoice.CANCEL.value)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def quit_choice(box: QMessageBox) -> QuitChoice:
    """What the user chose in a finished :func:`quit_box` (closing it any other way is Cancel)."""
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    return next((choice for choice in QuitChoice if choice.value == name), QuitChoice.CANCEL)
