"""An article's context menu in the tree: its review status, the current one checked;
a file's: the status of all its articles (checked when they all have it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.notes.vocab import REVIEW_STATUSES
from reader.ui.browse.status_icons import StatusIcons
from reader.ui.names import Names


def status_menu(
    parent: QWidget,
    icons: StatusIcons,
    current: str | None,
    chosen: Callable[[str], None],
    articles: int = 1,
) -> QMenu:
    """The menu; ``chosen(status)`` when the reader picks one. ``articles``: how many it
    sets (a file's row sets its articles')."""
    menu = QMenu(parent)
    if articles == 1:
        label = QCoreApplication.translate("LibraryTree", "Review status")
    else:
        label = QCoreApplication.translate(  # two or more: a plural in English
            "LibraryTree", "Review status of all its %1 articles"
        ).replace("%1", str(articles))
    statuses = menu.addMenu(label)
    group = QActionGroup(statuses)
    group.setExclusive(True)
    names = Names()
    for status in REVIEW_STATUSES:
        action = statuses.addAction(icons(status), names.status(status))
        action.setCheckable(True)
        action.setChecked(status == current)
        action.setData(status)
        group.addAction(action)
        action.triggered.connect(lambda _=False, s=status: chosen(s))
    return menu
