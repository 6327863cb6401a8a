"""Annotations: highlights, tags and notes pinned to a passage. Every change is one transaction.

Each annotation stores its article, its offsets, the exact quote with 32
characters of context on each side, and the hash of the text it was made on,
so that :mod:`reader.core.notes.anchoring` can find it again after the text changes.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reader.core.errors import NotFoundError, ReaderError
from reader.core.library.article_text import text_of
from reader.core.library.store import Library
from reader.core.notes.anchoring import Reanchorer, Selector, selector_for
from reader.core.notes.vocab import COLOURS, TAG_COLOURS
from reader.core.stamps import now, text_hash

UNSET: object = object()


@dataclass(frozen=True)
class Annotation:
    id: str
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    text_hash: str
    color: str | None
    note: str
    annotator: str
    state: str
    tags: tuple[str, ...]
    created_at: str
    updated_at: str


def _article_text(conn: sqlite3.Connection, article_id: int) -> str:
    text = text_of(conn, article_id)
    if text is None:
        raise NotFoundError(f"no article with id {article_id}")
    return text


def create(
    library: Library,
    article_id: int,
    start: int,
    end: int,
    *,
    color: str | None = None,
    tags: Sequence[str] = (),
    note: str = "",
    annotator: str = "",
    annotation_id: str | None = None,
) -> Annotation:
    """Annotate ``text[start:end]`` of an article; creates tags that do not exist yet."""
    check_colour(color)
    with library.transaction() as conn:
        text = _article_text(conn, article_id)
        if not 0 <= start < end <= len(text):
            raise ReaderError("select some text of the article first")
        selector = selector_for(text, start, end)
        stamp = now()
        annotation = Annotation(
            annotation_id or str(uuid.uuid4()),
            article_id,
            start,
            end,
            selector.quote,
            selector.prefix,
            selector.suffix,
            text_hash(text),
            color,
            note,
            annotator,
            "anchored",
            tuple(dict.fromkeys(t.strip() for t in tags if t.strip())),
            stamp,
            stamp,
        )
        insert(conn, annotation)
    return annotation


def check_colour(color: object) -> None:
    if color is not None and color not in COLOURS:
        raise ReaderError(f"unknown colour “{color}”; use one of {', '.join(COLOURS)}")


def restore(library: Library, annotations: Iterable[Annotation]) -> None:
    """Put annotations back exactly as they were (undo of a delete)."""
    with library.transaction() as conn:
        for annotation in annotations:
            insert(conn, annotation)


def insert(conn: sqlite3.Connection, a: Annotation) -> None:
    """Write a complete annotation inside an open transaction."""
    conn.execute(
        'INSERT INTO annotations (id, article_id, start, "end", quote, prefix, suffix, '
        "text_hash, color, note, annotator, state, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            a.id,
            a.article_id,
            a.start,
            a.end,
            a.quote,
            a.prefix,
            a.suffix,
            a.text_hash,
            a.color,
            a.note,
            a.annotator,
            a.state,
            a.created_at,
            a.updated_at,
        ],
    )
    _set_tags(conn, a.id, a.tags)


def _set_tags(conn: sqlite3.Connection, annotation_id: str, tags: Sequence[str]) -> None:
    conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
    for name in tags:
        conn.execute(
            "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
            [annotation_id, ensure_tag(conn, name)],
        )


def ensure_tag(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
    if row is not None:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?)",
        [name, next_tag_colour(conn), now()],
    )
    return int(cursor.lastrowid or 0)


def next_tag_colour(conn: sqlite3.Connection) -> str:
    """The palette colour fewest tags have (the first of them): each new tag its own."""
    used = [str(row[0]).lower() for row in conn.execute("SELECT color FROM tags")]
    return min(TAG_COLOURS, key=lambda colour: (used.count(colour), TAG_COLOURS.index(colour)))


def get(library: Library, annotation_id: str) -> Annotation:
    found = _select(library.conn, "a.id = ?", [annotation_id])
    if not found:
        raise NotFoundError(f"no annotation with id {annotation_id}")
    return found[0]


def for_article(library: Library, article_id: int) -> list[Annotation]:
    return _select(library.conn, "a.article_id = ?", [article_id])


def for_span(library: Library, article_id: int, start: int, end: int) -> list[Annotation]:
    """The article's annotations that touch offsets ``start``..``end`` (those ending at
    ``start`` or starting at ``end`` too), in the order of :func:`for_article`: what a
    view of that stretch shows, read without the rest of a long list."""
    return _select(
        library.conn,
        'a.article_id = ? AND a.start <= ? AND a."end" >= ?',
        [article_id, end, start],
    )


def all_annotations(library: Library) -> list[Annotation]:
    return _select(library.conn, "1", [])


def _select(conn: sqlite3.Connection, where: str, params: list[object]) -> list[Annotation]:
    tags: dict[str, list[str]] = {}
    for annotation_id, name in conn.execute(
        "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t "
        "ON t.id = at.tag_id JOIN annotations a ON a.id = at.annotation_id "
        f"WHERE {where} ORDER BY t.name",
        params,
    ):
        tags.setdefault(annotation_id, []).append(name)
    rows = conn.execute(
        'SELECT a.id, a.article_id, a.start, a."end", a.quote, a.prefix, a.suffix, a.text_hash, '
        "a.color, a.note, a.annotator, a.state, a.created_at, a.updated_at FROM annotations a "
        f'WHERE {where} ORDER BY a.article_id, a.start, a."end", a.created_at',
        params,
    ).fetchall()
    # positional, in the order of the columns above: 1,000 annotations open an article
    return [
        Annotation(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
            tuple(tags.get(r[0], ())), r[12], r[13],
        )
        for r in rows
    ]  # fmt: skip


def update(
    library: Library,
    annotation_id: str,
    *,
    note: object = UNSET,
    color: object = UNSET,
    tags: object = UNSET,
) -> Annotation:
    """Change note, colour or tags; returns the annotation as it now is."""
    if color is not UNSET:
        check_colour(color)
    current = get(library, annotation_id)
    changed = replace(
        current,
        note=current.note if note is UNSET else str(note),
        color=current.color if color is UNSET else color,  # type: ignore[arg-type]
        tags=current.tags if tags is UNSET else tuple(dict.fromkeys(tags)),  # type: ignore[call-overload]
        updated_at=now(),
    )
    return put(library, changed)


def put(library: Library, annotation: Annotation) -> Annotation:
    """Write every field of an existing annotation (undo and redo use this)."""
    with library.transaction() as conn:
        cursor = conn.execute(
            'UPDATE annotations SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
            "text_hash = ?, color = ?, note = ?, state = ?, updated_at = ? WHERE id = ?",
            [
                annotation.start,
                annotation.end,
                annotation.quote,
                annotation.prefix,
                annotation.suffix,
                annotation.text_hash,
                annotation.color,
                annotation.note,
                annotation.state,
                annotation.updated_at,
                annotation.id,
            ],
        )
        if cursor.rowcount == 0:
            raise NotFoundError(f"no annotation with id {annotation.id}")
        _set_tags(conn, annotation.id, annotation.tags)
    return annotation


def delete(library: Library, annotation_ids: Iterable[str]) -> list[Annotation]:
    """Delete annotations; returns them as they were, for undo."""
    ids = list(annotation_ids)
    gone = [get(library, i) for i in ids]
    with library.transaction() as conn:
        conn.executemany("DELETE FROM annotations WHERE id = ?", [[i] for i in ids])
    return gone


def reattach(library: Library, annotation_id: str, start: int, end: int) -> Annotation:
    """Pin an (orphaned) annotation to a new passage of its article."""
    current = get(library, annotation_id)
    text = _article_text(library.conn, current.article_id)
    selector = selector_for(text, start, end)
    return put(
        library,
        replace(
            current,
            start=start,
            end=end,
            quote=selector.quote,
            prefix=selector.prefix,
            suffix=selector.suffix,
            text_hash=text_hash(text),
            state="anchored",
            updated_at=now(),
        ),
    )


def reanchor_article(
    conn: sqlite3.Connection, article_id: int, old_text: str, new_text: str
) -> dict[str, int]:
    """After an article's text changed: re-anchor each of its annotations. Returns counts."""
    reanchorer = Reanchorer(new_text, old_text)
    counts = {"anchored": 0, "moved": 0, "orphaned": 0}
    new_hash = text_hash(new_text)
    for annotation_id, start, end, quote, prefix, suffix in conn.execute(
        'SELECT id, start, "end", quote, prefix, suffix FROM annotations WHERE article_id = ?',
        [article_id],
    ).fetchall():
        anchor = reanchorer(Selector(start, end, quote, prefix, suffix))
        counts[anchor.state] += 1
        if anchor.state == "orphaned":  # keep what it was: quote, context, old offsets
            conn.execute("UPDATE annotations SET state = 'orphaned' WHERE id = ?", [annotation_id])
            continue
        fresh = selector_for(new_text, anchor.start, anchor.end)
        conn.execute(
            'UPDATE annotations SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
            "text_hash = ?, state = ? WHERE id = ?",
            [
                anchor.start,
                anchor.end,
                fresh.quote,
                fresh.prefix,
                fresh.suffix,
                new_hash,
                anchor.state,
                annotation_id,
            ],
        )
    return counts


def annotators(library: Library) -> list[str]:
    """The names that annotated something in this library, sorted."""
    return [
        r[0]
        for r in library.conn.execute(
            "SELECT DISTINCT annotator FROM annotations WHERE annotator != '' ORDER BY 1"
        )
    ]
