"""Migrations: every library an earlier Reader made opens, upgraded, with nothing lost.

``tests/data/libraries/`` holds one small library per earlier schema, each built
by the Reader of that commit (see ``build.py`` there). Each is copied, opened by
today's Reader through the real CLI, and compared with what the file held before.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
import json
import shutil
import sqlite3
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlite_utils import Database

from conftest import DATA, run_reader
from reader.core.library import migrations as migrations_module
from reader.core.library.article_text import text_of
from reader.core.library.article_text import unpack as unpack_text
from reader.core.library.migration_names import MIGRATION_NAMES
from reader.core.library.migrations import migrations
from reader.core.library.raw_sources import unpack
from reader.core.library.store import open_library
from reader.core.resources import samples_dir

LIBRARIES = DATA / "libraries"
HASHES = DATA / "migration_hashes.json"
# Every earlier schema: the commit whose Reader built the library.
COMMITS = ("cb37eaa", "c005bb1", "e9a1d8d", "dc939b9", "fa2a5a4", "ab8eb9d", "73666d6", "c9bf204")
WITH_ANNOTATIONS = ("ab8eb9d", "73666d6", "c9bf204")
LABELLED = ("title", "kicker", "subtitle", "heading")
# Columns the current schema added, and columns it dropped, checked on their own.
ADDED = {("articles", "chars"), ("blocks", "label")}
DROPPED = {("blocks", "text")}


# -- reading a library with plain sqlite3 -------------------------------------------


def _connect(path: Path, *, checked_in: bool = False) -> sqlite3.Connection:
    if checked_in:  # read as it is: no -wal or -shm beside the file in the repository
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    return sqlite3.connect(path)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables holding the user's data (not FTS5's, not the migration record)."""
    return [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations' ORDER BY name"
        )
    ]


def _rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    names = ", ".join(f'"{c}"' for c in columns)
    return sorted(conn.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr)


def _snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    conn = _connect(path)
    try:
        return {
            table: (_columns(conn, table), _rows(conn, table, _columns(conn, table)))
            for table in _user_tables(conn)
        }
    finally:
        conn.close()


def _schema(path: Path) -> dict[str, Any]:
    """What a library's schema is: normalised SQL, columns and indexes of every table."""
    conn = _connect(path)
    try:
        sql = {
            name: " ".join(text.split())
            for name, text in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            )
        }
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        columns = {t: conn.execute(f'PRAGMA table_info("{t}")').fetchall() for t in tables}
        indexes = {
            t: sorted(
                (
                    row[1],
                    row[2],
                    tuple(c[2] for c in conn.execute(f'PRAGMA index_info("{row[1]}")')),
                )
                for row in conn.execute(f'PRAGMA index_list("{t}")')
            )
            for t in tables
        }
        return {"sql": sql, "columns": columns, "indexes": indexes}
    finally:
        conn.close()


def _pragma(path: Path, name: str, *, checked_in: bool = False) -> Any:
    conn = _connect(path, checked_in=checked_in)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def _applied(path: Path, *, checked_in: bool = False) -> list[str]:
    conn = _connect(path, checked_in=checked_in)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fresh") / "fresh.sqlite3"
    open_library(path).close()
    return path


def _copy(commit: str, tmp_path: Path) -> Path:
    target = tmp_path / f"{commit}.sqlite3"
    shutil.copyfile(LIBRARIES / f"{commit}.sqlite3", target)
    return target


