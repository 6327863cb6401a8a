"""The status bar: the article and section at the top of the pane, passing messages,
the article's length. Long titles are elided rather than widening the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from reader.ui.theme import LIGHT, Theme


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.article, self.section = QLabel(bar), QLabel(bar)
        self.message, self.chars = QLabel(bar), QLabel(bar)
        for label in (self.article, self.section, self.message):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(40)
        bar.addWidget(self.article, 3)
        bar.addWidget(self.section, 2)
        bar.addPermanentWidget(self.message, 3)
        bar.addPermanentWidget(self.chars)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.message.clear)
        self.set_theme(LIGHT)

    def set_theme(self, theme: Theme) -> None:
        """The section name muted, in a colour readable on this theme's window."""
        self.section.setStyleSheet(f"color: {theme.muted};")

    def notify(self, text: str, msecs: int = 8000) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        self._timer.start(msecs)
