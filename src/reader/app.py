"""The desktop application. The only module that builds a QApplication."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def run_app(argv: Sequence[str] | None = None, library: Path | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.paths import default_library_path
    from reader.ui.i18n import install_translators
    from reader.ui.jieba_loader import JiebaLoader
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import WindowSettings

    app = QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName("reader-annotator")
    app.setApplicationName("Reader")
    settings = WindowSettings()
    translators = install_translators(app, settings.text("language", "system"))
    window = MainWindow(settings)
    window.errors.install_excepthook()
    path = library or Path(settings.text("lastLibrary", "") or default_library_path())
    first_run = not path.exists()
    if not window.open_library_at(path, create=True) and path != default_library_path():
        window.open_library_at(default_library_path(), create=True)
    window.show()
    if first_run and window.library is not None:
        QTimer.singleShot(0, window.import_samples)  # the embedded sample library
    loader = JiebaLoader()
    loader.ready.connect(window.jieba_ready)
    loader.failed.connect(window.notify)
    QTimer.singleShot(0, loader.start)  # after the first paint
    code = app.exec()
    del translators
    return int(code)
