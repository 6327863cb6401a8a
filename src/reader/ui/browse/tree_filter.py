"""The tree's filter: by title text and by review status; a match keeps the rows above it.

The text is not matched here, row by row: ``TitleIndex`` gives, in one pass, the keys
of the rows to show (the matches and their ancestors), and a row is accepted by a set
look-up. With the text alone the proxy is not recursive, so it asks only about the
children of rows it shows: a source that shows nothing is asked about once, and its
articles are never made. A review status, judged on the live nodes, makes it recursive
(a source is shown when one of its articles is).
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from reader.core.library.title_filter import LIBRARY, Matches
from reader.ui.browse.tree_model import LibraryTreeModel
from reader.ui.browse.tree_nodes import _Node

Index = QModelIndex | QPersistentModelIndex


def _key(node: _Node) -> Hashable:
    kind = node.kind
    if kind == "article":
        return node.article_id
    if kind == "section":
        return (node.article_id, node.offset)
    if kind == "library":
        return LIBRARY
    return node.path  # a source


class TreeFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = ""
        self.text = ""  # the text the shown keys were found for
        self._shown: frozenset[Hashable] = frozenset()
        self._parents: frozenset[Hashable] = frozenset()
        self._tree: LibraryTreeModel | None = None
        # with the text alone: 1 for each source row shown, by row (the library's children
        # are asked about all at once, 16,000 at 50,000 articles); None when rows moved
        self._source_rows: bytes | None = None
        self._library_id = -1  # internalId() of the library's index: the top rows'

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        """The library tree (the rows' nodes are its)."""
        self._tree = model if isinstance(model, LibraryTreeModel) else None
        super().setSourceModel(model)
        for signal in (model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved, model.modelReset):
            signal.connect(self._rows_moved)

    def _rows_moved(self) -> None:
        """The table is by row: rows coming or going leave it wrong until the next text."""
        self._source_rows = None

    def active(self) -> bool:
        return bool(self.status or self.text)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.setRecursiveFilteringEnabled(bool(status))
        self.endFilterChange()

    def refilter(self) -> None:
        """Every row judged again (a status changed under a status filter)."""
        self.beginFilterChange()
        self.endFilterChange()

    def set_text(self, text: str, matches: Matches) -> None:
        """``matches``: the rows to show (``TitleIndex.shown``). The mapping is dropped,
        not compared row by row with the last text's (a view detached first relays
        nothing)."""
        self.text, self._shown, self._parents = text, matches.rows, matches.parents
        self._source_rows = None
        if text and self._tree is not None and self._tree.rowCount():
            shown = matches.rows
            self._source_rows = bytes(path in shown for path in self._tree.source_paths())
            self._library_id = self._tree.index(0, 0).internalId()
        self.invalidate()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        """With the text alone, known from the matches: Qt's own would filter the row's
        children to tell (making a source's article nodes for each source laid out)."""
        if not self.text or self.status or not parent.isValid():
            return super().hasChildren(parent)
        if self._tree is None or parent.column():
            return False
        return _key(self._tree.node(self.mapToSource(parent))) in self._parents

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not source_parent.isValid():  # the library row (with a status: shown when an
            return LIBRARY in self._shown and not self.status  # article is)
        if self._tree is None:
            return False
        rows = self._source_rows
        if (  # a source, with the text alone: one look-up
            rows is not None
            and not self.status
            and source_parent.internalId() == self._library_id
            and source_parent.row() == 0
        ):
            return source_row < len(rows) and rows[source_row] == 1
        node: _Node = self._tree.node(source_parent).kids()[source_row]
        if self.status:
            kind = node.kind
            if kind == "source":
                return False  # shown when one of its articles is (recursive)
            article = node if kind == "article" else node.parent
            if article is None or article.status != self.status:
                return False
        return not self.text or _key(node) in self._shown
