"""The window's commands: every QAction with its icon and shortcut, the menus, the toolbar and the language menu.

:class:`WindowCommands` builds them on a main window and connects each action to the slot of the same name of its
:class:`CommandTarget` (the :class:`~pan123_gui.ui.window.main_window.MainWindow` itself); it gives them their texts
(:meth:`WindowCommands.retranslate`) and turns them on and off from the list's counts (:meth:`WindowCommands.update`).
Texts live in ``wording/window.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from pan123_gui.languages import LANGUAGES
from pan123_gui.ui.icons import action_icon
from pan123_gui.ui.row_status import RowStatus
from pan123_gui.ui.wording import window as w

if TYPE_CHECKING:
    from pan123_gui.ui.results.view import ResultsView

Keys = Sequence[QKeySequence | QKeySequence.StandardKey | str]

#: After the Language button's text: it opens a menu (the style's own arrow is a few pixels in a corner).
MENU_ARROW = "▾"


class CommandTarget(Protocol):
    """What the commands trigger: the main window's slots, and its view's row actions for the Edit menu."""

    view: ResultsView

    def resolve(self) -> None: ...
    def cancel(self) -> None: ...
    def copy_all_links(self) -> None: ...
    def copy_failed_ids(self) -> None: ...
    def retry_failed(self) -> None: ...
    def resign_expired(self) -> None: ...
    def export(self) -> None: ...
    def clear(self) -> None: ...
    def open_files(self) -> None: ...
    def open_credentials(self) -> None: ...
    def open_settings(self) -> None: ...
    def show_help(self) -> None: ...
    def show_about(self) -> None: ...
    def choose_language(self, action: QAction) -> None: ...


class WindowCommands:
    def __init__(self, window: QMainWindow, target: CommandTarget) -> None:
        self._window = window
        self._create_actions(window, target)
        self._build_menus(window, target.view)
        self._build_toolbar(window)

    # -- building ---------------------------------------------------------------------------------------------------
    def _new_action(self, slot: Callable[[], object], *, icon: str = "", keys: Keys = ()) -> QAction:
        window = self._window
        action = QAction(window)
        if icon:
            action.setIcon(action_icon(icon))
        if keys:
            action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        window.addAction(action)
        return action

    def _create_actions(self, window: QMainWindow, target: CommandTarget) -> None:
        new = self._new_action
        self.act_resolve = new(target.resolve, icon="resolve", keys=("Ctrl+Return", "Ctrl+Enter"))
        self.act_cancel = new(target.cancel, icon="cancel", keys=("Esc",))
        self.act_copy_all = new(target.copy_all_links, icon="copy", keys=("Ctrl+Shift+C",))
        self.act_copy_failed = new(target.copy_failed_ids, icon="copy")
        self.act_retry = new(target.retry_failed, icon="retry", keys=("Ctrl+R",))
        self.act_resign = new(target.resign_expired, icon="sign")
        self.act_export = new(target.export, icon="export", keys=(QKeySequence.StandardKey.Save,))
        self.act_clear = new(target.clear, icon="clear")
        self.act_open_files = new(target.open_files, icon="paste", keys=(QKeySequence.StandardKey.Open,))
        self.act_quit = new(window.close, keys=(QKeySequence.StandardKey.Quit,))
        self.act_credentials = new(target.open_credentials, icon="key")
        self.act_settings = new(target.open_settings, icon="settings")
        self.act_help = new(target.show_help, icon="about", keys=(QKeySequence.StandardKey.HelpContents,))
        self.act_about = new(target.show_about)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.language_group = QActionGroup(window)
        self.language_group.setExclusive(True)
        self.act_lang_system = QAction(window)
        self.act_lang_system.setData("system")
        self.language_actions = [self.act_lang_system]
        for code, name in LANGUAGES.items():
            action = QAction(name, window)
            action.setData(code)
            self.language_actions.append(action)
        for action in self.language_actions:
            action.setCheckable(True)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(target.choose_language)

    def _build_menus(self, window: QMainWindow, view: ResultsView) -> None:
        self.menu_file = QMenu(window)
        self.menu_file.addAction(self.act_open_files)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = QMenu(window)
        for action in (self.act_resolve, self.act_cancel):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(view.act_copy)
        self.menu_edit.addAction(view.act_open)
        for action in (self.act_copy_all, self.act_copy_failed):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        for action in (self.act_retry, self.act_resign):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(view.act_remove)
        self.menu_edit.addAction(self.act_clear)
        self.menu_settings = QMenu(window)
        self.menu_settings.addAction(self.act_credentials)
        self.menu_settings.addAction(self.act_settings)
        self.menu_language = QMenu(window)
        for action in self.language_actions:
            self.menu_language.addAction(action)
        self.menu_settings.addMenu(self.menu_language)
        self.menu_help = QMenu(window)
        self.menu_help.addAction(self.act_help)
        self.menu_help.addAction(self.act_about)
        bar = window.menuBar()
        for menu in (self.menu_file, self.menu_edit, self.menu_settings, self.menu_help):
            bar.addMenu(menu)

    def _build_toolbar(self, window: QMainWindow) -> None:
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.act_open_files)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_credentials)
        self.toolbar.addAction(self.act_settings)
        self.language_button = QToolButton(self.toolbar)
        self.language_button.setObjectName("language_button")
        self.language_button.setMenu(self.menu_language)
        self.language_button.setIcon(action_icon("language"))
        self.language_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # The style's menu arrow is a few pixels in the corner: the text carries a plain one instead (see retranslate).
        self.language_button.setStyleSheet("QToolButton#language_button::menu-indicator { image: none; width: 0px; }")
        self.toolbar.addWidget(self.language_button)
        self.toolbar.addAction(self.act_help)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    @property
    def list_actions(self) -> tuple[QAction, ...]:
        """The actions under the table, left of the stretch (Clear goes right of it)."""
        return (self.act_copy_all, self.act_copy_failed, self.act_retry, self.act_resign, self.act_export)

    # -- state ------------------------------------------------------------------------------------------------------
    def check_language(self, language: str) -> None:
        for action in self.language_actions:
            action.setChecked(action.data() == language)

    def update(self, counts: Mapping[RowStatus, int], *, running: bool, cancelling: bool) -> None:
        """Enable what makes sense for the list's row counts and whether a run is going (or being cancelled)."""
        failed = counts[RowStatus.FAILED] + counts[RowStatus.CANCELLED]
        finished = counts[RowStatus.OK] + counts[RowStatus.EXPIRED] + failed
        self.act_resolve.setEnabled(not running)
        self.act_cancel.setEnabled(running and not cancelling)
        # With every link expired, Ctrl+Shift+C still answers: it says so and offers to re-sign.
        self.act_copy_all.setEnabled(counts[RowStatus.OK] + counts[RowStatus.EXPIRED] > 0)
        self.act_copy_failed.setEnabled(failed > 0)
        self.act_retry.setEnabled(not running and failed > 0)
        self.act_resign.setEnabled(not running and counts[RowStatus.EXPIRED] > 0)
        self.act_export.setEnabled(finished > 0)
        self.act_clear.setEnabled(not running)

    # -- text -------------------------------------------------------------------------------------------------------
    def retranslate(self, *, painted: bool) -> None:
        self.menu_file.setTitle(w.menu_file())
        self.menu_edit.setTitle(w.menu_edit())
        self.menu_settings.setTitle(w.menu_settings())
        self.menu_language.setTitle(w.menu_language())
        self.menu_help.setTitle(w.menu_help())
        self.toolbar.setWindowTitle(w.toolbar_name())
        self.toolbar.setAccessibleName(w.toolbar_name())
        self.language_button.setText(w.plain(w.menu_language()) + " " + MENU_ARROW)
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
        if painted:
            self.name_toolbar_buttons()

    def name_toolbar_buttons(self) -> None:
        """Screen-reader names for the toolbar's buttons. After the first paint: the buttons are Qt's own, and
        handing one to Python makes PySide load the class of every QWidget subclass first (~10 ms)."""
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and action.text():
                button.setAccessibleName(w.plain(action.text()))
                button.setAccessibleDescription(action.toolTip())
