"""The search index: every folded character of an article a token in an FTS5 table.

Characters are folded across scripts (Traditional → Simplified, ``fold(..., variants=True)``),
so the index serves both kinds of search: it is a superset of the exact-script hits too.

Articles are listed in ``search_pending`` in the transaction that stores them,
and indexed in one batch afterwards (``index_pending``), so a kill between the
two loses no hit.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable

from reader.core.errors import LibraryLockedError
from reader.core.library.article_text import TEXT_COLUMNS, TEXT_JOIN, unpack
from reader.core.library.store import Library
from reader.core.text.folding import fold

# Punctuation is indexed too (a query may be "，" or "”。"): declared token characters.
TOKEN_PUNCTUATION = (
    "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·￥%+-=/.,;:!?()[]{}<>@#$&*_|~^`\\"
)
FTS_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '{}'".format(
    TOKEN_PUNCTUATION.replace("'", "''")
)
_TOKEN_PUNCTUATION = frozenset(TOKEN_PUNCTUATION)
# The body is the index's first column and the title its second (m009): FTS5 writes two
# bytes before the positions of every column but the first, once per character and article,
# so the body first takes a fifth off the index. The columns keep m004's names (m005
# recreates the table from m004's SQL): the one named ``title`` holds the body.
BODY_COLUMN, TITLE_COLUMN = "title", "body"
_ROW = f"rowid, {BODY_COLUMN}, {TITLE_COLUMN}"  # the values: id, body, title
HASH_BYTES = 64 << 20  # pending tokens held in memory before FTS5 writes a segment
PROGRESS_EVERY = 200  # articles between two progress reports of the index batch


def index_tokens(text: str) -> str:
    """The text FTS5 indexes: every character a token, folded across scripts too."""
    return " ".join(fold(text, variants=True))


def is_token_char(ch: str) -> bool:
    """Does the FTS5 tokenizer keep ``ch``? (unicode61: letters, numbers, private use.)"""
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co" or ch in _TOKEN_PUNCTUATION


def average_length(conn: sqlite3.Connection) -> float | None:
    """Tokens per indexed article (body and title), as bm25 reads it: FTS5 keeps the row
    count and each column's token total as varints in its data table's row 1."""
    row = conn.execute("SELECT block FROM search_index_data WHERE id = 1").fetchone()
    values: list[int] = []
    value = 0
    for byte in bytes(row[0]) if row and row[0] else b"":
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            values.append(value)
            value = 0
    if len(values) < 2 or values[0] == 0:
        return None
    return sum(values[1:]) / values[0]


def index_article(conn: sqlite3.Connection, article_id: int, title: str, text: str) -> None:
    conn.execute(
        f"INSERT INTO search_index ({_ROW}) VALUES (?, ?, ?)",
        [article_id, index_tokens(text), index_tokens(title)],
    )


PENDING_SQL = "INSERT OR IGNORE INTO search_pending (article_id) VALUES (?)"  # one article_id


def mark_pending(conn: sqlite3.Connection, article_id: int) -> None:
    """List an article for indexing (in the transaction that stores it)."""
    conn.execute(PENDING_SQL, [article_id])


def drop_from_index(conn: sqlite3.Connection, article_id: int, title: str, text: str) -> None:
    """Take an article's old text out of the index, unless it was never indexed.

    A contentless FTS5 table deletes by replaying the indexed values.
    """
    pending = conn.execute(
        "SELECT 1 FROM search_pending WHERE article_id = ?", [article_id]
    ).fetchone()
    if pending is None:
        conn.execute(
            f"INSERT INTO search_index (search_index, {_ROW}) VALUES ('delete', ?, ?, ?)",
            [article_id, index_tokens(text), index_tokens(title)],
        )


def pending_ids(library: Library) -> list[int]:
    """Articles stored but not yet in the index (a read: no transaction)."""
    return [r[0] for r in library.conn.execute("SELECT article_id FROM search_pending ORDER BY 1")]


def index_pending(library: Library, progress: Callable[[int, int], None] | None = None) -> int:
    """Index every listed article in one transaction; returns how many.

    ``progress(done, total)`` is called every ``PROGRESS_EVERY`` articles and at the end."""
    if library.conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is None:
        return 0
    with library.transaction() as conn:
        rows = conn.execute(  # the texts packed: a fraction of their size in memory
            f"SELECT a.id, a.title, {TEXT_COLUMNS} FROM search_pending p JOIN articles a "
            f"ON a.id = p.article_id {TEXT_JOIN} WHERE a.retired_at IS NULL"
        ).fetchall()
        conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)")
        conn.execute(
            "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ?)", [HASH_BYTES]
        )
        for done, (article_id, title, plain, packed) in enumerate(rows):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(rows))
            index_article(conn, article_id, title, unpack(plain, packed))
        conn.execute("DELETE FROM search_pending")
        merge_segments(conn)
        conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4)")
    if progress is not None:
        progress(len(rows), len(rows))
    return len(rows)


def index_pending_if_free(library: Library) -> bool:
    """``index_pending`` if no one else is writing; False at once if someone is (an import
    in another process or thread): the caller then searches what is indexed and reads the
    articles still listed directly, never waiting on the writer."""
    conn = library.conn
    if conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is None:
        return True
    (timeout,) = conn.execute("PRAGMA busy_timeout").fetchone()
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        index_pending(library)
    except LibraryLockedError:
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    return True


def merge_segments(conn: sqlite3.Connection) -> None:
    """Merge the index's segments until no two are at the same level: a query looks a
    token up in every segment (50,000 articles indexed in one batch left 37 segments,
    and a query's look-ups took 20-30 ms; merged, under 1 ms). Each batch merges about
    its own size again, as in any log-structured merge."""
    conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('usermerge', 2)")
    while True:
        before = conn.total_changes
        conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('merge', 2000)")
        if conn.total_changes - before < 2:  # FTS5: nothing left to merge
            return
