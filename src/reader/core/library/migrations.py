"""The library schema as sqlite-utils migrations (m011 on: ``migrations_late``). Never
create tables elsewhere, nor edit a migration that has run anywhere: a library records the
names it ran, so an edited one never runs again on it (m005 repairs what edits to m001 and
m004 did). A new one adds its name to ``migration_names.py`` and its fingerprint to
``tests/data/migration_hashes.json``. A library that ran a name unknown here was written by
a newer Reader: refused."""

from __future__ import annotations

import sqlite3
import zlib

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reader.core.errors import LibraryError
from reader.core.library.migration_names import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)

M007_LEVEL = 6  # zlib's default: level 9 saves ~1% more at twice the time
M010_LEVEL = 1  # 0.55 of the UTF-8 on the wild corpus; 6 saves 4% more at 1/3 the speed


@migrations()
def m001_sources_articles_blocks(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            encoding TEXT NOT NULL,
            size INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            -- large columns last: reading a column stored after one walks its overflow pages
            raw_text TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
            position INTEGER,
            title TEXT NOT NULL,
            untitled INTEGER NOT NULL DEFAULT 0,
            metadata TEXT NOT NULL DEFAULT '{}',
            text_hash TEXT NOT NULL,
            chars INTEGER NOT NULL DEFAULT 0,  -- length(text), kept so lists need not read text
            status TEXT NOT NULL DEFAULT 'unread'
                CHECK (status IN ('unread', 'in_progress', 'reviewed', 'needs_changes')),
            note TEXT NOT NULL DEFAULT '',
            reading_position INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            retired_at TEXT,
            text TEXT NOT NULL  -- last, like every large column
        )"""
    )
    db.execute("CREATE INDEX articles_source ON articles(source_id, position)")
    db.execute(
        """
        CREATE TABLE article_versions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            blocks TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX article_versions_article ON article_versions(article_id)")
    db.execute(
        """
        CREATE TABLE blocks (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            level INTEGER,
            start INTEGER NOT NULL,  -- a block's text is articles.text[start:end]
            "end" INTEGER NOT NULL,
            lines TEXT NOT NULL,
            label TEXT,  -- the text of headings, titles, kickers, subtitles: for outlines
            UNIQUE (article_id, seq)
        )"""
    )
    db.execute(  # covering: the outline reads headings without touching the table
        "CREATE INDEX blocks_headings ON blocks(article_id, seq, level, start, label) "
        "WHERE kind = 'heading'"
    )


