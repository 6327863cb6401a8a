"""File → Export notes…: format, scope, filters, a preview; the export runs off the UI thread."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError, WouldReplaceError
from reader.core.exchange import exporting, notes_import
from reader.core.exchange.exporting import BRIDGES, FORMATS, SUFFIXES, ExportFilter
from reader.core.exchange.notes_import import NotesSummary
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.core.notes.vocab import COLOURS, REVIEW_STATUSES
from reader.ui.error_text import translate_message, with_reason
from reader.ui.names import Names

if TYPE_CHECKING:
    from reader.ui.jobs import Job
    from reader.ui.session import Session

Labels = Mapping[str, str]
PREVIEW_LINES = 40
PREVIEW_ARTICLES = 3


@dataclass(frozen=True)
class Preview:
    fmt: str
    text: str  # the first lines of the rendering, or a description
    annotations: int  # among the articles read
    articles: int  # read


def _preview(job: Job, fmt: str, wanted: ExportFilter, full_text: bool, labels: Labels) -> Preview:
    """The first few articles only; a Word preview needs the totals, so reads them all."""
    binary = fmt in exporting.BINARY_FORMATS
    limit = None if binary else PREVIEW_ARTICLES
    items = exporting.collect(job.library, wanted, limit=limit)
    count = sum(len(i.notes) for i in items)
    if binary:
        text = ""  # described with its counts on the UI thread
    else:
        data = exporting.render(fmt, items, full_text=full_text, labels=labels)
        text = data.decode("utf-8-sig")
        if fmt != "html":  # an HTML page is shown rendered, whole (three articles at most)
            text = "\n".join(text.splitlines()[:PREVIEW_LINES])
    return Preview(fmt, text, count, len(items))


def _export(
    job: Job,
    path: Path,
    fmt: str,
    wanted: ExportFilter,
    full_text: bool,
    labels: Labels,
    overwrite: bool,
) -> int:
    items = exporting.collect(job.library, wanted)
    return exporting.write_export(
        path, fmt, items, full_text=full_text, labels=labels, overwrite=overwrite
    )


@dataclass(frozen=True)
class ArticleChoice:
    """The scopes' articles when the dialog opens."""

    current: int | None  # the article in the reading pane
    selected: tuple[int, ...]  # the articles selected in the tree


