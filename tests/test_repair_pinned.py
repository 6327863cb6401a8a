"""``reader check`` / ``reader recover`` pinned in-process: the page scanner on hand-built
bytes and on real SQLite files, the exact lines of a check report, and what a recovery
copies, counts, drops and says."""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.errors import LibraryDamagedError, LibraryError
from reader.core.library.migration_names import MIGRATION_NAMES
from reader.core.library.store import SQLITE_HEADER
from reader.core.notes import annotations as notes
from reader.core.repair import check as check_mod
from reader.core.repair import recover as rec
from reader.core.repair.check import CheckReport, check_library
from reader.core.repair.pagescan import (
    Column,
    _fits,
    _fitting_table,
    _freelist,
    _leaf_cells,
    _payload,
    _record,
    _roots,
    _varint,
    scan_tables,
)
from reader.core.repair.recover import RecoverResult, recover_library
from team_helpers import article_ids, seeded

HINT = "  'reader recover NEW.sqlite3 --library {}' copies what is readable into a new library"


def varint(n: int) -> bytes:
    """SQLite's varint: 7 bits a byte, big-endian; the ninth byte carries 8."""
    n %= 2**64
    if n >= 1 << 56:
        high = n >> 8
        return bytes([((high >> (7 * (7 - i))) & 0x7F) | 0x80 for i in range(8)] + [n & 0xFF])
    groups = [n & 0x7F]
    while n >> 7:
        n >>= 7
        groups.append(n & 0x7F)
    groups.reverse()
    return bytes([g | 0x80 for g in groups[:-1]] + [groups[-1]])


def record(fields: list[tuple[int, bytes]]) -> bytes:
    """A record from (serial type, body) pairs; the header is short enough for a 1-byte size."""
    kinds = b"".join(varint(k) for k, _ in fields)
    return bytes([len(kinds) + 1]) + kinds + b"".join(body for _, body in fields)


def cell(rowid: int, payload: bytes) -> bytes:
    return varint(len(payload)) + varint(rowid) + payload


# -- the page scanner, on bytes made by hand -------------------------------------------


@pytest.mark.parametrize("length", range(1, 10))
def test_varints_of_every_length_read_back_at_an_offset(length):
    value = {1: 127, 2: 128, 3: 2**14, 4: 2**21 + 5, 5: 2**28, 6: 2**35 + 1, 7: 2**42}.get(
        length, 2**49 + 7 if length == 8 else 2**64 - 2
    )
    encoded = varint(value)
    assert len(encoded) == length
    assert _varint(b"\xff\xfe" + encoded + b"\xff", 2) == (value, 2 + length)


def test_varints_known_bytes_and_truncation():
    assert _varint(b"\x00", 0) == (0, 1)
    assert _varint(b"\x81\x00", 0) == (128, 2)
    assert _varint(b"\xff\x7f", 0) == (16383, 2)
    assert _varint(b"\x80" * 8 + b"\x01", 0) == (1, 9)
    assert _varint(b"\xff" * 9, 0) == (2**64 - 1, 9)
    for buf, at in [(b"\x81", 0), (b"zz\x81\x82", 2), (b"", 0)]:
        with pytest.raises(ValueError, match="truncated varint"):
            _varint(buf, at)


def test_a_record_of_every_serial_type():
    fields = [
        (0, b""),
        (1, b"\xff"),
        (2, b"\x01\x00"),
        (3, b"\x80\x00\x00"),
        (4, b"\x00\x01\x00\x00"),
        (5, b"\x00\x00\x01\x00\x00\x00"),
        (6, (-(2**62)).to_bytes(8, "big", signed=True)),
        (7, struct.pack(">d", -2.5)),
        (8, b""),
        (9, b""),
        (14, b"\x01"),  # a 1-byte blob
        (15, b"a"),  # a 1-byte text
        (18, b"\x00\xff\x10"),  # a 3-byte blob
        (19, "中".encode()),
        (12, b""),
        (13, b""),
    ]
    assert _record(record(fields)) == [
        None, -1, 256, -(2**23), 65536, 2**24, -(2**62), -2.5, 0, 1,
        b"\x01", "a", b"\x00\xff\x10", "中", b"", "",
    ]  # fmt: skip
    assert _record(record([(19, b"\xe4\xb8")]) + b"") is None  # its text runs past the end
    assert _record(record([(23, b"abc")])) is None
    assert _record(record([(10, b"")])) is None  # serial types 10 and 11 are reserved
    assert _record(b"\x09\x01") is None  # a header longer than the record
    assert _record(b"") is None


