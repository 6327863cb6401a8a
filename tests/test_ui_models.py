"""Every model passes qtmodeltester (pytest-qt's port of Qt's QAbstractItemModelTester)."""

import pytest

from conftest import SEEDS
from reader.core.ingest.importer import import_paths
from reader.core.library.outline import library_outline
from reader.core.search.query import search
from reader.ui.browse.results_model import HIT_ROLE, SearchResultsModel
from reader.ui.browse.tree_model import (
    ARTICLE_ID_ROLE,
    KIND_ROLE,
    OFFSET_ROLE,
    LibraryTreeModel,
    TreeFilterModel,
)


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
    proxy.setFilterFixedString("核心提示")
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
