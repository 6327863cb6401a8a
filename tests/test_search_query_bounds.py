"""Queries cost what their distinct words cost: repeats fold, and size is bounded."""

import pytest

from reader.core.search.query import search
from reader.core.search.terms import MAX_QUERY_CHARS, MAX_TERMS, QueryError, query_terms


def test_repeated_words_count_once_and_keep_their_order():
    assert query_terms("党建 引领 党建 ＡＢ ab") == ["党建", "引领", "ab"]


def test_a_query_repeating_one_word_finds_what_the_word_finds(library):
    from reader.core.ingest.importer import import_paths
    from reader.core.resources import samples_dir

    import_paths(library, [samples_dir()])
    once = search(library, "工会", max_articles=None)
    assert once.hits
    repeated = search(library, " ".join(["工会"] * 300), max_articles=None)
    assert [(h.article_id, h.start, h.end) for h in repeated.hits] == [
        (h.article_id, h.start, h.end) for h in once.hits
    ]


def test_too_many_distinct_words_is_refused_with_a_reason():
    words = [f"w{i}" for i in range(MAX_TERMS + 1)]
    query_terms(" ".join(words[:MAX_TERMS]))  # the limit itself is fine
    with pytest.raises(QueryError, match=f"at most {MAX_TERMS} different words"):
        query_terms(" ".join(words))


def test_an_overlong_query_is_refused_with_a_reason():
    query_terms("字" * MAX_QUERY_CHARS)
    with pytest.raises(QueryError, match="at most"):
        query_terms("字" * (MAX_QUERY_CHARS + 1))
