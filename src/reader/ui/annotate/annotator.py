"""Annotating: intents from the pane, menus and panel become undoable library changes.

Every change is committed by the core at once; undo and redo are changes too.
"""

from __future__ import annotations

import functools
import getpass
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.errors import ReaderError
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import DEFAULT_COLOUR
from reader.ui.names import Names

if TYPE_CHECKING:
    from reader.core.library.store import Library
    from reader.ui.reading.reader_view import ReaderView
    from reader.ui.session import Session


class _Command(QUndoCommand):
    """A change and its inverse. A change the library refuses reports itself and is dropped
    (obsolete): push() calls redo() across C++, where an exception would be lost."""

    def __init__(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        report: Callable[[BaseException], None],
        revisit: Callable[[bool], None] = lambda undoing: None,
    ) -> None:
        super().__init__(text)
        self._do, self._undo, self._report = do, undo, report
        self._revisit = revisit  # before an undo or a redo: back to where it was done
        self._done = False

    def redo(self) -> None:
        if self._done:  # a redo, not the change itself (push() calls redo() too)
            self._revisit(False)
        self._done = True
        self._guard(self._do)

    def undo(self) -> None:
        self._revisit(True)
        self._guard(self._undo)

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # a refusal, or a bug: either way reported, not lost in C++
            self.setObsolete(True)
            self._report(exc)


