"""The annotations dock: the current article's annotations, or the whole library's.

The quote and the note share the width; tags stay narrow, and the annotator, date
and section are hidden until asked for (the header's context menu). With no
annotations, the panel says how to make one and asks for little room.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.notes.vocab import COLOURS
from reader.ui.annotate.annotations_model import (
    ANNOTATION_ROLE,
    COLUMNS,
    NOTE_COLUMN,
    SORT_ROLE,
    AnnotationFilter,
    AnnotationsModel,
    Row,
    position_key,
)
from reader.ui.annotate.row_delegate import TwoLines
from reader.ui.names import Names

__all__ = [
    "ANNOTATION_ROLE",
    "COLUMNS",
    "NOTE_COLUMN",
    "SORT_ROLE",
    "AnnotationFilter",
    "AnnotationsModel",
    "AnnotationsPanel",
    "Row",
]

STRETCHED = ("quote", "note")  # share what the others leave
NARROW = {"tags": 72, "annotator": 72, "date": 112, "section": 96, "article": 120}  # px
HIDDEN_AT_FIRST = ("annotator", "date", "section", "article")  # the header's menu shows them


def fit_width(combo: QComboBox, text: str) -> int:
    """The width ``combo`` needs to show ``text`` whole, with its frame and arrow."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    content = QSize(metrics.horizontalAdvance(text) + 6, metrics.height())
    style = combo.style()
    return style.sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content, combo).width()


