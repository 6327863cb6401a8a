"""Every model passes qtmodeltester (pytest-qt's port of Qt's QAbstractItemModelTester)."""

import operator

import pytest
from PySide6.QtCore import QPersistentModelIndex

from conftest import SEEDS
from reader.core.ingest.importer import import_paths
from reader.core.library.outline import library_outline
from reader.core.library.title_filter import TitleIndex
from reader.core.search.query import search
from reader.ui.browse.results_model import HIT_ROLE, SearchResultsModel
from reader.ui.browse.tree_filter import TreeFilterModel
from reader.ui.browse.tree_model import (
    ARTICLE_ID_ROLE,
    KIND_ROLE,
    OFFSET_ROLE,
    LibraryTreeModel,
    source_title,
)
from ui_helpers import filter_tree


@pytest.fixture
def outline(library):
    import_paths(library, [SEEDS])
    return library_outline(library)


def test_tree_model(qtmodeltester, outline):
    model = LibraryTreeModel()
    model.set_outline("lib", outline)
    qtmodeltester.check(model, force_py=True)
    library = model.index(0, 0)
    assert library.data(KIND_ROLE) == "library"
    assert model.rowCount(library) == 5  # five source files
    source = model.index(0, 0, library)
    article = model.index(1, 0, source)
    assert article.data(KIND_ROLE) == "article"
    assert article.data() == "构建“1246”党建工作体系 擦亮“红岩红医”党建品牌"
    section = model.index(0, 0, article)
    assert section.data(KIND_ROLE) == "section"
    assert section.data(ARTICLE_ID_ROLE) == article.data(ARTICLE_ID_ROLE)
    assert section.data(OFFSET_ROLE) > 0
    # the section under an offset
    found = model.section_index(article.data(ARTICLE_ID_ROLE), section.data(OFFSET_ROLE) + 3)
    assert found.data() == section.data()
    model.set_status(article.data(ARTICLE_ID_ROLE), "reviewed")
    qtmodeltester.check(model, force_py=True)


def test_filter_model_keeps_ancestors(qtmodeltester, outline):
    model = LibraryTreeModel()
    model.set_outline("lib", outline)
    proxy = TreeFilterModel()
    proxy.setSourceModel(model)
    proxy.set_text("核心提示", TitleIndex("lib", outline).shown("核心提示"))
    qtmodeltester.check(proxy, force_py=True)
    library = proxy.index(0, 0)
    source = proxy.index(0, 0, library)
    article = proxy.index(0, 0, source)
    assert proxy.rowCount(library) == 1 and article.data() == "初心永擎 方可照亮前路"
    assert proxy.index(0, 0, article).data() == "核心提示"


def test_results_model(qtmodeltester, library):
    import_paths(library, [SEEDS])
    model = SearchResultsModel()
    qtmodeltester.check(model, force_py=True)
    hits = search(library, "党建").hits
    model.set_hits(hits)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(hits)
    assert model.index(0, 2).data() == hits[0].snippet
    assert model.index(0, 0).data(HIT_ROLE) == (hits[0].article_id, hits[0].start, hits[0].end)


def test_tree_rows_and_totals_are_kept_not_searched(qtmodeltester, outline):
    """Each node knows its row, and sources and the library keep their annotation totals."""
    model = LibraryTreeModel()
    model.set_outline("lib", outline)
    source = model.index(0, 0, model.index(0, 0))
    closed = model.node(source)
    assert model.hasChildren(source) and closed.pending and not closed.children  # made lazily
    stack = [model.index(0, 0)]
    while stack:
        index = stack.pop()
        node = model.node(index)
        if node.parent is not None and node.parent.kind != "root":
            assert node.parent.children.index(node) == index.row() == node.row()
            assert model.node(model.parent(index)) is node.parent
            assert model.index_of(node) == index
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    library = model.index(0, 0)
    first, second = model.article_ids()[:2]
    model.set_annotation_count(first, 3)
    model.set_annotation_count(second, 2)
    model.set_annotation_count(first, 1)
    article = model.article_index(first)
    assert article.siblingAtColumn(1).data() == "1"
    assert model.index(0, 1).data() == "3"  # the library: 1 + 2
    assert model.parent(article).siblingAtColumn(1).data() in ("1", "3")
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 1, library).isValid() and not model.index(99, 0, library).isValid()


def test_the_tree_view_shows_the_filter_only_while_one_is_on(qtbot, outline):
    from reader.ui.browse.library_tree import LibraryTree

    tree = LibraryTree()
    qtbot.addWidget(tree)
    tree.set_outline("lib", outline)
    assert tree.view.model() is tree.model
    first = tree.article_ids()[0]
    tree.reveal(first)
    filter_tree(qtbot, tree, "核心提示")
    assert tree.view.model() is tree.filter_model
    assert tree.to_view(tree.model.index(0, 0)).model() is tree.filter_model
    tree.filter_edit.setText("")
    assert tree.view.model() is tree.model
    assert tree.current_article() == first  # still marked after the filter went
    tree.set_status_filter("reviewed")
    assert tree.view.model() is tree.filter_model
    tree.set_status_filter("")
    assert tree.view.model() is tree.model


