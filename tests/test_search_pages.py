""" "Show all hits" after a first page: the list grows below what was read; it is not
reshuffled, and no article is listed twice."""

from reader.core.ingest.importer import import_paths
from reader.core.search.query import Hit, SearchResult, page_first, search


def _hit(article_id: int, start: int, rank: int) -> Hit:
    return Hit(article_id, f"题{article_id}", start, start + 2, "", "片段", rank, 0, 2)


def test_the_page_stays_on_top_and_the_rest_is_numbered_on():
    page = SearchResult("词", [_hit(9, 5, 0), _hit(9, 8, 0), _hit(4, 1, 1)], 2, False)
    every = SearchResult(
        "词",
        [_hit(7, 3, 0), _hit(4, 1, 1), _hit(9, 5, 2), _hit(9, 8, 2), _hit(2, 0, 3)],
        4,
        True,
    )
    grown = page_first(page, every)
    assert [(h.article_id, h.start) for h in grown.hits] == [(9, 5), (9, 8), (4, 1), (7, 3), (2, 0)]
    assert [h.rank for h in grown.hits] == [0, 0, 1, 2, 3]
    assert (grown.articles, grown.complete, grown.limited) == (4, True, False)


def test_a_limited_list_keeps_the_page_even_when_its_articles_rank_low():
    page = SearchResult("词", [_hit(9, 5, 0)], 1, False)
    every = SearchResult("词", [_hit(7, 3, 0), _hit(8, 1, 1)], 2, False, limited=True)
    grown = page_first(page, every)
    assert [h.article_id for h in grown.hits] == [9, 7, 8]
    assert (grown.articles, grown.limited) == (3, True)


def test_with_real_searches_every_hit_is_listed_once(library, tmp_path):
    for i in range(6):
        body = "。".join(["检索词出现在这里"] * (i + 1))
        (tmp_path / f"p{i}.md").write_text(f"# 第{i}篇\n\n{body}。\n", encoding="utf-8")
        import_paths(library, [tmp_path / f"p{i}.md"])
    page = search(library, "检索词", max_articles=2)
    every = search(library, "检索词", max_articles=None)
    assert not page.complete and every.complete
    grown = page_first(page, every)
    assert grown.hits[: len(page.hits)] == page.hits
    key = lambda h: (h.article_id, h.start)  # noqa: E731
    assert sorted(map(key, grown.hits)) == sorted(map(key, every.hits))
    assert grown.articles == every.articles == 6
