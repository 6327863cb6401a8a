"""Notes coming back to a library where several articles hold the same text (a file
imported under two names, a wire story on two pages) go to the article they came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.notes_import import import_notes
from reader.core.exchange.placing import Articles
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.team.merge import merge

PAGE = "# 同一篇通稿\n\n新华社电 本报记者在现场看到，群众排队接种疫苗。\n\n第二段说别的事情。\n"


def _library(folder: Path, name: str = "lib.sqlite3"):
    """Three files with one text: each an article of its own, oldest first."""
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem in ("a_page1", "b_page7", "c_copy"):
        path = pages / f"{stem}.md"
        path.write_text(PAGE, encoding="utf-8")
        paths.append(path)
    library = open_library(folder / name)
    import_paths(library, paths)
    return library


def _by_source(library) -> dict[str, int]:
    return {Path(a.source_path).stem: a.id for a in list_articles(library)}


@pytest.fixture
def library(tmp_path):
    library = _library(tmp_path)
    ids = _by_source(library)
    assert len(set(ids.values())) == 3
    yield library
    library.close()


def _mark(library, article_id: int, quote: str, note: str) -> None:
    from reader.core.library.articles import get_article

    text = get_article(library, article_id).text
    start = text.index(quote)
    notes.create(library, article_id, start, start + len(quote), note=note, annotator="甲")


def test_each_note_goes_back_to_its_own_file(library, tmp_path):
    ids = _by_source(library)
    _mark(library, ids["b_page7"], "群众排队", "第七版的")
    _mark(library, ids["c_copy"], "第二段", "副本的")
    exported = tmp_path / "notes.jsonl"
    exported.write_bytes(render("jsonl", collect(library, ExportFilter())))
    notes.delete(library, [a.id for a in notes.all_annotations(library)])
    summary = import_notes(library, exported)
    assert (summary.imported, summary.orphaned, summary.skipped) == (2, 0, [])
    where = {a.note: a.article_id for a in notes.all_annotations(library)}
    assert where == {"第七版的": ids["b_page7"], "副本的": ids["c_copy"]}


def test_a_colleagues_library_with_the_same_files_merges_file_by_file(tmp_path):
    mine = _library(tmp_path / "mine")
    theirs = _library(tmp_path / "theirs")
    with mine, theirs:
        their_ids = _by_source(theirs)
        _mark(theirs, their_ids["b_page7"], "群众排队", "乙看第七版")
        mine_ids = _by_source(mine)
    # their paths are under their folder: the file's path differs, so the text decides,
    # then the title (the same here), then the oldest
    with open_library(tmp_path / "mine" / "lib.sqlite3") as mine:
        merge(mine, tmp_path / "theirs" / "lib.sqlite3")
        (note,) = notes.all_annotations(mine)
        assert note.article_id == mine_ids["a_page1"]


def test_of_several_with_the_text_the_source_then_the_title_then_the_oldest(library):
    ids = _by_source(library)
    articles = Articles(library)
    (hashed,) = {h for (h,) in library.conn.execute("SELECT text_hash FROM articles")}
    sources = {Path(p).stem: p for (p,) in library.conn.execute("SELECT path FROM sources")}
    title = "同一篇通稿"
    for stem in ("a_page1", "b_page7", "c_copy"):
        found = articles.find(hashed, title, sources[stem])
        assert found is not None and found.same_text
        assert found.article_id == ids[stem]
    assert articles.find(hashed, title).article_id == ids["a_page1"]
    assert articles.find(hashed, "别的标题", "/elsewhere/x.md").article_id == ids["a_page1"]
    assert articles.find("0" * 64, title) is None  # three share the title: none is sure
