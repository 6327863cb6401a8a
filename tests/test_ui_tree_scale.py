"""The tree at scale (#11), by what it does rather than how long it takes: Python calls
per row of an expand-all, no slot per expanded row, what is open read from the view,
and the start-up outline read by a job while the last article is already shown."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QTreeView

from conftest import SEEDS
from reader.core.ingest.importer import import_paths
from reader.core.library.outline import library_outline
from reader.ui.browse.library_tree import LibraryTree
from reader.ui.browse.tree_model import ARTICLE_ID_ROLE, KIND_ROLE, LibraryTreeModel
from ui_helpers import filter_tree


@pytest.fixture
def outline(library):
    import_paths(library, [SEEDS])
    return library_outline(library)


def _rows(model) -> tuple[int, int]:
    """Every row, and the rows with children."""
    rows = parents = 0
    stack = [model.index(0, 0)]
    while stack:
        index = stack.pop()
        rows += 1
        kids = [model.index(r, 0, index) for r in range(model.rowCount(index))]
        parents += bool(kids)
        stack += kids
    return rows, parents


def _python_calls(action) -> Counter[str]:
    """The Python functions ``action`` runs, by name, and how often (Qt's calls into Python
    included)."""
    calls: Counter[str] = Counter()

    def profile(frame, event, _arg):
        if event == "call":
            calls[frame.f_code.co_name] += 1

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


def test_expanding_everything_makes_no_python_call_a_row(qtbot, qtmodeltester, outline):
    many = [  # sixty copies of the seeds' sources: some thousands of rows
        source._replace(id=copy * 100 + source.id, path=f"{source.path}#{copy}")
        for copy in range(60)
        for source in outline
    ]
    model = LibraryTreeModel()
    model.set_outline("lib", many)
    view = QTreeView()
    qtbot.addWidget(view)
    view.resize(300, 400)
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)

    def expand_and_paint() -> None:
        view.expandAll()
        view.viewport().repaint()

    expand_and_paint()  # once before: PySide makes some enum classes the first time
    view.collapseAll()
    calls = _python_calls(expand_and_paint)
    rows, _parents = _rows(model)
    assert rows > 2000
    # index(), parent(), rowCount(), hasChildren() and flags() are Qt's own: what runs in
    # Python is data() for the rows drawn (some tens), not anything a row laid out
    assert not {"index", "parent", "rowCount", "hasChildren", "flags"} & set(calls)
    assert sum(calls.values()) < 1500 < rows
    assert model.flags(model.index(0, 0)) == model.flags(model.index(0, 0, model.index(0, 0)))
    qtmodeltester.check(model, force_py=True)


def _connected(view: QTreeView, signature: str) -> bool:
    meta = view.metaObject()
    return view.isSignalConnected(meta.method(meta.indexOfSignal(signature)))


def test_open_rows_are_read_from_the_view_not_followed_row_by_row(qtbot, outline):
    tree = LibraryTree()
    qtbot.addWidget(tree)
    tree.set_outline("lib", outline)
    tree.show()
    model, view = tree.model, tree.view
    assert not _connected(view, "expanded(QModelIndex)")  # no Python call per expanded row
    library = model.index(0, 0)
    source = model.index(1, 0, library)
    article = next(
        model.index(r, 0, source)
        for r in range(model.rowCount(source))
        if model.hasChildren(model.index(r, 0, source))
    )
    view.expand(source)
    view.expand(article)
    assert model.open_rows(view.isExpanded) == (
        {model.node(source).path},
        {model.node(article).article_id},
    )
    filter_tree(qtbot, tree, "核心提示")  # the filtered view opens everything it shows
    assert tree.filtered() and _connected(view, "expanded(QModelIndex)")
    tree.filter_edit.clear()
    assert not tree.filtered() and not _connected(view, "expanded(QModelIndex)")
    assert view.isExpanded(source) and view.isExpanded(
        model.article_index(article.data(ARTICLE_ID_ROLE))
    )
    assert not view.isExpanded(model.index(0, 0, library))
    # a reset (another library of the same sources) opens them again, by path
    tree.set_outline("other", outline)
    assert view.isExpanded(tree.model.index(1, 0, tree.model.index(0, 0)))
    assert tree.model.index(0, 0).data(KIND_ROLE) == "library"


def _window(qtbot, tmp_path, library_path, last=None):
    from reader.ui.settings import WindowSettings
    from reader.ui.window.main_window import MainWindow

    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    if last is not None:
        settings.set_last_article(library_path, last)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    return window


def test_at_start_up_the_last_article_opens_before_the_tree_is_read(qtbot, tmp_path, library):
    import_paths(library, [SEEDS])
    ids = [a.id for s in library_outline(library) for a in s.articles]
    last = ids[3]
    path = tmp_path / "lib.sqlite3"
    window = _window(qtbot, tmp_path, path, last)
    assert window.open_library_at(path, create=False, tree_later=True)
    assert window.reader.article is not None and window.reader.article.id == last
    assert window.tree_model.rowCount() == 0  # the outline is still being read
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > 0, timeout=30_000)
    assert window.tree_model.article_ids() == ids
    qtbot.waitUntil(lambda: window.library_tree.current_article() == last)
    assert window.tree.isExpanded(window.tree_model.article_index(last).parent())


def test_another_library_from_the_recent_menu_reads_its_tree_in_a_job(
    qtbot, qtmodeltester, tmp_path, library
):
    """The menu opens a library as start-up does: its article at once, its tree read by
    the outline's job; the last library's rows are gone at once, not left to be clicked."""
    import_paths(library, [SEEDS])
    first_ids = [a.id for s in library_outline(library) for a in s.articles]
    other = tmp_path / "other.sqlite3"
    page = tmp_path / "another.md"
    page.write_text("# 另一个文库的文章\n\n正文一段。\n", encoding="utf-8")
    from reader.core.library.store import open_library

    with open_library(other) as second:
        import_paths(second, [page])
    path = tmp_path / "lib.sqlite3"
    window = _window(qtbot, tmp_path, path)
    assert window.open_library_at(path, create=False)
    assert window.tree_model.article_ids() == first_ids
    window.settings.add_recent(other)
    window.settings.add_recent(path)
    recent = QMenu()
    window.menus._fill_recent(recent)
    assert str(path) not in [a.text() for a in recent.actions()]  # the open one: not listed
    [action] = [a for a in recent.actions() if a.text() == str(other)]
    action.trigger()
    assert window.library_path == other
    assert window.tree_model.rowCount() == 0 and window.tree_model.article_ids() == []
    assert not window.tree_model.has_article(first_ids[0])
    qtmodeltester.check(window.tree_model)
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > 0, timeout=30_000)
    assert [
        window.tree_model.data(window.tree_model.article_index(i))
        for i in window.tree_model.article_ids()
    ] == ["另一个文库的文章"]
    qtbot.waitUntil(lambda: window.reader.article is not None, timeout=30_000)
    assert window.reader.article.title == "另一个文库的文章"
    qtmodeltester.check(window.tree_model)


def test_without_a_last_article_the_first_opens_when_the_tree_arrives(qtbot, tmp_path, library):
    import_paths(library, [SEEDS])
    first = library_outline(library)[0].articles[0].id
    path = tmp_path / "lib.sqlite3"
    window = _window(qtbot, tmp_path, path)
    window.open_library_at(path, create=False, tree_later=True)
    assert window.reader.article is None
    qtbot.waitUntil(lambda: window.reader.article is not None, timeout=30_000)
    assert window.reader.article is not None and window.reader.article.id == first


def test_a_newer_outline_drops_the_one_still_being_read(qtbot, tmp_path, library):
    from reader.ui.window.tree_loading import OutlineLoader

    import_paths(library, [SEEDS])
    path = tmp_path / "lib.sqlite3"
    window = _window(qtbot, tmp_path, path)
    arrived: list[int] = []
    loader = OutlineLoader(window.jobs, lambda _path, outline, _rows: arrived.append(len(outline)))
    loader.load(path)
    loader.drop()
    qtbot.waitUntil(lambda: not loader.loading(), timeout=30_000)
    assert arrived == []
    loader.load(path)
    qtbot.waitUntil(lambda: bool(arrived), timeout=30_000)
    assert arrived == [len(library_outline(library))]


def test_an_import_before_the_start_up_outline_opens_what_is_new(qtbot, tmp_path, library):
    """Started before the tree is read, an import still tells the new articles from the
    library's others (it judges by the library, not by the empty tree)."""
    import_paths(library, [SEEDS])
    old = [a.id for s in library_outline(library) for a in s.articles]
    path = tmp_path / "lib.sqlite3"
    window = _window(qtbot, tmp_path, path, old[3])
    new_file = tmp_path / "zzz_new.txt"  # sorts last in the tree
    new_file.write_text("# 新来的文章\n\n一段新的正文。\n", encoding="utf-8")
    assert window.open_library_at(path, create=False, tree_later=True)
    assert window.tree_model.rowCount() == 0  # the outline is still being read
    with qtbot.waitSignal(window.imports.finished, timeout=60_000) as blocker:
        window.import_paths([new_file], show_dialog=False)
    result = blocker.args[0]
    assert result.first_new not in old and result.first_new is not None
    assert result.first_article == old[0]  # the library's first, had nothing been new
    qtbot.waitUntil(
        lambda: window.reader.article is not None and window.reader.article.id not in old
    )
    assert window.reader.article.title == "新来的文章"
    assert window.library_tree.current_article() == window.reader.article.id


