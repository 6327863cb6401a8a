"""The Team menu: merge annotators' work, agreement, adjudication, the report and its charts.

Imported at start-up, so it imports nothing of ``reader.core.team`` (nor numpy or
krippendorff): each view is loaded the first time its action runs. It is given
the session and the reader view, never the window; the window places the
adjudication dock it offers (``dockCreated``) and answers its intents.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QWidget

from reader.ui.reading.reader_view import ReaderView
from reader.ui.session import Session

if TYPE_CHECKING:
    from reader.ui.team.adjudication import AdjudicationView
    from reader.ui.team.agreement_view import AgreementView
    from reader.ui.team.charts import ChartsDialog
    from reader.ui.team.merging import Merger

MERGE_PATTERNS = "(*.sqlite3 *.db *.sqlite *.jsonl *.jsonld *.json *.xmi *.zip)"


class TeamMenu(QObject):
    articleRequested = Signal(int, int)  # article id, offset: open it there
    annotationsChanged = Signal(int)  # article id whose annotations changed
    libraryChanged = Signal()  # annotations were merged in: refresh what shows them
    dockCreated = Signal(QDockWidget)  # the agreement or adjudication dock, made on first use

    def __init__(self, session: Session, reader: ReaderView, parent: QWidget) -> None:
        super().__init__(parent)
        self._session, self._reader, self._parent = session, reader, parent
        self.merger: Merger | None = None
        self.agreement: AgreementView | None = None
        self.agreement_dock: QDockWidget | None = None
        self.adjudication: AdjudicationView | None = None
        self.dock: QDockWidget | None = None
        self.charts: ChartsDialog | None = None
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (
            ("merge", self.tr("Merge annotator work…"), self.choose_merge),
            ("agreement", self.tr("Agreement…"), self.open_agreement),
            ("adjudicate", self.tr("Adjudicate this article"), self.adjudicate_current),
            ("charts", self.tr("Team charts…"), self.open_charts),
            ("report", self.tr("Team report…"), self.choose_report),
        ):
            action = QAction(text, parent)
            action.triggered.connect(slot)
            self.actions[key] = action

    def title(self) -> str:
        return self.tr("&Team")

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.actions["merge"])
        menu.addSeparator()
        menu.addAction(self.actions["agreement"])
        menu.addAction(self.actions["adjudicate"])
        menu.addSeparator()
        menu.addAction(self.actions["charts"])
        menu.addAction(self.actions["report"])

    # --- merge ------------------------------------------------------------------------
    def merger_(self) -> Merger:
        if self.merger is None:
            from reader.ui.team.merging import Merger

            self.merger = Merger(self._session, self._parent)
            self.merger.merged.connect(lambda _summary: self.libraryChanged.emit())
        return self.merger

    def choose_merge(self) -> None:
        if self._session.library_path is None:
            return
        settings = self._session.settings
        # lupdate reads no tr() inside an f-string
        named, every = self.tr("Libraries and notes"), self.tr("All files")
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Merge annotator work"),
            settings.start_folder(),
            f"{named} {MERGE_PATTERNS};;{every} (*)",
        )
        if path:
            settings.remember_folder(path)
            self.merge(Path(path))

    def merge(self, path: Path, as_name: str | None = None) -> bool:
        return self.merger_().start(path, as_name)

    # --- agreement ----------------------------------------------------------------------
    def open_agreement(self) -> AgreementView | None:
        if self._session.library_path is None:
            return None
        if self.agreement is None:
            from reader.ui.team.agreement_view import AgreementView

            self.agreement_dock = QDockWidget(self.tr("Agreement"), self._parent)
            self.agreement_dock.setObjectName("agreementDock")
            self.agreement = AgreementView(self._session, self.agreement_dock)
            self.agreement.passageRequested.connect(self.show_passage)
            self.agreement_dock.setWidget(self.agreement)
            self.dockCreated.emit(self.agreement_dock)
        assert self.agreement_dock is not None
        _bring_up(self.agreement_dock)
        self.agreement.compute()
        return self.agreement

    def show_passage(self, article_id: int, start: int, end: int) -> None:
        """The route a search hit takes: open the article there, then select the passage."""
        self.articleRequested.emit(article_id, start)
        article = self._reader.article
        if article is not None and article.id == article_id:
            self._reader.show_passage(start, end)
            self._reader.pane.set_find_hits([(start, end)], 0)

    # --- adjudication ---------------------------------------------------------------------
    def adjudicate_current(self) -> AdjudicationView | None:
        article = self._reader.article
        if article is None or self._session.library is None:
            self._session.notify(self.tr("Open an article to adjudicate first."))
            return None
        if self.adjudication is None:
            from reader.ui.team.adjudication import AdjudicationView

            self.dock = QDockWidget(self.tr("Adjudication"), self._parent)
            self.dock.setObjectName("adjudicationDock")
            self.adjudication = AdjudicationView(self._session, self._reader, self.dock)
            self.adjudication.articleRequested.connect(self.articleRequested)
            self.adjudication.annotationsChanged.connect(self.annotationsChanged)
            self.dock.setWidget(self.adjudication)
            self.dockCreated.emit(self.dock)
        assert self.dock is not None
        _bring_up(self.dock)
        try:
            self.adjudication.set_article(article.id)
        except Exception as exc:
            self._session.errors.report(exc)
        return self.adjudication

    # --- report and charts -------------------------------------------------------------------
    def open_charts(self) -> ChartsDialog | None:
        if self._session.library_path is None:
            return None
        if self.charts is None:
            from reader.ui.team.charts import ChartsDialog

            self.charts = ChartsDialog(self._session, self._parent)
        _bring_up(self.charts)
        self.charts.load()
        return self.charts

    def choose_report(self) -> None:
        if self._session.library_path is None:
            return
        settings = self._session.settings
        path, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Save the team report"),
            settings.start_path("team-report.html"),
            "HTML (*.html)",
        )
        if path:
            settings.remember_folder(path)
            self.save_report(Path(path))

    def save_report(self, path: Path) -> None:
        from reader.ui.team.charts import report_language, write_report

        title = self.tr("Team report")
        language = report_language(self._session.settings.text("language", "system"))
        started = self._session.jobs.run(
            "report",
            lambda job: write_report(job, path, title, language),
            lambda saved: self._session.notify(
                self.tr("Team report saved: %1").replace("%1", str(saved))
            ),
            library=self._session.library_path,
            error_title=self.tr("Cannot save the team report"),
        )
        if started is None:
            self._session.notify(self.tr("The team report is being written already."))


def _bring_up(widget: QWidget) -> None:
    """Shown and in front. A dock tabbed with another is raised to its tab; a window is
    raised only when it was open already (the offscreen platform cannot raise one)."""
    if isinstance(widget, QDockWidget):
        widget.show()
        widget.raise_()
    elif widget.isVisible():
        widget.raise_()
    else:
        widget.show()
