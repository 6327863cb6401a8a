"""The tree's text filter (#11): matched in one pass over the titles, applied once the
typing pauses, asking the proxy about the rows it shows only."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from reader.core.ingest.importer import import_paths
from reader.core.library.outline import (
    ArticleOutline,
    SectionOutline,
    SourceOutline,
    library_outline,
)
from reader.core.library.title_filter import LIBRARY, TitleIndex
from reader.ui.browse.library_tree import LibraryTree
from ui_helpers import filter_tree

OUTLINE = [
    SourceOutline(
        1,
        "/a/one.md",
        (
            ArticleOutline(
                10, "China Daily 报道", "unread", 0, 100, (SectionOutline("核心提示", 2, 5),)
            ),
            ArticleOutline(11, "别的文章", "unread", 0, 100, (SectionOutline("结语", 2, 9),)),
        ),
        "one.md",
    ),
    SourceOutline(2, "/a/two.md", (ArticleOutline(20, "无关", "unread", 0, 50),), "two.md"),
]


def test_case_and_width_fold_and_the_rows_above_a_match_are_shown():
    index = TitleIndex("lib", OUTLINE)
    for query in ("china", "ＣＨＩＮＡ", "ｃｈｉｎａ daily"):
        assert index.shown(query).rows == {LIBRARY, "/a/one.md", 10}, query
    section = index.shown("核心")
    assert section.rows == {LIBRARY, "/a/one.md", 10, (10, 5)}
    assert section.parents == {LIBRARY, "/a/one.md", 10}  # the rows that open onto a match
    assert index.shown("结语").rows == {LIBRARY, "/a/one.md", 11, (11, 9)}
    assert index.shown("没有这个").rows == frozenset()
    assert index.shown("").rows == frozenset()
    assert index.shown("two.md").rows == {LIBRARY, "/a/two.md"}  # a source by its file


def test_simplified_finds_traditional_titles_and_the_other_way_round():
    hk = [
        SourceOutline(
            3,
            "/a/hk.md",
            (
                ArticleOutline(
                    30, "衝破牢房的見證", "unread", 0, 10, (SectionOutline("學生", 2, 4),)
                ),
            ),
            "hk.md",
        ),
        SourceOutline(4, "/a/cn.md", (ArticleOutline(40, "冲破难关", "unread", 0, 10),), "cn.md"),
    ]
    index = TitleIndex("lib", hk)
    assert index.shown("冲破").rows == {LIBRARY, "/a/hk.md", 30, "/a/cn.md", 40}
    assert index.shown("衝破").rows == {LIBRARY, "/a/hk.md", 30, "/a/cn.md", 40}
    assert index.shown("学生").rows == {LIBRARY, "/a/hk.md", 30, (30, 4)}
    assert index.shown("難關").rows == {LIBRARY, "/a/cn.md", 40}
    assert index.fold_all() is index  # what the listing job does, off the UI thread
    assert index.shown("见证").rows == {LIBRARY, "/a/hk.md", 30}


def test_titles_fold_a_chunk_at_a_time_as_each_alone_would(monkeypatch):
    """The listing job folds the titles a few at a time (each call holds Python's lock:
    the UI thread waits no longer than one chunk), with the same result as one by one,
    a title holding a line break too."""
    from reader.core.library import title_filter

    titles = ["衝破牢房", "ＣＨＩＮＡ Daily", "兩行\n標題", "學生", "", "Straße"]
    articles = tuple(ArticleOutline(50 + i, t, "unread", 0, 10) for i, t in enumerate(titles))
    outline = [SourceOutline(5, "/a/many.md", articles, "many.md")]
    monkeypatch.setattr(title_filter, "FOLD_CHUNK", 2)
    calls: list[str] = []
    real = title_filter.folded
    monkeypatch.setattr(title_filter, "folded", lambda t: calls.append(t) or real(t))
    index = TitleIndex("lib", outline).fold_all()
    every = ["lib", title_filter.source_title(outline[0]), *titles]
    assert index._folded_titles() == [real(t) for t in every]
    assert max(len(c.split("\n")) for c in calls) <= 2 + 1  # a chunk; never all at once
    assert index.shown("冲破").rows == {LIBRARY, "/a/many.md", 50}
    assert index.shown("标题").rows == {LIBRARY, "/a/many.md", 52}
    assert index.shown("strasse").rows == {LIBRARY, "/a/many.md", 55}


@pytest.fixture
def outline(library):
    import_paths(library, [SEEDS])
    return library_outline(library)


def test_typing_applies_the_filter_once_when_the_typing_pauses(qtbot, outline, monkeypatch):
    tree = LibraryTree()
    qtbot.addWidget(tree)
    tree.set_outline("lib", outline)
    applied: list[str] = []
    set_text = tree.filter_model.set_text
    monkeypatch.setattr(
        tree.filter_model, "set_text", lambda t, m: (applied.append(t), set_text(t, m))
    )
    for n in range(1, 5):
        tree.filter_edit.setText("核心提示"[:n])  # four keystrokes, no pause between
    assert applied == [] and not tree.filtered()
    qtbot.waitUntil(lambda: tree.applied_filter() == "核心提示")
    assert applied == ["核心提示"]
    tree.filter_edit.clear()  # clearing applies at once
    assert applied == ["核心提示", ""] and not tree.filtered()


def test_the_proxy_is_asked_about_the_rows_it_shows_not_every_row(qtbot, outline):
    tree = LibraryTree()
    qtbot.addWidget(tree)
    tree.set_outline("lib", outline)
    asked: list[int] = []
    accepts = tree.filter_model.filterAcceptsRow
    tree.filter_model.filterAcceptsRow = lambda r, p: (asked.append(r), accepts(r, p))[1]
    filter_tree(qtbot, tree, "核心提示")
    library = tree.model.index(0, 0)
    sources = [tree.model.index(r, 0, library) for r in range(tree.model.rowCount(library))]
    shown = [s for s in sources if tree.to_view(s).isValid()]
    assert len(shown) == 1 < len(sources)
    # the library, its sources, and below them only the shown source's rows
    shown_node = tree.model.node(shown[0])
    below = len(shown_node.children) + sum(len(a.children) for a in shown_node.children)
    assert len(asked) <= 1 + len(sources) + below
    # the sources that show nothing were never opened: their article nodes not made
    assert all(tree.model.node(s).pending for s in sources if s not in shown)
    article = tree.to_view(tree.model.index(0, 0, shown[0]))
    assert tree.view.isExpanded(article)  # opened onto the matching section
    assert article.model().rowCount(article) == 1


def test_the_titles_are_listed_by_a_job_when_the_outline_comes(qtbot, tmp_path, outline):
    from reader.ui.browse.title_loader import TitleLoader
    from ui_helpers import make_window

    window = make_window(qtbot, tmp_path)
    loader = TitleLoader(window.jobs, parent=window)
    loader.set_outline("lib", outline)
    qtbot.waitUntil(loader.ready, timeout=30_000)
    assert loader.index().shown("核心提示").rows
    loader.set_outline("lib", outline[:1])  # a newer outline: the last index is not kept
    assert not loader.ready()
    qtbot.waitUntil(loader.ready, timeout=30_000)
    assert {s.path for s in outline[1:]}.isdisjoint(loader.index().shown("").rows)
    assert len(loader.index()) < len(TitleIndex("lib", outline))


def test_the_titles_are_listed_after_the_tree_settles_or_at_the_first_key(qtbot, tmp_path):
    """A job listing titles beside the tree's layout would slow it (the interpreter lock):
    it waits, unless the filter is typed into."""
    from reader.ui.browse.title_loader import TitleLoader
    from ui_helpers import make_window

    window = make_window(qtbot, tmp_path)
    loader = TitleLoader(window.jobs, defer_ms=60_000, parent=window)
    loader.set_outline("lib", OUTLINE)
    qtbot.wait(100)
    assert not loader.listing() and not loader.ready()  # deferred: nothing ran
    loader.prepare()  # a keystroke
    qtbot.waitUntil(loader.ready, timeout=30_000)
    assert loader.index().shown("核心").rows == {LIBRARY, "/a/one.md", 10, (10, 5)}
    soon = TitleLoader(window.jobs, defer_ms=10, parent=window)
    soon.set_outline("lib", OUTLINE)
    qtbot.waitUntil(soon.ready, timeout=30_000)  # and by itself, once the delay is over


def test_a_filter_typed_while_the_titles_are_listed_waits_for_them(qtbot, tmp_path, monkeypatch):
    import threading
    import time

    from reader.ui.browse import title_loader
    from ui_helpers import make_window

    built_on: list[str] = []

    def slow_index(name, outline):
        built_on.append(threading.current_thread().name)
        time.sleep(0.4)  # longer than the typing pause: the filter applies meanwhile
        return TitleIndex(name, outline)

    monkeypatch.setattr(title_loader, "TitleIndex", slow_index)
    window = make_window(qtbot, tmp_path)
    tree = window.library_tree
    tree.set_outline("lib", OUTLINE)
    filter_tree(qtbot, tree, "结语")
    assert built_on and threading.main_thread().name not in built_on  # by jobs only
    shown = tree.filter_model.index(0, 0)
    assert tree.filter_model.rowCount(shown) == 1  # one.md, the section's source


def test_the_titles_keep_the_width_through_a_second_text_and_its_clearing(qtbot, library):
    """A second filter text lets the view drop the proxy and take it back: its columns came
    back at Qt's 100 px, cutting every title to a few characters, until the window closed."""
    import_paths(library, [SEEDS])
    tree = LibraryTree()
    qtbot.addWidget(tree)
    tree.resize(480, 600)
    tree.set_outline("lib", library_outline(library))
    tree.show()
    qtbot.waitExposed(tree)
    view = tree.view

    def titles_fill_the_row() -> bool:
        return view.columnWidth(0) + view.columnWidth(1) >= view.viewport().width() - 1

    for text in ("党建", "健康", ""):
        filter_tree(qtbot, tree, text)
        qtbot.waitUntil(titles_fill_the_row)
    assert view.columnWidth(0) > 300