def test_a_payload_past_the_usable_end_is_not_read():
    page = bytes(range(256)) * 2
    assert _payload([], memoryview(page), 480, 20, 500) == page[480:500]
    assert _payload([], memoryview(page), 490, 20, 500) is None


def _leaf(head: int, size: int, cells: dict[int, bytes], pointers: dict[int, int], count: int):
    page = bytearray(size)
    page[head] = 0x0D
    page[head + 3 : head + 5] = count.to_bytes(2, "big")
    for at, body in cells.items():
        page[at : at + len(body)] = body
    for slot_at, target in pointers.items():
        page[slot_at : slot_at + 2] = target.to_bytes(2, "big")
    return memoryview(bytes(page))


def test_cell_pointers_are_read_up_to_the_usable_end_and_no_further():
    # page 1 (a 100-byte file header first), 512 bytes with 12 reserved: 500 usable
    body = cell(7, record([(1, b"\x05")]))
    page = _leaf(100, 512, {400: body}, {498: 400, 500: 400}, count=0xFFFF)
    assert list(_leaf_cells([page], 1, page, 500)) == [(7, [5])]
    other = _leaf(0, 512, {400: body}, {8: 400, 498: 400, 500: 400}, count=0xFFFF)
    assert list(_leaf_cells([other], 2, other, 500)) == [(7, [5]), (7, [5])]
    assert list(_leaf_cells([other], 2, other, 500))[:1] == [(7, [5])]
    short = memoryview(bytes(95))
    assert list(_leaf_cells([short], 1, short, 500)) == []


def test_rowids_past_2_63_are_negative():
    cells = {300: cell(2**63, record([(1, b"\x01")])), 200: cell(2**64 - 1, record([(0, b"")]))}
    page = _leaf(0, 512, cells, {8: 300, 10: 200, 12: 0, 14: 600}, count=4)
    assert list(_leaf_cells([page], 2, page, 512)) == [(-(2**63), [1]), (-1, [None])]


def test_the_freelist_trunks_and_their_leaves():
    size, data = 512, bytearray(512 * 9)
    data[:16] = SQLITE_HEADER
    data[32:36] = (2).to_bytes(4, "big")
    trunk = 512  # page 2: next trunk 5, leaves 3, 4, 6; after them a stray 8
    data[trunk : trunk + 24] = b"".join(n.to_bytes(4, "big") for n in (5, 3, 3, 4, 6, 8))
    data[4 * 512 : 4 * 512 + 12] = b"".join(n.to_bytes(4, "big") for n in (0, 1, 7))
    view = memoryview(bytes(data))
    pages = [view[i : i + size] for i in range(0, len(view), size)]
    assert _freelist(view, pages) == {2, 3, 4, 5, 6, 7}


def test_which_table_a_page_fits():
    real, text = Column("r", "REAL", False), Column("t", "TEXT", False)
    assert [_fits(v, real) for v in (1.5, 2, None, "x", b"x")] == [True, True, True, False, False]
    assert [_fits(v, text) for v in ("x", None, 1)] == [True, True, False]
    assert _fits(None, Column("id", "INTEGER", True)) and not _fits(1, Column("id", "", True))
    assert _fits(b"x", Column("any", "", False))
    schema = {"one": [real], "two": [text], "pair": [real, text]}
    assert _fitting_table([(1, [None])], schema) is None  # fits one and two
    assert _fitting_table([(1, [1.5]), (2, [3])], schema) == "one"
    assert _fitting_table([(1, ["a"])], schema) == "two"
    assert _fitting_table([(1, [1.5, "a"])], schema) == "pair"
    assert _fitting_table([(1, [b"x"])], schema) is None


