"""Search returns exactly the occurrences a plain substring scan finds."""

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS, run_reader
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.search.query import full_scan, search
from reader.core.text.folding import fold


@pytest.fixture
def samples(library):
    import_paths(library, [SEEDS])
    return library


def test_fold_is_length_preserving_and_folds_widths():
    text = "ＡＢＣ，１２３　abc"
    assert len(fold(text)) == len(text)
    assert fold("ＡＢＣ，１２３　") == fold("abc,123 ")


def test_random_queries_have_full_recall_and_no_wrong_hits(samples):
    rng = random.Random(7)
    texts = [get_article(samples, a.id).text for a in list_articles(samples)]
    queries = ["，", "。”", "(", "（", "党", "党建", "新业态劳动者", "ＤＲ", "dr", "※"]
    for n in (1, 2, 3, 5):
        for _ in range(15):
            text = rng.choice(texts)
            i = rng.randrange(len(text) - n)
            queries.append(text[i : i + n].strip() or "党")
    for q in queries:
        got = {(h.article_id, h.start) for h in search(samples, q, max_articles=None).hits}
        assert got == full_scan(samples, q), q


def test_hits_have_offsets_section_and_snippet(samples):
    result = search(samples, "红岩红医", max_articles=None)
    assert result.hits and result.complete
    for hit in result.hits:
        text = get_article(samples, hit.article_id).text
        assert fold(text[hit.start : hit.end]) == fold("红岩红医")
        assert hit.snippet[hit.snippet_start : hit.snippet_end] == text[hit.start : hit.end]
        assert (
            "【" + text[hit.start : hit.end] + "】"
            == hit.bracketed()[hit.snippet_start : hit.snippet_end + 2]
        )
        article = get_article(samples, hit.article_id)
        heads = [b for b in article.blocks if b.kind in ("title", "heading")]
        above = [b.text for b in heads if b.start <= hit.start]
        assert hit.section == (above[-1] if above else "")
    assert "党建统领筑牢根基 凝聚前行发展力量" in {h.section for h in result.hits}


def test_words_with_spaces_need_one_passage(samples):
    hits = search(samples, "党建 医院", max_articles=None).hits
    assert hits
    for hit in hits:
        article = get_article(samples, hit.article_id)
        block = next(b for b in article.blocks if b.start <= hit.start < b.end)
        assert "党建" in block.text and "医院" in block.text


def test_title_hits_rank_first(samples):
    result = search(samples, "红岩红医")
    first = get_article(samples, result.hits[0].article_id)
    assert "红岩红医" in first.title


def test_first_page_is_bounded_and_says_so(samples):
    page = search(samples, "的", max_articles=2)
    assert not page.complete and page.articles == 2
    everything = search(samples, "的", max_articles=None)
    assert everything.complete and len(everything.hits) > len(page.hits)


def test_index_follows_reimport(samples, tmp_path):
    src = tmp_path / "p.txt"
    src.write_text("# 标题\n\n独一无二的旧词语。\n", encoding="utf-8")
    import_paths(samples, [src])
    assert search(samples, "旧词语").hits
    src.write_text("# 标题\n\n焕然一新的新词语。\n", encoding="utf-8")
    import_paths(samples, [src])
    assert not search(samples, "旧词语").hits
    assert search(samples, "新词语").hits


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="党建医院，。（）ＡaA 1１", min_size=1, max_size=4))
def test_property_recall_on_arbitrary_queries(tmp_path_factory, query):
    from reader.core.library.store import open_library

    path = tmp_path_factory.mktemp("s") / "l.db"
    with open_library(path) as lib:
        src = path.parent / "a.txt"
        src.write_text("# 党建\n\n党建引领医院（Ａ1）发展，aA１。党建 医院。\n", encoding="utf-8")
        import_paths(lib, [src])
        terms = fold(query).split()
        if len(terms) == 1:
            got = {(h.article_id, h.start) for h in search(lib, query, max_articles=None).hits}
            assert got == full_scan(lib, query)


def test_cli_search_json_lines(tmp_path):
    lib = str(tmp_path / "lib.sqlite3")
    run_reader("import", "--samples", "--library", lib)
    out = run_reader("search", "党建", "--json", "--all", "--library", lib)
    assert out.returncode == 0
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) > 50
    assert {"article_id", "start", "end", "snippet"} <= set(rows[0])
    first_page = run_reader("search", "党建", "--library", lib)
    assert "hits in" in first_page.stdout
    cut = run_reader("search", "的", "--json", "--library", lib)  # 200 hits: a page cut short
    assert cut.stderr.strip() == "reader: more articles match (use --all)"
    assert all(json.loads(line)["snippet"] for line in cut.stdout.splitlines())
    assert run_reader("search", "党建", "--json", "--all", "--library", lib).stderr == ""
    every = run_reader("search", "党建", "--all", "--library", lib)
    assert every.returncode == 0
    articles = len({r["article_id"] for r in rows})
    assert every.stdout.splitlines()[-1] == f"{len(rows)} hits in {articles} articles"
    assert every.stdout.count("【党建】") == len(rows)


def test_stored_but_not_yet_indexed_articles_are_found(library, tmp_path):
    """A kill between storing a file and the index batch loses no search hit."""
    from pathlib import Path

    from reader.core.ingest.importer import import_file

    src = Path(tmp_path) / "p.txt"
    src.write_text("# 标题\n\n独一无二的待索引词语。\n", encoding="utf-8")
    import_file(library, src)  # stores and lists it; no index batch ran
    assert library.conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 1
    assert len(search(library, "待索引").hits) == 1
    assert library.conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
