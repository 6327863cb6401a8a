"""Import off the UI thread, with a progress dialog: files done / total, current file, Cancel.

The worker opens its own connection to the library (SQLite connections are not
shared across threads); WAL lets the window keep reading meanwhile. A cancel
takes effect between files, so the library only ever holds whole files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.errors import ReaderError


class ImportWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object, object)  # ImportSummary, the library outline after it
    failed = Signal(object)  # ReaderError

    def __init__(self, library_path: Path, paths: list[Path]) -> None:
        super().__init__()
        self.library_path = library_path
        self.paths = paths
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @Slot()
    def run(self) -> None:
        from reader.core.ingest.importer import import_paths  # loads the parsers off the UI thread
        from reader.core.library.outline import library_outline
        from reader.core.library.store import open_library

        try:
            with open_library(self.library_path) as library:
                summary = import_paths(
                    library,
                    self.paths,
                    progress=lambda done, total, path: self.progress.emit(done, total, path.name),
                    cancelled=lambda: self._cancelled,
                )
                outline = library_outline(library)  # the tree's data, read here, not in the UI
        except ReaderError as exc:
            self.failed.emit(exc)
            return
        self.finished.emit(summary, outline)


class ImportRunner(QObject):
    """Runs one import at a time and reports through signals."""

    finished = Signal(object)  # ImportSummary
    outline_ready = Signal(object)  # list[SourceOutline], read by the worker
    failed = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self.dialog: QProgressDialog | None = None

    def busy(self) -> bool:
        return self._thread is not None

    def start(self, library_path: Path, paths: list[Path], show_dialog: bool = True) -> None:
        if self.busy():
            return
        thread = QThread(self)
        worker = ImportWorker(library_path, paths)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._progress)
        worker.finished.connect(self._done)
        worker.failed.connect(self._failed)
        self._thread, self._worker = thread, worker
        if show_dialog:
            dialog = QProgressDialog(
                self.tr("Preparing the import…"), self.tr("Cancel"), 0, 0, self._parent
            )
            dialog.setWindowTitle(self.tr("Importing"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(worker.cancel)
            self.dialog = dialog
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def wait(self, msecs: int = 600_000) -> None:
        """Block until the import ends (its current work done), then deliver its result."""
        if self._thread is None:
            return
        self._thread.quit()  # the thread's loop exits once the worker's run() returns
        self._thread.wait(msecs)
        QCoreApplication.sendPostedEvents()  # the worker's queued finished/failed signal

    def _progress(self, done: int, total: int, name: str) -> None:
        dialog = self.dialog  # setValue() on a modal dialog runs the event loop, and
        if dialog is not None:  # the import may finish (and drop the dialog) inside it
            dialog.setMaximum(max(total, 1))
            dialog.setLabelText(
                self.tr("Imported %1 of %2 files\n%3")
                .replace("%1", str(done))
                .replace("%2", str(total))
                .replace("%3", name)
            )
            dialog.setValue(done)

    def _finish(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread, self._worker = None, None

    def _done(self, summary: object, outline: object) -> None:
        self._finish()
        self.outline_ready.emit(outline)
        self.finished.emit(summary)

    def _failed(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)
