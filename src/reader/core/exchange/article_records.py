"""What travels with the notes besides the annotations: each article's review status
and note, and the tags its annotations use with their colours, keys and descriptions.

JSON Lines carries one ``reader-article`` line per article before its annotations;
W3C carries the same fields on each entry of ``reader:sources``. Importing applies
them: a status other than unread and a non-empty note replace the article's; a tag
gets its colour and description, and its key when no other tag holds that key.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from typing import Any

from reader.core.errors import NotesFormatError
from reader.core.exchange.exporting import ExportArticle
from reader.core.notes.annotations import ensure_tag
from reader.core.notes.tags import SHORTCUTS
from reader.core.notes.vocab import REVIEW_STATUSES
from reader.core.stamps import now

ARTICLE_TYPE = "reader-article"


@functools.cache
def _validator() -> Any:
    """The schema of a ``reader-article`` record (jsonschema loads only when importing)."""
    from reader.core.exchange import notes_schema as schema

    tag = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": schema.MAX_SHORT},
            "color": {"type": ["string", "null"], "maxLength": 64},
            "shortcut": {"enum": [None, *SHORTCUTS]},
            "description": {"type": "string", "maxLength": schema.MAX_TEXT},
        },
    }
    return schema._Validator(
        {
            "type": "object",
            "required": ["title", "text_hash"],
            "properties": {
                "title": {"type": "string", "maxLength": 10_000},
                "text_hash": {"type": "string", "maxLength": 128},
                "status": {"enum": list(REVIEW_STATUSES)},
                "note": {"type": "string", "maxLength": schema.MAX_TEXT},
                "tags": {"type": "array", "maxItems": 10_000, "items": tag},
            },
        }
    )


@dataclass(frozen=True)
class ArticleRecord:
    where: str
    title: str
    text_hash: str
    status: str | None
    note: str
    tags: tuple[dict[str, Any], ...]
    source: str = ""  # the article's source file, as JSON Lines names it


def fields(item: ExportArticle) -> dict[str, Any]:
    """The article's status, note and used tags, as exported."""
    return {
        "status": item.article.status,
        "note": item.article.note,
        "tags": [
            {"name": t.name, "color": t.color, "shortcut": t.shortcut, "description": t.description}
            for t in item.tags
        ],
    }


def jsonl_article(item: ExportArticle) -> dict[str, Any]:
    return {
        "type": ARTICLE_TYPE,
        "version": 1,
        "title": item.article.title,
        "text_hash": item.article.text_hash,
        "source": item.article.source_path,
        **fields(item),
    }


def read(where: str, item: Any) -> ArticleRecord:
    from reader.core.exchange.notes_schema import problem

    wrong = problem(_validator(), item)
    if wrong is not None:
        raise NotesFormatError(f"{where}: {wrong}")
    return ArticleRecord(
        where,
        item["title"],
        item["text_hash"],
        item.get("status"),
        item.get("note", ""),
        tuple(item.get("tags", [])),
        str(item.get("source") or ""),
    )


def apply(conn: sqlite3.Connection, record: ArticleRecord, article_id: int | None) -> None:
    """Tags always; the status and note when the article was found."""
    for entry in record.tags:
        tag_id = ensure_tag(conn, str(entry["name"]).strip())
        conn.execute(
            "UPDATE tags SET color = coalesce(?, color), description = coalesce(?, description) "
            "WHERE id = ?",
            [entry.get("color"), entry.get("description"), tag_id],
        )
        key = entry.get("shortcut")
        if key and not conn.execute("SELECT 1 FROM tags WHERE shortcut = ?", [key]).fetchone():
            conn.execute("UPDATE tags SET shortcut = ? WHERE id = ?", [key, tag_id])
    if article_id is None:
        return
    if record.status and record.status != "unread":
        conn.execute(
            "UPDATE articles SET status = ?, updated_at = ? WHERE id = ? AND status != ?",
            [record.status, now(), article_id, record.status],
        )
    if record.note:
        conn.execute("UPDATE articles SET note = ? WHERE id = ?", [record.note, article_id])
