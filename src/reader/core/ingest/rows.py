"""A parsed file's rows: its articles, their compressed texts, blocks and index listing.

A new file's articles are stored with one statement each (their ids are needed);
their texts, blocks and ``search_pending`` rows then go in one ``executemany``
each for the whole file, in the order storing them one article at a time gave
(same rows, same ids). Each article's text is encoded to UTF-8 once, for its hash
and for its compressed copy.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from reader.core.library.article_text import STORE_SQL as TEXT_SQL
from reader.core.library.article_text import packed
from reader.core.search.index import PENDING_SQL
from reader.core.stamps import text_hash
from reader.core.text.model import Article, BlockKind, Document

LABELLED = frozenset(
    (BlockKind.TITLE, BlockKind.KICKER, BlockKind.SUBTITLE, BlockKind.HEADING)
)  # short: kept as labels
BLOCKS_SQL = (
    'INSERT INTO blocks (article_id, seq, kind, level, start, "end", lines, label) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_ARTICLE = (
    "INSERT INTO articles (source_id, position, title, untitled, metadata, text, text_hash, "
    "chars, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)  # article_row's columns, then created_at


def article_row(
    article: Article, source_id: int, position: int, stamp: str, hashed: str = ""
) -> dict[str, Any]:
    """An ``articles`` row (its text kept in ``article_text``); ``hashed``: the text's
    hash when it is known already."""
    return {
        "source_id": source_id,
        "position": position,
        "title": article.title,
        "untitled": int(article.untitled),
        "metadata": metadata_json(article.metadata),
        "text": "",  # kept compressed in article_text (m010)
        "text_hash": hashed or text_hash(article.text),
        "chars": len(article.text),
        "updated_at": stamp,
    }


_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(…, ensure_ascii=False) makes


def metadata_json(metadata: dict[str, str]) -> str:
    """``json.dumps(metadata, ensure_ascii=False)``, with one encoder for every call."""
    return _JSON.encode(metadata) if metadata else "{}"


def store_new(conn: sqlite3.Connection, source_id: int, document: Document, stamp: str) -> None:
    """Store a new file's articles, with their texts, blocks and index listing."""
    execute = conn.execute
    ids: list[int] = []
    texts: list[tuple[int, int, bytes]] = []
    for position, article in enumerate(document.articles):
        data = article.text.encode("utf-8")  # text_hash's bytes (and its error, if any)
        row = article_row(article, source_id, position, stamp, hashlib.sha256(data).hexdigest())
        article_id = int(execute(INSERT_ARTICLE, [*row.values(), stamp]).lastrowid or 0)
        ids.append(article_id)
        texts.append((article_id, *packed(data)))
        del data
    conn.executemany(TEXT_SQL, texts)
    del texts
    conn.executemany(BLOCKS_SQL, _block_rows(ids, document.articles))
    conn.executemany(PENDING_SQL, [(article_id,) for article_id in ids])


def store_blocks(conn: sqlite3.Connection, article_id: int, article: Article) -> None:
    conn.executemany(BLOCKS_SQL, _block_rows([article_id], (article,)))


def _block_rows(ids: list[int], articles: tuple[Article, ...]) -> Iterator[tuple[Any, ...]]:
    """Rows made as they are stored: no list of a row per block."""
    labelled = LABELLED
    for article_id, article in zip(ids, articles, strict=True):
        for seq, b in enumerate(article.blocks):
            kind = b.kind
            yield (
                article_id,
                seq,
                kind,
                b.level,
                b.start,
                b.end,
                b.lines_json(),
                b.text if kind in labelled else None,
            )
