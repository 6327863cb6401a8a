"""Reading articles back out of a library."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reader.core.errors import NotFoundError
from reader.core.library.article_text import TEXT_COLUMNS, TEXT_JOIN, unpack
from reader.core.library.ordering import natural_key
from reader.core.library.store import Library
from reader.core.text.model import Block, BlockKind


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source_id: int | None
    source_path: str
    position: int | None
    status: str
    block_counts: dict[str, int]
    chars: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source_path,
            "position": self.position,
            "status": self.status,
            "blocks": sum(self.block_counts.values()),
            "block_counts": dict(self.block_counts),
            "chars": self.chars,
        }


@dataclass(frozen=True)
class StoredArticle:
    id: int
    title: str
    untitled: bool
    source_id: int | None
    source_path: str
    position: int | None
    text: str
    text_hash: str
    status: str
    note: str
    metadata: dict[str, str]
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "untitled": self.untitled,
            "source": self.source_path,
            "position": self.position,
            "status": self.status,
            "note": self.note,
            "metadata": dict(self.metadata),
            "text_hash": self.text_hash,
            "text": self.text,
            "blocks": [b.to_json() for b in self.blocks],
        }


def list_articles(library: Library) -> list[ArticleSummary]:
    counts: dict[int, dict[str, int]] = {}
    for article_id, kind, n in library.conn.execute(
        "SELECT article_id, kind, count(*) FROM blocks GROUP BY article_id, kind"
    ).fetchall():
        counts.setdefault(article_id, {})[kind] = n
    rows = library.conn.execute(
        """SELECT a.id, a.title, a.source_id, coalesce(s.path, ''), a.position, a.status,
                  a.chars, coalesce(s.name, '')
           FROM articles a LEFT JOIN sources s ON s.id = a.source_id
           WHERE a.retired_at IS NULL
           ORDER BY s.path, a.position, a.id"""
    ).fetchall()
    # the tree's order: files as a person numbers them (page2 before page10), by name
    rows.sort(key=lambda r: (natural_key(r[7]), r[3], r[4], r[0]))
    return [
        ArticleSummary(r[0], r[1], r[2], r[3], r[4], r[5], counts.get(r[0], {}), r[6]) for r in rows
    ]


def get_article(library: Library, article_id: int) -> StoredArticle:
    row = library.conn.execute(
        f"""SELECT a.id, a.title, a.untitled, a.source_id, coalesce(s.path, ''), a.position,
                  a.text_hash, a.status, a.note, a.metadata, {TEXT_COLUMNS}
           FROM articles a LEFT JOIN sources s ON s.id = a.source_id {TEXT_JOIN}
           WHERE a.id = ?""",
        [article_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no article with id {article_id}")
    text = unpack(row[10], row[11])
    blocks = tuple(
        Block(BlockKind(kind), text[start:end], tuple(json.loads(lines)), start, end, level)
        for kind, level, start, end, lines in library.conn.execute(
            'SELECT kind, level, start, "end", lines FROM blocks WHERE article_id = ? ORDER BY seq',
            [article_id],
        ).fetchall()
    )
    return StoredArticle(
        row[0],
        row[1],
        bool(row[2]),
        row[3],
        row[4],
        row[5],
        text,
        row[6],
        row[7],
        row[8],
        json.loads(row[9] or "{}"),
        blocks,
    )


def article_count(library: Library) -> int:
    return int(
        library.conn.execute("SELECT count(*) FROM articles WHERE retired_at IS NULL").fetchone()[0]
    )


def article_exists(library: Library, article_id: int | None) -> bool:
    """A current (not retired) article with this id: one row looked up, not the outline."""
    if article_id is None:
        return False
    row = library.conn.execute(
        "SELECT 1 FROM articles WHERE id = ? AND retired_at IS NULL", [article_id]
    ).fetchone()
    return row is not None


def newest_article_id(library: Library) -> int:
    """The largest article id (0: none): every article stored later has a larger one."""
    row = library.conn.execute("SELECT max(id) FROM articles").fetchone()
    return int(row[0] or 0)


def article_titles(library: Library) -> dict[int, str]:
    """Every article's title by id (retired ones too: annotations may hang on them)."""
    return {int(r[0]): str(r[1]) for r in library.conn.execute("SELECT id, title FROM articles")}
