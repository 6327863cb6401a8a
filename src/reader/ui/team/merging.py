"""Team → Merge annotator work…: another annotator's library or notes file, in a job.

When the file's annotations name no annotator, the user is asked whose they are
(the CLI's ``--as NAME``) before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from reader.core.exchange.notes_import import read_records
from reader.core.team.merge import MergeSummary, is_library_file, merge, read_library
from reader.ui.jobs import Job
from reader.ui.session import Session


@dataclass(frozen=True)
class NeedsName:
    nameless: int  # annotations without an annotator; nothing was written


def _merge(job: Job, path: Path, as_name: str | None) -> MergeSummary | NeedsName:
    if as_name is None:
        records = (
            read_library(path)
            if path.is_file() and is_library_file(path)
            else list(read_records(path))
        )
        nameless = sum(1 for r in records if not r.annotator.strip())
        if nameless:
            return NeedsName(nameless)
    return merge(job.library, path, as_name=as_name)


class Merger(QObject):
    merged = Signal(MergeSummary)  # once the library holds the work

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session, self._parent = session, parent
        self.ask_name = self._ask_name  # replaced in tests

    def start(self, path: Path, as_name: str | None = None) -> bool:
        session = self._session
        if session.library_path is None:
            return False
        job = session.jobs.run(
            "merge",
            lambda job: _merge(job, path, as_name),
            lambda result: self._done(path, result),
            library=session.library_path,
            error_title=self.tr("Cannot merge"),
        )
        if job is None:
            session.notify(self.tr("A merge is already running."))
        return job is not None

    def _done(self, path: Path, result: MergeSummary | NeedsName) -> None:
        if isinstance(result, NeedsName):
            name = self.ask_name(path, result.nameless)
            if name:
                self.start(path, name)
            return
        self._session.notify(self.summary_line(result), 15000)
        self.merged.emit(result)

    def _ask_name(self, path: Path, nameless: int) -> str:
        name, ok = QInputDialog.getText(
            self._parent,
            self.tr("Whose annotations?"),
            self.tr(
                "%n annotation(s) in %1 name no annotator. Whose are they?", "", nameless
            ).replace("%1", path.name),
        )
        return name.strip() if ok else ""

    def summary_line(self, s: MergeSummary) -> str:
        """The counts; what matched nothing is said only when there is some."""
        line = (
            self.tr("Merged: %1 new, %2 updated, %3 already present")
            .replace("%1", str(s.merged))
            .replace("%2", str(s.updated))
            .replace("%3", str(s.present))
        )
        if s.unmatched_articles or s.unmatched_annotations:
            line += self.tr("; %n article(s) matched none here", "", s.unmatched_articles)
            line += self.tr(" (%n annotation(s) not merged)", "", s.unmatched_annotations)
        return line
