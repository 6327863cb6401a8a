"""Library search results: one row per hit (title, section, keyword in context).

The context column's text is the plain snippet; ``SNIPPET_SPAN_ROLE`` says where the
hit is in it, and ``SnippetDelegate`` draws that span highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.core.search.query import Hit
from reader.ui.flat_model import FlatTableModel

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_SPAN_ROLE = Qt.ItemDataRole.UserRole + 2  # (start, end) of the hit in the snippet


class SearchResultsModel(FlatTableModel):
    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def spans_in(self, article_id: int) -> list[tuple[int, int]]:
        """Every listed hit in one article, in text order."""
        return sorted((h.start, h.end) for h in self._hits if h.article_id == article_id)

    def row_count(self) -> int:
        return len(self._hits)

    def column_count(self) -> int:
        return self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.title, hit.section, hit.snippet)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n{hit.section}\n{hit.snippet}"
        if role == HIT_ROLE:
            return hit.article_id, hit.start, hit.end
        if role == SNIPPET_SPAN_ROLE and index.column() == 2:
            return hit.snippet_start, hit.snippet_end
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Article"), self.tr("Section"), self.tr("Context"))[section]
        return None
