"""The line under an article's title: its author, date and where it came from, as the
source's front matter gives them.

The document holds the article's text and nothing else (offsets are positions in it),
so the line is not text of the document: the title keeps room below it, and the pane
paints the line there.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.core.text.model import Block, BlockKind

SEPARATOR = " · "


def meta_line(metadata: Mapping[str, str]) -> str:
    """``author · date · site``: what of them the front matter holds."""
    url = metadata.get("original_url") or metadata.get("url") or ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        host = ""
    parts = [metadata.get("author", ""), metadata.get("date", ""), host.removeprefix("www.")]
    return SEPARATOR.join(p.strip() for p in parts if p and p.strip())


def meta_font(font: QFont) -> QFont:
    small = QFont(font)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    small.setPointSizeF(size * 0.85)
    small.setBold(False)
    return small


def title_block(blocks: tuple[Block, ...]) -> int | None:
    """The document block number of the article's title, if it has one."""
    for number, block in enumerate(blocks):
        if block.kind == BlockKind.TITLE:
            return number
    return None


def reserve(document: QTextDocument, number: int, font: QFont) -> None:
    """Room under the title for the line."""
    block = document.findBlockByNumber(number)
    if not block.isValid():
        return
    fmt = block.blockFormat()
    fmt.setBottomMargin(fmt.bottomMargin() + 1.8 * QFontMetricsF(meta_font(font)).height())
    QTextCursor(block).setBlockFormat(fmt)


def paint(pane: QTextEdit, text: str, number: int, font: QFont, colour: str) -> None:
    """Paint ``text`` centred under the title's last line, in the pane's viewport."""
    block = pane.document().findBlockByNumber(number)
    layout = block.layout() if block.isValid() else None
    if layout is None or layout.lineCount() == 0:
        return
    last = layout.lineAt(layout.lineCount() - 1)
    small = meta_font(font)
    height = QFontMetricsF(small).height()
    top = layout.position().y() + last.rect().bottom() + 0.4 * height
    top -= pane.verticalScrollBar().value()
    if top > pane.viewport().height() or top + height < 0:
        return
    frame = pane.document().rootFrame().frameFormat()
    left, right = frame.leftMargin(), pane.viewport().width() - frame.rightMargin()
    painter = QPainter(pane.viewport())
    painter.setFont(small)
    painter.setPen(QColor(colour))
    painter.drawText(
        QRectF(left, top, max(0.0, right - left), height),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        QFontMetricsF(small).elidedText(text, Qt.TextElideMode.ElideMiddle, right - left),
    )
    painter.end()
