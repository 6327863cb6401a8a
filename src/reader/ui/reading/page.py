"""The page's measure: side margins that keep a readable line, and titles set in
balanced lines.

A line holds at least ``MIN_CHARS`` characters while the margins can narrow (down to
``NARROW_MARGIN``) and at most ``MAX_CHARS``: past that the column stays that wide,
centred on the paper. Only the side margins move; the top and bottom keep the
document's margin.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QTextCursor, QTextDocument, QTextLayout

from reader.ui.reading.typesetting import PAGE_MARGIN

MIN_CHARS = 30  # a comfortable line is 30–40 characters
MAX_CHARS = 42
NARROW_MARGIN = 12  # px: what the margins give before the panels must


def char_advance(font: QFont) -> float:
    """The width of one CJK character in ``font`` (one em of full-width text)."""
    return QFontMetricsF(font).horizontalAdvance("字")


def side_margin(width: float, advance: float) -> float:
    """The margin each side of a ``width``-pixel page for characters ``advance`` wide."""
    if width - 2 * PAGE_MARGIN > MAX_CHARS * advance:
        return (width - MAX_CHARS * advance) / 2
    # a quarter character of slack: 30 must fit, not 29.999
    return max(NARROW_MARGIN, min(PAGE_MARGIN, (width - (MIN_CHARS + 0.25) * advance) / 2))


def set_side_margins(document: QTextDocument, margin: float) -> bool:
    """Give the page ``margin`` px each side; False when it had them already."""
    frame = document.rootFrame()
    fmt = frame.frameFormat()
    if abs(fmt.leftMargin() - margin) < 0.5 and abs(fmt.rightMargin() - margin) < 0.5:
        return False
    fmt.setLeftMargin(margin)
    fmt.setRightMargin(margin)
    frame.setFrameFormat(fmt)
    return True


def line_lengths(text: str, font: QFont, width: float) -> list[int]:
    """The characters each line holds when ``text`` is set ``width`` px wide."""
    layout = QTextLayout(text, font)
    lengths = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lengths.append(line.textLength())
    layout.endLayout()
    return lengths


def balanced_width(text: str, font: QFont, width: float) -> float:
    """The narrowest measure that sets ``text`` in as few lines as ``width`` does: lines
    of about equal length, so the last is no widow of one or two characters."""
    lines = len(line_lengths(text, font, width))
    if lines < 2:
        return width
    low, high = width / lines, width
    while high - low > 1:
        middle = (low + high) / 2
        if len(line_lengths(text, font, middle)) > lines:
            low = middle
        else:
            high = middle
    return min(width, high + 2)  # a little slack: the document lays out in its own units


def balance_blocks(document: QTextDocument, numbers: list[int], column: float) -> None:
    """Narrow each centred display block (by its numbers) to its balanced measure."""
    for number in numbers:
        block = document.findBlockByNumber(number)
        if not block.isValid():
            continue
        font = QFont(document.defaultFont())
        font = block.charFormat().font().resolve(font)
        inset = (column - balanced_width(block.text(), font, column)) / 2
        fmt = block.blockFormat()
        if abs(fmt.leftMargin() - inset) < 0.5 and abs(fmt.rightMargin() - inset) < 0.5:
            continue
        fmt.setLeftMargin(inset)
        fmt.setRightMargin(inset)
        QTextCursor(block).setBlockFormat(fmt)
