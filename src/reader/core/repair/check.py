"""``reader check``: is a library file intact, and is it Reader's? Said in plain words.

Four looks, each reported on its own: SQLite's ``PRAGMA integrity_check`` (pages,
b-trees, indexes), ``PRAGMA foreign_key_check`` (notes pointing at articles that
are gone), the schema against the one Reader's migrations create, and whether
every stored text is valid UTF-8 (SQLite does not check that itself).
Nothing is written.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import LibraryError, NotALibraryError
from reader.core.library import held_files
from reader.core.library.article_text import damaged, has_table
from reader.core.library.migration_names import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE
from reader.core.library.raw_sources import intact_in
from reader.core.library.store import SQLITE_HEADER, describe_os_error, shorten_path

MAX_DETAILS = 10


@dataclass
class CheckReport:
    path: Path
    problems: list[str] = field(default_factory=list)  # plain words, one line each
    details: list[str] = field(default_factory=list)  # SQLite's own words, for the curious
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        where = shorten_path(self.path)
        if self.ok:
            held = ", ".join(f"{n} {name}" for name, n in self.counts.items())
            return [f"{where}: intact ({held})" if held else f"{where}: intact"]
        out = [f"{where}: damaged"]
        out += [f"  - {p}" for p in self.problems]
        out += [f"    sqlite: {d}" for d in self.details[:MAX_DETAILS]]
        if len(self.details) > MAX_DETAILS:
            out.append(f"    … and {len(self.details) - MAX_DETAILS} more")
        out.append(
            f"  'reader recover NEW.sqlite3 --library {where}' copies what is readable "
            "into a new library"
        )
        return out


def check_library(path: Path) -> CheckReport:
    """Check ``path``; raises :class:`LibraryError` only when it is not a library file at all."""
    report = CheckReport(path)
    if _check_file(path, allow_blank_header=True):
        report.problems.append("its first page (the file header and the schema) is destroyed")
        return report
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open {shorten_path(path)}: {exc}") from exc
    conn.text_factory = bytes
    try:
        _look(conn, report, _integrity)
        if report.ok:  # the rest walks the tables: only meaningful on an intact file
            _look(conn, report, _schema)
            _look(conn, report, _foreign_keys)
            _look(conn, report, _text)
            _look(conn, report, _article_texts)
            _look(conn, report, _raw_sources)
        if report.ok:
            _look(conn, report, _counts)
    finally:
        conn.close()
    return report


def _check_file(path: Path, allow_blank_header: bool = False) -> bool:
    """Refuse what is not a SQLite file; True when its header is zeroed (a damaged one)."""
    where = shorten_path(path)
    try:
        if not path.exists():
            raise LibraryError(f"no library at {where}")
        if not path.is_file():
            raise NotALibraryError(f"{where} is not a library file")
        if held_files.is_held(path):  # open here: Python must not open it (see held_files)
            return False
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"cannot read {where}: {describe_os_error(exc)}") from exc
    blank = header == bytes(len(SQLITE_HEADER)) and path.stat().st_size >= 1024
    if blank and allow_blank_header:
        return True
    if header != SQLITE_HEADER:
        raise NotALibraryError(f"{where} is not a Reader library (not a SQLite database)")
    return False


def _look(conn: sqlite3.Connection, report: CheckReport, step: object) -> None:
    try:
        step(conn, report)  # type: ignore[operator]
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"SQLite cannot read part of the file ({_words(exc)})")


def _words(exc: BaseException) -> str:
    return "".join(c if c.isprintable() else "?" for c in str(exc))[:200]


def _text_of(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _names_by_root(conn: sqlite3.Connection) -> dict[int, str]:
    try:
        rows = conn.execute("SELECT rootpage, name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError:
        return {}
    return {int(r): _text_of(n) for r, n in rows if isinstance(r, int)}


_TREE = re.compile(r"^Tree (\d+) page (\d+)")
_PAGE = re.compile(r"[Pp]age (\d+)")
_INDEX = re.compile(r"(?:missing from|wrong # of entries in) index (\S+)")


def _integrity(conn: sqlite3.Connection, report: CheckReport) -> None:
    lines = [
        line.strip()
        for r in conn.execute("PRAGMA integrity_check(100)").fetchall()
        for line in _text_of(r[0]).splitlines()
        if line.strip() and not line.startswith("***")
    ]
    if lines == ["ok"]:
        return
    roots = _names_by_root(conn)
    where: set[str] = set()
    pages: set[int] = set()
    for line in lines:
        tree = _TREE.match(line)
        if tree:
            where.add(roots.get(int(tree.group(1)), f"b-tree {tree.group(1)}"))
        index = _INDEX.search(line)
        if index:
            where.add(f"the index {index.group(1)}")
        pages.update(int(p) for p in _PAGE.findall(line))
    found = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
    place = f" in {', '.join(sorted(where))}" if where else ""
    page_words = ""
    if pages:
        shown = ", ".join(str(p) for p in sorted(pages)[:8])
        page_words = f" (page{'s' if len(pages) > 1 else ''} {shown})"
    report.problems.append(f"SQLite's integrity check found {found}{place}{page_words}")
    report.details += lines


def _foreign_keys(conn: sqlite3.Connection, report: CheckReport) -> None:
    broken: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall():
        key = (_text_of(table), _text_of(parent))
        broken[key] = broken.get(key, 0) + 1
    for (table, parent), n in sorted(broken.items()):
        report.problems.append(f"{n} row(s) of {table} point to {parent} rows that are not there")


def _expected_schema() -> dict[str, set[str]]:
    """Tables and their columns, as this Reader's migrations create them."""
    from sqlite_utils import Database

    from reader.core.library.migrations import migrations

    memory = sqlite3.connect(":memory:")
    try:
        migrations.apply(Database(memory))
        return _schema_of(memory)
    finally:
        memory.close()


