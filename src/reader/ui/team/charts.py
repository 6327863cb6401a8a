"""The team report in the window: its SVG charts in a dialog, and saving the page.

Both gather the figures in a job (the agreement among them takes a while at
scale); the charts are the report's own inline SVG, drawn by QtSvg.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.library.store import describe_os_error, shorten_path
from reader.core.team.report import gather, render
from reader.ui.jobs import Job
from reader.ui.session import Session

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
SVG_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def report_language(setting: str) -> str:
    """The report's language: the UI's."""
    from reader.ui.i18n import chosen_language

    return "zh" if chosen_language(setting) == "zh_CN" else "en"


def report_charts(page: str) -> list[tuple[str, str]]:
    """(title, svg) of each chart of a rendered report, in page order."""
    found = []
    for chart in SVG.findall(page):
        title = SVG_TITLE.search(chart)
        found.append((title.group(1) if title else "", chart))
    return found


def write_report(job: Job, path: Path, title: str, language: str = "zh") -> Path:
    """The job: gather, render, and write the page atomically (beside it, then renamed)."""
    page = render(gather(job.library), title=title, lang=language)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ReaderError(f"{shorten_path(path)}: {describe_os_error(exc)}") from exc
    return path


class ChartsDialog(QDialog):
    """One tab a chart: tags per annotator, review progress, over time, agreement."""

    shown = Signal(int)  # how many charts arrived

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartsDialog")
        self.setWindowTitle(self.tr("Team charts"))
        self._session = session
        self.tabs = QTabWidget(self)
        self.waiting = QLabel(self.tr("Drawing the charts…"), self)
        self.charts: list[QSvgWidget] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)
        self.names = {
            "Tags per annotator": self.tr("Tags per annotator"),
            "Review progress": self.tr("Review progress per source"),
            "Annotations per day": self.tr("Annotations over time"),
            "Agreement (κ)": self.tr("Agreement (κ)"),
        }

    def load(self) -> None:
        if self._session.library_path is None:
            return
        title = self.tr("Team report")
        language = report_language(self._session.settings.text("language", "system"))
        self._session.jobs.run(
            "charts",
            lambda job: report_charts(render(gather(job.library), title=title, lang=language)),
            self.show_charts,
            library=self._session.library_path,
            error_title=self.tr("Team charts"),
            replace=True,
        )

    def show_charts(self, charts: list[tuple[str, str]]) -> None:
        self.tabs.clear()
        self.charts = []
        self.waiting.hide()
        for title, svg in charts:
            widget = QSvgWidget(self)
            widget.load(QByteArray(svg.encode("utf-8")))
            widget.setFixedSize(widget.renderer().defaultSize())
            area = QScrollArea(self)
            area.setWidget(widget)
            # the charts are drawn for paper: white under them, in the dark theme too
            area.setStyleSheet(
                "QScrollArea, QScrollArea > QWidget > QWidget { background: white; }"
            )
            self.tabs.addTab(area, self.names.get(title, title))
            self.charts.append(widget)
        self.shown.emit(len(charts))
