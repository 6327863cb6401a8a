"""Core options the window relies on to keep its UI thread free."""

import sqlite3
import threading

from conftest import SEEDS
from reader.core.exchange.exporting import ExportFilter, collect
from reader.core.ingest.importer import import_file
from reader.core.library.articles import article_titles, list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.search.index import pending_ids
from reader.core.search.query import full_scan, search


def test_search_without_indexing_reads_only_and_misses_nothing(library):
    for path in sorted(SEEDS.glob("*.txt")):
        import_file(library, path)  # stored and listed as pending, not indexed
    pending = pending_ids(library)
    assert pending
    changes = library.conn.total_changes
    for query in ("党建", "巫溪县总工会", "红岩 红医"):
        found = search(library, query, max_articles=None, index=False)
        assert library.conn.total_changes == changes  # not a single write
        if " " not in query:
            assert {(h.article_id, h.start) for h in found.hits} == full_scan(library, query)
    assert pending_ids(library) == pending
    indexed = search(library, "党建", max_articles=None)  # the default indexes first
    assert pending_ids(library) == []
    assert {(h.article_id, h.start) for h in indexed.hits} == full_scan(library, "党建")


def test_search_without_indexing_does_not_wait_for_a_writer(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as writer:
        import_file(writer, SEEDS / "000_b7740f99fc43d814.txt")
        writer.conn.execute("BEGIN IMMEDIATE")  # another connection holds the write lock
        with open_library(path, busy_timeout=0.05) as reader:
            assert search(reader, "巫溪县总工会", index=False).hits
            # indexing would have to write: it is not waited for, the listed are read
            assert search(reader, "巫溪县总工会").hits
            assert pending_ids(reader)  # still listed, for a search when no one writes
        writer.conn.execute("ROLLBACK")


def test_collect_stops_at_the_limit(library):
    for path in sorted(SEEDS.glob("*.txt")):
        import_file(library, path)
    for article in list_articles(library):
        notes.create(library, article.id, 0, 2, annotator="甲")
    everything = collect(library, ExportFilter())
    assert len(everything) > 3
    assert collect(library, ExportFilter(), limit=3) == everything[:3]


def test_small_readers_for_the_ui(library):
    import_file(library, SEEDS / "000_b7740f99fc43d814.txt")
    [article] = list_articles(library)[:1]
    assert article_titles(library) == {a.id: a.title for a in list_articles(library)}
    notes.create(library, article.id, 0, 2, annotator="乙")
    notes.create(library, article.id, 2, 4, annotator="甲")
    notes.create(library, article.id, 4, 6, annotator="")
    assert notes.annotators(library) == sorted(["乙", "甲"])  # no empty name


def test_a_connection_stays_in_its_thread(library):
    """One connection per thread: sqlite3's own guard is on."""
    errors = []
    thread = threading.Thread(target=lambda: _use(library, errors))
    thread.start()
    thread.join()
    assert errors and isinstance(errors[0], sqlite3.ProgrammingError)


def _use(library, errors):
    try:
        library.conn.execute("SELECT 1")
    except sqlite3.Error as exc:
        errors.append(exc)
