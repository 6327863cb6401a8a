"""Helpers for the Qt tests: a main window on a temporary library and settings file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def make_window(
    qtbot, tmp_path: Path, settings_file: Path | None = None, library: Path | None = None
):
    from reader.ui.settings import WindowSettings
    from reader.ui.window.main_window import MainWindow

    settings = WindowSettings(
        QSettings(str(settings_file or tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_library_at(library or tmp_path / "lib.sqlite3")
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window


def settle(qtbot, window) -> None:
    """The tree's titles job done, so a test waiting for the next job's end gets its own
    (started now: it waits a moment after a new outline otherwise)."""
    window.library_tree.prepare_filter()
    qtbot.waitUntil(lambda: not window.jobs.busy("tree-titles"), timeout=30_000)


def import_and_wait(qtbot, window, paths) -> object:
    with qtbot.waitSignal(window.imports.finished, timeout=120_000) as blocker:
        window.import_paths(list(paths), show_dialog=False)
    if window.tree_model.article_ids():  # the first article opens on the next turn
        qtbot.waitUntil(lambda: window.reader.article is not None)
    settle(qtbot, window)
    return blocker.args[0].summary


def type_chinese(widget, text: str) -> None:
    """Type as a Chinese input method does: a commit string (QTest only types ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def filter_tree(qtbot, tree, text: str) -> None:
    """Type a filter and wait for it to apply (it waits for a pause in the typing)."""
    tree.filter_edit.setText(text)
    qtbot.waitUntil(lambda: tree.applied_filter() == text)
