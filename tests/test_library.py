"""Opening libraries: migrations, WAL, and one clear error for every bad file."""

import sqlite3
import subprocess
import sys
import threading

import pytest
from sqlite_utils import Database

from reader.core.errors import (
    LibraryError,
    LibraryLockedError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    NotALibraryError,
)
from reader.core.library.migrations import migrations
from reader.core.library.store import open_library


def test_fresh_library_gets_current_schema_wal_and_foreign_keys(tmp_path):
    with open_library(tmp_path / "new" / "lib.sqlite3") as lib:
        tables = set(lib.db.table_names())
        assert {
            "sources",
            "articles",
            "blocks",
            "article_versions",
            "tags",
            "annotations",
            "annotation_tags",
            "user_words",
        } <= tables
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert not migrations.pending(lib.db)


def test_older_library_is_upgraded_on_open(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    migrations.apply(db, stop_before="m002_tags_annotations")
    db.conn.close()
    assert "annotations" not in Database(path).table_names()
    with open_library(path) as lib:
        assert "annotations" in lib.db.table_names()
        assert not migrations.pending(lib.db)


def test_newer_library_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite3"
    open_library(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('reader', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(LibraryTooNewError, match="newer version"):
        open_library(path)


def test_not_sqlite_and_foreign_sqlite_are_refused_without_writing(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_bytes(b"just some notes")
    with pytest.raises(NotALibraryError, match="not a SQLite database"):
        open_library(text)
    assert text.read_bytes() == b"just some notes"
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotALibraryError, match="not a Reader library"):
        open_library(other)
    assert other.read_bytes() == before


def test_corrupt_library_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite3"
    open_library(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryError):
        open_library(path)


def test_read_only_location_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(LibraryReadOnlyError):
        open_library(blocker / "lib.sqlite3")
    with pytest.raises(LibraryError, match="no library"):
        open_library(tmp_path / "missing.sqlite3", create=False)


def test_locked_library_gives_a_clear_error(tmp_path):
    path = tmp_path / "lib.sqlite3"
    open_library(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LibraryLockedError, match="locked by another program"):
            lib = open_library(path, busy_timeout=0.3)
            with lib.transaction() as db:
                db.execute("INSERT INTO settings VALUES ('k', 'v')")
    finally:
        holder.kill()
        holder.wait()


def test_transaction_rolls_back_whole(library):
    with pytest.raises(RuntimeError), library.transaction() as db:
        db.execute("INSERT INTO settings VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert library.db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_migration_names_match_the_registered_migrations():
    from reader.core.library.migration_names import MIGRATION_NAMES

    assert tuple(m.name for m in migrations.pending(Database(memory=True))) == MIGRATION_NAMES


def test_a_connection_that_only_read_leaves_the_checkpoint_to_the_others(tmp_path):
    """A search job's connection closed while an import writes: a checkpoint there waited
    the busy timeout for the writer (its results came up to 3 s late, and the next search
    dropped them). One that wrote still checkpoints, without waiting for anyone."""
    path = tmp_path / "lib.sqlite3"
    wal = path.with_name(path.name + "-wal")
    open_library(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("INSERT INTO settings VALUES ('before', 'v')")
    size = wal.stat().st_size
    assert size > 0
    reading = open_library(path, create=False)
    assert reading.conn.execute("SELECT count(*) FROM settings").fetchone() == (1,)
    reading.close()
    assert wal.stat().st_size == size  # no checkpoint: nothing waited for
    writing = open_library(path, create=False)
    with writing.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('k', 'v')")
    writing.conn.execute("PRAGMA busy_timeout = 3600000")  # an hour, were it waited for
    other.execute("BEGIN IMMEDIATE")  # a writer busy meanwhile: not waited for either
    other.execute("INSERT INTO settings VALUES ('during', 'v')")
    closing = threading.Thread(target=writing.close)
    closing.start()
    closing.join(60)
    stuck = closing.is_alive()
    other.execute("COMMIT")
    closing.join()
    assert not stuck, "close() waited for the other connection's write lock"
    other.close()
    with open_library(path, create=False) as library:
        keys = library.conn.execute("SELECT key FROM settings ORDER BY 1").fetchall()
        assert keys == [("before",), ("during",), ("k",)]
        with library.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = 'during'")
    assert not wal.exists() or wal.stat().st_size == 0  # written, alone: truncated
