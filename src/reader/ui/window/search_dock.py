"""The search dock at the bottom of the window: it opens low, so the text keeps most
of the height (at 1000×700, about a quarter for the hits), and is the reader's to
resize from there."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from reader.ui.browse.search_panel import SearchPanel

SHARE = 0.28  # of the window's height, when it opens: 8 hits at 1000 px
MOST = 0.30  # a dock taller than this at opening is brought down to SHARE
FEWEST = 0.24  # one lower than this is brought up to SHARE (Qt opened it at 5 hits)
LEAST = 140  # px: the query, the summary and a few hits


class SearchDock(QDockWidget):
    def __init__(self, panel: SearchPanel, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Search"))
        self.setObjectName("searchDock")
        self.setWidget(panel)
        self._window = window
        self._sized = False  # brought to its opening height once; then it is the reader's
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()

    def open(self) -> None:
        self.show()
        self.raise_()
        if not self._sized:
            QTimer.singleShot(0, self.fit)  # once Qt has placed it

    def fit(self) -> None:
        """Bring a dock that opened too tall or too low to its share of the window."""
        if self.isFloating() or not self.isVisible():
            return
        self._sized = True
        height = self._window.height()
        if not FEWEST * height <= self.height() <= MOST * height:
            wanted = max(LEAST, round(SHARE * height))
            self._window.resizeDocks([self], [wanted], Qt.Orientation.Vertical)
