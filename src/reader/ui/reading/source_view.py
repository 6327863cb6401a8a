"""The raw source of an article's file, with the lines of the current block marked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from reader.core.text.lines import split_lines
from reader.ui.theme import LIGHT, Theme


class SourceView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.setFont(QFont(font))
        self._theme = LIGHT
        self._lines: tuple[int, ...] = ()
        self._text = ""

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.mark_lines(self._lines)

    def set_source(self, raw_text: str) -> None:
        # One document block per source line, numbered as the structure recovery numbers them.
        text = "\n".join(split_lines(raw_text))
        if text != self._text:
            self._text = text
            self.setPlainText(text)

    def mark_lines(self, lines: Sequence[int]) -> None:
        """Mark 1-based source ``lines`` and scroll the first into view."""
        self._lines = tuple(lines)
        selections = []
        document = self.document()
        for line in self._lines:
            block = document.findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self._theme.source_mark))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        if self._lines:
            block = document.findBlockByNumber(self._lines[0] - 1)
            if block.isValid():
                self.setTextCursor(QTextCursor(block))
                self.centerCursor()

    def marked_lines(self) -> tuple[int, ...]:
        return self._lines
