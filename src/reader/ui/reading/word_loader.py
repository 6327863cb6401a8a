"""jieba's dictionary, loaded in a job so the window paints first; the library's own
words (the user dictionary) added once it has loaded, or at once when they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.ui.reading.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.ui.jobs import Job
    from reader.ui.session import Session


class WordLoader(QObject):
    def __init__(self, session: Session, pane: ReadingPane) -> None:
        super().__init__(pane)
        self._session = session
        self._pane = pane

    def load(self) -> None:
        def work(_job: Job) -> None:
            from reader.core.notes import words

            words.load()

        self._session.jobs.run(
            "jieba",
            work,
            lambda _: self.ready(),
            error_title=self.tr("Word segmentation is unavailable"),
        )

    def ready(self) -> None:
        """jieba has loaded: word-aware selection, with the library's own words."""
        from reader.core.notes import words
        from reader.core.notes.tags import user_words

        if self._session.library is not None:
            words.add_user_words(user_words(self._session.library))
        self._pane.set_word_spans(words.word_spans)
        self.apply_snap()
        self._session.notify(
            self.tr("Chinese words are known now: a double click selects one."), 4000
        )

    def apply_snap(self) -> None:
        self._pane.set_snap_to_words(self._session.settings.text("snapToWords", "false") == "true")

    def apply_user_words(self, added: list[str], removed: list[str]) -> None:
        """New words take effect at once (once jieba has loaded; else when it does)."""
        from reader.core.notes import words

        if words.is_loaded():
            words.add_user_words(sorted(added))
            words.remove_user_words(sorted(removed))
