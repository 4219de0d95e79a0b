"""What the window's controllers use of the main window: its widgets, the kept list, the status bar and notices.

The controllers (``copying``, ``exporting``, ``incoming``, ``signing``, ``runs``, ``quitting``) each hold one
behaviour; the main window makes them and hands itself over as a :class:`WindowParts`. This protocol names what
they may touch, so none of them imports the window (no import circle) and a reader sees what they share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from pan123_gui.app import Services
    from pan123_gui.ui.input.panel import InputPanel
    from pan123_gui.ui.results.model import ResultsModel
    from pan123_gui.ui.results.view import ResultsView
    from pan123_gui.ui.window.kept_list import KeptList
    from pan123_gui.ui.window.notice_bar import NoticeBar
    from pan123_gui.ui.window.notices import Detail, Notice
    from pan123_gui.ui.window.resolve_bar import ResolveBar


class WindowParts(Protocol):
    services: Services
    model: ResultsModel
    view: ResultsView
    input: InputPanel
    resolve_bar: ResolveBar
    kept: KeptList

    @property
    def widget(self) -> QWidget:
        """The window itself, as the parent of dialogs."""
        ...

    @property
    def notice(self) -> NoticeBar: ...

    def statusBar(self) -> QStatusBar: ...

    def status(self, text: str) -> None:
        """Say ``text`` in the status bar for a few seconds."""
        ...

    def show_notice(self, notice: Notice, detail: Detail | None = None) -> None: ...

    def dismiss_notice(self, notice: Notice) -> None: ...

    def update_state(self) -> None:
        """Turn the commands on and off for the list's counts and whether a run is going."""
        ...

    def focus_first_notice_button(self) -> None: ...