def _schema_of(conn: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [
        _text_of(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    ]
    return {
        t: {_text_of(c[1]) for c in conn.execute(f'PRAGMA table_info("{t}")').fetchall()}
        for t in tables
        if not t.startswith("sqlite_")
    }


def _schema(conn: sqlite3.Connection, report: CheckReport) -> None:
    have = _schema_of(conn)
    if MIGRATIONS_TABLE not in have:
        report.problems.append("it is not a Reader library: its list of migrations is missing")
        return
    applied = {
        _text_of(r[0])
        for r in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchall()
    }
    if not applied:
        report.problems.append("it is not a Reader library: no Reader migrations were applied")
        return
    if applied - set(MIGRATION_NAMES):
        report.problems.append(
            "it was written by a newer Reader; this Reader cannot check all of it"
        )
        return
    expected = _expected_schema()
    for name in [n for n in MIGRATION_NAMES if n not in applied]:
        report.details.append(f"migration {name} not applied yet (opening the library applies it)")
    if set(MIGRATION_NAMES) - applied:
        return  # an older library: opening it upgrades it; its tables are not all there yet
    for table, columns in expected.items():
        if table not in have:
            report.problems.append(f"the table {table} is missing")
        elif columns - have[table]:
            missing = ", ".join(sorted(columns - have[table]))
            report.problems.append(f"the table {table} lacks the column(s) {missing}")


def _text(conn: sqlite3.Connection, report: CheckReport) -> None:
    for table, columns in _text_tables(conn):
        bad = 0
        picked = ", ".join(f'"{c}"' for c in columns)
        for row in conn.execute(f'SELECT {picked} FROM "{table}"'):
            for value in row:
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        bad += 1
        if bad:
            report.problems.append(f"{bad} text value(s) in {table} are not valid UTF-8")


def _article_texts(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Compressed article texts (m010): zlib's checksum finds a damaged page in them, and
    an article whose row there is gone has no text at all."""
    if not has_table(conn):
        return
    bad = damaged(conn)
    if bad:
        report.problems.append(f"the stored text of {len(bad)} article(s) is damaged")


def _raw_sources(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Compressed raw sources (m007): zlib's checksum finds a damaged page in them."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'source_raw'").fetchone():
        return
    rows = conn.execute("SELECT source_id, zlib FROM source_raw").fetchall()
    bad = sum(not intact_in(conn, source_id, packed) for source_id, packed in rows)
    if bad:
        report.problems.append(f"{bad} stored source file(s) in source_raw are damaged")


def _text_tables(conn: sqlite3.Connection) -> Iterator[tuple[str, list[str]]]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [_text_of(n) for n, sql in rows if b"VIRTUAL" in (sql or b"").upper()]
    for name_value, _sql in rows:
        name = _text_of(name_value)
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue  # FTS5's own shadow tables hold binary data
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        columns = [_text_of(c[1]) for c in info if b"TEXT" in (c[2] or b"").upper()]
        if columns:
            yield name, columns


def _counts(conn: sqlite3.Connection, report: CheckReport) -> None:
    for table in ("articles", "annotations", "tags"):
        try:
            report.counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except sqlite3.DatabaseError:
            continue
