"""Retag: check boxes for the tags, only what the reader changed applied."""

from PySide6.QtCore import Qt

from conftest import SEEDS
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.ui.annotate.retag_dialog import RetagDialog, retagged
from ui_helpers import import_and_wait, make_window


def test_retagged_keeps_order_removes_and_adds_once():
    assert retagged(["甲", "乙", "丙"], ["丁", "乙"], {"甲"}) == ["乙", "丙", "丁"]
    assert retagged([], ["a b"], set()) == ["a b"]
    assert retagged(["甲"], [], {"甲"}) == []


def test_the_dialog_checks_what_all_have_and_partly_what_some_have(qtbot):
    dialog = RetagDialog(["direct quote", "要点", "数据"], [["要点", "数据"], ["要点", "旧"]], None)
    qtbot.addWidget(dialog)
    state = {name: box.checkState() for name, box in dialog.boxes.items()}
    assert state == {
        "direct quote": Qt.CheckState.Unchecked,
        "要点": Qt.CheckState.Checked,
        "数据": Qt.CheckState.PartiallyChecked,
        "旧": Qt.CheckState.PartiallyChecked,  # not in the tag set, yet one has it
    }
    assert dialog.changes() == ([], set())  # OK at once changes nothing
    dialog.boxes["direct quote"].setChecked(True)
    dialog.boxes["要点"].setChecked(False)
    dialog.boxes["数据"].setCheckState(Qt.CheckState.Checked)
    dialog.new_tag.setText("  新  标签 ")
    assert dialog.changes() == (["direct quote", "数据", "新 标签"], {"要点"})
    dialog.new_tag.setText("要点")  # typed back: kept by all, as they had it
    assert dialog.changes() == (["direct quote", "数据"], set())


def test_retag_from_the_panel_applies_only_the_change_in_one_undo_step(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.open_article(window.tree_model.article_ids()[0], 0)
    library, article_id = window.library, window.reader.article.id
    tagset.save_tag(library, "direct quote", shortcut="1")  # the first in the list
    first = notes.create(library, article_id, 0, 4, tags=["要点", "数据"])
    second = notes.create(library, article_id, 10, 14, tags=["要点"])
    window.review.refresh()
    steps = window.annotator.undo_stack.count()
    window.review.retag([first.id, second.id])
    dialog = window.review.retag_dialog
    assert not dialog.boxes["direct quote"].icon().isNull()  # each tag in its colour
    dialog.accept()  # nothing changed: nothing done
    before = [notes.get(library, a.id).tags for a in (first, second)]
    assert sorted(first.tags) == ["数据", "要点"] and second.tags == ("要点",)
    assert [notes.get(library, a.id).tags for a in (first, second)] == before
    assert window.annotator.undo_stack.count() == steps
    panel = window.review.panel
    panel.view.selectAll()  # both rows chosen in the list, as Retag… takes them
    assert sorted(panel.selected_ids()) == sorted([first.id, second.id])
    window.review.retag(panel.selected_ids())
    dialog = window.review.retag_dialog
    dialog.boxes["direct quote"].setChecked(True)
    dialog.boxes["要点"].setChecked(False)
    dialog.accept()
    assert sorted(panel.selected_ids()) == sorted([first.id, second.id])  # still both
    assert sorted(notes.get(library, first.id).tags) == ["direct quote", "数据"]
    assert notes.get(library, second.id).tags == ("direct quote",)
    assert window.annotator.undo_stack.count() == steps + 1
    window.annotator.undo_stack.undo()
    assert [notes.get(library, a.id).tags for a in (first, second)] == before
