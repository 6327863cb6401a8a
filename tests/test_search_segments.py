"""The index batch leaves its FTS5 segments merged: a query looks each token up in every
segment, so their count, not the clock, is what a test can check."""

from __future__ import annotations

from reader.core.ingest.importer import import_paths
from reader.core.search.index import BODY_COLUMN, HASH_BYTES, TITLE_COLUMN
from reader.core.search.query import full_scan, search


def segments(library) -> int:
    (count,) = library.conn.execute("SELECT count(DISTINCT segid) FROM search_index_idx").fetchone()
    return int(count)


def test_batches_leave_no_two_segments_at_one_level(library, tmp_path):
    counts = []
    for batch in range(6):  # equal small batches: FTS5's own merge waits for 4 at a level
        paths = []
        for n in range(3):
            path = tmp_path / f"{batch}-{n}.md"
            path.write_text(f"# 第{batch}批{n}\n\n红岩村的第{batch}批文章，编号{n}。\n", "utf-8")
            paths.append(path)
        import_paths(library, paths)
        counts.append(segments(library))
    # merged after each batch (two at a level are merged): never more than two
    assert max(counts) <= 2, counts
    (hash_bytes,) = library.conn.execute(
        "SELECT v FROM search_index_config WHERE k = 'hashsize'"
    ).fetchone()
    assert hash_bytes == HASH_BYTES
    hits = {(h.article_id, h.start) for h in search(library, "红岩", max_articles=None).hits}
    assert hits == full_scan(library, "红岩") and len(hits) == 18


def test_the_body_is_the_index_s_first_column(library, tmp_path):
    """FTS5 marks every column but the first before its positions, once per character and
    article: the body, with nearly all of them, goes first (m009)."""
    page = tmp_path / "a.md"
    page.write_text("# 甲乙\n\n丙丁的正文。\n", "utf-8")
    import_paths(library, [page])
    (article_id,) = library.conn.execute("SELECT id FROM articles").fetchone()
    columns = [r[1] for r in library.conn.execute("PRAGMA table_info(search_index)")]
    assert columns.index(BODY_COLUMN) == 0 and columns.index(TITLE_COLUMN) == 1

    def holding(column: str, phrase: str) -> list[int]:
        query = f'{column} : "{" ".join(phrase)}"'
        rows = library.conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?", [query]
        )
        return [r[0] for r in rows]

    assert holding(BODY_COLUMN, "丙丁") == [article_id] and holding(TITLE_COLUMN, "丙丁") == []
    assert holding(TITLE_COLUMN, "甲乙") == [article_id]
    assert [h.article_id for h in search(library, "甲乙").hits] == [article_id]
