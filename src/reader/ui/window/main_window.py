"""The main window: section tree | reading pane, search dock, menus, status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QFontComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.library.articles import article_count, get_article
from reader.core.library.outline import (
    SourceOutline,
    library_outline,
    reading_position,
    set_reading_position,
    source_text,
)
from reader.core.library.store import Library, open_library
from reader.core.search import query as search_query
from reader.ui.annotate.annotator import Annotator

if TYPE_CHECKING:
    from reader.core.ingest.importer import ImportSummary
from reader.ui.annotate.review import Review
from reader.ui.browse.search_panel import SearchPanel
from reader.ui.browse.tree_model import (
    ARTICLE_ID_ROLE,
    KIND_ROLE,
    OFFSET_ROLE,
    LibraryTreeModel,
    TreeFilterModel,
)
from reader.ui.browse.welcome import WelcomePage
from reader.ui.dialogs.import_progress import ImportResult, ImportRunner
from reader.ui.jobs import Job
from reader.ui.reading.reader_view import ReaderView
from reader.ui.session import Session
from reader.ui.settings import WindowSettings, restore_window, save_window
from reader.ui.theme import apply_palette, theme_named
from reader.ui.window.menus import WindowMenus


class MainWindow(QMainWindow):
    def __init__(self, settings: WindowSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("readerMainWindow")
        self.setWindowTitle("Reader")
        self.setAcceptDrops(True)
        self.settings = settings or WindowSettings()
        self.session = Session(self.settings, self)
        self.session.notified.connect(self.notify)
        self.errors = self.session.errors
        self.jobs = self.session.jobs
        self.imports = ImportRunner(self.session, self)
        self.imports.finished.connect(self._import_finished)
        self.last_import: ImportSummary | None = None
        self.font_chooser: QFontComboBox
        self.font_size: QSpinBox
        self._syncing = False
        self._build()
        self.menus = WindowMenus(self)
        self.actions_ = self.menus.build()
        self.annotator: Annotator
        self.review = Review(self)
        self.theme = theme_named(self.settings.text("theme", "light"))
        self._restore_view_settings()

    @property
    def library(self) -> Library | None:
        return self.session.library

    @property
    def library_path(self) -> Path | None:
        return self.session.library_path

    # --- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.tree_model = LibraryTreeModel(self)
        self.filter_model = TreeFilterModel(self)
        self.filter_model.setSourceModel(self.tree_model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter articles and sections"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.tree = QTreeView(self)
        self.tree.setObjectName("sectionTree")
        self.tree.setModel(self.filter_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().resizeSection(1, 36)
        self.tree.clicked.connect(self._tree_activated)
        self.tree.activated.connect(self._tree_activated)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        self.tree_controls = QHBoxLayout()
        self.tree_controls.addWidget(self.filter_edit, 1)
        left_layout.addLayout(self.tree_controls)
        left_layout.addWidget(self.tree)
        self.reader = ReaderView(self)
        self.reader.currentBlockChanged.connect(self._top_changed)
        self.welcome = WelcomePage(self)
        self.welcome.samplesRequested.connect(self.import_samples)
        self.welcome.importRequested.connect(self.choose_import_files)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.reader)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.setCentralWidget(self.splitter)
        self.search_panel = SearchPanel(self)
        self.search_panel.searchRequested.connect(self.run_search)
        self.search_panel.hitActivated.connect(self.open_hit)
        self.search_dock = QDockWidget(self.tr("Search"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self.status_article = QLabel(self)
        self.status_section = QLabel(self)
        self.status_message = QLabel(self)
        self.status_chars = QLabel(self)
        self.status_section.setStyleSheet("color: palette(placeholder-text);")
        for label in (self.status_article, self.status_section):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.status_message)
        self.statusBar().addPermanentWidget(self.status_chars)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.status_message.clear)
        self.resize(1280, 820)

    def menu_named(self, key: str) -> QMenu:
        return self.menus.menus[key]

    def notify(self, text: str, msecs: int = 8000) -> None:
        """A passing message, in its own place on the status bar."""
        self.status_message.setText(text)
        self._message_timer.start(msecs)

    def _restore_view_settings(self) -> None:
        restore_window(self)

    # --- libraries -------------------------------------------------------------
    def open_library_at(self, path: Path, create: bool = True) -> bool:
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
        self.refresh_tree()
        last = self.settings.last_article(where)
        ids = self.tree_model.article_ids()
        if ids:
            self.open_article(last if last in ids else ids[0])
        return True

    def _close_library(self) -> None:
        self.save_reading_position()
        self.session.set_library(None, None)
        self.reader.show_article(None)

    def refresh_tree(self, outline: list[SourceOutline] | None = None) -> None:
        if self.library is None:
            return
        name = self.library_path.name if self.library_path else ""
        self.tree_model.set_outline(
            name, outline if outline is not None else library_outline(self.library)
        )
        self.tree.expand(self.filter_model.index(0, 0))  # the library node
        empty = article_count(self.library) == 0
        self.stack.setCurrentWidget(self.welcome if empty else self.reader)

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
        self.status_chars.setText(self.tr("%1 characters").replace("%1", str(len(article.text))))

    def save_reading_position(self) -> None:
        article = self.reader.article
        if self.library is None or article is None:
            return
        try:
            set_reading_position(self.library, article.id, self.reader.pane.anchor_offset())
        except ReaderError as exc:
            self.errors.report(exc)

    def _tree_activated(self, proxy_index: QModelIndex) -> None:
        index = self.filter_model.mapToSource(proxy_index)
        kind = index.data(KIND_ROLE)
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is None:
            return
        offset = index.data(OFFSET_ROLE) if kind == "section" else None
        self._syncing = True
        try:
            if (
                kind == "article"
                and self.reader.article is not None
                and self.reader.article.id == article_id
            ):
                self.reader.pane.scroll_to_offset(0, margin=0)
            else:
                self.open_article(article_id, offset)
        finally:
            self._syncing = False

    def _top_changed(self, offset: int) -> None:
        article = self.reader.article
        if article is None:
            return
        index = self.tree_model.section_index(article.id, offset)
        section = index.data() if index.data(KIND_ROLE) == "section" else ""
        self.status_section.setText(section)
        if not self._syncing:
            proxy = self.filter_model.mapFromSource(index)
            if proxy.isValid() and proxy != self.tree.currentIndex():
                # setCurrentIndex emits no clicked/activated: no loop back to the pane
                self.tree.setCurrentIndex(proxy)
                self.tree.scrollTo(proxy)

    def selected_article_ids(self) -> list[int]:
        """Articles selected in the tree (Ctrl/Shift-click selects several)."""
        ids = []
        for proxy in self.tree.selectionModel().selectedRows():
            index = self.filter_model.mapToSource(proxy)
            if index.data(KIND_ROLE) == "article":
                ids.append(index.data(ARTICLE_ID_ROLE))
        return ids

    def current_tree_article(self) -> int | None:
        index = self.filter_model.mapToSource(self.tree.currentIndex())
        return index.data(ARTICLE_ID_ROLE) if index.isValid() else None

    def step_article(self, delta: int) -> None:
        ids = self.tree_model.article_ids()
        article = self.reader.article
        if not ids:
            return
        where = ids.index(article.id) if article is not None and article.id in ids else -1
        self.open_article(ids[max(0, min(len(ids) - 1, where + delta))], 0)

    def step_section(self, delta: int) -> None:
        article = self.reader.article
        if article is None:
            return
        starts = [b.start for b in article.blocks if b.kind == "heading"]
        top = self.reader.pane.top_offset()
        if delta > 0:
            target = next((s for s in starts if s > top), None)
        else:
            target = next((s for s in reversed(starts) if s < top), 0)
        if target is not None:
            self.reader.pane.scroll_to_offset(target, margin=0)

    def _filter_changed(self, text: str) -> None:
        self.filter_model.setFilterFixedString(text)
        if text:
            self.tree.expandAll()

    # --- search -------------------------------------------------------------------
    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_query()

    def run_search(self, query: str, every_hit: bool = False) -> None:
        """A job with its own connection; it only reads (articles not yet indexed are
        scanned), so it neither writes nor waits for a running import."""
        if self.library_path is None:
            return
        most = None if every_hit else 50
        self.jobs.run(
            "search",
            lambda job: search_query.search(job.library, query, max_articles=most, index=False),
            self.search_panel.show_result,
            library=self.library_path,
            replace=True,
        )

    def open_hit(self, article_id: int, start: int, end: int) -> None:
        self.open_article(article_id, start)
        self.reader.mark_hit(start, end)

    # --- import ---------------------------------------------------------------------
    def import_paths(self, paths: list[Path], show_dialog: bool = True) -> None:
        """The one import path: menus, drag and drop, the welcome page, first start."""
        if self.library_path is None or not paths:
            return
        if self.imports.busy():
            self.notify(self.tr("An import is already running."))
            return
        self.imports.start(self.library_path, paths, show_dialog)

    def import_samples(self) -> None:
        from reader.core.resources import samples_dir

        self.import_paths([samples_dir()])

    def choose_import_files(self) -> None:
        self.menus.import_files()

    def apply_user_words(self, added: set[str], removed: set[str]) -> None:
        """New words take effect at once (once jieba has loaded; else when it does)."""
        from reader.core.notes import words

        if words.is_loaded():
            words.add_user_words(sorted(added))
            words.remove_user_words(sorted(removed))

    def load_words(self) -> None:
        """jieba's dictionary loads in a job: the window paints first."""

        def load(_job: Job) -> None:
            from reader.core.notes import words

            words.load()

        self.jobs.run(
            "jieba",
            load,
            lambda _: self.jieba_ready(),
            error_title=self.tr("Word segmentation is unavailable"),
        )

    def jieba_ready(self) -> None:
        """jieba has loaded: word-aware selection, with the library's own words."""
        from reader.core.notes import words
        from reader.core.notes.tags import user_words

        if self.library is not None:
            words.add_user_words(user_words(self.library))
        self.reader.pane.word_spans = words.word_spans
        self.reader.pane.snap_to_words = self.settings.text("snapToWords", "false") == "true"
        self.notify(self.tr("Word segmentation ready."), 3000)

    def _import_finished(self, result: ImportResult) -> None:
        summary = self.last_import = result.summary
        self.refresh_tree(result.outline)
        line = summary.line()
        self.notify(self.tr("Import finished: %1").replace("%1", line))
        refused = summary.refused
        if refused:
            details = "\n".join(f"{r.path}: {r.reason}" for r in refused)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Import finished"),
                self.tr("%1 files were refused.").replace("%1", str(len(refused))),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setInformativeText(line)
            box.setDetailedText(details)
            box.open()
        if self.reader.article is None and self.tree_model.article_ids():
            QTimer.singleShot(0, self._open_first_article)  # next turn: no long single slice

    def _open_first_article(self) -> None:
        """After an import into an empty view, unless the reader opened one meanwhile."""
        if self.reader.article is None and self.tree_model.article_ids():
            self.open_article(self.tree_model.article_ids()[0])

    # --- appearance -------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication

        self.theme = theme_named(name)
        self.settings.set("theme", self.theme.name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.reader.set_theme(self.theme)
        if hasattr(self, "review"):
            self.review.refresh_marks()

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
        """Let a running import finish, remember the view, close the library.

        Safe to call twice: on closing the window and when the application quits.
        An import is not cancelled here: what the user asked to import lands.
        """
        if self.imports.busy():
            self.imports.wait()
        if self.library is None:
            return
        save_window(self)
        self._close_library()
        self.settings.sync()
