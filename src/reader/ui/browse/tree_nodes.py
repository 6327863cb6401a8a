"""The section tree's rows: one node per library, source, article and section heading,
and the Qt items of the rows that have children (``_source_item``).

A source's article nodes and an article's section nodes are made the first time
they are needed; each node keeps its row, so finding it is O(1).
"""

from __future__ import annotations

from PySide6.QtGui import QStandardItem

from reader.core.gc_pause import gc_paused
from reader.core.library.outline import (
    ArticleOutline,
    SectionOutline,
    SourceOutline,
    source_key,
    source_title,
)


class _Node:
    """One row. A plain class with slots and positional arguments: expanding a big
    library makes tens of thousands of these, and a keyword-argument dataclass costs
    twice as much per node."""

    __slots__ = (
        "annotations",  # an article's own; a source's or the library's total
        "article_id",
        "children",
        "index_in_parent",  # its row: kept, so finding it is O(1), not a search of siblings
        "kind",  # library, source, article, section
        "offset",
        "outline",  # a source's outline, to see what an update changed
        "parent",
        "path",  # a source's file: what keeps it open across outline updates
        "pending",  # a source's articles, made nodes on demand
        "sections",  # an article's headings, made nodes on demand
        "stale",  # its children's rows need renumbering (rows were inserted or removed)
        "status",
        "title",
        "tooltip",  # the whole title, for when the row cuts it short
    )

    def __init__(
        self,
        kind: str,
        title: str,
        parent: _Node | None = None,
        row: int = 0,
        article_id: int | None = None,
        offset: int = 0,
        status: str = "",
        annotations: int = 0,
        sections: tuple[SectionOutline, ...] = (),
    ) -> None:
        self.kind = kind
        self.title = title
        self.parent = parent
        self.children: list[_Node] = []
        self.index_in_parent = row
        self.article_id = article_id
        self.offset = offset
        self.status = status
        self.annotations = annotations
        self.tooltip = title
        self.path = ""
        self.sections = sections
        self.pending: tuple[ArticleOutline, ...] = ()
        self.stale = False
        self.outline: SourceOutline | None = None

    def kids(self) -> list[_Node]:
        """Children; a source's article nodes and an article's section nodes are made the
        first time they are needed (a big library's tree is mostly never opened)."""
        if self.pending:
            row = len(self.children)
            with gc_paused():
                self.children += [
                    _Node(
                        "article",
                        a.title,
                        self,
                        row + i,
                        a.id,
                        0,
                        a.status,
                        a.annotations,
                        a.sections,
                    )
                    for i, a in enumerate(self.pending)
                ]
            self.pending = ()
        if self.sections:
            row, article_id = len(self.children), self.article_id
            self.children += [
                _Node("section", s.title, self, row + i, article_id, s.start)
                for i, s in enumerate(self.sections)
            ]
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
    title, path = source_title(source), source_key(source)
    node = _Node("source", title)
    node.tooltip = f"{title}\n{path}" if path != title else title
    node.path = path
    node.pending = source.articles
    node.outline = source
    node.annotations = source.annotations
    return node


def _source_item(articles: tuple[ArticleOutline, ...]) -> QStandardItem:
    """A source's rows: one an article, an item with a row a heading for an article that
    has headings (Qt's hasChildren() tells from it), an empty slot for the others."""
    item = QStandardItem(len(articles), 2)
    for row, article in enumerate(articles):
        if article.sections:
            item.setChild(row, 0, QStandardItem(len(article.sections), 2))
    return item


def library_item(sources: list[SourceOutline]) -> QStandardItem:
    """The library's row: a row a source, two columns."""
    item = QStandardItem()
    item.setColumnCount(2)
    item.appendRows([_source_item(s.articles) for s in sources])
    return item


class TreeRows:
    """The library's row and its sources' items, and the sources' nodes, made from
    ``sources``: by the job that reads an outline, off the UI thread (items are not
    QObjects; nodes are plain objects), so showing a big library does not make them there
    (50,000 articles: about 32,000 items, 60 ms; 16,000 source nodes, 40 ms)."""

    def __init__(self, sources: list[SourceOutline]) -> None:
        self.sources = sources
        with gc_paused():
            self.item: QStandardItem | None = library_item(sources)
            self.nodes: list[_Node] | None = [_source_node(s) for s in sources]

    def take(self, sources: list[SourceOutline]) -> tuple[QStandardItem, list[_Node]] | None:
        """The library's item and the sources' nodes, once, if made from these very
        sources."""
        item, nodes, self.item, self.nodes = self.item, self.nodes, None, None
        if item is None or nodes is None or sources is not self.sources:
            return None
        return item, nodes


def untie(node: _Node) -> None:
    """Break the parent/child cycles of a dropped subtree: it goes by reference counting,
    not by the cycle collector (which no longer walks the nodes kept: ``ui.heap``)."""
    stack = [node]
    while stack:
        top = stack.pop()
        stack += top.children
        top.children = []
        top.parent = None
