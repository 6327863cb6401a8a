"""Annotation and review, wired in one place: the annotator, the panel dock, the status
controls, and the actions the window puts in its menus.

It is given what it works on (the session, the reader view, the section tree) and
never the window: it builds its widgets and actions, and the window places them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QMenu, QToolBar, QWidget

from reader.core.annotators import REJECTED
from reader.core.errors import ReaderError
from reader.core.library.articles import article_titles
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import REVIEW_STATUSES
from reader.ui.annotate.annotate_ui import AnnotateUi
from reader.ui.annotate.annotations_panel import AnnotationsPanel, Row
from reader.ui.annotate.annotator import Annotator
from reader.ui.annotate.retag_dialog import RetagDialog, retagged
from reader.ui.browse.library_tree import LibraryTree
from reader.ui.browse.status_icons import StatusIcons
from reader.ui.names import Names
from reader.ui.reading.marks import marks_for
from reader.ui.reading.reader_view import ReaderView
from reader.ui.session import Session
from reader.ui.theme import LIGHT, Theme

# Adjudication's record of rejected spans: not a layer anyone reads, so neither marked,
# listed nor counted (``core.annotators``)
HIDDEN_LAYERS = frozenset({REJECTED})
# Marked at once on opening: the view and this many px above and below it (a line or two
# cut by its edges); the others on the next turn.
VIEW_SLACK = 48


def shown(found: list[Annotation]) -> list[Annotation]:
    return [a for a in found if a.annotator not in HIDDEN_LAYERS]


def key_sequences(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """The given keys and every binding of the given standard keys, each key once."""
    found: dict[str, QKeySequence] = {}
    for key in keys:
        sequences = [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
        for sequence in sequences:
            found.setdefault(sequence.toString(), sequence)
    return list(found.values())


class Review(QObject):
    """Owns the annotator, the panel dock and the review-status controls."""

    articleRequested = Signal(int, int)  # article id, offset: open it there
    exportRequested = Signal()
    importNotesRequested = Signal()
    settingsRequested = Signal()

    def __init__(
        self, session: Session, reader: ReaderView, tree: LibraryTree, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._session, self._reader, self._tree = session, reader, tree
        self._theme: Theme = LIGHT
        names = Names()
        self.labels = {status: names.status(status) for status in REVIEW_STATUSES}
        self.annotator = Annotator(session, reader)
        self.retag_dialog: RetagDialog | None = None  # the one open, if any
        self.ui = AnnotateUi(self.annotator, reader)
        self.panel = AnnotationsPanel(parent)
        self.dock = QDockWidget(self.tr("Annotations"), parent)
        self.dock.setObjectName("annotationsDock")
        self.dock.setWidget(self.panel)
        self._icons = StatusIcons()
        self.actions = self._build_actions(parent)
        self.toolbar, self.status_box = self._build_toolbar(parent)
        self.tree_status = self._build_tree_status(parent)
        self._opened: int | None = None  # the article opened, until its opening finishes
        self._colours: dict[str, str] = {}  # as last read: every refresh reads them again
        self._finish_timer = QTimer(self)
        self._finish_timer.setSingleShot(True)
        self._finish_timer.setInterval(0)
        self._finish_timer.timeout.connect(self._finish_opening)
        self.annotator.changed.connect(self.annotations_changed)
        self.annotator.created.connect(self.annotation_created)
        self.annotator.removed.connect(self.annotations_removed)
        self.annotator.tagsChanged.connect(self.refresh)
        self.annotator.statusChanged.connect(self.status_changed)
        self.annotator.revisitRequested.connect(self.articleRequested)
        self.panel.jumpRequested.connect(self.jump)
        self.panel.deleteRequested.connect(self.annotator.delete)
        self.panel.retagRequested.connect(self.retag)
        self.panel.reattachRequested.connect(self.reattach)
        self.panel.scopeChanged.connect(lambda _: self.refresh_panel())
        self.panel.model.noteEdited.connect(
            lambda i, note: self.annotator.edit(i, note=note, text=self.tr("Edit note"))
        )
        reader.pane.annotationClicked.connect(self.panel.select_annotation)
        reader.pane.marksWanted.connect(self._all_marks)

    def _build_actions(self, parent: QWidget) -> dict[str, QAction]:
        stack = self._session.undo_stack
        undo = stack.createUndoAction(parent, self.tr("Undo"))
        undo.setShortcuts(key_sequences("Ctrl+Z", QKeySequence.StandardKey.Undo))
        redo = stack.createRedoAction(parent, self.tr("Redo"))
        # Ctrl+Shift+Z and Ctrl+Y everywhere, plus the platform's own; each key once
        # (a key registered twice is an "ambiguous shortcut" and does nothing).
        redo.setShortcuts(key_sequences("Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.StandardKey.Redo))
        made = {"undo": undo, "redo": redo}
        for key, text, signal, shortcut in (
            ("export", self.tr("Export notes…"), self.exportRequested, "Ctrl+E"),
            ("import_notes", self.tr("Import notes…"), self.importNotesRequested, None),
            ("tags", self.tr("Tags…"), None, None),
            ("settings", self.tr("Settings…"), self.settingsRequested, None),
        ):
            action = QAction(text, parent)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(signal.emit if signal is not None else self.open_tag_manager)
            made[key] = action
        return made

    def fill_annotate_menu(self, menu: QMenu) -> None:
        """Edit → Annotate: filled each time it opens (the tags may have changed)."""
        menu.clear()
        self.ui.fill_menu(menu)

    def _build_toolbar(self, parent: QWidget) -> tuple[QToolBar, QComboBox]:
        bar = QToolBar(self.tr("Review"), parent)
        bar.setObjectName("reviewToolbar")
        box = QComboBox(bar)
        box.setObjectName("reviewStatus")
        for status in REVIEW_STATUSES:
            box.addItem(self._icons(status), self.labels[status], status)
        box.activated.connect(self._status_chosen)
        bar.addWidget(box)
        return bar, box

    def _build_tree_status(self, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setMaximumWidth(120)
        combo.setToolTip(self.tr("Show articles with this review status"))
        combo.addItem(self.tr("All statuses"), "")
        for status in REVIEW_STATUSES:
            combo.addItem(self._icons(status), self.labels[status], status)
        combo.currentIndexChanged.connect(
            lambda _: self._tree.set_status_filter(combo.currentData() or "")
        )
        return combo

    # --- refreshing --------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.ui.set_theme(theme)
        self.panel.model.set_dark(theme.name == "dark")
        self.refresh_marks()

    def article_opened(self) -> None:
        """Mark what the pane shows now; the article's other marks and the panel's rows
        come on the next turn (the marks sooner if the view moves), so the text and its
        visible marks paint first."""
        article, library = self._reader.article, self._session.library
        if article is not None:
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(article.status)))
        colours = self.tag_colours()
        if article is None or library is None:
            self.refresh_marks([], colours)
            self._opened = None
        else:
            pane = self._reader.pane
            start, end = pane.view_offsets(VIEW_SLACK)
            found = shown(notes.for_span(library, article.id, start, end))
            pane.set_annotations(marks_for(found, colours, self._theme), (start, end))
            self._opened = article.id
        self._finish_timer.start()

    def _all_marks(self) -> None:
        """The view left what was marked at opening: every mark now, the panel still after."""
        if self._opened is not None:
            self.refresh_marks()

    def _finish_opening(self) -> None:
        """The turn after an opening: every mark of the article, and the panel's rows."""
        article, library = self._reader.article, self._session.library
        opened, self._opened = self._opened, None
        if article is None or library is None:
            self.refresh_panel([], self._colours)
        elif opened == article.id:
            found = shown(notes.for_article(library, article.id))  # as it is now
            self.refresh_marks(found, self._colours)
            self.refresh_panel(found, self._colours)

    def tag_colours(self) -> dict[str, str]:
        library = self._session.library
        self._colours = {t.name: t.color for t in tagset.list_tags(library)} if library else {}
        return self._colours

    def refresh_marks(
        self, found: list[Annotation] | None = None, colours: dict[str, str] | None = None
    ) -> None:
        article, library, pane = self._reader.article, self._session.library, self._reader.pane
        if article is None or library is None:
            pane.set_annotations([])
            return
        if found is None:
            found = shown(notes.for_article(library, article.id))
        if colours is None:
            colours = self.tag_colours()
        pane.set_annotations(marks_for(found, colours, self._theme))

    def refresh_panel(
        self, found: list[Annotation] | None = None, colours: dict[str, str] | None = None
    ) -> None:
        if self._opened is None:  # this fill supersedes an opening's; its marks are all in
            self._finish_timer.stop()
        library, article = self._session.library, self._reader.article
        if library is None:
            self.panel.show_rows([], {})
            return
        if self.panel.library_scope.isChecked():
            found = shown(notes.all_annotations(library))
            titles = article_titles(library)
        else:
            if found is None:
                found = shown(notes.for_article(library, article.id)) if article is not None else []
            titles = {article.id: article.title} if article is not None else {}
        sections = self._tree.model.sections_of
        rows = [
            Row(a, sections(a.article_id, a.start), titles.get(a.article_id, "")) for a in found
        ]
        self.panel.show_rows(rows, colours if colours is not None else self.tag_colours())

    def annotations_changed(self, article_id: int) -> None:
        library = self._session.library
        if library is None:
            return
        found = shown(notes.for_article(library, article_id))  # once: count, marks, panel
        self._tree.model.set_annotation_count(article_id, len(found))  # as the outline counts
        article = self._reader.article
        if article is not None and article.id == article_id:
            colours = self.tag_colours()
            self.refresh_marks(found, colours)
            self.refresh_panel(found, colours)
        else:
            self.refresh_panel()

    def annotation_created(self, made: Annotation) -> None:
        """One new annotation: one mark and one row added, none of the others redone."""
        article = self._reader.article
        if made.annotator in HIDDEN_LAYERS:
            return
        self._tree.model.add_annotation_count(made.article_id, 1)
        if article is None or article.id != made.article_id:
            self.refresh_panel()
            return
        known = self._colours
        colours = known if all(t in known for t in made.tags) else self.tag_colours()
        self._reader.pane.add_annotations(marks_for([made], colours, self._theme))
        section = self._tree.model.sections_of(made.article_id, made.start)
        self.panel.add_rows([Row(made, section, article.title)], colours)

    def annotations_removed(self, article_id: int, ids: list[str]) -> None:
        library = self._session.library  # counted again: some may have been rejections
        if library is not None:
            count = len(shown(notes.for_article(library, article_id)))
            self._tree.model.set_annotation_count(article_id, count)
        self._reader.pane.remove_annotations(ids)
        self.panel.remove_rows(ids)

    def refresh(self) -> None:
        self.refresh_marks()
        self.refresh_panel()

    def status_changed(self, article_id: int, status: str) -> None:
        self._tree.model.set_status(article_id, status)
        self._tree.status_changed()
        article = self._reader.article
        if article is not None and article.id == article_id:
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(status)))

    # --- dialogs and intents ---------------------------------------------------------------
    def open_tag_manager(self) -> None:
        from reader.ui.annotate.tag_manager import TagManager

        if self._session.library is not None:
            manager = TagManager(self._session, self._reader)
            manager.changed.connect(self.refresh)
            manager.changed.connect(self._session.notesChanged)
            manager.namesChanged.connect(self._forget_undo)
            manager.open()

    def _forget_undo(self) -> None:
        """A tag renamed, merged or deleted: the steps before name tags that are gone."""
        stack = self.annotator.undo_stack
        if stack.canUndo() or stack.canRedo():
            stack.clear()
            self._session.notify(
                self.tr("Undo history cleared: its steps named tags that are renamed or gone.")
            )

    def _status_chosen(self, _index: int) -> None:
        article = self._reader.article
        if article is not None:
            self.annotator.set_status(article.id, self.status_box.currentData())

    def jump(self, annotation_id: str) -> None:
        library = self._session.library
        if library is None:
            return
        try:
            found = notes.get(library, annotation_id)
        except ReaderError as exc:
            self._session.errors.report(exc)
            return
        self.articleRequested.emit(found.article_id, found.start)
        if found.state != "orphaned" and self._reader.article is not None:
            self._reader.show_passage(found.start, found.end)

    def retag(self, annotation_ids: list[str]) -> None:
        if not annotation_ids or self._session.library is None:
            return
        library = self._session.library
        try:
            present = {i: notes.get(library, i).tags for i in annotation_ids}
        except ReaderError as exc:
            self._session.errors.report(exc)
            return
        tags = tagset.list_tags(library)
        colours = {t.name: t.color for t in tags}
        dialog = RetagDialog([t.name for t in tags], list(present.values()), self._reader, colours)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            added, removed = dialog.changes()
            after = {i: retagged(had, added, removed) for i, had in present.items()}
            changed = {i: now for i, now in after.items() if now != list(present[i])}
            if changed:
                self.annotator.retag(changed)

        dialog.accepted.connect(chosen)
        self.retag_dialog = dialog  # for tests: the one open
        dialog.open()

    def reattach(self, annotation_id: str) -> None:
        library, pane = self._session.library, self._reader.pane
        if library is None or not pane.textCursor().hasSelection():
            self._session.notify(self.tr("Select the new passage first."))
            return
        try:
            found = notes.reattach(library, annotation_id, *pane.selection_offsets())
        except ReaderError as exc:
            self._session.errors.report(exc)
            return
        self.annotations_changed(found.article_id)
