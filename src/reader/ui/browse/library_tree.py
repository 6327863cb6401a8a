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
)


class LibraryTree(QWidget):
    articleActivated = Signal(int)  # article id
    sectionActivated = Signal(int, int)  # article id, offset of the heading
    articleMenuRequested = Signal(int, QPoint)  # article id, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryTreeModel(self)
        self.filter_model = TreeFilterModel(self)
        self.filter_model.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter articles and sections"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.view = QTreeView(self)
        self.view.setObjectName("sectionTree")
        self.view.setModel(self.filter_model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, self.view.header().ResizeMode.Stretch)
        self.view.header().resizeSection(1, 36)
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

    def set_outline(self, name: str, outline: list[SourceOutline]) -> None:
        """A new outline, with the sources that were open still open."""
        library = self.filter_model.index(0, 0)
        paths = self.model.source_paths()
        opened = {
            paths[row]
            for row in range(self.filter_model.rowCount(library))
            if self.view.isExpanded(self.filter_model.index(row, 0, library)) and row < len(paths)
        }
        self.model.set_outline(name, outline)
        library = self.filter_model.index(0, 0)
        self.view.expand(library)  # the library node
        for row, path in enumerate(self.model.source_paths()):
            if path in opened:
                proxy = self.filter_model.mapFromSource(
                    self.model.index(row, 0, self.filter_model.mapToSource(library))
                )
                self.view.expand(proxy)

    def reveal(self, article_id: int) -> None:
        """Open the article's source in the tree and make the article the one row marked."""
        proxy = self.filter_model.mapFromSource(self.model.article_index(article_id))
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
            index = self.filter_model.mapToSource(proxy)
            if index.data(KIND_ROLE) == "article":
                ids.append(index.data(ARTICLE_ID_ROLE))
        return ids

    def current_article(self) -> int | None:
        index = self.filter_model.mapToSource(self.view.currentIndex())
        return index.data(ARTICLE_ID_ROLE) if index.isValid() else None

    def follow(self, article_id: int, offset: int) -> None:
        """Make the node at ``offset`` current, without emitting anything back."""
        proxy = self.filter_model.mapFromSource(self.model.section_index(article_id, offset))
        if proxy.isValid() and proxy != self.view.currentIndex():
            # setCurrentIndex emits no clicked/activated: no loop back to the pane
            self._mark(proxy)
            self.view.scrollTo(proxy)

    def _mark(self, proxy: QModelIndex) -> None:
        """One marked row: current and selected move together, unless the reader chose
        several articles (for an export), which stay chosen."""
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
        index = self.filter_model.mapToSource(proxy_index)
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is None:
            return
        if index.data(KIND_ROLE) == "section":
            self.sectionActivated.emit(article_id, index.data(OFFSET_ROLE))
        else:
            self.articleActivated.emit(article_id)

    def _menu(self, pos: QPoint) -> None:
        index = self.filter_model.mapToSource(self.view.indexAt(pos))
        if index.data(KIND_ROLE) == "article":
            global_pos = self.view.viewport().mapToGlobal(pos)
            self.articleMenuRequested.emit(index.data(ARTICLE_ID_ROLE), global_pos)

    def _filter_changed(self, text: str) -> None:
        self.filter_model.setFilterFixedString(text)
        if text:
            self.view.expandAll()
