"""Review-status icons, drawn in code so no image files are needed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

STATUS_COLOURS = {
    "unread": "#9aa0a6",
    "in_progress": "#3b82f6",
    "reviewed": "#16a34a",
    "needs_changes": "#dc2626",
}


class StatusIcons:
    """Icons per status, drawn once per owner. Not module-level: QPixmaps must not
    outlive the QApplication (destroying one after it crashes at exit)."""

    def __init__(self) -> None:
        self._icons: dict[str, QIcon] = {}

    def __call__(self, status: str) -> QIcon:
        if status not in self._icons:
            self._icons[status] = draw_status_icon(status)
        return self._icons[status]


def draw_status_icon(status: str) -> QIcon:
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS.get(status, STATUS_COLOURS["unread"]))
    box = QRectF(5, 5, size - 10, size - 10)
    painter.setPen(QPen(colour, 3))
    if status == "unread":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
    elif status == "in_progress":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
        painter.setBrush(colour)
        painter.drawPie(box, 90 * 16, 180 * 16)
    elif status == "reviewed":
        painter.setBrush(colour)
        painter.drawEllipse(box)
        painter.setPen(QPen(QColor("white"), 3))
        painter.drawPolyline([QPointF(10, 16), QPointF(14, 21), QPointF(22, 11)])
    else:
        painter.setBrush(colour)
        painter.drawEllipse(box)
        painter.setPen(QPen(QColor("white"), 3))
        painter.drawLine(QPointF(16, 9), QPointF(16, 18))
        painter.drawPoint(QPointF(16, 23))
    painter.end()
    return QIcon(pixmap)
