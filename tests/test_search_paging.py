"""Search over many articles: ranking, paging, batching, and what the index holds."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.ingest.importer import import_file, import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from reader.core.search.index import (
    FTS_TOKENIZER,
    index_pending,
    index_tokens,
    is_token_char,
)
from reader.core.search.query import PAGE_HITS, full_scan, search
from reader.core.text.folding import fold

MANY = 620  # more than one batch of 500 ids


def write_articles(path, bodies: list[str], titles: list[str] | None = None):
    titles = titles or [f"文章{i}" for i in range(len(bodies))]
    path.write_text(
        "".join(f"# {t}\n\n{b}\n\n" for t, b in zip(titles, bodies, strict=True)),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    # each article: a title, then a paragraph holding 工会 and 职工, then one with 工会 alone
    bodies = [f"第{i}篇讲工会服务职工。\n\n## 小节{i}\n\n另一段只有工会。" for i in range(MANY)]
    with open_library(folder / "lib.sqlite3") as lib:
        import_paths(lib, [write_articles(folder / "many.md", bodies)])
        yield lib


def test_more_than_a_batch_of_articles_all_hit_with_their_own_sections(many):
    hits = search(many, "工会", max_articles=None).hits
    assert len(hits) == 2 * MANY
    by_article: dict[int, list] = {}
    for hit in hits:
        by_article.setdefault(hit.article_id, []).append(hit)
    assert len(by_article) == MANY
    for article_id, (first, second) in by_article.items():
        article = get_article(many, article_id)
        assert article.text[first.start : first.end] == "工会"
        assert first.section == article.title
        n = article.title.removeprefix("文章")
        assert second.section == f"小节{n}"
        assert second.start == article.text.index("另一段只有工会") + 5


def test_two_words_need_one_passage_across_batches(many):
    hits = search(many, "工会 职工", max_articles=None).hits
    assert len(hits) == 2 * MANY  # 工会 and 职工 of the first paragraph only
    for hit in hits:
        article = get_article(many, hit.article_id)
        paragraph = next(b for b in article.blocks if b.start <= hit.start < b.end)
        assert "职工" in paragraph.text and "工会" in paragraph.text


def test_default_first_page_is_fifty_articles(many):
    page = search(many, "工会")
    assert (page.articles, page.complete, page.query) == (50, False, "工会")
    assert len({h.article_id for h in page.hits}) == 50


@pytest.mark.parametrize("per_article,articles", [(PAGE_HITS - 1, 2), (PAGE_HITS, 1)])
def test_first_page_counts_hits_up_to_page_hits(library, tmp_path, per_article, articles):
    bodies = ["哈" * per_article + "。" for _ in range(3)]
    import_paths(library, [write_articles(tmp_path / "h.md", bodies)])
    page = search(library, "哈")
    assert (page.articles, page.complete, len(page.hits)) == (
        articles,
        False,
        articles * per_article,
    )


def test_title_hits_rank_before_body_hits(library, tmp_path):
    bodies = ["正文提到一次红岩。", "正文没有那个词。", "正文什么也没说。"]
    titles = ["第一篇", "第二篇", "红岩之歌"]
    import_paths(library, [write_articles(tmp_path / "r.md", bodies, titles)])
    ids = {a.title: a.id for a in list_articles(library)}
    assert ids["红岩之歌"] > ids["第一篇"]  # so ranking, not id order, puts it first
    hits = search(library, "红岩").hits
    assert [(h.article_id, h.rank) for h in hits] == [(ids["红岩之歌"], 0), (ids["第一篇"], 1)]


def test_more_hits_rank_first(library, tmp_path):
    bodies = ["一次医院，其余都是别的文字填充。", "医院医院医院，医院医院的文字。"]
    import_paths(library, [write_articles(tmp_path / "r.md", bodies, ["甲", "乙"])])
    ids = {a.title: a.id for a in list_articles(library)}
    result = search(library, "医院")
    assert result.hits[0].article_id == ids["乙"]
    assert result.articles == 2 and result.query == "医院"


def test_full_scan_takes_one_term(library):
    with pytest.raises(ValueError, match=r"^full_scan takes one term$"):
        full_scan(library, "党建 医院")


def test_is_token_char_agrees_with_the_fts5_tokenizer():
    chars = "党a1Ａ１，。“”（）!?#\"'\ue022\ue027 ※★·—\u3000_-"
    conn = sqlite3.connect(":memory:")
    conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(x, tokenize="{FTS_TOKENIZER}")')
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    conn.execute("INSERT INTO t (x) VALUES (?)", [index_tokens(chars)])
    vocabulary = {row[0] for row in conn.execute("SELECT term FROM v")}
    kept = {c for c in fold(chars) if is_token_char(c)}
    assert vocabulary == kept
    assert is_token_char("\ue022") and is_token_char("党") and not is_token_char("※")


def test_changing_a_file_before_it_was_indexed_keeps_the_index_sound(library, tmp_path):
    src = write_articles(tmp_path / "p.md", ["先写的旧词语。"])
    import_file(library, src)  # stored and listed, not yet indexed
    write_articles(src, ["后写的新词语。"])
    import_file(library, src)  # changed again before the index caught up
    assert index_pending(library) == 1
    library.conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    assert search(library, "旧词语").hits == []
    assert len(search(library, "新词语").hits) == 1
    assert index_pending(library) == 0


def test_an_indexed_article_s_old_text_leaves_the_index(library, tmp_path):
    src = write_articles(tmp_path / "p.md", ["先写的旧词语。"])
    import_paths(library, [src])
    write_articles(src, ["后写的新词语。"])
    import_paths(library, [src])
    library.conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    old = library.conn.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH ?", ['"旧 词 语"']
    ).fetchall()
    assert old == []


def test_a_changed_first_article_is_found_under_its_own_id(library, tmp_path):
    src = write_articles(tmp_path / "p.md", ["先写的旧词语。", "第二篇不变。"])
    import_paths(library, [src])
    first = list_articles(library)[0].id
    write_articles(src, ["后写的新词语。", "第二篇不变。"])
    import_paths(library, [src])
    assert [h.article_id for h in search(library, "新词语").hits] == [first]
    rowids = library.conn.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH ?", ['"新 词 语"']
    ).fetchall()
    assert rowids == [(first,)]


@pytest.mark.parametrize("query", ["工会", "工会 职工", "小节1", "☃"])
@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_streamed_hits_are_every_hit_in_the_same_order(many, monkeypatch, query, chunk):
    from reader.core.search import query as q

    monkeypatch.setattr(q, "STREAM_CHUNK", chunk)
    whole = search(many, query, max_articles=None).hits
    streamed = list(q.iter_hits(many, query))
    assert streamed == whole
    if query != "☃":
        assert streamed
    assert [h.rank for h in streamed] == [h.rank for h in whole]


def test_streamed_hits_include_articles_not_yet_indexed(tmp_path):
    from reader.core.search.query import iter_hits

    bodies = [f"第{i}篇讲工会。" for i in range(12)]
    with open_library(tmp_path / "lib.sqlite3") as lib:
        import_paths(lib, [write_articles(tmp_path / "a.md", bodies)])
        late = write_articles(tmp_path / "b.md", ["后来的工会。"], ["后来"])
        import_file(lib, late)  # stored, not indexed yet
        streamed = list(iter_hits(lib, "工会", index=False))
        assert len(streamed) == 13
        assert streamed[-1].title == "后来"
        assert streamed == search(lib, "工会", max_articles=None, index=False).hits


def test_an_empty_query_streams_nothing(many):
    from reader.core.search.query import iter_hits

    assert list(iter_hits(many, "   ")) == []


def test_streaming_holds_one_chunk_not_every_hit(many, monkeypatch):
    import tracemalloc

    from reader.core.search import query as q

    monkeypatch.setattr(q, "STREAM_CHUNK", 10)

    def peak(run) -> int:
        tracemalloc.start()
        try:
            run()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def stream() -> None:
        count = 0
        for _ in q.iter_hits(many, "工会"):
            count += 1
        assert count == 2 * MANY

    whole = peak(lambda: search(many, "工会", max_articles=None))
    streamed = peak(stream)
    assert streamed * 3 < whole
