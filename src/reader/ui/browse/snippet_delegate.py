"""Draws a search result's context with the hit in bold on a tinted background.

The model gives the plain snippet as the display text and the hit's span in it
(``SNIPPET_SPAN_ROLE``); nothing is inserted into the text. When the column is too
narrow, the context before the hit is elided on the left so the hit stays in view.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.browse.results_model import SNIPPET_SPAN_ROLE
from reader.ui.theme import LIGHT, Theme

Index = QModelIndex | QPersistentModelIndex
HIT_ALPHA = 200  # of 255: the tint behind the hit, over the row's own background


def hit_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def fit(before: str, hit: str, metrics: QFontMetrics, bold: QFontMetrics, width: int) -> str:
    """``before``, elided on the left when the hit would not otherwise show in ``width``."""
    room = width - bold.horizontalAdvance(hit)
    if metrics.horizontalAdvance(before) <= room:
        return before
    return metrics.elidedText(before, Qt.TextElideMode.ElideLeft, max(0, room // 2))


class SnippetDelegate(QStyledItemDelegate):
    """The hit drawn as the text pane draws a search hit (the theme's find colours), so
    it reads the same in the list and in the text, on either theme; on a selected row
    it is cut out in the base colour."""

    theme: Theme = LIGHT

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        span = index.data(SNIPPET_SPAN_ROLE)
        if span is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(2, 0, -2, 0)
        start, end = span
        font = opt.font
        bold = hit_font(font)
        metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
        hit = text[start:end]
        before = fit(text[:start], hit, metrics, bold_metrics, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ink = palette.color(role)
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(ink)
        x = rect.left()
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.setFont(font)
        painter.drawText(QRect(x, rect.top(), rect.width(), rect.height()), flags, before)
        x += metrics.horizontalAdvance(before)
        hit_width = bold_metrics.horizontalAdvance(hit)
        if selected:  # on the row's highlight: cut out in the base colour
            tint = QColor(palette.color(QPalette.ColorRole.Base))
            tint.setAlpha(HIT_ALPHA)
        else:
            tint = QColor(self.theme.find_hit)
            painter.setPen(QColor(self.theme.find_ink))
        box = QRect(x - 1, rect.top() + 1, hit_width + 2, rect.height() - 2)
        painter.fillRect(box, tint)
        painter.setFont(bold)
        painter.drawText(QRect(x, rect.top(), hit_width + 4, rect.height()), flags, hit)
        x += hit_width
        painter.setPen(ink)
        painter.setFont(font)
        after = text[end:]
        painter.drawText(
            QRect(x, rect.top(), max(0, rect.right() - x), rect.height()), flags, after
        )
        painter.restore()
