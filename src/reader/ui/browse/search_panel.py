"""Ctrl+Shift+F: search the library; activating a hit opens it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.search.query import SearchResult
from reader.ui.browse.results_model import HIT_ROLE, SearchResultsModel


class SearchPanel(QWidget):
    searchRequested = Signal(str, bool)  # query, every hit
    hitActivated = Signal(int, int, int)  # article id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Search the library (words separated by spaces)"))
        self.query.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.more = QPushButton(self.tr("Show all hits"), self)
        self.more.hide()
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 220)
        header.resizeSection(1, 180)
        row = QHBoxLayout()
        row.addWidget(self.query)
        row.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.query.returnPressed.connect(
            lambda: self.searchRequested.emit(self.query.text(), False)
        )
        self.more.clicked.connect(lambda: self.searchRequested.emit(self.query.text(), True))
        self.view.activated.connect(self._activate)
        self.view.doubleClicked.connect(self._activate)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def show_result(self, result: SearchResult) -> None:
        self.model.set_hits(result.hits)
        if not result.hits:
            self.summary.setText(self.tr("No hits for “%1”.").replace("%1", result.query))
        else:
            text = self.tr("%1 hits in %2 articles").replace("%1", str(len(result.hits)))
            self.summary.setText(text.replace("%2", str(result.articles)))
        self.more.setVisible(not result.complete)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            article_id, start, end = index.data(HIT_ROLE)
            self.hitActivated.emit(article_id, start, end)

    def activate_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self._activate(index)
