"""Annotation and review features of the main window, wired in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QInputDialog, QMenu, QToolBar

from reader.core.errors import ReaderError
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import REVIEW_STATUSES
from reader.ui.annotate.annotate_ui import AnnotateUi
from reader.ui.annotate.annotations_panel import AnnotationsPanel, Row
from reader.ui.annotate.annotator import Annotator
from reader.ui.browse.status_icons import StatusIcons
from reader.ui.browse.tree_model import ARTICLE_ID_ROLE, KIND_ROLE
from reader.ui.reading.marks import marks_for

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


class Review:
    """Owns the annotator, the panel dock and the review-status controls."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        tr = window.tr
        self.labels = {
            "unread": tr("Unread 未读"),
            "in_progress": tr("In progress 阅读中"),
            "reviewed": tr("Reviewed 已审"),
            "needs_changes": tr("Needs changes 需修改"),
        }
        self.annotator = Annotator(window)
        window.annotator = self.annotator
        self.ui = AnnotateUi(window)
        self.panel = AnnotationsPanel(window)
        self.dock = QDockWidget(tr("Annotations"), window)
        self.dock.setObjectName("annotationsDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [380], Qt.Orientation.Horizontal)
        self._icons = StatusIcons()
        self._build_actions()
        self.annotator.changed.connect(self.annotations_changed)
        self.annotator.statusChanged.connect(self.status_changed)
        self.panel.jumpRequested.connect(self.jump)
        self.panel.deleteRequested.connect(self.annotator.delete)
        self.panel.retagRequested.connect(self.retag)
        self.panel.reattachRequested.connect(self.reattach)
        self.panel.scopeChanged.connect(lambda _: self.refresh_panel())
        self.panel.model.noteEdited.connect(
            lambda i, note: self.annotator.edit(i, note=note, text=tr("Edit note"))
        )
        window.reader.pane.annotationClicked.connect(self.panel.select_annotation)
        window.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.tree.customContextMenuRequested.connect(self.tree_menu)

    def _build_actions(self) -> None:
        window, tr = self.window, self.window.tr
        edit = window.menu_named("edit")
        undo = self.annotator.undo_stack.createUndoAction(window, tr("Undo"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = self.annotator.undo_stack.createRedoAction(window, tr("Redo"))
        redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        first = edit.actions()[0] if edit.actions() else None
        edit.insertActions(first, [undo, redo])  # type: ignore[arg-type]
        edit.insertSeparator(first)  # type: ignore[arg-type]
        window.actions_["undo"], window.actions_["redo"] = undo, redo
        annotate = edit.addMenu(tr("Annotate"))

        def fill() -> None:
            annotate.clear()
            self.ui.fill_menu(annotate)

        annotate.aboutToShow.connect(fill)
        file_menu = window.menu_named("file")
        quit_action = window.actions_["quit"]
        export = file_menu.addAction(tr("Export notes…"), self.open_export)
        export.setShortcut(QKeySequence("Ctrl+E"))
        import_notes = file_menu.addAction(tr("Import notes…"), self.import_notes)
        file_menu.insertActions(quit_action, [export, import_notes])
        file_menu.insertSeparator(quit_action)
        window.actions_["export"], window.actions_["import_notes"] = export, import_notes
        edit.addSeparator()
        window.actions_["tags"] = edit.addAction(tr("Tags…"), self.open_tag_manager)
        window.actions_["settings"] = edit.addAction(tr("Settings…"), self.open_settings)
        view = window.menu_named("view")
        view.addAction(self.dock.toggleViewAction())
        bar = QToolBar(tr("Review"), window)
        bar.setObjectName("reviewToolbar")
        window.addToolBar(bar)
        self.status_box = QComboBox(bar)
        self.status_box.setObjectName("reviewStatus")
        for status in REVIEW_STATUSES:
            self.status_box.addItem(self._icons(status), self.labels[status], status)
        self.status_box.activated.connect(self._status_chosen)
        bar.addWidget(self.status_box)
        self.tree_status = QComboBox(window)
        self.tree_status.setMaximumWidth(120)
        self.tree_status.setToolTip(tr("Show articles with this review status"))
        self.tree_status.addItem(tr("All statuses"), "")
        for status in REVIEW_STATUSES:
            self.tree_status.addItem(self._icons(status), self.labels[status], status)
        self.tree_status.currentIndexChanged.connect(
            lambda _: window.filter_model.set_status(self.tree_status.currentData() or "")
        )
        window.tree_controls.addWidget(self.tree_status)

    # --- refreshing --------------------------------------------------------------------
    def article_opened(self) -> None:
        article, library = self.window.reader.article, self.window.library
        if article is not None:
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(article.status)))
        found = notes.for_article(library, article.id) if article and library else []
        colours = self.tag_colours()
        self.refresh_marks(found, colours)
        self.refresh_panel(found, colours)

    def tag_colours(self) -> dict[str, str]:
        if self.window.library is None:
            return {}
        return {t.name: t.color for t in tagset.list_tags(self.window.library)}

    def refresh_marks(
        self, found: list[Annotation] | None = None, colours: dict[str, str] | None = None
    ) -> None:
        article, library = self.window.reader.article, self.window.library
        if article is None or library is None:
            self.window.reader.pane.set_annotations([])
            return
        if found is None:
            found = notes.for_article(library, article.id)
        self.window.reader.pane.set_annotations(
            marks_for(
                found, colours if colours is not None else self.tag_colours(), self.window.theme
            )
        )

    def refresh_panel(
        self, found: list[Annotation] | None = None, colours: dict[str, str] | None = None
    ) -> None:
        library, article = self.window.library, self.window.reader.article
        if library is None:
            self.panel.show_rows([], {})
            return
        if self.panel.library_scope.isChecked():
            found = notes.all_annotations(library)
            titles = dict(library.conn.execute("SELECT id, title FROM articles").fetchall())
        elif found is None:
            found = notes.for_article(library, article.id) if article is not None else []
            titles = {article.id: article.title} if article is not None else {}
        else:
            titles = {article.id: article.title} if article is not None else {}
        sections = self.window.tree_model.sections_of
        rows = [
            Row(a, sections(a.article_id, a.start), titles.get(a.article_id, "")) for a in found
        ]
        self.panel.show_rows(rows, colours if colours is not None else self.tag_colours())

    def annotations_changed(self, article_id: int) -> None:
        library = self.window.library
        if library is None:
            return
        found = notes.for_article(library, article_id)  # once, for count, marks and panel
        self.window.tree_model.set_annotation_count(article_id, len(found))
        article = self.window.reader.article
        if article is not None and article.id == article_id:
            colours = self.tag_colours()
            self.refresh_marks(found, colours)
            self.refresh_panel(found, colours)
        else:
            self.refresh_panel()

    def status_changed(self, article_id: int, status: str) -> None:
        self.window.tree_model.set_status(article_id, status)
        article = self.window.reader.article
        if article is not None and article.id == article_id:
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(status)))

    # --- dialogs and intents ---------------------------------------------------------------
    def open_tag_manager(self) -> None:
        from reader.ui.annotate.tag_manager import TagManager

        if self.window.library is not None:
            TagManager(self.window).open()

    def open_export(self) -> None:
        from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

        if self.window.library is not None:
            article = self.window.reader.article
            choice = ArticleChoice(
                article.id if article is not None else None,
                tuple(self.window.selected_article_ids()),
            )
            ExportDialog(self.window.session, choice, self.window).open()

    def import_notes(self) -> None:
        from reader.ui.dialogs.export_dialog import import_notes_dialog

        import_notes_dialog(self.window.session, self.window, self.notes_imported)

    def notes_imported(self) -> None:
        self.window.refresh_tree()
        self.refresh_marks()
        self.refresh_panel()

    def open_settings(self) -> None:
        from reader.ui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self.window).open()

    def _status_chosen(self, _index: int) -> None:
        article = self.window.reader.article
        if article is not None:
            self.annotator.set_status(article.id, self.status_box.currentData())

    def tree_menu(self, pos: QPoint) -> None:
        index = self.window.filter_model.mapToSource(self.window.tree.indexAt(pos))
        if index.data(KIND_ROLE) != "article":
            return
        article_id = index.data(ARTICLE_ID_ROLE)
        menu = QMenu(self.window.tree)
        status_menu = menu.addMenu(self.window.tr("Review status"))
        for status in REVIEW_STATUSES:
            action = status_menu.addAction(self._icons(status), self.labels[status])
            action.triggered.connect(
                lambda _=False, s=status: self.annotator.set_status(article_id, s)
            )
        menu.exec(self.window.tree.viewport().mapToGlobal(pos))

    def jump(self, annotation_id: str) -> None:
        library = self.window.library
        if library is None:
            return
        try:
            found = notes.get(library, annotation_id)
        except ReaderError as exc:
            self.window.errors.report(exc)
            return
        self.window.open_article(found.article_id, found.start)
        if found.state != "orphaned":
            pane = self.window.reader.pane
            pane.scroll_to_offset(found.start, margin=pane.viewport().height() // 3)
            pane.select_offsets(found.start, found.end)

    def retag(self, annotation_ids: list[str]) -> None:
        if not annotation_ids or self.window.library is None:
            return
        names = [t.name for t in tagset.list_tags(self.window.library)]
        text, ok = QInputDialog.getItem(
            self.window,
            self.window.tr("Retag"),
            self.window.tr("Tags (separate with spaces):"),
            names,
            0,
            True,
        )
        if ok:
            self.annotator.retag(annotation_ids, [t for t in text.split() if t])

    def reattach(self, annotation_id: str) -> None:
        library, pane = self.window.library, self.window.reader.pane
        if library is None or not pane.textCursor().hasSelection():
            self.window.notify(self.window.tr("Select the new passage first."))
            return
        try:
            found = notes.reattach(library, annotation_id, *pane.selection_offsets())
        except ReaderError as exc:
            self.window.errors.report(exc)
            return
        self.annotations_changed(found.article_id)
