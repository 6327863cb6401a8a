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
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from reader.core.text.model import Block, BlockKind
from reader.ui.theme import Theme

_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value

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


# Line height, in % of the face's natural height (CJK faces carry ~1.45 em of it):
# body text ~1.9 em, display lines close to their natural height
_LEADING = {
    BlockKind.KICKER: 110.0,
    BlockKind.SUBTITLE: 110.0,
    BlockKind.HEADING: 115.0,
}
BODY_LEADING = 130.0
# centred lines, set in balanced lines by the page (no widow of a character or two)
CENTRED = frozenset(kind for kind, style in _STYLE.items() if style[3])
TITLE_LINE = 1.3  # em: the title's lines are set this far apart, whatever the face
# Space under the title group (title, its subtitle; the line under the title with them),
# in the same units as the space above (Qt collapses it with the next block's): about a
# third more than a heading gets, so the title stands apart from what follows. A kicker
# sits close above its title.
AFTER_TITLE = 2.1
KICKER_TO_TITLE = 0.4
_TITLE_GROUP = (BlockKind.TITLE, BlockKind.SUBTITLE)
PAGE_MARGIN = 28  # px above and below the text (the sides follow the page's width)


def typeset(blocks: tuple[Block, ...], font: QFont, theme: Theme) -> QTextDocument:
    document = QTextDocument()
    document.setUndoRedoEnabled(False)  # formats change with the page's width: no history
    document.setDefaultFont(font)
    document.setDocumentMargin(PAGE_MARGIN)
    cursor = QTextCursor(document)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    for index, block in enumerate(blocks):
        size, bold, muted, centred, above, indent = _STYLE.get(
            block.kind, _STYLE[BlockKind.PARAGRAPH]
        )
        if block.kind == BlockKind.HEADING and (block.level or 2) > 2:
            size = max(1.0, size - 0.1 * ((block.level or 2) - 2))
        block_format = QTextBlockFormat()
        if block.kind == BlockKind.TITLE:
            title_font = QFont(font)
            title_font.setPointSizeF(base * size)
            title_font.setBold(True)
            em = QFontMetricsF(title_font).horizontalAdvance("字")
            block_format.setLineHeight(TITLE_LINE * em, _FIXED)
        else:
            block_format.setLineHeight(_LEADING.get(block.kind, BODY_LEADING), _PROPORTIONAL)
        if block.kind == BlockKind.TITLE and index and blocks[index - 1].kind == BlockKind.KICKER:
            above = KICKER_TO_TITLE
        block_format.setTopMargin(above * base * 1.4)
        following = blocks[index + 1].kind if index + 1 < len(blocks) else None
        if block.kind in _TITLE_GROUP and following not in (*_TITLE_GROUP, None):
            block_format.setBottomMargin(AFTER_TITLE * base * 1.4)
        if index == 0:  # Qt drops the first block's top margin: the page keeps it
            frame = document.rootFrame().frameFormat()
            frame.setTopMargin(PAGE_MARGIN + block_format.topMargin())
            document.rootFrame().setFrameFormat(frame)
        if centred:
            block_format.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if indent:
            block_format.setTextIndent(2 * base * 1.35)  # two characters
        if block.kind == BlockKind.PARAGRAPH:  # flush at both edges, as a page is set
            block_format.setAlignment(Qt.AlignmentFlag.AlignJustify)
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
