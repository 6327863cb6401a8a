"""Keeps each article's reading position in the library as the reader scrolls.

Saved a moment after scrolling stops (a debounce), so a crash or a kill loses at
most that moment, and a long scroll costs one small write, not one per step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from reader.core.errors import ReaderError
from reader.core.library.outline import set_reading_position
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.session import Session

SAVE_AFTER_MS = 1500


class PositionKeeper(QObject):
    def __init__(self, session: Session, pane: ReadingPane) -> None:
        super().__init__(pane)
        self._session, self._pane = session, pane
        self._saved: tuple[int, int] | None = None  # (article id, offset) last written
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_AFTER_MS)
        self.timer.timeout.connect(self.save)
        pane.topOffsetChanged.connect(lambda _offset: self.timer.start())

    def save(self) -> None:
        """Write the current article's position now, if it moved since the last write."""
        self.timer.stop()
        article, library = self._pane.article, self._session.library
        if article is None or library is None:
            return
        where = (article.id, self._pane.anchor_offset())
        if where == self._saved:
            return
        try:
            set_reading_position(library, *where)
        except ReaderError as exc:
            self._session.errors.report(exc)
            return
        self._saved = where
