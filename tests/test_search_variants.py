"""Search and find match across Simplified and Traditional, unless told not to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_reader
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import Library, open_library
from reader.core.search.query import find_all, full_scan, search
from reader.core.text.folding import fold, variant_pairs

ROOT = Path(__file__).resolve().parents[1]

TRADITIONAL = """# 監警會發佈年度報告

監警會今日發佈年度報告，指出過去一年共處理投訴三百宗，較前年減少一成。

報告亦建議警隊加強前線人員培訓，並改善與市民的溝通。

## 後續工作

監警會將於下月舉行記者會，詳細說明報告內容，並回應議員的提問。
"""

SIMPLIFIED = """# 社区图书馆延长开放时间

本市监警会代表昨天参观社区图书馆，了解读者借阅情况。

馆长表示，图书馆将从下月起延长开放时间，方便上班族借阅，并增设自修室。
"""


def _pages(folder: Path) -> list[Path]:
    paths = []
    for name, text in (("trad.txt", TRADITIONAL), ("simp.txt", SIMPLIFIED)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def mixed(library: Library, tmp_path: Path) -> Library:
    import_paths(library, _pages(tmp_path))
    return library


def _titles(library: Library, query: str, **kwargs: bool) -> set[str]:
    return {h.title for h in search(library, query, max_articles=None, **kwargs).hits}


TRAD_TITLE, SIMP_TITLE = "監警會發佈年度報告", "社区图书馆延长开放时间"


def test_the_fold_maps_traditional_to_simplified_and_keeps_length():
    assert fold("監警會發佈報告", variants=True) == "监警会发布报告"
    assert fold("監警會") == "監警會"  # the plain fold leaves the script alone
    text = "裡裏著乾幹臺颱綫ＡＢ，　𠉂😀"
    assert len(fold(text, variants=True)) == len(text)


def test_every_target_is_simplified_and_a_fixed_point():
    pairs = variant_pairs()
    assert len(pairs) > 4000
    assert not set(pairs.values()) & set(pairs)  # no chains left
    assert all(k != v for k, v in pairs.items())


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_fold_keeps_length_and_is_idempotent(text):
    once = fold(text, variants=True)
    assert len(once) == len(text)
    assert fold(once, variants=True) == once


def test_simplified_finds_traditional_and_the_reverse(mixed):
    assert _titles(mixed, "监警会") == {TRAD_TITLE, SIMP_TITLE}
    assert _titles(mixed, "監警會") == {TRAD_TITLE, SIMP_TITLE}
    assert _titles(mixed, "发布年度报告") == {TRAD_TITLE}  # the title too
    assert _titles(mixed, "圖書館") == {SIMP_TITLE}


def test_exact_script_finds_only_the_script_typed(mixed):
    assert _titles(mixed, "监警会", variants=False) == {SIMP_TITLE}
    assert _titles(mixed, "監警會", variants=False) == {TRAD_TITLE}
    assert _titles(mixed, "圖書館", variants=False) == set()
    for hit in search(mixed, "監警會", max_articles=None, variants=False).hits:
        assert get_article(mixed, hit.article_id).text[hit.start : hit.end] == "監警會"


def test_offsets_are_exact(mixed):
    for query in ("监警会", "監警會", "报告 培训", "下月"):
        hits = search(mixed, query, max_articles=None).hits
        assert hits, query
        terms = fold(query, variants=True).split()
        for hit in hits:
            text = get_article(mixed, hit.article_id).text
            assert fold(text[hit.start : hit.end], variants=True) in terms
            assert hit.snippet[hit.snippet_start : hit.snippet_end] == text[hit.start : hit.end]
            assert "【" not in hit.snippet


def _brute_force(library: Library, query: str, variants: bool) -> set[tuple[int, int]]:
    """Every occurrence, by folding each character on its own: no index, no fold table list."""
    pairs = variant_pairs() if variants else {}

    def one(c: str) -> str:
        c = fold(c)
        return chr(pairs.get(ord(c), ord(c)))

    needle = "".join(map(one, query))
    found = set()
    for summary in list_articles(library):
        folded = "".join(map(one, get_article(library, summary.id).text))
        found |= {
            (summary.id, i)
            for i in range(len(folded) - len(needle) + 1)
            if folded.startswith(needle, i)
        }
    return found


ALPHABET = "监監警会會发發报報告图圖书書馆館下月，。的"


@settings(max_examples=60, deadline=None)
@given(query=st.text(alphabet=ALPHABET, min_size=1, max_size=4), variants=st.booleans())
def test_recall_against_a_brute_force_folded_scan(tmp_path_factory, query, variants):
    folder = tmp_path_factory.mktemp("v")
    with open_library(folder / "l.sqlite3") as lib:
        import_paths(lib, _pages(folder))
        got = {
            (h.article_id, h.start)
            for h in search(lib, query, max_articles=None, variants=variants).hits
        }
        assert got == _brute_force(lib, query, variants)
        assert got == full_scan(lib, query, variants=variants)


def test_find_in_article_matches_across_scripts():
    text = "監警會今日發佈報告；监警会代表参观。"
    assert find_all(text, "监警会") == [(0, 3), (10, 13)]
    assert find_all(text, "監警會") == [(0, 3), (10, 13)]
    assert find_all(text, "监警会", variants=False) == [(10, 13)]
    assert find_all(text, "監警會", variants=False) == [(0, 3)]


def test_reimporting_a_traditional_page_keeps_the_index_right(mixed, tmp_path):
    page = tmp_path / "trad.txt"
    page.write_text(TRADITIONAL.replace("記者會", "發佈會"), encoding="utf-8")
    import_paths(mixed, [page])
    assert not search(mixed, "记者会").hits
    assert {h.title for h in search(mixed, "发布会").hits} == {TRAD_TITLE}
    integrity = mixed.conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 0)"
    )
    assert integrity is not None  # raises on a corrupt index


def test_cli_search_matches_across_scripts_unless_exact_script(tmp_path):
    lib = str(tmp_path / "lib.sqlite3")
    assert run_reader("import", *map(str, _pages(tmp_path)), "--library", lib).returncode == 0
    both = run_reader("search", "监警会", "--json", "--library", lib)
    exact = run_reader("search", "监警会", "--json", "--exact-script", "--library", lib)
    assert both.returncode == exact.returncode == 0
    titles = [json.loads(line)["title"] for line in both.stdout.splitlines()]
    assert set(titles) == {TRAD_TITLE, SIMP_TITLE}
    assert {json.loads(line)["title"] for line in exact.stdout.splitlines()} == {SIMP_TITLE}
    plain = run_reader("search", "監警會", "--library", lib)
    assert "【監警會】" in plain.stdout and "【监警会】" in plain.stdout


def test_the_shipped_table_is_what_the_generator_makes():
    pytest.importorskip("opencc")
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_variant_table.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


_FOLDED_ALPHABET = st.sampled_from(
    [chr(s) for s, _ in list(variant_pairs().items())[:300]]
    + [chr(t) for _, t in list(variant_pairs().items())[:300]]
    + list("aAａＡzZ1１\"＂'＇　 -]^\\[")
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(_FOLDED_ALPHABET, max_size=40),
    query=st.text(_FOLDED_ALPHABET, min_size=1, max_size=4),
    variants=st.booleans(),
)
def test_the_matcher_finds_what_a_scan_of_the_folded_text_finds(text, query, variants):
    from reader.core.text.folding import matcher

    term = fold(query, variants=variants)
    folded = fold(text, variants=variants)
    scanned = [i for i in range(len(folded)) if folded.startswith(term, i)]
    assert [m.start() for m in matcher(term, variants=variants).finditer(text)] == scanned


def test_the_matcher_needs_a_folded_term():
    from reader.core.text.folding import matcher

    # 會 folds to 会: nothing folds to 會, so as a folded term it matches nothing
    assert list(matcher("會", variants=True).finditer("會会")) == []
    assert [m.start() for m in matcher("会", variants=True).finditer("會会")] == [0, 1]
    assert [m.start() for m in matcher("會", variants=False).finditer("會会")] == [0]
