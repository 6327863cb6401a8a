"""Ctrl+Shift+F: search the library; activating a hit opens it.

"Traditional = Simplified" (on by default, remembered) makes 监警会 find 監警會 too."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.search.query import SearchResult, page_first
from reader.core.search.terms import QueryError, query_terms
from reader.ui.browse.results_model import HIT_ROLE, SearchResultsModel
from reader.ui.browse.snippet_delegate import SnippetDelegate
from reader.ui.error_text import translate_message
from reader.ui.settings import WindowSettings
from reader.ui.theme import Theme

VARIANTS_KEY = "search/matchVariants"
SHOWN_QUERY_CHARS = 40  # a query said back longer than this is cut (the box holds it whole)


def _shown_query(query: str) -> str:
    """The query as the summary says it back: on one line, cut short if long."""
    line = " ".join(query.split())
    return line if len(line) <= SHOWN_QUERY_CHARS else line[: SHOWN_QUERY_CHARS - 1] + "…"


TYPING_PAUSE_MS = 400  # a search starts once the typing rests this long


class SearchPanel(QWidget):
    searchRequested = Signal(str, bool, bool)  # query, every hit, Traditional = Simplified
    hitActivated = Signal(int, int, int)  # article id, start, end
    queryCleared = Signal()  # emptied, or another query listed: the text's marks are stale

    def __init__(
        self, parent: QWidget | None = None, settings: WindowSettings | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._page: SearchResult | None = None  # a first page shown: "Show all" extends it
        self._listed = ""  # the query whose hits are listed
        self.model = SearchResultsModel(self)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(
            self.tr('Search the library (words separated by spaces, "a phrase" in quotes)')
        )
        self.query.setClearButtonEnabled(True)
        # searched as the reader types, once the typing rests (Enter searches at once)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self._request(False))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)  # a long summary wraps in a narrow dock
        self.more = QPushButton(self.tr("Show all hits"), self)
        self.more.hide()
        self.variants = QCheckBox(self.tr("Traditional = Simplified"), self)
        self.variants.setToolTip(
            self.tr("Match Traditional and Simplified characters alike (监警会 finds 監警會)")
        )
        remembered = settings.text(VARIANTS_KEY, "true") if settings is not None else "true"
        self.variants.setChecked(remembered != "false")
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.snippets = SnippetDelegate(self.view)
        self.view.setItemDelegateForColumn(2, self.snippets)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 220)
        header.resizeSection(1, 180)
        row = QHBoxLayout()
        row.addWidget(self.query)
        row.addWidget(self.variants)
        row.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.query.returnPressed.connect(lambda: self._request(False))
        self.query.textChanged.connect(self._edited)  # the clear button empties it too
        self.more.clicked.connect(lambda: self._request(True))
        self.variants.toggled.connect(self._variants_toggled)
        # a click opens a hit, as in a list of search results anywhere; Enter too, so the
        # arrows move through the list and Enter opens the one reached. Not ``activated``:
        # a style that opens on a single click would open it twice with ``clicked``.
        self.view.clicked.connect(self._activate)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.view)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(lambda: self._activate(self.view.currentIndex()))

    def sizeHint(self) -> QSize:
        """Low: the query, the summary and a few hits; the text keeps the height."""
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), 280))

    def set_theme(self, theme: Theme) -> None:
        self.snippets.set_theme(theme)
        self.view.viewport().update()

    def match_variants(self) -> bool:
        return self.variants.isChecked()

    def _request(self, every_hit: bool) -> None:
        self._typing.stop()
        if not self.query.text().split():  # nothing to look for: no search, no summary
            self.clear_results()
            self.queryCleared.emit()
            return
        try:  # a query Reader will not run is said here, not in a box at every pause
            query_terms(self.query.text())
        except QueryError as refused:
            self.clear_results()
            self.summary.setText(translate_message(str(refused)))
            return
        self.searchRequested.emit(self.query.text(), every_hit, self.match_variants())

    def _edited(self, text: str) -> None:
        if text.split():
            self._typing.start()
        elif self.model.rowCount() or self.summary.text():
            self._request(False)  # emptied: the hits and their marks go at once
        else:
            self._typing.stop()

    def rerun(self) -> None:
        """The library changed (an import): the hits shown are searched for again."""
        if self.query.text().split() and (self.model.rowCount() or self.summary.text()):
            self._request(False)

    def _variants_toggled(self, on: bool) -> None:
        if self._settings is not None:
            self._settings.set(VARIANTS_KEY, "true" if on else "false")
        if self.query.text().strip():
            self._request(False)

    def clear_results(self) -> None:
        """No hits listed and nothing said (another library: its hits are not these)."""
        self._page = None
        self._listed = ""
        self.model.set_hits([])
        self.summary.clear()
        self.more.hide()

    def spans_in(self, article_id: int) -> list[tuple[int, int]]:
        """Every listed hit in one article: opening a hit marks them all."""
        return self.model.spans_in(article_id)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def show_result(self, result: SearchResult) -> None:
        if result.query != self._listed:  # the marks in the text were the last query's
            self._listed = result.query
            self.queryCleared.emit()
        page, grown = self._page, not result.complete and not result.limited
        if page is not None and not grown and page.query == result.query:
            result = page_first(page, result)  # the hits read so far stay where they were
        else:
            self.view.scrollToTop()  # a new list starts at its first hit
        self._page = result if grown else None
        self.model.set_hits(result.hits)
        shown = _shown_query(result.query)
        if not result.hits and not result.complete:  # a first page gave up reading
            self.summary.setText(
                self.tr(
                    "No hits for “%1” in the articles read so far; “Show all hits” reads them all."
                ).replace("%1", shown)
            )
        elif not result.hits:
            self.summary.setText(self.tr("No hits for “%1”.").replace("%1", shown))
        elif result.limited:  # "show all" of a very common word
            self.summary.setText(
                self.tr(
                    "The first %n hit(s), best articles first; “reader search --all” lists "
                    "every hit.",
                    "",
                    len(result.hits),
                )
            )
        elif not result.complete:  # a first page: more articles hold the words
            text = self.tr(
                "The first %n hit(s), in %1; “Show all hits” finds the rest.", "", len(result.hits)
            )
            self.summary.setText(text.replace("%1", self._articles(result.articles)))
        else:
            text = self.tr("%n hit(s) in %1", "", len(result.hits))
            self.summary.setText(text.replace("%1", self._articles(result.articles)))
        self.more.setVisible(not result.complete and not result.limited)

    def _articles(self, count: int) -> str:
        return self.tr("%n article(s)", "", count)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            article_id, start, end = index.data(HIT_ROLE)
            self.hitActivated.emit(article_id, start, end)

    def activate_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self._activate(index)
