"""The tree's outline, read off the UI thread when a library opens at start-up.

The last article is opened and painted first; the outline (half a second for a
50,000-article library) is read by a job with its own connection, which makes the
tree's items for it too (``TreeRows``), and the tree fills in when it arrives. A
newer outline (an import's, a refresh) supersedes one still being read: its result
is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.library.outline import SourceOutline, library_outline
from reader.core.library.store import Library
from reader.ui.browse.tree_nodes import TreeRows
from reader.ui.jobs import JobRunner

Arrived = Callable[[Path, list[SourceOutline], TreeRows], None]


def _read(library: Library) -> tuple[list[SourceOutline], TreeRows]:
    outline = library_outline(library)
    return outline, TreeRows(outline)


class OutlineLoader:
    def __init__(self, jobs: JobRunner, arrived: Arrived) -> None:
        self._jobs = jobs
        self._arrived = arrived
        self._wanted = 0  # the one load whose result is still wanted

    def load(self, path: Path) -> None:
        self._wanted += 1
        wanted = self._wanted
        self._jobs.run(
            "outline",
            lambda job: _read(job.library),
            lambda read: self._done(wanted, path, *read),
            library=path,
            replace=True,
        )

    def drop(self) -> None:
        """A newer outline is shown: a load still running is not wanted."""
        self._wanted += 1

    def loading(self) -> bool:
        return self._jobs.busy("outline")

    def _done(self, wanted: int, path: Path, outline: list[SourceOutline], rows: TreeRows) -> None:
        if wanted == self._wanted:
            self._arrived(path, outline, rows)
