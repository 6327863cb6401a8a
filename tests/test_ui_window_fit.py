"""The window on a small screen: it opens inside the screen's available area, docks
and status bar included, and a remembered geometry is brought back onto it."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def _window(qtbot, settings_file):
    from reader.ui.settings import WindowSettings
    from reader.ui.window.main_window import MainWindow

    settings = WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    return window


def test_the_first_size_fits_the_screen(qtbot, tmp_path):
    window = _window(qtbot, tmp_path / "settings.ini")
    available = window.screen().availableGeometry()
    assert available.width() < 1280 or available.height() < 820  # offscreen: a small screen
    window.open_library_at(tmp_path / "lib.sqlite3")
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
    for part in (window.statusBar(), window.review.dock):
        assert part.isVisible()
        corner = part.mapToGlobal(part.rect().bottomRight())
        assert available.contains(corner)


def test_a_remembered_geometry_larger_than_the_screen_is_kept_on_it(qtbot, tmp_path):
    settings_file = tmp_path / "settings.ini"
    window = _window(qtbot, settings_file)
    window.open_library_at(tmp_path / "lib.sqlite3")
    window.show()
    window.setGeometry(600, 500, 1500, 1000)  # as left on a larger monitor
    qtbot.waitUntil(lambda: window.width() == 1500)
    window.close()
    again = _window(qtbot, settings_file)
    again.open_library_at(tmp_path / "lib.sqlite3")
    available = again.screen().availableGeometry()
    assert available.contains(again.frameGeometry())
    again.show()
    qtbot.waitUntil(lambda: available.contains(again.frameGeometry()))


def test_fit_on_screen_shrinks_and_moves_a_frame_inside():
    from PySide6.QtCore import QRect, QSize

    from reader.ui.window.view_state import fit_on_screen

    available = QRect(0, 30, 1000, 670)
    assert fit_on_screen(QRect(140, 30, 1280, 820), QSize(0, 0), available) == available
    assert fit_on_screen(QRect(900, 600, 400, 300), QSize(4, 28), available) == QRect(
        600, 400, 400, 300
    )
    assert fit_on_screen(QRect(100, 100, 400, 300), QSize(4, 28), available) == QRect(
        100, 100, 400, 300
    )
