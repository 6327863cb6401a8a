"""Open a library file: one SQLite database, upgraded by its migrations.

Every failure to open becomes a :class:`LibraryError` with one readable line:
not a SQLite file, another program's database, a newer Reader's library, a
read-only location, a lock held by another process, a damaged file.

After opening, every SQLite error of every statement and every fetch, through
``library.conn`` or sqlite-utils, is translated the same way
(:class:`LibraryConnection`): damage that opening cannot see (a zeroed page in
the middle, text that is not UTF-8) or a full disk in the middle of a
transaction is a :class:`LibraryError`, never a raw ``sqlite3`` error. The
translated error is also an instance of the original ``sqlite3`` class, so code
that catches ``sqlite3.OperationalError`` (sqlite-utils does) still works.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.errors import (
    LibraryError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    NotALibraryError,
)
from reader.core.library import held_files
from reader.core.library.held_files import FileKey
from reader.core.library.migration_names import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE
from reader.core.library.sqlite_errors import (  # the messages' helpers, kept importable here
    describe_os_error as describe_os_error,
)
from reader.core.library.sqlite_errors import shorten_path as shorten_path
from reader.core.library.sqlite_errors import translate_sqlite_error as translate_sqlite_error

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 3.0


class Library:
    """An open library. Use as a context manager, or call :meth:`close`.

    ``conn`` is the plain sqlite3 connection; ``db`` wraps it in sqlite-utils on demand.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, held: FileKey | None = None) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        self._held = held  # counted in held_files until closed

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
        """Close cleanly: a connection that wrote checkpoints the WAL first, so nothing
        waits in ``-wal`` after a quit.

        A connection that only read does not, and no checkpoint waits for another
        connection: a TRUNCATE checkpoint waits the busy timeout for readers and writers,
        so a search job's connection, closed during an import, held its results back up
        to 3 s (and the next search dropped them). SQLite's own checkpoint when the last
        connection closes, and its automatic ones, do the rest."""
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if self.conn.total_changes:
                self.conn.execute("PRAGMA busy_timeout = 0")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        held, self._held = self._held, None
        held_files.release(held)

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
            raise translate_sqlite_error(exc, self.path) from exc
        try:
            yield conn
        except BaseException:
            _rollback(conn)
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(conn)
            raise translate_sqlite_error(exc, self.path) from exc


def _rollback(conn: sqlite3.Connection) -> None:
    # After SQLITE_FULL or damage SQLite may have rolled back already, or may
    # fail to; the error being raised is the one to report.
    with contextlib.suppress(sqlite3.Error):
        if conn.in_transaction:
            conn.execute("ROLLBACK")


_EXECUTE = sqlite3.Cursor.execute
_EXECUTEMANY = sqlite3.Cursor.executemany
_EXECUTESCRIPT = sqlite3.Cursor.executescript
_FETCHONE = sqlite3.Cursor.fetchone
_FETCHMANY = sqlite3.Cursor.fetchmany
_FETCHALL = sqlite3.Cursor.fetchall
_NEXT = sqlite3.Cursor.__next__
_CURSOR = sqlite3.Connection.cursor


class LibraryCursor(sqlite3.Cursor):
    """A cursor whose every SQLite error is a :class:`LibraryError` (see the module doc).

    The base methods are called directly (not through ``super()``): this sits on
    every statement and every fetched row.
    """

    def _fault(self, exc: sqlite3.Error) -> BaseException:
        location = getattr(self.connection, "location", None) or Path("the library")
        return translate_sqlite_error(exc, location)

    def execute(self, sql: str, parameters: Any = (), /) -> LibraryCursor:
        try:
            _EXECUTE(self, sql, parameters)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc
        return self

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> LibraryCursor:
        try:
            _EXECUTEMANY(self, sql, seq_of_parameters)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc
        return self

    def executescript(self, sql_script: str, /) -> LibraryCursor:
        try:
            _EXECUTESCRIPT(self, sql_script)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc
        return self

    def fetchone(self) -> Any:
        try:
            return _FETCHONE(self)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc

    def fetchmany(self, size: int | None = None) -> list[Any]:
        try:
            return _FETCHMANY(self, self.arraysize if size is None else size)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc

    def fetchall(self) -> list[Any]:
        try:
            return _FETCHALL(self)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc

    def __next__(self) -> Any:
        try:
            return _NEXT(self)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc


class LibraryConnection(sqlite3.Connection):
    """A connection whose cursors translate SQLite errors; ``location`` names the file."""

    location: Path | None = None

    def cursor(self, factory: Any = LibraryCursor) -> Any:
        return _CURSOR(self, factory)

    # sqlite3.Connection.execute makes a plain cursor, not self.cursor(): route it here.
    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        cursor = _CURSOR(self, LibraryCursor)
        try:
            return _EXECUTE(cursor, sql, parameters)
        except sqlite3.Error as exc:
            raise cursor._fault(exc) from exc

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> Any:
        return _CURSOR(self, LibraryCursor).executemany(sql, seq_of_parameters)

    def executescript(self, sql_script: str, /) -> Any:
        return _CURSOR(self, LibraryCursor).executescript(sql_script)


def open_library(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> Library:
    """Open (or, with ``create``, make) the library at ``path``."""
    location = Path(path).expanduser()
    with held_files.LOCK:  # no header read here between another thread's connect and count
        conn = _connect(location, create, busy_timeout)
        held = held_files.hold(location)  # the file exists now (WAL mode wrote it)
    try:
        if _pending(conn, location):
            from sqlite_utils import Database

            from reader.core.library.migrations import migrations

            migrations.apply(Database(conn))
    except LibraryError:
        conn.close()
        held_files.release(held)
        raise
    except sqlite3.Error as exc:
        conn.close()
        held_files.release(held)
        raise translate_sqlite_error(exc, location) from exc
    return Library(conn, location, held)


def _connect(location: Path, create: bool, busy_timeout: float) -> LibraryConnection:
    """A checked connection in WAL mode; its file's header is read only when no
    connection of this process has the file open (see :mod:`held_files`)."""
    _check_location(location, create, header=not held_files.is_held(location))
    try:
        conn = sqlite3.connect(
            str(location),
            timeout=busy_timeout,
            isolation_level=None,
            factory=LibraryConnection,
        )
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, location) from exc
    assert isinstance(conn, LibraryConnection)
    conn.location = location
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        _check_is_reader_library(conn, location)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryReadOnlyError(f"{location}: cannot switch the library to WAL mode")
        conn.execute("PRAGMA synchronous = NORMAL")
    except LibraryError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise translate_sqlite_error(exc, location) from exc
    return conn


def _check_location(location: Path, create: bool, header: bool = True) -> None:
    """Refuse a folder, a non-SQLite file (``header``: read it) or an unusable location
    before SQLite sees it."""
    try:
        _check_location_unsafe(location, create, header)
    except OSError as exc:  # too long a name, an unreadable folder on the way, …
        raise LibraryError(
            f"cannot use {shorten_path(location)}: {describe_os_error(exc)}"
        ) from exc


def _check_location_unsafe(location: Path, create: bool, header: bool) -> None:
    if location.is_dir():
        raise NotALibraryError(f"{location} is a folder, not a library file")
    if location.exists():
        if not os.access(location, os.R_OK):
            raise LibraryReadOnlyError(f"{location}: permission denied")
        if not header:  # open here already: a library, and Python must not open it
            return
        try:
            with location.open("rb") as fh:
                first = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise LibraryError(f"{location}: {exc.strerror or exc}") from exc
        if first and first != SQLITE_HEADER:
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