# -- the page scanner, on SQLite's own files -------------------------------------------

COLUMNS = [
    Column("id", "INTEGER", True),
    Column("i", "INTEGER", False),
    Column("r", "REAL", False),
    Column("s", "TEXT", False),
    Column("b", "BLOB", False),
]
# u has t's shape but for s: a row of u with no s fits both, known only as u's root page
U_COLUMNS = [*COLUMNS[:3], Column("s", "BLOB", False), COLUMNS[4]]
ROWIDS = [1, 200, 2**14, 2**21 + 5, 2**28, 2**35, 2**42, 2**49, 2**56 + 3, -5]
LONG = "长文" * 1500 + "尾"  # 9,003 bytes: overflow pages of a 1,024-byte page


def _rows() -> dict[int, list[object]]:
    values = [None, 0, 1, 100, 1000, 100000, 2**30, 2**40, 2**60, -7]
    rows = {
        rowid: [rowid, value, n / 4 if n % 3 else None, f"行{n}" * (n + 1), bytes([n]) * n or None]
        for n, (rowid, value) in enumerate(zip(ROWIDS, values, strict=True))
    }
    rows[3] = [3, 3, 0.5, LONG, b"\x00" * 5000]
    return rows


def _sqlite_file(path: Path, page_size: int = 1024, reserve: int = 0) -> Path:
    if reserve:
        shell = shutil.which("sqlite3")
        if shell is None:
            pytest.skip("needs the sqlite3 shell")
        subprocess.run(
            [shell, str(path), f".filectrl reserve_bytes {reserve}", "CREATE TABLE x (a)"],
            check=True,
            capture_output=True,
        )
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA page_size = {page_size}")
    for table in ("t", "u"):
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, i INT, r REAL, s TEXT, b)")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", list(_rows().values()))
    conn.execute("INSERT INTO u VALUES (1, 1, 1.0, NULL, NULL)")
    conn.commit()
    conn.close()
    return path


def test_every_type_rowid_and_overflow_read_back_from_a_sqlite_file(tmp_path):
    path = _sqlite_file(tmp_path / "t.db")
    kinds = {"type": "TEXT", "name": "TEXT", "tbl_name": "TEXT", "rootpage": "INTEGER", "sql": ""}
    master = [Column(n, a, False) for n, a in kinds.items()]
    found = scan_tables(path, {"t": COLUMNS, "u": U_COLUMNS, "master": master})
    assert found["t"] == _rows()
    assert found["u"] == {1: [1, 1, 1.0, None, None]}  # the same shape as t: known by its root
    with sqlite3.connect(path) as conn:
        listed = conn.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master")
        expected = sorted(map(list, listed), key=repr)
    assert sorted(found["master"].values(), key=repr) == expected  # page 1, after its header
    assert set(found) == {"t", "u", "master"}


def test_reserved_bytes_at_the_end_of_each_page(tmp_path):
    path = _sqlite_file(tmp_path / "t.db", reserve=24)
    assert path.read_bytes()[20] == 24
    assert scan_tables(path, {"t": COLUMNS, "u": U_COLUMNS})["t"] == _rows()


def test_a_garbled_header_falls_back_to_4096_byte_pages(tmp_path):
    path = _sqlite_file(tmp_path / "t.db", page_size=4096)
    data = bytearray(path.read_bytes())
    data[16:18] = (1000).to_bytes(2, "big")  # no page size at all
    path.write_bytes(data)
    assert scan_tables(path, {"t": COLUMNS, "u": U_COLUMNS})["t"] == _rows()
    data[:16] = bytes(16)
    data[20] = 64  # not a SQLite header: its reserved-bytes field means nothing
    path.write_bytes(data)
    assert scan_tables(path, {"t": COLUMNS, "u": U_COLUMNS})["t"] == _rows()


def test_roots_come_from_readable_sqlite_master_records(tmp_path):
    path = _sqlite_file(tmp_path / "t.db")
    data = memoryview(path.read_bytes())
    pages = [data[i : i + 1024] for i in range(0, len(data), 1024)]
    with sqlite3.connect(path) as conn:
        expected = dict(conn.execute("SELECT rootpage, name FROM sqlite_master"))
    assert _roots(pages, 1024, set()) == expected
    assert len(expected) == 2


