"""Search hits checked one by one against a brute-force scan: offsets, sections, snippets, ranks.

Every expected value here is computed from the article text and its blocks by the
simplest possible scan, never copied from search's own output.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.search.query import (
    PAGE_HITS,
    SNIPPET_CONTEXT,
    Hit,
    find_all,
    search,
)
from reader.core.search.terms import query_terms
from reader.core.text.folding import fold

# Sections that repeat words, a heading that is searched for itself, and more than
# SNIPPET_CONTEXT characters on each side of many hits.
SECTIONED = (
    "# 党建引领总标题\n\n"
    "开头一段没有小标题，党建党建党建，医院在前。\n\n"
    "## 第一节医院\n\n"
    "第一节的正文讲党建引领医院发展，哈哈哈哈，党建在此。\n\n"
    "第一节第二段只讲医院，不讲别的。\n\n"
    "## 第二节党建\n\n"
    "第二节的正文也讲党建，医院，ＡＢＣ与abc混写。\n"
)


def occurrences(text: str, term: str) -> list[int]:
    """Every start of ``term`` in ``text``, overlapping ones too, by trying each offset."""
    hay, needle = fold(text), fold(term)
    return [i for i in range(len(hay) - len(needle) + 1) if hay[i : i + len(needle)] == needle]


def section_at(article: Any, pos: int) -> str:
    """The last title or heading block starting at or before ``pos``."""
    heads = [b.text for b in article.blocks if b.kind in ("title", "heading") and b.start <= pos]
    return heads[-1] if heads else ""


def block_at(article: Any, pos: int) -> str:
    return next((b.text for b in article.blocks if b.start <= pos < b.end), "")


def snippet_for(text: str, start: int, end: int) -> str:
    """Up to SNIPPET_CONTEXT characters each side, never past the hit's own line (its
    passage); … where the passage was cut. Built character by character: no find()."""
    lo = start
    while lo > 0 and start - lo < SNIPPET_CONTEXT and text[lo - 1] != "\n":
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < SNIPPET_CONTEXT and text[hi] != "\n":
        hi += 1
    return (
        ("…" if lo > 0 and text[lo - 1] != "\n" else "")
        + text[lo:start]
        + "【"
        + text[start:end]
        + "】"
        + text[end:hi]
        + ("…" if hi < len(text) and text[hi] != "\n" else "")
    )


def expected_hits(library, query: str) -> dict[int, list[tuple[int, int, str, str]]]:
    """(start, end, section, snippet) per article, by brute force."""
    terms = query.split()
    out: dict[int, list[tuple[int, int, str, str]]] = {}
    for summary in list_articles(library):
        article = get_article(library, summary.id)
        spans = sorted((s, s + len(t)) for t in terms for s in occurrences(article.text, t))
        if len(terms) > 1:
            spans = [
                (s, e)
                for s, e in spans
                if all(fold(t) in fold(block_at(article, s)) for t in terms)
            ]
        if spans:
            out[article.id] = [
                (s, e, section_at(article, s), snippet_for(article.text, s, e)) for s, e in spans
            ]
    return out


def check_against_brute_force(library, query: str) -> list[Hit]:
    result = search(library, query, max_articles=None)
    want = expected_hits(library, query)
    got: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    order: list[int] = []
    for hit in result.hits:
        if hit.article_id not in order:
            order.append(hit.article_id)
        got[hit.article_id].append((hit.start, hit.end, hit.section, hit.bracketed()))
        # ranks count articles in the order they come, from 0
        assert hit.rank == order.index(hit.article_id), query
        assert hit.title == get_article(library, hit.article_id).title
    assert dict(got) == want, query
    assert result.articles == len(want) and result.complete
    # one article's hits come together
    assert [h.article_id for h in result.hits] == [a for a in order for _ in range(len(want[a]))]
    return result.hits


# Imported once per module: these tests only read the library.
@pytest.fixture(scope="module")
def sectioned(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sectioned")
    src = folder / "sectioned.md"
    src.write_text(SECTIONED, encoding="utf-8")
    with open_library(folder / "lib.sqlite3") as lib:
        import_paths(lib, [src])
        yield lib


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    folder = tmp_path_factory.mktemp("samples")
    with open_library(folder / "lib.sqlite3") as lib:
        import_paths(lib, [SEEDS])
        yield lib


def test_the_sectioned_article_is_what_the_checks_assume(sectioned):
    article = get_article(sectioned, list_articles(sectioned)[0].id)
    kinds = [(b.kind, b.text) for b in article.blocks if b.kind in ("title", "heading")]
    assert kinds == [
        ("title", "党建引领总标题"),
        ("heading", "第一节医院"),
        ("heading", "第二节党建"),
    ]


@pytest.mark.parametrize(
    "query",
    [
        "党",
        "党建",
        "党建党建",  # overlapping: 党建党建党建 holds it twice, at 0 and 2
        "哈哈",  # overlapping: 哈哈哈哈 holds it three times
        "医院",
        "第一节医院",  # a heading found at its own first character
        "第二节",
        "abc",
        "ＡＢＣ",
        "。",
        "党建 医院",
        "医院 第一节",
        "abc 党建",
    ],
)
def test_hits_equal_a_brute_force_scan(sectioned, query):
    assert check_against_brute_force(sectioned, query)


def test_overlapping_occurrences_are_all_hits(sectioned):
    article = get_article(sectioned, list_articles(sectioned)[0].id)
    run = article.text.index("哈哈哈哈")
    hits = [h.start for h in search(sectioned, "哈哈").hits]
    assert hits == [run, run + 1, run + 2]
    assert find_all("aaaa", "aa") == [(0, 2), (1, 3), (2, 4)]


def test_a_hit_on_a_heading_is_in_that_heading_s_section(sectioned):
    article = get_article(sectioned, list_articles(sectioned)[0].id)
    heading = next(b for b in article.blocks if b.text == "第二节党建")
    hit = next(h for h in search(sectioned, "第二节党建").hits)
    assert (hit.start, hit.section) == (heading.start, "第二节党建")
    first = next(h for h in search(sectioned, "开头一段").hits)
    assert first.section == "党建引领总标题"  # before any heading: the title's section


@pytest.mark.parametrize("query", ["党建", "医院", "红岩", "，", "的", "工会 职工", "党建 医院"])
def test_sample_hits_equal_a_brute_force_scan(samples, query):
    assert check_against_brute_force(samples, query)


def test_snippet_context_at_every_distance_from_the_ends(library, tmp_path):
    body = "".join(chr(0x4E00 + 7 * i) for i in range(2 * SNIPPET_CONTEXT + 10))
    src = tmp_path / "a.md"
    src.write_text("# 题\n\n" + body + "\n", encoding="utf-8")
    import_paths(library, [src])
    text = get_article(library, list_articles(library)[0].id).text
    assert len(set(body)) == len(body) and text.endswith(body)
    for start, ch in enumerate(text):
        if ch == "\n":
            continue
        (hit,) = search(library, ch).hits
        assert hit.start == start
        before, rest = hit.bracketed().split("【")
        inside, after = rest.split("】")
        assert inside == ch
        line_start = text.rfind("\n", 0, start) + 1  # the title's line, or the body's
        line_end = text.find("\n", start) if "\n" in text[start:] else len(text)
        lo = max(line_start, start - SNIPPET_CONTEXT)
        assert before.removeprefix("…") == text[lo:start]
        assert ("\n" not in before and "题" not in before.removeprefix("…")) or start < 2
        assert before.startswith("…") == (start - SNIPPET_CONTEXT > line_start)
        end = start + 1
        hi = min(line_end, end + SNIPPET_CONTEXT)
        assert after.removesuffix("…") == text[end:hi]
        assert after.endswith("…") == (end + SNIPPET_CONTEXT < line_end)


def test_query_terms_split_at_any_white_space_and_fold():
    assert query_terms("党建\u3000医院  ＡＢ\tc ") == ["党建", "医院", "ab", "c"]
    assert query_terms(" \u3000 ") == []


def test_blank_query_finds_nothing(sectioned):
    result = search(sectioned, "  ")
    assert (result.query, result.hits, result.articles, result.complete) == ("  ", [], 0, True)


def test_hit_to_json_carries_its_fields():
    hit = Hit(3, "题", 5, 7, "节", "…abcd", 0, 2, 4)
    assert hit.to_json() == {
        "article_id": 3,
        "title": "题",
        "start": 5,
        "end": 7,
        "section": "节",
        "snippet": "…abcd",
        "snippet_start": 2,
        "snippet_end": 4,
    }
    assert hit.bracketed() == "…a【bc】d"


def _write_articles(tmp_path, name: str, bodies: list[str]):
    src = tmp_path / name
    src.write_text(
        "".join(f"# 文章{i}\n\n{body}\n\n" for i, body in enumerate(bodies)), encoding="utf-8"
    )
    return src


def test_symbols_the_index_skips_are_found_by_a_scan_of_live_articles(library, tmp_path):
    src = _write_articles(tmp_path, "s.md", ["甲文有※号。", "乙文也有※号和※号。", "丙文没有。"])
    import_paths(library, [src])
    ids = [a.id for a in list_articles(library)]
    hits = search(library, "※", max_articles=None).hits
    texts = {i: get_article(library, i).text for i in ids}
    assert sorted((h.article_id, h.start) for h in hits) == sorted(
        (i, s) for i in ids for s in occurrences(texts[i], "※")
    )
    assert len(hits) == 3
    # retire the second article (annotated, then gone from its file): no longer found
    notes.create(library, ids[1], 0, 2)
    src.write_text("# 文章0\n\n甲文有※号。\n\n# 文章2\n\n丙文没有。\n", encoding="utf-8")
    import_paths(library, [src])
    assert [(h.article_id, h.start) for h in search(library, "※").hits] == [
        (ids[0], texts[ids[0]].index("※"))
    ]
    assert search(library, "乙文").hits == []


def test_first_page_stops_at_page_hits(library, tmp_path):
    per_article = PAGE_HITS // 2
    bodies = ["哈" * per_article + "。" for _ in range(4)]
    import_paths(library, [_write_articles(tmp_path, "h.md", bodies)])
    page = search(library, "哈")
    assert (page.articles, page.complete) == (2, False)
    assert len(page.hits) == 2 * per_article
    everything = search(library, "哈", max_articles=None)
    assert (everything.articles, everything.complete, len(everything.hits)) == (
        4,
        True,
        4 * per_article,
    )


def test_first_page_stops_at_max_articles(library, tmp_path):
    import_paths(library, [_write_articles(tmp_path, "m.md", ["党建一。", "党建二。", "党建三。"])])
    assert (
        search(library, "党建", max_articles=3).articles,
        search(library, "党建", max_articles=3).complete,
    ) == (3, True)
    two = search(library, "党建", max_articles=2)
    assert (two.articles, two.complete, len(two.hits)) == (2, False, 2)
    one = search(library, "党建", max_articles=1)
    assert (one.articles, one.complete, len(one.hits)) == (1, False, 1)


@settings(max_examples=80, deadline=None)
@given(
    text=st.text(alphabet="aAａＡb党\n", max_size=30),
    query=st.text(alphabet="aAａＡb党", min_size=1, max_size=3),
)
def test_find_all_is_every_folded_occurrence(text, query):
    assert find_all(text, query) == [(s, s + len(query)) for s in occurrences(text, query)]


def test_a_snippet_keeps_to_its_passage_not_the_heading_above(library, tmp_path):
    src = tmp_path / "a.md"
    src.write_text(
        "# 城市交通报告\n\n## 地铁新线开通\n\n新线今天开通。\n\n## 公交调整\n\n公交线路随之调整。\n",
        encoding="utf-8",
    )
    import_paths(library, [src])
    heading, body = search(library, "开通").hits
    assert heading.snippet == "地铁新线开通"  # not "…城市交通报告 地铁新线开通 新线今天…"
    assert body.snippet == "新线今天开通。"  # not "…地铁新线开通 新线今天开通。 公交调整…"
    assert body.bracketed() == "新线今天【开通】。"
    assert body.section == heading.section == "地铁新线开通"
