"""An article's context menu in the tree: its review status, the current one checked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.notes.vocab import REVIEW_STATUSES
from reader.ui.browse.status_icons import StatusIcons
from reader.ui.names import Names


def status_menu(
    parent: QWidget, icons: StatusIcons, current: str | None, chosen: Callable[[str], None]
) -> QMenu:
    """The menu; ``chosen(status)`` when the reader picks one."""
    menu = QMenu(parent)
    statuses = menu.addMenu(QCoreApplication.translate("LibraryTree", "Review status"))
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