def test_rows_deleted_onto_the_freelist_do_not_come_back(tmp_path):
    path = tmp_path / "f.db"
    conn = sqlite3.connect(path)
    conn.executescript("PRAGMA page_size = 1024; PRAGMA secure_delete = OFF;")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?)", [(n, f"gone{n:03d}" * 60) for n in range(1, 301)]
    )
    conn.commit()
    conn.execute("DELETE FROM t WHERE id > 20")
    conn.commit()
    conn.close()
    assert b"gone250" in path.read_bytes()  # still in the file, on free pages
    columns = [Column("id", "INTEGER", True), Column("s", "TEXT", False)]
    found = scan_tables(path, {"t": columns})
    assert found == {"t": {n: [n, f"gone{n:03d}" * 60] for n in range(1, 21)}}


# -- reader check ----------------------------------------------------------------------


def _library(path: Path) -> Path:
    """Two articles, two annotations (one with two tags), its source stored compressed."""
    library = seeded(path)
    first, second = article_ids(library)
    notes.create(library, first, 0, 3, tags=["甲", "乙"], note="一", annotator="ann1")
    notes.create(library, second, 2, 6, tags=["甲"], color="blue")
    library.close()
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _damaged(path: Path, *problems: str) -> list[str]:
    return [f"{path}: damaged", *(f"  - {p}" for p in problems), HINT.format(path)]


def test_check_an_intact_library(tmp_path):
    path = _library(tmp_path / "lib.db")
    report = check_library(path)
    assert report.lines() == [f"{path}: intact (2 articles, 2 annotations, 2 tags)"]
    assert (report.path, report.problems, report.details) == (path, [], [])
    assert report.counts == {"articles": 2, "annotations": 2, "tags": 2}


def test_check_an_older_library_lists_what_opening_it_would_apply(tmp_path):
    path = _library(tmp_path / "lib.db")
    _sql(path, f"DELETE FROM _sqlite_migrations WHERE name = '{MIGRATION_NAMES[-1]}'")
    report = check_library(path)
    assert report.ok and report.problems == []
    assert report.details == [
        f"migration {MIGRATION_NAMES[-1]} not applied yet (opening the library applies it)"
    ]


@pytest.mark.parametrize(
    "statements, problem",
    [
        (
            ["DROP TABLE _sqlite_migrations"],
            "it is not a Reader library: its list of migrations is missing",
        ),
        (
            ["DELETE FROM _sqlite_migrations"],
            "it is not a Reader library: no Reader migrations were applied",
        ),
        (
            ["ALTER TABLE user_words DROP COLUMN freq", "ALTER TABLE user_words DROP COLUMN tag"],
            "the table user_words lacks the column(s) freq, tag",
        ),
        (
            ["UPDATE annotations SET article_id = 999 WHERE note = '一'"],
            "1 row(s) of annotations point to articles rows that are not there",
        ),
        (
            ["UPDATE annotations SET note = CAST(x'ff41' AS TEXT) WHERE note = '一'"],
            "1 text value(s) in annotations are not valid UTF-8",
        ),
        (
            ["UPDATE source_raw SET zlib = x'789c00'"],
            "1 stored source file(s) in source_raw are damaged",
        ),
    ],
)
def test_check_says_what_is_wrong_in_plain_words(tmp_path, statements, problem):
    path = _library(tmp_path / "lib.db")
    _sql(path, *statements)
    report = check_library(path)
    assert report.lines() == _damaged(path, problem)
    assert report.counts == {}


def test_check_a_destroyed_first_page_and_an_unreadable_file(tmp_path):
    path = _library(tmp_path / "lib.db")
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(data)
    assert check_library(path).lines() == _damaged(
        path, "its first page (the file header and the schema) is destroyed"
    )
    junk = tmp_path / "junk.db"
    junk.write_bytes(SQLITE_HEADER + bytes(range(256)) * 16)
    assert check_library(junk).lines() == _damaged(
        junk, "SQLite cannot read part of the file (file is not a database)"
    )
    missing = tmp_path / "none.db"
    with pytest.raises(LibraryError) as caught:
        check_library(missing)
    assert str(caught.value) == f"no library at {missing}"


