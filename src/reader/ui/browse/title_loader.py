"""The tree filter's ``TitleIndex``, built off the UI thread when the outline changes.

Listing a 50,000-article library's 120,000 titles takes a few hundred milliseconds:
with a job runner it is done by a job as soon as an outline is shown, so the first
keystroke finds it ready. Without one (a tree on its own), or while the job still runs,
it is built on first use.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.library.outline import SourceOutline
from reader.core.library.title_filter import TitleIndex
from reader.ui.jobs import JobRunner

KIND = "tree-titles"


class TitleLoader:
    def __init__(self, jobs: JobRunner | None = None) -> None:
        self._jobs = jobs
        self._index: TitleIndex | None = None
        self._outline: tuple[str, Sequence[SourceOutline]] = ("", ())
        self._wanted = 0  # the outline whose index is still wanted

    def set_outline(self, name: str, outline: Sequence[SourceOutline]) -> None:
        self._index = None
        self._outline = (name, outline)
        self._wanted += 1
        if self._jobs is not None:
            wanted = self._wanted
            self._jobs.run(
                KIND,
                lambda _job: TitleIndex(name, outline),
                lambda index: self._done(wanted, index),
                replace=True,
            )

    def _done(self, wanted: int, index: TitleIndex) -> None:
        if wanted == self._wanted and self._index is None:
            self._index = index

    def ready(self) -> bool:
        """Built for the outline shown (a keystroke would not build it)."""
        return self._index is not None

    def index(self) -> TitleIndex:
        if self._index is None:
            self._index = TitleIndex(*self._outline)
        return self._index
