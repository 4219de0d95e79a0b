"""The "Your files" panel as a dock of the main window, built the first time it is opened (start-up pays nothing).

:class:`FilesDock` owns the action that opens it (File menu and toolbar, ``Ctrl+Shift+F``) and hands the files the
user chose to ``on_files`` (the window adds them to the results and gets their links).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from pan123_gui.ui.icons import action_icon
from pan123_gui.ui.wording import files as wording

if TYPE_CHECKING:
    from pan123_gui.core.expand import Target
    from pan123_gui.ui.files.panel import FilesPanel
    from pan123_gui.workers.folders import ClientSource, Drive

__all__ = ["FilesDock"]

SHORTCUT = "Ctrl+Shift+F"


class FilesDock:
    def __init__(
        self,
        window: QMainWindow,
        services: ClientSource,
        pool: QThreadPool,
        on_files: Callable[[list[Target]], None],
        *,
        settings: QSettings | None = None,
        on_share: Callable[[list[int]], None] | None = None,
    ) -> None:
        self._settings = settings  # where the recent folders are kept
        self._window = window
        self._services = services
        self._pool = pool
        self._on_files = on_files
        self._on_share = on_share  # "Share ticked…": the IDs of what is ticked
        self.dock: QDockWidget | None = None
        self.panel: FilesPanel | None = None
        self._drive: Drive | None = None
        self.action = QAction(window)
        self.action.setIcon(action_icon("folder"))
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        self.retranslate()

    def drive(self) -> Drive:
        """The drive as the panel's jobs see it (one folder-path cache for the panel and the window)."""
        if self._drive is None:
            from pan123_gui.workers.folders import Drive

            self._drive = Drive(self._services)
        return self._drive

    def open(self) -> None:
        """Show the panel (made on first use) with the top of the drive, and put the focus in it."""
        if self.dock is None:
            from pan123_gui.ui.files.panel import FilesPanel

            dock = QDockWidget(self._window)
            dock.setObjectName("files_dock")
            dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
            panel = FilesPanel(self.drive(), self._pool, dock, settings=self._settings)
            panel.filesChosen.connect(self._on_files)
            if self._on_share is not None:
                panel.shareChosen.connect(self._on_share)
            panel.share_button.setVisible(self._on_share is not None)
            dock.setWidget(panel)
            self._window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            self.dock, self.panel = dock, panel
            self.retranslate()
        assert self.dock is not None and self.panel is not None
        self.dock.show()
        self.dock.raise_()
        self.panel.open()

    def retranslate(self) -> None:
        text = wording.open_panel()
        self.action.setText(text)
        self.action.setIconText(wording.panel_title())
        self.action.setToolTip(wording.open_panel_tip())
        self.action.setStatusTip(wording.open_panel_tip())
        if self.dock is not None:
            self.dock.setWindowTitle(wording.panel_title())
            self.dock.setAccessibleName(wording.panel_name())
