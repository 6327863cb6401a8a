"""Room for the text: when the window narrows, or the source view opens, the side
panels give way before the reading column does.

The column keeps at least ``MIN_CHARS`` characters a line: first the page's side
margins narrow (:mod:`reader.ui.reading.page`), then the annotations dock, the
section tree and the source view give what they still have, each down to its own
minimum. Nothing grows back by itself: widening again is the reader's.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

from reader.ui.reading.page import MIN_CHARS, NARROW_MARGIN, char_advance
from reader.ui.reading.reader_view import ReaderView

TREE_MIN = 180  # enough for the start of a title; the full title is its tooltip
DOCK_EVEN = 240  # the annotations dock gives down to this, then the tree, then the dock
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
        return self._reader.pane.chars_per_line()

    def make_room(self) -> None:
        self._pending = False
        pane = self._reader.pane
        if not pane.isVisible():
            return
        advance = char_advance(pane.reading_font())
        # what the narrowest margins would still leave short
        missing = math.ceil(
            (MIN_CHARS + 0.25) * advance - (pane.viewport().width() - 2 * NARROW_MARGIN)
        )
        if missing <= 0:
            return
        least = self._dock.minimumSizeHint().width()
        missing = self._shrink_dock(missing, max(least, DOCK_EVEN))
        if missing > 0:  # the tree, then the rest of the dock, then the source view
            missing = self._shrink(self._splitter, 0, missing, TREE_MIN)
        if missing > 0:
            missing = self._shrink_dock(missing, least)
        if missing > 0 and self._reader.source.isVisible():
            self._shrink(self._reader.splitter, 1, missing, SOURCE_MIN)

    def _shrink_dock(self, missing: int, least: int) -> int:
        dock = self._dock
        if not dock.isVisible() or dock.isFloating():
            return missing
        take = max(0, min(dock.width() - least, missing))
        if take:
            self._window.resizeDocks([dock], [dock.width() - take], Qt.Orientation.Horizontal)
        return missing - take

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
