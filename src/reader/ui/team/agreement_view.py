"""Agreement: the annotator-pair matrix (κ, span F1, …), one pair's per-tag scores, and
the disagreements; activating one asks for its article, open at the passage.

The figures are the core's (:func:`reader.core.team.agreement.agreement`), computed
in a job with its own connection: at scale that takes about a second.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.articles import article_titles
from reader.core.team.agreement import Agreement, agreement
from reader.ui.jobs import Job
from reader.ui.session import Session
from reader.ui.team.models import (
    DISAGREEMENT_ROLE,
    ChipDelegate,
    DisagreementsModel,
    PairMatrixModel,
    TagScoresModel,
    team_colours,
)


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    return view


class AgreementView(QWidget):
    """Lives in a dock under the text, so the passage a disagreement opens stays in view."""

    passageRequested = Signal(int, int, int)  # article id, start, end
    shown = Signal()  # the figures arrived and are in the tables

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementView")
        self._session = session
        self.agreement: Agreement | None = None
        self.matrix = PairMatrixModel(self)
        self.scores = TagScoresModel(self)
        self.disagreements = DisagreementsModel(self)
        self.measure = QComboBox(self)
        self.measure.setObjectName("agreementMeasure")
        for key, label in (
            ("kappa", self.tr("Cohen's κ (characters)")),
            ("span_f1", self.tr("Exact span F1")),
            ("overlap_f1", self.tr("Overlap F1")),
            ("alpha", self.tr("Krippendorff's α")),
        ):
            self.measure.addItem(label, key)
        self.measure.currentIndexChanged.connect(
            lambda _i: self.matrix.set_measure(self.measure.currentData())
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Recompute"), self)
        self.refresh_button.clicked.connect(self.compute)
        self.matrix_view = _table(self, "pairMatrix")
        self.matrix_view.verticalHeader().show()
        # the chosen pair keeps its shade: no selection fill, a frame marks the current one
        self.matrix_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.matrix_view.setModel(self.matrix)
        self.matrix_view.setStyleSheet(
            "QTableView#pairMatrix::item:focus { border: 2px solid #e15759; }"
        )
        self.matrix_view.horizontalHeader().setMinimumSectionSize(64)
        self.matrix_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.matrix_view.setToolTip(self.tr("Click a pair to see its scores per tag"))
        self.matrix_view.selectionModel().currentChanged.connect(self._pair_chosen)
        self.scores_view = _table(self, "tagScores")
        self.scores_view.setModel(self.scores)
        self.scores_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.pair_label = QLabel(self)
        self.list_view = _table(self, "disagreementList")
        self.list_view.setModel(self.disagreements)
        self.list_view.setItemDelegateForColumn(DisagreementsModel.MARKED, ChipDelegate(self))
        self.list_view.setItemDelegateForColumn(DisagreementsModel.MISSING, ChipDelegate(self))
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(DisagreementsModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        self.list_view.setColumnWidth(DisagreementsModel.ARTICLE, 180)
        self.list_view.setToolTip(self.tr("Double-click or press Enter to open the passage"))
        self.list_view.activated.connect(self._activated)
        self.list_label = QLabel(self)
        # the figures are a snapshot: a change after them (a decision, a merge) is said,
        # and Recompute brings them up to date (recomputing at each change would be a job
        # over the whole library at every keystroke of an adjudication)
        self.stale = QLabel(self.tr("Annotations changed since: Recompute to update."), self)
        self.stale.setObjectName("agreementStale")
        self.stale.hide()
        self._lay_out()
        session.libraryChanged.connect(self.clear)
        session.undo_stack.indexChanged.connect(lambda _i: self._changed())
        session.notesChanged.connect(self._changed)  # merges, notes imported, tags merged

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Measure:"), self))
        top.addWidget(self.measure)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        upper = QWidget(self)
        grid = QHBoxLayout(upper)
        grid.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("Pairs of annotators"), self))
        left.addWidget(self.matrix_view)
        right.addWidget(self.pair_label)
        right.addWidget(self.scores_view)
        grid.addLayout(left, 0)
        grid.addLayout(right, 1)
        upper.setMinimumHeight(120)
        lower = QWidget(self)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.list_label)
        below.addWidget(self.list_view)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("agreementSplitter")
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([640, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.stale)
        layout.addWidget(split, 1)

    def _changed(self) -> None:
        if self.agreement is not None:
            self.stale.show()

    # --- figures ------------------------------------------------------------------
    def compute(self) -> None:
        """Agreement over the whole library, in a job; errors go to the one error dialog."""
        if self._session.library_path is None:
            return
        self.summary.setText(self.tr("Computing…"))
        self.refresh_button.setEnabled(False)

        def work(job: Job) -> tuple[Agreement, dict[int, str]]:
            return agreement(job.library), article_titles(job.library)

        def failed(error: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.summary.setText("")
            self._session.errors.report(error, self.tr("Agreement"))

        self._session.jobs.run(
            "agreement",
            work,
            self.show_agreement,
            library=self._session.library_path,
            on_failed=failed,
            replace=True,
        )

    def show_agreement(self, result: tuple[Agreement, dict[int, str]]) -> None:
        found, titles = result
        self.agreement = found
        self.stale.hide()
        self.refresh_button.setEnabled(True)
        self.matrix.set_agreement(found)
        colours = team_colours(self._session.library, found.annotators)
        self.disagreements.set_disagreements(found.disagreements, found.annotators, titles, colours)
        self.summary.setText(
            self.tr("%n annotator(s), %1", "", len(found.annotators)).replace(
                "%1", self.tr("%n tag(s)", "", len(found.tags))
            )
        )
        self.list_label.setText(
            self.tr("Disagreements: %1").replace("%1", str(len(found.disagreements)))
        )
        if found.pairs:  # the pair with most articles in common first (not one with none)
            best = max(found.pairs, key=lambda pair: pair.articles)
            names = list(found.annotators)
            self.matrix_view.selectionModel().setCurrentIndex(
                self.matrix.index(names.index(best.a), names.index(best.b)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        self.shown.emit()

    def clear(self) -> None:
        """Another library is open: these figures were the last one's."""
        self.agreement = None
        self.stale.hide()
        self.matrix.set_agreement(None)
        self.scores.set_pair(None)
        self.disagreements.set_disagreements([], ())
        self.summary.setText("")
        self.list_label.setText("")
        self.pair_label.setText("")

    def _pair_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pair = self.matrix.pair_at(current.row(), current.column()) if current.isValid() else None
        self.scores.set_pair(pair)
        self.pair_label.setText(
            self.tr("%1 and %2, %n article(s)", "", pair.articles)
            .replace("%1", pair.a)
            .replace("%2", pair.b)
            if pair is not None
            else ""
        )

    def _activated(self, index: QModelIndex) -> None:
        found = index.data(DISAGREEMENT_ROLE)
        if found is not None:
            self.passageRequested.emit(found.article_id, found.start, found.end)

    def activate_row(self, row: int) -> None:
        self._activated(self.disagreements.index(row, 0))
