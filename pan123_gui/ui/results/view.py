"""The results table: sortable view over the ResultsModel, per-row copy/open buttons, context menu, keys.

Row actions are signals carrying model rows (ordered as the IDs were given), so the window never deals with the view's
order. The model sorts itself when a header is clicked (keys computed once, one layout change: fast at 100,000 rows);
the view follows changes with one re-sort per event-loop turn, except while sorting is paused for a long run.
The header has a selection of its own (always empty): given the table's, Qt checks every cell of a column whenever a
big selection changes (seconds for select-all or a delete at 100,000 rows).
- double-click or Enter copies the row's link (``copy_rows``); the hint under the table says so;
- the two small buttons at the right end of a Link cell copy / open that row's link;
- right-click (or the Menu key / Shift+F10) opens a menu: copy link(s), open in browser, copy file ID(s),
  get link again, remove from list, select all;
- Delete removes the selected rows from the list (``remove_rows``);
- Ctrl+C copies the links of the selected rows, one per line, in input order; Shift+Enter opens the current row.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QIdentityProxyModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView, QWidget

from pan123_gui.ui.icons import action_icon
from pan123_gui.ui.plain_text import PlainToolTips
from pan123_gui.ui.results.model import (
    COL_EXPIRES,
    COL_FOLDER,
    COL_ID,
    COL_LINK,
    COL_NAME,
    COL_SIZE,
    COL_STATUS,
    ResultsModel,
)
from pan123_gui.ui.wording import window as w

#: the share of a narrow table's width the Link column keeps (the other columns give up width for it)
LINK_SHARE = 0.25

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QStyleOptionViewItem

# Start-up: QStyle, its option classes, QMenu and QToolTip are imported where used (a Link cell with buttons, the
# context menu, a tooltip) — each PySide class builds its Python enums on first import, which the first paint of an
# empty table does not need.

_Index = QModelIndex | QPersistentModelIndex


class LinkDelegate(QStyledItemDelegate):
    """Link cells: the (elided) link plus two small tool buttons, Copy and Open, for rows that have a link."""

    copy_clicked = Signal(int)  # proxy row
    open_clicked = Signal(int)

    COPY, OPEN = 0, 1

    def __init__(self, view: ResultsView) -> None:
        super().__init__(view)
        self._view = view
        self._hover: tuple[int, int] | None = None  # (proxy row, button) under the mouse
        self._pressed: tuple[int, int] | None = None
        self._icons = (action_icon("copy"), action_icon("open"))

    def _button_size(self) -> int:
        from PySide6.QtWidgets import QStyle

        style = self._view.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8

    def button_rects(self, cell: QRect) -> tuple[QRect, QRect]:
        side = min(self._button_size(), cell.height())
        top = cell.top() + (cell.height() - side) // 2
        open_rect = QRect(cell.right() - side - 1, top, side, side)
        copy_rect = QRect(open_rect.left() - side - 2, top, side, side)
        return copy_rect, open_rect

    def _has_link(self, index: _Index) -> bool:
        return bool(index.data(ResultsModel.LinkRole))

    def button_at(self, cell: QRect, pos: QPoint) -> int | None:
        copy_rect, open_rect = self.button_rects(cell)
        if copy_rect.contains(pos):
            return self.COPY
        if open_rect.contains(pos):
            return self.OPEN
        return None

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * self._button_size() + 6, max(size.height(), self._button_size()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if not self._has_link(index):
            super().paint(painter, option, index)
            return
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        cell = QRect(option.rect)  # type: ignore[attr-defined]
        copy_rect, open_rect = self.button_rects(cell)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = self._view
        style = widget.style()
        # Background and selection over the whole cell, then the text left of the buttons.
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        text_opt = QStyleOptionViewItem(opt)
        text_opt.rect = QRect(cell.left(), cell.top(), max(0, copy_rect.left() - cell.left() - 2), cell.height())  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_opt, painter, widget)
        for button, rect in ((self.COPY, copy_rect), (self.OPEN, open_rect)):
            self._paint_button(painter, opt, index.row(), button, rect)

    def _paint_button(self, painter: QPainter, opt: QStyleOptionViewItem, row: int, button: int, rect: QRect) -> None:
        from PySide6.QtWidgets import QStyle, QStyleOptionToolButton

        style = self._view.style()
        btn = QStyleOptionToolButton()
        btn.initFrom(self._view)
        btn.rect = rect  # type: ignore[attr-defined]
        btn.icon = self._icons[button]  # type: ignore[attr-defined]
        extent = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        btn.iconSize = QSize(extent, extent)  # type: ignore[attr-defined]
        btn.toolButtonStyle = Qt.ToolButtonStyle.ToolButtonIconOnly  # type: ignore[attr-defined]
        btn.subControls = QStyle.SubControl.SC_ToolButton  # type: ignore[attr-defined]
        state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_AutoRaise
        if self._hover == (row, button):
            state |= QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_Raised
        if self._pressed == (row, button):
            state |= QStyle.StateFlag.State_Sunken
        if opt.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            state |= QStyle.StateFlag.State_Selected
        btn.state = state  # type: ignore[attr-defined]
        if btn.icon.isNull():  # type: ignore[attr-defined]
            btn.text = "⧉" if button == self.COPY else "↗"  # type: ignore[attr-defined]
            btn.toolButtonStyle = Qt.ToolButtonStyle.ToolButtonTextOnly  # type: ignore[attr-defined]
        style.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, btn, painter, self._view)

    def editorEvent(
        self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        if not isinstance(event, QMouseEvent) or not self._has_link(index):
            return super().editorEvent(event, model, option, index)
        button = self.button_at(option.rect, event.position().toPoint())  # type: ignore[attr-defined]
        kind = event.type()
        if button is None:
            self._pressed = None
            return super().editorEvent(event, model, option, index)
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            if event.button() == Qt.MouseButton.LeftButton:
                self._pressed = (index.row(), button)
                self._view._viewport.update(option.rect)  # type: ignore[attr-defined]
            return True  # a click on a button neither selects nor triggers the double-click copy
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            pressed, self._pressed = self._pressed, None
            self._view._viewport.update(option.rect)  # type: ignore[attr-defined]
            if pressed == (index.row(), button):
                (self.copy_clicked if button == self.COPY else self.open_clicked).emit(index.row())
            return True
        return super().editorEvent(event, model, option, index)

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        if self._has_link(index):
            button = self.button_at(option.rect, event.pos())  # type: ignore[attr-defined]
            if button is not None:
                from PySide6.QtWidgets import QToolTip

                text = w.row_copy_tip() if button == self.COPY else w.row_open_tip()
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)

    def set_hover(self, hover: tuple[int, int] | None) -> None:
        if hover != self._hover:
            self._hover = hover
            self._view._viewport.update()


class PlainDelegate(QStyledItemDelegate):
    """Cells whose end matters less than their start (status words): elide on the right."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight  # type: ignore[attr-defined]


