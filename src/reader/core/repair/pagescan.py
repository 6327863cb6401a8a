"""Rows read straight from the pages of a SQLite file, for ``recover`` without ``.recover``.

SQLite reaches a row through its table's b-tree: a destroyed interior page or
schema page hides every row below it, though the leaf pages holding them are
intact. This reads every table leaf page of the file (the file format:
https://www.sqlite.org/fileformat2.html), decodes its records, and gives each
page to the one table of Reader's schema whose columns its records fit (or to
the table whose root it is, when ``sqlite_master`` says so). Pages on the
freelist are skipped, so deleted rows do not come back; pages that fit no table,
or several, are left out.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_TABLE_LEAF, _TABLE_INTERIOR = 0x0D, 0x05
_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


@dataclass(frozen=True)
class Column:
    name: str
    affinity: str  # "INTEGER", "TEXT", "REAL", "BLOB" or "" (any)
    rowid_alias: bool


def scan_tables(
    path: Path, schema: dict[str, list[Column]]
) -> dict[str, dict[object, list[object]]]:
    """``{table: {key: values}}`` for every leaf page that fits exactly one table of ``schema``."""
    data = memoryview(path.read_bytes())  # pages are slices of it, not copies
    size = int.from_bytes(data[16:18], "big") if data[:16] == b"SQLite format 3\x00" else 4096
    size = 65536 if size == 1 else size if size >= 512 and size & (size - 1) == 0 else 4096
    usable = size - (data[20] if len(data) > 20 and data[:16] == b"SQLite format 3\x00" else 0)
    pages = [data[i : i + size] for i in range(0, len(data) - size + 1, size)]
    free = _freelist(data, pages)
    roots = _roots(pages, usable, free)
    out: dict[str, dict[object, list[object]]] = {}
    for number, page in enumerate(pages, 1):
        if number in free:
            continue
        cells = list(_leaf_cells(pages, number, page, usable))
        if not cells:
            continue
        table = roots.get(number) or _fitting_table(cells, schema)
        if table is None or table not in schema:
            continue
        rows = out.setdefault(table, {})
        for rowid, values in cells:
            full = _complete(values, schema[table], rowid)
            if full is not None:
                rows.setdefault(_key(full, schema[table], rowid), full)
    return out


def _key(values: list[object], columns: list[Column], rowid: int) -> object:
    if any(c.rowid_alias for c in columns):
        return rowid
    return tuple(repr(v) for v in values)


def _complete(values: list[object], columns: list[Column], rowid: int) -> list[object] | None:
    if len(values) > len(columns):
        return None
    full = [*values, *([None] * (len(columns) - len(values)))]
    return [rowid if c.rowid_alias else v for c, v in zip(columns, full, strict=True)]


def _fits(value: object, column: Column) -> bool:
    if column.rowid_alias:
        return value is None
    if value is None or column.affinity == "":
        return True
    kinds = {"INTEGER": (int,), "TEXT": (str,), "REAL": (float, int), "BLOB": (bytes,)}
    return isinstance(value, kinds.get(column.affinity, (object,)))


def _fitting_table(
    cells: list[tuple[int, list[object]]], schema: dict[str, list[Column]]
) -> str | None:
    exact = [
        table
        for table, columns in schema.items()
        if all(
            len(values) == len(columns) and all(map(_fits, values, columns)) for _, values in cells
        )
    ]
    return exact[0] if len(exact) == 1 else None


def _varint(buf: bytes | memoryview, at: int) -> tuple[int, int]:
    value = 0
    for n in range(9):
        if at + n >= len(buf):
            raise ValueError("truncated varint")
        byte = buf[at + n]
        if n == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + n + 1
    raise ValueError("bad varint")  # pragma: no cover


def _record(payload: bytes) -> list[object] | None:
    try:
        header, at = _varint(payload, 0)
        if not 1 <= header <= len(payload):
            return None
        kinds = []
        while at < header:
            kind, at = _varint(payload, at)
            kinds.append(kind)
        pos, values = header, []
        for kind in kinds:
            value: object
            if kind == 0:
                value, n = None, 0
            elif kind in _SIZES:
                n = _SIZES[kind]
                value = int.from_bytes(payload[pos : pos + n], "big", signed=True)
            elif kind == 7:
                n = 8
                value = struct.unpack(">d", payload[pos : pos + 8])[0]
            elif kind in (8, 9):
                value, n = kind - 8, 0
            elif kind >= 12:
                n = (kind - 12) // 2
                raw = payload[pos : pos + n]
                value = raw if kind % 2 == 0 else raw.decode("utf-8", "replace")
            else:
                return None
            if pos + n > len(payload):
                return None
            pos += n
            values.append(value)
        return values
    except (ValueError, struct.error):
        return None


def _leaf_cells(
    pages: list[memoryview], number: int, page: memoryview, usable: int
) -> Iterator[tuple[int, list[object]]]:
    head = 100 if number == 1 else 0
    if len(page) < head + 8 or page[head] != _TABLE_LEAF:
        return
    count = int.from_bytes(page[head + 3 : head + 5], "big")
    for i in range(min(count, (usable - head - 8) // 2)):
        at = int.from_bytes(page[head + 8 + 2 * i : head + 10 + 2 * i], "big")
        if not head + 8 <= at < usable:
            continue
        try:
            length, at = _varint(page, at)
            rowid, at = _varint(page, at)
        except ValueError:
            continue
        rowid = rowid - 2**64 if rowid >= 2**63 else rowid
        payload = _payload(pages, page, at, length, usable)
        values = _record(payload) if payload is not None else None
        if values is not None:
            yield rowid, values


def _payload(
    pages: list[memoryview], page: memoryview, at: int, length: int, usable: int
) -> bytes | None:
    most = usable - 35
    if length <= most:
        return bytes(page[at : at + length]) if at + length <= usable else None
    least = (usable - 12) * 32 // 255 - 23
    local = least + (length - least) % (usable - 4)
    local = local if local <= most else least
    parts, got = [page[at : at + local]], local
    nxt = int.from_bytes(page[at + local : at + local + 4], "big")
    seen: set[int] = set()
    while got < length:
        if not 1 <= nxt <= len(pages) or nxt in seen:
            return None
        seen.add(nxt)
        overflow = pages[nxt - 1]
        parts.append(overflow[4:usable])
        got += usable - 4
        nxt = int.from_bytes(overflow[:4], "big")
    return b"".join(parts)[:length]


def _freelist(data: memoryview, pages: list[memoryview]) -> set[int]:
    free: set[int] = set()
    trunk = int.from_bytes(data[32:36], "big") if len(data) >= 36 else 0
    while 1 <= trunk <= len(pages) and trunk not in free:
        free.add(trunk)
        page = pages[trunk - 1]
        count = int.from_bytes(page[4:8], "big")
        for i in range(min(count, (len(page) - 8) // 4)):
            leaf = int.from_bytes(page[8 + 4 * i : 12 + 4 * i], "big")
            if 1 <= leaf <= len(pages):
                free.add(leaf)
        trunk = int.from_bytes(page[:4], "big")
    return free


def _roots(pages: list[memoryview], usable: int, free: set[int]) -> dict[int, str]:
    """Root page → table name, from whatever ``sqlite_master`` records are readable."""
    roots: dict[int, str] = {}
    for number, page in enumerate(pages, 1):
        if number in free:
            continue
        for _rowid, values in _leaf_cells(pages, number, page, usable):
            if (
                len(values) == 5
                and values[0] == "table"
                and isinstance(values[1], str)
                and isinstance(values[3], int)
                and isinstance(values[4], str)
                and values[4].upper().startswith("CREATE TABLE")
            ):
                roots[values[3]] = values[1]
    return roots
