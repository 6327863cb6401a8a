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
from reader.core.search.index import index_pending, pending_ids
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
            # the indexing search would write, so it would have to wait: it does not
            # either, and searches the snapshot (the listed article read directly)
            assert sorted(h.title for h in search(reader, "红岩").hits) == ["乙", "甲"]
            assert len(pending_ids(reader)) == 1  # still listed: indexed next time
            with pytest.raises(LibraryLockedError):
                index_pending(reader)  # which a plain index_pending would have waited for
        # after the writer's commit, the next search sees the new text (scanned: listed)
        assert sorted(h.title for h in search(reader, "黄河", index=False).hits) == ["乙", "甲"]
    finally:
        writer.close()
        reader.close()


def test_a_search_indexes_what_is_listed_when_no_one_writes_without_a_busy_wait(
    tmp_path, monkeypatch
):
    from reader.core.search import index as index_module

    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        import_file(library, write(tmp_path / "b.md", "第二篇也写红岩。", "乙"))  # listed only
        timeouts: list[int] = []
        real = index_module.index_pending

        def watched(lib, *args, **kwargs):
            timeouts.append(lib.conn.execute("PRAGMA busy_timeout").fetchone()[0])
            return real(lib, *args, **kwargs)

        monkeypatch.setattr(index_module, "index_pending", watched)
        before = library.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        assert before > 0
        assert [h.title for h in search(library, "红岩").hits] == ["乙"]
        assert timeouts == [0]  # tried without waiting for a lock
        assert pending_ids(library) == []  # and indexed, as no one else was writing
        assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] == before
        search(library, "红岩")
        assert timeouts == [0]  # nothing listed: nothing to write
