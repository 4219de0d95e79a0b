"""The paste box, drop handling and the live "37 IDs · 3 duplicates" line under it.

- Typing or pasting text edits the box as usual; the preview is recounted 150 ms after the last change (large
  texts are counted on the pool so typing never stalls).
- Dropping text or files anywhere on the window (the window forwards drops here), or pasting copied files,
  reads them on the pool and *appends* the IDs found, one per line; unreadable files are reported by the
  ``problems`` signal and nothing else is lost. Appending goes through the undo stack (Ctrl+Z works).
- A paste that would make the box longer than :data:`MAX_BOX_CHARS` never enters it: the IDs in it are found on the
  pool and appended, one a line, and ``paste_too_big`` tells the window (which says so and offers "Add IDs from
  files"). Megabytes of text would block the window while it lays them out, and would fill the kept list.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from pan123_gui.core.ids import IdScan
    from pan123_gui.core.text_files import FileIssue

# Start-up: file reading, the pool worker and QTextCursor are imported on first use (after the first paint).

#: Texts longer than this are counted on the pool instead of in the GUI thread.
SYNC_SCAN_CHARS = 20_000
#: The box holds at most this many characters (about 100,000 IDs one a line); a bigger paste gives its IDs instead.
MAX_BOX_CHARS = 1_000_000
PREVIEW_DELAY_MS = 150


def mime_payload(mime: QMimeData) -> tuple[list[Path], list[str]]:
    """(local files, texts) in a drop. With files present their text/plain part (often just the paths) is ignored;
    web URLs (e.g. a link containing fileID=) count as text."""
    urls = mime.urls() if mime.hasUrls() else []
    files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile()]
    remote = [u.toString() for u in urls if not u.isLocalFile()]
    if files:
        return files, remote
    if mime.hasText() and mime.text().strip():
        return [], [mime.text()]
    return [], remote


def accepts_mime(mime: QMimeData) -> bool:
    return mime.hasUrls() or mime.hasText()


def accept_id_drag(event: QDragEnterEvent | QDragMoveEvent) -> None:
    """Take a drag that carries text or files (the IDs come out at the drop); refuse anything else."""
    if accepts_mime(event.mimeData()):
        event.acceptProposedAction()
    else:
        event.ignore()


class _Task(QObject):
    """Runs one function on the pool and re-emits its outcome in the GUI thread, then deletes itself."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, fn: Callable[..., Any], *args: Any, parent: QObject | None = None) -> None:
        from pan123_gui.workers.base import Worker

        super().__init__(parent)
        self._worker = Worker(fn, *args)
        self._worker.signals.result.connect(self._on_result)
        self._worker.signals.error.connect(self._on_error)
        self._worker.signals.finished.connect(self._on_finished)

    def start(self, pool: QThreadPool) -> None:
        self._worker.start(pool)

    def _on_result(self, value: object) -> None:
        self.done.emit(value)

    def _on_error(self, exc: object) -> None:
        self.error.emit(exc)

    def _on_finished(self) -> None:
        self.deleteLater()


class IdEdit(QPlainTextEdit):
    """The paste box. Drops are not inserted at the mouse position: they go to ``mime_dropped`` (IDs get
    appended). Pasting copied *files* does the same; pasting text is ordinary editing."""

    mime_dropped = Signal(QMimeData)
    too_big_pasted = Signal(object)  # str: a paste the box would not hold (see MAX_BOX_CHARS), passed uncopied

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setTabChangesFocus(True)  # Tab moves on (IDs never need a tab character)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_id_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_id_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not accepts_mime(mime):
            event.ignore()
            return
        event.acceptProposedAction()
        self.mime_dropped.emit(_copy_mime(mime))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasUrls() and mime_payload(source)[0]:  # copied files (their text part is not read)
            self.mime_dropped.emit(_copy_mime(source))
            return
        if source.hasText():  # the text is fetched once: for megabytes each copy costs the window time
            text = source.text()
            kept = self.document().characterCount() - len(self.textCursor().selectedText())  # a selection is replaced
            if kept + len(text) > MAX_BOX_CHARS:
                self.too_big_pasted.emit(text)
                return
        super().insertFromMimeData(source)


