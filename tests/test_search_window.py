"""A first page: the newest RANK_WINDOW matches ranked by bm25 on their texts, then every
older match newest first, read only as far as the page needs (issue #11)."""

from __future__ import annotations

import itertools
import random
import sqlite3

import pytest
from tests.test_search_paging import write_articles

from reader.core.ingest.importer import import_paths
from reader.core.library.articles import list_articles
from reader.core.search import query, ranking
from reader.core.search.query import iter_hits, search

WINDOW = 4


@pytest.fixture
def small_window(monkeypatch):
    monkeypatch.setattr(ranking, "RANK_WINDOW", WINDOW)


def _ids(library) -> dict[str, int]:
    return {a.title: a.id for a in list_articles(library)}


def _import(library, tmp_path, titles: list[str], bodies: list[str]) -> dict[str, int]:
    import_paths(library, [write_articles(tmp_path / "w.md", bodies, titles)])
    return _ids(library)


def test_past_the_window_a_title_hit_in_it_comes_first_then_newest(library, tmp_path, small_window):
    titles = [f"第{i}篇" for i in range(9)]
    titles[3] = "工会老标题"  # a title hit just older than the window (the newest four)
    titles[6] = "工会新标题"  # a title hit inside the newest four matches
    bodies = [f"正文{i}讲工会。" for i in range(9)]
    ids = _import(library, tmp_path, titles, bodies)
    order = [h.article_id for h in search(library, "工会").hits if h.start > 0]
    newest_first = sorted(ids.values(), reverse=True)
    expected = [ids["工会新标题"]] + [i for i in newest_first if i != ids["工会新标题"]]
    assert order == expected  # each article once: its hit in the body (the title is at 0)
    assert len(expected) > WINDOW  # the page went on past the window, to the oldest


def test_within_the_window_bm25_ranks_them_all(library, tmp_path, small_window):
    bodies = ["一次医院，其余都是别的文字填充。", "医院医院医院，医院医院的文字。", "别的。"]
    ids = _import(library, tmp_path, ["甲", "乙", "丙"], bodies)
    result = search(library, "医院")
    assert next(h.article_id for h in result.hits) == ids["乙"]  # more hits first, not newest
    assert result.articles == 2 and result.complete


def test_exactly_a_window_of_matches_is_ranked_by_bm25(library, tmp_path, small_window):
    bodies = ["医院医院医院医院。"] + ["一次医院。"] * (WINDOW - 1)
    ids = _import(library, tmp_path, [f"篇{i}" for i in range(WINDOW)], bodies)
    assert search(library, "医院").hits[0].article_id == ids["篇0"]  # the oldest, most hits


def test_a_full_page_past_the_window_says_there_is_more(library, tmp_path, small_window):
    ids = _import(library, tmp_path, [f"篇{i}" for i in range(10)], ["讲工会。"] * 10)
    result = search(library, "工会", max_articles=3)
    assert not result.complete
    assert [h.article_id for h in result.hits] == sorted(ids.values(), reverse=True)[:3]
    every = search(library, "工会", max_articles=None)
    assert every.complete and every.articles == 10


def test_the_page_fills_past_articles_the_index_only_guessed(library, tmp_path, small_window):
    # the index folds Traditional to Simplified; with variants off the newest (Traditional)
    # matches are not hits, and the page must reach the older Simplified ones
    titles = [f"简{i}" for i in range(3)] + [f"繁{i}" for i in range(6)]
    bodies = ["讲工会的事。"] * 3 + ["講工會的事。"] * 6
    ids = _import(library, tmp_path, titles, bodies)
    result = search(library, "工会", variants=False)
    assert sorted(h.article_id for h in result.hits) == sorted(ids[f"简{i}"] for i in range(3))
    assert result.complete


def test_a_page_that_stops_early_lets_go_of_its_read(library, tmp_path, small_window):
    _import(library, tmp_path, [f"篇{i}" for i in range(12)], ["讲工会。"] * 12)
    assert not search(library, "工会", max_articles=2).complete
    # a reader still holding its snapshot would keep a full checkpoint from finishing
    other = sqlite3.connect(library.path)
    try:
        other.execute("CREATE TABLE IF NOT EXISTS probe (x)")
        other.commit()
        busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        other.close()
    assert busy == 0


