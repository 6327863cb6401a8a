"""``reader recover`` pinned in-process: what a recovery copies, counts, drops and says on
each of its paths (the sqlite3 shell's .recover, row by row, page by page)."""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.core.errors import LibraryDamagedError
from reader.core.repair import recover as rec
from reader.core.repair.pagescan import (
    Column,
)
from reader.core.repair.recover import RecoverResult, recover_library
from repair_helpers import annotated_library, run_sql

SHELL = """import shutil, sys
if sys.argv[1] == "-bail":  # sqlite3 -bail SOURCE .recover: the dump
    {dump}
else:  # sqlite3 TARGET < dump
    if sys.stdin.isatty():
        sys.exit(1)
    dump = sys.stdin.read()
    {load}
"""
DUMP_OK = 'print("-- " + sys.argv[2]); print("BEGIN;"); print("COMMIT;")'
LOAD_OK = 'shutil.copyfile(dump.splitlines()[0][3:], sys.argv[1]) if "COMMIT;" in dump else exit(1)'


def _shell(tmp_path, monkeypatch, dump=DUMP_OK, load=LOAD_OK) -> None:
    """A stand-in for the sqlite3 shell whose ``.recover`` copies the file as it is."""
    script = tmp_path / "sqlite3"
    script.write_text(f"#!{sys.executable}\n" + SHELL.format(dump=dump, load=load))
    script.chmod(0o755)
    monkeypatch.setattr(rec, "sqlite_shell", lambda: str(script))


def _contents(path: Path) -> dict[str, list[tuple]]:
    queries = {
        "articles": "SELECT id, title, source_id FROM articles",
        "annotations": 'SELECT id, article_id, start, "end", note, color, annotator FROM annotations',
        "tags": "SELECT id, name FROM tags",
        "annotation_tags": "SELECT annotation_id, tag_id FROM annotation_tags",
        "blocks": 'SELECT id, article_id, seq, start, "end" FROM blocks',
        "source_raw": "SELECT source_id, zlib FROM source_raw",
    }
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {t: sorted(conn.execute(q).fetchall()) for t, q in queries.items()}