def _copy_mime(mime: QMimeData) -> QMimeData:
    """The drag's QMimeData dies with the drop; keep what we need."""
    copy = QMimeData()
    if mime.hasUrls():
        copy.setUrls(mime.urls())
    if mime.hasText():
        copy.setText(mime.text())
    return copy


class InputPanel(QWidget):
    """Label + paste box + live preview line."""

    ids_added = Signal(int)  # how many IDs a drop or file read appended
    problems = Signal(list)  # list[FileIssue]: files that were skipped
    nothing_found = Signal()  # a drop had no IDs at all
    reading_changed = Signal(bool)  # files are being read
    paste_too_big = Signal(int)  # a paste of this many characters did not go into the box: its IDs are being added

    def __init__(
        self,
        pool: QThreadPool,
        known_ids: Callable[[], Collection[int]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._known_ids = known_ids or (lambda: ())
        self._generation = 0  # bumps on each text change; a scan result for an older text is dropped
        self._scan: IdScan | None = None
        self._scan_generation = -1
        self._scanning = -1  # the generation being counted on the pool
        self._when_counted: Callable[[], object] | None = None  # e.g. Get links pressed while a long text is counted
        self._readers = 0
        self._next_step: Callable[[], str] | None = None  # replaces "press Ctrl+Enter" (set_next_step)

        self.label = QLabel(self)
        self.edit = IdEdit(self)
        self.label.setBuddy(self.edit)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.preview)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._rescan)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.mime_dropped.connect(self.add_from_mime)
        self.edit.too_big_pasted.connect(self._on_too_big_paste)
        self.retranslate()

    # -- text ----------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.label.setText(w.input_label())
        self.edit.setPlaceholderText(w.input_placeholder())
        self.edit.setAccessibleName(w.input_accessible())
        self.edit.setAccessibleDescription(w.input_placeholder())
        self.preview.setAccessibleName(w.preview_accessible())
        self.refresh_preview()

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def put_text(self, text: str) -> None:
        """Show ``text`` in the box; a text longer than :data:`MAX_BOX_CHARS` gives its IDs instead (on the pool)."""
        if len(text) > MAX_BOX_CHARS:
            self.add_files([], [text])
        else:
            self.set_text(text)

    def _on_too_big_paste(self, text: str) -> None:
        self.add_files([], [text])  # found on the pool, appended one a line
        self.paste_too_big.emit(len(text))

    def clear_text(self) -> None:
        """Empty the box, keeping the undo history (Ctrl+Z brings the text back)."""
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.edit.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()

    def append_ids(self, ids: Sequence[int]) -> None:
        """Append IDs at the end, one per line, as one undo step."""
        if not ids:
            return
        from PySide6.QtGui import QTextCursor

        doc = self.edit.document()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        existing = doc.toPlainText()
        prefix = "\n" if existing and not existing.endswith("\n") else ""
        cursor.beginEditBlock()
        cursor.insertText(prefix + "\n".join(str(i) for i in ids) + "\n")
        cursor.endEditBlock()
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()

    # -- IDs -----------------------------------------------------------------------------------------------
    def ids(self) -> list[int]:
        """The unique IDs in the box, in first-seen order (counted now if the preview is out of date)."""
        if self._scan is not None and self._scan_generation == self._generation:
            return list(self._scan.ids)
        from pan123_gui.core.ids import scan_ids

        self._apply_scan(self._generation, scan_ids(self.text()))
        assert self._scan is not None
        return list(self._scan.ids)

    def scan(self) -> IdScan | None:
        return self._scan if self._scan_generation == self._generation else None

    def when_counted(self, callback: Callable[[], object]) -> bool:
        """For a long text whose IDs are not counted yet: count them on the pool now and call ``callback`` once they
        are (True). False, without a call, when they are known or quick to count here (then just ask :meth:`ids`)."""
        if self.scan() is not None or self.edit.document().characterCount() <= SYNC_SCAN_CHARS:
            return False
        self._when_counted = callback
        if self._scanning != self._generation:
            self._timer.stop()
            self._rescan()
        return True

    def _on_text_changed(self) -> None:
        self._generation += 1
        self._timer.start()

    def _rescan(self) -> None:
        text = self.text()
        generation = self._generation
        from pan123_gui.core.ids import scan_ids

        if len(text) <= SYNC_SCAN_CHARS:
            self._apply_scan(generation, scan_ids(text))
            return
        self.preview.setText(w.preview_counting())
        self._scanning = generation
        task = _Task(_scan_tagged, generation, text, parent=self)
        task.done.connect(self._on_scan_done)
        task.start(self._pool)

    def _on_scan_done(self, value: object) -> None:
        assert isinstance(value, tuple)
        generation: int = value[0]
        scan: IdScan = value[1]
        self._apply_scan(generation, scan)

    def _apply_scan(self, generation: int, scan: IdScan) -> None:
        if generation != self._generation:
            return  # the text changed meanwhile; a newer scan is on its way
        self._scan = scan
        self._scan_generation = generation
        self.refresh_preview()
        waiting, self._when_counted = self._when_counted, None
        if waiting is not None:
            waiting()

    def refresh_preview(self) -> None:
        """Recompute the preview line (also when the list's contents changed)."""
        if not self.text().strip():
            self.preview.setText(w.preview_empty())
            return
        scan = self.scan()
        if scan is None:
            if not self._timer.isActive():
                self._timer.start()
            return
        known = self._known_ids()
        in_list = sum(1 for i in scan.ids if i in known) if known else 0
        step = self._next_step() if self._next_step is not None else None
        self.preview.setText(w.preview_line(len(scan.ids), scan.duplicates, in_list, step, folders=len(scan.folders)))

    def set_next_step(self, step: Callable[[], str] | None) -> None:
        """What the preview line says to do next instead of "press Ctrl+Enter" (a function: re-worded on a language
        switch); None for the usual hint."""
        self._next_step = step
        self.refresh_preview()

    # -- drops and files -------------------------------------------------------------------------------------
    def add_from_mime(self, mime: QMimeData) -> bool:
        """Read the IDs out of dropped text / files (on the pool) and append them. False if nothing usable."""
        files, texts = mime_payload(mime)
        if not files and not texts:
            return False
        self.add_files(files, texts)
        return True

    def add_files(self, files: Sequence[Path], texts: Sequence[str] = ()) -> None:
        self._readers += 1
        if self._readers == 1:
            self.reading_changed.emit(True)
        from pan123_gui.core.text_files import read_ids

        task = _Task(read_ids, list(files), list(texts), parent=self)
        task.done.connect(self._on_read_done)
        task.error.connect(self._on_read_error)
        task.start(self._pool)

    @property
    def reading(self) -> bool:
        return self._readers > 0

    def _finish_read(self) -> None:
        self._readers -= 1
        if self._readers == 0:
            self.reading_changed.emit(False)

    def _on_read_done(self, value: object) -> None:
        from pan123_gui.core.text_files import ReadOutcome

        assert isinstance(value, ReadOutcome)
        self._finish_read()
        self.append_ids(value.ids)
        skipped: list[FileIssue] = value.problems
        if value.ids:
            self.ids_added.emit(len(value.ids))
        elif not skipped:
            self.nothing_found.emit()
        if skipped:
            self.problems.emit(skipped)

    def _on_read_error(self, exc: object) -> None:
        self._finish_read()
        if isinstance(exc, BaseException):
            raise exc  # a bug in reading: let the app's error handler report it


def _scan_tagged(generation: int, text: str) -> tuple[int, IdScan]:
    from pan123_gui.core.ids import scan_ids

    return generation, scan_ids(text)
