"""A new file's rows stored a file at a time (issue #11): the rows one article at a time
gave, and each folder resolved once for its files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.core.ingest import rows
from reader.core.ingest.importer import Outcome, import_paths, resolved
from reader.core.library.article_text import pack, text_of
from reader.core.library.articles import get_article
from reader.core.library.store import open_library
from reader.core.stamps import text_hash
from reader.core.text.model import lines_json
from reader.core.text.structure import parse_text

PAGE = """---
title: 合集
author: 某某
---

# 第一篇文章

导语写在这里，说明来历。

## 小节标题

正文第一段，有句号。
正文第二段，也有句号。

# 第二篇文章

另一篇的正文。

# 第三篇

最后一段。
"""


def _old_rows(conn, source_id, document, stamp):
    """The rows as the import stored them before: one article at a time."""
    for position, article in enumerate(document.articles):
        row = rows.article_row(article, source_id, position, stamp)
        assert row["metadata"] == json.dumps(article.metadata, ensure_ascii=False)
        article_id = conn.execute(rows.INSERT_ARTICLE, [*row.values(), stamp]).lastrowid
        conn.execute(
            "INSERT OR REPLACE INTO article_text (article_id, size, zlib) VALUES (?, ?, ?)",
            [article_id, *pack(article.text)],
        )
        conn.executemany(
            rows.BLOCKS_SQL,
            [
                (
                    article_id,
                    seq,
                    b.kind,
                    b.level,
                    b.start,
                    b.end,
                    lines_json(b.lines),
                    b.text if b.kind in rows.LABELLED else None,
                )
                for seq, b in enumerate(article.blocks)
            ],
        )
        conn.execute("INSERT OR IGNORE INTO search_pending (article_id) VALUES (?)", [article_id])


def _dump(conn) -> dict[str, list[tuple]]:
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("articles", "article_text", "blocks", "search_pending")
    }


def test_a_file_stored_at_once_has_the_rows_of_one_article_at_a_time(tmp_path: Path):
    document = parse_text(PAGE, "page.md")
    assert len(document.articles) >= 3 and document.articles[0].metadata  # what it tests
    dumps = []
    for store in (_old_rows, rows.store_new):
        with open_library(tmp_path / f"{store.__name__}.sqlite3") as library:
            conn = library.conn
            with library.transaction():
                conn.execute(  # an article of another file first: ids do not start at 1
                    "INSERT INTO sources (path, name, sha256, encoding, size, raw_text, "
                    "imported_at, updated_at) VALUES ('x', 'x', '', 'utf-8', 0, '', '', '')"
                )
                _old_rows(conn, 1, parse_text("# 别的\n\n一段。\n", "x.md"), "t0")
                conn.execute(
                    "INSERT INTO sources (path, name, sha256, encoding, size, raw_text, "
                    "imported_at, updated_at) VALUES ('p', 'p', '', 'utf-8', 0, '', '', '')"
                )
                store(conn, 2, document, "t1")
            dumps.append(_dump(conn))
    assert dumps[0] == dumps[1]
    for metadata in ({"title": "标题", "作者": "某 某"}, {"a": '\u2028"\\x'}):
        assert rows.metadata_json(metadata) == json.dumps(metadata, ensure_ascii=False)
    assert len(dumps[1]["blocks"]) == 2 + sum(len(a.blocks) for a in document.articles)


def test_stored_articles_read_back_as_parsed(library, tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    (result,) = import_paths(library, [page]).results
    assert result.outcome is Outcome.IMPORTED
    document = parse_text(PAGE, "page.md")
    ids = [
        r[0] for r in library.conn.execute("SELECT id FROM articles ORDER BY position").fetchall()
    ]
    assert len(ids) == len(document.articles)
    for article_id, article in zip(ids, document.articles, strict=True):
        stored = get_article(library, article_id)
        assert stored.text == article.text == text_of(library.conn, article_id)
        assert stored.text_hash == text_hash(article.text)
        assert stored.blocks == article.blocks
        assert stored.metadata == article.metadata


def test_an_article_whose_text_cannot_be_hashed_refuses_its_file_whole(tmp_path: Path):
    document = parse_text("# 标题\n\n正文。\n", "a.md")
    article = document.articles[0]
    broken = type(document)(
        (type(article)(article.title, article.blocks, article.text + "\ud800"),)
    )
    with open_library(tmp_path / "lib.sqlite3") as library:
        conn = library.conn
        with pytest.raises(UnicodeEncodeError), library.transaction():
            conn.execute(
                "INSERT INTO sources (path, name, sha256, encoding, size, raw_text, "
                "imported_at, updated_at) VALUES ('p', 'p', '', 'utf-8', 0, '', '', '')"
            )
            rows.store_new(conn, 1, broken, "t")
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    with pytest.raises(UnicodeEncodeError):
        text_hash(broken.articles[0].text)  # as the hash it stands for


def test_a_resolved_path_is_the_path_resolved(tmp_path: Path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir()
    for name in ("a.md", "b.md"):
        (real / name).write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)  # a folder reached through a link
    (real / "c.md").symlink_to(real / "a.md")  # a file that is a link
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "d.md").symlink_to(Path("..") / "real" / "b.md")
    monkeypatch.chdir(tmp_path)
    folders: dict[Path, Path] = {}
    paths = [
        real / "a.md",
        real / "b.md",
        tmp_path / "linked" / "a.md",
        tmp_path / "linked" / "b.md",
        real / "c.md",
        tmp_path / "linked" / "c.md",
        tmp_path / "elsewhere" / "d.md",
        Path("linked/b.md"),
        Path("real") / ".." / "linked" / "a.md",
        Path("missing/e.md"),
    ]
    for path in paths:
        assert resolved(path, folders) == path.resolve(), path
        assert resolved(path) == path.resolve()
    assert folders  # kept for the folders' next files
    assert os.path.realpath(tmp_path / "linked") in {str(v) for v in folders.values()}
