"""The left side of the window: a filter box over the section tree.

It emits intents (an article or a section was activated, a context menu was
asked for on an article); the window decides what they mean. ``follow`` moves
the current node as the reader scrolls, without emitting anything back.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.core.library.outline import SourceOutline
from reader.ui.browse.tree_model import (
    ARTICLE_ID_ROLE,
    KIND_ROLE,
    OFFSET_ROLE,
    LibraryTreeModel,
    TreeFilterModel,
    _Node,
)


class LibraryTree(QWidget):
    articleActivated = Signal(int)  # article id
    sectionActivated = Signal(int, int)  # article id, offset of the heading
    articleMenuRequested = Signal(int, QPoint)  # article id, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryTreeModel(self)
        self._marked: int | None = None  # the article last marked, kept across filter switches
        self.filter_model = TreeFilterModel(self)
        self.filter_model.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter articles and sections"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.view = QTreeView(self)
        self.view.setObjectName("sectionTree")
        # Unfiltered, the view shows the model itself: a proxy over 50,000 rows doubles
        # every expand and layout. A filter (text or status) puts the proxy between them.
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, self.view.header().ResizeMode.Stretch)
        self.view.header().resizeSection(1, 36)
        self._opened: set[str] = set()  # paths of the sources open in the view
        self.view.expanded.connect(self._source_expanded)  # once per row of an expand-all:
        self.view.collapsed.connect(self._source_collapsed)  # these stay cheap
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.view.setContextMenuPolicy(self.view.contextMenuPolicy().CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        self.controls = QHBoxLayout()
        self.controls.addWidget(self.filter_edit, 1)
        layout.addLayout(self.controls)
        layout.addWidget(self.view)

    def add_control(self, widget: QWidget) -> None:
        """A widget beside the filter box (the review-status filter)."""
        self.controls.addWidget(widget)

    def filtered(self) -> bool:
        return self.view.model() is self.filter_model

    def to_view(self, index: QModelIndex) -> QModelIndex:
        """A tree-model index as the view knows it (through the filter when one is on)."""
        return self.filter_model.mapFromSource(index) if self.filtered() else index

    def to_model(self, index: QModelIndex) -> QModelIndex:
        """A view index as the tree model knows it."""
        return self.filter_model.mapToSource(index) if self.filtered() else index

    def set_status_filter(self, status: str) -> None:
        self.filter_model.set_status(status)
        self._use_filter()

    def _use_filter(self) -> None:
        on = bool(self.filter_model.status or self.filter_model.filterRegularExpression().pattern())
        if on == self.filtered():
            return
        current = self.current_article() or self._marked
        self.view.setModel(self.filter_model if on else self.model)
        self.view.expand(self.to_view(self.model.index(0, 0)))
        if current is not None:
            self.reveal(current)

    def _source_node(self, index: QModelIndex) -> _Node | None:
        if self.view.model() is self.filter_model:
            index = self.filter_model.mapToSource(index)
        node: _Node = index.internalPointer()
        return node if node.kind == "source" else None

    def _source_expanded(self, index: QModelIndex) -> None:
        node = self._source_node(index)
        if node is not None:
            self._opened.add(node.tooltip)

    def _source_collapsed(self, index: QModelIndex) -> None:
        node = self._source_node(index)
        if node is not None:
            self._opened.discard(node.tooltip)

    def set_outline(self, name: str, outline: list[SourceOutline]) -> None:
        """A new outline, with the sources that were open still open."""
        opened = set(self._opened)
        self.model.set_outline(name, outline)
        library = self.model.index(0, 0)
        self.view.expand(self.to_view(library))  # the library node
        if opened:
            for row, path in enumerate(self.model.source_paths()):
                if path in opened:
                    self.view.expand(self.to_view(self.model.index(row, 0, library)))

    def reveal(self, article_id: int) -> None:
        """Open the article's source in the tree and make the article the one row marked."""
        proxy = self.to_view(self.model.article_index(article_id))
        if proxy.isValid():
            self.view.expand(proxy.parent())
            self._mark(proxy)
            self.view.scrollTo(proxy)

    def article_ids(self) -> list[int]:
        return self.model.article_ids()

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
        index = self.to_model(proxy_index)
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
            global_pos = self.view.viewport().mapToGlobal(pos)
            self.articleMenuRequested.emit(index.data(ARTICLE_ID_ROLE), global_pos)

    def _filter_changed(self, text: str) -> None:
        self.filter_model.setFilterFixedString(text)
        self._use_filter()
        if text:
            self.view.expandAll()
