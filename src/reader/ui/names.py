"""What the core names in English, as the user reads it: colours, review statuses,
import and notes-import summaries. One translation context, ``Names``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from reader.core.exchange.notes_import import NotesSummary
    from reader.core.ingest.importer import ImportSummary


class Names(QObject):
    """Translated names; make one where needed (it holds nothing)."""

    def colour(self, name: str) -> str:
        names = {
            "yellow": self.tr("yellow"),
            "green": self.tr("green"),
            "blue": self.tr("blue"),
            "pink": self.tr("pink"),
            "orange": self.tr("orange"),
            "purple": self.tr("purple"),
            "teal": self.tr("teal"),
            "grey": self.tr("grey"),
        }
        return names.get(name, name)

    def status(self, status: str) -> str:
        names = {
            "unread": self.tr("Unread"),
            "in_progress": self.tr("In progress"),
            "reviewed": self.tr("Reviewed"),
            "needs_changes": self.tr("Needs changes"),
        }
        return names.get(status, status)

    def export_labels(self) -> dict[str, str]:
        """The Markdown export's words in the UI's language."""
        from reader.core.notes.vocab import COLOURS, REVIEW_STATUSES

        labels = {
            "Source": self.tr("Source"),
            "Review status": self.tr("Review status"),
            "Review report": self.tr("Reader review report"),
            "colour": self.tr("colour"),
            "orphaned": self.tr("orphaned"),
            "anchored": self.tr("anchored"),
            "moved": self.tr("moved"),
        }
        columns = (  # the Excel sheet's header row (CSV keeps its names, for tools)
            ("article", self.tr("Article")),
            ("section", self.tr("Section")),
            ("quote", self.tr("Quote")),
            ("prefix", self.tr("Before")),
            ("suffix", self.tr("After")),
            ("start", self.tr("Start")),
            ("end", self.tr("End")),
            ("tags", self.tr("Tags")),
            ("note", self.tr("Note")),
            ("colour", self.tr("Colour")),
            ("annotator", self.tr("Annotator")),
            ("created", self.tr("Created")),
            ("updated", self.tr("Updated")),
            ("review status", self.tr("Review status")),
            ("anchor", self.tr("Anchor")),
        )
        labels.update({f"column:{name}": word for name, word in columns})
        labels.update({name: self.colour(name) for name in COLOURS})
        labels.update({status: self.status(status) for status in REVIEW_STATUSES})
        return labels

    def import_summary(self, summary: ImportSummary) -> str:
        from reader.core.ingest.importer import Outcome

        line = (
            self.tr("%1 imported, %2 unchanged, %3 updated, %4 refused")
            .replace("%1", str(summary.count(Outcome.IMPORTED)))
            .replace("%2", str(summary.count(Outcome.UNCHANGED)))
            .replace("%3", str(summary.count(Outcome.UPDATED)))
            .replace("%4", str(summary.count(Outcome.REFUSED)))
        )
        return self.tr("cancelled: %1").replace("%1", line) if summary.cancelled else line

    def notes_summary(self, summary: NotesSummary) -> str:
        return (
            self.tr("%1 imported, %2 merged, %3 orphaned, %4 skipped")
            .replace("%1", str(summary.imported))
            .replace("%2", str(summary.merged))
            .replace("%3", str(summary.orphaned))
            .replace("%4", str(len(summary.skipped)))
        )
