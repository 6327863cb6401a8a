"""Typeset an article into a QTextDocument, one QTextBlock per core block.

Blocks are separated by exactly one paragraph break, and the article text joins
blocks with one ``\\n``: so a document position is the article offset (in UTF-16
units; :class:`reader.core.textpos.OffsetMap` converts). Indents and spacing
are formats, never characters, so nothing but the cleaned text is in the pane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from reader.core.text.model import Block, BlockKind
from reader.ui.theme import Theme

# (relative size, bold, muted, alignment centred, space above in em, first-line indent)
_STYLE: dict[str, tuple[float, bool, bool, bool, float, bool]] = {
    BlockKind.KICKER: (0.95, False, True, True, 0.6, False),
    BlockKind.TITLE: (1.75, True, False, True, 1.2, False),
    BlockKind.SUBTITLE: (1.1, False, True, True, 0.2, False),
    BlockKind.HEADING: (1.2, True, False, False, 1.1, False),
    BlockKind.PARAGRAPH: (1.0, False, False, False, 0.5, True),
    BlockKind.CAPTION: (0.85, False, True, True, 0.6, False),
    BlockKind.BYLINE: (0.8, False, True, False, 0.8, False),
    BlockKind.MARKER: (0.9, True, False, False, 1.0, False),
}


# CJK faces already carry ~1.4 em of natural line height: display lines add nothing
_LEADING = {
    BlockKind.KICKER: 110.0,
    BlockKind.TITLE: 100.0,
    BlockKind.SUBTITLE: 110.0,
    BlockKind.HEADING: 115.0,
}


def typeset(blocks: tuple[Block, ...], font: QFont, theme: Theme) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(28)
    cursor = QTextCursor(document)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    for index, block in enumerate(blocks):
        size, bold, muted, centred, above, indent = _STYLE.get(
            block.kind, _STYLE[BlockKind.PARAGRAPH]
        )
        if block.kind == BlockKind.HEADING and (block.level or 2) > 2:
            size = max(1.0, size - 0.1 * ((block.level or 2) - 2))
        block_format = QTextBlockFormat()
        # body text gets generous leading; display lines (title, headings) are set tight
        block_format.setLineHeight(_LEADING.get(block.kind, 165.0), 1)  # 1 = proportional, %
        block_format.setTopMargin(above * base * 1.4)
        if centred:
            block_format.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if indent:
            block_format.setTextIndent(2 * base * 1.35)  # two characters
        if block.kind == BlockKind.BYLINE:
            block_format.setAlignment(Qt.AlignmentFlag.AlignRight)
        char_format = QTextCharFormat()
        char_format.setFontPointSize(base * size)
        char_format.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        char_format.setForeground(QColor(theme.muted if muted else theme.ink))
        if block.kind == BlockKind.TITLE:
            char_format.setForeground(QColor(theme.ink))
        if block.kind == BlockKind.HEADING:
            char_format.setForeground(QColor(theme.accent))
        if index == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        cursor.insertText(block.text, char_format)
    return document