def _json(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def subprocess_result_ok() -> Any:
    """An empty, successful run (what an empty export printed before it said so)."""
    import subprocess

    return subprocess.CompletedProcess([], 0, "", "")


def _jsonl(result: Any) -> list[Any]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# -- the libraries -------------------------------------------------------------------


def test_there_is_a_library_for_every_earlier_schema():
    assert sorted(p.stem for p in LIBRARIES.glob("*.sqlite3")) == sorted(COMMITS)
    for commit in COMMITS:
        applied = _applied(LIBRARIES / f"{commit}.sqlite3", checked_in=True)
        assert applied and set(applied) < set(MIGRATION_NAMES), commit
    assert not list(LIBRARIES.glob("*-wal")) and not list(LIBRARIES.glob("*-shm"))


@pytest.mark.parametrize("commit", COMMITS)
def test_an_earlier_library_upgrades_with_nothing_lost(commit, tmp_path, fresh_library):
    path = _copy(commit, tmp_path)
    before = _snapshot(path)
    if "source_raw" in before:  # m007 and later: compared as texts, as after the upgrade
        before = _raw_restored(before)
    assert before["articles"][1], "the library holds articles"

    listed = _json(run_reader("ls", "--json", "--library", str(path)))  # opens and upgrades

    assert _applied(path) == list(MIGRATION_NAMES)
    assert _schema(path) == _schema(fresh_library)
    assert _pragma(path, "auto_vacuum") == 2, "m008: incremental auto-vacuum"
    after = _text_restored(_raw_restored(_snapshot(path)))
    assert set(after) >= set(before)
    for table, (columns, rows) in before.items():
        kept = [c for c in columns if (table, c) not in DROPPED]
        assert set(kept) | {c for t, c in ADDED if t == table} == set(after[table][0]), table
        if table == "search_pending":  # a queue: m006 lists every live article (below)
            continue
        assert _rows_of(after, table, kept) == _project(rows, columns, kept), table
    live = sorted((r["id"],) for r in _dicts(after, "articles") if r["retired_at"] is None)
    assert sorted(after["search_pending"][1]) == live, "m006, m009: the index is rebuilt"

    texts = {r["id"]: r["text"] for r in _dicts(after, "articles")}
    titles = {r["id"]: r["title"] for r in _dicts(after, "articles") if r["retired_at"] is None}
    assert {a["id"]: a["title"] for a in listed} == titles
    for article in _dicts(after, "articles"):
        assert article["chars"] == len(article["text"])
    for block in _dicts(after, "blocks"):
        text = texts[block["article_id"]][block["start"] : block["end"]]
        assert block["label"] == (text if block["kind"] in LABELLED else None)
    if ("blocks", "text") in {(t, c) for t in before for c in before[t][0]}:
        for block in _dicts(before, "blocks"):  # the dropped copy was the article's text
            assert block["text"] == texts[block["article_id"]][block["start"] : block["end"]]
    with open_library(path, create=False) as library:  # m010: read back as before
        for article in _dicts(before, "articles"):
            assert text_of(library.conn, article["id"]) == article["text"]
    if commit in WITH_ANNOTATIONS:
        assert len(before["annotations"][1]) == 3
        assert before["annotation_tags"][1] and before["user_words"][1]
        statuses = {r["status"] for r in _dicts(before, "articles")}
        assert "in_progress" in statuses


def _raw_restored(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot with each source's raw text back in ``sources.raw_text`` (m007 keeps it
    compressed in ``source_raw``); every source has its row there."""
    packed = dict(snapshot["source_raw"][1])
    columns, rows = snapshot["sources"]
    at, key = columns.index("raw_text"), columns.index("id")
    assert all(row[at] == "" for row in rows) and set(packed) == {row[key] for row in rows}
    restored = [(*row[:at], unpack(row[at], packed[row[key]]), *row[at + 1 :]) for row in rows]
    return {**snapshot, "sources": (columns, sorted(restored, key=repr))}


def _text_restored(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot with each article's text back in ``articles.text`` (m010 keeps it
    compressed in ``article_text``, its UTF-8 bytes in ``size``); every article with a text
    has its row there, and ``articles.text`` is '' in all of them."""
    packed = {row[0]: (row[1], row[2]) for row in snapshot["article_text"][1]}
    assert snapshot["article_text"][0] == ["article_id", "size", "zlib"]
    columns, rows = snapshot["articles"]
    at, key, chars = columns.index("text"), columns.index("id"), columns.index("chars")
    assert all(row[at] == "" for row in rows)
    assert set(packed) == {row[key] for row in rows if row[chars]}
    restored = []
    for row in rows:
        size, stream = packed.get(row[key], (0, None))
        text = unpack_text(row[at], stream)
        assert len(text) == row[chars] and len(text.encode()) == size
        restored.append((*row[:at], text, *row[at + 1 :]))
    rest = {k: v for k, v in snapshot.items() if k != "article_text"}  # compared as texts
    return {**rest, "articles": (columns, sorted(restored, key=repr))}


def _without_m007(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema as it was before m007 added ``source_raw`` and ``articles_outline``, and m010
    ``article_text``."""
    added = ("source_raw", "articles_outline", "article_text")
    sql = {k: v for k, v in schema["sql"].items() if k not in added}
    columns = {k: v for k, v in schema["columns"].items() if k not in added}
    indexes = {
        t: [i for i in found if i[0] not in added]
        for t, found in schema["indexes"].items()
        if t not in added
    }
    return {"sql": sql, "columns": columns, "indexes": indexes}


def _dicts(snapshot: dict[str, Any], table: str) -> list[dict[str, Any]]:
    columns, rows = snapshot[table]
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _project(rows: list[tuple[Any, ...]], columns: list[str], keep: list[str]) -> list[Any]:
    at = [columns.index(c) for c in keep]
    return sorted((tuple(row[i] for i in at) for row in rows), key=repr)


def _rows_of(snapshot: dict[str, Any], table: str, keep: list[str]) -> list[Any]:
    columns, rows = snapshot[table]
    return _project(rows, columns, keep)


@pytest.mark.parametrize("commit", COMMITS)
def test_an_upgraded_library_works_through_the_cli(commit, tmp_path):
    path = _copy(commit, tmp_path)
    library = ["--library", str(path)]
    before = _snapshot(path)
    articles = {r["id"]: r for r in _dicts(before, "articles") if r["retired_at"] is None}

    # search: exactly the occurrences a plain scan of the texts finds
    hits = _jsonl(run_reader("search", "党支部", "--all", "--json", *library))
    expected = {
        (article_id, start)
        for article_id, row in articles.items()
        for start in _occurrences(row["text"], "党支部")
    }
    assert expected
    assert {(h["article_id"], h["start"]) for h in hits} == expected

    # show: the same article as before the upgrade
    first = min(articles)
    shown = _json(run_reader("show", str(first), "--json", *library))
    assert (shown["title"], shown["text"]) == (articles[first]["title"], articles[first]["text"])
    for block in shown["blocks"]:
        assert shown["text"][block["start"] : block["end"]] == block["text"]

    # export: every annotation the old Reader made, with its tags and note
    annotations = _dicts(before, "annotations")
    result = run_reader("export", "--format", "jsonl", *library)
    if not annotations:  # an empty export says so, exit 1 (README, "Exporting notes")
        assert result.returncode == 1 and "nothing to export" in result.stderr
        result = subprocess_result_ok()
    lines = _jsonl(result)
    exported = {a["id"]: a for a in lines if a["type"] == "reader-annotation"}
    assert set(exported) == {a["id"] for a in annotations}
    for a in annotations:
        assert (exported[a["id"]]["quote"], exported[a["id"]]["note"]) == (a["quote"], a["note"])
    tag_names = {t["id"]: t["name"] for t in _dicts(before, "tags")}
    for link in _dicts(before, "annotation_tags"):
        assert tag_names[link["tag_id"]] in exported[link["annotation_id"]]["tags"]

    # import another page, then the same page again
    other = tmp_path / "other.txt"
    shutil.copyfile(samples_dir() / "003_adac3396fe603db7.txt", other)
    imported = run_reader("import", str(other), *library)
    assert imported.returncode == 0, imported.stderr
    assert "1 imported" in imported.stdout + imported.stderr
    again = run_reader("import", str(other), *library)
    assert again.returncode == 0, again.stderr
    assert "1 unchanged" in again.stdout + again.stderr
    listed = _json(run_reader("ls", "--json", *library))
    assert set(articles) < {a["id"] for a in listed}
    assert {a["source"] for a in listed} >= {str(other.resolve())}


@pytest.mark.parametrize("commit", COMMITS)
def test_reimporting_an_earlier_librarys_page_updates_it_in_place(commit, tmp_path):
    """The page the old Reader imported, imported again unchanged and then changed."""
    path = _copy(commit, tmp_path)
    conn = _connect(path)
    source_id, raw_text, sha256 = conn.execute(
        "SELECT id, raw_text, sha256 FROM sources"
    ).fetchone()
    if "source_raw" in _user_tables(conn):  # m007 keeps it compressed (plain zlib then)
        (packed,) = conn.execute("SELECT zlib FROM source_raw WHERE source_id = ?", [source_id])
        raw_text = unpack(raw_text, packed[0])
    conn.close()
    page = tmp_path / "page.txt"
    page.write_text(raw_text, encoding="utf-8")
    assert hashlib.sha256(page.read_bytes()).hexdigest() == sha256, "the same page"
    with open_library(path) as lib:  # the file moved: the user's copy of it is here now
        with lib.transaction() as db:
            db.execute("UPDATE sources SET path = ? WHERE id = ?", [str(page.resolve()), source_id])
        annotated = lib.conn.execute("SELECT id FROM annotations ORDER BY id").fetchall()
        ids = [r[0] for r in lib.conn.execute("SELECT id FROM articles ORDER BY id")]
    library = ["--library", str(path)]

    same = run_reader("import", str(page), *library)
    assert same.returncode == 0, same.stderr
    assert "1 unchanged" in same.stdout + same.stderr

    page.write_text(raw_text.replace("患者就医便捷度", "群众就医便捷度", 1), encoding="utf-8")
    changed = run_reader("import", str(page), *library)
    assert changed.returncode == 0, changed.stderr
    assert "1 updated" in changed.stdout + changed.stderr
    assert [a["id"] for a in _json(run_reader("ls", "--json", *library))] == ids
    found = _jsonl(run_reader("search", "群众就医便捷度", "--json", *library))
    gone = _jsonl(run_reader("search", "患者就医便捷度", "--json", *library))
    assert len(found) == 1 and gone == []
    with open_library(path) as lib:
        assert lib.conn.execute("SELECT id FROM annotations ORDER BY id").fetchall() == annotated


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


# -- m005 on a current library ---------------------------------------------------------


def _forget_m005(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_repair_earlier_schemas'")
    conn.close()


def test_m005_changes_nothing_in_a_library_m001_to_m004_made(tmp_path):
    path = tmp_path / "current.sqlite3"
    db = Database(path)
    migrations.apply(db, stop_before="m005_repair_earlier_schemas")
    db.conn.close()
    empty = _schema(path)
    open_library(path).close()  # m005 on an empty library
    assert _applied(path) == list(MIGRATION_NAMES)
    assert _without_m007(_schema(path)) == empty

    page = tmp_path / "page.txt"
    shutil.copyfile(samples_dir() / "004_91c4f3a61b62fe4e.txt", page)
    assert run_reader("import", str(page), "--library", str(path)).returncode == 0
    _forget_m005(path)  # and again on one holding articles, all indexed
    schema, data = _schema(path), _snapshot(path)
    assert data["articles"][1] and not data["search_pending"][1]
    open_library(path).close()
    assert sorted(_applied(path)) == sorted(MIGRATION_NAMES)  # m005 again, after m006
    assert (_schema(path), _snapshot(path)) == (schema, data)


def test_m005_runs_again_harmlessly_after_an_upgrade(tmp_path):
    """A kill between the repair's commit and its record: the next open repeats it."""
    path = _copy("cb37eaa", tmp_path)
    open_library(path).close()
    _forget_m005(path)
    schema, data = _schema(path), _snapshot(path)
    open_library(path).close()
    assert (_schema(path), _snapshot(path)) == (schema, data)


def test_the_library_with_todays_schema_is_not_reindexed(tmp_path):
    path = _copy("73666d6", tmp_path)
    before = _schema(path)
    with open_library(path) as lib:  # m006 lists every article once, for the variant fold
        listed = lib.conn.execute("SELECT count(*) FROM search_pending").fetchone()[0]
        live = lib.conn.execute("SELECT count(*) FROM articles WHERE retired_at IS NULL")
        assert listed == live.fetchone()[0] > 0
    assert run_reader("search", "党支部", "--library", str(path)).returncode == 0  # indexes
    with open_library(path) as lib:
        assert lib.conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
    assert _without_m007(_schema(path)) == before


def test_m006_rebuilds_an_index_filled_with_the_old_fold(tmp_path):
    """73666d6 indexed 監 as 監; after m006, 监 finds it."""
    path = _copy("73666d6", tmp_path)
    with open_library(path) as lib:
        (article_id,) = lib.conn.execute(
            "SELECT id FROM articles WHERE retired_at IS NULL ORDER BY id LIMIT 1"
        ).fetchone()
        text = text_of(lib.conn, article_id) or ""
    word = text[:4].strip()
    traditional = {"党": "黨", "县": "縣", "会": "會", "医": "醫", "院": "院"}
    query = "".join(traditional.get(c, c) for c in word)
    hits = _jsonl(run_reader("search", query, "--all", "--json", "--library", str(path)))
    assert any(h["article_id"] == article_id and h["start"] == 0 for h in hits), query


@pytest.mark.parametrize("commit", ["e9a1d8d", "dc939b9", "fa2a5a4", "ab8eb9d"])
def test_an_index_the_old_search_code_filled_is_rebuilt(commit, tmp_path):
    path = _copy(commit, tmp_path)
    with open_library(path) as lib:
        pending = {r[0] for r in lib.conn.execute("SELECT article_id FROM search_pending")}
        live = {r[0] for r in lib.conn.execute("SELECT id FROM articles WHERE retired_at IS NULL")}
    assert pending == live


def test_a_column_this_reader_does_not_know_is_refused_and_nothing_changes(tmp_path):
    from reader.core.errors import LibraryError

    path = _copy("e9a1d8d", tmp_path)  # blocks is rebuilt after sources and articles
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE blocks ADD COLUMN mystery TEXT")
        conn.execute("UPDATE blocks SET mystery = 'keep me'")
    conn.close()
    schema, data = _schema(path), _snapshot(path)
    with pytest.raises(LibraryError, match=r"blocks has columns .*\(mystery\).* left as it was"):
        open_library(path)
    assert (_schema(path), _snapshot(path)) == (schema, data)
    assert "m005_repair_earlier_schemas" not in _applied(path)


# -- an applied migration is never edited ----------------------------------------------


def _digest_source(source: str) -> str:
    """The AST of a function without its docstring: formatting and comments may change."""
    tree = ast.parse(textwrap.dedent(source))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and ast.get_docstring(node):
            node.body = node.body[1:] or [ast.Pass()]
    return _canonical(tree)


def _canonical(node: object) -> str:
    """Like ast.dump, but the same on every Python: empty and None fields left out
    (3.12 added ``type_params=[]`` to functions, 3.13 changed what dump shows)."""
    if isinstance(node, ast.AST):
        fields = [
            f"{name}={_canonical(value)}"
            for name, value in ast.iter_fields(node)
            if value is not None and value != []
        ]
        return f"{type(node).__name__}({', '.join(fields)})"
    if isinstance(node, list):
        return "[" + ", ".join(_canonical(item) for item in node) + "]"
    return repr(node)


def _fingerprint(name: str, module: ModuleType) -> str:
    """A migration's code, and the code and constants of the module it reaches."""
    parts: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        value = vars(module).get(name)
        if inspect.isfunction(value) and value.__module__ == module.__name__:
            source = inspect.getsource(value)
            parts.append(_digest_source(source))
            for node in ast.walk(ast.parse(textwrap.dedent(source))):
                if isinstance(node, ast.Name):
                    visit(node.id)
        elif isinstance(value, set | frozenset):
            parts.append(f"{name}={sorted(value)!r}")
        elif isinstance(value, str | int | float | tuple | dict):
            parts.append(f"{name}={value!r}")

    visit(name)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def test_no_applied_migration_was_edited():
    recorded = json.loads(HASHES.read_text(encoding="utf-8"))
    names = [m.name for m in migrations._migrations]
    for step in migrations._migrations:
        name = step.name  # fingerprinted in the module that defines it (m011 on: its own)
        digest = _fingerprint(name, sys.modules[step.fn.__module__])
        assert name in recorded, f'new migration {name}: add "{name}": "{digest}" to {HASHES.name}'
        assert recorded[name] == digest, (
            f"{name} changed: never edit an applied migration; add a new one"
        )
    assert sorted(recorded) == sorted(names), "a migration was removed"


def test_the_fingerprint_sees_code_and_constants_but_not_layout():
    source = inspect.getsource(migrations_module.m003_user_words_settings)
    digest = _digest_source(source)
    assert _digest_source(source.replace("freq INTEGER", "frequency INTEGER")) != digest
    assert (
        _digest_source(source.replace("    db.execute(", "    # a comment\n    db.execute(", 1))
        == digest
    )
    original = migrations_module.M004_TOKENIZER
    fingerprint = _fingerprint("m004_search_index", migrations_module)
    try:
        migrations_module.M004_TOKENIZER = original + "x"
        assert _fingerprint("m004_search_index", migrations_module) != fingerprint
    finally:
        migrations_module.M004_TOKENIZER = original


def test_m008_an_m007_library_upgrades_and_gives_its_free_pages_back(tmp_path):
    """c9bf204 made the library (m001-m007, no auto-vacuum): m008 rewrites it once with every
    row kept (the test above), after which the pages an import frees go back to the disk."""
    from reader.core.ingest.importer import import_paths
    from reader.core.library.space import reclaim, space

    assert _pragma(LIBRARIES / "c9bf204.sqlite3", "auto_vacuum", checked_in=True) == 0
    path = _copy("c9bf204", tmp_path)
    before = _snapshot(path)
    with open_library(path, create=False) as library:
        after = _text_restored(_snapshot(path))  # m008 (and m010) changed no row
        queue = "search_pending"  # m009 lists every live article to be indexed again
        assert {**after, queue: None} == {**before, queue: None}
        import_paths(library, sorted(samples_dir().glob("*.txt")))
        with library.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE source_id > 1")
        freed = space(library).free_bytes
        assert freed > 0
        assert reclaim(library, min_free_bytes=1) == freed
        assert space(library).free_pages == 0
        kept = library.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    assert kept == len(before["annotations"][1]) == 3
