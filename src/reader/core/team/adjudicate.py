"""Adjudication: curating one "gold" layer out of several annotators' work.

Gold is an ordinary annotator name (:data:`~reader.core.team.GOLD`), so gold
exports, filters and shows like any other layer. Every decision is one ordinary
annotation write and returns the annotation it wrote, so a UI's undo is
``annotations.delete(library, [written.id])`` and its redo
``annotations.restore(library, [written])``:

- :func:`accept` copies an annotator's annotation into gold;
- :func:`edit` writes a gold annotation over a corrected span;
- :func:`reject` records, in the :data:`~reader.core.team.REJECTED` layer, that a
  disputed span is not gold, so it is not offered again;
- :func:`auto_adjudicate` accepts at once every span all of an article's
  annotators marked with the same tag.

A disagreement is settled once a gold or rejected annotation with its tag
overlaps it; :func:`remaining` lists those that are not.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from reader.core.errors import NotFoundError, ReaderError
from reader.core.library.store import Library
from reader.core.notes import annotations as notes
from reader.core.notes.annotations import Annotation
from reader.core.team import GOLD, REJECTED, RESERVED
from reader.core.team.agreement import load_marks
from reader.core.team.disagreements import Disagreement, Mark, find_disagreements

GOLD_NAMESPACE = uuid.UUID("0b7f8f0e-5d0a-4f55-a0a2-6c1f3e9b7d21")


def _article_marks(library: Library, article_id: int) -> tuple[list[Mark], set[str]]:
    data = load_marks(library, [article_id])
    return data.marks, data.present.get(article_id, set())


def annotators_of(library: Library, article_id: int) -> tuple[str, ...]:
    """Who annotated the article (reserved layers and nameless annotations aside)."""
    _, present = _article_marks(library, article_id)
    return tuple(sorted(n for n in present if n and n not in RESERVED))


def _settled(marks: Sequence[Mark], start: int, end: int, tag: str) -> bool:
    return any(
        m.annotator in RESERVED and m.tag == tag and m.start < end and start < m.end for m in marks
    )


def remaining(library: Library, article_id: int) -> list[Disagreement]:
    """The article's disagreements that no gold or rejected annotation settles yet."""
    marks, present = _article_marks(library, article_id)
    names = sorted(n for n in present if n and n not in RESERVED)
    found = find_disagreements(marks, {article_id: present}, names)
    return [d for d in found if not _settled(marks, d.start, d.end, d.tag)]


def _gold_id(*parts: object) -> str:
    return str(uuid.uuid5(GOLD_NAMESPACE, "\x1f".join(str(p) for p in parts)))


def _write(
    library: Library,
    annotation_id: str,
    article_id: int,
    start: int,
    end: int,
    *,
    annotator: str,
    tags: Sequence[str],
    note: str = "",
    color: str | None = None,
) -> Annotation:
    """Create the annotation, or return it as it is when this decision was made already."""
    try:
        return notes.get(library, annotation_id)
    except NotFoundError:
        pass
    return notes.create(
        library,
        article_id,
        start,
        end,
        color=color,
        tags=tags,
        note=note,
        annotator=annotator,
        annotation_id=annotation_id,
    )


def accept(
    library: Library, annotation_id: str, *, tags: Sequence[str] | None = None
) -> Annotation:
    """Copy an annotator's annotation (its span, note, colour, and ``tags`` or all its tags)
    into gold. Accepting the same version again returns the gold copy made the first time."""
    source = notes.get(library, annotation_id)
    if source.annotator in RESERVED:
        raise ReaderError(f"annotation {annotation_id} is already {source.annotator}")
    if source.state == "orphaned":
        raise ReaderError("this annotation has lost its passage; re-attach it first")
    chosen = tuple(source.tags if tags is None else tags)
    unknown = [t for t in chosen if t not in source.tags]
    if unknown:
        raise ReaderError(f"annotation {annotation_id} has no tag “{unknown[0]}”")
    return _write(
        library,
        _gold_id("accept", source.id, *chosen),
        source.article_id,
        source.start,
        source.end,
        annotator=GOLD,
        tags=chosen,
        note=source.note,
        color=source.color,
    )


def edit(
    library: Library,
    article_id: int,
    start: int,
    end: int,
    tags: Sequence[str],
    *,
    note: str = "",
    color: str | None = None,
) -> Annotation:
    """Write gold over a corrected span (e.g. one that neither annotator had exactly)."""
    if not [t for t in tags if t.strip()]:
        raise ReaderError("a gold span needs a tag")
    return _write(
        library,
        _gold_id("edit", article_id, start, end, *sorted(tags)),
        article_id,
        start,
        end,
        annotator=GOLD,
        tags=tags,
        note=note,
        color=color,
    )


def reject(library: Library, disagreement: Disagreement) -> Annotation:
    """Record that the disputed span is not gold (an annotation in the rejected layer)."""
    d = disagreement
    return _write(
        library,
        _gold_id("reject", d.article_id, d.start, d.end, d.tag),
        d.article_id,
        d.start,
        d.end,
        annotator=REJECTED,
        tags=(d.tag,),
    )


def auto_adjudicate(library: Library, article_id: int) -> list[Annotation]:
    """Into gold, at once: every span (start, end) with every tag that all of the article's
    annotators marked; at least two annotators are needed. Returns what it wrote
    (nothing already in gold is written again)."""
    marks, present = _article_marks(library, article_id)
    names = {n for n in present if n and n not in RESERVED}
    if len(names) < 2:
        having = ", ".join(sorted(names)) or "no one"
        raise ReaderError(
            f"article {article_id} has annotations by {having}: adjudication needs two annotators"
        )
    by_span: dict[tuple[int, int, str], dict[str, Mark]] = {}
    for m in marks:
        by_span.setdefault((m.start, m.end, m.tag), {})[m.annotator] = m
    agreed: dict[tuple[int, int], list[str]] = {}
    for (start, end, tag), who in sorted(by_span.items()):
        if names <= set(who) and GOLD not in who:
            agreed.setdefault((start, end), []).append(tag)
    written = []
    for (start, end), tags in sorted(agreed.items()):
        gold_id = _gold_id("auto", article_id, start, end, *tags)
        try:
            notes.get(library, gold_id)
            continue
        except NotFoundError:
            pass
        written.append(
            notes.create(
                library, article_id, start, end, tags=tags, annotator=GOLD, annotation_id=gold_id
            )
        )
    return written
