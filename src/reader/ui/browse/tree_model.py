"""The section tree: library → source file → article → section headings.

The rows are a ``QStandardItemModel``'s, and its items hold no text: ``index()``,
``parent()``, ``rowCount()``, ``hasChildren()`` and ``flags()`` are Qt's own, so laying
rows out (an expand-all of 120,000 rows) makes no call into Python. Only the rows that
have children are items: the library, a source (a row per article) and an article with
headings (a row per heading); the other rows and the counts column are empty slots. What
a row shows is its node's (``data()``, asked only about the rows drawn); the node is
found from the index's rows (``node()``), and an index from the node's (``index_of()``).
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Callable
from functools import partial
from itertools import compress
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from reader.core.gc_pause import gc_paused
from reader.core.library.outline import SourceOutline
from reader.ui.browse.status_icons import StatusIcons
from reader.ui.browse.tree_nodes import (
    TreeRows,
    _Node,
    _source_item,
    _source_node,
    library_item,
    source_title,
    untie,
)

__all__ = ["LibraryTreeModel", "_Node", "source_title"]

Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 3
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LibraryTreeModel(QStandardItemModel):
    """Two columns: title and annotation count (empty while there are none)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self._root = _Node("root", "")
        # an article's node, or its source's while the source's articles are not made yet
        self._articles: dict[int, _Node] = {}
        self._library_name = ""
        self._icons = StatusIcons()
        self._heading_font = QFont()
        self._heading_font.setBold(True)
        # the nodes' side of a change of rows, run once the items changed (connected first)
        self._then: Callable[[], None] | None = None
        self._last: tuple[object, _Node] = (None, self._root)  # node()'s last answer
        self.rowsInserted.connect(self._rows_changed)
        self.rowsRemoved.connect(self._rows_changed)

    # --- loading -------------------------------------------------------------
    def set_outline(
        self,
        library_name: str,
        sources: list[SourceOutline],
        before_reset: Callable[[], object] | None = None,
        rows: TreeRows | None = None,
    ) -> bool:
        """The tree for these sources. When the library is the one shown, only the sources
        that came, went or changed are inserted and removed: no reset, so the view keeps
        its layout (a reset relayouts every row: the stall after an import). Otherwise
        ``before_reset`` is called (the tree reads what its view has open) and the model
        is reset (with ``rows`` when they were made for these sources); True then."""
        with gc_paused():  # a node and an item per source: 16,000 for 50,000 articles
            if self._update(library_name, sources):
                return False
            if before_reset is not None:
                before_reset()
            made = rows.take(sources) if rows is not None else None
            if made is None:
                made = library_item(sources), [_source_node(source) for source in sources]
            self._reset(library_name, *made)
            return True

    def drop_rows(self) -> None:
        """No rows at all: another library's outline is being read, and none of the last
        library's rows may stay to be clicked meanwhile."""
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
        finally:
            self.blockSignals(False)
        untie(self._root)
        self._root = _Node("root", "")
        self._last = (None, self._root)
        self._articles = {}
        self.endResetModel()

    def _reset(self, library_name: str, rows: QStandardItem, sources: list[_Node]) -> None:
        root = _Node("root", "")
        library = root.add(_Node("library", library_name))
        for source in sources:
            library.add(source)
        self.beginResetModel()
        self.blockSignals(True)  # the rows change inside the reset: no signals of their own
        try:
            self.removeRows(0, self.rowCount())
            self.appendRow(rows)
        finally:
            self.blockSignals(False)
        untie(self._root)
        self._root = root
        self._last = (None, root)  # the items went: their addresses may come back
        self._map_articles()
        self.endResetModel()

    def _update(self, library_name: str, sources: list[SourceOutline]) -> bool:
        """Remove the sources that went or changed and insert the new ones, in O(changes)
        Python steps past a few passes at C speed: the import's worker hands back the
        sources it did not touch as the very objects shown, so they are told apart by
        identity and never compared (50,000 articles: 16,000 sources)."""
        if not self._root.children or self._root.children[0].title != library_name:
            return False
        library = self._root.children[0]
        shown = library.children
        old = [node.outline for node in shown]
        if len(old) == len(sources) and all(map(operator.is_, old, sources)):
            return True  # the same outline: nothing to do
        sources = list(sources)
        old_keys, new_keys = list(map(id, old)), list(map(id, sources))
        old_ids, new_ids = set(old_keys), set(new_keys)
        came = _rows_not_in(new_keys, old_ids)  # new objects: few
        fresh = {sources[n].id: n for n in came}
        gone: list[int] = []
        for row in _rows_not_in(old_keys, new_ids):  # went, changed, or re-read anew
            outline = old[row]
            n = fresh.get(outline.id, -1) if outline is not None else -1
            if n >= 0 and sources[n] == outline:  # re-read, unchanged: kept as shown
                sources[n] = outline
                new_keys[n] = id(outline)
                old_ids.add(id(outline))
            else:
                gone.append(row)
        kept_old = list(old)
        for row in reversed(gone):
            del kept_old[row]
        kept_new = list(compress(sources, map(old_ids.__contains__, new_keys)))
        if len(kept_new) != len(kept_old) or not all(map(operator.is_, kept_new, kept_old)):
            return False  # another order: reset (nothing changed yet)
        rows = self.item(0, 0)
        for row in reversed(gone):
            self._with_rows(partial(rows.removeRow, row), partial(self._drop, library, row))
        inserted = _rows_not_in(new_keys, old_ids)
        while inserted:  # runs of consecutive new rows: a shown row's place is its source's
            row = end = inserted.pop(0)
            while inserted and inserted[0] == end + 1:
                end = inserted.pop(0)
            items = [_source_item(s.articles) for s in sources[row : end + 1]]
            nodes = [_source_node(s) for s in sources[row : end + 1]]
            self._with_rows(partial(rows.insertRows, row, items), partial(self._put, row, nodes))
        if gone or len(shown) != len(old):  # the library's total moved
            count = self.index(0, 1)
            self.dataChanged.emit(count, count, [Qt.ItemDataRole.DisplayRole])
        return True

    def _with_rows(self, items: Callable[[], object], nodes: Callable[[], None]) -> None:
        """Change the items (Qt emits rowsAbout… then rows…) and the nodes between the two
        signals: a slot on the first sees the rows as they were, one on the second as
        they are."""
        self._then = nodes
        self._last = (None, self._root)
        items()
        self._rows_changed()  # when no signal came

    def _rows_changed(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._last = (None, self._root)
            then()

    def _drop(self, library: _Node, row: int) -> None:
        node = library.children.pop(row)
        self._unmap(node)
        untie(node)
        library.annotations -= node.annotations
        library.stale = True

    def _put(self, row: int, nodes: list[_Node]) -> None:
        library = self._root.children[0]
        library.children[row:row] = nodes
        for node in nodes:
            node.parent = library
            library.annotations += node.annotations
            self._map(node)
        library.stale = True

    def _map_articles(self) -> None:
        """Article id → its node, or its source's while not made."""
        self._articles = {}
        library = self._root.children[0]
        library.annotations = 0
        for source_node in library.children:
            library.annotations += source_node.annotations
            self._map(source_node)

    def _map(self, source_node: _Node) -> None:
        if source_node.pending or source_node.outline is None:
            for article in source_node.pending:
                self._articles[article.id] = source_node
        else:
            for child in source_node.children:
                self._articles[child.article_id or 0] = child

    def _unmap(self, source_node: _Node) -> None:
        """Forget a removed source's articles (unless another source holds them now)."""
        for article_id in _article_ids(source_node):
            node = self._articles.get(article_id)
            if node is source_node or (node is not None and node.parent is source_node):
                del self._articles[article_id]

    def _article(self, article_id: int) -> _Node | None:
        """The article's node, made (with its source's others) when it is not yet."""
        node = self._articles.get(article_id)
        if node is not None and node.kind == "source":
            for child in node.kids():
                self._articles[child.article_id or 0] = child
            node = self._articles[article_id]
        return node

    def set_status(self, article_id: int, status: str) -> None:
        node = self._article(article_id)
        if node is not None:
            node.status = status
            index = self.index_of(node)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, STATUS_ROLE])

    def add_annotation_count(self, article_id: int, change: int) -> None:
        """One annotation made or taken away: the count moves without a query."""
        node = self._article(article_id)
        if node is not None:
            self.set_annotation_count(article_id, max(0, node.annotations + change))

    def set_annotation_count(self, article_id: int, count: int) -> None:
        node: _Node | None = self._article(article_id)
        if node is None or node.annotations == count:
            return
        change = count - node.annotations
        above: _Node | None = node
        while above is not None and above is not self._root:  # keep the totals
            above.annotations += change
            above = above.parent
        while node is not None and node is not self._root:  # the totals above change too
            index = self.index_of(node, 1)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
            node = node.parent

    def sections_of(self, article_id: int, offset: int) -> str:
        """The title of the section holding ``offset`` ("" before the first heading)."""
        node = self._article(article_id)
        if node is None:
            return ""
        if node.sections:  # not made into nodes yet: read the outline directly
            starts = [section.start for section in node.sections]
            i = bisect_right(starts, offset) - 1
            return node.sections[i].title if i >= 0 else ""
        starts = [child.offset for child in node.children]
        i = bisect_right(starts, offset) - 1
        return node.children[i].title if i >= 0 else ""

    # --- lookups ---------------------------------------------------------------
    def article_index(self, article_id: int) -> QModelIndex:
        node = self._article(article_id)
        return self.index_of(node) if node else QModelIndex()

    def section_index(self, article_id: int, offset: int) -> QModelIndex:
        """The deepest node that holds ``offset``: the section it is in, else the article."""
        node = self._article(article_id)
        if node is None:
            return QModelIndex()
        best = node
        for child in node.kids():
            if child.offset <= offset:
                best = child
        return self.index_of(best)

    def source_paths(self) -> list[str]:
        """The sources' paths, in tree order (their rows under the library node)."""
        library = self._root.children[0] if self._root.children else None
        return [n.path for n in library.children] if library else []

    def article_ids(self) -> list[int]:
        """Every article's id, in tree order."""
        library = self._root.children[0] if self._root.children else None
        if library is None:
            return []
        return [
            article.id
            for node in library.children
            if node.outline is not None
            for article in node.outline.articles
        ]

    def shown_outline(self) -> list[SourceOutline]:
        """The sources' outlines as shown, in tree order."""
        library = self._root.children[0] if self._root.children else None
        return [n.outline for n in library.children if n.outline] if library else []

    def has_article(self, article_id: int | None) -> bool:
        return article_id in self._articles

    def open_rows(self, is_open: Callable[[QModelIndex], bool]) -> tuple[set[str], set[int]]:
        """The paths of the sources and the ids of the articles that ``is_open`` (a view's
        isExpanded) tells are open. A view keeps its open rows as persistent indexes: only
        those are asked (a row can be open before its node is made)."""
        sources: set[str] = set()
        articles: set[int] = set()
        if not self._root.children:
            return sources, articles
        shown = self._root.children[0].children
        for index in self.persistentIndexList():
            if index.column() or not is_open(index):
                continue
            above = index.parent()
            top = above.parent()
            if not above.isValid():
                continue  # the library
            if not top.isValid():  # a source
                sources.add(shown[index.row()].path)
            elif not top.parent().isValid():  # an article
                outline = shown[above.row()].outline
                if outline is not None:
                    articles.add(outline.articles[index.row()].id)
        return sources, articles

    # --- rows and nodes -----------------------------------------------------------
    def node(self, index: Index) -> _Node:
        """The row's node (the invisible root's for no row), found from the rows above it:
        four at most. A source's article nodes are made when one of its rows is asked. The
        last is kept: a view asks about a row several times over (a role, a column), the
        filter about the rows under one parent in turn."""
        key = (index.internalId(), index.row())  # the item above (its address), the row
        if key == self._last[0]:
            return self._last[1]
        rows: list[int] = []
        while index.isValid():
            rows.append(index.row())
            index = index.parent()
        node = self._root
        for row in reversed(rows):
            node = node.kids()[row]
        self._last = (key, node)
        return node

    def articles_under(self, index: Index) -> list[tuple[int, str]]:
        """A source row's articles as (id, review status), in order; [] for another row."""
        node = self.node(index)
        if node.kind != "source":
            return []
        return [(k.article_id or 0, k.status or "unread") for k in node.kids()]

    def index_of(self, node: _Node, column: int = 0) -> QModelIndex:
        """The node's row, in ``column``."""
        parent = node.parent
        if parent is None:
            return QModelIndex()
        return self.index(node.row(), column, self.index_of(parent))

    # --- QStandardItemModel -------------------------------------------------------
    # index(), parent(), rowCount(), hasChildren() and flags() (enabled, selectable,
    # and editable: the view edits nothing) are Qt's own: no Python call a row laid out.
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return node.title
            return str(node.annotations) if node.annotations else ""
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and node.kind == "article":
            return self._icons(node.status)
        if role == Qt.ItemDataRole.FontRole and node.kind == "library":
            return self._heading_font  # the library's row heads the tree: not one of its rows
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return _RIGHT
        if role == KIND_ROLE:
            return node.kind
        if role == ARTICLE_ID_ROLE:
            return node.article_id
        if role == OFFSET_ROLE:
            return node.offset
        if role == STATUS_ROLE:
            return node.status
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False  # what a row shows is its node's

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Title") if section == 0 else self.tr("Notes")
        return None


def _rows_not_in(keys: list[int], ids: set[int]) -> list[int]:
    """The positions of the ``keys`` not in ``ids``, found at C speed: a Python loop over
    16,000 sources would be most of an update's time."""
    absent = map(operator.not_, map(ids.__contains__, keys))
    return list(compress(range(len(keys)), absent))


def _article_ids(source_node: _Node) -> list[int]:
    """A source node's articles' ids, in order, whether or not their nodes are made."""
    if source_node.pending:
        return [article.id for article in source_node.pending]
    return [child.article_id or 0 for child in source_node.children]
