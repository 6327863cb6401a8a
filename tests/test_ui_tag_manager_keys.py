"""The tag manager from the keyboard, and what renaming or deleting a tag does to undo."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from conftest import SEEDS
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.ui.annotate.tag_manager import COLUMNS, TagManager
from ui_helpers import import_and_wait, make_window


def _window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.open_article(window.tree_model.article_ids()[0], 0)
    return window


def _tag(window, phrase, name):
    start = window.reader.article.text.index(phrase)
    window.reader.pane.select_offsets(start, start + len(phrase))
    window.annotator.tag(name)


def test_undo_never_brings_back_a_tag_renamed_or_deleted(qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path)
    _tag(window, "唐丽娟", "重点")
    _tag(window, "劳模服务宣讲团", "人物")
    stack = window.annotator.undo_stack
    assert stack.canUndo()
    window.review.open_tag_manager()
    [manager] = [w for w in window.findChildren(TagManager) if w.isVisible()]
    names = [t.name for t in manager.model.tags]
    manager.view.setCurrentIndex(manager.model.index(names.index("重点"), 0))
    manager.model.setData(manager.model.index(names.index("重点"), 0), "要点")
    assert not stack.canUndo()  # the steps named 重点: gone with the name, and said
    assert window.status_line.message.text().startswith("Undo history cleared")
    current = manager.view.currentIndex()
    assert manager.model.tags[current.row()].name == "要点"  # the renamed tag stays chosen
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    _tag(window, "巫溪县天元乡", "要点")
    assert stack.canUndo()
    names = [t.name for t in manager.model.tags]
    manager.view.setCurrentIndex(manager.model.index(names.index("人物"), 0))
    manager.delete()
    assert not stack.canUndo()
    for _ in range(3):
        stack.undo()
    assert sorted(t.name for t in tagset.list_tags(window.library)) == ["要点"]
    article = window.reader.article.id
    assert sorted(a.tags for a in notes.for_article(window.library, article)) == [
        (),
        ("要点",),
        ("要点",),
    ]
    manager.close()


def test_deleting_a_tag_in_use_defaults_to_no(qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path)
    _tag(window, "唐丽娟", "重点")
    manager = TagManager(window.session, window)
    qtbot.addWidget(manager)
    defaults = []

    def question(parent, title, text, buttons, default):
        defaults.append(default)
        return default  # what Enter does

    monkeypatch.setattr(QMessageBox, "question", question)
    manager.view.setCurrentIndex(manager.model.index(0, 0))
    manager.delete()
    assert defaults == [QMessageBox.StandardButton.No]
    assert tagset.tag(window.library, "重点").uses == 1


def test_digits_bind_from_any_column_and_the_row_stays_current(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    for name in ("甲", "乙", "丙"):
        tagset.save_tag(window.library, name)
    manager = TagManager(window.session, window)
    qtbot.addWidget(manager)
    manager.show()
    manager.activateWindow()  # the reader's keys 1–9 belong to the main window's pane
    qtbot.waitUntil(manager.isActiveWindow)
    names = [t.name for t in manager.model.tags]
    manager.view.setCurrentIndex(manager.model.index(names.index("乙"), 0))  # the name column
    manager.view.setFocus()
    qtbot.keyClick(manager.view, Qt.Key.Key_7)
    assert tagset.tag(window.library, "乙").shortcut == "7"
    current = manager.view.currentIndex()
    assert manager.model.tags[current.row()].name == "乙" and current.column() == 0
    qtbot.keyClick(manager.view, Qt.Key.Key_Down)  # the list was read again: ↓ goes on from 乙
    below = manager.model.tags[manager.view.currentIndex().row()].name
    qtbot.keyClick(manager.view, Qt.Key.Key_8)
    assert tagset.tag(window.library, below).shortcut == "8" and below != "乙"
    qtbot.keyClick(manager.view, Qt.Key.Key_Delete)  # not in the Key column: no unbinding
    assert tagset.tag(window.library, below).shortcut == "8"
    key = COLUMNS.index("shortcut")
    manager.view.setCurrentIndex(manager.view.currentIndex().siblingAtColumn(key))
    qtbot.keyClick(manager.view, Qt.Key.Key_Delete)
    assert tagset.tag(window.library, below).shortcut is None
