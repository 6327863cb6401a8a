"""Menus, toolbar and shortcuts of the main window; file dialogs they open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QFileDialog, QFontComboBox, QMenu, QSpinBox, QToolBar

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

TEXT_FILTER = "Text (*.txt *.md *.markdown *.text);;All files (*)"
LIBRARY_FILTER = "Reader library (*.sqlite3 *.db *.sqlite);;All files (*)"


def _action(window: MainWindow, text: str, slot: Callable[..., object],
            shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
            checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    tr = window.tr
    a: dict[str, QAction] = {}
    menu = window.menuBar().addMenu(tr("&File"))
    a["new"] = _action(window, tr("New library…"), lambda: new_library(window))
    a["open"] = _action(window, tr("Open library…"), lambda: open_library_dialog(window),
                        QKeySequence.StandardKey.Open)
    menu.addAction(a["new"])
    menu.addAction(a["open"])
    recent = menu.addMenu(tr("Recent libraries"))
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    menu.addSeparator()
    a["import_files"] = _action(window, tr("Import files…"), lambda: choose_import_files(window),
                                "Ctrl+I")
    a["import_folder"] = _action(window, tr("Import folder…"),
                                 lambda: choose_import_folder(window), "Ctrl+Shift+I")
    menu.addAction(a["import_files"])
    menu.addAction(a["import_folder"])
    menu.addSeparator()
    a["quit"] = _action(window, tr("Quit"), window.close, QKeySequence.StandardKey.Quit)
    menu.addAction(a["quit"])

    menu = window.menuBar().addMenu(tr("&Edit"))
    a["copy"] = _action(window, tr("Copy"), window.reader.pane.copy, QKeySequence.StandardKey.Copy)
    a["find"] = _action(window, tr("Find in article…"), window.reader.open_find,
                        QKeySequence.StandardKey.Find)
    a["search"] = _action(window, tr("Search the library…"), window.show_search, "Ctrl+Shift+F")
    for key in ("copy", "find", "search"):
        menu.addAction(a[key])

    menu = window.menuBar().addMenu(tr("&View"))
    a["source"] = _action(window, tr("Show source"), window.reader.set_source_visible, "Ctrl+U",
                          checkable=True)
    menu.addAction(a["source"])
    themes = menu.addMenu(tr("Theme"))
    group = QActionGroup(window)
    for name, label in (("light", tr("Light")), ("dark", tr("Dark"))):
        action = _action(window, label, lambda _=False, n=name: window.set_theme(n),
                         checkable=True)
        action.setChecked(window.settings.text("theme", "light") == name)
        group.addAction(action)
        themes.addAction(action)
        a[f"theme_{name}"] = action
    a["bigger"] = _action(window, tr("Larger text"), lambda: _zoom(window, 1),
                          QKeySequence.StandardKey.ZoomIn)
    a["smaller"] = _action(window, tr("Smaller text"), lambda: _zoom(window, -1),
                           QKeySequence.StandardKey.ZoomOut)
    menu.addAction(a["bigger"])
    menu.addAction(a["smaller"])
    languages = menu.addMenu(tr("Language"))
    lang_group = QActionGroup(window)
    for code, label in (("system", tr("System")), ("en", "English"), ("zh_CN", "简体中文")):
        action = _action(window, label, lambda _=False, c=code: _set_language(window, c),
                         checkable=True)
        action.setChecked(window.settings.text("language", "system") == code)
        lang_group.addAction(action)
        languages.addAction(action)

    menu = window.menuBar().addMenu(tr("&Go"))
    for key, text, slot, shortcut in (
        ("next_article", tr("Next article"), lambda: window.step_article(1), "Ctrl+PgDown"),
        ("previous_article", tr("Previous article"), lambda: window.step_article(-1),
         "Ctrl+PgUp"),
        ("next_section", tr("Next section"), lambda: window.step_section(1), "Ctrl+]"),
        ("previous_section", tr("Previous section"), lambda: window.step_section(-1), "Ctrl+["),
    ):
        a[key] = _action(window, text, slot, shortcut)
        menu.addAction(a[key])

    _toolbar(window, a)
    return a


def _toolbar(window: MainWindow, a: dict[str, QAction]) -> None:
    bar = QToolBar(window.tr("Reading"), window)
    bar.setObjectName("readingToolbar")
    bar.setMovable(False)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    fonts = QFontComboBox(bar)
    fonts.setObjectName("fontChooser")
    size = QSpinBox(bar)
    size.setObjectName("fontSize")
    size.setRange(8, 40)
    size.setSuffix(" pt")
    current = window.reader.pane.reading_font()
    fonts.setCurrentFont(current)
    size.setValue(int(window.settings.number("fontSize", 13.0)))

    def apply() -> None:
        font = QFont(fonts.currentFont())
        font.setPointSizeF(float(size.value()))
        window.set_reading_font(font)

    fonts.currentFontChanged.connect(lambda _f: apply())
    size.valueChanged.connect(lambda _v: apply())
    window.font_chooser, window.font_size = fonts, size
    bar.addWidget(fonts)
    bar.addWidget(size)
    bar.addSeparator()
    bar.addAction(a["source"])
    bar.addAction(a["search"])


def _zoom(window: MainWindow, step: int) -> None:
    window.font_size.setValue(window.font_size.value() + step)


def _set_language(window: MainWindow, code: str) -> None:
    window.settings.set("language", code)
    window.notify(window.tr("The language changes when Reader restarts."))


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for path in window.settings.recent_libraries():
        action = menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: window.open_library_at(Path(p), False))
    if menu.isEmpty():
        menu.addAction(window.tr("(none)")).setEnabled(False)


def choose_import_files(window: MainWindow) -> None:
    files, _ = QFileDialog.getOpenFileNames(window, window.tr("Import files"), "", TEXT_FILTER)
    window.import_paths([Path(f) for f in files])


def choose_import_folder(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(window, window.tr("Import folder"))
    if folder:
        window.import_paths([Path(folder)])


def new_library(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, window.tr("New library"), "library.sqlite3",
                                          LIBRARY_FILTER)
    if path:
        window.open_library_at(Path(path), create=True)


def open_library_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, window.tr("Open library"), "", LIBRARY_FILTER)
    if path:
        window.open_library_at(Path(path), create=False)
