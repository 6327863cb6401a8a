"""The desktop application. The only module that builds a QApplication."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# bench/startup_bench.py sets this: print the time of the first paint, then quit.
PROBE_ENV = "READER_PROBE_FIRST_PAINT"


def _peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM, Linux; 0 elsewhere): bench/scale.py reads it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _probe_first_paint(app: Any, window: Any) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint {time.monotonic():.6f} {_peak_rss_mb():.1f}", flush=True)
                watched.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    probe = Probe(window)
    window.installEventFilter(probe)


def run_app(argv: Sequence[str] | None = None, library: Path | None = None) -> int:
    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.paths import default_library_path
    from reader.ui.i18n import install_translators
    from reader.ui.settings import WindowSettings
    from reader.ui.theme import apply_ui_font
    from reader.ui.window.main_window import MainWindow

    app = QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName("reader-annotator")
    app.setApplicationName("Reader")
    apply_ui_font(app)  # the one place the UI's font is set
    settings = WindowSettings()
    translators = install_translators(app, settings.text("language", "system"))
    window = MainWindow(settings)
    window.errors.install_excepthook()
    app.aboutToQuit.connect(window.shutdown)
    path = library or Path(settings.text("lastLibrary", "") or default_library_path())
    first_run = not path.exists()
    # the tree's outline is read by a job: the last article is painted without waiting
    if not window.open_library_at(path, create=True, tree_later=True) and (
        path != default_library_path()
    ):
        window.open_library_at(default_library_path(), create=True)
    if os.environ.get(PROBE_ENV):
        _probe_first_paint(app, window)
    window.show()
    if first_run and window.library is not None:
        QTimer.singleShot(0, window.import_samples)  # the embedded sample library
    QTimer.singleShot(0, window.load_words)  # a job, after the first paint
    code = app.exec()
    window.shutdown()  # done at aboutToQuit already: jobs closed, library closed
    # the window before the application, in that order, not in whatever order the
    # frame's locals go
    shiboken6.delete(window)
    del window, translators
    return int(code)
