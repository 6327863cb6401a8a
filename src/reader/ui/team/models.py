"""Table models of the team views: the annotator-pair matrix, one pair's per-tag scores,
and the disagreements (with a chip per annotator, drawn by :class:`ChipDelegate`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.library.store import Library
from reader.core.notes import annotations as notes
from reader.core.team import RESERVED
from reader.core.team.agreement import Agreement, PairAgreement, Scores
from reader.core.team.disagreements import Disagreement
from reader.ui.flat_model import FlatTableModel

Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw figure (float or None)
DISAGREEMENT_ROLE = Qt.ItemDataRole.UserRole + 2
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 3  # [(name, QColor)] for ChipDelegate
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
)  # fmt: skip
MEASURES = ("kappa", "span_f1", "overlap_f1", "alpha")


def annotator_colour(position: int) -> QColor:
    return QColor(PALETTE[position % len(PALETTE)])


def team_colours(library: Library | None, names: Sequence[str]) -> dict[str, QColor]:
    """Each annotator's colour by their place among the library's annotators (sorted,
    gold aside), so one person has one colour in every view (the agreement view and the
    adjudication dock each counted their own list, and differed)."""
    everyone = [n for n in notes.annotators(library) if n not in RESERVED] if library else []
    order = {name: i for i, name in enumerate(everyone)}
    extra = [n for n in names if n not in order]  # not in the library (yet): after them
    for name in extra:
        order[name] = len(order)
    return {name: annotator_colour(order[name]) for name in names}


def figure(value: float | None) -> str:
    """Three decimals; a value that rounds to zero reads 0.000, never -0.000."""
    if value is None:
        return "–"
    return f"{value:.3f}" if round(value, 3) != 0 else "0.000"


def shade(value: float | None) -> QColor | None:
    """White at 0 or below, deep blue at 1 (the report's heatmap)."""
    if value is None:
        return None
    t = min(max(value, 0.0), 1.0)
    return QColor(*(round(255 + (c - 255) * t) for c in (0x1F, 0x4E, 0x99)))


def _align(role: int) -> Any:
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if role else None


class PairMatrixModel(FlatTableModel):
    """Annotators × annotators; each cell one pair's overall figure (``measure``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self._pairs: dict[tuple[str, str], PairAgreement] = {}
        self.measure = "kappa"

    def set_agreement(self, found: Agreement | None) -> None:
        self.beginResetModel()
        self._names = found.annotators if found is not None else ()
        self._pairs = {}
        for pair in found.pairs if found is not None else []:
            self._pairs[(pair.a, pair.b)] = self._pairs[(pair.b, pair.a)] = pair
        self.endResetModel()

    def set_measure(self, measure: str) -> None:
        self.measure = measure
        if self._names:
            last = len(self._names) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, last))

    def pair_at(self, row: int, column: int) -> PairAgreement | None:
        if 0 <= row < len(self._names) and 0 <= column < len(self._names):
            return self._pairs.get((self._names[row], self._names[column]))
        return None

    def value(self, row: int, column: int) -> float | None:
        pair = self.pair_at(row, column)
        return getattr(pair.overall, self.measure) if pair is not None else None

    def row_count(self) -> int:
        return len(self._names)

    def column_count(self) -> int:
        return len(self._names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if row == column else figure(self.value(row, column))
        if role == VALUE_ROLE:
            return self.value(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row != column:
            return shade(self.value(row, column))
        if role == Qt.ItemDataRole.ForegroundRole and row != column:
            value = self.value(row, column)
            return QColor("#ffffff" if value is not None and value > 0.6 else "#000000")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._names):
            return self._names[section]
        return None


class TagScoresModel(FlatTableModel):
    """One pair: a row for every tag, "overall" first; the four figures and span counts."""

    FIELDS = ("span_f1", "overlap_f1", "kappa", "alpha", "a_spans", "b_spans")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Scores]] = []
        self._pair: PairAgreement | None = None

    def set_pair(self, pair: PairAgreement | None) -> None:
        self.beginResetModel()
        self._pair = pair
        self._rows = []
        if pair is not None:
            self._rows = [(self.tr("overall"), pair.overall), *sorted(pair.per_tag.items())]
        self.endResetModel()

    @property
    def pair(self) -> PairAgreement | None:
        return self._pair

    def row_count(self) -> int:
        return len(self._rows)

    def column_count(self) -> int:
        return 1 + len(self.FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, scores = self._rows[index.row()]
        column = index.column()
        value: Any = getattr(scores, self.FIELDS[column - 1]) if column else name
        if role == Qt.ItemDataRole.DisplayRole:
            return figure(value) if 0 < column <= 4 else value
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(column)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        pair = self._pair
        heads = [
            self.tr("Tag"),
            self.tr("Span F1"),
            self.tr("Overlap F1"),
            "κ",
            "α",
            self.tr("Spans of %1").replace("%1", pair.a if pair else "A"),
            self.tr("Spans of %1").replace("%1", pair.b if pair else "B"),
        ]
        return heads[section] if 0 <= section < len(heads) else None


class DisagreementsModel(FlatTableModel):
    """One row per disagreement: article, tag, quote, who marked it, who did not."""

    ARTICLE, TAG, QUOTE, MARKED, MISSING = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Disagreement] = []
        self._titles: dict[int, str] = {}
        self._colours: dict[str, QColor] = {}

    def set_disagreements(
        self,
        rows: Sequence[Disagreement],
        annotators: Sequence[str],
        titles: dict[int, str] | None = None,
        colours: dict[str, QColor] | None = None,
    ) -> None:
        """``colours``: each annotator's (``team_colours``); else by their place here."""
        self.beginResetModel()
        self._rows = list(rows)
        self._titles = dict(titles or {})
        self._colours = colours or {name: annotator_colour(i) for i, name in enumerate(annotators)}
        self.endResetModel()

    def disagreement(self, row: int) -> Disagreement | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_count(self) -> int:
        return len(self._rows)

    def column_count(self) -> int:
        return 5

    def _chips(self, names: Sequence[str]) -> list[tuple[str, QColor]]:
        return [(n, self._colours.get(n, QColor("#888888"))) for n in names]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            title = self._titles.get(d.article_id, str(d.article_id))
            quote = " ".join(d.quote.split())
            return (title, d.tag, quote, ", ".join(d.marked_by), ", ".join(d.missing))[column]
        if role == CHIPS_ROLE and column in (self.MARKED, self.MISSING):
            return self._chips(d.marked_by if column == self.MARKED else d.missing)
        if role == DISAGREEMENT_ROLE:
            return d
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        heads = (
            self.tr("Article"),
            self.tr("Tag"),
            self.tr("Passage"),
            self.tr("Marked by"),
            self.tr("Not by"),
        )
        return heads[section] if 0 <= section < len(heads) else None


class ChipDelegate(QStyledItemDelegate):
    """Draws ``CHIPS_ROLE`` as rounded name chips, each in its annotator's colour."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        chips = index.data(CHIPS_ROLE)
        if chips:
            metrics = option.fontMetrics
            width = sum(metrics.horizontalAdvance(name) + 16 for name, _ in chips) + 6
            size.setWidth(width)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        chips = index.data(CHIPS_ROLE)
        if not chips:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:  # background and selection as any other cell
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = option.rect
        metrics = option.fontMetrics
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, height = rect.left() + 3, metrics.height() + 2
        y = rect.top() + (rect.height() - height) / 2
        for name, colour in chips:
            width = metrics.horizontalAdvance(name) + 12
            if x + width > rect.right():
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y, width, height), height / 2, height / 2)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(QRectF(x, y, width, height), Qt.AlignmentFlag.AlignCenter, name)
            x += width + 4
        painter.restore()
