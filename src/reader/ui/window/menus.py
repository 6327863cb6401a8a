"""Menus, toolbar and shortcuts of the main window; file dialogs they open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QFileDialog, QFontComboBox, QMenu, QSpinBox, QToolBar

from reader.ui.window import navigation

if TYPE_CHECKING:
    from reader.ui.annotate.review import Review
    from reader.ui.window.main_window import MainWindow

TEXT_PATTERNS = "(*.txt *.md *.markdown *.text)"
LIBRARY_PATTERNS = "(*.sqlite3 *.db *.sqlite)"


class WindowMenus(QObject):
    """Builds the menus and toolbar; its own translation context is ``WindowMenus``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.font_chooser = QFontComboBox()
        self.font_size = QSpinBox()

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def build(self) -> dict[str, QAction]:
        window, a = self.window, self.actions
        menu = self.menus["file"] = window.menuBar().addMenu(self.tr("&File"))
        a["new"] = self._action(self.tr("New library…"), self.new_library)
        a["open"] = self._action(
            self.tr("Open library…"), self.open_library, QKeySequence.StandardKey.Open
        )
        menu.addAction(a["new"])
        menu.addAction(a["open"])
        recent = menu.addMenu(self.tr("Recent libraries"))
        recent.aboutToShow.connect(lambda: self._fill_recent(recent))
        menu.addSeparator()
        a["import_files"] = self._action(self.tr("Import files…"), self.import_files, "Ctrl+I")
        a["import_folder"] = self._action(
            self.tr("Import folder…"), self.import_folder, "Ctrl+Shift+I"
        )
        menu.addAction(a["import_files"])
        menu.addAction(a["import_folder"])
        menu.addSeparator()
        a["quit"] = self._action(self.tr("Quit"), window.close, QKeySequence.StandardKey.Quit)
        menu.addAction(a["quit"])

        menu = self.menus["edit"] = window.menuBar().addMenu(self.tr("&Edit"))
        a["copy"] = self._action(self.tr("Copy"), window.reader.copy, QKeySequence.StandardKey.Copy)
        a["find"] = self._action(
            self.tr("Find in article…"), window.reader.open_find, QKeySequence.StandardKey.Find
        )
        a["search"] = self._action(
            self.tr("Search the library…"), window.show_search, "Ctrl+Shift+F"
        )
        for key in ("copy", "find", "search"):
            menu.addAction(a[key])

        menu = self.menus["view"] = window.menuBar().addMenu(self.tr("&View"))
        a["source"] = self._action(
            self.tr("Show source"), window.reader.set_source_visible, "Ctrl+U", checkable=True
        )
        menu.addAction(a["source"])
        themes = menu.addMenu(self.tr("Theme"))
        group = QActionGroup(window)
        for name, label in (("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            action = self._action(
                label, lambda _=False, n=name: window.set_theme(n), checkable=True
            )
            action.setChecked(window.settings.text("theme", "light") == name)
            group.addAction(action)
            themes.addAction(action)
            a[f"theme_{name}"] = action
        a["bigger"] = self._action(
            self.tr("Larger text"), lambda: self._zoom(1), QKeySequence.StandardKey.ZoomIn
        )
        a["smaller"] = self._action(
            self.tr("Smaller text"), lambda: self._zoom(-1), QKeySequence.StandardKey.ZoomOut
        )
        menu.addAction(a["bigger"])
        menu.addAction(a["smaller"])
        languages = menu.addMenu(self.tr("Language"))
        lang_group = QActionGroup(window)
        choices = (("system", self.tr("System")), ("en", "English"), ("zh_CN", "简体中文"))
        for code, label in choices:
            action = self._action(
                label, lambda _=False, c=code: self._set_language(c), checkable=True
            )
            action.setChecked(window.settings.text("language", "system") == code)
            lang_group.addAction(action)
            languages.addAction(action)
            a[f"language_{code}"] = action

        menu = self.menus["go"] = window.menuBar().addMenu(self.tr("&Go"))
        for key, text, slot, shortcut in (
            (
                "next_article",
                self.tr("Next article"),
                lambda: window.step_article(1),
                "Ctrl+PgDown",
            ),
            (
                "previous_article",
                self.tr("Previous article"),
                lambda: window.step_article(-1),
                "Ctrl+PgUp",
            ),
            ("next_section", self.tr("Next section"), lambda: window.step_section(1), "Ctrl+]"),
            (
                "previous_section",
                self.tr("Previous section"),
                lambda: window.step_section(-1),
                "Ctrl+[",
            ),
            (
                "next_annotation",
                self.tr("Next annotation"),
                lambda: self._step_annotation(1),
                "Alt+]",
            ),
            (
                "previous_annotation",
                self.tr("Previous annotation"),
                lambda: self._step_annotation(-1),
                "Alt+[",
            ),
        ):
            a[key] = self._action(text, slot, shortcut)
            menu.addAction(a[key])
        self._toolbar()
        return a

    def _step_annotation(self, delta: int) -> None:
        window = self.window
        if not navigation.step_annotation(window, delta) and window.reader.article is not None:
            window.notify(
                self.tr("No annotation after this one.")
                if delta > 0
                else self.tr("No annotation before this one.")
            )

    def _toolbar(self) -> None:
        window, a = self.window, self.actions
        bar = QToolBar(self.tr("Reading"), window)
        bar.setObjectName("readingToolbar")
        bar.setMovable(False)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        fonts, size = self.font_chooser, self.font_size
        fonts.setParent(bar)
        fonts.setObjectName("fontChooser")
        size.setParent(bar)
        size.setObjectName("fontSize")
        size.setRange(8, 40)
        size.setSuffix(" pt")
        size.setValue(int(window.settings.number("fontSize", 13.0)))

        def apply() -> None:
            font = QFont(fonts.currentFont())
            font.setPointSizeF(float(size.value()))
            window.set_reading_font(font)

        fonts.currentFontChanged.connect(lambda _f: apply())
        size.valueChanged.connect(lambda _v: apply())
        bar.addWidget(fonts)
        bar.addWidget(size)
        bar.addSeparator()
        bar.addAction(a["source"])
        bar.addAction(a["search"])

    def add_review(self, review: Review) -> None:
        """The annotation and review actions, in their places."""
        window, a, r = self.window, self.actions, review.actions
        edit, file_menu = self.menus["edit"], self.menus["file"]
        first = edit.actions()[0]
        edit.insertActions(first, [r["undo"], r["redo"]])
        edit.insertSeparator(first)
        annotate = edit.addMenu(self.tr("Annotate"))
        annotate.aboutToShow.connect(lambda: review.fill_annotate_menu(annotate))
        file_menu.insertActions(a["quit"], [r["export"], r["import_notes"]])
        file_menu.insertSeparator(a["quit"])
        edit.addSeparator()
        edit.addAction(r["tags"])
        edit.addAction(r["settings"])
        self.menus["view"].addAction(review.dock.toggleViewAction())
        self.menus["view"].addAction(window.search_dock.toggleViewAction())
        for key, action in r.items():
            window.addAction(action)
            a[key] = action

    def _zoom(self, step: int) -> None:
        self.font_size.setValue(self.font_size.value() + step)

    def _set_language(self, code: str) -> None:
        self.set_language(code)

    def set_language(self, code: str) -> None:
        """The menu's choice or the settings dialog's: kept, and the menu shows it."""
        if self.window.settings.text("language", "system") == code:
            return
        self.window.settings.set("language", code)
        action = self.window.actions_.get(f"language_{code}")
        if action is not None:
            action.setChecked(True)
        self.window.notify(self.tr("The language changes when Reader restarts."), 10000)

    def _fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        current = self.window.library_path
        for path in self.window.settings.recent_libraries():
            if current is not None and Path(path) == current:
                continue  # open already: the menu lists where else to go
            action = menu.addAction(path)
            action.triggered.connect(
                lambda _=False, p=path: self.window.open_library_at(Path(p), False, True)
            )
        if menu.isEmpty():
            menu.addAction(self.tr("(none)")).setEnabled(False)

    def _filter(self, name: str, patterns: str) -> str:
        every = self.tr("All files")  # lupdate reads no tr() inside an f-string
        return f"{name} {patterns};;{every} (*)"

    def _library_filter(self) -> str:
        return self._filter(self.tr("Reader library"), LIBRARY_PATTERNS)

    def import_files(self) -> None:
        settings = self.window.settings
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import files"),
            settings.start_folder(),
            self._filter(self.tr("Text"), TEXT_PATTERNS),
        )
        if files:
            settings.remember_folder(files[0])
        self.window.import_paths([Path(f) for f in files])

    def import_folder(self) -> None:
        settings = self.window.settings
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Import folder"), settings.start_folder()
        )
        if folder:
            settings.remember_folder(str(Path(folder).parent))
            self.window.import_paths([Path(folder)])

    def new_library(self) -> None:
        settings = self.window.settings
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New library"),
            settings.start_path("library.sqlite3"),
            self._library_filter(),
        )
        if path:
            settings.remember_folder(path)
            self.window.open_library_at(Path(path), create=True)

    def open_library(self) -> None:
        settings = self.window.settings
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open library"), settings.start_folder(), self._library_filter()
        )
        if path:
            settings.remember_folder(path)
            self.window.open_library_at(Path(path), create=False, tree_later=True)
