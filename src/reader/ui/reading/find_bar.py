"""Ctrl+F: find in the article, incremental, with "3/17". One line high.

The "Traditional = Simplified" toggle (on by default, remembered) matches both scripts
alike."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from reader.ui.settings import WindowSettings

VARIANTS_KEY = "find/matchVariants"


class _QueryEdit(QLineEdit):
    next_requested = Signal()
    previous_requested = Signal()
    close_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Emits intent signals; the window does the finding."""

    queryChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(
        self, parent: QWidget | None = None, settings: WindowSettings | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        # One line: the layout above gives all spare height to the reading pane.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.edit = _QueryEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in article"))
        self.edit.setClearButtonEnabled(True)
        # a box, so on and off read at a glance; named as in the search panel
        self.variants = QCheckBox(self.tr("Traditional = Simplified"), self)
        self.variants.setToolTip(
            self.tr("Match Traditional and Simplified characters alike (监警会 finds 監警會)")
        )
        remembered = settings.text(VARIANTS_KEY, "true") if settings is not None else "true"
        self.variants.setChecked(remembered != "false")
        self.count = QLabel(self)
        self.count.setMinimumWidth(60)
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip(self.tr("Previous (Shift+Enter)"))
        following = QToolButton(self)
        following.setText("↓")
        following.setToolTip(self.tr("Next (Enter)"))
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        for widget in (
            QLabel(self.tr("Find:"), self),
            self.edit,
            self.variants,
            self.count,
            previous,
            following,
            close,
        ):
            layout.addWidget(widget)
        self.edit.textChanged.connect(self.queryChanged)
        self.edit.next_requested.connect(self.nextRequested)
        self.edit.previous_requested.connect(self.previousRequested)
        self.edit.close_requested.connect(self.close_bar)
        previous.clicked.connect(self.previousRequested)
        following.clicked.connect(self.nextRequested)
        close.clicked.connect(self.close_bar)
        self.variants.toggled.connect(self._variants_toggled)

    def match_variants(self) -> bool:
        return self.variants.isChecked()

    def _variants_toggled(self, on: bool) -> None:
        if self._settings is not None:
            self._settings.set(VARIANTS_KEY, "true" if on else "false")
        self.queryChanged.emit(self.edit.text())

    def open_bar(self, text: str = "") -> None:
        self.show()
        if text:
            self.edit.setText(text)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("no hits"))
        else:
            self.count.setText(f"{current + 1}/{total}")
