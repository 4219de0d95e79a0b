"""Export: the save dialog (format by the chosen filter, else by the typed suffix), the file, the remembered folder.

The exported links count as taken (quitting does not warn about them). A write that fails says why, in the status
bar and in a message box, and the list stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.parts import WindowParts
from pan123_gui.ui.wording import window as w

EXPORT_DIR_KEY = "window/export_dir"


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class Exporting:
    def __init__(self, parts: WindowParts) -> None:
        self._parts = parts

    def export(self) -> None:
        parts = self._parts
        results = parts.model.results()
        if not results:
            parts.status(w.nothing_to_export())
            return
        choices = desktop.export_choices()
        filters = [c.filter_text() for c in choices]
        qsettings = parts.services.settings.qsettings
        folder = qsettings.value(EXPORT_DIR_KEY)
        if not isinstance(folder, str) or not Path(folder).is_dir():
            folder = documents_folder()
        from datetime import datetime  # ~2.5 ms

        name = f"123pan-links-{datetime.now():%Y%m%d-%H%M}{choices[0].suffix}"
        path, chosen = desktop.ask_save_path(parts.widget, w.export_title(), str(Path(folder) / name), filters)
        if not path:
            return
        choice = next((c for c, f in zip(choices, filters, strict=True) if f == chosen), None)
        if choice is None:  # no filter reported: go by the typed suffix, else plain text
            choice = next((c for c in choices if path.lower().endswith(c.suffix.lower())), choices[0])
        target = desktop.path_for_choice(Path(path), choice)
        try:
            summary = desktop.export_results(target, results, choice)
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox  # ~3 ms

            reason = exc.strerror or type(exc).__name__
            parts.status(w.export_failed(reason))
            QMessageBox.warning(parts.widget, w.export_title(), w.export_failed(reason))
            return
        parts.kept.handed_out(r.url for r in results)
        qsettings.setValue(EXPORT_DIR_KEY, str(target.parent))
        parts.status(w.exported(summary, target.name))
