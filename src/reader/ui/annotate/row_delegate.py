"""How a row of the annotations panel is drawn: two lines high, and each tag in its own
colour (the model's ``TAG_INKS_ROLE``), as the text underlines it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize
from PySide6.QtGui import QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.annotate.annotations_model import TAG_INKS_ROLE

Index = QModelIndex | QPersistentModelIndex
TAG_GAP = "\u00a0\u00a0 "  # between two tags: two blanks that do not break, then one that may


class TwoLines(QStyledItemDelegate):
    """Rows two lines high: a quote or a note wraps onto a second line before it is cut
    (a narrow panel shows twice as much of each), the rest of it in the tooltip. Tags
    are drawn each in its colour; a tag never splits across lines."""

    LINES = 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        lines = self.LINES * option.fontMetrics.lineSpacing() + 6
        return QSize(size.width(), max(size.height(), lines))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        inks = index.data(TAG_INKS_ROLE)
        if not inks:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the cell (its fill, the selection) without the text
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        ink_of_selection = item.palette.color(QPalette.ColorRole.HighlightedText)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(item.font)
        document.setHtml(
            TAG_GAP.join(
                f'<span style="color:{(ink_of_selection if selected else QColor(ink)).name()}">'
                f"{escape(text)}</span>"
                for text, ink in inks
            )
        )
        document.setTextWidth(area.width())
        top = area.top() + max(0.0, (area.height() - document.size().height()) / 2)
        painter.save()
        painter.setClipRect(area)
        painter.translate(QPointF(area.left(), top))
        document.drawContents(painter)
        painter.restore()
