"""The centre of the window: find bar, reading pane and the toggleable source view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from reader.core.library.articles import StoredArticle
from reader.core.search.query import find_all
from reader.core.text.model import Block
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.reading.source_view import SourceView
from reader.ui.settings import WindowSettings
from reader.ui.theme import Theme

SOURCE_LEAST_SHARE = 0.2  # the source view shown narrower than this is widened


class ReaderView(QWidget):
    """Shows one article; reports the block at the top as the reader scrolls."""

    currentBlockChanged = Signal(int)  # offset of the block at the top
    articleShown = Signal(int)  # the id of the article now shown

    def __init__(
        self, parent: QWidget | None = None, settings: WindowSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.find_bar = FindBar(self, settings)
        self.find_bar.hide()
        self.pane = ReadingPane(self)
        self.source = SourceView(self)
        self.source.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(self.source)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)  # all spare height to the text, none to the bar
        self._hits: list[tuple[int, int]] = []
        self._current = -1
        self.find_bar.queryChanged.connect(self._find)
        self.find_bar.nextRequested.connect(lambda: self._step(1))
        self.find_bar.previousRequested.connect(lambda: self._step(-1))
        self.find_bar.closed.connect(self._find_closed)
        self.pane.topOffsetChanged.connect(self._top_changed)
        self._raw_source = ""

    @property
    def article(self) -> StoredArticle | None:
        return self.pane.article

    def show_article(
        self, article: StoredArticle | None, raw_source: str = "", offset: int = 0
    ) -> None:
        self.pane.set_article(article)
        self._raw_source = raw_source
        if self.source.isVisible():
            self.source.set_source(raw_source)
        if article is not None:
            self.pane.scroll_to_offset(offset, margin=0)
            if self.find_bar.isVisible() and self.find_bar.edit.text():
                self._find(self.find_bar.edit.text())
            self._top_changed(self.pane.top_offset())
            self.articleShown.emit(article.id)

    def set_theme(self, theme: Theme) -> None:
        self.pane.set_theme(theme)
        self.source.set_theme(theme)

    # --- source view -------------------------------------------------------
    def set_source_visible(self, visible: bool) -> None:
        self.source.setVisible(visible)
        sizes = self.splitter.sizes()
        if visible and sizes[1] < SOURCE_LEAST_SHARE * sum(sizes):
            # shown at the width it had hidden (a sliver, 50 px): two fifths of the text's
            total = sum(sizes)
            self.splitter.setSizes([total - total * 2 // 5, total * 2 // 5])
        if visible:
            self.source.set_source(self._raw_source)
            self._top_changed(self.pane.top_offset())

    def block_at(self, offset: int) -> Block | None:
        article = self.article
        if article is None:
            return None
        current = None
        for block in article.blocks:
            if block.start <= offset:
                current = block
            else:
                break
        return current

    def _top_changed(self, offset: int) -> None:
        if self.source.isVisible():
            cursor_offset = (
                self.pane.selection_offsets()[0]
                if self.pane.textCursor().hasSelection()
                else offset
            )
            block = self.block_at(cursor_offset)
            if block is not None and block.lines != self.source.marked_lines():
                self.source.mark_lines(block.lines)
        self.currentBlockChanged.emit(offset)

    # --- find in article -----------------------------------------------------
    def open_find(self) -> None:
        selected = self.pane.textCursor().selectedText()
        self.find_bar.open_bar(selected if selected and "\u2029" not in selected else "")
        self._find(self.find_bar.edit.text())

    def _find(self, query: str) -> None:
        article = self.article
        variants = self.find_bar.match_variants()
        self._hits = (
            find_all(article.text, query, variants=variants)
            if article is not None and query
            else []
        )
        top = self.pane.top_offset()
        self._current = next(
            (i for i, h in enumerate(self._hits) if h[0] >= top), 0 if self._hits else -1
        )
        self._show_find()

    def _step(self, delta: int) -> None:
        if self._hits:
            self._current = (self._current + delta) % len(self._hits)
            self._show_find()

    def _show_find(self) -> None:
        self.pane.set_find_hits(self._hits, self._current)
        self.find_bar.show_count(self._current, len(self._hits))

    def _find_closed(self) -> None:
        self._hits, self._current = [], -1
        self.pane.set_find_hits([], -1)
        self.pane.setFocus()

    def find_state(self) -> tuple[int, int]:
        return self._current, len(self._hits)

    def copy(self) -> None:
        self.pane.copy()

    def show_passage(self, start: int, end: int) -> None:
        """A third of the way down the pane, selected."""
        self.pane.scroll_to_offset(start, margin=self.pane.viewport().height() // 3)
        self.pane.select_offsets(start, end)

    def clear_search_hits(self) -> None:
        """The library search's query was cleared: its marks go (the find bar's, when
        it is open, are its own and stay)."""
        if self.find_bar.isHidden() and self._hits:
            self._hits, self._current = [], -1
            self.pane.set_find_hits([], -1)

    def mark_hits(self, hits: list[tuple[int, int]], current: tuple[int, int]) -> None:
        """Show a library search hit a third of the way down, with every hit of the
        query in the article marked and the activated one marked as current."""
        self._hits = sorted(set(hits) | {current})
        self._current = self._hits.index(current)
        start = current[0]
        self.pane.scroll_to_offset(start, margin=self.pane.viewport().height() // 3)
        self.pane.set_find_hits(self._hits, self._current)
