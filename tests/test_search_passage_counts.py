"""A query of several words counts, pages and limits the hits it shows: those in a passage
holding every word, not every occurrence of each word in the article."""

from __future__ import annotations

import pytest

from reader.core.ingest.importer import import_paths
from reader.core.library.store import open_library
from reader.core.search import query
from reader.core.search.query import iter_hits, search

NOISE = 40  # paragraphs naming only the first word, in every article


def _page(kind: int, n: int) -> str:
    lines = [f"# 第{n}篇报道\n"]
    lines += [f"香港第{i}段只说一个地方。\n" for i in range(NOISE)]
    if kind == 0:  # both words in one paragraph: two hits
        lines.append("香港今年的选举在九月举行。\n")
    else:  # both words, never in one paragraph: no hit
        lines.append("另一段才讲选举的事情。\n")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("passages")
    paths = []
    # the articles with hits first (older), then as many without (newer: a first page
    # reads the newest first, so it meets them first)
    for kind in (0, 1):
        for n in range(30):
            path = folder / f"k{kind}_{n:02}.md"
            path.write_text(_page(kind, n), encoding="utf-8")
            paths.append(path)
    with open_library(folder / "lib.sqlite3") as lib:
        import_paths(lib, paths)
        yield lib


def test_a_first_page_counts_only_the_hits_it_shows(library):
    page = search(library, "香港 选举")
    assert (page.articles, len(page.hits), page.complete) == (30, 60, True)
    files = {
        aid: path.rsplit("/", 1)[-1][:2]
        for aid, path in library.conn.execute(
            "SELECT a.id, s.path FROM articles a JOIN sources s ON s.id = a.source_id"
        )
    }
    assert {files[h.article_id] for h in page.hits} == {"k0"}
    for hit in page.hits:
        assert hit.snippet[hit.snippet_start : hit.snippet_end] in ("香港", "选举")


def test_the_page_stops_at_its_hits_not_at_the_words_occurrences(library, monkeypatch):
    monkeypatch.setattr(query, "PAGE_HITS", 10)
    page = search(library, "香港 选举")
    # it stops once 10 hits are shown: five articles' two each
    assert (page.articles, len(page.hits), page.complete) == (5, 10, False)


def test_a_limited_list_holds_as_many_hits_as_it_says(library):
    listed = search(library, "香港 选举", max_articles=None, max_hits=20)
    assert listed.limited and len(listed.hits) == 20
    every = list(iter_hits(library, "香港 选举"))
    assert len(every) == 60
    assert {(h.article_id, h.start) for h in listed.hits} <= {
        (h.article_id, h.start) for h in every
    }