def test_an_import_adding_many_runs_of_sources_fits_the_counts_once(qtbot, outline):
    """Sources an import adds between those shown come as many runs of rows: the tree's
    Python per run stays small (the counts' width is fitted on the total's change)."""
    shown = [
        source._replace(id=copy * 100 + source.id, path=f"{source.path}#{copy:03}")
        for copy in range(0, 120, 2)
        for source in outline
    ]
    tree = LibraryTree()
    qtbot.addWidget(tree)
    tree.set_outline("lib", shown)
    tree.show()
    tree.view.expand(tree.model.index(0, 0))
    qtbot.waitExposed(tree)
    between = [  # as the import's worker reads it: the sources shown are the same objects
        source._replace(id=copy * 100 + source.id, path=f"{source.path}#{copy:03}")
        for copy in range(1, 120, 2)
        for source in outline
    ]
    per_copy = len(outline)
    merged = [  # every second copy new, between two shown
        (shown if copy % 2 == 0 else between)[(copy // 2) * per_copy + i]
        for copy in range(120)
        for i in range(per_copy)
    ]
    calls = _python_calls(lambda: tree.set_outline("lib", merged))
    assert tree.model.rowCount(tree.model.index(0, 0)) == len(merged)
    assert calls["_fit_counts"] <= 1  # once for the total, not once a run
    assert calls["_top_rows_inserted"] >= 50  # so many runs came (a cheap test each)


def test_the_shown_library_leaves_the_collectors_full_passes(qtbot, tmp_path, library):
    """At 50,000 articles a full pass of Python's cycle collector over the tree's objects
    takes 0.1 s with Python's lock held: what the shown tree keeps is frozen out of it,
    and given back when the library closes."""
    import gc

    import_paths(library, [SEEDS])
    path = tmp_path / "lib.sqlite3"
    gc.unfreeze()
    window = _window(qtbot, tmp_path, path, None)
    assert window.open_library_at(path, create=False)
    assert window.tree_model.article_ids()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 1000)
    window._close_library()
    assert gc.get_freeze_count() == 0


def test_dropped_nodes_go_by_reference_counting(qtbot, outline):
    """An update drops the nodes of the sources that went, with no cycle left among them:
    frozen out of the collector's passes, a cycle would stay."""
    model = LibraryTreeModel()
    model.set_outline("lib", outline)
    library = model.node(model.index(0, 0))
    gone = library.children[0]
    gone.kids()  # its articles made nodes
    kids = list(gone.children)
    assert kids
    model.set_outline("lib", outline[1:])
    assert gone.parent is None and gone.children == []
    assert all(k.parent is None and k.children == [] for k in kids)
    assert gone not in library.children


def test_garbage_made_between_two_shown_outlines_is_not_set_aside():
    import gc

    from reader.ui import heap

    gc.unfreeze()
    try:
        heap.keep_long_lived()
        kept = gc.get_freeze_count()
        for _ in range(500):
            a: list[object] = []
            a.append(a)  # garbage in a cycle, made after the first set-aside
        heap.keep_long_lived()
        assert gc.get_freeze_count() - kept < 250  # the 500 cycles were freed, not frozen
    finally:
        gc.unfreeze()
