"""The annotations dock: the current article's annotations, or the whole library's."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import COLOURS
from reader.ui.flat_model import EDITABLE_ROW_FLAGS, ROW_FLAGS, FlatTableModel
from reader.ui.names import Names
from reader.ui.theme import tag_ink

Index = QModelIndex | QPersistentModelIndex
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("quote", "tags", "note", "annotator", "date", "section")
NOTE_COLUMN = COLUMNS.index("note")
COLUMN_WIDTHS = (180, 80, 140, 64, 112, 90)  # defaults; the reader resizes them


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
        self.dark = False  # the dark theme's fills and tag inks: the light ones are muddy there

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
            if column == "tags":
                return "  ".join(f"#{t}" for t in a.tags)
            if column == "note":
                return a.note
            if column == "annotator":
                return a.annotator
            if column == "date":
                return a.updated_at[:16].replace("T", " ")
            return row.section or row.article_title
        if role == Qt.ItemDataRole.BackgroundRole and column == "quote" and a.color:
            fills = COLOURS.get(a.color)
            colour = QColor((fills.dark if self.dark else fills.light) if fills else "#ffe066")
            colour.setAlpha(110)
            return colour
        if role == Qt.ItemDataRole.ForegroundRole and column == "tags" and a.tags:
            return QColor(tag_ink(self.tag_colours.get(a.tags[0], "#d97706"), self.dark))
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


class AnnotationsPanel(QWidget):
    """Emits intents; the window changes the library."""

    jumpRequested = Signal(str)  # annotation id
    deleteRequested = Signal(list)
    retagRequested = Signal(list)
    reattachRequested = Signal(str)
    scopeChanged = Signal(bool)  # True: the whole library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationsModel(self)
        self.proxy = AnnotationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.library_scope = QCheckBox(self.tr("Whole library"), self)
        self.tag_filter = QComboBox(self)
        self.colour_filter = QComboBox(self)
        self.annotator_filter = QComboBox(self)
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Filter text"))
        self.text_filter.setClearButtonEnabled(True)
        self.sort = QComboBox(self)
        self.sort.addItems([self.tr("By position"), self.tr("By date")])
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)  # else the view asks every row for its height
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.view.header()  # every column resizable; the last takes what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(32)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        self.view.setSortingEnabled(False)
        self._rows: list[Row] = []
        self._tag_colours: dict[str, str] = {}
        delete = QPushButton(self.tr("Delete"), self)
        retag = QPushButton(self.tr("Retag…"), self)
        self.reattach = QPushButton(self.tr("Re-attach"), self)
        # short rows of two, and combos that shrink: the panel gives way to the text,
        # and a narrow panel still shows “All tags” whole
        filters = QGridLayout()
        filters.addWidget(self.text_filter, 0, 0)
        filters.addWidget(self.library_scope, 0, 1)
        for place, combo in enumerate(
            (self.tag_filter, self.colour_filter, self.annotator_filter, self.sort)
        ):
            combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            combo.setMinimumWidth(44)
            filters.addWidget(combo, 1 + place // 2, place % 2)
        buttons = QHBoxLayout()
        for button in (delete, retag, self.reattach):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(48)
            button.setToolTip(button.text())
            buttons.addWidget(button)
        self.reattach.setToolTip(self.tr("Re-attach to selection"))
        self.view.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        for combo in (self.tag_filter, self.colour_filter, self.annotator_filter):
            combo.currentIndexChanged.connect(self._filter)
        self.text_filter.textChanged.connect(self._filter)
        self.sort.currentIndexChanged.connect(self._sort)
        self.library_scope.toggled.connect(self.scopeChanged)
        self.view.clicked.connect(self._jump)
        delete.clicked.connect(lambda: self.deleteRequested.emit(self.selected_ids()))
        retag.clicked.connect(lambda: self.retagRequested.emit(self.selected_ids()))
        self.reattach.clicked.connect(self._reattach)

    def show_rows(self, rows: list[Row], tag_colours: dict[str, str]) -> None:
        self._rows = list(rows)
        self._tag_colours = dict(tag_colours)
        self._sort()
        annotations = [r.annotation for r in rows]
        self._fill(
            self.tag_filter, self.tr("All tags"), sorted({t for a in annotations for t in a.tags})
        )
        self._fill(
            self.colour_filter,
            self.tr("All colours"),
            [c for c in COLOURS if any(a.color == c for a in annotations)],
            Names().colour,
        )
        self._fill(
            self.annotator_filter,
            self.tr("All annotators"),
            sorted({a.annotator for a in annotations if a.annotator}),
        )

    def add_rows(self, rows: list[Row], tag_colours: dict[str, str]) -> None:
        """Rows for annotations just made, each inserted in its place: no reset."""
        self._tag_colours = dict(tag_colours)
        self.model.tag_colours = self._tag_colours
        model = self.model
        for row in rows:
            self._rows.append(row)
            a = row.annotation
            if self.sort.currentIndex() == 1:  # newest first: a new one goes near the top
                place = next(
                    (
                        i
                        for i in range(model.row_count())
                        if model.row_at(i).annotation.updated_at <= a.updated_at
                    ),
                    model.row_count(),
                )
            else:
                place = bisect_right(
                    range(model.row_count()),
                    _position(a),
                    key=lambda i: _position(model.row_at(i).annotation),
                )
            model.insert_row(place, row)
            for combo, values in (
                (self.tag_filter, a.tags),
                (self.colour_filter, (a.color,) if a.color else ()),
                (self.annotator_filter, (a.annotator,) if a.annotator else ()),
            ):
                for value in values:
                    if combo.findData(value) < 0:
                        label = Names().colour(value) if combo is self.colour_filter else value
                        combo.addItem(label, value)

    def remove_rows(self, ids: list[str]) -> None:
        gone = set(ids)
        self._rows = [r for r in self._rows if r.annotation.id not in gone]
        self.model.remove_ids(gone)

    @staticmethod
    def _fill(
        combo: QComboBox, everything: str, values: list[str], label: Callable[[str], str] = str
    ) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(label(value), value)
        found = combo.findData(current)
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def _filter(self) -> None:
        self.proxy.set_filters(
            self.tag_filter.currentData() or "",
            self.colour_filter.currentData() or "",
            self.annotator_filter.currentData() or "",
            self.text_filter.text(),
        )

    def _sort(self) -> None:
        """Sort in Python before the reset: a sorting proxy asks the model ~20 times a row."""
        if self.sort.currentIndex() == 1:
            rows = sorted(self._rows, key=lambda r: r.annotation.updated_at, reverse=True)
        else:
            rows = sorted(self._rows, key=lambda r: _position(r.annotation))
        self.model.set_rows(rows, self._tag_colours)

    def selected_ids(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows()
        return [i.data(ANNOTATION_ROLE) for i in rows]

    def select_annotation(self, annotation_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ANNOTATION_ROLE) == annotation_id:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return

    def _jump(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != NOTE_COLUMN:
            self.jumpRequested.emit(index.data(ANNOTATION_ROLE))

    def _reattach(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.reattachRequested.emit(ids[0])


def _position(a: Annotation) -> tuple[int, int, int]:
    return a.article_id, a.start, a.end
