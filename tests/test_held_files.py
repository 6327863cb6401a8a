"""A library open in this process is never opened by Python: closing any descriptor of
a file drops the process's POSIX locks on it, and another process's ``reader ls`` then
deleted the WAL under the window ("disk I/O error")."""

import sqlite3
import subprocess
import sys
import threading

from reader.core.library import held_files
from reader.core.library.store import open_library

OTHER_PROCESS = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM sqlite_master').fetchall()\n"
    "c.close()\n"
)


def test_a_job_s_connection_leaves_the_window_s_locks_and_wal_alone(tmp_path):
    path = tmp_path / "lib.sqlite3"
    window = open_library(path)
    with window.transaction() as db:
        db.execute("UPDATE articles SET note = 'x' WHERE 0")
        db.execute("CREATE TABLE IF NOT EXISTS t_probe (v)")
        db.execute("INSERT INTO t_probe VALUES (1)")
    wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
    assert wal.exists() and shm.exists()
    job = open_library(path, create=False)  # a job's own connection, opened and closed
    job.close()
    # another process opens and closes the library: it must not find itself the last one
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True)
    assert wal.exists() and shm.exists()
    with window.transaction() as db:  # no "disk I/O error"
        db.execute("INSERT INTO t_probe VALUES (2)")
    assert window.conn.execute("SELECT count(*) FROM t_probe").fetchone()[0] == 2
    window.close()
    assert not held_files.is_held(path)


def test_counts_follow_connections_by_file_not_by_path(tmp_path):
    path = tmp_path / "lib.sqlite3"
    first = open_library(path)
    link = tmp_path / "link.sqlite3"
    link.symlink_to(path)
    second = open_library(link, create=False)
    assert held_files.is_held(path) and held_files.is_held(link)
    first.close()
    assert held_files.is_held(path)  # the second still has it
    second.close()
    second.close()  # twice: counted down once
    assert not held_files.is_held(path)
    assert held_files.key_of(path) not in held_files._held  # forgotten, not kept at 0


def test_a_file_that_is_not_a_library_is_still_refused_with_its_reason(tmp_path):
    import pytest

    from reader.core.errors import NotALibraryError

    text = tmp_path / "notes.txt"
    text.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(NotALibraryError, match="not a SQLite database"):
        open_library(text, create=False)
    assert not held_files.is_held(text)  # a refused file is not counted


def test_threads_opening_at_once_are_all_counted(tmp_path):
    path = tmp_path / "lib.sqlite3"
    open_library(path).close()
    opened, errors = [], []

    def work():
        try:
            opened.append(open_library(path, create=False))
        except Exception as exc:  # pragma: no cover - the assertion says what
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(opened) == 8
    key = held_files.key_of(path)
    assert held_files._held[key] == 8
    for library in opened:
        library.close()
    assert not held_files.is_held(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
