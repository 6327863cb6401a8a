"""The window's remembered view: geometry, docks, splitters, source view, font, theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QFont

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def restore_window(window: MainWindow) -> None:
    """Font, theme, geometry, docks, splitters and the source view, as last left."""
    from reader.ui.theme import default_reading_family

    font = QFont(window.settings.text("fontFamily", default_reading_family()))
    font.setPointSizeF(window.settings.number("fontSize", 13.0))
    window.set_reading_font(font)
    with QSignalBlocker(window.menus.font_chooser), QSignalBlocker(window.menus.font_size):
        window.menus.font_chooser.setCurrentFont(font)
        window.menus.font_size.setValue(round(font.pointSizeF()))
    window.set_theme(window.theme.name)
    geometry = window.settings.bytes("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = window.settings.bytes("windowState")
    if state is not None:
        window.restoreState(state)
    if window.settings.text("sourceVisible", "false") == "true":
        window.actions_["source"].setChecked(True)
        window.reader.set_source_visible(True)
    for splitter, key in (
        (window.splitter, "mainSplitter"),
        (window.reader.splitter, "readerSplitter"),
    ):
        saved = window.settings.bytes(key)
        if saved is not None:
            splitter.restoreState(saved)


def save_window(window: MainWindow) -> None:
    window.settings.set("geometry", window.saveGeometry())
    window.settings.set("windowState", window.saveState())
    window.settings.set("mainSplitter", window.splitter.saveState())
    window.settings.set("readerSplitter", window.reader.splitter.saveState())
    window.settings.set("sourceVisible", "true" if window.reader.source.isVisible() else "false")