def _counts(path: Path, tables) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _copied_tables(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    skip = ("_sqlite_migrations", "search_index")
    return [n for n in names if not n.startswith(skip) and not n.startswith("sqlite_")]


def test_recover_through_the_shell(tmp_path, monkeypatch):
    _shell(tmp_path, monkeypatch)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source, out = annotated_library(tmp_path / "a" / "lib.db"), tmp_path / "b" / "out.db"
    said, during = [], []

    def progress(message):
        said.append(message)
        during.append(sorted(p.name.startswith(".out.db.recover-") for p in out.parent.iterdir()))

    tables = _copied_tables(source)
    expected = _counts(source, tables)
    result = recover_library(source, out, progress)
    assert during == [[True]] * len(said)  # its work folder sits beside OUT …
    assert [p.name for p in out.parent.iterdir()] == ["out.db"]  # … and is gone after
    assert (result.out, result.method, result.dropped) == (out, "SQLite's .recover", 0)
    assert result.original == _counts(source, rec.REPORTED)
    # the raw source's zlib blob is copied as bytes, and passes zlib's check
    assert result.copied == {**expected, "source_raw": 1}
    assert _contents(out) == _contents(source)
    assert _contents(out)["source_raw"]
    assert said == [
        "reading every page with SQLite's .recover …",
        *(f"copying {t} …" for t in tables),
        "rebuilding the search index …",
    ]
    assert result.lines() == [
        f"recovered into {out} (SQLite's .recover)",
        "  sources: 1 of 1",
        "  articles: 2 of 2",
        "  blocks: 63 of 63",
        "  annotations: 2 of 2",
        "  tags: 2 of 2",
        "  annotation_tags: 3 of 3",
    ]


def test_recover_drops_dangling_rows_and_counts_refused_ones(tmp_path, monkeypatch):
    _shell(tmp_path, monkeypatch)
    source = annotated_library(tmp_path / "lib.db")
    run_sql(
        source,
        "DELETE FROM sources",  # the articles' source: their link is cleared
        "DELETE FROM source_raw",
        "UPDATE annotations SET article_id = 999 WHERE note = '一'",  # with its two tags
        "DROP TABLE search_pending",
        "CREATE TABLE search_pending (article_id TEXT)",
        "INSERT INTO search_pending VALUES ('abc'), ('def')",  # refused: not rowids
    )
    before = _contents(source)
    result = recover_library(source, tmp_path / "out.db")
    assert result.dropped == 2 + 1 + 2
    assert result.copied == {
        **_counts(source, _copied_tables(source)),
        "search_pending": 0,
        "annotations": 1,
        "annotation_tags": 1,
    }
    after = _contents(tmp_path / "out.db")
    assert after["articles"] == [(i, title, None) for i, title, _ in before["articles"]]
    assert after["annotations"] == [a for a in before["annotations"] if a[1] != 999]
    kept = after["annotations"][0][0]
    assert after["annotation_tags"] == [t for t in before["annotation_tags"] if t[0] == kept]
    assert result.lines()[1:] == [
        "  sources: 0 of 0",
        "  articles: 2 of 2",
        "  blocks: 63 of 63",
        "  annotations: 1 of 2",
        "  tags: 2 of 2",
        "  annotation_tags: 1 of 3",
        "  5 rows were unreadable or inconsistent and left out",
    ]


def test_recover_a_destroyed_first_page_page_by_page(tmp_path, monkeypatch):
    monkeypatch.setattr(rec, "sqlite_shell", lambda: None)
    source = annotated_library(tmp_path / "lib.db")
    before = _contents(source)
    expected = {**_counts(source, rec.REPORTED), "source_raw": 1, "article_text": 2}
    data = bytearray(source.read_bytes())
    data[:4096] = bytes(4096)
    source.write_bytes(data)
    said: list[str] = []
    result = recover_library(source, tmp_path / "out.db", said.append)
    assert result.method == "row by row, then page by page"
    assert result.original == dict.fromkeys(rec.REPORTED)
    assert (result.copied, result.dropped) == (expected, 0)
    assert _contents(tmp_path / "out.db") == before
    assert said == [
        "the sqlite3 shell is not installed: copying row by row",
        "reading the leaf pages SQLite could not reach …",
        "rebuilding the search index …",
    ]
    assert result.lines()[1] == "  sources: 1"
    zeroed = tmp_path / "zeroed.db"
    zeroed.write_bytes(bytes(8192))
    with pytest.raises(LibraryDamagedError) as caught:
        recover_library(zeroed, tmp_path / "out2.db")
    assert str(caught.value).endswith(": no row of it could be read; nothing to recover")
    assert not (tmp_path / "out2.db").exists()


@pytest.mark.parametrize(
    "dump, load, why",
    [
        ('sys.stderr.buffer.write(b"\\xffbad page\\n"); sys.exit(1)', LOAD_OK, "\ufffdbad page"),
        (DUMP_OK, 'sys.stderr.write("e" * 250); sys.exit(1)', "e" * 200),
        ('print("BEGIN;")', LOAD_OK, ""),
    ],
)
def test_when_the_shell_fails_recover_copies_row_by_row(tmp_path, monkeypatch, dump, load, why):
    _shell(tmp_path, monkeypatch, dump, load)
    source = annotated_library(tmp_path / "lib.db")
    said: list[str] = []
    result = recover_library(source, tmp_path / "out.db", said.append)
    assert result.method == "row by row, then page by page"
    assert said[:2] == [
        "reading every page with SQLite's .recover …",
        f"SQLite's .recover did not work here ({why}): copying row by row",
    ]
    assert _contents(tmp_path / "out.db")["annotations"] == _contents(source)["annotations"]


def test_the_shell_is_looked_up_as_sqlite3():
    assert rec.sqlite_shell() == shutil.which("sqlite3")


def _table(path: Path, rows: list[tuple[int, int, str]]) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("CREATE TABLE t (a INTEGER, v TEXT)")
    conn.executemany("INSERT INTO t (rowid, a, v) VALUES (?, ?, ?)", rows)
    conn.commit()
    conn.close()
    return path


def _zero_page_holding(path: Path, marker: bytes) -> bytes:
    data = bytearray(path.read_bytes())
    start = data.index(marker) // 1024 * 1024
    page = bytes(data[start : start + 1024])
    data[start : start + 1024] = bytes(1024)
    path.write_bytes(data)
    return page


def test_readable_rows_step_over_a_destroyed_leaf_page(tmp_path):
    rows = [(n, n, f"r{n:04d}x" + "x" * 90) for n in range(1, 201)]
    path = _table(tmp_path / "t.db", rows)
    page = _zero_page_holding(path, b"r0100x")
    lost = {int(n) for n in re.findall(rb"r(\d{4})x", page)}
    assert 100 in lost and len(lost) < 20
    conn = sqlite3.connect(path)
    got = list(rec._readable_rows(conn, "t", ["a", "v"]))
    readable = [(n, v) for _, n, v in rows if n not in lost]
    before = [r for r in readable if r[0] < min(lost)]
    assert got[: len(before)] == before
    # past the broken page it jumps 1, 2, 4, 8 … rows ahead: some rows after it are
    # skipped (the page scan brings them back), the rest of the table is read
    assert set(got) <= set(readable) and got == sorted(got)
    assert [r for r in got if r[0] > 150] == [r for r in readable if r[0] > 150]


def test_readable_rows_salvage_a_row_whose_overflow_page_is_gone(tmp_path):
    top = 2**63 - 1
    long = "长" * 1000 + "{}" + "长" * 1000  # MID…: on an overflow page inside the chain
    rows = [(1, 10, "one"), (2, 20, long.format("MID2")), (3, 30, "three")]
    path = _table(tmp_path / "t.db", [*rows, (top, 40, long.format("MIDTOP"))])
    _zero_page_holding(path, b"MID2")
    _zero_page_holding(path, b"MIDTOP")
    conn = sqlite3.connect(path)
    got = list(rec._readable_rows(conn, "t", ["a", "v"]))
    assert got == [(10, "one"), (20, ""), (30, "three"), (40, "")]


def test_rows_only_the_page_scan_finds_are_added_and_counted(tmp_path):
    source = tmp_path / "s.db"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n, s TEXT)")
        conn.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT, x REAL, y REAL)")
        conn.execute("CREATE TABLE search_index_data (id INTEGER PRIMARY KEY, block BLOB)")
        conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany(
            "INSERT INTO t VALUES (?, ?, ?)",
            [(1, 5, "a"), (2, "bad", "b"), (3, "no", "c"), (4, 7, "d")],
        )
        conn.executemany("INSERT INTO u VALUES (?, ?, ?, ?)", [(1, "p", 1.5, 2), (2, "q", 0.5, -1)])
        conn.execute("INSERT INTO search_index_data VALUES (1, x'00')")
        conn.execute("INSERT INTO _sqlite_migrations VALUES (1, 'm001')")
    target = sqlite3.connect(":memory:")
    target.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT) STRICT")
    target.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT, x REAL, y REAL)")
    target.execute("CREATE TABLE search_index_data (id INTEGER PRIMARY KEY, block BLOB)")
    target.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, name TEXT)")
    result = RecoverResult(tmp_path / "out.db", "m", copied={"t": 10}, dropped=5)
    rec._add_scanned(source, target, result)
    assert (result.copied, result.dropped) == ({"t": 12, "u": 2}, 7)
    assert target.execute("SELECT * FROM t").fetchall() == [(1, 5, "a"), (4, 7, "d")]
    assert target.execute("SELECT * FROM u").fetchall() == [(1, "p", 1.5, 2.0), (2, "q", 0.5, -1.0)]
    assert target.execute("SELECT count(*) FROM search_index_data").fetchone() == (0,)
    assert target.execute("SELECT count(*) FROM _sqlite_migrations").fetchone() == (0,)


def test_the_schema_the_page_scan_is_given():
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE a (id integer PRIMARY KEY, n int, c clob, vc VARCHAR(9), f FLOAT, "
        "d DOUBLE, r REAL, x, b BLOB, bi BIGINT)"
    )
    conn.execute("CREATE TABLE p (x INTEGER, y INTEGER, PRIMARY KEY (x, y))")
    conn.execute("CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5(body)")
    schema = rec._reader_schema(conn)
    assert sorted(schema) == ["a", "p", "v_content", "v_data", "v_docsize"]
    kinds = ["INTEGER", "INTEGER", "TEXT", "TEXT", "REAL", "REAL", "REAL", "", "", "INTEGER"]
    names = ["id", "n", "c", "vc", "f", "d", "r", "x", "b", "bi"]
    assert schema["a"] == [Column(n, k, n == "id") for n, k in zip(names, kinds, strict=True)]
    assert schema["p"] == [Column("x", "INTEGER", False), Column("y", "INTEGER", False)]
