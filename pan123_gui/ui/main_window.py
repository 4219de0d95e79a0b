"""The main window: a controller that wires the input panel, the resolve bar, the results view and the actions.

Widgets live in their own modules (input_panel, resolve_bar, results_view, action_bar, notice_bar); helpers for
the clipboard, the browser and export in ``actions``; every text in ``wording/window.py``. Work runs on the
services' pool through :class:`~pan123_gui.workers.resolve.ResolveWorker`; the window only applies batches.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pan123_gui.core.errors import ErrorKind, Pan123Error
from pan123_gui.ui import actions
from pan123_gui.ui.action_bar import ActionBar
from pan123_gui.ui.input_panel import InputPanel, accept_id_drag
from pan123_gui.ui.resolve_bar import ResolveBar
from pan123_gui.ui.results_model import ResultsModel
from pan123_gui.ui.results_view import ResultsView
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from pan123_gui.app import Services
    from pan123_gui.core.models import LinkResult
    from pan123_gui.core.resolver import Resolver
    from pan123_gui.core.text_files import FileIssue
    from pan123_gui.ui.notice_bar import NoticeBar
    from pan123_gui.ui.session import NewLinks, SessionStore
    from pan123_gui.workers.resolve import Job, ResolveWorker

# Start-up: what the first paint does not need (the resolve worker, the core's data classes, file reading, dialogs,
# the session file) is imported on first use; each PySide class also builds its Python enums when first imported.

STATUS_MS = 6000
EXPIRY_CHECK_MS = 15_000
START_DELAY_MS = 30
#: From this many rows on, a run pauses the table's sorting until it ends (one sort then, not one per change).
SORT_PAUSE_ROWS = 1000
LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))
NOTICE_CREDENTIALS = "credentials"
NOTICE_SIGN_KEY = "sign_key"
NOTICE_FILES = "files"
NOTICE_PROBLEM = "problem"


def _documents_folder() -> str:
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = services.settings
        self._job: ResolveWorker | None = None
        self._job_results: dict[int, LinkResult] = {}
        self._job_kind = "resolve"
        self._notice_args: tuple[object, ...] = ()
        self._new_links: NewLinks | None = None  # links not yet copied / opened / exported (made on first results)
        self._session: SessionStore | None = None  # the list kept between runs (set up after the first paint)
        self._quit_box: QMessageBox | None = None
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

        self._create_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_layout()
        self._connect()
        self._load_settings()
        self.retranslate()
        self._update_state()

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
        if QApplication.windowIcon().isNull():
            try:  # the app shell sets the app's icon; a window made on its own (tests, benchmarks) gets it here
                from pan123_gui.ui.icons import app_icon

                self.setWindowIcon(app_icon())
            except (ImportError, OSError):  # pragma: no cover - icons ship with the app
                pass
        self._name_toolbar_buttons()
        self.check_credentials()
        self.restore_session()
        self.first_paint_done = True

    # ================================================================================================ building
    def _new_action(
        self,
        slot: object,
        *,
        icon: str = "",
        keys: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
    ) -> QAction:
        action = QAction(self)
        if icon:
            action.setIcon(actions.action_icon(icon))
        if keys:
            action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.act_resolve = self._new_action(self.resolve, icon="resolve", keys=("Ctrl+Return", "Ctrl+Enter"))
        self.act_cancel = self._new_action(self.cancel, icon="cancel", keys=("Esc",))
        self.act_copy_all = self._new_action(self.copy_all_links, icon="copy", keys=("Ctrl+Shift+C",))
        self.act_copy_failed = self._new_action(self.copy_failed_ids, icon="copy")
        self.act_retry = self._new_action(self.retry_failed, icon="retry", keys=("Ctrl+R",))
        self.act_resign = self._new_action(self.resign_expired, icon="sign")
        self.act_export = self._new_action(self.export, icon="export", keys=(QKeySequence.StandardKey.Save,))
        self.act_clear = self._new_action(self.clear, icon="clear")
        self.act_open_files = self._new_action(self.open_files, icon="paste", keys=(QKeySequence.StandardKey.Open,))
        self.act_quit = self._new_action(self.close, keys=(QKeySequence.StandardKey.Quit,))
        self.act_credentials = self._new_action(self.open_credentials, icon="key")
        self.act_settings = self._new_action(self.open_settings, icon="settings")
        self.act_help = self._new_action(self.show_help, icon="about", keys=(QKeySequence.StandardKey.HelpContents,))
        self.act_about = self._new_action(self.show_about)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.act_lang_system = QAction(self)
        self.act_lang_system.setData("system")
        self.language_actions = [self.act_lang_system]
        for code, name in LANGUAGE_NAMES:
            action = QAction(name, self)  # each language is named in itself, so it can be found in any UI language
            action.setData(code)
            self.language_actions.append(action)
        for action in self.language_actions:
            action.setCheckable(True)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(self._on_language_chosen)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = QMenu(self)
        self.menu_file.addAction(self.act_open_files)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = QMenu(self)
        for action in (self.act_resolve, self.act_cancel):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.view.act_copy)
        self.menu_edit.addAction(self.view.act_open)
        for action in (self.act_copy_all, self.act_copy_failed):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        for action in (self.act_retry, self.act_resign):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.view.act_remove)
        self.menu_edit.addAction(self.act_clear)
        self.menu_settings = QMenu(self)
        self.menu_settings.addAction(self.act_credentials)
        self.menu_settings.addAction(self.act_settings)
        self.menu_language = QMenu(self)
        for action in self.language_actions:
            self.menu_language.addAction(action)
        self.menu_settings.addMenu(self.menu_language)
        self.menu_help = QMenu(self)
        self.menu_help.addAction(self.act_help)
        self.menu_help.addAction(self.act_about)
        for menu in (self.menu_file, self.menu_edit, self.menu_settings, self.menu_help):
            bar.addMenu(menu)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.act_open_files)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_credentials)
        self.toolbar.addAction(self.act_settings)
        self.language_button = QToolButton(self.toolbar)
        self.language_button.setMenu(self.menu_language)
        self.language_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addWidget(self.language_button)
        self.toolbar.addAction(self.act_help)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

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
        for action in (self.act_copy_all, self.act_copy_failed, self.act_retry, self.act_resign, self.act_export):
            self.action_bar.add(action)
        self.action_bar.add_stretch()
        self.action_bar.add(self.act_clear)
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
        self.statusBar().addPermanentWidget(self.demo_label)
        self.demo_label.setVisible(self._services.is_demo)

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
        self.model.counts_changed.connect(self._update_state)
        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.modelReset.connect(self._on_rows_changed)
        self.input.ids_added.connect(self._on_ids_added)
        self.input.problems.connect(self._on_file_problems)
        self.input.nothing_found.connect(self._on_nothing_found)
        self.input.reading_changed.connect(self._on_reading_changed)
        self.view.copy_rows.connect(self.copy_rows)
        self.view.open_row.connect(self.open_row)
        self.view.copy_id_rows.connect(self.copy_row_ids)
        self.view.refetch_rows.connect(self.refetch_rows)
        self.view.remove_rows.connect(self.remove_rows)

    def _load_settings(self) -> None:
        bar = self.resolve_bar
        bar.sign_check.blockSignals(True)
        bar.sign_check.setChecked(self._settings.sign_links)
        bar.sign_check.blockSignals(False)
        bar.set_valid_minutes(self._settings.valid_minutes)
        bar.set_running(self._job is not None)
        language = self._settings.language
        for action in self.language_actions:
            action.setChecked(action.data() == language)

    # ================================================================================================ text
    def retranslate(self) -> None:
        self.setWindowTitle(w.window_title(self._services.is_demo))
        self.menu_file.setTitle(w.menu_file())
        self.menu_edit.setTitle(w.menu_edit())
        self.menu_settings.setTitle(w.menu_settings())
        self.menu_language.setTitle(w.menu_language())
        self.menu_help.setTitle(w.menu_help())
        self.toolbar.setWindowTitle(w.toolbar_name())
        self.toolbar.setAccessibleName(w.toolbar_name())
        self.language_button.setText(w.plain(w.menu_language()))
        self.language_button.setAccessibleName(w.plain(w.menu_language()))
        texts: list[tuple[QAction, str, str]] = [
            (self.act_resolve, w.resolve_button(), w.resolve_tip()),
            (self.act_cancel, w.cancel_button(), w.cancel_tip()),
            (self.act_copy_all, w.copy_all_button(), w.copy_all_tip()),
            (self.act_copy_failed, w.copy_failed_button(), w.copy_failed_tip()),
            (self.act_retry, w.retry_button(), w.retry_tip()),
            (self.act_resign, w.resign_button(), w.resign_tip()),
            (self.act_export, w.export_button(), w.export_tip()),
            (self.act_clear, w.clear_button(), w.clear_tip()),
            (self.act_open_files, w.action_open_files(), w.open_files_title()),
            (self.act_quit, w.action_quit(), ""),
            (self.act_credentials, w.action_credentials(), w.action_credentials_tip()),
            (self.act_settings, w.action_settings(), w.action_settings_tip()),
            (self.act_help, w.action_help(), w.help_title()),
            (self.act_about, w.action_about(), ""),
        ]
        for action, text, tip in texts:
            action.setText(text)
            action.setIconText(w.plain(text))  # buttons show this: without a mnemonic they cannot use
            action.setToolTip(tip or text.replace("&", ""))
            action.setStatusTip(tip)
        self.act_lang_system.setText(w.language_system())
        if self._painted:
            self._name_toolbar_buttons()
        self.results_label.setText(w.results_label() + " — " + w.results_tip())
        self.demo_label.setText(w.demo_status())
        self.demo_label.setAccessibleName(w.demo_status())
        self.input.retranslate()
        self.resolve_bar.retranslate()
        self.view.retranslate()
        if self._notice is not None:
            self._notice.retranslate()
        self.action_bar.retranslate()
        self._refresh_notice_text()

    def _name_toolbar_buttons(self) -> None:
        # After the first paint: the buttons are Qt's own, and handing one to Python makes PySide load the class of
        # every QWidget subclass first (~10 ms).
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and action.text():
                button.setAccessibleName(w.plain(action.text()))
                button.setAccessibleDescription(action.toolTip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language_chosen(self, action: QAction) -> None:
        code = str(action.data())
        self._settings.language = code
        try:
            from pan123_gui.ui.i18n import install_translators, system_language
        except ImportError:  # pragma: no cover - shipped with the app
            return
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

    def _update_state(self) -> None:
        counts = self.model.counts()
        running = self._job is not None
        failed = counts[RowStatus.FAILED] + counts[RowStatus.CANCELLED]
        finished = counts[RowStatus.OK] + counts[RowStatus.EXPIRED] + failed
        self.act_resolve.setEnabled(not running)
        self.act_cancel.setEnabled(running and not (self._job is not None and self._job.cancelled))
        self.act_copy_all.setEnabled(counts[RowStatus.OK] > 0)
        self.act_copy_failed.setEnabled(failed > 0)
        self.act_retry.setEnabled(not running and failed > 0)
        self.act_resign.setEnabled(not running and counts[RowStatus.EXPIRED] > 0)
        self.act_export.setEnabled(finished > 0)
        self.act_clear.setEnabled(not running)
        self.view.act_refetch.setEnabled(not running)

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    @property
    def busy(self) -> bool:
        return self._job is not None

    # ================================================================================================ notices
    @property
    def notice(self) -> NoticeBar:
        """The notice strip over the paste box (made on first use: it stays hidden until there is a notice)."""
        if self._notice is None:
            from pan123_gui.ui.notice_bar import NoticeBar

            self._notice = NoticeBar(self)
            self._central_layout.insertWidget(0, self._notice)
        return self._notice

    def _dismiss_notice(self, key: str) -> None:
        if self._notice is not None:
            self._notice.dismiss(key)

    def _show_notice(self, key: str, *args: object) -> None:
        self._notice_args = args
        self.notice.key = key
        self._refresh_notice_text()

    def _refresh_notice_text(self) -> None:
        key = self._notice.key if self._notice is not None else None
        if key is None:
            return
        if key == NOTICE_CREDENTIALS:
            text = str(self._notice_args[0]) if self._notice_args else w.no_credentials()
            self.notice.show_notice(key, text, [(w.open_credentials(), self.open_credentials)])
        elif key == NOTICE_SIGN_KEY:
            self.notice.show_notice(
                key,
                w.no_sign_key(),
                [(w.enter_sign_key(), self.open_credentials), (w.turn_signing_off(), self._turn_signing_off)],
            )
        elif key == NOTICE_FILES:
            issues = self._notice_args[0] if self._notice_args else []
            assert isinstance(issues, list)
            lines = [w.file_problems_intro(), *(self._issue_text(i) for i in issues)]
            self.notice.show_notice(key, "\n".join(lines), [(w.action_open_files(), self.open_files)])
        elif key == NOTICE_PROBLEM:
            self.notice.show_notice(key, str(self._notice_args[0]) if self._notice_args else w.unexpected_problem())

    def check_credentials(self) -> bool:
        """Show the "no credentials" notice when there are none (never in demo mode). True when usable."""
        if self._services.is_demo or self._services.has_credentials():
            self._dismiss_notice(NOTICE_CREDENTIALS)
            return True
        self._show_notice(NOTICE_CREDENTIALS)
        return False

    def _sign_key_available(self) -> bool:
        try:
            return bool(self._services.credentials().sign_key)
        except Pan123Error:
            return False

    def _turn_signing_off(self) -> None:
        self.resolve_bar.sign_check.setChecked(False)
        self._dismiss_notice(NOTICE_SIGN_KEY)

    def _on_sign_toggled(self, checked: bool) -> None:
        self._settings.sign_links = checked
        if checked and not self._sign_key_available():
            self._show_notice(NOTICE_SIGN_KEY)
        elif not checked:
            self._dismiss_notice(NOTICE_SIGN_KEY)

    def _on_valid_changed(self, minutes: int) -> None:
        self._settings.valid_minutes = minutes

    # ================================================================================================ dialogs
    def open_credentials(self) -> None:
        from pan123_gui.ui.credentials_dialog import CredentialsDialog

        dialog = CredentialsDialog(self._services, self)
        dialog.exec()
        dialog.deleteLater()
        self._services.reset_client()
        self.check_credentials()
        if self._notice is not None and self._notice.key == NOTICE_SIGN_KEY and self._sign_key_available():
            self._dismiss_notice(NOTICE_SIGN_KEY)

    def open_settings(self) -> None:
        from pan123_gui.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._services, self)
        dialog.exec()
        dialog.deleteLater()
        self._load_settings()

    def show_help(self) -> None:
        self._message(w.help_title(), w.help_text())

    def show_about(self) -> None:
        from pan123_gui import __version__

        self._message(w.about_title(), w.about_text(__version__))

    def _message(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

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
        if self.input.add_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def open_files(self) -> None:
        start = _documents_folder()
        paths = actions.ask_open_paths(self, w.open_files_title(), start, w.open_files_filter())
        if paths:
            self.input.add_files([Path(p) for p in paths])

    def _on_ids_added(self, count: int) -> None:
        self._status(w.added_ids(count))
        self._dismiss_notice(NOTICE_FILES)

    def _on_reading_changed(self, reading: bool) -> None:
        if reading:
            self.statusBar().showMessage(w.reading_files())

    def _on_nothing_found(self) -> None:
        self._status(w.no_ids_in_drop())

    def _on_file_problems(self, issues: list[FileIssue]) -> None:
        self._show_notice(NOTICE_FILES, issues)

    @staticmethod
    def _issue_text(issue: FileIssue) -> str:
        from pan123_gui.core.text_files import MAX_FILE_BYTES, FileProblem

        name = issue.name
        problem = issue.problem
        if problem is FileProblem.FOLDER:
            return w.file_is_folder(name)
        if problem is FileProblem.MISSING:
            return w.file_missing(name)
        if problem is FileProblem.TOO_BIG:
            from pan123_gui.ui.wording.errors import format_size

            size = int(issue.detail) if issue.detail.isdigit() else None
            return w.file_too_big(name, format_size(size), format_size(MAX_FILE_BYTES))
        if problem is FileProblem.BINARY:
            return w.file_binary(name)
        if problem is FileProblem.ENCODING:
            return w.file_encoding(name)
        if problem is FileProblem.NO_IDS:
            return w.file_no_ids(name)
        return w.file_unreadable(name, issue.detail)

    # ================================================================================================ resolving
    def resolve(self) -> None:
        """Get links for the IDs in the box: new IDs get rows; unfinished rows among them are picked up again."""
        if self._job is not None:
            self._status(w.busy())
            return
        ids = self.input.ids()
        if not ids:
            self._status(w.nothing_to_resolve_empty())
            self.input.edit.setFocus()
            return
        sign = self.resolve_bar.sign_check.isChecked()
        if sign and not self._sign_key_available():
            self._show_notice(NOTICE_SIGN_KEY)
            return
        self._pause_sorting_if_long(len(ids))
        new = set(self.model.add_pending(ids))
        again: list[int] = []
        for file_id in ids:
            row = self.model.row_of(file_id)
            if (
                file_id not in new
                and row is not None
                and self.model.status_at(row) in (RowStatus.PENDING, RowStatus.CANCELLED)
            ):
                again.append(file_id)
        if not new and not again:
            self.view.resume_sorting()
            self._status(w.nothing_new(len(ids)))
            return
        self.model.mark_pending(again)
        todo = [i for i in ids if i in new or i in set(again)]
        from pan123_gui.workers.resolve import resolve_job

        self._start(resolve_job(self._factory(sign), todo), todo, "resolve")
        self._status(w.started(len(todo)))

    def retry_failed(self) -> None:
        """Failed and cancelled rows get another try; no row is added."""
        if self._job is not None:
            self._status(w.busy())
            return
        ids = self.model.failed_ids()
        if not ids:
            self._status(w.no_failed())
            return
        self._refetch(ids)

    def refetch_rows(self, rows: list[int]) -> None:
        """Get these rows' links again (also rows that are OK: the user asked)."""
        if self._job is not None:
            self._status(w.busy())
            return
        ids = [self.model.ids()[r] for r in rows if 0 <= r < self.model.rowCount()]
        if ids:
            self._refetch(ids)

    def _refetch(self, ids: list[int]) -> None:
        sign = self.resolve_bar.sign_check.isChecked()
        if sign and not self._sign_key_available():
            self._show_notice(NOTICE_SIGN_KEY)
            return
        rows = [self.model.row_of(i) for i in ids]
        previous = [r for r in (self.model.result_at(row) for row in rows if row is not None) if r is not None]
        self.model.mark_pending(ids)
        from pan123_gui.workers.resolve import resolve_job

        self._start(resolve_job(self._factory(sign), ids), ids, "resolve", previous)
        self._status(w.retrying(len(ids)))

    def resign_expired(self) -> None:
        if self._job is not None:
            self._status(w.busy())
            return
        rows = self.model.expired_rows()
        results = [r for r in (self.model.result_at(row) for row in rows) if r is not None and r.unsigned_url]
        if not results:
            self._status(w.no_expired())
            return
        if not self._sign_key_available():
            self._show_notice(NOTICE_SIGN_KEY)
            return
        ids = [r.file_id for r in results]
        self.model.mark_pending(ids)
        from pan123_gui.workers.resolve import resign_job

        self._start(resign_job(self._factory(True), results), ids, "resign", results)
        self._status(w.resigning(len(ids)))

    def _factory(self, sign: bool) -> Callable[[], Resolver]:
        from pan123_gui.workers.resolve import resolver_factory

        return resolver_factory(
            self._services,
            sign=sign,
            valid_minutes=self.resolve_bar.valid_minutes(),
            encoded_path=self._settings.encoded_path,
        )

    def _pause_sorting_if_long(self, adding: int = 0) -> None:
        """A long run keeps a sorted table in input order until it ends (see ResultsView.pause_sorting)."""
        if self.model.rowCount() + adding >= SORT_PAUSE_ROWS:
            self.view.pause_sorting()

    def _start(self, job: Job, ids: list[int], kind: str, previous: Sequence[LinkResult] = ()) -> None:
        from pan123_gui.workers.resolve import ResolveWorker

        self._pause_sorting_if_long()
        worker = ResolveWorker(job, ids, previous=previous, parent=self)
        worker.results.connect(self._on_results)
        worker.failed.connect(self._on_job_failed)
        worker.finished.connect(self._on_job_finished)
        self._job = worker
        self._job_kind = kind
        self._job_results = {}
        self._dismiss_notice(NOTICE_PROBLEM)
        self.resolve_bar.set_running(True)
        self.resolve_bar.set_progress(0, len(worker.ids), 0)
        self._update_state()
        # Let the new rows lay out and paint before the resolver's threads start competing for the GIL.
        QTimer.singleShot(START_DELAY_MS, worker, self._start_worker)

    def _start_worker(self) -> None:
        job = self._job
        if job is not None and not job.running:
            job.start(self._services.pool)

    def cancel(self) -> None:
        job = self._job
        if job is None or job.cancelled:
            return
        job.cancel()
        self.resolve_bar.set_cancelling()
        self._update_state()
        self._status(w.cancelling())

    def _on_results(self, batch: list[LinkResult]) -> None:
        job = self._job
        if job is None or self.sender() is not job:
            return
        self.model.apply_results(batch)
        self._links_not_taken().fetched(batch)
        for result in batch:
            self._job_results[result.file_id] = result
        self.resolve_bar.set_progress(len(self._job_results), len(job.ids), self._failed_in_job())

    def _failed_in_job(self) -> int:
        return sum(1 for r in self._job_results.values() if not r.ok and r.error_kind is not ErrorKind.CANCELLED)

    def _on_job_failed(self, exc: object) -> None:
        from pan123_gui.ui.wording.errors import error_text

        if isinstance(exc, Pan123Error):
            if exc.kind in (ErrorKind.CREDENTIALS, ErrorKind.AUTH):
                self._show_notice(NOTICE_CREDENTIALS, error_text(exc.kind, exc.code, exc.server_message))
            elif exc.kind is ErrorKind.SIGNING:
                self._show_notice(NOTICE_SIGN_KEY)
            else:
                self._show_notice(NOTICE_PROBLEM, error_text(exc.kind, exc.code, exc.server_message))
            return
        self._show_notice(NOTICE_PROBLEM, w.unexpected_problem())
        if isinstance(exc, BaseException):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # the app's error dialog (copyable report)

    def _on_job_finished(self, final: list[LinkResult]) -> None:
        job = self._job
        if job is None or self.sender() is not job:
            return
        self._job = None
        self.view.resume_sorting()
        cancelled = sum(1 for r in final if r.error_kind is ErrorKind.CANCELLED)
        ok = sum(1 for r in final if r.ok)
        failed = len(final) - ok - cancelled
        self.resolve_bar.set_running(False)
        self.resolve_bar.set_progress(len(final), len(final), failed)
        if job.cancelled:
            self._status(w.cancelled_summary(ok + failed, cancelled))
        else:
            self._status(w.finished_summary(ok, failed))
        job.deleteLater()
        self._update_state()
        self.refresh_expiry()
        self.save_session()  # a crash later loses nothing of this run

    def refresh_expiry(self) -> None:
        if self.model.refresh_expiry():
            self._update_state()

    # ================================================================================================ list actions
    def copy_all_links(self) -> None:
        links = self.model.successful_links()
        n = actions.copy_links(links)
        self._links_not_taken().handed_out(links)
        self._status(w.copied_links(n) if n else w.no_links_yet())

    def copy_failed_ids(self) -> None:
        n = actions.copy_ids(self.model.failed_ids())
        self._status(w.copied_failed(n) if n else w.no_failed())

    def copy_rows(self, rows: list[int]) -> None:
        links = [self.model.link_at(r) for r in rows]
        n = actions.copy_links(links)
        self._links_not_taken().handed_out(links)
        if not n:
            self._status(w.no_link_in_selection())
        elif n < len(rows):
            self._status(w.copied_links_skipped(n, len(rows) - n))
        else:
            self._status(w.copied_links(n))

    def copy_row_ids(self, rows: list[int]) -> None:
        ids = self.model.ids()
        n = actions.copy_ids([ids[r] for r in rows if 0 <= r < len(ids)])
        self._status(w.copied_ids(n))

    def open_row(self, row: int) -> None:
        link = self.model.link_at(row)
        if link is None:
            self._status(w.no_link_in_selection())
            return
        from pan123_gui.core.links import is_http_link

        if not is_http_link(link):
            self._status(w.refused_link())
            return
        self._links_not_taken().handed_out([link])
        if actions.open_link(link):
            self._status(w.opened_link())
        else:
            actions.copy_links([link])
            self._status(w.open_failed())

    def export(self) -> None:
        results = self.model.results()
        if not results:
            self._status(w.nothing_to_export())
            return
        choices = actions.export_choices()
        filters = [c.filter_text() for c in choices]
        folder = self._settings.qsettings.value("window/export_dir")
        if not isinstance(folder, str) or not Path(folder).is_dir():
            folder = _documents_folder()
        from datetime import datetime

        name = f"123pan-links-{datetime.now():%Y%m%d-%H%M}{choices[0].suffix}"
        path, chosen = actions.ask_save_path(self, w.export_title(), str(Path(folder) / name), filters)
        if not path:
            return
        choice = next((c for c, f in zip(choices, filters, strict=True) if f == chosen), None)
        if choice is None:  # no filter reported: go by the typed suffix, else plain text
            choice = next((c for c in choices if path.lower().endswith(c.suffix.lower())), choices[0])
        target = actions.path_for_choice(Path(path), choice)
        try:
            actions.export_results(target, results, choice)
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            reason = exc.strerror or type(exc).__name__
            self._status(w.export_failed(reason))
            QMessageBox.warning(self, w.export_title(), w.export_failed(reason))
            return
        self._links_not_taken().handed_out(r.url for r in results)
        self._settings.qsettings.setValue("window/export_dir", str(target.parent))
        self._status(w.exported(len(results), target.name))

    def clear(self) -> None:
        if self._job is not None:
            self._status(w.busy())
            return
        rows = self.model.rowCount()
        if rows and not actions.confirm(
            self, w.clear_confirm_title(), w.clear_confirm_text(rows), w.clear_confirm_button()
        ):
            return
        self.model.clear()
        self.input.clear_text()
        self.resolve_bar.reset_progress()
        self._links_not_taken().clear()
        if self._session is not None:
            self._session.clear()
        self._status(w.cleared(rows))
        self.input.edit.setFocus()

    def remove_rows(self, rows: list[int]) -> None:
        """Take these (source) rows out of the list; a late result for one of them is ignored."""
        ids = self.model.ids()
        chosen = [ids[r] for r in rows if 0 <= r < len(ids)]
        if not chosen:
            self._status(w.no_rows_selected())
            return
        removed = self.model.remove_ids(chosen)
        self._links_not_taken().forget(removed)
        self._status(w.removed_rows(len(removed)))

    # ================================================================================================ the kept list
    def _links_not_taken(self) -> NewLinks:
        if self._new_links is None:
            from pan123_gui.ui.session import NewLinks

            self._new_links = NewLinks()
        return self._new_links

    def restore_session(self) -> int:
        """Bring back the list kept from last time (never in demo mode); returns how many rows came back.

        Runs once, after the first paint; until then nothing is saved either, so quitting very early never
        overwrites the kept list with an empty one.
        """
        path = self._services.session_file
        if path is None or self._session is not None:
            return 0
        from pan123_gui.ui.session import SessionStore

        self._session = SessionStore(path)
        saved = self._session.load()
        if saved is None or saved.empty:
            return 0
        if saved.text.strip() and not self.input.text().strip():
            self.input.set_text(saved.text)
        added = self.model.restore_rows(saved.results, expired=saved.expired)
        if added:
            self._status(w.restored_rows(len(added)))
        elif saved.text.strip():
            self._status(w.restored_text())
        return len(added)

    def save_session(self) -> bool:
        """Write the box and the rows to the session file (when the list is kept: not in demo mode)."""
        return self._session is not None and self._session.save(self.input.text(), self.model)

    # ================================================================================================ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        """Asks first when quitting would lose links (not copied, opened or exported) or cut a run short."""
        if not self._quit_confirmed:
            question = self._quit_question()
            if question is not None:
                event.ignore()
                self._ask_before_quitting(*question)
                return
        self._quit_confirmed = False
        if self._job is not None:
            self._job.cancel()
        self._settings.save_geometry(self)
        self.save_session()
        super().closeEvent(event)

    def _quit_question(self) -> tuple[str, bool] | None:
        """(the question, whether "Copy all & quit" has links to copy), or None when nothing would be lost."""
        have_links = self.model.counts()[RowStatus.OK] > 0
        job = self._job
        if job is not None and not job.cancelled:
            return w.quit_running(len(self._job_results), len(job.ids)), have_links
        not_taken = self._new_links.count(self.model) if self._new_links is not None else 0
        if not_taken:
            return w.quit_not_copied(not_taken), have_links
        return None

    def _ask_before_quitting(self, text: str, offer_copy: bool) -> None:
        """The question opens over the window without blocking (a script's ``close()`` returns at once)."""
        if self._quit_box is not None:
            self._quit_box.raise_()
            self._quit_box.activateWindow()
            return
        info = w.quit_list_kept() if self._services.session_file is not None else ""
        box = actions.quit_box(self, text, info, offer_copy=offer_copy)
        box.finished.connect(self._on_quit_answer)
        self._quit_box = box
        box.open()

    def _on_quit_answer(self, _result: int = 0) -> None:
        box, self._quit_box = self._quit_box, None
        if box is None:
            return
        choice = actions.quit_choice(box)
        box.deleteLater()
        if choice is actions.QuitChoice.CANCEL:
            return
        if choice is actions.QuitChoice.COPY_AND_QUIT:
            self.copy_all_links()
        self._quit_confirmed = True
        QTimer.singleShot(0, self, self._close_confirmed)

    def _close_confirmed(self) -> None:
        if not self.close():
            self._quit_confirmed = False

    @property
    def quit_question(self) -> QMessageBox | None:
        """The open "Quit anyway?" question, if any."""
        return self._quit_box
