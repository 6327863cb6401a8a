"""The tree filter's ``TitleIndex``, built off the UI thread when the outline changes.

Listing a 50,000-article library's 120,000 titles takes a few hundred milliseconds.
With a job runner it is done by a job a moment after an outline is shown
(``DEFER_MS``), so the first keystroke finds it ready. Not at once: the tree lays its
rows out and the window opens an article right after a new outline, and a worker
running Python beside them holds the interpreter lock half the time, doubling that
stall. A keystroke in the filter starts the job at once (``prepare``). Without a job
runner (a tree on its own) it is built on first use.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer

from reader.core.library.outline import SourceOutline
from reader.core.library.title_filter import TitleIndex
from reader.ui.jobs import JobRunner

KIND = "tree-titles"
DEFER_MS = 1500  # after a new outline: the tree's layout and the article open are done


class TitleLoader:
    def __init__(
        self,
        jobs: JobRunner | None = None,
        defer_ms: int = DEFER_MS,
        parent: QObject | None = None,
    ) -> None:
        self._jobs = jobs
        self._index: TitleIndex | None = None
        self._outline: tuple[str, Sequence[SourceOutline]] = ("", ())
        self._wanted = 0  # the outline whose index is still wanted
        self._started = 0  # the outline whose job was started
        # owned by ``parent`` (the tree), on the UI thread: a job's callback may hold the
        # last reference to this loader and drop it on its worker thread
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(defer_ms)
        self._timer.timeout.connect(self.prepare)

    def set_outline(self, name: str, outline: Sequence[SourceOutline]) -> None:
        self._index = None
        self._outline = (name, outline)
        self._wanted += 1
        if self._jobs is not None:
            self._timer.start()

    def prepare(self) -> None:
        """Start listing the titles now, unless they are listed or being listed."""
        self._timer.stop()
        if self._jobs is None or self._index is not None or self._started == self._wanted:
            return
        wanted, (name, outline) = self._wanted, self._outline
        self._started = wanted
        self._jobs.run(
            KIND,
            lambda _job: TitleIndex(name, outline).fold_all(),  # folded here, not on a keystroke
            lambda index: self._done(wanted, index),
            replace=True,
        )

    def _done(self, wanted: int, index: TitleIndex) -> None:
        if wanted == self._wanted and self._index is None:
            self._index = index

    def ready(self) -> bool:
        """Built for the outline shown (a keystroke would not build it)."""
        return self._index is not None

    def listing(self) -> bool:
        """A job is listing the titles of the outline shown: they are ready soon."""
        return (
            self._index is None
            and self._started == self._wanted
            and self._jobs is not None
            and self._jobs.busy(KIND)
        )

    def index(self) -> TitleIndex:
        if self._index is None:
            self._index = TitleIndex(*self._outline)
        return self._index
