"""Adjudicating one article into gold: its disagreements, one key (or click) each.

Keys on the list: 1–9 take that annotator's version (the chip's number; taking
the version of one who did not mark the span rejects it), R or Delete rejects,
E writes gold over the text selected in the reading pane. After each decision
the next disagreement is current, shown marked in the reading pane. "Auto-merge
agreed spans" writes at once every span all annotators marked alike.

Every decision is one command on the session's undo stack (Ctrl+Z as anywhere):
its redo writes through :mod:`reader.core.team.adjudicate`, its undo deletes
what was written, and a redo restores it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.articles import get_article
from reader.core.library.store import Library
from reader.core.notes import annotations as notes
from reader.core.notes.annotations import Annotation
from reader.core.team import adjudicate
from reader.core.team.disagreements import Disagreement
from reader.ui.reading.reader_view import ReaderView
from reader.ui.session import Session
from reader.ui.team.models import (
    ChipDelegate,
    DisagreementsModel,
    team_colours,
)

Write = Callable[[Library], list[Annotation]]


class Decision(QUndoCommand):
    """One adjudication write and its inverse. A refusal is reported and the command
    dropped (obsolete): push() calls redo() across C++, where an exception would be lost."""

    def __init__(
        self, text: str, session: Session, write: Write, changed: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self._session, self._write, self._changed = session, write, changed
        self.made: list[Annotation] | None = None

    def redo(self) -> None:
        try:
            library = self._session.require_library()
            if self.made is None:
                self.made = self._write(library)
                if not self.made:
                    self.setObsolete(True)  # nothing written: no undo step
            else:
                notes.restore(library, self.made)
        except Exception as exc:
            self.setObsolete(True)
            self._session.errors.report(exc)
        self._changed()

    def undo(self) -> None:
        try:
            notes.delete(self._session.require_library(), [a.id for a in self.made or []])
        except Exception as exc:
            self.setObsolete(True)
            self._session.errors.report(exc)
        self._changed()


def decision_of(event: QKeyEvent) -> str:
    """ "1".."9", "reject", "edit", or "" for a key that decides nothing."""
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return ""
    key, text = event.key(), event.text()
    if text and text in "123456789":
        return text
    if key in (Qt.Key.Key_R, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        return "reject"
    return "edit" if key == Qt.Key.Key_E else ""


class DisagreementList(QTableView):
    """The list takes the decision keys itself: while it has the focus they are its own,
    not the window's shortcuts (1–9 tag, Delete deletes in the reading pane)."""

    keyDecision = Signal(str)  # "1".."9", "reject", "edit"

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and decision_of(event)
        ):
            event.accept()  # a key press for this list, not a shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        decision = decision_of(event)
        if decision:
            self.keyDecision.emit(decision)
        else:
            super().keyPressEvent(event)


