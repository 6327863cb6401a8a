"""Imports as the window starts them and what follows one: the tree refreshed with the
worker's outline, a notice, and the first new article opened and shown in its source.

What is new is judged by the worker against the articles the library held when it
started (``ImportResult.first_new``), not against the tree: the tree may not show the
library yet (an import started before the start-up outline arrived).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from reader.ui.names import Names

OPEN_AFTER_MS = 20  # between the tree's refresh and the new article's opening

if TYPE_CHECKING:
    from reader.ui.dialogs.import_progress import ImportResult
    from reader.ui.window.main_window import MainWindow


def start(window: MainWindow, paths: list[Path], show_dialog: bool = True) -> None:
    """The one import path: menus, drag and drop, the welcome page, first start."""
    if window.library_path is None or not paths:
        return
    shown = window.tree_model.shown_outline()
    article = window.reader.article
    reading = article.id if article is not None else None
    if not window.imports.start(window.library_path, paths, show_dialog, shown, reading):
        window.notify(QCoreApplication.translate("MainWindow", "An import is already running."))
        return
    window.welcome.set_busy(True)  # until the job ends, done or failed (see ``ended``)


def ended(window: MainWindow, kind: str) -> None:
    """A job ended: after an import the welcome page offers its buttons again (an import
    of nothing, refused or failed leaves the library empty)."""
    if kind == "import":
        window.welcome.set_busy(False)


def finished(window: MainWindow, result: ImportResult) -> None:
    if result.library is not None and result.library != window.library_path:
        # another library was opened while it ran: its tree is not this outline
        window.notify(
            QCoreApplication.translate("MainWindow", "Import into %1 finished: %2")
            .replace("%1", result.library.name)
            .replace("%2", Names().import_summary(result.summary))
        )
        return
    window.refresh_tree(result.outline)
    window.search_panel.rerun()  # the hits listed may have more now
    window.notify(
        QCoreApplication.translate("MainWindow", "Import finished: %1").replace(
            "%1", Names().import_summary(result.summary)
        )
    )
    # the worker found them in its outline (the tree's order): no pass over 50,000 ids here
    first = result.first_new
    article = window.reader.article
    if first is None and article is None:
        first = result.first_article
    elif article is not None and article.id != window.imports.reading:
        first = None  # the reader opened another article meanwhile: they stay there
    if first is not None:
        # a turn of its own, after the event loop has breathed: the refresh and the opening
        # in one turn were one stall (50,000 articles: 95 ms)
        QTimer.singleShot(OPEN_AFTER_MS, window, lambda: _open_imported(window, first))


def _open_imported(window: MainWindow, article_id: int) -> None:
    """The first new article, opened and shown in its source in the tree; if the tree's
    filter hides it, the status bar says so."""
    if window.tree_model.has_article(article_id):
        window.open_article(article_id)
        window.library_tree.reveal(article_id)
        if not window.library_tree.shows(article_id):  # alone: the status bar is short
            window.notify(
                QCoreApplication.translate("MainWindow", "The tree's filter hides the new article.")
            )
