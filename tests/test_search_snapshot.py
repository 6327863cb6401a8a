"""A search during an import: it reads its snapshot (WAL) and never waits for the writer.

The reading connection has no busy timeout, so any wait for a lock would fail at once:
no clock is needed to tell "waited" from "did not wait"."""

from __future__ import annotations

import pytest

from reader.core.errors import LibraryLockedError
from reader.core.ingest.importer import import_file, import_paths
from reader.core.library.article_text import store as store_text
from reader.core.library.article_text import text_of
from reader.core.library.store import open_library
from reader.core.search.index import pending_ids
from reader.core.search.query import iter_hits, search


def write(path, body: str, title: str):
    path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    return path


def test_a_search_reads_its_snapshot_while_a_writer_holds_the_lock(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        import_paths(library, [write(tmp_path / "a.md", "第一篇写红岩村。", "甲")])  # indexed
        import_file(library, write(tmp_path / "b.md", "第二篇也写红岩。", "乙"))  # listed only
        assert len(pending_ids(library)) == 1
    writer = open_library(path)
    reader = open_library(path, busy_timeout=0)
    try:
        with writer.transaction() as conn:  # an import's file, half stored
            for (article_id,) in conn.execute("SELECT id FROM articles").fetchall():
                text = text_of(conn, article_id) or ""
                store_text(conn, article_id, text.replace("红岩", "黄河"))
            conn.execute("INSERT OR IGNORE INTO search_pending SELECT id FROM articles")
            # the indexed article from the index, the listed one scanned; the writer's
            # change is not seen, and nothing waited for its lock
            for variants in (True, False):
                result = search(reader, "红岩", index=False, variants=variants)
                assert sorted(h.title for h in result.hits) == ["乙", "甲"]
                assert search(reader, "黄河", index=False, variants=variants).hits == []
            assert len(list(iter_hits(reader, "红岩", index=False))) == 2
            assert len(search(reader, "第", index=False, max_articles=1).hits) == 1
            # the indexing search writes, so it would have to wait: the test can tell
            with pytest.raises(LibraryLockedError):
                search(reader, "红岩")
        # after the writer's commit, the next search sees the new text (scanned: listed)
        assert [h.title for h in search(reader, "黄河", index=False).hits] == ["甲", "乙"]
    finally:
        writer.close()
        reader.close()
