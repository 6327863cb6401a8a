"""Migrations from m011 on, registered by ``migrations.py`` in the order of ``LATE``.

The same rules hold here: never edit one that has run anywhere; add a new one, its
name in ``migration_names.py`` and its fingerprint in ``tests/data/migration_hashes.json``.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable

import zstandard
from sqlite_utils import Database

from reader.core.errors import LibraryError


def _file(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA database_list").fetchone()[2] or "the library")


M011_LEVEL = 3  # zstd's default level
M011_ROWS = 2000  # texts re-encoded per transaction: a kill keeps what was committed


def m011_article_texts_zstd(db: Database) -> None:
    """Article texts re-encoded from zlib to zstd (one frame with its checksum and size):
    a search's first page reads a hundred texts, and zstd gives them back 2.5 times as fast
    (~0.57 of the UTF-8 against zlib's 0.55). The column keeps m010's name. Rows are
    re-encoded ``M011_ROWS`` to a transaction; run again after a kill, it takes up the rows
    still in zlib. A stream that does not inflate is left as it is, for ``reader check`` to
    report. No ``VACUUM``: the frames are about the size of the streams they replace."""
    conn = db.conn
    if conn.in_transaction:
        raise LibraryError(f"{_file(conn)}: cannot upgrade inside a transaction")
    compressor = zstandard.ZstdCompressor(level=M011_LEVEL, write_checksum=True)
    last = -1
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute(
                "SELECT article_id, zlib FROM article_text WHERE article_id > ? "
                "AND substr(zlib, 1, 4) != X'28B52FFD' ORDER BY article_id LIMIT ?",
                [last, M011_ROWS],
            ).fetchall()
            for article_id, stream in rows:
                try:
                    data = zlib.decompress(stream)
                except (zlib.error, TypeError):
                    continue  # damaged: kept for check and recover to see
                conn.execute(
                    "UPDATE article_text SET zlib = ? WHERE article_id = ?",
                    [compressor.compress(data), article_id],
                )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if len(rows) < M011_ROWS:
            return
        last = rows[-1][0]


# (migration, runs in a transaction of sqlite-utils'), in order
LATE: tuple[tuple[Callable[[Database], None], bool], ...] = ((m011_article_texts_zstd, False),)
