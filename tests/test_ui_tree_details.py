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
