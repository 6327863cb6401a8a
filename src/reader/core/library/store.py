"""Open a library file: one SQLite database, upgraded by its migrations.

Every failure to open becomes a :class:`LibraryError` with one readable line:
not a SQLite file, another program's database, a newer Reader's library, a
read-only location, a lock held by another process, a damaged file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import (
    LibraryError,
    LibraryLockedError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    NotALibraryError,
)
from reader.core.library.migration_names import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 3.0


class Library:
    """An open library. Use as a context manager, or call :meth:`close`.

    ``conn`` is the plain sqlite3 connection; ``db`` wraps it in sqlite-utils on demand.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so a lock held by
        another process fails here with a clear message, not halfway through.
        """
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from exc
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _translate(exc, self.path) from exc


def open_library(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> Library:
    """Open (or, with ``create``, make) the library at ``path``."""
    location = Path(path).expanduser()
    _check_location(location, create)
    try:
        conn = sqlite3.connect(str(location), timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise _translate(exc, location) from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        _check_is_reader_library(conn, location)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryReadOnlyError(f"{location}: cannot switch the library to WAL mode")
        conn.execute("PRAGMA synchronous = NORMAL")
        if _pending(conn, location):
            from sqlite_utils import Database

            from reader.core.library.migrations import migrations

            migrations.apply(Database(conn))
    except LibraryError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise _translate(exc, location) from exc
    return Library(conn, location)


def _check_location(location: Path, create: bool) -> None:
    if location.is_dir():
        raise NotALibraryError(f"{location} is a folder, not a library file")
    if location.exists():
        if not os.access(location, os.R_OK):
            raise LibraryReadOnlyError(f"{location}: permission denied")
        try:
            with location.open("rb") as fh:
                header = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise LibraryError(f"{location}: {exc.strerror or exc}") from exc
        if header and header != SQLITE_HEADER:
            raise NotALibraryError(f"{location} is not a Reader library (not a SQLite database)")
        return
    if not create:
        raise LibraryError(f"no library at {location}")
    try:
        location.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryReadOnlyError(
            f"cannot create a library at {location}: {exc.strerror or exc}"
        ) from exc
    if not os.access(location.parent, os.W_OK):
        raise LibraryReadOnlyError(
            f"cannot create a library at {location}: the folder is read-only"
        )


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _check_is_reader_library(conn: sqlite3.Connection, location: Path) -> None:
    tables = _tables(conn)
    if not tables:
        return  # a new, empty file: the migrations will set it up
    if MIGRATIONS_TABLE not in tables:
        raise NotALibraryError(f"{location} is a SQLite database, but not a Reader library")
    sets = {
        row[0]
        for row in conn.execute(f"SELECT DISTINCT migration_set FROM {MIGRATIONS_TABLE}").fetchall()
    }
    if MIGRATION_SET not in sets:
        raise NotALibraryError(f"{location} is a SQLite database, but not a Reader library")


def _pending(conn: sqlite3.Connection, location: Path) -> bool:
    """Are migrations pending? Refuses a library written by a newer Reader."""
    if MIGRATIONS_TABLE not in _tables(conn):
        return True
    applied = {
        row[0]
        for row in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchall()
    }
    if applied - set(MIGRATION_NAMES):
        raise LibraryTooNewError(
            f"{location} was written by a newer version of Reader; update Reader to open it"
        )
    return bool(set(MIGRATION_NAMES) - applied)


def _translate(exc: sqlite3.Error, location: Path) -> LibraryError:
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return LibraryLockedError(
            f"{location} is locked by another program; close it there and try again"
        )
    if "readonly" in message or "read-only" in message:
        return LibraryReadOnlyError(f"{location} is read-only; Reader cannot save changes there")
    if "unable to open" in message:
        return LibraryReadOnlyError(f"cannot open {location}: the location cannot be written")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return NotALibraryError(f"{location} is damaged or not a Reader library ({exc})")
    if "disk" in message and "full" in message:
        return LibraryError(f"{location}: the disk is full")
    return LibraryError(f"{location}: {exc}")
