"""Several files in one write transaction, each file whole or not at all.

Committing every file rewrites the same upper pages of every table and index
(sources, articles, blocks, source_raw, the pending list…) into the WAL each time:
with small files that costs as much as their own rows. An import stores its files
in transactions of about ``BATCH_BYTES`` or ``BATCH_SECONDS``, whichever comes
first, each file in a savepoint: a file that fails is rolled back alone, a cancel
or the end commits every whole file stored so far, and a kill loses at most the
files of the open batch (none of them in part).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator

from reader.core.library.store import Library, translate_sqlite_error

BATCH_BYTES = 4_000_000  # source bytes stored before a commit
BATCH_SECONDS = 0.5  # and at most this long between two commits


class FileBatch:
    """The import's open transaction; :meth:`file` wraps one file's writes."""

    def __init__(
        self,
        library: Library,
        max_bytes: int | None = None,
        max_seconds: float | None = None,
    ) -> None:
        self._library = library
        self._max_bytes = BATCH_BYTES if max_bytes is None else max_bytes
        self._max_seconds = BATCH_SECONDS if max_seconds is None else max_seconds
        self._bytes = 0
        self._started = 0.0
        self.files = 0  # files in the open transaction

    @contextlib.contextmanager
    def file(self, size: int) -> Iterator[sqlite3.Connection]:
        """One file's writes: kept whole (a savepoint released) or rolled back whole."""
        conn = self._library.conn
        if not conn.in_transaction:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise translate_sqlite_error(exc, self._library.path) from exc
            self._bytes, self._started, self.files = 0, time.perf_counter(), 0
        conn.execute("SAVEPOINT import_file")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # after SQLITE_FULL SQLite may have rolled back already
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK TO import_file")
                    conn.execute("RELEASE import_file")
            raise
        conn.execute("RELEASE import_file")
        self.files += 1
        self._bytes += size
        if (
            self._bytes >= self._max_bytes
            or time.perf_counter() - self._started >= self._max_seconds
        ):
            self.commit()

    def commit(self) -> None:
        """Commit the files stored so far (nothing to do when none are pending)."""
        conn = self._library.conn
        if not conn.in_transaction:
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            raise translate_sqlite_error(exc, self._library.path) from exc
        finally:
            self.files = 0