class ShownRows(QIdentityProxyModel):
    """The view's model: the ResultsModel as it is shown (the model sorts itself; header clicks reach its ``sort``
    through this proxy). ``sortColumn`` says how it is sorted (-1: input order)."""

    def __init__(self, model: ResultsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = model
        self.setSourceModel(model)

    def sortColumn(self) -> int:
        return self._results.sort_column()

    def sortOrder(self) -> Qt.SortOrder:
        return self._results.sort_order()


class ResultsView(QTableView):
    """Table of results. Signals carry source rows, sorted in input order."""

    copy_rows = Signal(list)  # copy the links of these rows
    open_row = Signal(int)  # open this row's link in the browser
    copy_id_rows = Signal(list)  # copy these rows' file IDs
    refetch_rows = Signal(list)  # get these rows' links again
    remove_rows = Signal(list)  # take these rows out of the list
    expand_rows = Signal(list)  # replace these folder rows by the files inside

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Our own viewport widget, so Python knows its class: handing back the one QTableView made would have PySide
        # work out its class by loading every QWidget subclass (~15 ms of start-up). Set up like Qt's own.
        self._viewport = QWidget(self)
        self._viewport.setBackgroundRole(QPalette.ColorRole.Base)
        self._viewport.setAutoFillBackground(True)
        self.setViewport(self._viewport)
        PlainToolTips.install(self)  # names and server messages in row tooltips are shown as written
        self._source = model
        self._sorting_paused = False
        self.menu_extension: Callable[[QMenu, list[int]], None] | None = None
        self.proxy = ShownRows(model, self)
        self.setModel(self.proxy)
        self._resort = QTimer(self)  # one re-sort per event-loop turn after changes (not while paused)
        self._resort.setSingleShot(True)
        self._resort.setInterval(0)
        self._resort.timeout.connect(self._sort_again)
        model.dataChanged.connect(self._schedule_resort)
        model.rowsInserted.connect(self._schedule_resort)

        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table (keyboard users reach the buttons below)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(max(self.fontMetrics().height() + 10, 26))

        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_LINK, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # input order until the user sorts
        header.setSelectionModel(QItemSelectionModel(self.proxy, header))  # see the module's last paragraph
        header.moveSection(header.visualIndex(COL_FOLDER), header.visualIndex(COL_NAME) + 1)  # Folder after Name
        self._size_columns()

        self.delegate = LinkDelegate(self)
        self.setItemDelegateForColumn(COL_LINK, self.delegate)
        self.status_delegate = PlainDelegate(self)
        self.setItemDelegateForColumn(COL_STATUS, self.status_delegate)
        self.setItemDelegateForColumn(COL_EXPIRES, self.status_delegate)
        self.delegate.copy_clicked.connect(self._on_copy_clicked)
        self.delegate.open_clicked.connect(self._on_open_clicked)
        self.doubleClicked.connect(self._on_double_clicked)

        self.act_copy = self._action("copy", QKeySequence.StandardKey.Copy, self._copy_selected)
        self.act_open = self._action("open", QKeySequence("Shift+Return"), self._open_current)
        self.act_open_enter = self._action("", QKeySequence("Shift+Enter"), self._open_current)
        self.act_copy_id = self._action("", None, self._copy_ids)
        self.act_refetch = self._action("retry", None, self._refetch)
        self.act_inside = self._action("folder", None, self._expand)
        self.act_remove = self._action("clear", QKeySequence.StandardKey.Delete, self._remove)
        if sys.platform == "darwin":  # Mac keyboards label Backspace "delete"
            self.act_remove.setShortcuts([*self.act_remove.shortcuts(), QKeySequence("Backspace")])
        self.act_select_all = self._action("", QKeySequence.StandardKey.SelectAll, self.selectAll)
        self.act_menu = self._action("", QKeySequence("Shift+F10"), self._menu_from_keyboard)
        self.retranslate()

    def _action(self, icon: str, keys: QKeySequence | QKeySequence.StandardKey | None, slot: object) -> QAction:
        action = QAction(self)
        if icon:
            action.setIcon(action_icon(icon))
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        self._usual_widths = {
            COL_ID: digit * 12 + 16,
            COL_NAME: metrics.horizontalAdvance("M") * 24,
            COL_SIZE: digit * 9 + 16,
            COL_STATUS: metrics.horizontalAdvance("Failed: not in a direct-link folder") + 40,
            COL_EXPIRES: digit * 16 + 16,
            COL_FOLDER: metrics.horizontalAdvance("M") * 14,
        }
        # the least each column gives way to: an ID (ten digits) and a size ("999.9 MB") stay whole, the others
        # show a few characters
        self._narrowest = {column: digit * 6 for column in self._usual_widths} | {
            COL_ID: digit * 10 + 12,
            COL_SIZE: metrics.horizontalAdvance("999.9 MB") + 16,
        }
        self._user_sized: set[int] = set()
        self._fitting = True
        for column, width in self._usual_widths.items():
            self.setColumnWidth(column, width)
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != COL_LINK:
            self._user_sized.add(column)  # dragged by the user: fitting leaves it alone from now on

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """In a narrow table (the "Your files" panel docked beside it, a small window) the other columns give up
        width, in proportion, so the Link column (stretched over the rest) keeps at least LINK_SHARE of it; a wide
        table shows the usual widths. Columns the user resized keep their width."""
        header = self.horizontalHeader()
        shown = [c for c in self._usual_widths if not header.isSectionHidden(c)]
        fitted = {c: self._usual_widths[c] for c in shown if c not in self._user_sized}
        fixed = sum(self.columnWidth(c) for c in shown if c in self._user_sized)
        room = self.viewport().width() * (1 - LINK_SHARE) - fixed
        widths = dict(fitted)
        if sum(fitted.values()) > room:  # shrink in proportion; a column at its narrowest gives no more
            floored: set[int] = set()
            while True:
                left = room - sum(self._narrowest[c] for c in floored)
                share = sum(w for c, w in fitted.items() if c not in floored)
                scale = max(left, 0) / share if share else 0.0
                below = {c for c, w in fitted.items() if c not in floored and w * scale < self._narrowest[c]}
                if not below:
                    break
                floored |= below
            widths = {c: self._narrowest[c] if c in floored else int(w * scale) for c, w in fitted.items()}
        self._fitting = True
        try:
            for column, width in widths.items():
                self.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def retranslate(self) -> None:
        self.setAccessibleName(w.results_accessible())
        self.setToolTip(w.results_tip())
        self.act_copy.setText(w.copy_selected_links())
        self.act_open.setText(w.open_in_browser())
        self.act_copy_id.setText(w.copy_file_id())
        self.act_refetch.setText(w.fetch_again())
        self.act_inside.setText(w.files_inside())
        self.act_remove.setText(w.remove_rows())
        self.act_remove.setToolTip(w.remove_rows_tip())
        self.act_remove.setStatusTip(w.remove_rows_tip())
        self.act_select_all.setText(w.select_all())
        self._source.retranslate()
        self._viewport.update()

    # -- sorting during a long run --------------------------------------------------------------------------------
    def pause_sorting(self) -> None:
        """Keep the rows in input order until :meth:`resume_sorting`, which sorts once.

        Re-sorting after every batch of results would move rows under the user's eyes and cost a sort each time.
        While paused, the header keeps showing the chosen column and a click on it still sorts (without re-sorting
        on each change).
        """
        if self._sorting_paused:
            return
        self._sorting_paused = True
        self._resort.stop()
        if self._source.sort_column() >= 0:
            self._source.sort(-1)  # input order; rows added now are simply appended

    def resume_sorting(self) -> None:
        """Sort again by the header's column (once) and follow changes again."""
        if not self._sorting_paused:
            return
        self._sorting_paused = False
        header = self.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self._source.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _schedule_resort(self, *_args: object) -> None:
        if not self._sorting_paused and self._source.sort_column() >= 0:
            self._resort.start()

    def _sort_again(self) -> None:
        if not self._sorting_paused and (column := self._source.sort_column()) >= 0:
            self._source.sort(column, self._source.sort_order())

    @property
    def sorting_paused(self) -> bool:
        return self._sorting_paused

    # -- rows ---------------------------------------------------------------------------------------------------
    def source_row(self, index: _Index) -> int:
        if index.model() is self.proxy:
            return self._source_row_of(index.row())
        return index.row()

    def _source_row_of(self, proxy_row: int) -> int:
        return self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()

    def selected_rows(self) -> list[int]:
        """Selected model rows, ordered as their IDs were given (from the selection's ranges: no index per row)."""
        rows: set[int] = set()
        selection = self.selectionModel().selection()
        for number in range(selection.size()):
            selected = selection.at(number)
            rows.update(range(selected.top(), selected.bottom() + 1))  # the proxy maps rows one to one
        return self._source.in_input_order(rows)

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return self.source_row(index) if index.isValid() else None

    def rows_for_action(self) -> list[int]:
        """The selection, or the current row when nothing is selected."""
        rows = self.selected_rows()
        if not rows and (current := self.current_row()) is not None:
            rows = [current]
        return rows

    def select_source_rows(self, rows: list[int]) -> None:
        selection = self.selectionModel()
        selection.clearSelection()
        for row in rows:
            index = self.proxy.mapFromSource(self._source.index(row, 0))
            selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if rows:
            current = self.proxy.mapFromSource(self._source.index(rows[0], 0))
            selection.setCurrentIndex(current, selection.SelectionFlag.NoUpdate)

    # -- action slots --------------------------------------------------------------------------------------------
    def _copy_selected(self) -> None:
        self.copy_rows.emit(self.rows_for_action())

    def _copy_ids(self) -> None:
        self.copy_id_rows.emit(self.rows_for_action())

    def _open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_row.emit(row)

    def _refetch(self) -> None:
        rows = self.rows_for_action()
        if rows:
            self.refetch_rows.emit(rows)

    def _remove(self) -> None:
        self.remove_rows.emit(self.rows_for_action())

    def folder_rows(self, rows: list[int]) -> list[int]:
        """The rows among ``rows`` that are folders (source rows)."""
        from pan123_gui.core.errors import ErrorKind

        found = []
        for row in rows:
            result = self._source.result_at(row)
            if result is not None and result.error_kind is ErrorKind.IS_FOLDER:
                found.append(row)
        return found

    def _expand(self) -> None:
        rows = self.folder_rows(self.rows_for_action())
        if rows:
            self.expand_rows.emit(rows)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.copy_rows.emit([self.source_row(index)])

    def _on_copy_clicked(self, proxy_row: int) -> None:
        self.copy_rows.emit([self._source_row_of(proxy_row)])

    def _on_open_clicked(self, proxy_row: int) -> None:
        self.open_row.emit(self._source_row_of(proxy_row))

    # -- menu -----------------------------------------------------------------------------------------------------
    def build_menu(self) -> QMenu:
        from PySide6.QtWidgets import QMenu

        rows = self.rows_for_action()
        has_link = any(self._source.link_at(r) for r in rows)
        current = self.current_row()
        self.act_copy.setEnabled(has_link)
        self.act_open.setEnabled(current is not None and self._source.link_at(current) is not None)
        self.act_copy_id.setEnabled(bool(rows))
        self.act_remove.setEnabled(bool(rows))
        menu = QMenu(self)
        menu.setAccessibleName(w.results_accessible())
        if self.folder_rows(rows):
            menu.addAction(self.act_inside)
            menu.setDefaultAction(self.act_inside)
            menu.addSeparator()
        menu.addAction(self.act_copy)
        menu.addAction(self.act_open)
        menu.addAction(self.act_copy_id)
        menu.addSeparator()
        menu.addAction(self.act_refetch)
        menu.addAction(self.act_remove)
        if self.menu_extension is not None:  # the share and space actions (ui/shares/rows_menu.py)
            self.menu_extension(menu, rows)
        menu.addSeparator()
        menu.addAction(self.act_select_all)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if not index.isValid():
                return
            if not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
                self.selectRow(index.row())
            self.setCurrentIndex(index)
            pos = event.globalPos()
        else:
            pos = self._keyboard_menu_pos()
        if self.proxy.rowCount() == 0:
            return
        menu = self.build_menu()
        menu.exec(pos)
        menu.deleteLater()
        self._restore_action_state()

    def _keyboard_menu_pos(self) -> QPoint:
        index = self.currentIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
            self.setCurrentIndex(index)
        rect = self.visualRect(index) if index.isValid() else QRect()
        return self._viewport.mapToGlobal(rect.bottomLeft() if index.isValid() else QPoint(0, 0))

    def _menu_from_keyboard(self) -> None:
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0))
        self.contextMenuEvent(event)

    def _restore_action_state(self) -> None:
        # The shortcuts must keep working after the menu disabled some of them for the clicked row.
        self.act_copy.setEnabled(True)
        self.act_open.setEnabled(True)
        self.act_copy_id.setEnabled(True)
        self.act_remove.setEnabled(True)

    # -- events -------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):  # QAbstractItemView would copy one cell's text
            self._copy_selected()
            event.accept()
            return
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self._copy_selected()  # Enter = double-click: copy the link(s)
            event.accept()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # Not an event filter on the viewport: Qt also hands a view's filter its scroll bars' events, and each new
        # kind of object reaching Python makes PySide load that class first (start-up time).
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            pos = event.position().toPoint()
            index = self.indexAt(pos)
            hover = None
            if index.isValid() and index.column() == COL_LINK and index.data(ResultsModel.LinkRole):
                button = self.delegate.button_at(self.visualRect(index), pos)
                if button is not None:
                    hover = (index.row(), button)
            self.delegate.set_hover(hover)
        elif kind == QEvent.Type.Leave:
            self.delegate.set_hover(None)
        return super().viewportEvent(event)

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if self.proxy.rowCount() == 0:
            painter = QPainter(self._viewport)
            palette = self.palette()
            painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
            rect = self._viewport.rect().adjusted(24, 24, -24, -24)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, w.results_empty())
            painter.end()


__all__ = [
    "COL_EXPIRES",
    "COL_ID",
    "COL_LINK",
    "COL_NAME",
    "COL_SIZE",
    "COL_STATUS",
    "LINK_SHARE",
    "LinkDelegate",
    "ResultsView",
]
