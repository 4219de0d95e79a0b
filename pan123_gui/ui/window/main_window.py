"""The main window: the hub that wires the input panel, the resolve bar, the results view and the list actions.

Each job has its own room: the commands (actions, menus, toolbar) in ``commands``, the notices in ``notices`` and
``notice_bar``, one resolve run in ``resolve_run``, the kept list in ``kept_list``, the clipboard / browser / file
dialogs in ``desktop``, every text in ``wording/window.py``. The window decides what a click means and passes it on.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from pan123_gui import __version__
from pan123_gui.core.errors import RETRY_CANNOT_CHANGE, Pan123Error
from pan123_gui.ui.files.dock import FilesDock
from pan123_gui.ui.i18n import install_translators, system_language
from pan123_gui.ui.icons import app_icon
from pan123_gui.ui.input.panel import InputPanel, accept_id_drag
from pan123_gui.ui.results.model import ResultsModel
from pan123_gui.ui.results.view import ResultsView
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.shares.rows_menu import SharesMenu
from pan123_gui.ui.window import desktop
from pan123_gui.ui.window.action_bar import ActionBar
from pan123_gui.ui.window.commands import WindowCommands
from pan123_gui.ui.window.copying import Copying
from pan123_gui.ui.window.exporting import Exporting
from pan123_gui.ui.window.incoming import Incoming
from pan123_gui.ui.window.kept_list import KeptList
from pan123_gui.ui.window.notices import Fix, Notice
from pan123_gui.ui.window.resolve_bar import ResolveBar
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    from pan123_gui.app import Services
    from pan123_gui.core.expand import Target
    from pan123_gui.core.models import LinkResult
    from pan123_gui.core.resolver import Resolver
    from pan123_gui.ui.files.expander import FolderExpander
    from pan123_gui.ui.window.notice_bar import NoticeBar
    from pan123_gui.ui.window.notices import Detail
    from pan123_gui.ui.window.resolve_run import ResolveRun, RunSummary
    from pan123_gui.ui.window.session import SavedSession
    from pan123_gui.workers.resolve import Job

# Start-up (tests/benchmarks/bench_startup.py): what the first paint does not need and costs more than a millisecond
# to import is imported where first used; the comment there says what it costs, measured after this module.

STATUS_MS = 6000
EXPIRY_CHECK_MS = 15_000
START_DELAY_MS = 30  # lets the new rows lay out and paint before the resolver's threads compete for the GIL
#: From this many rows on, a run pauses the table's sorting until it ends (one sort then, not one per change).
SORT_PAUSE_ROWS = 1000
#: Rows of the kept list added per event-loop turn when it comes back (~10-20 ms each, plus a paint: no stall).
RESTORE_SLICE = 2000


class RunKind(Enum):
    """What a run is for: it decides what the status bar says when it ends."""

    RESOLVE = "resolve"  # Get links
    RETRY = "retry"  # Retry failed
    REFETCH = "refetch"  # Get link again on chosen rows
    RESIGN = "resign"  # Re-sign expired
    SIGN = "sign"  # "Sign links" turned on: the rows already in the list get signed


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._settings = services.settings
        self._run: ResolveRun | None = None
        self._run_kind = RunKind.RESOLVE
        self._retry_skipped = 0  # failed rows a retry left out (they cannot change)
        self._signing_choice_pending = False  # "Sign links" changed during a run: applied to the list when it ends
        self.kept = KeptList(services.session_file)
        self._quit_box: QMessageBox | None = None
        self._after_keyring: Callable[[], object] | None = None  # what waits for the keyring (wait_for_keyring)
        self._quit_confirmed = False
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
        self.copying = Copying(self, self._sign_key_available)
        self.exporting = Exporting(self)
        self.incoming = Incoming(self)
        self.files = FilesDock(
            self, services, services.pool, self.get_links_of_files, settings=services.settings.qsettings
        )
        self._expander: FolderExpander | None = None  # folder rows -> their files (made on first use)
        self._expanding: list[int] = []  # the folder rows being replaced by their files
        self._folder_note = ""  # said again when the run ends: the folder rows offer the files inside
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
        if not self.kept.restore_in_background(self._kept_list_read):  # demo mode: nothing kept
            self._start_up_done()

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
        self.resolve_bar.resolve_button.clicked.connect(self.resolve)
        self.resolve_bar.cancel_button.clicked.connect(self.cancel)
        self.resolve_bar.sign_check.toggled.connect(self._on_sign_toggled)
        self.resolve_bar.valid_minutes_changed.connect(self._on_valid_changed)
        self.model.counts_changed.connect(self.update_state)
        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.modelReset.connect(self._on_rows_changed)
        self.view.copy_rows.connect(self.copying.copy_rows)
        self.view.open_row.connect(self.copying.open_row)
        self.view.copy_id_rows.connect(self.copying.copy_row_ids)
        self.sharing.located.connect(self.model.apply_results)  # rows outside a space: their folder
        self.sharing.refetch.connect(self._refetch_after_space)
        self.view.refetch_rows.connect(self.refetch_rows)
        self.view.remove_rows.connect(self.remove_rows)
        self.view.expand_rows.connect(self.get_links_inside)

    def _load_settings(self) -> None:
        bar = self.resolve_bar
        bar.sign_check.blockSignals(True)
        bar.sign_check.setChecked(self._settings.sign_links)
        bar.sign_check.blockSignals(False)
        bar.set_valid_minutes(self._settings.valid_minutes)
        bar.set_running(self._run is not None)
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
        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app, system_language() if code == "system" else code)
        self.retranslate()  # also arrives as LanguageChange; harmless twice
        self.statusBar().showMessage(w.language_changed(action.text()), STATUS_MS)

    # ================================================================================================ state
    def _known_ids(self) -> set[int]:
        return set(self.model.ids())

    def _on_rows_changed(self) -> None:
        self.input.refresh_preview()
        self.view.viewport().update()

    def update_state(self) -> None:
        run = self._run
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
        return self._run is not None

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
            self.resolve_bar.sign_check.setChecked(False)
            self.dismiss_notice(Notice.SIGN_KEY)
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

    def _sign_key_available(self) -> bool:
        try:
            return bool(self.services.credentials().sign_key)
        except Pan123Error:
            return False

    def _sign_key_blocks(self) -> bool:
        """True when "Sign links" is on without a sign key: a run must not start. Says why (status bar and the
        notice, whose first button opens Credentials) instead of leaving the hint to press Ctrl+Enter unanswered."""
        if not self.resolve_bar.sign_check.isChecked() or self._sign_key_available():
            self.input.set_next_step(None)
            return False
        self.show_notice(Notice.SIGN_KEY, w.sign_key_blocked)
        self.status(w.not_started_no_sign_key())
        self.input.set_next_step(w.preview_needs_sign_key)  # the hint under the box no longer says Ctrl+Enter
        self.focus_first_notice_button()
        return True

    def _on_sign_toggled(self, checked: bool) -> None:
        self._settings.sign_links = checked
        if checked and not self._sign_key_available():
            self.show_notice(Notice.SIGN_KEY)
            self.input.set_next_step(w.preview_needs_sign_key)
        elif not checked:
            self.dismiss_notice(Notice.SIGN_KEY)
            self.input.set_next_step(None)
        self._apply_signing_choice()

    def _apply_signing_choice(self) -> None:
        """Bring the links already in the list in line with "Sign links": turned on, the plain links get signed;
        turned off, signed (and expired) links become their plain links again. Signing is local (no direct-link
        request; the account uid is asked once per client). During a run this waits until the run ends."""
        if self._run is not None:
            self._signing_choice_pending = True
            self.status(w.signing_after_run())
            return
        self._signing_choice_pending = False
        if self.resolve_bar.sign_check.isChecked():
            self._sign_plain_rows()
        else:
            self._unsign_rows()

    def _rows_with(self, statuses: tuple[RowStatus, ...]) -> list[LinkResult]:
        model = self.model
        found: list[LinkResult] = []
        for row in range(model.rowCount()):
            if model.status_at(row) in statuses:
                result = model.result_at(row)
                if result is not None:
                    found.append(result)
        return found

    def _sign_plain_rows(self) -> None:
        import dataclasses  # ~2 ms

        if not self._sign_key_available():
            return  # the SIGN_KEY notice is up; the rows get signed once the key is entered
        plain = [
            dataclasses.replace(r, unsigned_url=r.unsigned_url or r.url)
            for r in self._rows_with((RowStatus.OK,))
            if r.url and r.expires_at is None
        ]
        if not plain:
            return
        ids = [r.file_id for r in plain]
        self.model.mark_pending(ids)
        from pan123_gui.workers.resolve import resign_job

        self._start(resign_job(self._factory(True), plain), ids, plain, kind=RunKind.SIGN)
        self.status(w.signing_rows(len(ids)))

    def _unsign_rows(self) -> None:
        import dataclasses  # ~2 ms

        plain = [
            dataclasses.replace(r, url=r.unsigned_url, expires_at=None)
            for r in self._rows_with((RowStatus.OK, RowStatus.EXPIRED))
            if r.unsigned_url and (r.expires_at is not None or r.url is None)
        ]
        if not plain:
            return
        self.model.apply_results(plain)
        self.kept.fetched(plain)
        self.dismiss_notice(Notice.LINKS_EXPIRED)
        self.status(w.unsigned_rows(len(plain)))

    def _on_valid_changed(self, minutes: int) -> None:
        self._settings.valid_minutes = minutes

    # ================================================================================================ dialogs
    def open_credentials(self) -> None:
        from pan123_gui.ui.dialogs.credentials import CredentialsDialog  # ~0.6 s: the core's HTTP client and keyring

        dialog = CredentialsDialog(self.services, self)
        dialog.exec()
        dialog.deleteLater()
        self.services.reset_client()
        self.check_credentials()
        if self._sign_key_available():
            self.input.set_next_step(None)
            if self._notice is not None and self._notice.current is Notice.SIGN_KEY:
                self.dismiss_notice(Notice.SIGN_KEY)
        if self.resolve_bar.sign_check.isChecked() and self._sign_key_available():
            self._apply_signing_choice()  # a key just entered: the plain links in the list get signed

    def open_settings(self) -> None:
        from pan123_gui.ui.dialogs.settings import SettingsDialog  # ~30 ms

        signing = self.resolve_bar.sign_check.isChecked()
        dialog = SettingsDialog(self.services, self)
        dialog.exec()
        dialog.deleteLater()
        self._load_settings()
        if self.resolve_bar.sign_check.isChecked() != signing:
            self._apply_signing_choice()

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

    # ================================================================================================ resolving
    def resolve(self) -> None:
        """Get links for the IDs in the box: new IDs get rows; unfinished rows among them are picked up again."""
        if self._run is not None:
            self.status(w.busy())
            return
        if self.input.when_counted(self.resolve):  # a long text: counted on the pool, then this runs again
            self.statusBar().showMessage(w.preview_counting())
            return
        ids = self.input.ids()  # unique, in first-seen order
        scan = self.input.scan()
        folders = [f for f in (scan.folders if scan is not None else []) if self.model.row_of(f) is None]
        if folders:  # web addresses of folders: a row each, which offers the files inside
            self._add_folder_rows(folders)
            if not ids:
                self.status(w.folder_rows_added(len(folders)))
                return
        if not ids:
            self.status(w.nothing_to_resolve_empty())
            self.input.edit.setFocus()
            return
        if self._sign_key_blocks():
            return
        sign = self.resolve_bar.sign_check.isChecked()
        self._pause_sorting_if_long(len(ids))
        new = set(self.model.add_pending(ids))
        unfinished = (RowStatus.PENDING, RowStatus.CANCELLED)
        again = [i for i in ids if i not in new and self._status_of(i) in unfinished]
        if not new and not again:
            self.view.resume_sorting()
            self.status(w.nothing_new(len(ids)))
            return
        self.model.mark_pending(again)
        todo = [i for i in ids if i in new or i in set(again)]
        from pan123_gui.workers.resolve import resolve_job  # ~40 ms with the core's data classes

        self._start(resolve_job(self._factory(sign), todo), todo)
        self._folder_note = w.folder_rows_added(len(folders)) if folders else ""
        self.status(w.started(len(todo)) + (" · " + self._folder_note if folders else ""))

    def _add_folder_rows(self, folders: list[int]) -> None:
        from pan123_gui.core.errors import IsFolderError
        from pan123_gui.core.models import LinkResult

        err = IsFolderError()
        new = self.model.add_pending(folders)
        self.model.apply_results([LinkResult(file_id=f, error=str(err), error_kind=err.kind) for f in new])

    def get_links_inside(self, rows: list[int]) -> None:
        """Folder rows (source rows): the files inside, all levels deep, replace them and get their links."""
        if self._run is not None:
            self.status(w.busy())
            return
        ids = self.model.ids()
        folders = [ids[r] for r in rows if 0 <= r < len(ids)]
        if not folders:
            return
        from pan123_gui.core.ids import Ref

        expander = self._folder_expander()
        if expander.running:
            self.status(w.busy())
            return
        self._expanding = folders
        expander.start([Ref(f, True) for f in folders])

    def _folder_expander(self) -> FolderExpander:
        if self._expander is None:
            from pan123_gui.ui.files.expander import FolderExpander

            expander = FolderExpander(self.files.drive(), self.services.pool, self)
            expander.progress.connect(self.status)
            expander.failed.connect(self._on_expand_failed)
            expander.done.connect(self._on_folders_expanded)
            self._expander = expander
        return self._expander

    def _on_expand_failed(self, words: str) -> None:
        self._expanding = []
        if words:
            self.status(words)

    def _on_folders_expanded(self, targets: list[Target]) -> None:
        from pan123_gui.core.expand import target_error_row

        folders, self._expanding = self._expanding, []
        unreadable = [t for t in targets if t.error is not None and t.file_id in set(folders)]
        rows = [row for t in unreadable if (row := target_error_row(t)) is not None]
        self.model.apply_results(rows)  # a folder that could not be read says why in its own row
        done = [f for f in folders if f not in {t.file_id for t in unreadable}]
        self.kept.forget(self.model.remove_ids(done))
        self.get_links_of_files([t for t in targets if t.file_id not in set(folders)])

    def get_links_of_files(self, targets: list[Target]) -> None:
        """Files chosen in "Your files": rows that show their folders, then their links (as Get links does for
        pasted IDs). Folders that could not be read and files in the recycle bin become rows without a request."""
        if self._run is not None:
            self.status(w.busy())
            return
        if self._sign_key_blocks():
            return
        from pan123_gui.core.expand import target_error_row

        ids = list(dict.fromkeys(t.file_id for t in targets))
        where = {t.file_id: (t.path, t.relative_folder) for t in targets}
        self._pause_sorting_if_long(len(ids))
        new = set(self.model.add_pending(ids, where))
        premade = [row for t in targets if (row := target_error_row(t)) is not None and t.file_id in new]
        self.model.apply_results(premade)
        skip = {row.file_id for row in premade}
        unfinished = (RowStatus.PENDING, RowStatus.CANCELLED)
        again = {i for i in ids if i not in new and self._status_of(i) in unfinished}
        todo = [i for i in ids if (i in new or i in again) and i not in skip]
        if not todo:
            self.view.resume_sorting()
            self.status(w.nothing_new(len(ids)))
            return
        self.model.mark_pending(list(again))
        from pan123_gui.workers.resolve import resolve_job

        self._start(resolve_job(self._factory(self.resolve_bar.sign_check.isChecked()), todo), todo)
        self.status(w.started(len(todo)))

    def _status_of(self, file_id: int) -> RowStatus | None:
        row = self.model.row_of(file_id)
        return self.model.status_at(row) if row is not None else None

    def retry_failed(self) -> None:
        """Failed and cancelled rows whose failure can change get another try; no row is added. Rows that trying
        again cannot change (no such file, a folder) are left out, and the status bar says how many."""
        if self._run is not None:
            self.status(w.busy())
            return
        failed = self.model.failed_ids()
        if not failed:
            self.status(w.no_failed())
            return
        ids: list[int] = []
        skipped = 0
        for file_id in failed:
            row = self.model.row_of(file_id)
            result = self.model.result_at(row) if row is not None else None
            if result is not None and result.error_kind in RETRY_CANNOT_CHANGE:
                skipped += 1
            else:
                ids.append(file_id)
        if not ids:
            self.status(w.retry_nothing_can_change(skipped))
            return
        self._refetch(ids, kind=RunKind.RETRY, skipped=skipped)

    def refetch_rows(self, rows: list[int]) -> None:
        """Get these rows' links again (also rows that are OK: the user asked)."""
        if self._run is not None:
            self.status(w.busy())
            return
        ids = [i for i in map(self.model.id_at, rows) if i is not None]
        if ids:
            self._refetch(ids, kind=RunKind.REFETCH)

    def _refetch_after_space(self, ids: list[int]) -> None:
        """A direct-link space was switched on: get the links of its rows again."""
        if self._run is not None:
            self.status(w.busy())
            return
        known = [i for i in ids if self.model.row_of(i) is not None]
        if known:
            self._refetch(known, kind=RunKind.REFETCH)

    def _refetch(self, ids: list[int], *, kind: RunKind, skipped: int = 0) -> None:
        if self._sign_key_blocks():
            return
        sign = self.resolve_bar.sign_check.isChecked()
        rows = [self.model.row_of(i) for i in ids]
        previous = [r for r in (self.model.result_at(row) for row in rows if row is not None) if r is not None]
        self.model.mark_pending(ids)
        from pan123_gui.workers.resolve import resolve_job

        self._start(resolve_job(self._factory(sign), ids), ids, previous, kind=kind, skipped=skipped)
        self.status(w.retrying(len(ids)) + (" · " + w.retry_skipped(skipped) if skipped else ""))

    def resign_expired(self) -> None:
        if self._run is not None:
            self.status(w.busy())
            return
        rows = self.model.expired_rows()
        results = [r for r in (self.model.result_at(row) for row in rows) if r is not None and r.unsigned_url]
        if not results:
            self.status(w.no_expired())
            return
        if not self._sign_key_available():
            self.show_notice(Notice.SIGN_KEY, w.sign_key_blocked)
            self.status(w.not_started_no_sign_key())
            return
        ids = [r.file_id for r in results]
        self.model.mark_pending(ids)
        from pan123_gui.workers.resolve import resign_job

        self._start(resign_job(self._factory(True), results), ids, results, kind=RunKind.RESIGN)
        self.status(w.resigning(len(ids)))

    def _factory(self, sign: bool) -> Callable[[], Resolver]:
        from pan123_gui.workers.resolve import resolver_factory

        return resolver_factory(
            self.services,
            sign=sign,
            valid_minutes=self.resolve_bar.valid_minutes(),
            encoded_path=self._settings.encoded_path,
        )

    def _pause_sorting_if_long(self, adding: int = 0) -> None:
        """A long run keeps a sorted table in input order until it ends (see ResultsView.pause_sorting)."""
        if self.model.rowCount() + adding >= SORT_PAUSE_ROWS:
            self.view.pause_sorting()

    def _start(
        self,
        job: Job,
        ids: list[int],
        previous: Sequence[LinkResult] = (),
        *,
        kind: RunKind = RunKind.RESOLVE,
        skipped: int = 0,
    ) -> None:
        from pan123_gui.ui.window.resolve_run import ResolveRun  # ~40 ms: the worker and the core's data classes

        self._run_kind = kind
        self._retry_skipped = skipped
        self._pause_sorting_if_long()
        run = ResolveRun(job, ids, previous=previous, parent=self)
        run.progress.connect(self.resolve_bar.set_progress)
        run.results.connect(self._on_results)
        run.problem.connect(self._on_run_problem)
        run.finished.connect(self._on_run_finished)
        self._run = run
        self.dismiss_notice(Notice.PROBLEM)
        self.resolve_bar.set_running(True)
        self.update_state()
        run.start(self.services.pool, delay_ms=START_DELAY_MS)

    def cancel(self) -> None:
        run = self._run
        if run is None or run.cancelled:
            return
        run.cancel()
        self.resolve_bar.set_cancelling()
        self.update_state()
        self.status(w.cancelling())

    def _on_results(self, batch: list[LinkResult]) -> None:
        self.model.apply_results(batch)
        self.kept.fetched(batch)

    def _on_run_problem(self, exc: BaseException) -> None:
        from pan123_gui.ui.window.resolve_run import route_problem

        self.show_notice(*route_problem(exc))
        if not isinstance(exc, Pan123Error):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # the app's error dialog (copyable report)

    def _on_run_finished(self, summary: RunSummary) -> None:
        run, self._run = self._run, None
        self.view.resume_sorting()
        self.resolve_bar.set_running(False)
        if summary.cancelled:
            self.status(w.cancelled_summary(summary.ok + summary.failed, summary.not_finished))
        elif self._run_kind is RunKind.RETRY:
            self.status(w.retry_summary(summary.ok, summary.failed, self._retry_skipped))
        elif self._run_kind is RunKind.SIGN:
            self.status(w.signed_rows(summary.ok, summary.failed))
        else:
            self.status(w.finished_summary(summary.ok, summary.failed))
        if self._folder_note:
            self.status(self.statusBar().currentMessage() + " · " + self._folder_note)
            self._folder_note = ""
        if run is not None:
            run.deleteLater()
        self.update_state()
        self.refresh_expiry()
        self.save_session_in_background()  # a crash later loses nothing of this run
        self.sharing.after_run(summary.results)  # folders of rows outside a space, the account line
        if self._signing_choice_pending:
            self._apply_signing_choice()

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
        if self._run is not None:
            self.status(w.busy())
            return
        rows = self.model.rowCount()
        if rows and not desktop.confirm(
            self, w.clear_confirm_title(), w.clear_confirm_text(rows), w.clear_confirm_button()
        ):
            return
        self.model.clear()
        self.input.clear_text()
        self.resolve_bar.reset_progress()
        self.kept.clear()
        self.status(w.cleared(rows))
        self.input.edit.setFocus()

    def remove_rows(self, rows: list[int]) -> None:
        """Take these (source) rows out of the list; a late result for one of them is ignored."""
        ids = self.model.ids()
        chosen = [ids[r] for r in rows if 0 <= r < len(ids)]
        if not chosen:
            self.status(w.no_rows_selected())
            return
        removed = self.model.remove_ids(chosen)
        self.kept.forget(removed)
        self.status(w.removed_rows(len(removed)))

    # ================================================================================================ the kept list
    def _kept_list_read(self, saved: SavedSession | None) -> None:
        """The list kept from last time was read (on a pool thread): its rows come back a slice per event-loop
        turn (100,000 rows at once would freeze the window for most of a second), then start-up goes on."""
        self._tell_restore_problem()
        if saved is None:
            self._start_up_done()
            return
        if saved.text.strip() and not self.input.text().strip():
            self.input.put_text(saved.text)  # a huge text (an older version kept one) gives its IDs, on the pool
        self._restore_slice(saved, 0, 0)

    def _restore_slice(self, saved: SavedSession, start: int, added: int) -> None:
        end = start + RESTORE_SLICE
        added += len(self.model.restore_rows(saved.results[start:end], expired=saved.expired))
        if end < len(saved.results):
            QTimer.singleShot(0, self, lambda: self._restore_slice(saved, end, added))
            return
        if added:
            self.status(w.restored_rows(added))
        elif saved.text.strip():
            self.status(w.restored_text())
        self._start_up_done()

    def save_session(self) -> bool:
        """Write the box and the rows to the session file (when the list is kept: not in demo mode). When that
        fails the window says so, with an Export button."""
        saved = self.kept.save(self.input.text(), self.model, self.input.scan())  # a huge text: kept as its IDs
        self._after_save(saved)
        return saved

    @property
    def saving(self) -> bool:
        """Whether a save on a pool thread has not reported back yet."""
        return self.kept.writing

    def save_session_in_background(self) -> None:
        """:meth:`save_session` with the writing on a pool thread (after a run: no stall for a big list)."""
        self.kept.save_in_background(self.input.text(), self.model, self.input.scan(), self._after_save)

    def _after_save(self, saved: bool) -> None:
        error = self.kept.save_error
        if error is not None:
            self.show_notice(Notice.KEPT_LIST_NOT_SAVED, lambda: w.kept_list_not_saved(error))
        elif saved:
            self.dismiss_notice(Notice.KEPT_LIST_NOT_SAVED)

    def wait_for_keyring(self, then: Callable[[], object]) -> None:
        """Open the keyring and read the credentials on a worker (a keyring that blocks, e.g. an unlock prompt
        nobody answers, is given up by the core after its timeout), saying so meanwhile; then call ``then`` here."""
        from pan123_gui.workers.base import Worker

        self.statusBar().showMessage(w.waiting_for_keyring())
        self._after_keyring = then
        worker = Worker(self.services.has_credentials)
        worker.signals.finished.connect(self._keyring_read)  # a bound method: arrives on the GUI thread
        worker.start(self.services.pool)

    def _keyring_read(self) -> None:
        if self.statusBar().currentMessage() == w.waiting_for_keyring():
            self.statusBar().clearMessage()
        then, self._after_keyring = self._after_keyring, None
        if then is not None:
            then()

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

    def _tell_restore_problem(self) -> None:
        """Last time's list could not be used: say where it went (it is never deleted)."""
        found = self.kept.restore_problem()
        if found is None:
            return
        problem, aside = found
        from pan123_gui.ui.window.session import SessionProblem

        if problem is SessionProblem.FOLDER:
            return  # nothing to read; saving fails and says so
        if aside is not None:
            name = aside.name
            self.show_notice(Notice.KEPT_LIST_SET_ASIDE, lambda: w.kept_list_set_aside(name))
        else:
            self.show_notice(Notice.KEPT_LIST_SET_ASIDE, w.kept_list_left_alone)

    # ================================================================================================ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        """Asks first when quitting would lose links (not copied, opened or exported) or cut a run short."""
        if not self._quit_confirmed:
            if self.kept.kept:
                self.save_session()  # so the question knows whether the list is kept
            question = self._quit_question()
            if question is not None:
                event.ignore()
                self._ask_before_quitting(*question)
                return
        self._quit_confirmed = False
        if self._run is not None:
            self._run.cancel()
        self._settings.save_geometry(self)
        self.save_session()
        super().closeEvent(event)

    def _quit_question(self) -> tuple[str, bool] | None:
        """(the question, whether "Copy all & quit" has links to copy), or None when nothing would be lost."""
        have_links = self.model.counts()[RowStatus.OK] > 0
        run = self._run
        if run is not None and not run.cancelled:
            return w.quit_running(run.done, len(run.ids)), have_links
        not_taken = self.kept.not_taken(self.model)
        if not_taken:
            return w.quit_not_copied(not_taken), have_links
        if self.kept.kept and not self.kept.can_keep and self.model.rowCount() > 0:
            return w.quit_list_unsaved(), have_links  # the rows would be gone: say so and offer Export
        return None

    def _ask_before_quitting(self, text: str, offer_copy: bool) -> None:
        """The question opens over the window without blocking (a script's ``close()`` returns at once)."""
        if self._quit_box is not None:
            self._quit_box.raise_()
            self._quit_box.activateWindow()
            return
        lost = self.kept.kept and not self.kept.can_keep
        info = w.quit_list_not_kept() if lost else w.quit_list_kept() if self.kept.kept else ""
        box = desktop.quit_box(self, text, info, offer_copy=offer_copy, offer_export=lost)
        box.finished.connect(self._on_quit_answer)
        self._quit_box = box
        box.open()

    def _on_quit_answer(self, _result: int = 0) -> None:
        box, self._quit_box = self._quit_box, None
        if box is None:
            return
        choice = desktop.quit_choice(box)
        box.deleteLater()
        if choice is desktop.QuitChoice.CANCEL:
            return
        if choice is desktop.QuitChoice.EXPORT:
            QTimer.singleShot(0, self, self.export)  # the window stays open; quitting later asks again if needed
            return
        if choice is desktop.QuitChoice.COPY_AND_QUIT:
            self.copy_all_links()
            if not desktop.clipboard_survives_quit():  # the clipboard would be empty the moment we quit: say so
                box = desktop.paste_first_box(self, len(self.model.successful_links()))
                box.finished.connect(self._on_quit_answer)
                self._quit_box = box
                box.open()
                return
        self._quit_confirmed = True
        QTimer.singleShot(0, self, self._close_confirmed)

    def _close_confirmed(self) -> None:
        if not self.close():
            self._quit_confirmed = False

    @property
    def quit_question(self) -> QMessageBox | None:
        """The open "Quit anyway?" question, if any."""
        return self._quit_box
