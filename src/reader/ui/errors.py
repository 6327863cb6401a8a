"""The one place errors reach the user: a dialog of one style, never a crash."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.errors import ReaderError
from reader.ui.error_text import translate_message

log = logging.getLogger("reader")


class ErrorReporter:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.shown: list[str] = []  # what was shown, for tests and the log

    def report(self, error: BaseException, title: str = "") -> None:
        if isinstance(error, ReaderError):  # the core's English, in the UI's language
            message = translate_message(str(error))
        else:  # a bug: say so plainly; the traceback goes to the log, not the dialog
            log.error("unexpected error", exc_info=error)
            message = QCoreApplication.translate(
                "ErrorReporter", "Something went wrong: %1. The details are in the log."
            ).replace("%1", str(error) or type(error).__name__)
        self.shown.append(message)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title or "Reader",
            message,
            QMessageBox.StandardButton.Ok,
            self.parent,
        )
        box.setObjectName("readerErrorBox")
        box.open()

    def install_excepthook(self) -> None:
        """Uncaught exceptions in slots become this dialog, not an abort."""

        def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
            traceback.print_exception(kind, value, tb)
            self.report(value)

        sys.excepthook = hook
