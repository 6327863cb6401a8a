"""The note popup: beside the passage, the quote on top, Ctrl+Enter saves, Esc cancels
(asking first when it would throw away what was typed).

After Zotero 7's note popup: it never covers the passage it annotates.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

QUOTE_CHARS = 120  # a long quote is shown by its start and end


def short_quote(quote: str) -> str:
    quote = " ".join(quote.split())
    if len(quote) <= QUOTE_CHARS:
        return quote
    half = QUOTE_CHARS // 2
    return f"{quote[:half]}…{quote[-half:]}"


class NoteEditor(QDialog):
    """Emits ``saved`` with the note's text; nothing on cancel."""

    saved = Signal(str)

    def __init__(self, quote: str, note: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setWindowTitle(self.tr("Note"))
        self.quote = QLabel(f"“{short_quote(quote)}”", self)
        self.quote.setObjectName("noteQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(note)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)  # a note is added to at its end
        self._given = note
        self.edit.setPlaceholderText(self.tr("Note on the passage (Ctrl+Enter saves, Esc cancels)"))
        self.edit.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.edit.installEventFilter(self)  # Ctrl+Enter saves from the text itself
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(340, 220)
        self.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return False

    def reject(self) -> None:
        """Cancel (Esc, Cancel, the close button); typed text is only dropped when the
        reader says so: one key should not lose a paragraph of notes."""
        typed = self.edit.toPlainText()
        if typed.strip() and typed != self._given:
            answer = QMessageBox.question(
                self,
                self.tr("Note"),
                self.tr("Discard the note you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                self.edit.setFocus()
                return
        super().reject()

    def accept(self) -> None:
        text = self.edit.toPlainText().strip()
        super().accept()
        if text:
            self.saved.emit(text)

    def place_beside(self, passage: QRect, area: QRect) -> None:
        """Put the popup beside ``passage`` (global coordinates) inside ``area``:
        to its right, else its left, else below it, else above it."""
        size = self.frameGeometry().size() if self.isVisible() else self.size()
        gap = 12
        candidates = (
            QPoint(passage.right() + gap, passage.top()),
            QPoint(passage.left() - gap - size.width(), passage.top()),
            QPoint(passage.left(), passage.bottom() + gap),
            QPoint(passage.left(), passage.top() - gap - size.height()),
        )
        for point in candidates:
            if area.contains(QRect(point, size)) and not QRect(point, size).intersects(passage):
                self.move(point)
                return
        below = QPoint(passage.left(), passage.bottom() + gap)  # best effort: clamp below
        x = max(area.left(), min(below.x(), area.right() - size.width()))
        y = max(area.top(), min(below.y(), area.bottom() - size.height()))
        self.move(QPoint(x, y))
