"""The window's remembered view: geometry, docks, splitters, source view, font, theme.

The window opens at its preferred size where the screen has room for it, and never
larger than the screen's available area, so the docks and the status bar are on it;
a remembered geometry is kept on the screen too (after a smaller monitor, say).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSignalBlocker, QSize, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


PREFERRED_SIZE = QSize(1280, 820)


def available_area(widget: QWidget) -> QRect:
    """The screen's area less its panels and docks: where the window may go."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 820)


def fit_on_screen(frame: QRect, frame_extra: QSize, available: QRect) -> QRect:
    """The window's frame rectangle, shrunk to ``available`` and moved inside it.

    ``frame_extra`` is what the window manager's frame adds to the client area."""
    limit = QSize(available.width(), available.height())
    size = frame.size().boundedTo(limit).expandedTo(frame_extra + QSize(1, 1))
    x = min(max(frame.x(), available.x()), available.x() + available.width() - size.width())
    y = min(max(frame.y(), available.y()), available.y() + available.height() - size.height())
    return QRect(QPoint(x, y), size)


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move the window so that all of it, frame included, is on its screen."""
    if window.isMaximized() or window.isFullScreen():
        return
    geometry, frame = window.geometry(), window.frameGeometry()
    extra = frame.size() - geometry.size()
    fitted = fit_on_screen(frame, extra, available_area(window))
    if fitted != frame:
        window.resize(fitted.size() - extra)
        window.move(fitted.topLeft())  # move() places the frame


class _OnScreenWhenShown(QObject):
    """Once shown, the window manager's frame is known: fit the frame too. Not when
    someone gave the window another size meanwhile (that size is theirs)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window, self._size = window, window.size()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show:
            self._window.removeEventFilter(self)
            if self._window.size() == self._size:
                QTimer.singleShot(0, lambda: keep_on_screen(self._window))
            self.deleteLater()
        return False


def first_size(window: QWidget) -> None:
    """The preferred size where the screen has room for it, centred; else the screen's."""
    available = available_area(window)
    extra = window.frameGeometry().size() - window.geometry().size()
    frame = QRect(QPoint(0, 0), PREFERRED_SIZE + extra)
    frame.moveCenter(available.center())
    fitted = fit_on_screen(frame, extra, available)
    window.resize(fitted.size() - extra)
    window.move(fitted.topLeft())
    _OnScreenWhenShown(window)


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
        keep_on_screen(window)
        _OnScreenWhenShown(window)
    state = window.settings.bytes("windowState")
    if state is not None:
        window.restoreState(state)
        # a search is not kept from one session to the next: its panel would open empty,
        # taking a third of a small window's height from the text
        window.search_dock.hide()
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
            window.room.settle()  # the widths the reader left


def save_window(window: MainWindow) -> None:
    window.settings.set("geometry", window.saveGeometry())
    window.settings.set("windowState", window.saveState())
    window.settings.set("mainSplitter", window.splitter.saveState())
    window.settings.set("readerSplitter", window.reader.splitter.saveState())
    window.settings.set("sourceVisible", "true" if window.reader.source.isVisible() else "false")
