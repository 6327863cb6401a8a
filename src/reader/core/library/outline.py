"""The library as the section tree shows it: sources → articles → section headings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from reader.core.annotators import REJECTED
from reader.core.gc_pause import gc_paused
from reader.core.library.ordering import natural_key
from reader.core.library.raw_sources import stored_text
from reader.core.library.store import Library


class SectionOutline(NamedTuple):  # NamedTuples: a big library has tens of thousands
    title: str
    level: int
    start: int  # offset of the heading in the article text


class ArticleOutline(NamedTuple):
    id: int
    title: str
    status: str
    annotations: int
    chars: int
    sections: tuple[SectionOutline, ...] = ()


class SourceOutline(NamedTuple):
    id: int | None
    path: str
    articles: tuple[ArticleOutline, ...] = ()
    file_name: str = ""  # the stored file name, so no path is parsed per source
    annotations: int = 0  # its articles' annotations, counted by SQL

    @property
    def name(self) -> str:
        if self.file_name:
            return self.file_name
        return Path(self.path).name if self.path else ""


def source_title(source: SourceOutline) -> str:
    """A file is known by its first article's title; the file name follows, for the
    files named by hashes or dates."""
    name = source.name or "—"
    first = source.articles[0].title if source.articles else ""
    return f"{first} — {name}" if first else name


def source_key(source: SourceOutline) -> str:
    """What names a source's row in the tree across outlines: its file."""
    return source.path or source.name


def library_outline(library: Library, reuse: Sequence[SourceOutline] = ()) -> list[SourceOutline]:
    """The tree's data. Only headings' text is read, never whole articles.

    A source equal to one of ``reuse`` (the outline shown) is returned as that same
    object: the tree then sees it unchanged at once, without comparing its articles
    (an import's worker compares, off the UI thread)."""
    with gc_paused():  # 100,000+ tuples for 50,000 articles
        outline = _outline(library)
        if reuse:
            known = {source.id: source for source in reuse}
            outline = [
                old if (old := known.get(source.id)) is not None and old == source else source
                for source in outline
            ]
        return outline


def _outline(library: Library) -> list[SourceOutline]:
    db = library.conn
    counts = dict(  # adjudication's rejections are no one's notes: not counted
        db.execute(
            "SELECT article_id, count(*) FROM annotations WHERE annotator != ? GROUP BY article_id",
            [REJECTED],
        ).fetchall()
    )
    # fetchall() and tuple.__new__: a 50,000-article library is 100,000+ rows, and a
    # Python call per row (the cursor's __next__, a NamedTuple's __new__) doubles the time
    make = tuple.__new__
    sections: dict[int, list[SectionOutline]] = {}
    for article_id, level, start, title in db.execute(
        "SELECT article_id, level, start, label FROM blocks WHERE kind = 'heading' "
        "ORDER BY article_id, seq"
    ).fetchall():
        sections.setdefault(article_id, []).append(
            make(SectionOutline, (title or "", level or 2, start))
        )
    by_source: dict[int | None, list[ArticleOutline]] = {}
    paths: dict[int | None, tuple[str, str]] = {  # path, and the file name as stored
        sid: (path, name)
        for sid, path, name in db.execute("SELECT id, path, name FROM sources").fetchall()
    }
    none: tuple[SectionOutline, ...] = ()
    for article_id, source_id, title, status, chars in db.execute(
        "SELECT id, source_id, title, status, chars FROM articles "
        "WHERE retired_at IS NULL ORDER BY source_id, position, id"
    ).fetchall():
        found = sections.get(article_id)
        by_source.setdefault(source_id, []).append(
            make(
                ArticleOutline,
                (
                    article_id,
                    title,
                    status,
                    counts.get(article_id, 0),
                    chars,
                    tuple(found) if found else none,
                ),
            )
        )
    totals = dict(
        db.execute(
            "SELECT a.source_id, count(*) FROM annotations n "
            "JOIN articles a ON a.id = n.article_id "
            "WHERE a.retired_at IS NULL AND n.annotator != ? GROUP BY a.source_id",
            [REJECTED],
        ).fetchall()
    )
    outline = []
    for sid, arts in by_source.items():
        path, name = paths.get(sid, ("", ""))
        outline.append(SourceOutline(sid, path, tuple(arts), name, totals.get(sid, 0)))
    outline.sort(key=lambda s: natural_key(s.file_name))
    return outline


def set_reading_position(library: Library, article_id: int, offset: int) -> None:
    with library.transaction() as db:
        db.execute("UPDATE articles SET reading_position = ? WHERE id = ?", [offset, article_id])


def reading_position(library: Library, article_id: int) -> int:
    row = library.conn.execute(
        "SELECT reading_position FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    return int(row[0]) if row else 0


def source_text(library: Library, source_id: int | None) -> str:
    if source_id is None:
        return ""
    return stored_text(library.conn, source_id)
