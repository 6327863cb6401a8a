"""A flat table over a Python list: the QAbstractItemModel plumbing the tables share."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
# made once: views ask flags() for every row they lay out, and enum arithmetic is slow
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
EDITABLE_ROW_FLAGS = ROW_FLAGS | Qt.ItemFlag.ItemIsEditable


class FlatTableModel(QAbstractTableModel):
    """Rows without children. Subclasses give ``row_count``, ``column_count`` and ``data``.

    ``index()`` and ``parent()`` stay Qt's own (C++): views and proxies call them tens
    of thousands of times for a 1,000-row table, and a Python override cost ~1 s there.
    """

    def row_count(self) -> int:
        raise NotImplementedError

    def column_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.column_count()

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