class AnnotationsPanel(QWidget):
    """Emits intents; the window changes the library."""

    jumpRequested = Signal(str)  # annotation id
    deleteRequested = Signal(list)
    retagRequested = Signal(list)
    reattachRequested = Signal(str)
    scopeChanged = Signal(bool)  # True: the whole library
    emptyChanged = Signal(bool)  # True: no annotations to list (the dock can be narrow)

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
        self.placeholder = QLabel(
            self.tr("No annotations in this article yet — select text and press 1–9 or H."), self
        )
        self.placeholder.setObjectName("annotationsPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)  # drawn muted, as a hint
        self.placeholder.setMinimumWidth(120)
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
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip is whole
        self.view.setWordWrap(True)
        self.view.setItemDelegate(TwoLines(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(32)
        for column, name in enumerate(COLUMNS):
            if name in STRETCHED:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, NARROW[name])
            header.setSectionHidden(column, name in HIDDEN_AT_FIRST)
        self._chosen: set[str] = set()  # columns the reader showed or hid (header menu)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.setSortingEnabled(False)
        self._rows: list[Row] = []
        self._tag_colours: dict[str, str] = {}
        delete = QPushButton(self.tr("Delete"), self)
        retag = QPushButton(self.tr("Retag…"), self)
        self.reattach = QPushButton(self.tr("Re-attach"), self)
        # short rows of two; each combo at least as wide as its “All …” item, so it is
        # never cut, and the panel otherwise gives way to the text
        filters = QGridLayout()
        filters.addWidget(self.text_filter, 0, 0)
        filters.addWidget(self.library_scope, 0, 1)
        widest = {
            self.tag_filter: self.tr("All tags"),
            self.colour_filter: self.tr("All colours"),
            self.annotator_filter: self.tr("All annotators"),
            self.sort: max(self.sort.itemText(0), self.sort.itemText(1), key=len),
        }
        for place, (combo, text) in enumerate(widest.items()):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)  # long names are cut in the box, whole below
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setMinimumWidth(fit_width(combo, text))
            filters.addWidget(combo, 1 + place // 2, place % 2)
        self._filtering = [self.text_filter, *widest]
        buttons = QHBoxLayout()
        self._buttons = (delete, retag, self.reattach)
        for button in self._buttons:
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            # never narrower than its label (重设标签… was cut at 1000 px): the dock's least
            # width follows
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 16)
            button.setToolTip(button.text())
            buttons.addWidget(button)
        self.reattach.setToolTip(self.tr("Re-attach to selection"))
        chain = [self.text_filter, self.library_scope, *widest, self.view, *self._buttons]
        for before, after in itertools.pairwise(chain):  # Tab goes as they read
            QWidget.setTabOrder(before, after)
        self.view.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addStretch(0)  # while empty: the hint at the top, nothing stretched
        self._empty: bool | None = None
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._check_empty)
        self._check_empty()
        for combo in (self.tag_filter, self.colour_filter, self.annotator_filter):
            combo.currentIndexChanged.connect(self._filter)
        self.text_filter.textChanged.connect(self._filter)
        self.sort.currentIndexChanged.connect(self._sort)
        self.library_scope.toggled.connect(self.scopeChanged)
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)  # Enter
        self.view.selectionModel().currentRowChanged.connect(self._moved)
        self.view.installEventFilter(self)  # Delete: the rows chosen
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
        names = {a.annotator for a in annotations if a.annotator}
        self._fill(self.annotator_filter, self.tr("All annotators"), sorted(names))
        self._show_annotators(names)

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
                    position_key(a),
                    key=lambda i: position_key(model.row_at(i).annotation),
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
        # the annotator filter lists each annotator once (after "All annotators")
        combo = self.annotator_filter
        self._show_annotators({str(combo.itemData(i)) for i in range(1, combo.count())})

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
            rows = sorted(self._rows, key=lambda r: position_key(r.annotation))
        kept = self.view.currentIndex().data(ANNOTATION_ROLE)  # an edit refills the list:
        chosen = set(self.selected_ids())  # the rows worked on stay chosen, all of them
        self.model.set_rows(rows, self._tag_colours)
        if kept is not None:
            self.select_annotation(kept)
        if len(chosen) > 1:  # chosen again in one selection: one signal, not one a row
            again = QItemSelection()
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                if index.data(ANNOTATION_ROLE) in chosen:
                    again.select(index, index)
            flags = QItemSelectionModel.SelectionFlag.Select
            self.view.selectionModel().select(again, flags | QItemSelectionModel.SelectionFlag.Rows)

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
            and self.selected_ids()
        ):
            self.deleteRequested.emit(self.selected_ids())
            return True
        return super().eventFilter(watched, event)

    def _moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A row chosen with the keys (↑/↓): its passage is shown and selected in the text,
        as a click does, so the list and the text speak of the same annotation."""
        keyboard = QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
        if current.isValid() and self.view.hasFocus() and keyboard:
            self.jumpRequested.emit(current.data(ANNOTATION_ROLE))

    def _jump(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != NOTE_COLUMN:
            self.jumpRequested.emit(index.data(ANNOTATION_ROLE))

    def _reattach(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.reattachRequested.emit(ids[0])

    # --- empty, columns -------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.model.row_count() == 0

    def _check_empty(self) -> None:
        """No annotations: the hint instead of the table, filters and buttons."""
        empty = self.is_empty()
        if empty == self._empty:
            return
        self._empty = empty
        self.placeholder.setVisible(empty)
        for widget in (self.view, *self._filtering, *self._buttons):
            widget.setVisible(not empty)
        self.emptyChanged.emit(empty)

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.columns_menu()
        menu.exec(self.view.header().viewport().mapToGlobal(pos))
        menu.deleteLater()

    def columns_menu(self) -> QMenu:
        """The columns to show (the quote always shows)."""
        header, model = self.view.header(), self.model
        menu = QMenu(self.view)
        for column, name in enumerate(COLUMNS):
            if name == "quote":
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self._column_chosen(c, on))
        return menu

    def _column_chosen(self, column: int, shown: bool) -> None:
        self.view.header().setSectionHidden(column, not shown)
        self._chosen.add(COLUMNS[column])  # the reader's choice: kept from now on

    def _show_annotators(self, names: set[str]) -> None:
        """Two or more annotators' work listed: whose is whose shows (merged work read as
        the same passage listed twice), unless the reader chose the column themselves."""
        if len(names) > 1 and "annotator" not in self._chosen:
            self.view.header().setSectionHidden(COLUMNS.index("annotator"), False)
