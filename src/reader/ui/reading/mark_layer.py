"""The pane's extra selections: annotation marks and find hits.

Qt is handed only the marks near the view (a screen's height above and below it),
each made the first time it comes near: with 1,000 annotations, opening, adding one
or scrolling hands Qt a few dozen selections, not a thousand. Find hits are few and
always handed over whole. Where tagged marks near the view overlap, a striped
underline is handed over them (``marks.overlaps``).

The marks may be those of a stretch only (an article just opened: the ones in view);
when the view leaves that stretch, ``short`` is called, to set them all at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.ui.reading.marks import AnnotationMark, overlaps

Selection = QTextEdit.ExtraSelection


class MarkLayer:
    def __init__(
        self,
        edit: QTextEdit,
        position_of: Callable[[int], int],
        offset_of: Callable[[int], int],
        short: Callable[[], None],
    ) -> None:
        self._edit, self._position_of, self._offset_of = edit, position_of, offset_of
        self._short = short
        self.marks: list[AnnotationMark] = []
        self._covering: tuple[int, int] | None = None  # the stretch they are all of, if one
        self._made: list[Selection | None] = []  # one per mark, made when first near
        self._find: list[Selection] = []
        self._window = (0, -1)  # the offsets the handed marks cover
        self._near: list[tuple[AnnotationMark, Selection]] = []  # the marks handed
        self._stripes: dict[tuple[int, int, int], Selection] = {}  # overlaps, by stretch

    def make(self, start: int, end: int, fmt: QTextCharFormat) -> Selection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self._edit.document())
        cursor.setPosition(self._position_of(start))
        cursor.setPosition(self._position_of(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def forget(self) -> None:
        """The document is going: nothing made for it may be handed to Qt again."""
        self._made = [None] * len(self.marks)
        self._find = []
        self._window = (0, -1)
        self._near = []
        self._stripes = {}

    def drop(self) -> None:
        """Another article: its marks go too (they would point past a shorter text)."""
        self.forget()
        self.marks, self._made = [], []
        self._covering = None

    def set_marks(
        self, marks: list[AnnotationMark], covering: tuple[int, int] | None = None
    ) -> None:
        """The article's marks, all anew (or all of the offsets ``covering``); a selection
        already made for the same mark (same id, offsets and format, in this document) is
        kept rather than made again."""
        self._covering = covering
        made = {m.id: (m, s) for m, s in zip(self.marks, self._made, strict=True) if s is not None}
        self.marks = list(marks)
        self._made = []
        for mark in self.marks:
            old, selection = made.get(mark.id, (None, None))
            same = (
                old is not None
                and (old.start, old.end) == (mark.start, mark.end)
                and old.format is mark.format
            )
            self._made.append(selection if same else None)
        self.push()

    def add_marks(self, marks: list[AnnotationMark]) -> None:
        """New marks join those handed (when near the view): the others are not looked at."""
        start, end = self._window
        for mark in marks:
            made = None
            if mark.end >= start and mark.start <= end:
                made = self.make(mark.start, mark.end, mark.format)
                self._near.append((mark, made))
            self.marks.append(mark)
            self._made.append(made)
        self._hand()

    def remove_marks(self, ids: set[str]) -> None:
        kept = [i for i, m in enumerate(self.marks) if m.id not in ids]
        if len(kept) != len(self.marks):
            self.marks = [self.marks[i] for i in kept]
            self._made = [self._made[i] for i in kept]
            self._near = [(m, s) for m, s in self._near if m.id not in ids]
            self._hand()

    def set_find(self, hits: list[tuple[int, int, QTextCharFormat]]) -> None:
        self._find = [self.make(start, end, fmt) for start, end, fmt in hits]
        self._hand()

    def follow(self) -> None:
        """After a scroll or a new layout: hand Qt the marks now near, if the view left
        the stretch the last ones covered."""
        start, end = self.span(0)
        covering = self._covering
        if covering is not None and (start < covering[0] or end > covering[1]):
            self._covering = None
            self._short()  # the owner sets them all: that pushes
            return
        if start < self._window[0] or end > self._window[1]:
            self.push()

    def push(self) -> None:
        self._window = self.span(self._edit.viewport().height())
        start, end = self._window
        self._near = []
        for i, mark in enumerate(self.marks):
            if mark.end >= start and mark.start <= end:
                made = self._made[i]
                if made is None:
                    made = self._made[i] = self.make(mark.start, mark.end, mark.format)
                self._near.append((mark, made))
        self._hand()

    def _hand(self) -> None:
        if self._window[1] < self._window[0]:  # nothing chosen since the last document
            self.push()
            return
        shared = [self._stripe(*found) for found in overlaps([m for m, _ in self._near])]
        self._edit.setExtraSelections([made for _, made in self._near] + shared + self._find)

    def _stripe(self, start: int, end: int, fmt: QTextCharFormat) -> Selection:
        """The selection for a stretch two tags share, kept while the stretch is the same."""
        key = (start, end, id(fmt))  # the overlap formats are cached for good: ids are stable
        made = self._stripes.get(key)
        if made is None:
            made = self._stripes[key] = self.make(start, end, fmt)
        return made

    def span(self, slack: int) -> tuple[int, int]:
        """The offsets from ``slack`` px above the view to ``slack`` px below it (all of
        them while the view is not laid out)."""
        viewport = self._edit.viewport()
        if viewport.height() <= 1:  # not laid out yet: everything
            return 0, 1 << 62
        top = self._edit.cursorForPosition(QPoint(0, -slack)).position()
        bottom = self._edit.cursorForPosition(
            QPoint(viewport.width(), viewport.height() + slack)
        ).position()
        return self._offset_of(top), self._offset_of(bottom)
