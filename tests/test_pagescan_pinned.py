"""The page scanner of ``reader recover`` pinned in-process: varints, records of every serial
type, cell pointers, payloads with overflow, the freelist and the roots, on bytes made by hand
and on files SQLite wrote."""

from __future__ import annotations

import shutil
import sqlite3
import struct
import subprocess
from pathlib import Path

import pytest

from reader.core.library.store import SQLITE_HEADER
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
    assert _record(record([(19, b"\xe4\xb8")])) is None  # its text runs past the end
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