def test_every_hit_is_still_ranked_by_bm25(library, tmp_path, small_window):
    titles = [f"第{i}篇" for i in range(6)]
    bodies = ["工会。"] * 5 + ["工会工会工会工会。"]
    ids = _import(library, tmp_path, titles, bodies)
    ranked = list(dict.fromkeys(h.article_id for h in iter_hits(library, "工会")))
    assert ranked[0] == ids["第5篇"] and len(ranked) == 6


def test_in_the_window_more_hits_beat_newer_past_it_they_do_not(library, tmp_path, small_window):
    bodies = (
        ["讲工会工会工会工会。"] + ["讲工会。"] * 4 + ["讲工会工会工会工会。"] + ["讲工会。"] * 3
    )
    ids = _import(library, tmp_path, [f"篇{i}" for i in range(9)], bodies)
    order = list(dict.fromkeys(h.article_id for h in search(library, "工会").hits))
    newest_first = sorted(ids.values(), reverse=True)
    window, older = newest_first[:WINDOW], newest_first[WINDOW:]
    assert ids["篇5"] in window and ids["篇0"] in older
    assert order[0] == ids["篇5"]  # more hits: first in its window
    assert order[WINDOW:] == older  # the oldest, as many hits, still last by date


@pytest.mark.parametrize("seed", range(3))
def test_the_window_ranks_one_word_as_fts5s_bm25_does(library, tmp_path, seed):
    rng = random.Random(seed)
    parts = ["讲工会", "说别的事情", "再说一遍", "还有工会", "工会工会"]
    bodies = ["，".join(rng.choices(parts, k=rng.randint(1, 12))) for _ in range(30)]
    titles = [rng.choice(["工会消息", "其他消息", "第三条"]) + str(i) for i in range(30)]
    _import(library, tmp_path, titles, bodies)
    fts5 = dict(
        library.conn.execute(
            "SELECT rowid, bm25(search_index, 1.0, 10.0) FROM search_index "
            "WHERE search_index MATCH '\"工 会\"'"
        ).fetchall()
    )
    page = list(dict.fromkeys(h.article_id for h in search(library, "工会", max_articles=60).hits))
    assert sorted(page) == sorted(fts5) and len(page) > 10
    scores = [fts5[i] for i in page]  # FTS5's: lower is better; equal ones in any order
    assert all(a <= b + 1e-9 * abs(b) for a, b in itertools.pairwise(scores))
    assert len(set(scores)) > 5


def test_a_first_page_gives_up_after_reading_its_share_of_guesses(
    library, tmp_path, monkeypatch, small_window
):
    # variants off: the index (which folds scripts) names every article, none holds a hit
    monkeypatch.setattr(query, "PAGE_EXAMINES", 5)
    _import(library, tmp_path, [f"篇{i}" for i in range(3)], ["讲工会的事。"] * 3)
    import_paths(
        library, [write_articles(tmp_path / "t.md", ["講工會的事。"] * 8, list("甲乙丙丁戊己庚辛"))]
    )
    page = search(library, "工会", variants=False)
    assert page.hits == [] and not page.complete  # read 5 of 11, no hit yet: more to see
    every = search(library, "工会", variants=False, max_articles=None)
    assert len({h.article_id for h in every.hits}) == 3 and every.complete


def test_show_all_stops_at_max_hits_with_the_best_articles(library, tmp_path):
    bodies = ["工会。"] * 6 + ["工会工会工会工会工会。"]
    ids = _import(library, tmp_path, [f"篇{i}" for i in range(7)], bodies)
    result = search(library, "工会", max_articles=None, max_hits=5)
    assert result.limited and not result.complete
    assert {h.article_id for h in result.hits} == {ids["篇6"]}  # the best article, whole
    every = search(library, "工会", max_articles=None, max_hits=100)
    assert every.complete and not every.limited and every.articles == 7
