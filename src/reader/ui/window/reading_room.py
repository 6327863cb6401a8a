"""Room for the text: when the window narrows, or the source view opens, the side
panels give way before the reading column does.

The column keeps at least ``MIN_CHARS`` characters a line: first the page's side
margins narrow (:mod:`reader.ui.reading.page`), then the annotations dock, the
section tree and the source view give what they still have, each down to its own
minimum.

The other way, when the window grows and the column is at its widest
(``MAX_CHARS``), the page's spare margin goes to the tree, up to what its titles
need, then to the dock. Only then: a width the reader gave a panel is theirs until
the window changes size. An empty annotations panel keeps the dock narrow.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

from reader.ui.browse.library_tree import LibraryTree
from reader.ui.reading.page import MAX_CHARS, MIN_CHARS, NARROW_MARGIN, char_advance
from reader.ui.reading.reader_view import ReaderView

TREE_MIN = 180  # enough for the start and end of a title; the full title is its tooltip
TREE_WIDE = 480  # the most the tree takes of spare room (the titles' width, if less)
DOCK_EVEN = 220  # the annotations dock gives down to this, then the tree, then the dock
DOCK_WIDE = 340  # the most the dock takes back of spare room
DOCK_EMPTY = 180  # the dock's width while it has nothing to list
COMFORT = 48  # px the page keeps each side of a full column before giving room away
SOURCE_MIN = 160  # a few source characters a line still show what recovery did


class ReadingRoom(QObject):
    def __init__(
        self, window: QMainWindow, reader: ReaderView, dock: QDockWidget, splitter: QSplitter
    ) -> None:
        super().__init__(window)
        self._window, self._reader, self._dock, self._splitter = window, reader, dock, splitter
        self._pending = False
        self._width = 0  # the window's width when room was last given
        self._grow = True  # spare room may go to the panels on the next pass
        self._empty = False  # the annotations panel has nothing to list
        self._dock_width = 0  # the dock's width before it narrowed for being empty
        self._listed = False  # the panel has listed annotations (then it stays wide)
        window.installEventFilter(self)
        reader.pane.installEventFilter(self)  # the text shown in place of the welcome page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self._window and kind in (QEvent.Type.Resize, QEvent.Type.Show)) or (
            watched is self._reader.pane and kind == QEvent.Type.Show
        ):
            self.later()
        return False

    def settle(self) -> None:
        """The panels' widths are the reader's (restored as left): keep them as they are
        until the window changes size."""
        self._width = self._window.width()
        self._grow = False

    def panel_empty(self, empty: bool) -> None:
        """The annotations panel became empty, or has rows again. It narrows only until
        it has first listed something: from then on an article without annotations keeps
        the dock's width (narrowing and widening on every other article re-wrapped the
        text each time)."""
        if not empty:
            self._listed = True
        elif self._listed:
            return
        if empty != self._empty:
            self._empty = empty
            self._grow = True
            self.later()

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
        width = self._window.width()
        grow, self._grow = self._grow or width > self._width, False
        self._width = width
        if self._fit_dock_to_panel():  # measure again once Qt has laid that out
            self._grow = grow
            self.later()
            return
        advance = char_advance(pane.reading_font())
        if grow:
            self._give_spare(advance)
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

    def _fit_dock_to_panel(self) -> bool:
        """Narrow while empty; back to its width when there are annotations again.
        True when the dock's width changed."""
        dock = self._dock
        if not dock.isVisible() or dock.isFloating():
            return False
        if self._empty and dock.width() > DOCK_EMPTY:
            self._dock_width = dock.width()
            self._window.resizeDocks([dock], [DOCK_EMPTY], Qt.Orientation.Horizontal)
            return True
        if not self._empty and self._dock_width > dock.width():
            wanted, self._dock_width = self._dock_width, 0
            self._window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)
            return True
        return False

    def _give_spare(self, advance: float) -> None:
        """What a full column leaves beyond comfortable margins: to the tree, then the
        dock, each up to what it can use."""
        pane = self._reader.pane
        spare = int(pane.viewport().width() - MAX_CHARS * advance - 2 * COMFORT)
        tree = self._splitter.widget(0)
        if spare > 0 and isinstance(tree, LibraryTree) and tree.isVisible():
            wanted = min(TREE_WIDE, tree.wanted_width())
            take = max(0, min(spare, wanted - tree.width()))
            if take:
                sizes = self._splitter.sizes()
                self._splitter.setSizes([sizes[0] + take, sizes[1] - take])
                spare -= take
        dock = self._dock
        if spare > 0 and not self._empty and dock.isVisible() and not dock.isFloating():
            take = max(0, min(spare, DOCK_WIDE - dock.width()))
            if take:
                self._window.resizeDocks([dock], [dock.width() + take], Qt.Orientation.Horizontal)

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
