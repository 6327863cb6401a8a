"""The library schema, declared as sqlite-utils migrations.

Never create tables anywhere else. Add a new migration for every change; never
edit one that has shipped. A library whose applied migrations include a name
this list does not know was written by a newer Reader and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reader.core.library.migration_names import MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


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
