"""What the window's parts share, passed to each explicitly: never the window itself.

The library open on the UI thread, its path (jobs open their own connections
from it), the remembered settings, the one error reporter, the job runner and
the undo stack. Components tell the user things through ``notified``; the
window shows them on its status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from reader.core.errors import ReaderError
from reader.core.library.store import Library
from reader.ui.errors import ErrorReporter
from reader.ui.jobs import JobRunner
from reader.ui.settings import WindowSettings


class Session(QObject):
    notified = Signal(str, int)  # text, milliseconds on the status bar
    libraryChanged = Signal()  # another library (or none) is open: views of the last one go
    # annotations or tags changed other than by an edit on the undo stack: a merge of
    # others' work, notes imported, tags merged or renamed (figures made before are stale)
    notesChanged = Signal()

    def __init__(self, settings: WindowSettings, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.settings = settings
        self.errors = ErrorReporter(dialog_parent)
        self.jobs = JobRunner(self.errors, self)
        self.undo_stack = QUndoStack(self)
        self.library: Library | None = None
        self.library_path: Path | None = None

    def require_library(self) -> Library:
        if self.library is None:
            raise ReaderError("open a library first")
        return self.library

    def set_library(self, library: Library | None, path: Path | None) -> None:
        if self.library is not None and self.library is not library:
            self.library.close()
        self.library, self.library_path = library, path
        self.undo_stack.clear()  # undo steps belong to the library they changed
        self.libraryChanged.emit()

    def notify(self, text: str, msecs: int = 8000) -> None:
        self.notified.emit(text, msecs)
