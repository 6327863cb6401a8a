"""The section tree's details: open sources stay open across a filter, the context
menu leaves the current row alone and marks the current status, Ctrl+PgDown follows
the filtered order; and the Tags dialog closes from a button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from reader.core.resources import samples_dir
from ui_helpers import filter_tree, import_and_wait, make_window


def _samples(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [samples_dir()])
    return window


def _source_rows(window):
    model = window.tree_model
    library = model.index(0, 0)
    return [model.index(row, 0, library) for row in range(model.rowCount(library))]


def test_clearing_the_filter_keeps_open_sources_open(qtbot, tmp_path):
    window = _samples(qtbot, tmp_path)
    tree = window.library_tree
    sources = _source_rows(window)
    tree.view.expand(tree.to_view(sources[2]))
    tree.view.expand(tree.to_view(sources[3]))
    tree.view.collapse(tree.to_view(sources[1]))
    filter_tree(qtbot, tree, "巫溪")
    assert tree.filtered()
    tree.filter_edit.clear()
    assert not tree.filtered()
    opened = [tree.view.isExpanded(tree.to_view(s)) for s in sources]
    assert opened[2] and opened[3] and not opened[1]


class _Menus:
    """Menus as they pop up: recorded, then closed (exec would wait for a click)."""

    def __init__(self):
        self.shown: list[QMenu] = []

    def catch(self) -> None:
        def close() -> None:
            menu = QApplication.activePopupWidget()
            if isinstance(menu, QMenu):
                self.shown.append(menu)
                menu.close()

        QTimer.singleShot(50, close)


def test_the_context_menu_leaves_the_current_row_and_marks_the_status(qtbot, qtlog, tmp_path):
    window = _samples(qtbot, tmp_path)
    ids = window.tree_model.article_ids()
    window.open_article(ids[0], 0)
    window.annotator.set_status(ids[1], "reviewed")
    tree = window.library_tree
    current = tree.view.currentIndex()
    other = tree.to_view(window.tree_model.article_index(ids[1]))
    tree.view.scrollTo(other)
    point = tree.view.visualRect(other).center()
    menus = _Menus()
    qtbot.mousePress(tree.view.viewport(), Qt.MouseButton.RightButton, pos=point)
    qtbot.mouseRelease(tree.view.viewport(), Qt.MouseButton.RightButton, pos=point)
    menus.catch()
    with qtlog.disabled():  # offscreen: a popup cannot raise itself or grab the keyboard
        tree.view.customContextMenuRequested.emit(point)
    assert tree.view.currentIndex() == current  # the highlight stays on the open article
    assert window.reader.article.id == ids[0]
    [menu] = menus.shown
    [statuses] = [a.menu() for a in menu.actions() if a.menu() is not None]
    actions = statuses.actions()
    assert all(a.isCheckable() for a in actions)
    assert [a.data() for a in actions if a.isChecked()] == ["reviewed"]
    assert actions[0].actionGroup() is not None and actions[0].actionGroup().isExclusive()
    actions[-1].trigger()  # needs changes
    assert window.tree_model.article_index(ids[1]).data(Qt.ItemDataRole.UserRole + 4) == (
        "needs_changes"
    )


def test_next_article_follows_the_filtered_order(qtbot, tmp_path):
    window = _samples(qtbot, tmp_path)
    ids = window.tree_model.article_ids()
    for article_id in (ids[2], ids[5]):
        window.annotator.set_status(article_id, "reviewed")
    combo = window.review.tree_status
    combo.setCurrentIndex(combo.findData("reviewed"))
    tree = window.library_tree
    assert tree.filtered()
    window.open_article(ids[2], 0)
    window.actions_["next_article"].trigger()
    assert window.reader.article.id == ids[5]
    selected = [
        tree.to_model(i).data(Qt.ItemDataRole.UserRole + 2)
        for i in tree.view.selectionModel().selectedRows()
    ]
    assert selected == [ids[5]]
    window.actions_["next_article"].trigger()
    assert window.reader.article.id == ids[5]  # the last one shown
    window.actions_["previous_article"].trigger()
    assert window.reader.article.id == ids[2]


def test_the_tags_dialog_closes_from_its_button(qtbot, tmp_path):
    from reader.ui.annotate.tag_manager import TagManager

    window = make_window(qtbot, tmp_path)
    manager = TagManager(window.session, window)
    qtbot.addWidget(manager)
    manager.show()
    [box] = manager.findChildren(QDialogButtonBox)
    close = box.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not manager.isVisible()


def test_the_arrow_keys_open_the_article_they_rest_on(qtbot, tmp_path):
    window = _samples(qtbot, tmp_path)
    tree, view = window.library_tree, window.library_tree.view
    ids = window.tree_model.article_ids()
    window.open_article(ids[0], 0)
    tree.reveal(ids[0])
    opened = []
    tree.articleActivated.connect(opened.append)
    tree.sectionActivated.connect(lambda article_id, _offset: opened.append(article_id))
    view.collapseAll()  # the articles' rows, not their sections
    tree.reveal(ids[0])
    view.collapse(view.currentIndex())
    view.setFocus()
    # passed over at speed: only the row the keys rest on opens
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert opened == []
    reached = tree.to_model(view.currentIndex())
    qtbot.waitUntil(lambda: len(opened) == 1)
    qtbot.wait(400)
    assert len(opened) == 1
    model = window.tree_model
    if model.rowCount(reached) and reached.data(Qt.ItemDataRole.UserRole + 2) is None:
        reached = model.index(0, 0, reached)  # a file's row: its first article
    wanted = reached.data(Qt.ItemDataRole.UserRole + 2)
    assert wanted not in (None, ids[0])
    assert opened == [wanted] and window.reader.article.id == wanted
    # Shift+arrows choose rows (for an export): nothing opens
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(400)
    assert len(opened) == 1 and window.reader.article.id == wanted


def test_a_file_s_row_opens_its_first_article(qtbot, tmp_path):
    window = _samples(qtbot, tmp_path)
    tree, view = window.library_tree, window.library_tree.view
    second = _source_rows(window)[1]
    first_article = window.tree_model.index(0, 0, second).data(Qt.ItemDataRole.UserRole + 2)
    assert window.reader.article is None or window.reader.article.id != first_article
    rect = view.visualRect(tree.to_view(second))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.article.id == first_article


def test_a_status_filter_that_shows_nothing_says_so(qtbot, tmp_path):
    window = _samples(qtbot, tmp_path)
    tree, combo = window.library_tree, window.review.tree_status
    combo.setCurrentIndex(combo.findData("needs_changes"))
    assert tree.no_match.isVisible() or not tree.isVisible()
    assert tree.no_match.text() == "No article is marked “Needs changes”."
    assert not tree.no_match.isHidden()
    first = window.tree_model.article_ids()[0]
    window.annotator.set_status(first, "needs_changes")  # one now: the tree shows it
    qtbot.waitUntil(tree.no_match.isHidden)
    library = tree.filter_model.index(0, 0)
    assert tree.view.isExpanded(library) and tree.filter_model.rowCount(library) == 1
    assert tree.shows(first)
    window.annotator.undo_stack.undo()  # none again
    qtbot.waitUntil(lambda: not tree.no_match.isHidden())
    combo.setCurrentIndex(combo.findData(""))
    assert tree.no_match.isHidden()


def _file_menu(qtbot, qtlog, tree, source):
    view_index = tree.to_view(source)
    tree.view.scrollTo(view_index)
    point = tree.view.visualRect(view_index).center()
    menus = _Menus()
    menus.catch()
    with qtlog.disabled():  # offscreen: a popup cannot raise itself or grab the keyboard
        tree.view.customContextMenuRequested.emit(point)
    [menu] = menus.shown
    [statuses] = [a.menu() for a in menu.actions() if a.menu() is not None]
    return statuses


def test_a_file_rows_menu_sets_the_status_of_all_its_articles(qtbot, qtlog, tmp_path):
    from reader.core.library.articles import get_article

    window = _samples(qtbot, tmp_path)
    model, tree = window.tree_model, window.library_tree
    sizes = [(model.rowCount(s), s) for s in _source_rows(window)]
    many = next(s for n, s in sizes if n > 1)
    ids = [i for i, _ in model.articles_under(many)]
    assert len(ids) == model.rowCount(many) and model.articles_under(model.index(0, 0)) == []
    window.annotator.set_status(ids[0], "in_progress")  # mixed: no status checked
    statuses = _file_menu(qtbot, qtlog, tree, many)
    assert statuses.title() == f"Review status of all its {len(ids)} articles"
    assert [a.data() for a in statuses.actions() if a.isChecked()] == []
    [reviewed] = [a for a in statuses.actions() if a.data() == "reviewed"]
    steps = window.annotator.undo_stack.count()
    reviewed.trigger()
    assert {get_article(window.library, i).status for i in ids} == {"reviewed"}
    # the file's row has no status of its own to show it: the status bar says it
    assert window.status_message.text() == f"{len(ids)} articles set to “Reviewed”."
    assert {s for _, s in model.articles_under(many)} == {"reviewed"}
    assert window.annotator.undo_stack.count() == steps + 1  # one action, one undo step
    statuses = _file_menu(qtbot, qtlog, tree, many)  # all alike now: that one is checked
    assert [a.data() for a in statuses.actions() if a.isChecked()] == ["reviewed"]
    window.annotator.undo_stack.undo()
    was = ["in_progress"] + ["unread"] * (len(ids) - 1)
    assert [get_article(window.library, i).status for i in ids] == was
    assert [s for _, s in model.articles_under(many)] == was
    window.annotator.undo_stack.redo()
    assert {s for _, s in model.articles_under(many)} == {"reviewed"}
    one = next(s for n, s in sizes if n == 1)  # the samples have files of one article
    assert _file_menu(qtbot, qtlog, tree, one).title() == "Review status"


def test_a_file_imported_again_changed_keeps_its_row_open_or_closed(qtbot, tmp_path):
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(samples_dir(), folder)
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [folder])
    tree = window.library_tree
    sources = _source_rows(window)
    for index in sources:
        tree.view.expand(tree.to_view(index))
    tree.view.collapse(tree.to_view(sources[3]))
    before = [tree.view.isExpanded(tree.to_view(s)) for s in sources]
    for changed in (sorted(folder.iterdir())[1], sorted(folder.iterdir())[3]):
        changed.write_text(changed.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    import_and_wait(qtbot, window, [folder])
    sources = _source_rows(window)
    assert [tree.view.isExpanded(tree.to_view(s)) for s in sources] == before
    assert before[1] and not before[3]  # an open one and a closed one were replaced
