"""``reader recover``: copy everything readable from a damaged library into a new one.

1. SQLite's own recovery, the ``sqlite3`` shell's ``.recover``, when the shell is
   installed: it reads every page it can, even rows under a destroyed b-tree
   page, into a new database file.
2. Without the shell (or if it fails), a row-by-row copy of each table that
   steps over rows it cannot read.
3. Either way the rows then go, table by table and row by row, into a fresh
   library made by this Reader's migrations (only the columns both know; text
   that is not UTF-8 gets U+FFFD), rows whose article is gone are dropped,
   and the search index is rebuilt. The new file appears at OUT only when all
   of this has worked.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import LibraryDamagedError, LibraryError
from reader.core.library.article_text import drop_unreadable, pack_plain
from reader.core.library.migration_names import MIGRATIONS_TABLE
from reader.core.library.raw_sources import intact_in
from reader.core.library.store import describe_os_error, open_library, shorten_path
from reader.core.repair.check import _check_file
from reader.core.repair.pagescan import Column, scan_tables
from reader.core.search.index import index_pending

SHELL_TIMEOUT = 900.0  # seconds; .recover of a large library is slow but bounded
REPORTED = ("sources", "articles", "blocks", "annotations", "tags", "annotation_tags")
_MIN_ROWID, _MAX_ROWID = -(2**63), 2**63 - 1


@dataclass
class RecoverResult:
    out: Path
    method: str
    copied: dict[str, int] = field(default_factory=dict)
    original: dict[str, int | None] = field(default_factory=dict)
    dropped: int = 0  # rows read but refused by the schema, or pointing at missing rows

    def lines(self) -> list[str]:
        out = [f"recovered into {shorten_path(self.out)} ({self.method})"]
        for table in REPORTED:
            if table in self.copied:
                before = self.original.get(table)
                of = f" of {before}" if before is not None else ""
                out.append(f"  {table}: {self.copied[table]}{of}")
        if self.dropped:
            out.append(f"  {self.dropped} rows were unreadable or inconsistent and left out")
        return out


def recover_library(
    source: Path, out: Path, progress: Callable[[str], None] | None = None
) -> RecoverResult:
    say = progress or (lambda _m: None)
    _check_file(source, allow_blank_header=True)
    try:
        if out.exists() or out.is_symlink():
            raise LibraryError(f"{shorten_path(out)} exists; recover into a new file")
        folder = out.parent if str(out.parent) else Path(".")
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.recover-", dir=folder))
    except OSError as exc:
        raise LibraryError(f"cannot write {shorten_path(out)}: {describe_os_error(exc)}") from exc
    try:
        copy = _snapshot(source, work / "source.sqlite3")
        original = _original_counts(copy)
        rescued, method = _sqlite_recover(copy, work / "rescued.sqlite3", say)
        result = RecoverResult(out, method, original=original)
        built = work / "library.sqlite3"
        _copy_into_fresh(rescued or copy, built, result, say, scan=None if rescued else copy)
        os.replace(built, out)
        return result
    except OSError as exc:
        raise LibraryError(
            f"cannot recover into {shorten_path(out)}: {describe_os_error(exc)}"
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _snapshot(source: Path, copy: Path) -> Path:
    """Work on a copy: the damaged file is never written. Its WAL, if any, is folded in
    first, so the page scan sees the latest pages and deleted rows stay deleted."""
    shutil.copyfile(source, copy)
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(copy)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    return copy


def _original_counts(source: Path) -> dict[str, int | None]:
    counts: dict[str, int | None] = {}
    with contextlib.closing(sqlite3.connect(str(source))) as conn:
        for table in REPORTED:
            try:
                counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            except sqlite3.Error:
                counts[table] = None
    return counts


def sqlite_shell() -> str | None:
    """The ``sqlite3`` command-line shell, if installed (Debian: ``apt-get install sqlite3``)."""
    return shutil.which("sqlite3")


def _sqlite_recover(
    source: Path, target: Path, say: Callable[[str], None]
) -> tuple[Path | None, str]:
    shell = sqlite_shell()
    if shell is None:
        say("the sqlite3 shell is not installed: copying row by row")
        return None, "row by row, then page by page"
    say("reading every page with SQLite's .recover …")
    try:
        dump = subprocess.run(
            [shell, "-bail", str(source), ".recover"],
            capture_output=True,
            timeout=SHELL_TIMEOUT,
            check=False,
        )
        if dump.returncode != 0 or b"COMMIT" not in dump.stdout[-200:]:
            raise OSError(dump.stderr.decode("utf-8", "replace").strip()[:200])
        load = subprocess.run(
            [shell, str(target)],
            input=dump.stdout,
            capture_output=True,
            timeout=SHELL_TIMEOUT,
            check=False,
        )
        if load.returncode != 0 or not target.exists():
            raise OSError(load.stderr.decode("utf-8", "replace").strip()[:200])
    except (OSError, subprocess.SubprocessError) as exc:
        say(f"SQLite's .recover did not work here ({exc}): copying row by row")
        return None, "row by row, then page by page"
    return target, "SQLite's .recover"


def _copy_into_fresh(
    source: Path,
    target: Path,
    result: RecoverResult,
    say: Callable[[str], None],
    scan: Path | None = None,
) -> None:
    src = sqlite3.connect(str(source), isolation_level=None)
    src.text_factory = bytes
    try:
        with open_library(target, create=True) as library:
            conn = library.conn
            conn.execute("PRAGMA foreign_keys = OFF")
            have = _columns(src)
            with library.transaction():
                for table, columns in _columns(conn).items():
                    if table == MIGRATIONS_TABLE or table not in have or _is_index_table(table):
                        continue
                    common = [c for c in columns if c in have[table]]
                    say(f"copying {table} …")
                    result.copied[table] = _copy_table(src, conn, table, common, result)
                if scan is not None:
                    say("reading the leaf pages SQLite could not reach …")
                    _add_scanned(scan, conn, result)
                if not any(result.copied.values()):
                    raise LibraryDamagedError(
                        f"{shorten_path(source)}: no row of it could be read; nothing to recover"
                    )
                lost = drop_unreadable(conn)  # texts that do not read back: their articles go
                if lost:
                    result.copied["articles"] -= lost
                result.dropped += lost + _drop_dangling(conn, result)
                pack_plain(conn)  # an older library's texts, compressed as m010 does
                for source_id, packed in conn.execute("SELECT * FROM source_raw").fetchall():
                    if not intact_in(conn, source_id, packed):  # damaged, or articles lost
                        conn.execute("DELETE FROM source_raw WHERE source_id = ?", [source_id])
                conn.execute("DELETE FROM search_pending")
                conn.execute(
                    "INSERT INTO search_pending SELECT id FROM articles WHERE retired_at IS NULL"
                )
            conn.execute("PRAGMA foreign_keys = ON")
            say("rebuilding the search index …")
            index_pending(library)
    finally:
        src.close()


def _add_scanned(source: Path, conn: sqlite3.Connection, result: RecoverResult) -> None:
    """Rows only the page scan found: those under a broken b-tree or schema page."""
    schema = _reader_schema(conn)
    try:
        found = scan_tables(source, schema)
    except OSError:
        return
    for table, rows in found.items():
        if table == MIGRATIONS_TABLE or _is_index_table(table):
            continue
        names = [c.name for c in schema[table]]
        quoted = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" * len(names))
        insert = f'INSERT OR IGNORE INTO "{table}" ({quoted}) VALUES ({marks})'
        added = 0
        for values in rows.values():
            try:
                added += conn.execute(insert, values).rowcount
            except sqlite3.Error:
                result.dropped += 1
        if added:
            result.copied[table] = result.copied.get(table, 0) + added


def _reader_schema(conn: sqlite3.Connection) -> dict[str, list[Column]]:
    schema: dict[str, list[Column]] = {}
    without_rowid = {
        str(name)
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if "WITHOUT ROWID" in str(sql or "").upper() or "VIRTUAL" in str(sql or "").upper()
    }
    for table in _columns(conn):
        if table in without_rowid:
            continue  # index b-tree pages, which the scan does not read, or no pages at all
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        keys = [row for row in info if row[5]]
        schema[table] = [
            Column(
                str(name),
                _affinity(str(kind or "")),
                len(keys) == 1 and pk == 1 and str(kind).upper() == "INTEGER",
            )
            for _cid, name, kind, _notnull, _default, pk in info
        ]
    return schema


def _affinity(declared: str) -> str:
    kind = declared.upper()
    if "INT" in kind:
        return "INTEGER"
    if any(word in kind for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if any(word in kind for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return ""


def _is_index_table(table: str) -> bool:
    return table == "search_index" or table.startswith("search_index_")


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    try:
        names = [
            _str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid"
            ).fetchall()
        ]
    except sqlite3.DatabaseError:
        return out
    for name in names:
        if name.startswith("sqlite_"):
            continue
        with contextlib.suppress(sqlite3.DatabaseError):
            out[name] = [_str(c[1]) for c in conn.execute(f'PRAGMA table_info("{name}")')]
    return out


def _str(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _copy_table(
    src: sqlite3.Connection,
    dst: sqlite3.Connection,
    table: str,
    columns: list[str],
    result: RecoverResult,
) -> int:
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    copied = 0
    # Text is read as bytes (it may not be valid UTF-8): decode it; a BLOB column's
    # bytes (the zlib of a raw source) are data and stay bytes.
    declared = {r[1]: str(r[2] or "").upper() for r in dst.execute(f'PRAGMA table_info("{table}")')}
    text = ["BLOB" not in declared.get(c, "") for c in columns]
    for row in _readable_rows(src, table, columns):
        values = [
            v.decode("utf-8", "replace") if isinstance(v, bytes) and is_text else v
            for v, is_text in zip(row, text, strict=True)
        ]
        try:
            copied += dst.execute(insert, values).rowcount
        except sqlite3.Error:
            result.dropped += 1  # NOT NULL, CHECK: a garbled row
    return copied


def _readable_rows(
    src: sqlite3.Connection, table: str, columns: list[str]
) -> Iterator[tuple[object, ...]]:
    """Every row SQLite can read, in rowid order; a broken row or page is stepped over.

    A row that cannot be read whole (its long text runs into a destroyed
    overflow page) is read column by column; what cannot be read becomes "".
    """
    names = ", ".join(f'"{c}"' for c in columns)
    query = f'SELECT rowid, {names} FROM "{table}" WHERE rowid >= ? ORDER BY rowid'
    resume: int | None = _MIN_ROWID
    while resume is not None:
        last = resume - 1 if resume > _MIN_ROWID else _MIN_ROWID
        try:
            for row in src.execute(query, [resume]):
                last = row[0]
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            pass
        kind, failing = _probe(src, table, last)
        if kind == "end":
            return
        if kind == "found" and failing is not None:
            salvaged = _salvage(src, table, columns, failing)
            if salvaged is not None:
                yield salvaged
            resume = failing + 1 if failing < _MAX_ROWID else None
            continue
        resume = _jump(src, table, last)


def _salvage(
    src: sqlite3.Connection, table: str, columns: list[str], rowid: int
) -> tuple[object, ...] | None:
    values: list[object] = []
    for column in columns:
        try:
            row = src.execute(
                f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', [rowid]
            ).fetchone()
        except sqlite3.DatabaseError:
            values.append("")
            continue
        if row is None:
            return None
        values.append(row[0])
    return tuple(values)


def _jump(src: sqlite3.Connection, table: str, last: int) -> int | None:
    """The b-tree itself is broken past ``last``: jump further and further ahead."""
    step = 1
    while last + step < _MAX_ROWID:
        kind, found = _probe(src, table, last + step)
        if kind != "broken":
            return found
        step *= 2
    return None


def _probe(src: sqlite3.Connection, table: str, after: int) -> tuple[str, int | None]:
    try:
        row = src.execute(
            f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1', [after]
        ).fetchone()
    except sqlite3.DatabaseError:
        return "broken", None
    return ("end", None) if row is None else ("found", int(row[0]))


def _drop_dangling(conn: sqlite3.Connection, result: RecoverResult) -> int:
    """Rows pointing at rows that were not recovered: the link is cleared where it may be
    empty (an article whose source file is gone), else the row is dropped (a note whose
    article is gone)."""
    dropped = 0
    for _ in range(10):
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not broken:
            break
        for table, rowid, _parent, fk in broken:
            column = _nullable_fk_column(conn, table, fk)
            if column is not None:
                conn.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', [rowid])
                continue
            conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', [rowid])
            dropped += 1
            if table in result.copied:
                result.copied[table] -= 1
    return dropped


def _nullable_fk_column(conn: sqlite3.Connection, table: str, fk: int) -> str | None:
    columns = [r[3] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")') if r[0] == fk]
    if len(columns) != 1:
        return None
    info = {r[1]: (r[3], r[5]) for r in conn.execute(f'PRAGMA table_info("{table}")')}  # pk too
    return str(columns[0]) if info.get(columns[0]) == (0, 0) else None
