"""Copy, open and export helpers used by the main window (small functions, easy to test and to monkeypatch).

- Opening goes through :func:`pan123_gui.core.links.is_http_link` first: only http(s) links with a host ever
  reach ``QDesktopServices.openUrl`` (a ``file:`` or ``javascript:`` "link" from a bad answer is refused).
- Export writes with the core's ``write_export``; the filter the user picks in the save dialog decides the
  format (the matching suffix is added when the typed name has another one).
- Dialog calls (:func:`ask_save_path`, :func:`ask_open_paths`, :func:`confirm`) are module functions so tests
  replace them instead of driving native dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pan123_gui.core.links import is_http_link
from pan123_gui.core.models import LinkResult
from pan123_gui.ui.wording import window as w


def action_icon(name: str) -> QIcon:
    """An icon from the app shell's ``ui/icons.py`` (SVG tinted with the palette), or an empty icon."""
    try:
        from pan123_gui.ui.icons import icon
    except ImportError:  # pragma: no cover - the icons module ships with the app
        return QIcon()
    try:
        return icon(name)
    except KeyError:
        return QIcon()


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
    return copy_lines([link for link in links if link and is_http_link(link)])


def copy_ids(ids: Sequence[int]) -> int:
    return copy_lines([str(i) for i in ids])


# -- browser -----------------------------------------------------------------------------------------------------


def open_link(link: str | None) -> bool:
    """Open an http(s) link in the default browser. False (and nothing opened) for anything else."""
    if not link or not is_http_link(link):
        return False
    url = QUrl(link, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in ("http", "https"):
        return False
    return bool(QDesktopServices.openUrl(url))


# -- export ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportChoice:
    suffix: str  # as in core.export.EXPORT_FORMATS, e.g. ".csv"
    label: Callable[[], str]  # translated dialog filter, e.g. "CSV spreadsheet (*.csv)"

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


def export_results(path: Path, results: Sequence[LinkResult], choice: ExportChoice | None = None) -> None:
    """Write ``results`` with the core's exporter in the chosen format (else by suffix). Raises OSError."""
    from pan123_gui.core.export import write_export

    write_export(path, results, choice.suffix if choice is not None else None)


# -- dialogs (replaced in tests) -----------------------------------------------------------------------------------


def ask_save_path(parent: QWidget | None, title: str, start: str, filters: Sequence[str]) -> tuple[str, str]:
    """(path, chosen filter) from a save dialog; ('', '') when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, start, ";;".join(filters), filters[0] if filters else "")
    return path, chosen


def ask_open_paths(parent: QWidget | None, title: str, start: str, filters: str) -> list[str]:
    paths, _chosen = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return list(paths)


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok
