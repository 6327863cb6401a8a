"""Import off the UI thread, with a progress dialog: files done / total, current file, Cancel.

The import is a job of the session's runner: it opens its own connection to the
library; WAL lets the window keep reading meanwhile. Cancel sets the job's
thread-safe flag, which the importer checks between files, so the library only
ever holds whole files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from reader.ui.error_text import with_reason
from reader.ui.names import Names

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.core.ingest.importer import ImportSummary
    from reader.core.library.outline import SourceOutline
    from reader.ui.jobs import Job
    from reader.ui.session import Session

KIND = "import"
LISTED_REFUSALS = 5  # refused files named in the box itself; the rest in its details
BOX_WIDTH = 460
INDEXING = "\0indexing"  # a progress report from the index batch, not from a file


@dataclass(frozen=True)
class ImportResult:
    summary: ImportSummary
    outline: list[SourceOutline]  # the tree's data, read by the worker, not the UI
    first_new: int | None = None  # in the outline's order, the first article not held before
    first_article: int | None = None  # the outline's first article
    library: Path | None = None  # the library imported into (another may be open by now)


def _import(job: Job, paths: list[Path], shown: Sequence[SourceOutline]) -> ImportResult:
    from reader.core.ingest import importer  # loads the parsers off the UI thread
    from reader.core.library.articles import newest_article_id
    from reader.core.library.outline import library_outline

    # what was there before, read from the library itself (the tree may not show it yet:
    # an import started before the start-up outline arrived). An article stored from now
    # on has a larger id: one look-up, not a set of every live id (50,000: 0.1 s)
    newest = newest_article_id(job.library)
    summary = importer.import_paths(
        job.library,
        paths,
        progress=lambda done, total, path: job.progress(done, total, path.name),
        cancelled=job.cancelled,
        indexing=lambda done, total: job.progress(done, total, INDEXING),
    )
    outline = library_outline(job.library, reuse=shown)
    ids = [article.id for source in outline for article in source.articles]
    first_new = next((i for i in ids if i > newest), None)
    return ImportResult(summary, outline, first_new, ids[0] if ids else None, job.library_path)


class ImportRunner(QObject):
    """Runs one import at a time and reports through ``finished``."""

    finished = Signal(ImportResult)

    def __init__(self, session: Session, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._session = session
        self._parent = dialog_parent
        self.dialog: QProgressDialog | None = None
        self.job: Job | None = None
        self._files = 1  # files in the running import
        self.reading: int | None = None  # the article open when the import started

    def busy(self) -> bool:
        return self._session.jobs.busy(KIND)

    def start(
        self,
        library_path: Path,
        paths: list[Path],
        show_dialog: bool = True,
        shown: Sequence[SourceOutline] = (),
        reading: int | None = None,
    ) -> bool:
        """``shown``: the outline the tree shows; the sources the import leaves as they
        were come back as the same objects, so the tree's refresh compares nothing.
        ``reading``: the article open now (if the reader opens another while the files go
        in, the import's end leaves them there)."""
        shown = tuple(shown)
        job = self._session.jobs.run(
            KIND,
            lambda job: _import(job, paths, shown),
            self._done,
            library=library_path,
            on_failed=self._failed,
            on_progress=self._progress,
        )
        if job is None:
            return False
        self.job, self.reading = job, reading
        if show_dialog:
            dialog = QProgressDialog(
                self.tr("Preparing the import…"), self.tr("Cancel"), 0, 0, self._parent
            )
            dialog.setObjectName("importProgress")
            dialog.setWindowTitle(self.tr("Importing"))
            # not modal: the window reads and searches while the files go in (the search
            # never waits for the import); a second import is refused, a quit waits for it
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(job.cancel)  # a plain call on this thread: no queue
            self.dialog = dialog
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def wait(self) -> None:
        """Block until the import ends (its current work done), then deliver its result."""
        self._session.jobs.wait(KIND)

    def _progress(self, done: int, total: int, name: str) -> None:
        dialog = self.dialog  # setValue() on a modal dialog runs the event loop, and
        if dialog is not None and name == INDEXING:  # the files are in: the bar goes on
            files = self._files  # through the index batch, past the files' part
            dialog.setLabelText(
                self.tr("Building the search index: %1 of %n article(s)", "", total).replace(
                    "%1", str(done)
                )
            )
            dialog.setMaximum(files + max(total, 1))
            dialog.setValue(files + done)
        elif dialog is not None:  # the import may finish (and drop the dialog) inside it
            self._files = max(total, 1)
            dialog.setMaximum(max(total, 1))
            dialog.setLabelText(
                self.tr("Imported %1 of %n file(s)\n%2", "", total)
                .replace("%1", str(done))
                .replace("%2", name)
            )
            dialog.setValue(done)

    def _close_dialog(self) -> None:
        self.job = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result: ImportResult) -> None:
        self._close_dialog()
        self.finished.emit(result)
        refused = result.summary.refused
        if refused:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Import finished"),
                self.tr("%n file(s) were refused.", "", len(refused)),
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            # a few refusals are read at once, by file name; every one, with its path, is
            # in the details
            shown = [with_reason(r.path.name or str(r.path), r.reason) for r in refused]
            more = len(shown) - LISTED_REFUSALS
            lines = shown[:LISTED_REFUSALS] + (
                [self.tr("… and %n more (Show Details…)", "", more)] if more > 0 else []
            )
            box.setInformativeText(
                Names().import_summary(result.summary) + "\n\n" + "\n".join(lines)
            )
            box.setDetailedText("\n".join(with_reason(str(r.path), r.reason) for r in refused))
            _widen(box, BOX_WIDTH)  # a summary line and a reason each on one line
            box.open()

    def _failed(self, error: BaseException) -> None:
        self._close_dialog()
        self._session.errors.report(error, self.tr("Import failed"))


def _widen(box: QMessageBox, width: int) -> None:
    """At least ``width`` px wide: Qt sizes a message box by its first line, and the
    summary then wrapped after every comma."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