def test_an_update_keeps_re_read_equal_sources_and_forgets_the_removed(qtmodeltester, outline):
    model = LibraryTreeModel()
    model.set_outline("lib", outline[:3])
    qtmodeltester.check(model, force_py=True)
    gone = outline[1]
    changes: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: changes.append(("in", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: changes.append(("out", first, last)))
    counted = outline[0]._replace(annotations=outline[0].annotations + 5)  # changed
    re_read = outline[2]._replace()  # equal, another object: not a change
    assert re_read is not outline[2] and re_read == outline[2]
    library = model.index(0, 0)
    seen: list[tuple[str, str]] = []  # the rows as a slot on each signal sees them
    model.rowsAboutToBeRemoved.connect(
        lambda _p, first, _l: seen.append(("going", model.index(first, 0, library).data()))
    )
    model.rowsInserted.connect(
        lambda _p, first, _l: seen.append(("came", model.index(first, 0, library).data()))
    )
    model.set_outline("lib", [counted, re_read, outline[3]])
    assert changes == [("out", 1, 1), ("out", 0, 0), ("in", 0, 0), ("in", 2, 2)]
    titles = [source_title(s) for s in (gone, outline[0], counted, outline[3])]
    assert seen == list(zip(("going", "going", "came", "came"), titles, strict=True))
    assert all(not model.has_article(a.id) for a in gone.articles)
    assert all(model.has_article(a.id) for s in (counted, re_read) for a in s.articles)
    expected = [a.id for s in (counted, re_read, outline[3]) for a in s.articles]
    assert model.article_ids() == expected
    total = sum(s.annotations for s in (counted, re_read, outline[3]))
    assert model.index(0, 1).data() == (str(total) if total else "")
    changes.clear()
    model.set_outline("lib", [counted, re_read, outline[3]])  # the same objects: nothing
    assert changes == []


def test_a_new_outline_inserts_and_removes_sources_without_a_reset(qtmodeltester, outline):
    model = LibraryTreeModel()
    model.set_outline("lib", outline[1:4])
    qtmodeltester.check(model, force_py=True)  # it stays connected: checks every change below
    article = model.article_index(outline[2].articles[0].id)  # made, and kept by Qt
    kept = QPersistentModelIndex(article)
    resets, inserted, removed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda parent, first, last: removed.append((first, last)))
    changed = [outline[0], outline[2], outline[3], outline[4]]  # one came, one went
    model.set_outline("lib", changed)
    assert not resets and removed == [(0, 0)] and inserted == [(0, 0), (3, 3)]
    library = model.index(0, 0)
    assert [model.index(r, 0, library).data() for r in range(4)] == [
        source_title(s) for s in changed
    ]
    assert kept.isValid() and kept.row() == 0 and kept.parent().row() == 1
    assert model.article_ids() == [a.id for s in changed for a in s.articles]
    model.set_outline("other", changed)  # another library: a reset
    assert resets == [1]


def test_the_rows_an_outlines_job_made_are_used_once_and_only_for_their_sources(
    qtmodeltester, outline
):
    from reader.ui.browse.tree_nodes import TreeRows

    rows = TreeRows(outline)
    made, nodes = rows.item, rows.nodes
    model = LibraryTreeModel()
    model.set_outline("lib", outline, rows=rows)
    assert model.item(0, 0) is made and rows.item is None  # taken: an item has one place
    assert rows.nodes is None and nodes is not None  # and the nodes with it, used as made
    library = model.index(0, 0)
    shown = [model.node(model.index(r, 0, library)) for r in range(model.rowCount(library))]
    assert all(map(operator.is_, shown, nodes)) and len(shown) == len(nodes)
    qtmodeltester.check(model, force_py=True)
    others = TreeRows(outline[:2])
    not_these = others.item
    model.set_outline("other", outline, rows=others)  # made for other sources: not used
    assert model.item(0, 0) is not not_these
    assert model.rowCount(model.index(0, 0)) == len(outline)
    qtmodeltester.check(model, force_py=True)


def test_the_library_row_reads_as_the_tree_s_heading(outline):
    from PySide6.QtCore import Qt

    model = LibraryTreeModel()
    model.set_outline("lib.sqlite3", outline)
    library = model.index(0, 0)
    assert model.data(library, Qt.ItemDataRole.FontRole).bold()
    source = model.index(0, 0, library)
    assert model.data(source, Qt.ItemDataRole.FontRole) is None  # the rows keep the view's
