"""Imports as the window starts them and what follows one: the tree refreshed with the
worker's outline, a notice, and the first new article opened and shown in its source.

What is new is judged against the articles the library held when the import's worker
started (``ImportResult.before``), not against the tree: the tree may not show the
library yet (an import started before the start-up outline arrived).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from reader.ui.names import Names

if TYPE_CHECKING:
    from reader.ui.dialogs.import_progress import ImportResult
    from reader.ui.window.main_window import MainWindow


def start(window: MainWindow, paths: list[Path], show_dialog: bool = True) -> None:
    """The one import path: menus, drag and drop, the welcome page, first start."""
    if window.library_path is None or not paths:
        return
    shown = window.tree_model.shown_outline()
    if not window.imports.start(window.library_path, paths, show_dialog, shown):
        window.notify(QCoreApplication.translate("MainWindow", "An import is already running."))


def finished(window: MainWindow, result: ImportResult) -> None:
    window.refresh_tree(result.outline)
    window.notify(
        QCoreApplication.translate("MainWindow", "Import finished: %1").replace(
            "%1", Names().import_summary(result.summary)
        )
    )
    ids = window.tree_model.article_ids()
    new = [i for i in ids if i not in result.before]
    if new or (window.reader.article is None and ids):
        first = (new or ids)[0]
        QTimer.singleShot(0, lambda: _open_imported(window, first))  # next turn


def _open_imported(window: MainWindow, article_id: int) -> None:
    """The first new article, opened and shown in its source in the tree."""
    if window.tree_model.has_article(article_id):
        window.open_article(article_id)
        window.library_tree.reveal(article_id)
