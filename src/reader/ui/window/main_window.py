"""The main window assembles the parts: section tree | reading pane, search dock,
annotation and review, menus, status bar.

Each part is given what it needs (the session, the reader view, the tree) and
tells the window what it wants through signals; the window wires them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
)

from reader.core.errors import ReaderError
from reader.core.ingest.finish import index_and_reclaim
from reader.core.library.articles import article_count, article_exists, get_article
from reader.core.library.outline import (
    SourceOutline,
    library_outline,
    reading_position,
    source_text,
)
from reader.core.library.store import Library, open_library
from reader.core.search import query as search_query
from reader.core.search.index import pending_ids
from reader.ui import heap
from reader.ui.annotate.review import Review
from reader.ui.browse.library_tree import LibraryTree
from reader.ui.browse.search_panel import SearchPanel
from reader.ui.browse.tree_nodes import TreeRows
from reader.ui.browse.welcome import WelcomePage
from reader.ui.dialogs.import_progress import ImportResult, ImportRunner
from reader.ui.reading.position_keeper import PositionKeeper
from reader.ui.reading.reader_view import ReaderView
from reader.ui.reading.word_loader import WordLoader
from reader.ui.session import Session
from reader.ui.settings import WindowSettings
from reader.ui.theme import apply_palette, theme_named
from reader.ui.window import importing, navigation
from reader.ui.window.menus import WindowMenus
from reader.ui.window.reading_room import ReadingRoom
from reader.ui.window.search_dock import SearchDock
from reader.ui.window.status_line import StatusLine
from reader.ui.window.teamwork import place_team
from reader.ui.window.tree_loading import OutlineLoader
from reader.ui.window.view_state import first_size, restore_window, save_window
from reader.ui.window.window_keys import WindowKeysFirst

if TYPE_CHECKING:
    from reader.core.ingest.importer import ImportSummary
    from reader.ui.dialogs.settings_dialog import SettingsDialog


WRITING_JOBS = ("import", "export", "notes-import", "index", "merge", "report")


class MainWindow(QMainWindow):
    def __init__(self, settings: WindowSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("readerMainWindow")
        self.setWindowTitle("Reader")
        self.setAcceptDrops(True)
        self.settings = settings or WindowSettings()
        self.session = Session(self.settings, self)
        self.session.notified.connect(self.notify)
        self.errors, self.jobs = self.session.errors, self.session.jobs
        self.imports = ImportRunner(self.session, self)
        self.imports.finished.connect(self._import_finished)
        self.outlines = OutlineLoader(self.jobs, self._outline_arrived)
        self.last_import: ImportSummary | None = None
        self._syncing = False
        self._build()
        self.words = WordLoader(self.session, self.reader.pane)
        self.positions = PositionKeeper(self.session, self.reader.pane)  # saved as one scrolls
        self.menus = WindowMenus(self)
        self.actions_ = self.menus.build()
        self.review = Review(self.session, self.reader, self.library_tree, self)
        self._place_review()
        self.annotator = self.review.annotator
        self.team = place_team(self)
        self.theme = theme_named(self.settings.text("theme", "light"))
        keys = WindowKeysFirst((self.actions_["source"], self.actions_["export"]), self)
        keys.watch(self)
        restore_window(self)

    @property
    def library(self) -> Library | None:
        return self.session.library

    @property
    def library_path(self) -> Path | None:
        return self.session.library_path

    # --- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.library_tree = tree = LibraryTree(self, self.jobs)
        self.tree, self.tree_model, self.filter_model = tree.view, tree.model, tree.filter_model
        self.filter_edit = tree.filter_edit
        tree.articleActivated.connect(self._article_activated)
        tree.sectionActivated.connect(self._section_activated)
        self.reader = ReaderView(self, self.settings)
        self.reader.currentBlockChanged.connect(self._top_changed)
        self.welcome = WelcomePage(self)
        self.welcome.samplesRequested.connect(self.import_samples)
        self.welcome.importRequested.connect(self.choose_import_files)
        self.jobs.finished.connect(partial(importing.ended, self))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.reader)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(tree)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.setCentralWidget(self.splitter)
        self.search_panel = SearchPanel(self, self.settings)
        self.search_panel.searchRequested.connect(self.run_search)
        self.search_panel.hitActivated.connect(self.open_hit)
        self.search_panel.queryCleared.connect(self.reader.clear_search_hits)
        self.search_dock = SearchDock(self.search_panel, self)
        self.status_line = line = StatusLine(self.statusBar())
        self.status_article, self.status_section = line.article, line.section
        self.status_message, self.status_chars = line.message, line.chars
        first_size(self)  # on the screen, docks and status bar included

    def _place_review(self) -> None:
        review = self.review
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, review.dock)
        self.resizeDocks([review.dock], [300], Qt.Orientation.Horizontal)
        self.room = ReadingRoom(self, self.reader, review.dock, self.splitter)
        review.panel.emptyChanged.connect(self.room.panel_empty)
        self.room.panel_empty(review.panel.is_empty())
        self.actions_["source"].triggered.connect(lambda _on: self.room.later())
        self.addToolBar(review.toolbar)
        self.library_tree.add_control(review.tree_status)
        self.library_tree.statusRequested.connect(review.annotator.set_statuses)
        self.menus.add_review(review)
        review.articleRequested.connect(self.open_article)
        review.exportRequested.connect(self.open_export)
        review.importNotesRequested.connect(self.import_notes)
        review.settingsRequested.connect(self.open_settings)

    def menu_named(self, key: str) -> QMenu:
        return self.menus.menus[key]

    def notify(self, text: str, msecs: int = 8000) -> None:
        """A passing message, in its own place on the status bar."""
        self.status_line.notify(text, msecs)

    # --- libraries -------------------------------------------------------------
    def open_library_at(self, path: Path, create: bool = True, tree_later: bool = False) -> bool:
        """Open a library and its last article; ``tree_later`` (start-up, the menu): the
        article is painted first and the tree's outline read by a job (at 50,000 articles
        its rows take a quarter of a second to make), the tree empty meanwhile."""
        try:
            library = open_library(path, create=create)
        except ReaderError as exc:
            self.errors.report(exc, self.tr("Cannot open the library"))
            return False
        self._close_library()
        where = Path(path)
        self.session.set_library(library, where)
        self.settings.add_recent(where)
        self.setWindowTitle(f"Reader — {where.name}")
        if pending_ids(library):  # e.g. after a migration that re-indexes: searches scan those
            self.jobs.run(
                "index",  # then the pages the index's merge freed given back, as import does
                lambda job: index_and_reclaim(job.library, None),
                lambda _: None,
                library=where,
            )
        last = self.settings.last_article(where)
        if tree_later:
            self.library_tree.drop_outline()  # no other library's rows meanwhile
            self.outlines.load(where)  # the first article opens when it arrives
            self._show_page()
        else:
            self.refresh_tree()
        if last is not None and article_exists(library, last):
            self.open_article(last)
        elif not tree_later and (ids := self.tree_model.article_ids()):
            self.open_article(ids[0])
        return True

    def _close_library(self) -> None:
        self.save_reading_position()
        self.session.set_library(None, None)
        self.reader.show_article(None)
        self.search_panel.clear_results()  # another library's hits would open its ids here
        self.status_article.clear()
        self.status_chars.clear()
        heap.release_long_lived()

    def refresh_tree(
        self, outline: list[SourceOutline] | None = None, rows: TreeRows | None = None
    ) -> None:
        if self.library is None:
            return
        self.outlines.drop()  # this outline is newer than one still being read
        name = self.library_path.name if self.library_path else ""
        self.library_tree.set_outline(
            name, outline if outline is not None else library_outline(self.library), rows
        )
        # the tree's objects leave the collector's full passes, in a turn of their own
        QTimer.singleShot(0, self, heap.keep_long_lived)
        self._show_page()

    def _show_page(self) -> None:
        if self.library is not None:
            empty = article_count(self.library) == 0
            self.stack.setCurrentWidget(self.welcome if empty else self.reader)

    def _outline_arrived(self, path: Path, outline: list[SourceOutline], rows: TreeRows) -> None:
        """The start-up outline: the tree fills in; the open article is marked on the next
        turn (the tree lays its rows out in a turn of its own), or the first one opens."""
        if path == self.library_path:
            self.refresh_tree(outline, rows)
            if self.reader.article is not None:
                QTimer.singleShot(0, lambda: self._top_changed(self.reader.pane.top_offset()))
            elif ids := self.tree_model.article_ids():  # in a turn of its own: at 50,000
                first = ids[0]  # articles the tree's arrival and an opening are 0.1 s each
                QTimer.singleShot(0, self, lambda: self._open_first(path, first))

    def _open_first(self, path: Path, article_id: int) -> None:
        if path == self.library_path and self.reader.article is None:
            self.open_article(article_id)

    # --- articles --------------------------------------------------------------
    def open_article(self, article_id: int, offset: int | None = None) -> None:
        if self.library is None:
            return
        current = self.reader.article
        if current is not None and current.id == article_id:
            if offset is not None:
                self.reader.pane.scroll_to_offset(offset)
            return
        self.save_reading_position()
        try:
            article = get_article(self.library, article_id)
            raw = source_text(self.library, article.source_id)
            start = reading_position(self.library, article_id) if offset is None else offset
        except ReaderError as exc:
            self.errors.report(exc)
            return
        self.stack.setCurrentWidget(self.reader)
        self.reader.show_article(article, raw, start)
        self.review.article_opened()
        if self.library_path is not None:
            self.settings.set_last_article(self.library_path, article_id)
        self.status_article.setText(article.title)
        self.status_chars.setText(self.tr("%n character(s)", "", len(article.text)))

    def save_reading_position(self) -> None:
        self.positions.save()

    def _article_activated(self, article_id: int) -> None:
        self._syncing = True
        try:
            if self.reader.article is not None and self.reader.article.id == article_id:
                self.reader.pane.scroll_to_offset(0, margin=0)
            else:
                self.open_article(article_id)
        finally:
            self._syncing = False

    def _section_activated(self, article_id: int, offset: int) -> None:
        self._syncing = True
        try:
            self.open_article(article_id, offset)
            if self.reader.article is not None and self.reader.article.id == article_id:
                navigation.place_cursor(self, offset)
        finally:
            self._syncing = False

    def _top_changed(self, offset: int) -> None:
        article = self.reader.article
        if article is None:
            return
        self.status_section.setText(self.library_tree.section_title(article.id, offset))
        if not self._syncing:
            self.library_tree.follow(article.id, offset)

    def selected_article_ids(self) -> list[int]:
        return self.library_tree.selected_article_ids()

    def step_article(self, delta: int) -> None:
        navigation.step_article(self, delta)

    def step_section(self, delta: int) -> None:
        navigation.step_section(self, delta)

    # --- search -------------------------------------------------------------------
    def show_search(self) -> None:
        self.search_dock.open()
        self.search_panel.focus_query()

    def run_search(self, query: str, every_hit: bool = False, variants: bool = True) -> None:
        """A job with its own connection; it only reads (articles not yet indexed are
        scanned), so it neither writes nor waits for a running import."""
        if self.library_path is None:
            return
        most = None if every_hit else 50
        self.jobs.run(
            "search",
            lambda job: search_query.search(
                job.library,
                query,
                max_articles=most,
                index=False,
                variants=variants,
                max_hits=search_query.LISTED_HITS if every_hit else None,
            ),
            partial(self._search_done, self.library_path),
            library=self.library_path,
            replace=True,
        )

    def _search_done(self, path: Path, result: search_query.SearchResult) -> None:
        if path == self.library_path:  # not a search of the library shown before
            self.search_panel.show_result(result)

    def open_hit(self, article_id: int, start: int, end: int) -> None:
        self.open_article(article_id, start)
        self.reader.mark_hits(self.search_panel.spans_in(article_id), (start, end))

    # --- import, export, settings --------------------------------------------------------
    def import_paths(self, paths: list[Path], show_dialog: bool = True) -> None:
        importing.start(self, paths, show_dialog)

    def import_samples(self) -> None:
        from reader.core.resources import samples_dir

        self.import_paths([samples_dir()])

    def choose_import_files(self) -> None:
        self.menus.import_files()

    def load_words(self) -> None:
        self.words.load()

    def _import_finished(self, result: ImportResult) -> None:
        self.last_import = result.summary
        importing.finished(self, result)

    def open_export(self) -> None:
        from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

        if self.library is not None:
            article = self.reader.article
            choice = ArticleChoice(
                article.id if article is not None else None, tuple(self.selected_article_ids())
            )
            ExportDialog(self.session, choice, self).open()

    def import_notes(self) -> None:
        from reader.ui.dialogs.export_dialog import import_notes_dialog

        import_notes_dialog(self.session, self, self.notes_imported)

    def notes_imported(self) -> None:
        self.refresh_tree()
        self.review.refresh()
        self.session.notesChanged.emit()

    def open_settings(self) -> SettingsDialog:
        from reader.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self.annotator.annotator, self)
        dialog.snapChanged.connect(self.reader.pane.set_snap_to_words)
        dialog.themeChosen.connect(self.set_theme)
        dialog.languageChosen.connect(self.menus.set_language)
        dialog.wordsChanged.connect(self.words.apply_user_words)
        dialog.open()
        return dialog

    # --- appearance -------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication

        self.theme = theme_named(name)
        self.settings.set("theme", self.theme.name)
        if (action := self.actions_.get(f"theme_{self.theme.name}")) is not None:
            action.setChecked(True)  # the View menu shows the settings dialog's choice too
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.reader.set_theme(self.theme)
        self.status_line.set_theme(self.theme)
        self.review.set_theme(self.theme)
        self.search_panel.set_theme(self.theme)

    def set_reading_font(self, font: QFont) -> None:
        self.reader.pane.set_reading_font(font)
        self.settings.set("fontFamily", font.family())
        self.settings.set("fontSize", font.pointSizeF())

    # --- drag and drop, closing --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_paths(paths))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Let running writers (import, export, notes import) finish, remember the view,
        close the library.

        Safe to call twice: on closing the window and when the application quits.
        An import is not cancelled here: what the user asked to import lands. Other
        jobs are cancelled and the job runner closed.
        """
        for kind in WRITING_JOBS:
            self.jobs.wait(kind, deliver=False)  # landed; the window is going
        self.jobs.close()  # readers cancelled; no worker reaches the window after this
        if self.library is None:
            return
        save_window(self)
        self._close_library()
        self.settings.sync()
