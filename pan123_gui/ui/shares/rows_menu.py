"""The Share menu and the result rows' share and space actions, in one object the main window builds and connects.

It owns its actions ("Create share link…", "Show QR code…", "Copy with names", "My shares…", "Direct-link
spaces…"), the account line for the status bar, and :meth:`extend_menu` for the table's context menu, which adds
"Enable direct-link space for “folder”…" for rows outside a space. The window tells it when a run ended
(:meth:`after_run`) and gets rows back through signals (see :class:`~pan123_gui.ui.spaces.space_actions.SpaceActions`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from pan123_gui.core.errors import ErrorKind
from pan123_gui.ui.spaces.account_label import AccountLabel
from pan123_gui.ui.wording import shares as words
from pan123_gui.ui.wording import spaces as space_words
from pan123_gui.ui.wording.window import plain

if TYPE_CHECKING:  # the actions, their dialogs and the HTTP stack load on first use, not at start-up
    from pan123_gui.core.client import Pan123Client
    from pan123_gui.core.models import LinkResult, SpaceFolder
    from pan123_gui.ui.results.model import ResultsModel
    from pan123_gui.ui.results.view import ResultsView
    from pan123_gui.ui.shares.share_actions import ShareActions
    from pan123_gui.ui.spaces.space_actions import SpaceActions

SHARE_SHORTCUT = "Ctrl+Shift+S"


class ClientSource(Protocol):
    def client(self) -> Pan123Client: ...


class SharesMenu(QObject):
    located = Signal(list)  # rows outside a space, now naming their folder
    refetch = Signal(list)  # file IDs whose folder's space was switched on

    def __init__(
        self,
        window: QMainWindow,
        services: ClientSource,
        model: ResultsModel,
        view: ResultsView,
        *,
        status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._model = model
        self._view = view
        self._status = status
        self._services = services
        self._spaces: SpaceActions | None = None
        self._shares: ShareActions | None = None
        self.account_label = AccountLabel(window)

        def new(slot: Callable[[], object], keys: str = "") -> QAction:
            action = QAction(window)
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            window.addAction(action)
            return action

        self.act_share = new(self.share_chosen, SHARE_SHORTCUT)
        self.act_qr = new(self.qr_of_current)
        self.act_copy_names = new(self.copy_chosen_with_names)
        self.act_my_shares = new(lambda: self.shares.open_my_shares())
        self.act_spaces = new(lambda: self.spaces.open_spaces_dialog())
        self.menu = QMenu(window)
        for action in (self.act_share, self.act_qr, self.act_copy_names):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.act_my_shares)
        self.menu.addAction(self.act_spaces)
        self.retranslate()

    @property
    def spaces(self) -> SpaceActions:
        if self._spaces is None:
            from pan123_gui.ui.spaces.space_actions import SpaceActions

            self._spaces = SpaceActions(self._services, self._window, account_label=self.account_label)
            self._spaces.message.connect(self._status)
            self._spaces.located.connect(self.located)
            self._spaces.refetch.connect(self.refetch)
        return self._spaces

    @property
    def shares(self) -> ShareActions:
        if self._shares is None:
            from pan123_gui.ui.shares.share_actions import ShareActions

            self._shares = ShareActions(self._services, self._window)
        return self._shares

    # --- rows ----------------------------------------------------------------------------------------------------

    def _chosen(self) -> list[LinkResult]:
        results = [self._model.result_at(row) for row in self._view.rows_for_action()]
        rows = [r for r in results if r is not None]
        if not rows:  # a row still waiting: share it by its ID
            from pan123_gui.core.models import LinkResult

            ids = [self._model.id_at(row) for row in self._view.rows_for_action()]
            rows = [LinkResult(file_id=i) for i in ids if i is not None]
        return rows

    def share_chosen(self) -> None:
        rows = self._chosen()
        if not rows:
            self._status(words.nothing_chosen())
            return
        self.shares.create_share(rows)

    def share_ids(self, ids: Sequence[int]) -> None:
        """A share of these files and folders (the files panel's "Share ticked…")."""
        from pan123_gui.core.models import LinkResult

        files: list[LinkResult] = []
        for file_id in ids:
            row = self._model.row_of(file_id)
            known = self._model.result_at(row) if row is not None else None
            files.append(known if known is not None else LinkResult(file_id=file_id))
        if files:
            self.shares.create_share(files)

    def qr_of_current(self) -> None:
        row = self._view.current_row()
        result = self._model.result_at(row) if row is not None else None
        if result is None or result.url is None or self.shares.show_qr(result) is None:
            self._status(words.no_link_chosen())

    def copy_chosen_with_names(self) -> None:
        rows = self._chosen() if self._view.rows_for_action() else self._model.results()
        self._status(words.copied_with_names(self.shares.copy_with_names(rows)))

    def enable_for_rows(self, rows: Sequence[LinkResult]) -> bool:
        return self.spaces.enable_for(rows)

    def extend_menu(self, menu: QMenu, rows: list[int]) -> None:
        """Add the share and space actions for the rows the table's context menu is for."""
        results = [r for r in (self._model.result_at(row) for row in rows) if r is not None]
        has_link = any(r.url for r in results)
        self.act_qr.setEnabled(has_link)
        self.act_copy_names.setEnabled(has_link)
        menu.addSeparator()
        menu.addAction(self.act_share)
        menu.addAction(self.act_qr)
        menu.addAction(self.act_copy_names)
        for folder in _folders_to_enable(results):
            under = [r for r in results if r.space_folder == folder]
            action = menu.addAction(space_words.enable_action(folder.name))
            action.triggered.connect(lambda _checked=False, rows=under: self.enable_for_rows(rows))

    def after_run(self, results: Sequence[LinkResult]) -> None:
        self.spaces.after_run(results)

    # --- text ----------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.menu.setTitle(words.menu_share())
        texts = [
            (self.act_share, words.share_action(), words.share_selected_tip()),
            (self.act_qr, words.qr_action(), words.qr_selected_tip()),
            (self.act_copy_names, words.copy_with_names(), words.copy_with_names_tip()),
            (self.act_my_shares, words.my_shares_action(), ""),
            (self.act_spaces, space_words.spaces_action(), space_words.spaces_intro()),
        ]
        for action, text, tip in texts:
            action.setText(text)
            action.setIconText(plain(text))
            action.setToolTip(tip or plain(text))
            action.setStatusTip(tip)
        self.account_label.retranslate()


def _folders_to_enable(rows: Sequence[LinkResult]) -> list[SpaceFolder]:
    """As :func:`pan123_gui.core.spaces.folders_to_enable`, without loading the HTTP stack for a context menu."""
    seen: dict[int, SpaceFolder] = {}
    for row in rows:
        if row.error_kind is ErrorKind.NOT_DIRECT_LINK_SPACE and row.space_folder is not None:
            seen.setdefault(row.space_folder.file_id, row.space_folder)
    return list(seen.values())
