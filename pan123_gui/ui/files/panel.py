"""The "Your files" (我的文件) panel: the drive as a tree loaded on demand, a search box, check boxes, and "Get links".

Everything that talks to the API runs on the worker pool (:mod:`pan123_gui.workers.folders`); the panel only shows
answers, and drops answers to a search that was replaced by a newer one. "Get links" collects the files under what
was ticked (folders all levels deep, with progress and a Cancel button), asks first when that is more than
:data:`ASK_ABOVE` files (how many and about how long at the current pace), then emits :attr:`FilesPanel.filesChosen`
with the files, each with its path, for the window to resolve.

Keyboard: the search box, the whole-name box, Search, the tree (arrows open folders, Space ticks), Get links are
in tab order; Enter in the search box searches, Escape in the results goes back to the folders.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.core.errors import CancelledError
from pan123_gui.ui.files.expander import ASK_ABOVE, FolderExpander, failure_reason
from pan123_gui.ui.files.recent import RecentFolders
from pan123_gui.ui.files.search_model import SearchModel
from pan123_gui.ui.files.tree_model import DriveTreeModel
from pan123_gui.ui.files.tree_view import DriveTreeView
from pan123_gui.ui.plain_text import PlainToolTips, plain_only
from pan123_gui.ui.wording import files as wording
from pan123_gui.ui.wording import shares as share_words
from pan123_gui.ui.wording.window import plain
from pan123_gui.workers.base import Worker

if TYPE_CHECKING:
    from pan123_gui.core.expand import Target
    from pan123_gui.core.ids import Ref
    from pan123_gui.workers.folders import Drive

__all__ = ["ASK_ABOVE", "FilesPanel", "setup_tree_view"]


def setup_tree_view(tree: QTreeView) -> None:
    """How the "Your files" tree is shown (also what its stall benchmark measures)."""
    PlainToolTips.install(tree)  # file names and paths from the server, as written
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # a fixed Size column: ResizeToContents would measure every open row again after each folder is listed
    tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
    tree.header().resizeSection(1, tree.fontMetrics().horizontalAdvance("0000.0 MB") + 16)


class FilesPanel(QWidget):
    """Browse and search the drive; tick files and folders; "Get links" emits ``filesChosen(list[Target])``."""

    filesChosen = Signal(list)
    shareChosen = Signal(list)  # the ticked files and folders' IDs, for "Create share link…" (folders as they are)

    def __init__(
        self, drive: Drive, pool: QThreadPool, parent: QWidget | None = None, *, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.recent = RecentFolders(settings)
        self._drive = drive
        self._pool = pool
        self._search_serial = 0
        self._search_worker: Worker | None = None
        self.expander = FolderExpander(drive, pool, self)
        self._chosen_folders: list[tuple[int, str]] = []  # remembered once their links were got

        self.tree_model = DriveTreeModel(drive, pool, self)
        self.search_model = SearchModel(self)

        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.exact_box = QCheckBox(self)
        self.search_button = QPushButton(self)
        self.recent_button = QPushButton(self)
        self.back_button = QPushButton(self)
        self.tree = DriveTreeView(self)
        self.tree.setModel(self.tree_model)
        setup_tree_view(self.tree)
        self.hits = QTreeView(self)
        self.hits.setModel(self.search_model)
        PlainToolTips.install(self.hits)
        self.hits.setRootIsDecorated(False)
        self.hits.setUniformRowHeights(True)
        self.hits.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hits.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.hits.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.hits.header().resizeSection(2, self.fontMetrics().horizontalAdvance("0000.0 MB") + 16)
        self.hits.installEventFilter(self)
        self.status = plain_only(QLabel(self))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.get_button = QPushButton(self)
        self.share_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tree)
        hits_page = QWidget(self)
        hits_layout = QVBoxLayout(hits_page)
        hits_layout.setContentsMargins(0, 0, 0, 0)
        hits_layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        hits_layout.addWidget(self.hits)
        self.pages.addWidget(hits_page)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.exact_box)
        search_row.addWidget(self.search_button)
        search_row.addWidget(self.recent_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.share_button)
        bottom.addWidget(self.get_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        for first, second in [
            (self.search_box, self.exact_box),
            (self.exact_box, self.search_button),
            (self.search_button, self.recent_button),
            (self.recent_button, self.back_button),
            (self.back_button, self.tree),
            (self.tree, self.hits),
            (self.hits, self.share_button),
            (self.share_button, self.get_button),
            (self.get_button, self.cancel_button),
        ]:
            QWidget.setTabOrder(first, second)

        self.search_box.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.back_button.clicked.connect(self.show_folders)
        self.recent_button.clicked.connect(self.show_recent)
        self.get_button.clicked.connect(self.get_links)
        self.share_button.clicked.connect(self.share_ticked)
        self.cancel_button.clicked.connect(self.cancel)
        self.expander.progress.connect(self.status.setText)
        self.expander.failed.connect(self.status.setText)
        self.expander.done.connect(self._on_collected)
        self.expander.running_changed.connect(self._on_collecting)
        self.tree_model.loadsChanged.connect(self._on_loads)
        self.tree_model.loadFailed.connect(self._on_load_failed)
        self.retranslate()

    # --- text --------------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setAccessibleName(wording.panel_name())
        self.search_box.setPlaceholderText(wording.search_placeholder())
        self.search_box.setAccessibleName(wording.search_name())
        self.exact_box.setText(wording.exact_box())
        self.exact_box.setToolTip(wording.exact_tip())
        self.search_button.setText(wording.search_button())
        self.search_button.setAccessibleName(plain(wording.search_button()))
        self.back_button.setText(wording.back_to_folders())
        self.recent_button.setText(wording.recent_button())
        self.recent_button.setAccessibleName(plain(wording.recent_button()))
        self.recent_button.setToolTip(wording.recent_tip())
        self.tree.setAccessibleName(wording.tree_name())
        self.hits.setAccessibleName(wording.hits_name())
        self.share_button.setText(share_words.share_ticked())
        self.share_button.setToolTip(share_words.share_ticked_tip())
        self.get_button.setText(wording.get_links())
        self.get_button.setAccessibleName(plain(wording.get_links()))
        self.get_button.setToolTip(wording.get_links_tip())
        self.cancel_button.setText(wording.cancel())
        self.status.setAccessibleName(wording.panel_title())
        for model in (self.tree_model, self.search_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- browsing ----------------------------------------------------------------------------------------------------

    def open(self) -> None:
        """Show the top of the drive (listed on first use) and put the focus in the tree."""
        if self.tree_model.canFetchMore(self.tree.rootIndex()):
            self.tree_model.fetchMore(self.tree.rootIndex())
        self.show_folders()

    def refresh(self) -> None:
        self.tree_model.refresh()
        self.tree_model.fetchMore(self.tree.rootIndex())

    def show_folders(self) -> None:
        self.pages.setCurrentIndex(0)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_recent(self) -> None:
        """The recent folders in the results page, to tick and get their links again."""
        self._search_serial += 1  # an answer to an earlier search must not replace them
        hits = self.recent.as_hits()
        self.search_model.set_hits(hits)
        self.status.setText(wording.recent_shown() if hits else wording.recent_none())
        self.pages.setCurrentIndex(1)
        if hits:
            self.hits.setCurrentIndex(self.search_model.index(0, 0))
        self.hits.setFocus(Qt.FocusReason.OtherFocusReason)

    def _showing_hits(self) -> bool:
        return self.pages.currentIndex() == 1

    @Slot(int)
    def _on_loads(self, n: int) -> None:
        if not self.expander.running and self._search_worker is None:
            self.status.setText(wording.loading() if n else "")

    @Slot(int, object)
    def _on_load_failed(self, _folder_id: int, exc: object) -> None:
        self.status.setText(wording.load_failed(failure_reason(exc)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.hits and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.show_folders()
                return True
        return super().eventFilter(watched, event)

    # --- search ------------------------------------------------------------------------------------------------------

    def search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            self.show_folders()
            return
        self._search_serial += 1
        serial = self._search_serial
        if self._search_worker is not None:
            self._search_worker.cancel()
        worker = Worker(self._drive.search, text, exact=self.exact_box.isChecked(), pass_cancel=True)
        receiver = _Answer(
            self, lambda hits: self._on_hits(serial, text, hits), lambda e: self._on_hits_failed(serial, e)
        )
        worker.signals.result.connect(receiver.result)
        worker.signals.error.connect(receiver.error)
        worker.signals.finished.connect(receiver.deleteLater)
        self._search_worker = worker
        self.status.setText(wording.searching(text))
        worker.start(self._pool)

    def _on_hits(self, serial: int, text: str, hits: object) -> None:
        if serial != self._search_serial:
            return  # a newer search was started meanwhile
        self._search_worker = None
        found = list(hits) if isinstance(hits, list) else []
        self.search_model.set_hits(found)
        self.status.setText(wording.search_hits(len(found), text) if found else wording.no_hits(text))
        self.pages.setCurrentIndex(1)
        if found:
            self.hits.setCurrentIndex(self.search_model.index(0, 0))
        self.hits.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_hits_failed(self, serial: int, exc: object) -> None:
        if serial != self._search_serial:
            return
        self._search_worker = None
        if not isinstance(exc, CancelledError):
            self.status.setText(wording.search_failed(failure_reason(exc)))

    # --- get links ---------------------------------------------------------------------------------------------------

    def chosen(self) -> list[Ref]:
        """References to what is ticked on the page shown (the search results, or the folders)."""
        model = self.search_model if self._showing_hits() else self.tree_model
        return list(model.chosen())

    @property
    def confirm_many(self) -> Callable[[int, int], bool]:
        """Asked before getting more than ASK_ABOVE links: (files, minutes) -> go ahead? (tests replace it)"""
        return self.expander.confirm_many

    @confirm_many.setter
    def confirm_many(self, ask: Callable[[int, int], bool]) -> None:
        self.expander.confirm_many = ask

    def get_links(self) -> None:
        if self.expander.running:
            return
        refs = self.chosen()
        if not refs:
            self.status.setText(wording.nothing_ticked())
            return
        model = self.search_model if self._showing_hits() else self.tree_model
        self._chosen_folders = model.chosen_folders()
        self.expander.start(refs)

    def share_ticked(self) -> None:
        """A share link for what is ticked: files and folders as they are (no listing, no direct link)."""
        refs = self.chosen()
        if not refs:
            self.status.setText(wording.nothing_ticked())
            return
        self.shareChosen.emit(list(dict.fromkeys(ref.id for ref in refs)))

    def cancel(self) -> None:
        self.expander.cancel()

    @property
    def collecting(self) -> bool:
        return self.expander.running

    @Slot(bool)
    def _on_collecting(self, running: bool) -> None:
        self.get_button.setEnabled(not running)
        self.cancel_button.setVisible(running)

    @Slot(list)
    def _on_collected(self, targets: list[Target]) -> None:
        self.recent.add(self._chosen_folders)
        self._chosen_folders = []
        self.status.setText(wording.added(sum(1 for t in targets if t.error is None)))
        self.filesChosen.emit(targets)


class _Answer(QObject):
    """Carries one job's answer to the panel in the GUI thread."""

    def __init__(self, parent: QObject, on_result: Callable[[object], None], on_error: Callable[[object], None]):
        super().__init__(parent)
        self._on_result = on_result
        self._on_error = on_error
        self.on_progress: Callable[[object], None] | None = None

    @Slot(object)
    def result(self, value: object) -> None:
        self._on_result(value)

    @Slot(object)
    def error(self, exc: object) -> None:
        self._on_error(exc)

    @Slot(object)
    def progress(self, value: object) -> None:
        if self.on_progress is not None:
            self.on_progress(value)