class Annotator(QObject):
    """Pushes changes on the session's undo stack. ``changed`` carries the article whose
    annotations changed; a new annotation comes as ``created`` and its undoing as
    ``removed``, so that views add or take away one row and one mark."""

    changed = Signal(int)
    created = Signal(Annotation)  # made (or made again by redo), committed
    removed = Signal(int, list)  # article id, the ids of annotations no longer there
    statusChanged = Signal(int, str)
    tagsChanged = Signal()  # tags were added (the starter set, a key bound)
    unboundKey = Signal(str)  # a key 1–9 with no tag: offer to create one
    # An undo or redo of a change made in another article: open it (id, offset at the top).
    revisitRequested = Signal(int, int)

    def __init__(self, session: Session, reader: ReaderView) -> None:
        super().__init__(reader)
        self._session = session
        self._reader = reader

    # --- context ------------------------------------------------------------------
    @property
    def undo_stack(self) -> QUndoStack:
        return self._session.undo_stack

    @property
    def library(self) -> Library:
        return self._session.require_library()

    @property
    def annotator(self) -> str:
        return self._session.settings.text("annotator", "") or _user()

    @property
    def last_colour(self) -> str:
        return self._session.settings.text("lastColour", DEFAULT_COLOUR)

    def _selection(self) -> tuple[int, int, int] | None:
        article, pane = self._reader.article, self._reader.pane
        if article is None or not pane.textCursor().hasSelection():
            return None
        start, end = pane.selection_offsets()
        text = article.text  # a paragraph break or a space taken in at either end: left out
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (article.id, start, end) if end > start else None

    def same_span(self) -> Annotation | None:
        """The reader's own annotation whose passage the selection is, exactly (a row
        clicked in the list selects its passage): a note, tag or colour then goes to it,
        not to a second annotation on the same words."""
        target = self._selection()
        if target is None:
            return None
        _, start, end = target
        me = self.annotator
        for mark in self._reader.pane.annotations_at(start):
            a = mark.annotation
            if mark.start == start and mark.end == end and a.annotator in ("", me):
                return notes.get(self.library, a.id)
        return None

    def _let_go(self) -> None:
        """The passage is annotated: collapse the selection to its end (the floating bar
        goes with it), so the next drag selects anew instead of dragging the old text."""
        pane = self._reader.pane
        cursor = pane.textCursor()
        if cursor.hasSelection():
            cursor.setPosition(cursor.selectionEnd())
            pane.setTextCursor(cursor)

    def under_cursor(self) -> Annotation | None:
        pane, article = self._reader.pane, self._reader.article
        if article is None:
            return None
        offset = pane.offset_of(pane.textCursor().position())
        marks = pane.annotations_at(offset) or pane.annotations_at(max(0, offset - 1))
        if not marks:
            return None
        return notes.get(self.library, min(marks, key=lambda m: m.end - m.start).id)

    def _run(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        where: tuple[int, int] | None = None,
    ) -> None:
        """Push a change; undoing or redoing it later goes back to ``where`` (article id,
        offset at the top: by default the article open and the place shown) first."""
        article = self._reader.article
        if where is None and article is not None:
            where = (article.id, self._reader.pane.top_offset())
        report = self._session.errors.report
        if where is None:
            self.undo_stack.push(_Command(text, do, undo, report))
            return
        article_id, offset = where

        def revisit(undoing: bool) -> None:
            """An undo or redo in an article other than the one open: it opens, says so."""
            shown = self._reader.article
            if shown is None or shown.id != article_id:
                self.revisitRequested.emit(article_id, offset)
                said = self.tr("Undone here: %1") if undoing else self.tr("Redone here: %1")
                self._session.notify(said.replace("%1", text))

        self.undo_stack.push(_Command(text, do, undo, report, revisit))

    # --- intents ---------------------------------------------------------------------
    def highlight(self, colour: str | None = None) -> None:
        colour = colour or self.last_colour
        self._session.settings.set("lastColour", colour)
        target = self._selection()
        current = self.same_span() if target is not None else self.under_cursor()
        if current is not None:
            self.edit(current.id, color=colour, text=self.tr("Change colour"))
        elif target is not None:
            self.create(*target, color=colour, text=self.tr("Highlight"))
        self._let_go()

    def tag(self, name: str) -> None:
        target = self._selection()
        current = self.same_span() if target is not None else None
        if target is not None and current is None:
            self.create(*target, tags=[name], text=self.tr("Tag “%1”").replace("%1", name))
            self._let_go()
            return
        self._let_go()
        current = current or self.under_cursor()
        if current is not None and name not in current.tags:
            self.edit(
                current.id, tags=[*current.tags, name], text=self.tr("Tag “%1”").replace("%1", name)
            )

    def tag_key(self, key: str) -> None:
        """Apply the tag bound to ``key``. A library with no tags yet first gets the
        starter set (keys 1–5); a free key in a library with tags asks for a new tag."""
        library = self.library
        if not tagset.list_tags(library):
            self.add_starter_tags()
        bound = tagset.tag_for_shortcut(library, key)
        if bound is None:
            self.unboundKey.emit(key)
            return
        self.tag(bound.name)

    def starter_tags(self) -> list[tuple[str, str]]:
        """(name, description) of the starter set: its names one vocabulary for every
        library (``tags.STARTER_TAGS``), each described in the reader's language."""
        described = (
            self.tr("Key point: a passage that matters"),
            self.tr("Person: a person named or quoted"),
            self.tr("Figure: a number, date or statistic"),
            self.tr("Question: unclear, or to ask about"),
            self.tr("To check: a fact to verify"),
        )
        return list(zip(tagset.STARTER_TAGS, described, strict=True))

    def add_starter_tags(self) -> None:
        try:
            made = tagset.add_starter_tags(self.library, self.starter_tags())
        except ReaderError as exc:
            self._session.errors.report(exc)
            return
        keys = "  ".join(f"{t.shortcut} {t.name}" for t in made if t.shortcut)
        self._session.notify(self.tr("Starter tags added: %1").replace("%1", keys), 12000)
        self.tagsChanged.emit()

    def bind_new_tag(self, key: str, name: str) -> None:
        """Create a tag (or take an existing one), bind it to ``key``, apply it. An existing
        tag's old key is freed, and the reader told."""
        try:
            before = {t.name: t.shortcut for t in tagset.list_tags(self.library)}
            tagset.save_tag(self.library, name, shortcut=key)
        except ReaderError as exc:
            self._session.errors.report(exc)
            return
        self.tagsChanged.emit()
        old = before.get(name.strip())
        if old and old != key:
            self._session.notify(
                self.tr("“%1” moved from key %2 to key %3; key %2 is free.")
                .replace("%1", name.strip())
                .replace("%2", old)
                .replace("%3", key)
            )
        self.tag(name.strip())

    def note(self, text: str) -> None:
        target = self._selection()
        current = self.same_span() if target is not None else None
        if target is not None and current is None:
            self.create(*target, note=text, text=self.tr("Add note"))
            self._let_go()
            return
        self._let_go()
        current = current or self.under_cursor()
        if current is not None:
            self.edit(current.id, note=text, text=self.tr("Edit note"))

    def delete_under_cursor(self) -> None:
        current = self.under_cursor()
        if current is not None:
            self.delete([current.id])

    # --- undoable changes ------------------------------------------------------------
    def create(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str | None = None,
        tags: Sequence[str] = (),
        note: str = "",
        text: str = "",
    ) -> None:
        new_id = str(uuid.uuid4())
        made: list[Annotation] = []

        def do() -> None:
            if made:
                notes.restore(self.library, made)
            else:
                made.append(
                    notes.create(
                        self.library,
                        article_id,
                        start,
                        end,
                        color=color,
                        tags=tags,
                        note=note,
                        annotator=self.annotator,
                        annotation_id=new_id,
                    )
                )
            self.created.emit(made[0])

        def undo() -> None:
            notes.delete(self.library, [new_id])
            self.removed.emit(article_id, [new_id])

        self._run(text or self.tr("Annotate"), do, undo)

    def edit(
        self,
        annotation_id: str,
        *,
        note: object = notes.UNSET,
        color: object = notes.UNSET,
        tags: object = notes.UNSET,
        text: str = "",
    ) -> None:
        try:
            before = notes.get(self.library, annotation_id)
        except ReaderError as exc:
            self._session.errors.report(exc)
            return
        after: list[Annotation] = []

        def do() -> None:
            if after:
                notes.put(self.library, after[0])
            else:
                after.append(
                    notes.update(self.library, annotation_id, note=note, color=color, tags=tags)
                )
            self.changed.emit(before.article_id)

        def undo() -> None:
            notes.put(self.library, before)
            self.changed.emit(before.article_id)

        self._run(text or self.tr("Edit annotation"), do, undo)

    def retag(self, tags: dict[str, list[str]]) -> None:
        """Give each annotation (by id) its tags: one undo step for them all."""
        self.undo_stack.beginMacro(self.tr("Retag"))
        for annotation_id, its_tags in tags.items():
            self.edit(annotation_id, tags=list(its_tags))
        self.undo_stack.endMacro()

    def delete(self, annotation_ids: Sequence[str]) -> None:
        ids = list(annotation_ids)
        gone: list[Annotation] = []

        def do() -> None:
            gone[:] = notes.delete(self.library, ids)
            for article_id in {a.article_id for a in gone}:
                self.changed.emit(article_id)

        def undo() -> None:
            notes.restore(self.library, gone)
            for article_id in {a.article_id for a in gone}:
                self.changed.emit(article_id)

        self._run(self.tr("Delete annotation"), do, undo)

    def set_status(self, article_id: int, status: str) -> None:
        self.set_statuses([article_id], status)

    def set_statuses(self, article_ids: list[int], status: str) -> None:
        """Set the review status of one article or several: one commit, one undo step."""
        previous: dict[int, str] = {}

        def do() -> None:
            previous.update(tagset.set_statuses(self.library, dict.fromkeys(article_ids, status)))
            for article_id in article_ids:
                self.statusChanged.emit(article_id, status)
            if len(article_ids) > 1:  # a file's row shows no status of its own: say it
                said = self.tr("%n article(s) set to “%1”.", "", len(article_ids))
                self._session.notify(said.replace("%1", Names().status(status)))

        def undo() -> None:
            tagset.set_statuses(self.library, previous)
            for article_id, was in previous.items():
                self.statusChanged.emit(article_id, was)

        # one article: undone there (it opens); a file's: where the reader is
        where = (article_ids[0], 0) if len(article_ids) == 1 else None
        self._run(self.tr("Set review status"), do, undo, where)


@functools.cache
def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
