"""The Team menu placed in the window: its menu, its dock, and its intents answered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from reader.ui.team.menu import TeamMenu

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def place_team(window: MainWindow) -> TeamMenu:
    team = TeamMenu(window.session, window.reader, window)
    menu = window.menus.menus["team"] = window.menuBar().addMenu(team.title())
    team.fill(menu)
    for key, action in team.actions.items():
        window.actions_[f"team_{key}"] = action
    team.articleRequested.connect(window.open_article)
    team.annotationsChanged.connect(window.review.annotations_changed)
    team.libraryChanged.connect(window.notes_imported)

    def place(dock: QDockWidget) -> None:
        """Agreement under the text (beside the search results), adjudication beside
        the annotations panel."""
        if dock.objectName() == "agreementDock":
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            if window.search_dock.isVisible():
                window.tabifyDockWidget(window.search_dock, dock)
            window.resizeDocks([dock], [300], Qt.Orientation.Vertical)
        else:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            window.tabifyDockWidget(window.review.dock, dock)
        window.menu_named("view").addAction(dock.toggleViewAction())

    team.dockCreated.connect(place)
    return team
