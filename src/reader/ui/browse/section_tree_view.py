"""The section tree's view: a right click leaves the current row where it is, and the
arrow keys open what they reach once the reader stops on it (``stepped``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QTreeView

from reader.core.gc_pause import gc_paused

# the keys that move the current row; with Shift or Ctrl they choose rows (an export's)
STEP_KEYS = frozenset(
    (
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    )
)


class SectionTreeView(QTreeView):
    """A right click opens the context menu and leaves the current row where it is:
    the tree's highlight stays on the article the text shows."""

    stepped = Signal()  # the arrow keys moved the current row (not the mouse, not code)

    def expandAll(self) -> None:
        """Every row (the filter opens all it shows): the collector waits while the rows'
        nodes are made; at 50,000 articles its passes over them were a quarter of it."""
        with gc_paused():
            super().expandAll()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.currentIndex()
        super().keyPressEvent(event)
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        )
        if Qt.Key(event.key()) in STEP_KEYS and plain and self.currentIndex() != before:
            self.stepped.emit()
