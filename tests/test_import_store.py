"""The import's store path (issue #11): files committed in batches, each whole; raw sources
compressed against their articles; free pages given back; progress through the index batch."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest

from conftest import SEEDS
from reader.core.errors import LibraryFullError
from reader.core.ingest import batch as batch_module
from reader.core.ingest import finish, importer
from reader.core.ingest.importer import INTERNAL_ERROR, Outcome, import_paths
from reader.core.library.article_text import store as store_text
from reader.core.library.article_text import text_of
from reader.core.library.outline import source_text
from reader.core.library.raw_sources import (
    dictionary,
    intact_in,
    needs_dictionary,
    pack,
    source_dictionary,
    unpack,
)
from reader.core.library.space import reclaim, space
from reader.core.library.store import open_library
from reader.core.repair.check import check_library

FILES = sorted(SEEDS.glob("*.txt"))


def _sources(path: Path) -> list[str]:
    with open_library(path, create=False) as other:  # another connection: what is committed
        return [r[0] for r in other.conn.execute("SELECT name FROM sources ORDER BY name")]


def test_a_file_failing_inside_a_batch_is_rolled_back_alone(library, monkeypatch):
    failing = FILES[1]
    original = importer._store_new

    def store_new(lib, source_id, document, stamp):
        original(lib, source_id, document, stamp)  # its rows are written, then it fails
        if (
            document.articles
            and lib.conn.execute(
                "SELECT 1 FROM sources WHERE id = ? AND name = ?", [source_id, failing.name]
            ).fetchone()
        ):
            raise RuntimeError("injected")

    monkeypatch.setattr(importer, "_store_new", store_new)
    summary = import_paths(library, FILES)
    assert [r.reason for r in summary.refused] == [INTERNAL_ERROR]
    assert summary.count(Outcome.IMPORTED) == len(FILES) - 1
    assert _sources(library.path) == sorted(p.name for p in FILES if p != failing)
    (orphans,) = library.conn.execute(
        "SELECT count(*) FROM articles WHERE source_id NOT IN (SELECT id FROM sources)"
    ).fetchone()
    (raws,) = library.conn.execute("SELECT count(*) FROM source_raw").fetchone()
    assert orphans == 0 and raws == len(FILES) - 1


def test_a_library_error_keeps_the_whole_files_stored_before_it(library, monkeypatch):
    original = importer._store_new
    stored: list[int] = []

    def store_new(lib, source_id, document, stamp):
        if len(stored) == 2:
            raise LibraryFullError("the disk is full")
        original(lib, source_id, document, stamp)
        stored.append(source_id)

    monkeypatch.setattr(importer, "_store_new", store_new)
    with pytest.raises(LibraryFullError):
        import_paths(library, FILES)
    assert _sources(library.path) == sorted(p.name for p in FILES[:2])
    assert not library.conn.in_transaction


@pytest.mark.parametrize("max_bytes", [1, 10**12])
def test_files_are_committed_in_batches(library, monkeypatch, max_bytes):
    monkeypatch.setattr(batch_module, "BATCH_BYTES", max_bytes)
    monkeypatch.setattr(batch_module, "BATCH_SECONDS", 10**9)
    open_between: list[bool] = []

    def progress(done: int, total: int, path: Path) -> None:
        if 0 < done < total:
            open_between.append(library.conn.in_transaction)

    summary = import_paths(library, FILES, progress=progress)
    assert summary.count(Outcome.IMPORTED) == len(FILES)
    assert open_between == [max_bytes > 1] * (len(FILES) - 1)
    assert not library.conn.in_transaction
    assert _sources(library.path) == sorted(p.name for p in FILES)


def test_a_raw_source_is_packed_against_its_articles(library):
    import_paths(library, FILES)
    rows = library.conn.execute("SELECT source_id, zlib FROM source_raw ORDER BY 1").fetchall()
    assert len(rows) == len(FILES)
    for (source_id, packed), path in zip(rows, FILES, strict=True):
        text = path.read_text(encoding="utf-8")
        assert needs_dictionary(packed) and source_text(library, source_id) == text
        assert len(packed) < len(pack(text)) / 2  # the articles carry most of it
        with pytest.raises(zlib.error):
            unpack(None, packed)  # without its dictionary it does not read
        assert intact_in(library.conn, source_id, packed)


def test_a_raw_source_whose_articles_changed_is_reported_by_check(library):
    import_paths(library, FILES[:1])
    (source_id,) = library.conn.execute("SELECT id FROM sources").fetchone()
    preset = source_dictionary(library.conn, source_id)
    with library.transaction() as conn:  # behind Reader's back: only import changes texts
        ids = conn.execute("SELECT id FROM articles WHERE source_id = ?", [source_id]).fetchall()
        for (article_id,) in ids:
            store_text(conn, article_id, "x" + (text_of(conn, article_id) or ""))
    assert source_dictionary(library.conn, source_id) != preset
    (packed,) = library.conn.execute("SELECT zlib FROM source_raw").fetchone()
    assert not intact_in(library.conn, source_id, packed)
    library.close()
    assert any("source_raw are damaged" in p for p in check_library(library.path).problems)


def test_the_dictionary_is_the_start_of_the_articles_texts():
    assert dictionary(["甲乙", "丙"]) == "甲乙\n丙".encode()
    long = dictionary(["字" * 20000, "不在"])
    assert len(long) == 32768 and long == ("字" * 20000).encode()[:32768]
    assert dictionary([b"ab", "c"]) == b"ab\nc" and dictionary([]) == b""


def test_an_import_gives_the_pages_it_freed_back(library, monkeypatch):
    from reader.core.library import space as space_module

    monkeypatch.setattr(space_module, "MIN_FREE_BYTES", 4096)  # the seeds are small
    import_paths(library, FILES)
    with library.transaction() as conn:  # a lot of space freed
        conn.execute("DELETE FROM articles")
        conn.execute("DELETE FROM sources")
    freed = space(library)
    assert freed.free_bytes >= 1 << 15
    import_paths(library, FILES[:1])
    after = space(library)
    assert after.free_pages < freed.free_pages and after.pages < freed.pages


def test_reclaim_leaves_a_library_without_auto_vacuum_alone(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        import_paths(library, FILES)
        library.conn.execute("PRAGMA auto_vacuum = NONE")
        library.conn.execute("VACUUM")
        with library.transaction() as conn:
            conn.execute("DELETE FROM articles")
        free = space(library).free_pages
        assert free > 0
        assert reclaim(library, min_free_bytes=1) == 0 and space(library).free_pages == free


def test_progress_reaches_its_end_after_the_files_the_index_and_the_free_pages(
    library, monkeypatch
):
    events: list[object] = []
    monkeypatch.setattr(finish, "reclaim", lambda lib: events.append("reclaim") or 0)
    import_paths(
        library,
        FILES,
        progress=lambda done, total, path: events.append(("file", done, total)),
        indexing=lambda done, total: events.append(("index", done, total)),
    )
    files = [e for e in events if isinstance(e, tuple) and e[0] == "file"]
    index = [e for e in events if isinstance(e, tuple) and e[0] == "index"]
    assert files[-1] == ("file", len(FILES), len(FILES))
    assert events.index(files[-1]) < events.index(index[0])  # the files' line ends first
    total = index[0][2]
    assert index[0] == ("index", 0, total) and total > 0
    assert events[-2:] == ["reclaim", ("index", total, total)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("interactive", [True, False])
def test_the_cli_shows_the_index_batch(interactive):
    from reader.cli.library_cmds import _index_printer

    stream = _Terminal() if interactive else io.StringIO()
    show = _index_printer(stream)
    for done in range(0, 3000, 200):
        show(done, 3000)
    show(3000, 3000)
    out = stream.getvalue()
    if interactive:  # one line, rewritten in place, ended once
        assert out.count("\n") == 1 and out.endswith("[indexing] 3000/3000 articles\n")
        assert out.count("\r\x1b[K[indexing] ") == 16
    else:  # a line a tenth
        lines = out.splitlines()
        assert (
            lines[0] == "indexing: 0/3000 articles" and lines[-1] == "indexing: 3000/3000 articles"
        )
        assert len(lines) == 11
