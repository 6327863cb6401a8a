"""Giving a library's free pages back to the disk after a big batch of writes.

The search index's final merge after a big import frees about as many pages as
the index holds; SQLite keeps free pages inside the file for later writes. m008
set ``auto_vacuum = INCREMENTAL``, so ``PRAGMA incremental_vacuum`` can move the
last pages into the free ones and cut the file's tail. Import calls
:func:`reclaim` after its index batch.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.errors import LibraryLockedError
from reader.core.library.store import Library

MIN_FREE_BYTES = 1 << 20  # below this, free pages are left for the next writes to use


@dataclass(frozen=True)
class Space:
    page_size: int
    pages: int
    free_pages: int

    @property
    def file_bytes(self) -> int:
        return self.page_size * self.pages

    @property
    def free_bytes(self) -> int:
        return self.page_size * self.free_pages


def space(library: Library) -> Space:
    conn = library.conn
    page_size, pages, free = (
        int(conn.execute(f"PRAGMA {name}").fetchone()[0])
        for name in ("page_size", "page_count", "freelist_count")
    )
    return Space(page_size, pages, free)


def reclaim(library: Library, min_free_bytes: int | None = None) -> int:
    """Give free pages back when they add up to ``min_free_bytes``; returns the bytes freed.

    Its own write transaction: nothing happens inside another one, in a library without
    incremental auto-vacuum, or while another program holds the write lock (free pages are
    harmless: the next writes use them). The file itself shrinks at the WAL's checkpoint,
    which is tried at once."""
    conn = library.conn
    if conn.in_transaction or int(conn.execute("PRAGMA auto_vacuum").fetchone()[0]) != 2:
        return 0
    before = space(library)
    if before.free_bytes < (MIN_FREE_BYTES if min_free_bytes is None else min_free_bytes):
        return 0
    try:
        # executescript steps the pragma to its end: execute() would free a single page
        conn.executescript("PRAGMA incremental_vacuum;")
    except LibraryLockedError:
        return 0
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    return before.free_bytes - space(library).free_bytes
