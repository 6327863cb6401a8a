"""``reader merge``: bring another annotator's work into this library.

The other side is a library file, opened read-only (SQLite ``mode=ro``; it is
never written), or any notes file ``import-notes`` reads (JSON Lines, W3C,
Label Studio, doccano, XMI, brat). Articles are matched by text hash, then by
a unique title, and each annotation is re-anchored by quote and context.

Nothing of one annotator overwrites another's: an id that exists here under a
different annotator gets a new id derived from the annotator and the old id,
so merging the same file again finds it and skips it (idempotent).
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.core.errors import NotesFormatError, ReaderError
from reader.core.exchange.notes_import import NoteRecord, read_records
from reader.core.exchange.placing import Articles, place
from reader.core.library.store import Library, describe_os_error, shorten_path
from reader.core.notes import annotations as notes
from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import COLOURS
from reader.core.stamps import text_hash
from reader.core.team import RESERVED

SQLITE_MAGIC = b"SQLite format 3\x00"
ID_NAMESPACE = uuid.UUID("6f1d3c52-8a4e-4f7b-9a51-2b7c0e1d9f33")


@dataclass
class MergeSummary:
    merged: int = 0  # new here
    updated: int = 0  # an annotator's own annotation, newer on the other side
    present: int = 0  # already here (same annotator, same id, as new or newer)
    orphaned: int = 0  # merged, but its passage was not found in our text
    renumbered: int = 0  # given a new id: the id was another annotator's here
    unmatched_articles: int = 0
    unmatched_annotations: int = 0
    annotators: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.merged} merged, {self.updated} updated, {self.present} already present, "
            f"{self.unmatched_articles} unmatched articles "
            f"({self.unmatched_annotations} annotations not merged)"
        )


def is_library_file(path: Path) -> bool:
    """True when ``path`` is a SQLite file (a library) rather than an export."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def read_other(path: Path, *, as_name: str | None = None) -> list[NoteRecord]:
    """The other side's annotations, each with its annotator (``as_name`` for those with none).

    Raises before anything is written: a bad file, or annotations without an
    annotator and no ``as_name``.
    """
    if as_name is not None:
        as_name = as_name.strip()
        if not as_name:
            raise ReaderError("--as needs a name")
        if as_name in RESERVED:
            raise ReaderError(f"“{as_name}” is reserved for adjudication; choose another name")
    if path.is_dir() or not is_library_file(path):
        records = list(read_records(path))
    else:
        records = read_library(path)
    nameless = sum(1 for r in records if not r.annotator.strip())
    if nameless and as_name is None:
        raise ReaderError(
            f"{shorten_path(path)}: {nameless} of its annotations name no annotator; "
            "say whose they are with --as NAME"
        )
    return [r if r.annotator.strip() else replace(r, annotator=str(as_name)) for r in records]


def read_library(path: Path) -> list[NoteRecord]:
    """Every annotation of another library, read through a read-only connection."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise NotesFormatError(f"{shorten_path(path)}: cannot open it ({exc})") from exc
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if not {"articles", "annotations", "annotation_tags", "tags"} <= tables:
            raise NotesFormatError(f"{shorten_path(path)}: a SQLite file, but not a Reader library")
        tags: dict[str, list[str]] = {}
        for annotation_id, name in conn.execute(
            "SELECT at.annotation_id, t.name FROM annotation_tags at "
            "JOIN tags t ON t.id = at.tag_id ORDER BY t.name"
        ):
            tags.setdefault(annotation_id, []).append(name)
        rows = conn.execute(
            'SELECT n.id, r.text_hash, r.title, n.start, n."end", n.quote, n.prefix, n.suffix, '
            "n.note, n.color, n.annotator, n.created_at, n.updated_at, coalesce(s.path, '') "
            "FROM annotations n JOIN articles r ON r.id = n.article_id "
            "LEFT JOIN sources s ON s.id = r.source_id "
            'ORDER BY n.article_id, n.start, n."end", n.id'
        ).fetchall()
    except sqlite3.Error as exc:
        raise NotesFormatError(f"{shorten_path(path)}: cannot read it ({exc})") from exc
    except OSError as exc:
        raise NotesFormatError(f"{shorten_path(path)}: {describe_os_error(exc)}") from exc
    finally:
        conn.close()
    name = shorten_path(path)
    return [
        NoteRecord(
            f"{name}: annotation {r[0]}",
            str(r[0]),
            str(r[1]),
            str(r[2]),
            int(r[3]),
            int(r[4]),
            str(r[5]),
            str(r[6] or ""),
            str(r[7] or ""),
            tuple(tags.get(r[0], ())),
            str(r[8] or ""),
            r[9],
            str(r[10] or ""),
            str(r[11]),
            str(r[12]),
            source=str(r[13]),
        )
        for r in rows
    ]


def merge(library: Library, path: Path, *, as_name: str | None = None) -> MergeSummary:
    """Merge another annotator's library or export into ``library`` in one transaction."""
    if path.exists() and library.path.exists() and path.resolve() == library.path.resolve():
        raise ReaderError("cannot merge a library into itself")
    return merge_records(library, read_other(path, as_name=as_name))


def merge_records(library: Library, records: list[NoteRecord]) -> MergeSummary:
    """Merge records that each name their annotator (see :func:`read_other`)."""
    summary = MergeSummary(annotators=sorted({r.annotator for r in records}))
    articles = Articles(library)
    unmatched: set[tuple[str, str]] = set()
    with library.transaction() as conn:
        for record in records:
            found = articles.find(record.text_hash, record.title, record.source)
            if found is None:
                unmatched.add((record.text_hash, record.title))
                summary.unmatched_annotations += 1
                continue
            article_id, text, _ = found
            state, start, end = place(found, record)
            target, existing = _id_for(conn, record.id, record.annotator)
            if target != record.id:
                summary.renumbered += 1
            if existing is not None:
                if existing >= record.updated:
                    summary.present += 1
                    continue
                conn.execute("DELETE FROM annotations WHERE id = ?", [target])
                summary.updated += 1
            else:
                summary.merged += 1
            if state == "orphaned":
                summary.orphaned += 1
            notes.insert(
                conn,
                Annotation(
                    target,
                    article_id,
                    start,
                    end,
                    record.quote,
                    record.prefix,
                    record.suffix,
                    text_hash(text),
                    record.color if record.color in COLOURS else None,
                    record.note,
                    record.annotator,
                    state,
                    tuple(dict.fromkeys(t.strip() for t in record.tags if t.strip())),
                    record.created,
                    record.updated,
                ),
            )
    summary.unmatched_articles = len(unmatched)
    return summary


def _id_for(conn: sqlite3.Connection, record_id: str, annotator: str) -> tuple[str, str | None]:
    """The id this annotator's annotation takes here, and its ``updated_at`` if it is here.

    The record's own id, unless another annotator holds it; then an id derived
    from (annotator, id), the same on every merge, until a free one or this
    annotator's own.
    """
    candidate = record_id
    for _ in range(64):
        row = conn.execute(
            "SELECT annotator, updated_at FROM annotations WHERE id = ?", [candidate]
        ).fetchone()
        if row is None:
            return candidate, None
        if row[0] == annotator:
            return candidate, str(row[1])
        candidate = str(uuid.uuid5(ID_NAMESPACE, f"{annotator}\x1f{candidate}"))
    raise ReaderError(f"cannot find a free id for annotation {record_id}")
