"""What the reader has open in the section tree, kept while a filter shows its own rows.

Unfiltered, the view keeps what is open itself, read when it is needed (a slot on
``expanded()`` would be a Python call per row of an expand-all). The filtered view
forgets what it showed when the filter goes, so there the reader's expands and collapses
are followed (``follow(True)`` while the filter is on); rows the filter's text opened
are not the reader's and are not kept.

An outline update removes a changed file's row and inserts it anew (an import of the
file again): it comes back as open as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from reader.ui.browse.tree_filter import TreeFilterModel
from reader.ui.browse.tree_model import LibraryTreeModel


class OpenRows:
    def __init__(self, view: QTreeView, model: LibraryTreeModel, proxy: TreeFilterModel) -> None:
        self._view, self._model, self._proxy = view, model, proxy
        self.sources: set[str] = set()  # paths of the sources open in the view
        self.articles: set[int] = set()  # articles showing their sections
        self._leaving: set[str] = set()  # open sources whose rows an update is replacing
        model.rowsAboutToBeRemoved.connect(self._rows_leaving)
        model.rowsInserted.connect(self._rows_back)

    def _filtered(self) -> bool:
        return self._view.model() is self._proxy

    def follow(self, on: bool) -> None:
        """Follow the reader's expands and collapses (while a filter shows the rows)."""
        view = self._view
        if on:
            view.expanded.connect(self._expanded)
            view.collapsed.connect(self._collapsed)
        else:
            view.expanded.disconnect(self._expanded)
            view.collapsed.disconnect(self._collapsed)

    def _node_kind_key(self, index: QModelIndex) -> tuple[str, str | int | None]:
        if self._filtered():
            index = self._proxy.mapToSource(index)
        node = self._model.node(index)
        return node.kind, node.path if node.kind == "source" else node.article_id

    def _expanded(self, index: QModelIndex) -> None:
        if self._proxy.text:
            return  # opened by the filter, not by the reader
        kind, key = self._node_kind_key(index)
        if kind == "source" and isinstance(key, str):
            self.sources.add(key)
        elif kind == "article" and isinstance(key, int):
            self.articles.add(key)

    def _collapsed(self, index: QModelIndex) -> None:
        if self._proxy.text:
            return
        kind, key = self._node_kind_key(index)
        if kind == "source" and isinstance(key, str):
            self.sources.discard(key)
        elif kind == "article" and isinstance(key, int):
            self.articles.discard(key)

    def remember(self) -> None:
        """What the unfiltered view has open, from the view itself."""
        if self._model.rowCount() and not self._filtered():
            self.sources, self.articles = self._model.open_rows(self._view.isExpanded)

    def keep_known(self) -> None:
        """A new outline: articles no longer in the library are forgotten."""
        self.articles = {a for a in self.articles if self._model.has_article(a)}
        self._leaving = set()  # sources that went for good

    def _source_rows(self, parent: QModelIndex, first: int, last: int) -> list[QModelIndex]:
        """Rows ``first`` to ``last`` under ``parent`` when they are sources (the library
        row's), in the unfiltered view (a filtered one is opened again by ``restore``)."""
        if self._filtered() or not parent.isValid() or parent.parent().isValid():
            return []
        return [self._model.index(row, 0, parent) for row in range(first, last + 1)]

    def _rows_leaving(self, parent: QModelIndex, first: int, last: int) -> None:
        for index in self._source_rows(parent, first, last):
            if self._view.isExpanded(index):
                self._leaving.add(self._model.node(index).path)

    def _rows_back(self, parent: QModelIndex, first: int, last: int) -> None:
        if not self._leaving:
            return
        for index in self._source_rows(parent, first, last):
            path = self._model.node(index).path
            if path in self._leaving:
                self._leaving.discard(path)
                self._view.expand(index)

    def restore(self, to_view: Callable[[QModelIndex], QModelIndex]) -> None:
        """The library, and the sources and articles the reader has open."""
        model, view = self._model, self._view
        library = model.index(0, 0)
        view.expand(to_view(library))
        opened, articles = set(self.sources), set(self.articles)
        if opened:
            for row, path in enumerate(model.source_paths()):
                if path in opened:
                    view.expand(to_view(model.index(row, 0, library)))
        for article_id in articles:
            index = to_view(model.article_index(article_id))
            if index.isValid():
                view.expand(index)
