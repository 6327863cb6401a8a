"""Load jieba's dictionary in the background: the window paints first."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class JiebaLoader(QObject):
    ready = Signal()
    failed = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._load, name="jieba-loader", daemon=True).start()

    def _load(self) -> None:
        try:
            from reader.core import words

            words.load()
        except Exception as exc:  # reported at the UI edge; the reader works without it
            self.failed.emit(str(exc))
            return
        self.ready.emit()
