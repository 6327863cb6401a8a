"""Words in double quotes are one term: a phrase, found only where its words stand together.

Each expected hit is found here by scanning the article's folded text for the phrase,
never copied from search's own output.
"""

from __future__ import annotations

import pytest

from conftest import run_reader
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from reader.core.search.query import iter_hits, search
from reader.core.search.terms import query_terms
from reader.core.text.folding import fold

# The two names together (half- and full-width, an ideographic space between them),
# apart in one sentence, and a sentence with only one of them.
PAGE = (
    "# 会见外宾\n\n"
    "新华社电 Xi Jinping 会见了来访的客人，双方交换意见。\n\n"
    "次日，Ｘｉ\u3000Ｊｉｎｐｉｎｇ 又出席了座谈会。\n\n"
    "Xi 先生与 Jinping 女士不是一个人，这句里两个词分开。\n\n"
    "另一段只说 Jinping 一个词。\n"
)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phrases")
    source = folder / "page.md"
    source.write_text(PAGE, encoding="utf-8")
    with open_library(folder / "lib.sqlite3") as lib:
        import_paths(lib, [source])
        yield lib


def starts_of(text: str, phrase: str) -> list[int]:
    """Every start of ``phrase`` in ``text`` as the fold sees it, offset by offset."""
    hay, needle = fold(text), fold(phrase)
    return [i for i in range(len(hay)) if hay.startswith(needle, i)]


def test_quotes_make_one_term_of_their_words():
    assert query_terms('"Xi Jinping"') == ["xi jinping"]
    assert query_terms("＂Xi\u3000 Jinping＂ 会见") == ["xi jinping", "会见"]
    assert query_terms("Xi Jinping") == ["xi", "jinping"]


def test_a_quote_inside_a_word_is_a_character_and_one_never_closed_opens_a_phrase():
    quote = fold('"')
    assert query_terms('a"b c"') == ["a" + quote + "b", "c" + quote]
    assert query_terms('"Xi Jinping') == ["xi jinping"]  # as it is being typed
    # quotes around nothing are looked for as they are: a lone quote mark, or a pair
    assert query_terms('"') == [quote] and query_terms("“") == ["“"]
    assert query_terms('""') == [quote * 2] and query_terms("“ ”") == ["“", "”"]


def test_a_chinese_input_method_s_quotes_make_phrases_too():
    assert query_terms("“Xi Jinping”") == ["xi jinping"]
    assert query_terms("「新冠 疫苗」 接种") == ["新冠疫苗", "接种"]
    assert query_terms("『两会』") == ["两会"]
    # a quote that does not end its word is the text's own: looked for as it is
    assert query_terms("“两会”的") == ["“两会”的"]


def test_a_blank_in_a_phrase_stays_only_between_latin_letters_or_digits():
    assert query_terms('"新冠 疫苗"') == ["新冠疫苗"]  # Chinese puts none between words
    assert query_terms('"iPhone 15  Pro"') == ["iphone 15 pro"]
    assert query_terms('"GDP 增长"') == ["gdp增长"]


def test_a_chinese_phrase_typed_with_a_blank_finds_the_words_together(library):
    article = get_article(library, list_articles(library)[0].id)
    want = [(s, s + 4) for s in starts_of(article.text, "交换意见")]
    assert len(want) == 1
    hits = search(library, "“交换 意见”", max_articles=None).hits
    assert [(h.start, h.end) for h in hits] == want


def test_a_phrase_is_found_only_where_its_words_stand_together(library):
    article = get_article(library, list_articles(library)[0].id)
    want = [(s, s + len("xi jinping")) for s in starts_of(article.text, "Xi Jinping")]
    assert len(want) == 2  # the half-width pair and the full-width one
    hits = search(library, '"Xi Jinping"', max_articles=None).hits
    assert [(h.start, h.end) for h in hits] == want
    for hit in hits:
        assert fold(article.text[hit.start : hit.end]) == "xi jinping"


def test_the_same_words_unquoted_are_found_apart(library):
    article = get_article(library, list_articles(library)[0].id)
    words = search(library, "Xi Jinping", max_articles=None).hits
    # a passage holding both: the two together and the sentence that has them apart
    assert len(words) == 2 * 3
    assert {article.text[h.start : h.end] for h in words} >= {"Xi", "Jinping"}


def test_every_hit_streamed_matches_the_page(library):
    page = search(library, '"Xi Jinping" 会见', max_articles=None).hits
    streamed = list(iter_hits(library, '"Xi Jinping" 会见'))
    assert [(h.start, h.end) for h in streamed] == [(h.start, h.end) for h in page]
    assert len(page) == 2  # the phrase and 会见 in one passage: the first paragraph only


def test_the_command_line_takes_words_unquoted_and_phrases_quoted(tmp_path):
    source = tmp_path / "page.md"
    source.write_text(PAGE, encoding="utf-8")
    lib = str(tmp_path / "lib.sqlite3")
    assert run_reader("import", str(source), "--library", lib).returncode == 0
    words = run_reader("search", "Xi", "Jinping", "--all", "--library", lib)
    assert words.returncode == 0, words.stderr
    assert words.stdout.count("【Xi】") == 2 and words.stdout.count("【Jinping】") == 2
    assert words.stdout.splitlines()[-1] == "6 hits in 1 article"
    phrase = run_reader("search", '"Xi Jinping"', "--all", "--library", lib)
    assert phrase.stdout.count("【Xi Jinping】") == 1
    assert phrase.stdout.splitlines()[-1] == "2 hits in 1 article"
    one = run_reader("search", '"Xi Jinping" 会见', "--library", lib)
    assert one.stdout.splitlines()[-1] == "2 hits in 1 article"
    single = run_reader("search", "女士", "--library", lib)
    assert single.stdout.splitlines()[-1] == "1 hit in 1 article"
