"""The reading pane: a typeset article, with exact offsets both ways.

``offset`` always means a Python ``str`` index into the article's cleaned text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.core.library.articles import StoredArticle
from reader.core.text.textpos import OffsetMap
from reader.ui.reading.mark_layer import MarkLayer
from reader.ui.reading.marks import AnnotationMark, find_format
from reader.ui.reading.meta_line import meta_line, paint, reserve, title_block
from reader.ui.reading.page import balance_blocks, char_advance, set_side_margins, side_margin
from reader.ui.reading.typesetting import CENTRED, typeset
from reader.ui.theme import LIGHT, Theme


class ReadingPane(QTextEdit):
    """Read-only article view. Emits ``topOffsetChanged`` as the reader scrolls."""

    topOffsetChanged = Signal(int)
    annotationClicked = Signal(str)  # the id of the annotation under a click
    selectionSettled = Signal()  # the mouse let go of a selection: show the annotate bar
    marksWanted = Signal()  # the view left the stretch whose marks alone were set

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.article: StoredArticle | None = None
        self._map = OffsetMap("")
        self._theme = LIGHT
        self._font = QFont()
        self._font.setPointSizeF(13.0)
        self._find: list[tuple[int, int]] = []
        self._find_current = -1
        self._anchor = 0  # the offset at the top; kept across resizes and re-layouts
        self._restoring = False
        self._layer = MarkLayer(self, self.position_of, self.offset_of, self.marksWanted.emit)
        self.word_spans: Callable[[str], list[tuple[int, int]]] | None = None
        self.snap_to_words = False
        self.setMouseTracking(True)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._meta = ""  # author · date · site, painted under the title
        self._meta_block: int | None = None
        self._hit_selected = False  # the selection is the current find hit: drawn as one
        self.selectionChanged.connect(self._restyle_selection)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._meta_block is not None and self.article is not None:
            paint(self, self._meta, self._meta_block, self._font, self._theme.muted)

    def meta_text(self) -> str:
        """The line under the title: author · date · site (empty when none is known)."""
        return self._meta if self._meta_block is not None else ""

    def set_word_spans(self, spans: Callable[[str], list[tuple[int, int]]] | None) -> None:
        """Word-aware selection, once jieba has loaded."""
        self.word_spans = spans

    def set_snap_to_words(self, snap: bool) -> None:
        self.snap_to_words = snap

    # --- content -----------------------------------------------------------
    def set_article(self, article: StoredArticle | None) -> None:
        self.article = article
        self._find, self._find_current = [], -1
        self._anchor = 0
        self._layer.drop()  # the last article's marks: the new ones come with it
        self._render()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._rerender()

    def set_reading_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._rerender()

    def _rerender(self) -> None:
        """Typeset again and stay at the same place: a new document resets the scroll bar."""
        self._restoring = True
        try:
            self._render()
        finally:
            self._restoring = False
        self._restore_anchor()

    def reading_font(self) -> QFont:
        return QFont(self._font)

    def _style(self) -> None:
        """The page's colours. While the selection is the current find hit it is drawn in
        the current hit's colours, so the selection never hides which hit is current."""
        theme = self._theme
        selection = (
            f" selection-background-color: {theme.find_current}; selection-color: {theme.find_ink};"
            if self._hit_selected
            else ""
        )
        self.setStyleSheet(
            f"QTextEdit {{ background: {theme.paper}; color: {theme.ink};{selection} }}"
        )

    def _restyle_selection(self) -> None:
        selected = self.is_current_hit_selected()
        if selected != self._hit_selected:
            self._hit_selected = selected
            self._style()

    def is_current_hit_selected(self) -> bool:
        """Whether the selection is exactly the current find or search hit."""
        if not 0 <= self._find_current < len(self._find) or not self.textCursor().hasSelection():
            return False
        return self.selection_offsets() == self._find[self._find_current]

    def _render(self) -> None:
        article = self.article
        self._hit_selected = self.is_current_hit_selected()
        self._style()
        self._layer.forget()
        self.setExtraSelections([])
        if article is None:
            self.clear()
            self._map = OffsetMap("")
            self._meta, self._meta_block = "", None
            return
        self._map = OffsetMap(article.text)
        document = typeset(article.blocks, self._font, self._theme)
        self._meta = meta_line(article.metadata)
        self._meta_block = title_block(article.blocks) if self._meta else None
        if self._meta_block is not None:
            reserve(document, self._meta_block, self._font)
        self._fit_page(document, self.viewport().width())  # before Qt lays it out
        self.setDocument(document)
        self._layer.set_find(self._find_formats())  # and the marks near the view

    def _fit_page(self, document: QTextDocument, width: int) -> None:
        """Side margins for a pane ``width`` wide; the title balanced in what is left."""
        article = self.article
        if article is None:
            return
        margin = side_margin(width, char_advance(self._font))
        set_side_margins(document, margin)
        display = [i for i, block in enumerate(article.blocks) if block.kind in CENTRED]
        balance_blocks(document, display, width - 2 * margin)

    def column_width(self) -> float:
        """The width the text is set in: the pane less the page's side margins."""
        fmt = self.document().rootFrame().frameFormat()
        return self.viewport().width() - fmt.leftMargin() - fmt.rightMargin()

    def chars_per_line(self) -> float:
        return self.column_width() / char_advance(self._font)

    # --- offsets -------------------------------------------------------------
    def position_of(self, offset: int) -> int:
        """Document position of article offset ``offset``."""
        return self._map.to_utf16(offset)

    def offset_of(self, position: int) -> int:
        """Article offset of document position ``position``."""
        return self._map.from_utf16(position)

    def offset_at(self, point: QPoint) -> int:
        return self.offset_of(self.cursorForPosition(point).position())

    def top_offset(self) -> int:
        """Offset of the first character visible at the top of the pane."""
        if self.article is None:
            return 0
        return self.offset_at(QPoint(4, 4))

    def view_offsets(self, slack: int = 0) -> tuple[int, int]:
        """The offsets shown, from ``slack`` px above the view to ``slack`` px below it
        (every offset while the pane is hidden: its size is not yet the one it will show)."""
        return self._layer.span(slack) if self.isVisible() else (0, 1 << 62)

    def selection_offsets(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return self.offset_of(cursor.selectionStart()), self.offset_of(cursor.selectionEnd())

    def select_offsets(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position_of(start))
        cursor.setPosition(self.position_of(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def scroll_to_offset(self, offset: int, margin: int = 24) -> None:
        """Scroll so that ``offset`` stands at the top of the pane (``margin`` px below it)."""
        self._anchor = offset
        self._restoring = True
        try:
            self._scroll_to(offset, margin)
        finally:
            self._restoring = False
        if self.article is not None and self.isVisible():
            if margin:  # the reader's place is what now stands at the top
                self._anchor = self.top_offset()
            self.topOffsetChanged.emit(self._anchor)

    def _scroll_to(self, offset: int, margin: int) -> None:
        if offset <= 0:  # the very top, with the title's margin above it
            self.verticalScrollBar().setValue(0)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.position_of(offset), self.document().characterCount() - 1))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - margin)

    def is_offset_visible(self, offset: int) -> bool:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.position_of(offset), self.document().characterCount() - 1))
        rect = self.cursorRect(cursor)
        return rect.top() >= 0 and rect.bottom() <= self.viewport().height()

    def _scrolled(self, _value: int) -> None:
        self._layer.follow()
        if self.article is not None and not self._restoring:
            self._anchor = self.top_offset()
            self.topOffsetChanged.emit(self._anchor)

    def anchor_offset(self) -> int:
        """Where the reader is: the offset at the top, as last scrolled to."""
        return self._anchor

    def _restore_anchor(self) -> None:
        if self.article is not None:
            self._restoring = True
            try:
                self._scroll_to(self._anchor, 0)
            finally:
                self._restoring = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._restoring = True  # Qt re-lays out and scrolls: not the reader's doing
        try:
            # the viewport has its new size already: margins first, so Qt lays out once
            self._fit_page(self.document(), self.viewport().width())
            super().resizeEvent(event)
        finally:
            self._restoring = False
        self._restore_anchor()
        self._layer.follow()  # a new layout: other text may be in view

    def showEvent(self, event: QShowEvent) -> None:
        self._restoring = True
        try:
            super().showEvent(event)
        finally:
            self._restoring = False
        self._restore_anchor()
        self._layer.push()

    # --- find marks ----------------------------------------------------------
    def set_find_hits(self, hits: list[tuple[int, int]], current: int) -> None:
        self._find, self._find_current = list(hits), current
        self._layer.set_find(self._find_formats())
        if 0 <= current < len(hits):
            start, end = hits[current]
            if not self.is_offset_visible(start):
                self.scroll_to_offset(start, margin=self.viewport().height() // 3)
            self.select_offsets(start, end)  # ready to annotate, drawn as the current hit
        self._restyle_selection()

    # --- annotations ------------------------------------------------------------
    @property
    def marks(self) -> list[AnnotationMark]:
        return self._layer.marks

    def set_annotations(
        self, marks: list[AnnotationMark], covering: tuple[int, int] | None = None
    ) -> None:
        """The article's marks, or all those of the offsets ``covering`` (then
        ``marksWanted`` asks for the others once the view leaves that stretch)."""
        self._layer.set_marks(marks, covering)

    def add_annotations(self, marks: list[AnnotationMark]) -> None:
        """Marks for annotations just made: the others' stay as they are."""
        self._layer.add_marks(marks)

    def remove_annotations(self, ids: list[str]) -> None:
        self._layer.remove_marks(set(ids))

    def annotations_at(self, offset: int) -> list[AnnotationMark]:
        return [m for m in self._layer.marks if m.start <= offset < m.end]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton and self.article is not None:
            marks = self.annotations_at(self.offset_at(event.position().toPoint()))
            if marks:
                QToolTip.showText(
                    event.globalPosition().toPoint(), "\n\n".join(m.tooltip for m in marks), self
                )
            else:
                QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.article is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            if self.snap_to_words:
                self.snap_selection()
            self.selectionSettled.emit()
            return
        marks = self.annotations_at(self.offset_at(event.position().toPoint()))
        if marks:
            self.annotationClicked.emit(min(marks, key=lambda m: m.end - m.start).id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Select the jieba word under the pointer, not Qt's whole run of Han characters."""
        if self.article is None or self.word_spans is None:
            super().mouseDoubleClickEvent(event)
            return
        span = self.word_at(self.offset_at(event.position().toPoint()))
        if span is None:
            super().mouseDoubleClickEvent(event)
            return
        self.select_offsets(*span)
        self.selectionSettled.emit()

    def snap_selection(self) -> None:
        """Widen the selection to whole words at both ends."""
        start, end = self.selection_offsets()
        first, last = self.word_at(start), self.word_at(max(start, end - 1))
        if first is not None and last is not None:
            self.select_offsets(first[0], last[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Shift+Left/Right extend the selection by words, not characters; Alt+Shift+
        Left/Right by one character (to trim a word's end: 张三在 to 张三)."""
        shift = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        arrows = (Qt.Key.Key_Left, Qt.Key.Key_Right)
        alt_shift = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
        if event.modifiers() == alt_shift and event.key() in arrows:
            cursor = self.textCursor()
            step = (
                QTextCursor.MoveOperation.NextCharacter
                if event.key() == Qt.Key.Key_Right
                else QTextCursor.MoveOperation.PreviousCharacter
            )
            cursor.movePosition(step, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            return
        if (
            shift
            and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            and self.word_spans is not None
            and self.article is not None
        ):
            cursor = self.textCursor()
            offset = self.offset_of(cursor.position())
            target = self._word_boundary(offset, event.key() == Qt.Key.Key_Right)
            if target is not None:
                cursor.setPosition(self.position_of(target), QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
                return
        super().keyPressEvent(event)

    def _word_boundary(self, offset: int, forward: bool) -> int | None:
        article = self.article
        if article is None or self.word_spans is None:
            return None
        block = next((b for b in article.blocks if b.start <= offset <= b.end), None)
        if block is None:
            return None
        bounds = sorted({block.start + s for s, _ in self.word_spans(block.text)} | {block.end})
        if forward:
            return next((b for b in bounds if b > offset), None)
        return next((b for b in reversed(bounds) if b < offset), None)

    def word_at(self, offset: int) -> tuple[int, int] | None:
        """The word (by the segmenter) that holds ``offset``, within its block."""
        article = self.article
        if article is None or self.word_spans is None:
            return None
        block = next((b for b in article.blocks if b.start <= offset < b.end), None)
        if block is None:
            return None
        for start, end in self.word_spans(block.text):
            if block.start + start <= offset < block.start + end:
                return block.start + start, block.start + end
        return None

    def _find_formats(self) -> list[tuple[int, int, QTextCharFormat]]:
        return [
            (start, end, find_format(self._theme, index == self._find_current))
            for index, (start, end) in enumerate(self._find)
        ]

    def find_hits(self) -> list[tuple[int, int]]:
        return list(self._find)

    # --- copy: the cleaned text, nothing else ---------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:
        # The base class makes the object, so C++ owns it: a QMimeData made here in
        # Python is freed twice once the clipboard holds it (a crash at exit).
        data = super().createMimeDataFromSelection()
        if self.article is not None:
            start, end = self.selection_offsets()
            for fmt in data.formats():
                data.removeFormat(fmt)
            data.setText(self.article.text[start:end])
        return data