@migrations()
def m002_tags_annotations(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            color TEXT NOT NULL DEFAULT '#f6c343',
            shortcut TEXT UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            text_hash TEXT NOT NULL,
            color TEXT,
            note TEXT NOT NULL DEFAULT '',
            annotator TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'anchored'
                CHECK (state IN ('anchored', 'moved', 'orphaned')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start <= "end")
        )"""
    )
    db.execute("CREATE INDEX annotations_article ON annotations(article_id, start)")
    db.execute(
        """
        CREATE TABLE annotation_tags (
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        )"""
    )
    db.execute("CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id)")


@migrations()
def m003_user_words_settings(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE user_words (
            word TEXT PRIMARY KEY,
            freq INTEGER,
            tag TEXT,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


# The tokenizer m004 created the index with, frozen here: search must declare the
# same token characters (a test checks reader.core.search.index agrees).
M004_TOKENIZER = (
    "unicode61 remove_diacritics 0 tokenchars "
    "'，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·￥%+-=/.,;:!?()[]{}<>@#$&*_|~^`\\'"
)


@migrations()
def m004_search_index(db: Database) -> None:
    """Character-token FTS5 index; see reader.core.search for the design.

    An article is either indexed or listed in ``search_pending``: import stores
    articles and lists them, in each file's transaction; the index catches up in
    one batch after the import, and before any search.
    """
    tokenize = M004_TOKENIZER.replace('"', '""')
    db.execute(
        f"CREATE VIRTUAL TABLE search_index USING fts5(title, body, content='', "
        f'tokenize="{tokenize}")'
    )
    db.execute(
        "CREATE TABLE search_pending ("
        "article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE)"
    )
    db.execute("INSERT INTO search_pending SELECT id FROM articles WHERE retired_at IS NULL")


# m005: m001 and m004 were edited after they had run, so a library can record them as run
# and hold older tables (no chars, blocks with text and no label, no blocks_headings or
# search_pending, large columns mid-row). m005 gives it today's shape, every row kept.

# Columns earlier libraries lack, filled from the old row ``o`` as import fills them.
_M005_BACKFILL = {
    ("articles", "chars"): "length(o.text)",
    ("blocks", "label"): (
        "CASE WHEN o.kind IN ('title', 'kicker', 'subtitle', 'heading') THEN "
        '(SELECT substr(a.text, o.start + 1, o."end" - o.start) FROM articles a '
        "WHERE a.id = o.article_id) END"
    ),
}
# Columns earlier libraries have that the current shape dropped: nothing is lost.
_M005_DROPPED = frozenset({("blocks", "text")})  # a copy of articles.text[start:end]


@migrations(transactional=False)
def m005_repair_earlier_schemas(db: Database) -> None:
    """Bring a library made by any earlier Reader to the tables m001-m004 create now.

    A table whose SQL differs is rebuilt with all its rows (missing columns back-
    filled); missing tables and indexes are created; an index the old search code
    filled is rebuilt from scratch, every article listed in ``search_pending``.
    A no-op on a library m001-m004 made as they are now.

    Not in sqlite-utils' transaction: rebuilding a table needs foreign keys off
    (dropping the old copy would cascade), and SQLite only switches them between
    transactions. Its own transaction commits the whole repair or nothing, and
    running it again after a kill finds nothing to do.
    """
    conn = db.conn
    target = _m005_target()
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    legacy_alter = conn.execute("PRAGMA legacy_alter_table").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    # Renaming the old table away must not rewrite other tables' REFERENCES to it.
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        if conn.in_transaction or conn.execute("PRAGMA foreign_keys").fetchone()[0]:
            raise LibraryError(f"{_m005_file(conn)}: cannot upgrade inside a transaction")
        conn.execute("BEGIN IMMEDIATE")
        try:
            _m005_repair(conn, target)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute(f"PRAGMA legacy_alter_table = {int(legacy_alter)}")
        conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")


def _m005_target() -> list[tuple[str, str, str]]:
    """(type, name, sql) of what m001-m004 create in an empty database, in order."""
    fresh = Database(memory=True)
    try:
        for step in (
            m001_sources_articles_blocks,
            m002_tags_annotations,
            m003_user_words_settings,
            m004_search_index,
        ):
            step(fresh)
        rows = fresh.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
    finally:
        fresh.close()
    virtual = [name for _, name, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")]
    return [
        (kind, name, sql)
        for kind, name, sql in rows
        if not any(name.startswith(f"{v}_") for v in virtual)  # FTS5's own tables
    ]


def _m005_file(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA database_list").fetchone()[2] or "the library")


def _m005_same(a: str | None, b: str) -> bool:
    return a is not None and " ".join(a.split()) == " ".join(b.split())


def _m005_schema(conn: sqlite3.Connection) -> dict[str, str | None]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_master").fetchall())


def _m005_repair(conn: sqlite3.Connection, target: list[tuple[str, str, str]]) -> None:
    had = _m005_schema(conn)
    reindex = "search_pending" not in had  # the index was filled by the old search code
    for kind, name, sql in target:
        if kind != "table":
            continue
        if sql.startswith("CREATE VIRTUAL TABLE"):
            if reindex or not _m005_same(had.get(name), sql):
                conn.execute(f'DROP TABLE IF EXISTS "{name}"')
                conn.execute(sql)
                reindex = True
        elif name not in had:
            conn.execute(sql)
        elif not _m005_same(had[name], sql):
            _m005_rebuild(conn, name, sql)
    now = _m005_schema(conn)
    for kind, name, sql in target:
        if kind == "index" and not _m005_same(now.get(name), sql):
            conn.execute(f'DROP INDEX IF EXISTS "{name}"')
            conn.execute(sql)
    if reindex:
        conn.execute(
            "INSERT OR IGNORE INTO search_pending SELECT id FROM articles WHERE retired_at IS NULL"
        )


def _m005_rebuild(conn: sqlite3.Connection, table: str, sql: str) -> None:
    """Recreate ``table`` from ``sql`` and copy every row into it."""
    old_columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    old = f"_m005_old_{table}"
    for (index,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        [table],
    ).fetchall():
        conn.execute(f'DROP INDEX "{index}"')  # recreated from the target afterwards
    conn.execute(f'ALTER TABLE "{table}" RENAME TO "{old}"')
    conn.execute(sql)
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    unknown = [c for c in old_columns if c not in columns and (table, c) not in _M005_DROPPED]
    if unknown:
        raise LibraryError(
            f"{_m005_file(conn)}: cannot upgrade: its table {table} has columns this Reader "
            f"does not know ({', '.join(unknown)}); the library was left as it was"
        )
    filled = [c for c in columns if c in old_columns or (table, c) in _M005_BACKFILL]
    values = [f'o."{c}"' if c in old_columns else _M005_BACKFILL[(table, c)] for c in filled]
    names = ", ".join(f'"{c}"' for c in filled)
    conn.execute(f'INSERT INTO "{table}" ({names}) SELECT {", ".join(values)} FROM "{old}" AS o')
    copied, kept = (
        conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in (table, old)
    )
    if copied != kept:
        raise LibraryError(
            f"{_m005_file(conn)}: cannot upgrade: its table {table} would lose rows; "
            "the library was left as it was"
        )
    conn.execute(f'DROP TABLE "{old}"')


@migrations()
def m006_search_index_variant_fold(db: Database) -> None:
    """The index now holds characters folded Traditional → Simplified
    (``fold(..., variants=True)``), so an index filled before is rebuilt: emptied,
    and every live article listed in ``search_pending`` to be indexed again."""
    db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    db.execute(
        "INSERT OR IGNORE INTO search_pending SELECT id FROM articles WHERE retired_at IS NULL"
    )


@migrations()
def m007_compress_raw_sources(db: Database) -> None:
    """Raw sources stored zlib-compressed (UTF-8, then zlib) in their own table, and
    ``sources.raw_text`` left empty for them. Chinese text compresses 2-3x; the raw source
    is only read to show it beside the article. A table, not a column of ``sources``, so
    m005 (which rebuilds ``sources`` to m001's shape) stays harmless to run again. A
    source without a row here (copied by ``reader recover`` from an older library) still
    has its text in ``raw_text``. Also: a covering index for the tree's outline."""
    db.execute(
        "CREATE TABLE source_raw ("
        "source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE, "
        "zlib BLOB NOT NULL)"
    )
    # the tree's outline reads these for every article: from an index, not from the
    # table's pages, which hold the texts (50,000 articles: 0.3 s → a few ms of I/O)
    db.execute(
        "CREATE INDEX articles_outline ON articles(source_id, position, id, title, status, "
        "chars, retired_at) WHERE retired_at IS NULL"
    )
    conn = db.conn
    for (source_id,) in conn.execute("SELECT id FROM sources").fetchall():
        (raw,) = conn.execute("SELECT raw_text FROM sources WHERE id = ?", [source_id]).fetchone()
        packed = zlib.compress(str(raw).encode("utf-8", "surrogatepass"), M007_LEVEL)
        conn.execute("INSERT INTO source_raw (source_id, zlib) VALUES (?, ?)", [source_id, packed])
        conn.execute("UPDATE sources SET raw_text = '' WHERE id = ?", [source_id])


@migrations(transactional=False)
def m008_incremental_auto_vacuum(db: Database) -> None:
    """Free pages can be given back (``PRAGMA incremental_vacuum``): the search index's
    final merge after a big import frees about as many pages as the index holds, which a
    library without auto-vacuum keeps for good. Setting it takes one ``VACUUM``, so the
    library is rewritten once, outside any transaction (a kill leaves it as it was, and the
    migration runs again). A no-op when already set."""
    conn = db.conn
    if conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2:
        return
    if conn.in_transaction:
        raise LibraryError(f"{_m005_file(conn)}: cannot upgrade inside a transaction")
    conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
    conn.execute("VACUUM")


@migrations()
def m009_search_index_body_first(db: Database) -> None:
    """The index holds an article's body in its first column and its title in the second;
    the columns keep m004's names (m005 recreates the table from m004's SQL), so the one
    named ``title`` holds the body now (``reader.core.search.index``). FTS5 writes two bytes
    before the positions of every column but the first, once per character and article: the
    body first takes a fifth off the index. So the index is emptied, and every live article
    listed in ``search_pending`` to be indexed again (as m006)."""
    db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    db.execute(
        "INSERT OR IGNORE INTO search_pending SELECT id FROM articles WHERE retired_at IS NULL"
    )


@migrations(transactional=False)
def m010_compress_article_texts(db: Database) -> None:
    """Article texts stored zlib-compressed (UTF-8, then zlib) in their own table, and
    ``articles.text`` left '' for them: the library's largest column at ~0.55 of its bytes.
    A table, not a column of ``articles``, so m005 (which rebuilds ``articles`` to m001's
    shape) stays harmless to run again. An article without a row here (copied by ``reader
    recover`` from an older library) still has its text in ``articles.text``. ``size`` (the
    UTF-8 bytes) checks what a stream gives back, and tells its rows from ``source_raw``'s
    when ``recover`` reads pages without a schema.

    Then one ``VACUUM``: emptied in place, the rows of ``articles`` would stay one to a page.
    The move is one transaction of its own; run again after a kill, it finds nothing left
    to move and vacuums again."""
    conn = db.conn
    if conn.in_transaction:
        raise LibraryError(f"{_m005_file(conn)}: cannot upgrade inside a transaction")
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS article_text ("
            "article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
            "size INTEGER NOT NULL, zlib BLOB NOT NULL)"
        )
        for (article_id,) in conn.execute("SELECT id FROM articles WHERE text != ''").fetchall():
            (text,) = conn.execute(
                "SELECT text FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            data = str(text).encode("utf-8", "surrogatepass")
            conn.execute(
                "INSERT OR REPLACE INTO article_text (article_id, size, zlib) VALUES (?, ?, ?)",
                [article_id, len(data), zlib.compress(data, M010_LEVEL)],
            )
            conn.execute("UPDATE articles SET text = '' WHERE id = ?", [article_id])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("VACUUM")


from reader.core.library.migrations_late import LATE  # noqa: E402  (m011 on, in order)

for _step, _transactional in LATE:
    migrations(transactional=_transactional)(_step)