class AdjudicationView(QWidget):
    """One article's remaining disagreements, decided into gold."""

    articleRequested = Signal(int, int)  # open this article at this offset
    annotationsChanged = Signal(int)  # article id: gold was written or taken back

    def __init__(self, session: Session, reader: ReaderView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adjudicationView")
        self._session, self._reader = session, reader
        self.article_id: int | None = None
        self._library_path: Path | None = None  # the article's: another library has others
        self.annotators: tuple[str, ...] = ()
        self.title = QLabel(self)
        self.title.setObjectName("adjudicationTitle")
        self.title.setWordWrap(True)
        self.legend = QHBoxLayout()
        self.auto_button = QPushButton(self.tr("Auto-merge agreed spans"), self)
        self.auto_button.setToolTip(
            self.tr("Write into gold every span all annotators marked with the same tag")
        )
        self.auto_button.clicked.connect(self.auto_merge)
        self.reject_button = QPushButton(self.tr("Reject (R)"), self)
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.edit_button = QPushButton(self.tr("Gold = selection (E)"), self)
        self.edit_button.setToolTip(
            self.tr("Write gold over the passage selected in the text, with this tag")
        )
        self.edit_button.clicked.connect(lambda: self.decide("edit"))
        self.model = DisagreementsModel(self)
        self.view = DisagreementList(self)
        self.view.setObjectName("adjudicationList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # one article, and "not by" is the rest of the legend: the passage gets the room
        self.view.setColumnHidden(DisagreementsModel.ARTICLE, True)
        self.view.setColumnHidden(DisagreementsModel.MISSING, True)
        self.view.setItemDelegateForColumn(DisagreementsModel.MARKED, ChipDelegate(self))
        header = self.view.horizontalHeader()
        for column in (DisagreementsModel.TAG, DisagreementsModel.MARKED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DisagreementsModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        self.view.setToolTip(
            self.tr("1–9: take that annotator's version · R or Delete: reject · E: selection")
        )
        self.view.keyDecision.connect(self.decide)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.status = QLabel(self)
        self.status.setObjectName("adjudicationStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.auto_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.legend)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        session.undo_stack.indexChanged.connect(lambda _i: self.refresh())
        session.libraryChanged.connect(self.refresh)
        reader.articleShown.connect(self._article_shown)
        # the list's current row moves the text only when the reader moved it or decided:
        # a refresh after an annotation made anywhere (another article too) left the reader
        # where they were not, pulled back to this article
        self._quiet = False
        self._deciding = False
        self._marked: tuple[int, int, int] | None = None  # (article, start, end) marked here

    # --- which article ----------------------------------------------------------------
    def _article_shown(self, article_id: int) -> None:
        """The dock follows the article the reader opens ("this article"), while shown."""
        if self.isVisible() and article_id != self.article_id:
            try:
                self.set_article(article_id, focus=False)
            except Exception as exc:
                self._session.errors.report(exc)

    def set_article(self, article_id: int, focus: bool = True) -> None:
        library = self._session.require_library()
        self.article_id, self._library_path = article_id, self._session.library_path
        self.annotators = adjudicate.annotators_of(library, article_id)
        self.title.setText(get_article(library, article_id).title)
        self._fill_legend()
        self.refresh()
        if focus:
            self.view.setFocus()

    def _fill_legend(self) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        colours = team_colours(self._session.library, self.annotators)
        for n, name in enumerate(self.annotators[:9]):
            chip = QLabel(f"{n + 1}  {name}", self)
            colour = colours[name].name()  # the person's colour in every team view
            chip.setStyleSheet(
                f"background: {colour}; color: white; border-radius: 8px; padding: 1px 8px;"
            )
            chip.setToolTip(self.tr("Key %1: take %2's version").replace("%1", str(n + 1)).replace(
                "%2", name
            ))  # fmt: skip
            self.legend.addWidget(chip)
        self.legend.addStretch(1)

    def refresh(self) -> None:
        """The disagreements left; the current row stays where it was (the next one)."""
        library = self._session.library
        if self._session.library_path != self._library_path:  # another library was opened
            self.article_id, self.annotators = None, ()
            self.title.setText("")
            self._fill_legend()
            self.status.setText("")
        if self.article_id is None or library is None:
            self.model.set_disagreements([], ())
            return
        row = max(self.view.currentIndex().row(), 0)
        try:
            left = adjudicate.remaining(library, self.article_id)
        except Exception as exc:
            self._session.errors.report(exc)
            return
        self.model.set_disagreements(
            left, self.annotators, colours=team_colours(library, self.annotators)
        )
        self.status.setText(
            self.tr("%n disagreement(s) left", "", len(left))
            if left
            else self.tr("No disagreements left in this article.")
        )
        if not left and self._marked is not None:  # the last one settled: its mark goes
            self._unmark()
        if left:
            self._quiet = True
            try:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(min(row, len(left) - 1), DisagreementsModel.QUOTE),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            finally:
                self._quiet = False

    def current(self) -> Disagreement | None:
        return self.model.disagreement(self.view.currentIndex().row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self.model.disagreement(current.row())
        if found is None or (self._quiet and not (self._deciding or self._has_focus())):
            return
        article = self._reader.article
        if article is None or article.id != found.article_id:
            self.articleRequested.emit(found.article_id, found.start)
        if self._reader.article is not None and self._reader.article.id == found.article_id:
            self._reader.show_passage(found.start, found.end)
            self._reader.pane.set_find_hits([(found.start, found.end)], 0)
            self._marked = (found.article_id, found.start, found.end)

    def _unmark(self) -> None:
        """Take away the mark this view put on the text, if it is still the one shown."""
        marked, self._marked = self._marked, None
        pane, article = self._reader.pane, self._reader.article
        if marked is None or article is None or article.id != marked[0]:
            return
        if pane.find_hits() == [marked[1:]]:
            pane.set_find_hits([], -1)

    def _has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self or self.isAncestorOf(focus))

    # --- decisions --------------------------------------------------------------------
    def _push(self, text: str, write: Write) -> None:
        article_id = self.article_id

        def changed() -> None:
            if article_id is not None:
                self.annotationsChanged.emit(article_id)

        self._deciding = True  # the next disagreement, current after it, is shown
        try:
            self._session.undo_stack.push(Decision(text, self._session, write, changed))
        finally:
            self._deciding = False

    def auto_merge(self) -> None:
        article_id = self.article_id
        if article_id is None:
            return
        before = self._session.undo_stack.count()
        self._push(
            self.tr("Auto-merge agreed spans"),
            lambda library: adjudicate.auto_adjudicate(library, article_id),
        )
        if self._session.undo_stack.count() == before:
            self._session.notify(self.tr("No agreed spans left to merge."))

    def decide(self, choice: str) -> None:
        d = self.current()
        if d is None:
            return
        if choice == "edit":
            self._edit(d)
            return
        if choice != "reject":
            position = int(choice) - 1
            if position >= len(self.annotators):
                return
            name = self.annotators[position]
            if name in d.marked_by:
                source = d.annotation_ids[d.marked_by.index(name)]
                self._push(
                    self.tr("Take %1's version").replace("%1", name),
                    lambda library: [adjudicate.accept(library, source, tags=[d.tag])],
                )
                return
        self._push(
            self.tr("Reject “%1”").replace("%1", d.tag),
            lambda library: [adjudicate.reject(library, d)],
        )

    def _edit(self, d: Disagreement) -> None:
        pane, article = self._reader.pane, self._reader.article
        if article is None or article.id != d.article_id or not pane.textCursor().hasSelection():
            self._session.notify(self.tr("Select the gold passage in the text first."))
            return
        start, end = pane.selection_offsets()
        self._push(
            self.tr("Gold “%1”").replace("%1", d.tag),
            lambda library: [adjudicate.edit(library, d.article_id, start, end, [d.tag])],
        )
