"""The main window: the hub that wires the input panel, the resolve bar, the results view and the list actions.

It builds the widgets and the controllers and connects them; each behaviour has its own room: the commands
(actions, menus, toolbar) in ``commands``, the runs in ``runs`` (one run in ``resolve_run``), signing in
``signing``, folder rows in ``folder_rows``, copying and opening links in ``copying``, Export in ``exporting``,
files, pastes and command lines in ``incoming``, Clear and Remove in ``list_edits``, the kept list in ``keeping``
and ``kept_list``, the keyring at start in ``keyring_wait``, the question before quitting in ``quitting``, the
notices in ``notices`` and ``notice_bar``, the clipboard / browser / file dialogs in ``desktop``, every text in
``wording/window.py``. The controllers see the window through ``parts.WindowParts``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from pan123_gui import __version__
from pan123_gui.ui.files.dock import FilesDock
from pan123_gui.ui.i18n import apply_language
from pan123_gui.ui.icons import app_icon
from pan123_gui.ui.input.panel import InputPanel, accept_id_drag
from pan123_gui.ui.results.model import ResultsModel
from pan123_gui.ui.results.view import ResultsView
from pan123_gui.ui.shares.rows_menu import SharesMenu
from pan123_gui.ui.window.action_bar import ActionBar
from pan123_gui.ui.window.commands import WindowCommands
from pan123_gui.ui.window.copying import Copying
from pan123_gui.ui.window.exporting import Exporting
from pan123_gui.ui.window.folder_rows import FolderRows
from pan123_gui.ui.window.incoming import Incoming
from pan123_gui.ui.window.keeping import Keeping
from pan123_gui.ui.window.kept_list import KeptList
from pan123_gui.ui.window.keyring_wait import KeyringWait
from pan123_gui.ui.window.list_edits import ListEdits
from pan123_gui.ui.window.notices import Fix, Notice
from pan123_gui.ui.window.quitting import Quitting
from pan123_gui.ui.window.resolve_bar import ResolveBar
from pan123_gui.ui.window.runs import Runs
from pan123_gui.ui.window.signing import Signing
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from pan123_gui.app import Services
    from pan123_gui.ui.window.notice_bar import NoticeBar
    from pan123_gui.ui.window.notices import Detail
    from pan123_gui.ui.window.resolve_run import RunSummary

# Start-up (tests/benchmarks/bench_startup.py): what the first paint does not need and costs more than a millisecond
# to import is imported where first used; the comment there says what it costs, measured after this module.

STATUS_MS = 6000
EXPIRY_CHECK_MS = 15_000


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._settings = services.settings
        self.kept = KeptList(services.session_file)
        self._painted = False  # until then: no keyring, no file reading (see _after_first_paint)
        self.first_paint_done = False  # True once the work waiting for the first paint is done

        self.model = ResultsModel(self)
        self._notice: NoticeBar | None = None  # made when there is something to say (see ``notice``)
        self.input = InputPanel(services.pool, known_ids=self._known_ids, parent=self)
        self.resolve_bar = ResolveBar(self)
        self.results_label = QLabel(self)
        self.view = ResultsView(self.model, self)
        self.results_label.setBuddy(self.view)
        self.action_bar = ActionBar(self)
        self.demo_label = QLabel(self)

        self.commands = WindowCommands(self, self)
        self.runs = Runs(self, lambda: self.signing.key_blocks(), self)
        self.runs.ended.connect(self._after_run)  # before signing's: the list is saved first
        self.signing = Signing(self, self.runs)
        self.copying = Copying(self, self.signing.key_available)
        self.exporting = Exporting(self)
        self.incoming = Incoming(self)
        self.list_edits = ListEdits(self, self.runs)
        self.keeping = Keeping(self)
        self.keyring_wait = KeyringWait(self, self)
        self.quitting = Quitting(  # the window's own slots, looked up when the answer comes
            self,
            self.runs,
            save_session=lambda: self.save_session(),
            copy_all_links=lambda: self.copy_all_links(),
            export=lambda: self.export(),
        )
        self.files = FilesDock(
            self,
            services,
            services.pool,
            self.runs.get_links_of_files,
            settings=services.settings.qsettings,
            on_share=lambda ids: self.sharing.share_ids(ids),  # "Share ticked…" in the files panel
        )
        self.folder_rows = FolderRows(self, self.runs, self.files, self)
        self.commands.menu_file.insertAction(self.commands.act_open_files, self.files.action)
        self.commands.toolbar.insertAction(self.commands.act_open_files, self.files.action)
        self.sharing = SharesMenu(self, services, self.model, self.view, status=self.status)  # shares, spaces
        self.menuBar().insertMenu(self.commands.menu_settings.menuAction(), self.sharing.menu)
        self.view.menu_extension = self.sharing.extend_menu
        self._build_layout()
        self._connect()
        self._load_settings()
        self.retranslate()
        self.update_state()

        self._expiry_timer = QTimer(self)
        self._expiry_timer.setInterval(EXPIRY_CHECK_MS)
        self._expiry_timer.timeout.connect(self.refresh_expiry)
        self._expiry_timer.start()

        self.setAcceptDrops(True)
        if not self._settings.restore_geometry(self):
            self.resize(1180, 740)
        self.input.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ================================================================================================ start-up
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)  # once this paint is done

    def _after_first_paint(self) -> None:
        """What may be slow (the keyring, the saved list) waits until the window is on screen."""
        if QApplication.windowIcon().isNull():  # the app shell sets the app's icon; a window made on its own
            self.setWindowIcon(app_icon())  # (tests, benchmarks) gets it here
        self.commands.name_toolbar_buttons()
        self.check_credentials()
        self.keeping.restore(then=self._start_up_done)  # read on a pool thread, the rows a slice at a time

    def _start_up_done(self) -> None:
        self.first_paint_done = True
        self.incoming.first_paint_done()  # items from the command line: after the kept list, never instead of it

    # ================================================================================================ building
    def _build_layout(self) -> None:
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.input, 1)
        top_layout.addWidget(self.resolve_bar)

        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.results_label)
        bottom_layout.addWidget(self.view, 1)
        for action in self.commands.list_actions:
            self.action_bar.add(action)
        self.action_bar.add_stretch()
        self.action_bar.add(self.commands.act_clear)
        bottom_layout.addWidget(self.action_bar)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([260, 520])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(self.splitter, 1)
        self._central_layout = layout  # the notice strip goes on top when first needed
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.sharing.account_label)
        self.statusBar().addPermanentWidget(self.demo_label)
        self.demo_label.setVisible(self.services.is_demo)

        # Tab order: box → Get links → Cancel → signing → table → list actions.
        chain: list[QWidget] = [
            self.input.edit,
            self.resolve_bar.resolve_button,
            self.resolve_bar.cancel_button,
            self.resolve_bar.sign_check,
            self.resolve_bar.valid_combo,
            self.view,
            *self.action_bar.buttons.values(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.resolve_bar.resolve_button.clicked.connect(self.runs.resolve)
        self.resolve_bar.cancel_button.clicked.connect(self.runs.cancel)
        self.model.counts_changed.connect(self.update_state)
        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.modelReset.connect(self._on_rows_changed)
        self.view.copy_rows.connect(self.copying.copy_rows)
        self.view.open_row.connect(self.copying.open_row)
        self.view.copy_id_rows.connect(self.copying.copy_row_ids)
        self.sharing.located.connect(self.model.apply_results)  # rows outside a space: their folder
        self.sharing.refetch.connect(self.runs.refetch_after_space)
        self.view.refetch_rows.connect(self.runs.refetch_rows)
        self.view.remove_rows.connect(self.list_edits.remove_rows)
        self.view.expand_rows.connect(self.folder_rows.get_links_inside)

    def _load_settings(self) -> None:
        bar = self.resolve_bar
        bar.sign_check.blockSignals(True)
        bar.sign_check.setChecked(self._settings.sign_links)
        bar.sign_check.blockSignals(False)
        bar.set_valid_minutes(self._settings.valid_minutes)
        bar.set_running(self.runs.busy)
        self.commands.check_language(self._settings.language)

    # ================================================================================================ text
    def retranslate(self) -> None:
        self.setWindowTitle(w.window_title(self.services.is_demo))
        self.commands.retranslate(painted=self._painted)
        self.results_label.setText(w.results_label() + " — " + w.results_tip())
        self.demo_label.setText(w.demo_status())
        self.demo_label.setAccessibleName(w.demo_status())
        self.input.retranslate()
        self.resolve_bar.retranslate()
        self.view.retranslate()
        self.files.retranslate()
        self.sharing.retranslate()
        if self._notice is not None:
            self._notice.retranslate()
        self.action_bar.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose_language(self, action: QAction) -> None:
        code = str(action.data())
        self._settings.language = code
        apply_language(code)
        self.retranslate()  # also arrives as LanguageChange; harmless twice
        self.statusBar().showMessage(w.language_changed(action.text()), STATUS_MS)

    # ================================================================================================ state
    def _known_ids(self) -> set[int]:
        return set(self.model.ids())

    def _on_rows_changed(self) -> None:
        self.input.refresh_preview()
        self.view.viewport().update()

    def update_state(self) -> None:
        run = self.runs.current
        running = run is not None
        self.commands.update(self.model.counts(), running=running, cancelling=run is not None and run.cancelled)
        self.view.act_refetch.setEnabled(not running)

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    @property
    def widget(self) -> QWidget:
        return self

    @property
    def busy(self) -> bool:
        return self.runs.busy

    # ================================================================================================ notices
    @property
    def notice(self) -> NoticeBar:
        """The notice strip over the paste box (made on first use: it stays hidden until there is a notice)."""
        if self._notice is None:
            from pan123_gui.ui.window.notice_bar import NoticeBar  # ~20 ms: a QFrame with its own layout and buttons

            self._notice = NoticeBar(self.fix, self)
            self._central_layout.insertWidget(0, self._notice)
        return self._notice

    def dismiss_notice(self, notice: Notice) -> None:
        if self._notice is not None:
            self._notice.dismiss(notice)

    def show_notice(self, notice: Notice, detail: Detail | None = None) -> None:
        self.notice.show_notice(notice, detail)

    def focus_first_notice_button(self) -> None:
        buttons = self.notice.buttons
        if buttons:
            buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def fix(self, fix: Fix) -> None:
        """What a notice button does."""
        if fix in (Fix.OPEN_CREDENTIALS, Fix.ENTER_SIGN_KEY):
            self.open_credentials()
        elif fix is Fix.TURN_SIGNING_OFF:
            self.signing.turn_off()
        elif fix is Fix.OPEN_FILES:
            self.open_files()
        elif fix is Fix.RESIGN:
            self.dismiss_notice(Notice.LINKS_EXPIRED)
            self.resign_expired()
        elif fix is Fix.EXPORT:
            self.export()

    def check_credentials(self) -> bool:
        """Show the "no credentials" notice when there are none (never in demo mode). True when usable."""
        if self.services.is_demo or self.services.has_credentials():
            self.dismiss_notice(Notice.CREDENTIALS)
            return True
        self.show_notice(Notice.CREDENTIALS)
        return False

    # ================================================================================================ dialogs
    def open_credentials(self) -> None:
        from pan123_gui.ui.dialogs.credentials import CredentialsDialog  # ~0.6 s: the core's HTTP client and keyring

        dialog = CredentialsDialog(self.services, self)
        dialog.exec()
        dialog.deleteLater()
        self.services.reset_client()
        self.check_credentials()
        self.signing.credentials_changed()  # a key just entered: the plain links in the list get signed

    def open_settings(self) -> None:
        from pan123_gui.ui.dialogs.settings import SettingsDialog  # ~30 ms

        signing = self.resolve_bar.sign_check.isChecked()
        dialog = SettingsDialog(self.services, self)
        dialog.exec()
        dialog.deleteLater()
        self._load_settings()
        if self.resolve_bar.sign_check.isChecked() != signing:
            self.signing.apply_choice()

    def show_help(self) -> None:
        self._message(w.help_title(), w.help_text())

    def show_about(self) -> None:
        self._message(w.about_title(), w.about_text(__version__))

    def _message(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # ~3 ms (PySide builds the class's enums on first import)

        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ================================================================================================ input
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_id_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_id_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.incoming.drop(event)

    def open_files(self) -> None:
        self.incoming.open_files()

    # ================================================================================================ runs
    def resolve(self) -> None:
        self.runs.resolve()

    def cancel(self) -> None:
        self.runs.cancel()

    def retry_failed(self) -> None:
        self.runs.retry_failed()

    def resign_expired(self) -> None:
        self.signing.resign_expired()

    def get_links_inside(self, rows: list[int]) -> None:
        self.folder_rows.get_links_inside(rows)

    def _after_run(self, summary: RunSummary) -> None:
        self.refresh_expiry()
        self.keeping.save_in_background()  # a crash later loses nothing of this run
        self.sharing.after_run(summary.results)  # folders of rows outside a space, the account line

    def refresh_expiry(self) -> None:
        if self.model.refresh_expiry():
            self.update_state()

    # ================================================================================================ list actions
    def copy_all_links(self) -> None:
        self.copying.copy_all_links()

    def copy_failed_ids(self) -> None:
        self.copying.copy_failed_ids()

    def copy_rows(self, rows: list[int]) -> None:
        self.copying.copy_rows(rows)

    def open_row(self, row: int) -> None:
        self.copying.open_row(row)

    def export(self) -> None:
        self.exporting.export()

    def clear(self) -> None:
        self.list_edits.clear()

    def remove_rows(self, rows: list[int]) -> None:
        self.list_edits.remove_rows(rows)

    # ================================================================================================ the kept list
    def save_session(self) -> bool:
        return self.keeping.save()

    @property
    def saving(self) -> bool:
        """Whether a save on a pool thread has not reported back yet."""
        return self.kept.writing

    def wait_for_keyring(self, then: Callable[[], object]) -> None:
        """Read the credentials on a worker, then call ``then`` here (see ``KeyringWait``)."""
        self.keyring_wait.start(then)

    # ================================================================================================ start items
    def bring_forward(self, args: list[str]) -> None:
        """A second start handed over its items (IDs, text, absolute file paths): show this window and take them."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.status(w.brought_forward())
        self.incoming.take_items(args)

    def take_items(self, items: list[str]) -> None:
        """IDs, text and files from a command line (see ``Incoming.take_items``)."""
        self.incoming.take_items(items)

    # ================================================================================================ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        """Asks first when quitting would lose links (see ``Quitting``); else ends a run and keeps the list."""
        if not self.quitting.may_close():
            event.ignore()
            return
        if self.runs.current is not None:
            self.runs.current.cancel()
        self._settings.save_geometry(self)
        self.save_session()
        super().closeEvent(event)