class ExportDialog(QDialog):
    previewShown = Signal()
    exportEnded = Signal(bool)  # written

    def __init__(self, session: Session, choice: ArticleChoice, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export notes"))
        self._choice = choice
        self._jobs = session.jobs
        self._errors = session.errors
        self._library_path = session.library_path
        self._session_notify = session.notify
        self._settings = session.settings
        library = session.require_library()
        self.format = QComboBox(self)
        labels = {
            "markdown": "Markdown",
            "obsidian": self.tr("Obsidian (a folder, one note per article)"),
            "csv": self.tr("CSV (for tools)"),
            "xlsx": "Excel (.xlsx)",
            "docx": "Word (.docx)",
            "html": "HTML",
            "jsonl": "JSON Lines",
            "w3c": self.tr("W3C Web Annotation (JSON-LD)"),
            "hypothesis": "Hypothesis (JSON)",
        }
        for fmt in FORMATS:
            if fmt in BRIDGES:  # the annotation tools' formats: `reader export` (README)
                continue
            self.format.addItem(labels.get(fmt, fmt), fmt)
        self.full_text = QCheckBox(
            self.tr("The whole annotated text (Markdown; Word with comments)"), self
        )
        self.scope = QButtonGroup(self)
        scope_row = QHBoxLayout()
        for index, label in enumerate(
            (self.tr("Current article"), self.tr("Selected articles"), self.tr("Whole library"))
        ):
            button = QRadioButton(label, self)
            self.scope.addButton(button, index)
            scope_row.addWidget(button)
        self.scope.button(0 if choice.current is not None else 2).setChecked(True)
        self.tag = self._combo(self.tr("Any tag"), [t.name for t in tagset.list_tags(library)])
        names = Names()
        self._labels = names.export_labels()  # the Markdown export speaks the UI's language
        self.colour = self._combo(self.tr("Any colour"), list(COLOURS), names.colour)
        self.annotator = self._combo(self.tr("Anyone"), notes.annotators(library))
        self.status = self._combo(self.tr("Any status"), list(REVIEW_STATUSES), names.status)
        self.preview = QTextBrowser(self)  # HTML rendered, every other format as text
        self.preview.setOpenLinks(False)
        self.said = QLabel(self)  # nothing matches; the last export's file and size
        self.said.setWordWrap(True)
        self.said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.save = QPushButton(self.tr("Export…"), self)
        close = QPushButton(self.tr("Close"), self)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.full_text)
        form.addRow(self.tr("Articles:"), scope_row)
        form.addRow(self.tr("Tag:"), self.tag)
        form.addRow(self.tr("Colour:"), self.colour)
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow(self.tr("Review status:"), self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.save)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.said)
        layout.addLayout(buttons)
        self.resize(720, 640)
        for combo in (self.format, self.tag, self.colour, self.annotator, self.status):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.full_text.toggled.connect(self.refresh_preview)
        self.scope.idToggled.connect(self._scope_toggled)
        self.save.clicked.connect(self.choose_file)
        close.clicked.connect(self.reject)
        self._target: Path | None = None
        self.refresh_preview()

    def _scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.refresh_preview()

    def _combo(
        self, everything: str, values: list[str], label: Callable[[str], str] = str
    ) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(label(value), value)
        return combo

    def wanted(self) -> ExportFilter:
        scope = self.scope.checkedId()
        if scope == 0 and self._choice.current is not None:
            ids: tuple[int, ...] = (self._choice.current,)
        elif scope == 1:
            ids = self._choice.selected or (-1,)
        else:
            ids = ()
        value = lambda c: c.currentData() or None  # noqa: E731
        return ExportFilter(
            ids,
            tuple(filter(None, [value(self.tag)])),
            value(self.status),
            tuple(filter(None, [value(self.colour)])),
            tuple(filter(None, [value(self.annotator)])),
            self.format.currentData() in exporting.KEEPS_EVERY_LAYER,
        )

    def refresh_preview(self) -> None:
        """A job: the latest filter wins, an older preview's result is dropped."""
        fmt, wanted, full = self.format.currentData(), self.wanted(), self.full_text.isChecked()
        self.full_text.setEnabled(fmt in exporting.FULL_TEXT_FORMATS and fmt != "html")
        full = full and self.full_text.isEnabled()
        self._jobs.run(
            "export-preview",
            lambda job: _preview(job, fmt, wanted, full, self._labels),
            self._show_preview,
            library=self._library_path,
            on_failed=self._preview_failed,
            replace=True,
        )

    def _show_preview(self, preview: Preview) -> None:
        if preview.fmt == "html":  # the page is a light, print-friendly one, on any theme
            self.preview.setStyleSheet("QTextBrowser { background: #ffffff; color: #1f1f1f; }")
            self.preview.setHtml(preview.text)
        else:
            self.preview.setStyleSheet("")
            binary = preview.fmt in exporting.BINARY_FORMATS
            self.preview.setPlainText(self._described(preview) if binary else preview.text)
        self.save.setEnabled(preview.annotations > 0 or preview.fmt in ("markdown", "html"))
        self.said.setText(
            ""
            if preview.annotations
            else self.tr("No annotation matches: choose other articles or filters.")
        )
        self.previewShown.emit()

    def _described(self, preview: Preview) -> str:
        """A binary format's preview: what the file will hold."""
        what = (
            self.tr("An Excel workbook: %1 in %2.")
            if preview.fmt == "xlsx"
            else self.tr("A Word document: %1 in %2.")
        )
        return what.replace("%1", self.tr("%n annotation(s)", "", preview.annotations)).replace(
            "%2", self.tr("%n article(s)", "", preview.articles)
        )

    def _preview_failed(self, error: BaseException) -> None:
        if isinstance(error, ReaderError):  # e.g. the library went away: said in place
            self.preview.setPlainText(translate_message(str(error)))
        else:
            self.preview.clear()
            self._errors.report(error, self.tr("Export failed"))
        self.previewShown.emit()

    def choose_file(self) -> None:
        fmt = self.format.currentData()
        settings = self._settings
        if fmt in exporting.FOLDER_FORMATS:  # Obsidian: one note per article, in a folder
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Export notes"), settings.start_folder()
            )
            if folder:
                settings.remember_folder(folder)
                self.export_to(Path(folder))
            return
        path, _ = QFileDialog.getSaveFileName(  # the dialog itself asks before overwriting
            self,
            self.tr("Export notes"),
            settings.start_path(f"notes{SUFFIXES[fmt]}"),
            f"*{SUFFIXES[fmt]}",
        )
        if path:
            settings.remember_folder(path)
            target = Path(path)
            if not target.suffix:  # "notes": notes.md, as the file list shows only *.md
                target = target.with_name(target.name + SUFFIXES[fmt])
                if target.exists() and not self.ask_overwrite(target):
                    return
            try:  # a name promising another kind of file: said now, not after the work
                exporting.check_file_name(target, fmt)
            except ReaderError as error:
                self._errors.report(error, self.tr("Export failed"))
                return
            self.export_to(target)

    def ask_overwrite(self, path: Path) -> bool:
        """The save dialog asked of the name typed; the name with its suffix is asked of here."""
        answer = QMessageBox.question(
            self,
            self.tr("Export notes"),
            self.tr("%1 already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_to(self, path: Path, replace: bool = False) -> None:
        """Render and write in a job with its own connection; the window stays live.

        A file: the save dialog has asked before overwriting. A folder of notes
        (Obsidian): notes already there are replaced only once the reader agrees
        (``replace``), since they may have been changed there."""
        fmt, wanted, full = self.format.currentData(), self.wanted(), self.full_text.isChecked()
        full = full and self.full_text.isEnabled()
        overwrite = replace or fmt not in exporting.FOLDER_FORMATS
        job = self._jobs.run(
            "export",
            lambda job: _export(job, path, fmt, wanted, full, self._labels, overwrite),
            self._written,
            library=self._library_path,
            on_failed=self._failed,
        )
        if job is None:
            return
        self._target = path
        self.progress.show()
        self.save.setEnabled(False)

    def _idle(self) -> None:
        self.progress.hide()
        self.save.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, WouldReplaceError) and self._target is not None:
            if self.ask_replace(error.names):
                self.export_to(self._target, replace=True)
                return
            self.said.setText(self.tr("Not exported: the notes there are kept."))
        else:
            self._errors.report(error, self.tr("Export failed"))
        self.exportEnded.emit(False)

    def ask_replace(self, names: list[str]) -> bool:
        """Whether the notes of these names, in the folder chosen, may be replaced."""
        shown = "\n".join(names[:5]) + ("\n…" if len(names) > 5 else "")
        text = self.tr(
            "%n note(s) in this folder would be replaced by the export, and whatever was "
            "changed in them there would be lost:",
            "",
            len(names),
        )
        answer = QMessageBox.question(
            self,
            self.tr("Replace notes?"),
            f"{text}\n\n{shown}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _written(self, size: int) -> None:
        self._idle()
        done = (
            self.tr("Exported %1 (%2 bytes)")
            .replace("%1", str(self._target))
            .replace("%2", f"{size:,}")
        )
        self.said.setText(done)  # here, where the reader is looking, and in the status bar
        self._session_notify(done)
        self.exportEnded.emit(True)


def import_notes_dialog(
    session: Session, parent: QWidget, on_imported: Callable[[], None]
) -> Job | None:
    """Choose a notes file and import it in a job; ``on_imported`` refreshes the views."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ExportDialog", "Import notes"),
        session.settings.start_folder(),
        QCoreApplication.translate("ExportDialog", "Reader notes")
        + " (*.jsonl *.jsonld *.json *.docx *.xmi *.zip)",
    )
    if not path or session.library_path is None:
        return None
    session.settings.remember_folder(path)

    def work(job: Job) -> NotesSummary:
        return notes_import.import_notes(job.library, Path(path))

    def done(summary: NotesSummary) -> None:
        on_imported()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("ExportDialog", "Notes imported"),
            Names().notes_summary(summary),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        if summary.skipped:
            box.setDetailedText("\n".join(with_reason(w, why) for w, why in summary.skipped))
        box.open()

    return session.jobs.run(
        "notes-import",
        work,
        done,
        library=session.library_path,
        error_title=QCoreApplication.translate("ExportDialog", "Cannot import these notes"),
    )
