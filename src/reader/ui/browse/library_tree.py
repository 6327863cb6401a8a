"""The left side of the window: a filter box over the section tree.

It emits intents (an article or a section was activated, a review status was
chosen in an article's context menu); the window decides what they mean.
``follow`` moves the current node as the reader scrolls, without emitting
anything back. Titles too long for the tree are cut in the middle (the start and
the end tell articles apart) and are whole on hover.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.outline import SourceOutline
from reader.core.library.title_filter import Matches
from reader.ui.browse.open_rows import OpenRows
from reader.ui.browse.section_tree_view import SectionTreeView
from reader.ui.browse.status_icons import StatusIcons
from reader.ui.browse.status_menu import status_menu
from reader.ui.browse.title_loader import TitleLoader
from reader.ui.browse.tree_filter import TreeFilterModel
from reader.ui.browse.tree_model import (
    ARTICLE_ID_ROLE,
    KIND_ROLE,
    OFFSET_ROLE,
    STATUS_ROLE,
    LibraryTreeModel,
)
from reader.ui.browse.tree_nodes import TreeRows
from reader.ui.jobs import JobRunner
from reader.ui.names import Names

INDENT = 14  # px a level: titles keep the width (four levels deep at most)
TYPING_PAUSE_MS = 200  # the filter applies once the typing stops this long
LISTING_POLL_MS = 50  # while a job lists the titles, the filter looks again this often
STEP_PAUSE_MS = 250  # an article reached with the arrow keys opens once they rest this long
OPEN_ALL_UP_TO = 500  # rows a filter opens at once (a dozen screens); past that, sources in order


class LibraryTree(QWidget):
    articleActivated = Signal(int)  # article id
    sectionActivated = Signal(int, int)  # article id, offset of the heading
    statusRequested = Signal(list, str)  # article ids (one, or a file's), the status chosen
    # Not emitted since the tree builds its own menu; Review still connects to it.

    def __init__(self, parent: QWidget | None = None, jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryTreeModel(self)
        self._marked: int | None = None  # the article last marked, kept across filter switches
        self.filter_model = TreeFilterModel(self)
        self.filter_model.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter"))
        self.filter_edit.setToolTip(self.tr("Show the articles and sections whose titles match"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self._titles = TitleLoader(jobs, parent=self)  # the outline's titles, listed by a job
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self._apply_filter(self.filter_edit.text()))
        self.view = SectionTreeView(self)
        self.view.setObjectName("sectionTree")
        # Unfiltered, the view shows the model itself: a proxy over 50,000 rows doubles
        # every expand and layout. A filter (text or status) puts the proxy between them.
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)  # rows are Qt's items
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        # a title's start says what it is; a file name's end is often a hash and its suffix
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setIndentation(INDENT)
        self.view.setRootIsDecorated(False)  # the library row is always open
        self._show(self.model)
        for signal in (self.model.dataChanged, self.model.modelReset):
            signal.connect(self._fit_counts)
        # rows in the library change its total, which dataChanged tells: only a new top row
        # (the library's own) is fitted here, not each run of sources an import adds
        self.model.rowsInserted.connect(self._top_rows_inserted)
        self._icons = StatusIcons()
        self.open_rows = OpenRows(self.view, self.model, self.filter_model)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        # the arrow keys open what they reach, once they rest: not each row passed
        self._stepping = QTimer(self)
        self._stepping.setSingleShot(True)
        self._stepping.setInterval(STEP_PAUSE_MS)
        self._stepping.timeout.connect(lambda: self._activated(self.view.currentIndex()))
        self.view.stepped.connect(self._stepping.start)
        self.view.setContextMenuPolicy(self.view.contextMenuPolicy().CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        self.controls = QHBoxLayout()
        self.controls.addWidget(self.filter_edit, 1)
        layout.addLayout(self.controls)
        self.no_match = QLabel(self)  # a filter that shows no row says so
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        layout.addWidget(self.no_match)
        for signal in (self.filter_model.rowsInserted, self.filter_model.rowsRemoved):
            signal.connect(self._tell_empty)  # a status changed under a status filter
        layout.addWidget(self.view)

    def _show(self, model: QAbstractItemModel) -> None:
        """The view shows ``model``: a new model's columns come back with Qt's defaults
        (100 px, resizable), so the titles' column is set to stretch again each time."""
        self.view.setModel(model)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(0)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self._fit_counts()

    def _top_rows_inserted(self, parent: QModelIndex) -> None:
        if not parent.isValid():
            self._fit_counts()

    def _fit_counts(self) -> None:
        """The counts take only what the largest (the library's total) needs: nothing
        while there are no annotations, so the titles keep the width."""
        total = str(self.model.index(0, 1).data() or "")
        width = self.view.fontMetrics().horizontalAdvance(total) + 10 if total else 0
        if self.view.columnWidth(1) != width:
            self.view.header().resizeSection(1, width)

    def add_control(self, widget: QWidget) -> None:
        """A widget beside the filter box (the review-status filter)."""
        self.controls.addWidget(widget)

    def wanted_width(self) -> int:
        """The width that shows the open rows' titles whole (the rows on screen)."""
        view = self.view
        rows = view.sizeHintForColumn(0) + view.columnWidth(1)
        bar = view.verticalScrollBar()
        scroll = bar.sizeHint().width() if bar.isVisible() else 0
        layout = self.layout()
        sides = layout.contentsMargins() if layout is not None else None
        margins = sides.left() + sides.right() if sides is not None else 0
        return rows + scroll + 2 * view.frameWidth() + margins + 4

    def filtered(self) -> bool:
        return self.view.model() is self.filter_model

    def to_view(self, index: QModelIndex) -> QModelIndex:
        """A tree-model index as the view knows it (through the filter when one is on)."""
        return self.filter_model.mapFromSource(index) if self.filtered() else index

    def to_model(self, index: QModelIndex) -> QModelIndex:
        """A view index as the tree model knows it."""
        return self.filter_model.mapToSource(index) if self.filtered() else index

    def status_changed(self) -> None:
        """An article's status changed: under a status filter, it (and its source) come
        in or go. Qt's proxy does not look again at a row whose parents it does not show,
        nor at the parents of a row it drops (a source left with no article)."""
        if self.filter_model.status:
            self.filter_model.refilter()
            self.open_rows.restore(self.to_view)  # the library's row (and what was open)
            self._tell_empty()

    def set_status_filter(self, status: str) -> None:
        self.filter_model.set_status(status)
        self._use_filter()
        self._tell_empty()

    def _use_filter(self) -> None:
        on = self.filter_model.active()
        if on == self.filtered():
            return
        current = self.current_article() or self._marked
        if on:
            self.open_rows.remember()
            self._show(self.filter_model)
            self.open_rows.follow(True)
        else:
            self.open_rows.follow(False)
            self._show(self.model)
        self.open_rows.restore(self.to_view)  # as the reader left them, before and after filtering
        if current is not None:
            self.reveal(current)

    def set_outline(
        self, name: str, outline: list[SourceOutline], rows: TreeRows | None = None
    ) -> None:
        """A new outline, with the sources that were open still open. Unfiltered, an
        update leaves open rows open; after a reset (another library) they are opened
        again by path. ``rows``: the outline's items, made by the job that read it."""
        reset = self.model.set_outline(name, outline, self.open_rows.remember, rows)
        self._titles.set_outline(name, outline)
        if self.filter_model.text:  # the new rows matched as the others were
            self._match(self.filter_model.text)
        self.open_rows.keep_known()
        if reset or self.filtered():
            self.open_rows.restore(self.to_view)

    def drop_outline(self) -> None:
        """No rows until the next outline (another library's, being read)."""
        self.model.drop_rows()
        self.open_rows.articles = set()

    def shows(self, article_id: int) -> bool:
        """Is the article among the rows shown (a filter may hide it)?"""
        return self.to_view(self.model.article_index(article_id)).isValid()

    def reveal(self, article_id: int) -> None:
        """Open the article's source in the tree and make the article the one row marked."""
        proxy = self.to_view(self.model.article_index(article_id))
        if proxy.isValid():
            self.view.expand(proxy.parent())
            self._mark(proxy)
            self.view.scrollTo(proxy)

    def article_ids(self) -> list[int]:
        return self.model.article_ids()

    def visible_article_ids(self) -> list[int]:
        """The articles the tree shows, in its order: all of them unless a filter is on."""
        if not self.filtered():
            return self.model.article_ids()
        proxy, ids = self.filter_model, []
        library = proxy.index(0, 0)
        for row in range(proxy.rowCount(library)):
            source = proxy.index(row, 0, library)
            for place in range(proxy.rowCount(source)):
                article_id = proxy.index(place, 0, source).data(ARTICLE_ID_ROLE)
                if article_id is not None:
                    ids.append(article_id)
        return ids

    def selected_article_ids(self) -> list[int]:
        """Articles selected in the tree (Ctrl/Shift-click selects several)."""
        ids = []
        for proxy in self.view.selectionModel().selectedRows():
            index = self.to_model(proxy)
            if index.data(KIND_ROLE) == "article":
                ids.append(index.data(ARTICLE_ID_ROLE))
        return ids

    def current_article(self) -> int | None:
        index = self.to_model(self.view.currentIndex())
        return index.data(ARTICLE_ID_ROLE) if index.isValid() else None

    def follow(self, article_id: int, offset: int) -> None:
        """Make the node at ``offset`` current, without emitting anything back."""
        proxy = self.to_view(self.model.section_index(article_id, offset))
        if proxy.isValid() and proxy != self.view.currentIndex():
            # setCurrentIndex emits no clicked/activated: no loop back to the pane
            self._mark(proxy)
            self.view.scrollTo(proxy)

    def _mark(self, proxy: QModelIndex) -> None:
        """One marked row: current and selected move together, unless the reader chose
        several articles (for an export), which stay chosen."""
        self._marked = self.to_model(proxy).data(ARTICLE_ID_ROLE)
        selection = self.view.selectionModel()
        if len(selection.selectedRows()) > 1:
            selection.setCurrentIndex(proxy, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(proxy, flags)

    def section_title(self, article_id: int, offset: int) -> str:
        index = self.model.section_index(article_id, offset)
        return str(index.data() or "") if index.data(KIND_ROLE) == "section" else ""

    def _activated(self, proxy_index: QModelIndex) -> None:
        self._stepping.stop()  # Enter or a click before the keys rested: opened once
        index = self.to_model(proxy_index)
        if index.data(KIND_ROLE) == "source" and self.model.rowCount(index):
            index = self.model.index(0, 0, index)  # a file opens at its first article
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is None:
            return
        self._marked = article_id
        if index.data(KIND_ROLE) == "section":
            self.sectionActivated.emit(article_id, index.data(OFFSET_ROLE))
        else:
            self.articleActivated.emit(article_id)

    def _menu(self, pos: QPoint) -> None:
        index = self.to_model(self.view.indexAt(pos))
        if index.data(KIND_ROLE) == "article":
            menu = self.article_menu(index.data(ARTICLE_ID_ROLE))
        elif articles := self.model.articles_under(index):
            menu = self.file_menu(articles)
        else:
            return
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def file_menu(self, articles: list[tuple[int, str]]) -> QMenu:
        """A file's context menu: the review status of all its articles at once."""
        statuses = {status for _, status in articles}

        def chosen(status: str) -> None:
            self.statusRequested.emit([article_id for article_id, _ in articles], status)

        current = next(iter(statuses)) if len(statuses) == 1 else None
        return status_menu(self.view, self._icons, current, chosen, len(articles))

    def article_menu(self, article_id: int) -> QMenu:
        """An article's context menu: its review status, the current one checked."""
        current = self.model.article_index(article_id).data(STATUS_ROLE)
        return status_menu(
            self.view, self._icons, current, lambda s: self.statusRequested.emit([article_id], s)
        )

    def _filter_changed(self, text: str) -> None:
        """A keystroke: the filter applies when the typing pauses; clearing applies at once
        (the unfiltered view comes back as the reader left it)."""
        if text:
            self.prepare_filter()
            self._typing.start(TYPING_PAUSE_MS)
        else:
            self._typing.stop()
            self._apply_filter("")

    def prepare_filter(self) -> None:
        """The filter is about to be used: its titles are listed now, if they are not yet
        (a new outline's wait a moment, not to slow the tree's layout)."""
        self._titles.prepare()

    def applied_filter(self) -> str:
        """The text the tree is filtered by (the box may hold newer keystrokes)."""
        return self.filter_model.text

    def _apply_filter(self, text: str) -> None:
        if text and self._titles.listing():  # soon listed: wait for it, not list them here
            self._typing.start(LISTING_POLL_MS)
            return
        if not (text and self.filtered()):
            shown = self._match(text)
            self._use_filter()
        else:  # another text: the view lets go of the proxy while it changes, else it would
            current = self.current_article() or self._marked  # follow every row removed
            self.view.setModel(None)
            shown = self._match(text)
            self._show(self.filter_model)
            self.open_rows.restore(self.to_view)
            if current is not None:
                self.reveal(current)
        if text:
            self._open_matches(len(shown))

    def _match(self, text: str) -> frozenset[object]:
        """The rows to show, found in one pass over the titles; set on the proxy."""
        matches = self._titles.index().shown(text) if text else Matches(frozenset(), frozenset())
        self.filter_model.set_text(text, matches)
        self._tell_empty()
        return matches.rows

    def _tell_empty(self) -> None:
        """A filter that shows no row says why (a blank tree says nothing)."""
        proxy = self.filter_model
        text, status = proxy.text, proxy.status
        library = proxy.index(0, 0)  # no row at all, or the library's row alone
        empty = bool(text or status) and (not library.isValid() or proxy.rowCount(library) == 0)
        if text:
            message = self.tr("No title matches “%1”.").replace("%1", text)
        else:
            message = self.tr("No article is marked “%1”.").replace("%1", Names().status(status))
        self.no_match.setText(message)
        self.no_match.setVisible(empty)

    def _open_matches(self, rows: int) -> None:
        """Every row the filter shows, when they are few; else the sources in order, as
        far as ``OPEN_ALL_UP_TO`` rows go (laying out 50,000 rows would stall)."""
        if rows <= OPEN_ALL_UP_TO:
            self.view.expandAll()
            return
        proxy, view, budget = self.filter_model, self.view, OPEN_ALL_UP_TO
        library = proxy.index(0, 0)
        view.expand(library)
        for row in range(proxy.rowCount(library)):
            source = proxy.index(row, 0, library)
            articles = proxy.rowCount(source)
            if articles > budget:
                break
            view.expand(source)
            budget -= articles
            for place in range(articles):
                article = proxy.index(place, 0, source)
                if proxy.hasChildren(article):
                    view.expand(article)
                    budget -= proxy.rowCount(article)