def test_a_filter_that_matches_nothing_says_so(qtbot):
    tree = LibraryTree()
    qtbot.addWidget(tree)
    tree.set_outline("lib", OUTLINE)
    tree.show()
    qtbot.waitExposed(tree)
    filter_tree(qtbot, tree, "不存在的标题")
    assert tree.no_match.isVisible() and "不存在的标题" in tree.no_match.text()
    filter_tree(qtbot, tree, "结语")  # a section's title: its rows are shown
    assert not tree.no_match.isVisible()
    filter_tree(qtbot, tree, "没有")
    assert tree.no_match.isVisible()
    tree.filter_edit.clear()  # no filter: nothing to say
    assert not tree.no_match.isVisible()


def _shown_sources(tree: LibraryTree) -> list[str]:
    library = tree.model.index(0, 0)
    rows = range(tree.model.rowCount(library))
    return [
        tree.model.node(tree.model.index(r, 0, library)).path
        for r in rows
        if tree.to_view(tree.model.index(r, 0, library)).isValid()
    ]


def test_sources_coming_and_going_under_a_filter_show_as_it_says(qtbot, monkeypatch):
    """The sources' rows are accepted from a table by row: sources an import adds or
    drops while a filter is on move every row after them, and none is shown by mistake."""
    tree = LibraryTree()
    qtbot.addWidget(tree)

    def source(n: int, title: str) -> SourceOutline:
        return SourceOutline(n, f"/a/{n:03}.md", (ArticleOutline(n * 10, title, "unread", 0, 9),))

    first = [source(n, "党建工作" if n % 3 == 0 else "别的") for n in range(1, 30)]
    tree.set_outline("lib", first)
    filter_tree(qtbot, tree, "党建")
    assert _shown_sources(tree) == [s.path for s in first if s.articles[0].title == "党建工作"]
    # the library's rows are judged by row, from a table: a node is looked up for the
    # rows shown only (whether they have children), none for the twenty others
    proxy, asked_nodes, node = tree.filter_model, [], tree.model.node
    monkeypatch.setattr(tree.model, "node", lambda i: (asked_nodes.append(1), node(i))[1])
    proxy.set_text("党建", tree._titles.index().shown("党建"))
    assert proxy.rowCount(proxy.index(0, 0)) == 9 and len(asked_nodes) <= 9
    monkeypatch.setattr(tree.model, "node", node)
    # two new matching sources among the first, one gone, one title changed
    then = [*first[:4], source(100, "党建新闻"), *first[5:12], source(101, "别的")]
    then += [source(102, "党建简报"), *first[12:]]
    then[1] = source(2, "党建改版")
    tree.set_outline("lib", then)
    want = [s.path for s in then if "党建" in s.articles[0].title]
    assert _shown_sources(tree) == want
    # the model alone changing under the proxy (no new text set: the matches are the last
    # text's): every row after the new one moved, and each is still judged as itself
    again = [*then[:2], source(103, "别的"), *then[2:]]  # where a shown row was
    tree.model.set_outline("lib", again)
    assert _shown_sources(tree) == want
    tree.filter_edit.clear()
    assert len(_shown_sources(tree)) == len(again)


def test_an_import_whose_new_article_the_filter_hides_says_so(qtbot, tmp_path):
    from ui_helpers import import_and_wait, make_window

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS])
    filter_tree(qtbot, window.library_tree, "党建")
    page = tmp_path / "zzz_new.md"
    page.write_text("# 新来的文章\n\n一段新的正文。\n", encoding="utf-8")
    import_and_wait(qtbot, window, [page])
    qtbot.waitUntil(lambda: window.reader.article.title == "新来的文章")
    new = window.reader.article.id
    assert not window.library_tree.shows(new)
    qtbot.waitUntil(lambda: "filter hides the new article" in window.status_line.message.text())
    # a new article the filter shows: nothing more is said
    other = tmp_path / "zzz_other.md"
    other.write_text("# 党建新篇\n\n正文。\n", encoding="utf-8")
    import_and_wait(qtbot, window, [other])
    qtbot.waitUntil(lambda: window.reader.article.title == "党建新篇")
    assert window.library_tree.shows(window.reader.article.id)
    assert "filter hides" not in window.status_line.message.text()