def test_check_when_sqlite_cannot_open_the_file(tmp_path, monkeypatch):
    path = _library(tmp_path / "lib.db")

    def refuse(*_args, **_kwargs):
        raise sqlite3.OperationalError("unable to open")

    monkeypatch.setattr(check_mod.sqlite3, "connect", refuse)
    with pytest.raises(LibraryError) as caught:
        check_library(path)
    assert str(caught.value) == f"cannot open {path}: unable to open"


class _Conn:
    """Answers integrity_check and sqlite_master the way a damaged file does."""

    def __init__(self, lines: str, roots: list[tuple[int, bytes]]):
        self.answers = {
            "PRAGMA integrity_check(100)": [(lines.encode(),)],
            "SELECT rootpage, name FROM sqlite_master": roots,
        }

    def execute(self, sql):
        if sql not in self.answers:
            raise sqlite3.DatabaseError("no")
        answer = self.answers[sql]
        return type("Cursor", (), {"fetchall": lambda _self: answer})()


@pytest.mark.parametrize(
    "lines, problem, details",
    [
        (
            "*** in database main ***\nTree 5 page 9 cell 0: invalid page number 77\n\n",
            "SQLite's integrity check found 1 problem in articles (page 9)",
            ["Tree 5 page 9 cell 0: invalid page number 77"],
        ),
        (
            "Page 12 is never used\nTree 31 page 31 cell 2: bad\nwrong # of entries in index ix",
            "SQLite's integrity check found 3 problems in b-tree 31, the index ix (pages 12, 31)",
            [
                "Page 12 is never used",
                "Tree 31 page 31 cell 2: bad",
                "wrong # of entries in index ix",
            ],
        ),
        ("row 4 missing from index sqlite_autoindex_t_1", None, None),
        ("Page 40 is never used", "SQLite's integrity check found 1 problem (page 40)", None),
    ],
)
def test_integrity_check_lines_said_in_plain_words(lines, problem, details):
    report = CheckReport(Path("x.db"))
    check_mod._integrity(_Conn(lines, [(5, b"articles"), (2, b"tags")]), report)
    if problem is None:
        problem = "SQLite's integrity check found 1 problem in the index sqlite_autoindex_t_1"
    assert report.problems == [problem]
    assert report.details == (details or [lines])


def test_report_lines_intact_damaged_and_many_details():
    assert CheckReport(Path("a.db")).lines() == ["a.db: intact"]
    assert CheckReport(Path("a.db"), counts={"articles": 1}).lines() == [
        "a.db: intact (1 articles)"
    ]
    report = CheckReport(Path("a.db"), ["one", "two"], [f"d{n}" for n in range(12)])
    assert report.lines() == [
        "a.db: damaged",
        "  - one",
        "  - two",
        *(f"    sqlite: d{n}" for n in range(10)),
        "    … and 2 more",
        HINT.format("a.db"),
    ]


# -- reader recover --------------------------------------------------------------------

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
    source = _library((tmp_path / "a").mkdir() or tmp_path / "a" / "lib.db")
    out = (tmp_path / "b").mkdir() or tmp_path / "b" / "out.db"
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
    # the raw source blob is copied as text, then refused by zlib's check (see the report)
    assert result.copied == {**expected, "source_raw": 1}
    assert _contents(out) == {**_contents(source), "source_raw": []}
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
    source = _library(tmp_path / "lib.db")
    _sql(
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
    source = _library(tmp_path / "lib.db")
    before = _contents(source)
    expected = {**_counts(source, rec.REPORTED), "source_raw": 1}
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
    with pytest.raises(LibraryDamagedError, match="no row of it could be read"):
        recover_library(tmp_path / "junk.db", tmp_path / "out2.db") if (
            tmp_path / "junk.db"
        ).write_bytes(bytes(8192)) else None


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
    source = _library(tmp_path / "lib.db")
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
