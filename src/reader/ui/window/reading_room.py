"""Room for the text: when the window narrows, or the source view opens, the side
panels give way before the reading column does.

The column keeps at least ``MIN_CHARS`` characters a line while the annotations
dock, the source view and then the section tree still have room to give, each down
to its own minimum. Nothing grows back by itself: widening again is the reader's.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

from reader.ui.reading.reader_view import ReaderView

MIN_CHARS = 30  # of text, inside the page's margins: a comfortable line is 30–40
TREE_MIN = 180  # enough for the start of a title; the full title is its tooltip
SOURCE_MIN = 160  # a few source characters a line still show what recovery did


class ReadingRoom(QObject):
    def __init__(
        self, window: QMainWindow, reader: ReaderView, dock: QDockWidget, splitter: QSplitter
    ) -> None:
        super().__init__(window)
        self._window, self._reader, self._dock, self._splitter = window, reader, dock, splitter
        self._pending = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.later()
        return False

    def later(self) -> None:
        """After Qt has laid the window out anew (one pass per event loop turn)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.make_room)

    def chars_per_line(self) -> float:
        """Characters a line of text holds: the viewport less the page's margins."""
        pane = self._reader.pane
        text = pane.viewport().width() - 2 * pane.document().documentMargin()
        return text / QFontMetricsF(pane.reading_font()).horizontalAdvance("中")

    def make_room(self) -> None:
        self._pending = False
        pane = self._reader.pane
        if not pane.isVisible():
            return
        advance = QFontMetricsF(pane.reading_font()).horizontalAdvance("中")
        missing = math.ceil((MIN_CHARS - self.chars_per_line()) * advance)
        if missing <= 0:
            return
        dock = self._dock
        if dock.isVisible() and not dock.isFloating():
            spare = dock.width() - dock.minimumSizeHint().width()
            take = max(0, min(spare, missing))
            if take:
                self._window.resizeDocks([dock], [dock.width() - take], Qt.Orientation.Horizontal)
                missing -= take
        if missing > 0:  # the tree, then the source view (laid out after the tree moved)
            missing = self._shrink(self._splitter, 0, missing, TREE_MIN)
        if missing > 0 and self._reader.source.isVisible():
            self._shrink(self._reader.splitter, 1, missing, SOURCE_MIN)

    @staticmethod
    def _shrink(splitter: QSplitter, index: int, missing: int, least: int) -> int:
        """Take up to ``missing`` pixels from one side of a two-pane splitter."""
        sizes = splitter.sizes()
        take = max(0, min(sizes[index] - least, missing))
        if take:
            sizes[index] -= take
            sizes[1 - index] += take
            splitter.setSizes(sizes)
        return missing - take
