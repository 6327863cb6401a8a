"""The annotations panel's rows: one per annotation, filtered by tag, colour,
annotator or text, and sorted by position or date (in Python, before a reset)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import COLOURS
from reader.core.stamps import local_time
from reader.ui.flat_model import EDITABLE_ROW_FLAGS, ROW_FLAGS, FlatTableModel
from reader.ui.theme import tag_ink

Index = QModelIndex | QPersistentModelIndex
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
TAG_INKS_ROLE = Qt.ItemDataRole.UserRole + 3  # the tags column: [(#tag, its ink)], in order
COLUMNS = ("quote", "tags", "note", "annotator", "date", "section", "article")
NOTE_COLUMN = COLUMNS.index("note")


@dataclass(frozen=True)
class Row:
    annotation: Annotation
    section: str
    article_title: str


class AnnotationsModel(FlatTableModel):
    noteEdited = Signal(str, str)  # annotation id, new note: an intent, not a change

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self.tag_colours: dict[str, str] = {}
        self.dark = False  # the dark theme's fills: the light ones are muddy on a dark base

    def set_rows(self, rows: list[Row], tag_colours: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.tag_colours = dict(tag_colours)
        self.endResetModel()

    def insert_row(self, position: int, row: Row) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self.endInsertRows()

    def remove_ids(self, ids: set[str]) -> None:
        """Take away the rows of these annotations, one run of rows at a time."""
        position = len(self._rows) - 1
        while position >= 0:  # from the end, so the rows above keep their numbers
            if self._rows[position].annotation.id not in ids:
                position -= 1
                continue
            last = position
            while position > 0 and self._rows[position - 1].annotation.id in ids:
                position -= 1
            self.beginRemoveRows(QModelIndex(), position, last)
            del self._rows[position : last + 1]
            self.endRemoveRows()
            position -= 1

    def set_dark(self, dark: bool) -> None:
        if dark != self.dark:
            self.dark = dark
            if self._rows:
                self.dataChanged.emit(  # the fills, and the tags' ink
                    self.index(0, 0),
                    self.index(len(self._rows) - 1, COLUMNS.index("tags")),
                    [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
                )

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_count(self) -> int:
        return len(self._rows)

    def column_count(self) -> int:
        return len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        a, column = row.annotation, COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == "quote":
                prefix = (
                    "⚠ " if a.state == "orphaned" and role == Qt.ItemDataRole.DisplayRole else ""
                )
                return prefix + a.quote.replace("\n", " ")
            if column == "tags":  # a tag wraps whole: word joiners between its characters
                return "  ".join("\u2060".join(f"#{t}") for t in a.tags)
            if column == "note":
                return a.note
            if column == "annotator":
                return a.annotator
            if column == "date":
                return local_time(a.updated_at)
            if column == "article":
                return row.article_title
            return row.section or row.article_title
        if role == Qt.ItemDataRole.BackgroundRole and column == "quote" and a.color:
            fills = COLOURS.get(a.color)
            colour = QColor((fills.dark if self.dark else fills.light) if fills else "#ffe066")
            colour.setAlpha(110)
            return colour
        if role == Qt.ItemDataRole.ForegroundRole and column == "tags" and a.tags:
            return QColor(self._ink(a.tags[0]))
        if role == TAG_INKS_ROLE and column == "tags":
            return [("\u2060".join(f"#{t}"), self._ink(t)) for t in a.tags]
        if role == Qt.ItemDataRole.ToolTipRole:
            state = {
                "orphaned": self.tr(
                    "Orphaned: its passage is gone. Select a new one and use “Re-attach”."
                ),
                "moved": self.tr("Moved when the text changed."),
            }.get(a.state, "")
            return "\n".join(x for x in (row.article_title, a.quote, a.note, state) if x)
        if role == ANNOTATION_ROLE:
            return a.id
        if role == SORT_ROLE:
            return a.updated_at if column == "date" else (a.article_id, a.start, a.end)
        return None

    def _ink(self, tag: str) -> str:
        """The tag's colour as text on the panel (lightened on the dark theme)."""
        return tag_ink(self.tag_colours.get(tag, "#d97706"), self.dark)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and role == Qt.ItemDataRole.EditRole and index.column() == NOTE_COLUMN:
            self.noteEdited.emit(self._rows[index.row()].annotation.id, str(value))
            return True
        return False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Quote"),
                self.tr("Tags"),
                self.tr("Note"),
                self.tr("Annotator"),
                self.tr("Date"),
                self.tr("Section"),
                self.tr("Article"),
            )[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return EDITABLE_ROW_FLAGS if index.column() == NOTE_COLUMN else ROW_FLAGS


class AnnotationFilter(QSortFilterProxyModel):
    """Filters: tag, colour, annotator, free text. Sort: position or date."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tag = self.colour = self.annotator = self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(
        self, tag: str = "", colour: str = "", annotator: str = "", text: str = ""
    ) -> None:
        self.beginFilterChange()
        self.tag, self.colour, self.annotator, self.text = tag, colour, annotator, text.lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AnnotationsModel):
            return True
        a = model.row_at(source_row).annotation
        if self.tag and self.tag not in a.tags:
            return False
        if self.colour and a.color != self.colour:
            return False
        if self.annotator and a.annotator != self.annotator:
            return False
        if self.text:
            haystack = " ".join((a.quote, a.note, *a.tags)).lower()
            return self.text in haystack
        return True


def position_key(a: Annotation) -> tuple[int, int, int]:
    return a.article_id, a.start, a.end
