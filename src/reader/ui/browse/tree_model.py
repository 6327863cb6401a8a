"""The section tree: library → source file → article → section headings."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.core.library.outline import ArticleOutline, SectionOutline, SourceOutline
from reader.ui.browse.status_icons import StatusIcons

Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OFFSET_ROLE = Qt.ItemDataRole.UserRole + 3
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4


def source_title(source: SourceOutline) -> str:
    """A file is known by its first article's title; the file name follows, for the
    files named by hashes or dates."""
    name = source.name or "—"
    first = source.articles[0].title if source.articles else ""
    return f"{first} — {name}" if first else name


@dataclass(eq=False, slots=True)
class _Node:
    kind: str  # library, source, article, section
    title: str
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    article_id: int | None = None
    offset: int = 0
    status: str = ""
    annotations: int = 0  # an article's own; a source's or the library's total
    tooltip: str = ""  # the whole title, for when the row cuts it short
    path: str = ""  # a source's file: what keeps it open across outline updates
    sections: tuple[SectionOutline, ...] = ()  # an article's headings, made nodes on demand
    pending: tuple[ArticleOutline, ...] = ()  # a source's articles, made nodes on demand
    index_in_parent: int = 0  # its row: kept, so finding it is O(1), not a search of siblings
    stale: bool = False  # its children's rows need renumbering (rows were inserted or removed)
    outline: SourceOutline | None = None  # a source's outline, to see what an update changed

    def kids(self) -> list[_Node]:
        """Children; a source's article nodes and an article's section nodes are made the
        first time they are needed (a big library's tree is mostly never opened)."""
        if self.pending:
            for article in self.pending:
                self.add(_article_node(article))
            self.pending = ()
        if self.sections:
            for section in self.sections:
                self.add(
                    _Node(
                        "section",
                        section.title,
                        article_id=self.article_id,
                        offset=section.start,
                        tooltip=section.title,
                    )
                )
            self.sections = ()
        return self.children

    def row(self) -> int:
        parent = self.parent
        if parent is not None and parent.stale:  # once after rows came or went, not per row
            for i, child in enumerate(parent.children):
                child.index_in_parent = i
            parent.stale = False
        return self.index_in_parent

    def has_kids(self) -> bool:
        return bool(self.children or self.pending or self.sections)

    def add(self, child: _Node) -> _Node:
        child.parent = self
        child.index_in_parent = len(self.children)
        self.children.append(child)
        return child


def _source_node(source: SourceOutline) -> _Node:
    title, path = source_title(source), source.path or source.name
    node = _Node("source", title, tooltip=f"{title}\n{path}" if path != title else title, path=path)
    node.pending = source.articles
    node.outline = source
    node.annotations = sum(article.annotations for article in source.articles)
    return node


def _article_node(article: ArticleOutline) -> _Node:
    return _Node(
        "article",
        article.title,
        article_id=article.id,
        status=article.status,
        annotations=article.annotations,
        tooltip=article.title,
        sections=article.sections,
    )


_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LibraryTreeModel(QAbstractItemModel):
    """Two columns: title and annotation count (empty while there are none)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("root", "")
        # an article's node, or its source's while the source's articles are not made yet
        self._articles: dict[int, _Node] = {}
        self._library_name = ""
        self._icons = StatusIcons()

    # --- loading -------------------------------------------------------------
    def set_outline(self, library_name: str, sources: list[SourceOutline]) -> None:
        """The tree for these sources. When the library is the one shown, only the sources
        that came, went or changed are inserted and removed: no reset, so the view keeps
        its layout (a reset relayouts every row: the stall after an import)."""
        if not self._update(library_name, sources):
            self._reset(library_name, sources)

    def _reset(self, library_name: str, sources: list[SourceOutline]) -> None:
        self.beginResetModel()
        self._root = _Node("root", "")
        library = self._root.add(_Node("library", library_name, tooltip=library_name))
        for source in sources:
            library.add(_source_node(source))
        self._map_articles()
        self.endResetModel()

    def _update(self, library_name: str, sources: list[SourceOutline]) -> bool:
        if not self._root.children or self._root.children[0].title != library_name:
            return False
        library = self._root.children[0]
        parent = self.createIndex(0, 0, library)
        wanted = {source.id: source for source in sources}
        for row in range(len(library.children) - 1, -1, -1):  # gone or changed: removed
            node = library.children[row]
            if node.outline is None or wanted.get(node.outline.id) != node.outline:
                self.beginRemoveRows(parent, row, row)
                del library.children[row]
                library.stale = True
                self.endRemoveRows()
        kept = [node.outline.id for node in library.children if node.outline is not None]
        have = set(kept)
        if [source.id for source in sources if source.id in have] != kept:
            return False  # another order: reset
        row = 0
        while row < len(sources):
            if sources[row].id in have:
                row += 1
                continue
            end = row
            while end + 1 < len(sources) and sources[end + 1].id not in have:
                end += 1
            self.beginInsertRows(parent, row, end)
            library.children[row:row] = [_source_node(s) for s in sources[row : end + 1]]
            for node in library.children[row : end + 1]:
                node.parent = library
            library.stale = True
            self.endInsertRows()
            row = end + 1
        total = sum(node.annotations for node in library.children)
        if total != library.annotations:
            library.annotations = total
            count = self.createIndex(0, 1, library)
            self.dataChanged.emit(count, count, [Qt.ItemDataRole.DisplayRole])
        self._map_articles()
        return True

    def _map_articles(self) -> None:
        """Article id → its node, or its source's while not made; in tree order."""
        self._articles = {}
        library = self._root.children[0]
        library.annotations = 0
        for source_node in library.children:
            library.annotations += source_node.annotations
            if source_node.pending or source_node.outline is None:
                for article in source_node.pending:
                    self._articles[article.id] = source_node
            else:
                for child in source_node.children:
                    self._articles[child.article_id or 0] = child

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
            index = self.createIndex(node.row(), 0, node)
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
            index = self.createIndex(node.row(), 1, node)
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
        return self.createIndex(node.row(), 0, node) if node else QModelIndex()

    def section_index(self, article_id: int, offset: int) -> QModelIndex:
        """The deepest node that holds ``offset``: the section it is in, else the article."""
        node = self._article(article_id)
        if node is None:
            return QModelIndex()
        best = node
        for child in node.kids():
            if child.offset <= offset:
                best = child
        return self.createIndex(best.row(), 0, best)

    def source_paths(self) -> list[str]:
        """The sources' paths, in tree order (their rows under the library node)."""
        library = self._root.children[0] if self._root.children else None
        return [n.path for n in library.children] if library else []

    def article_ids(self) -> list[int]:
        return list(self._articles)

    # --- QAbstractItemModel ------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            kids = parent.internalPointer().kids()
        else:
            kids = self._root.children
        if 0 <= row < len(kids) and 0 <= column < 2:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = index.internalPointer()
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            return len(parent.internalPointer().kids()) if parent.column() == 0 else 0
        return len(self._root.children)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        if parent.isValid():  # without making a closed source's article nodes
            return parent.column() == 0 and parent.internalPointer().has_kids()
        return bool(self._root.children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return node.title
            return str(node.annotations) if node.annotations else ""
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and node.kind == "article":
            return self._icons(node.status)
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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Title") if section == 0 else self.tr("Notes")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root


class TreeFilterModel(QSortFilterProxyModel):
    """Filter by title text and by review status; a match keeps its ancestors."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)
        self.status = ""

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.status:
            return super().filterAcceptsRow(source_row, source_parent)
        index = self.sourceModel().index(source_row, 0, source_parent)
        kind = index.data(KIND_ROLE)
        if kind in ("library", "source"):
            return False  # shown when one of their articles is
        article = index if kind == "article" else source_parent
        if article.data(STATUS_ROLE) != self.status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
