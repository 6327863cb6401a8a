"""Load jieba's dictionary in the background: the window paints first."""

from __future__ import annotations

import contextlib
import threading

import shiboken6
from PySide6.QtCore import QObject, Signal, SignalInstance


class JiebaLoader(QObject):
    ready = Signal()
    failed = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._load, name="jieba-loader", daemon=True).start()

    def _load(self) -> None:
        try:
            from reader.core.notes import words

            words.load()
        except Exception as exc:  # reported at the UI edge; the reader works without it
            self._emit(self.failed, str(exc))
            return
        self._emit(self.ready)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        # The app may have quit while the dictionary loaded: then there is no one to tell.
        if shiboken6.isValid(self):
            with contextlib.suppress(RuntimeError):
                signal.emit(*args)
