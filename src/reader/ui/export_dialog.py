"""File → Export notes…: format, scope, filters, a preview; the export runs off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from reader.core.errors import ReaderError
from reader.core.exchange.exporting import FORMATS, SUFFIXES, ExportFilter, collect, render
from reader.core.library.store import open_library
from reader.core.notes import tags as tagset
from reader.core.notes.vocab import COLOURS, REVIEW_STATUSES

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

PREVIEW_LINES = 40


class _Signals(QObject):
    done = Signal(object)  # bytes, or a ReaderError


class ExportDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export notes"))
        self.window_ = window
        self.format = QComboBox(self)
        labels = {
            "markdown": "Markdown",
            "csv": "CSV (Excel)",
            "docx": "Word (.docx)",
            "html": "HTML",
            "jsonl": "JSON Lines",
            "w3c": "W3C Web Annotation (JSON-LD)",
        }
        for fmt in FORMATS:
            self.format.addItem(labels[fmt], fmt)
        self.full_text = QCheckBox(self.tr("The whole annotated text (Markdown)"), self)
        self.scope = QButtonGroup(self)
        scope_row = QHBoxLayout()
        for index, label in enumerate(
            (self.tr("Current article"), self.tr("Selected articles"), self.tr("Whole library"))
        ):
            button = QRadioButton(label, self)
            self.scope.addButton(button, index)
            scope_row.addWidget(button)
        self.scope.button(0 if window.reader.article is not None else 2).setChecked(True)
        library = window.annotator.library
        self.tag = self._combo(self.tr("Any tag"), [t.name for t in tagset.list_tags(library)])
        self.colour = self._combo(self.tr("Any colour"), list(COLOURS))
        annotators = [
            r[0]
            for r in library.conn.execute(
                "SELECT DISTINCT annotator FROM annotations WHERE annotator != '' ORDER BY 1"
            )
        ]
        self.annotator = self._combo(self.tr("Anyone"), annotators)
        self.status = self._combo(self.tr("Any status"), list(REVIEW_STATUSES))
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
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
        layout.addLayout(buttons)
        self.resize(720, 640)
        for combo in (self.format, self.tag, self.colour, self.annotator, self.status):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.full_text.toggled.connect(self.refresh_preview)
        self.scope.idToggled.connect(self._scope_toggled)
        self.save.clicked.connect(self.choose_file)
        close.clicked.connect(self.reject)
        self.signals = _Signals(self)
        self.signals.done.connect(self._written)
        self._target: Path | None = None
        self.refresh_preview()

    def _scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.refresh_preview()

    def _combo(self, everything: str, values: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(value, value)
        return combo

    def wanted(self) -> ExportFilter:
        window = self.window_
        scope = self.scope.checkedId()
        if scope == 0 and window.reader.article is not None:
            ids: tuple[int, ...] = (window.reader.article.id,)
        elif scope == 1:
            ids = tuple(window.selected_article_ids()) or (-1,)
        else:
            ids = ()
        value = lambda c: c.currentData() or None  # noqa: E731
        return ExportFilter(
            ids,
            tuple(filter(None, [value(self.tag)])),
            value(self.status),
            tuple(filter(None, [value(self.colour)])),
            tuple(filter(None, [value(self.annotator)])),
        )

    def refresh_preview(self) -> None:
        fmt = self.format.currentData()
        self.full_text.setEnabled(fmt == "markdown")
        try:
            items = collect(self.window_.annotator.library, self.wanted())
            count = sum(len(i.notes) for i in items)
            if fmt == "docx":
                text = self.tr("A Word document: %1 annotations in %2 articles.")
            else:
                data = render(fmt, items[:3], full_text=self.full_text.isChecked())
                text = "\n".join(data.decode("utf-8-sig").splitlines()[:PREVIEW_LINES])
            self.preview.setPlainText(text.replace("%1", str(count)).replace("%2", str(len(items))))
            self.save.setEnabled(count > 0 or fmt == "markdown")
        except ReaderError as exc:
            self.preview.setPlainText(str(exc))

    def choose_file(self) -> None:
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(  # the dialog itself asks before overwriting
            self, self.tr("Export notes"), f"notes{SUFFIXES[fmt]}", f"*{SUFFIXES[fmt]}"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Render and write in a thread with its own connection; the window stays live."""
        self._target = path
        self.progress.show()
        self.save.setEnabled(False)
        fmt, wanted, full = self.format.currentData(), self.wanted(), self.full_text.isChecked()
        library_path = self.window_.annotator.library.path
        signals = self.signals

        def work() -> None:
            from reader.core.exchange.exporting import write_atomically

            try:
                with open_library(library_path) as library:
                    data = render(fmt, collect(library, wanted), full_text=full)
                write_atomically(path, data, overwrite=True)
                signals.done.emit(data)
            except ReaderError as exc:
                signals.done.emit(exc)

        self.worker = threading.Thread(target=work, name="export", daemon=True)
        self.worker.start()

    def _written(self, result: object) -> None:
        self.progress.hide()
        self.save.setEnabled(True)
        if isinstance(result, ReaderError):
            self.window_.errors.report(result, self.tr("Export failed"))
            return
        size = len(result) if isinstance(result, bytes) else 0
        self.window_.notify(
            self.tr("Exported %1 (%2 bytes)")
            .replace("%1", str(self._target))
            .replace("%2", f"{size:,}")
        )


def import_notes_dialog(window: MainWindow) -> None:
    from reader.core.exchange.notes_import import import_notes

    path, _ = QFileDialog.getOpenFileName(
        window, window.tr("Import notes"), "", "Reader notes (*.jsonl *.jsonld *.json)"
    )
    if not path or window.library is None:
        return
    try:
        summary = import_notes(window.library, Path(path))
    except ReaderError as exc:
        window.errors.report(exc, window.tr("Cannot import these notes"))
        return
    window.refresh_tree()
    window.review.refresh_marks()
    window.review.refresh_panel()
    box = QMessageBox(
        QMessageBox.Icon.Information,
        window.tr("Notes imported"),
        summary.line(),
        QMessageBox.StandardButton.Ok,
        window,
    )
    if summary.skipped:
        box.setDetailedText("\n".join(f"{where}: {why}" for where, why in summary.skipped))
    box.open()
