"""Annotating in the window: keys, undo, the panel, word selection, persistence."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton

from conftest import SEEDS
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.ui.annotate.annotations_panel import COLUMNS, AnnotationFilter, AnnotationsModel, Row
from ui_helpers import import_and_wait, make_window


def _window_with_article(qtbot, tmp_path, settings_file=None):
    window = make_window(qtbot, tmp_path, settings_file)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.open_article(window.tree_model.article_ids()[0], 0)
    return window


def _select(window, phrase):
    text = window.reader.article.text
    start = text.index(phrase)
    window.reader.pane.select_offsets(start, start + len(phrase))
    window.reader.pane.setFocus()
    return start, start + len(phrase)


def test_key_1_applies_the_bound_tag_and_undo_redo(qtbot, tmp_path):
    window = _window_with_article(qtbot, tmp_path)
    tagset.save_tag(window.library, "人物", shortcut="1", color="#2563eb")
    start, end = _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_1)
    [made] = notes.for_article(window.library, window.reader.article.id)
    assert (made.start, made.end, made.tags, made.quote) == (start, end, ("人物",), "唐丽娟")
    assert window.reader.pane.annotations_at(start)[0].id == made.id
    assert window.tree_model.article_index(made.article_id).siblingAtColumn(1).data() == "1"
    source = window.tree_model.article_index(made.article_id).parent()
    assert (
        source.siblingAtColumn(1).data() == "1" and source.parent().siblingAtColumn(1).data() == "1"
    )
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes.for_article(window.library, made.article_id) == []
    assert window.reader.pane.annotations_at(start) == []
    qtbot.keyClick(
        window.reader.pane,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert notes.for_article(window.library, made.article_id) == [made]


def test_h_highlights_and_delete_removes_and_overlaps_stay(qtbot, tmp_path):
    window = _window_with_article(qtbot, tmp_path)
    start, end = _select(window, "劳模服务宣讲团")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_H)
    window.reader.pane.select_offsets(start + 2, end + 3)
    window.annotator.highlight("blue")
    found = notes.for_article(window.library, window.reader.article.id)
    assert [a.color for a in found] == ["yellow", "blue"]
    assert len(window.reader.pane.annotations_at(start + 3)) == 2  # overlap: both marked
    window.annotator.undo_stack.undo()
    window.annotator.edit(found[0].id, color="green")
    assert notes.get(window.library, found[0].id).color == "green"
    window.annotator.undo_stack.undo()
    assert notes.get(window.library, found[0].id).color == "yellow"
    cursor = window.reader.pane.textCursor()
    cursor.setPosition(window.reader.pane.position_of(start + 1))
    window.reader.pane.setTextCursor(cursor)
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_Delete)
    assert notes.for_article(window.library, window.reader.article.id) == []


def test_panel_lists_filters_and_edits_notes(qtbot, tmp_path, qtmodeltester):
    window = _window_with_article(qtbot, tmp_path)
    article_id = window.reader.article.id
    _select(window, "唐丽娟")
    window.annotator.tag("人物")
    _select(window, "巫溪县天元乡")
    window.annotator.tag("地点")
    _select(window, "劳模服务宣讲团")
    window.annotator.note("值得展开")
    panel = window.review.panel
    assert panel.proxy.rowCount() == 3
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("地点"))
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 0).data() == "巫溪县天元乡"
    panel.tag_filter.setCurrentIndex(0)
    panel.text_filter.setText("展开")
    assert panel.proxy.rowCount() == 1
    panel.text_filter.clear()
    # edit a note in place: an undoable change
    note_index = panel.proxy.index(0, 2)
    panel.proxy.setData(note_index, "新批注")
    first = panel.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert notes.get(window.library, first).note == "新批注"
    qtmodeltester.check(panel.model, force_py=True)
    # several selected at once: delete together
    panel.view.selectAll()
    panel.deleteRequested.emit(panel.selected_ids())
    assert notes.for_article(window.library, article_id) == []
    window.annotator.undo_stack.undo()
    assert len(notes.for_article(window.library, article_id)) == 3


def test_annotations_model_passes_modeltester(qtmodeltester, library):
    from reader.core.ingest.importer import import_paths

    import_paths(library, [SEEDS / "001_3e7ffedcf53dbe3a.txt"])
    made = [
        notes.create(library, 1, i * 10, i * 10 + 5, tags=[f"t{i % 2}"], color="green")
        for i in range(5)
    ]
    model = AnnotationsModel()
    model.set_rows([Row(a, "节", "文章") for a in made], {"t0": "#ff0000"})
    proxy = AnnotationFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(model, force_py=True)
    proxy.set_filters(tag="t1")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 2


def test_a_narrow_panel_wraps_quotes_onto_two_lines_and_tags_whole(qtbot, library):
    from PySide6.QtGui import QTextLayout

    from reader.core.ingest.importer import import_paths
    from reader.ui.annotate.annotations_panel import AnnotationsPanel

    import_paths(library, [SEEDS / "001_3e7ffedcf53dbe3a.txt"])
    made = notes.create(library, 1, 0, 40, tags=["人物", "存疑"])
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.show_rows([Row(made, "节", "文章")], {})
    panel.resize(240, 400)
    panel.show()
    qtbot.waitExposed(panel)
    index = panel.proxy.index(0, COLUMNS.index("tags"))
    shown = index.data()
    assert shown.replace("\u2060", "") == "#人物  #存疑"
    # where a line may break: only between the tags, never inside one
    layout = QTextLayout(shown, panel.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(panel.fontMetrics().horizontalAdvance("#人物  #存"))  # not "#存疑"
    layout.endLayout()
    assert shown[: line.textLength()].replace("\u2060", "").strip() == "#人物"
    assert panel.view.wordWrap()
    row = panel.view.visualRect(panel.proxy.index(0, 0)).height()
    assert row >= 2 * panel.view.fontMetrics().lineSpacing()


def test_double_click_selects_the_jieba_word(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    src = tmp_path / "a.txt"
    src.write_text("# 标题\n\n我们坚持党建引领发展。\n", encoding="utf-8")
    import_and_wait(qtbot, window, [src])
    window.open_article(window.tree_model.article_ids()[0], 0)
    window.words.ready()
    pane = window.reader.pane
    offset = window.reader.article.text.index("党建") + 1
    cursor = pane.textCursor()
    cursor.setPosition(pane.position_of(offset))
    point = pane.cursorRect(cursor).center() + QPoint(1, 0)
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert pane.textCursor().selectedText() == "党建"


def test_user_words_change_the_segmentation(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    src = tmp_path / "a.txt"
    src.write_text("# 标题\n\n打造红岩红医党建品牌。\n", encoding="utf-8")
    import_and_wait(qtbot, window, [src])
    window.open_article(window.tree_model.article_ids()[0], 0)
    tagset.add_user_word(window.library, "红岩红医")
    window.words.ready()
    offset = window.reader.article.text.index("红岩红医") + 1
    start, end = window.reader.pane.word_at(offset)
    assert window.reader.article.text[start:end] == "红岩红医"


def test_review_status_and_tree_filter(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS])
    first, second = window.tree_model.article_ids()[:2]
    window.open_article(first, 0)
    box = window.review.status_box
    box.setCurrentIndex(box.findData("reviewed"))
    box.activated.emit(box.currentIndex())
    assert window.tree_model.article_index(first).data(Qt.ItemDataRole.UserRole + 4) == "reviewed"
    window.annotator.set_status(second, "needs_changes")
    window.review.tree_status.setCurrentIndex(window.review.tree_status.findData("reviewed"))
    library = window.filter_model.index(0, 0)
    source = window.filter_model.index(0, 0, library)
    assert window.filter_model.rowCount(library) == 1
    assert window.filter_model.rowCount(source) == 1
    assert window.filter_model.index(0, 0, source).data(Qt.ItemDataRole.UserRole + 2) == first
    window.annotator.undo_stack.undo()
    window.annotator.undo_stack.undo()
    from reader.core.library.articles import get_article

    assert get_article(window.library, first).status == "unread"


def test_end_to_end_annotations_survive_a_new_window(qtbot, tmp_path):
    settings_file = tmp_path / "settings.ini"
    window = _window_with_article(qtbot, tmp_path, settings_file)
    article_id = window.reader.article.id
    start, end = _select(window, "巫溪嫁花")
    window.annotator.highlight("pink")
    window.reader.pane.select_offsets(start, end)
    window.annotator.tag("非遗")
    window.reader.pane.select_offsets(start, end)
    window.annotator.note("国家级非物质文化遗产")
    window.annotator.set_status(article_id, "in_progress")
    window.close()
    again = make_window(qtbot, tmp_path, settings_file)
    assert again.reader.article.id == article_id
    # the same passage chosen again: one annotation takes the colour, the tag and the note
    [found] = notes.for_article(again.library, article_id)
    assert (found.color, found.tags, found.note) == ("pink", ("非遗",), "国家级非物质文化遗产")
    assert (found.start, found.end) == (start, end)
    assert len(again.reader.pane.annotations_at(start)) == 1
    assert again.review.status_box.currentData() == "in_progress"
    qtbot.waitUntil(lambda: again.review.panel.proxy.rowCount() == 1)  # filled next turn


def test_tag_manager_renames_and_asks_before_deleting(qtbot, tmp_path, monkeypatch, qtmodeltester):
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.annotate.tag_manager import TagManager

    window = _window_with_article(qtbot, tmp_path)
    _select(window, "唐丽娟")
    window.annotator.tag("人物")
    manager = TagManager(window.session, window)
    qtbot.addWidget(manager)
    qtmodeltester.check(manager.model, force_py=True)
    assert manager.model.rowCount() == 1
    manager.model.setData(manager.model.index(0, 0), "人物介绍")
    [made] = notes.for_article(window.library, window.reader.article.id)
    assert made.tags == ("人物介绍",)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    manager.view.setCurrentIndex(manager.model.index(0, 0))
    manager.delete()
    assert asked and "1" in asked[0]  # says how many annotations carry it
    assert tagset.tag(window.library, "人物介绍").uses == 1  # answered No: kept


def test_settings_words_take_effect_at_once_and_shift_moves_by_words(qtbot, tmp_path):
    from reader.ui.dialogs.settings_dialog import SettingsDialog

    window = make_window(qtbot, tmp_path)
    src = tmp_path / "a.txt"
    src.write_text("# 标题\n\n关心新业态劳动者的权益。\n", encoding="utf-8")
    import_and_wait(qtbot, window, [src])
    window.open_article(window.tree_model.article_ids()[0], 0)
    window.words.ready()
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    dialog.words.setPlainText("新业态劳动者")
    dialog.annotator.setText("编辑乙")
    dialog.snap.setChecked(True)
    dialog.accept()
    assert tagset.user_words(window.library) == ["新业态劳动者"]
    assert window.annotator.annotator == "编辑乙"
    text = window.reader.article.text
    start, end = window.reader.pane.word_at(text.index("业态"))
    assert text[start:end] == "新业态劳动者"
    pane = window.reader.pane
    cursor = pane.textCursor()
    cursor.setPosition(pane.position_of(text.index("新业态")))
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().selectedText() == "新业态劳动者"
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane, Qt.Key.Key_Left, alt_shift)  # one character off its end
    assert pane.textCursor().selectedText() == "新业态劳动"
    qtbot.keyClick(pane, Qt.Key.Key_Right, alt_shift)
    qtbot.keyClick(pane, Qt.Key.Key_Right, alt_shift)  # and one past it
    assert pane.textCursor().selectedText() == "新业态劳动者的"
    pane.select_offsets(text.index("业态"), text.index("劳动") + 1)
    pane.snap_selection()
    assert pane.textCursor().selectedText() == "新业态劳动者"


def test_export_dialog_previews_filters_and_writes(qtbot, tmp_path):
    from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

    window = _window_with_article(qtbot, tmp_path)
    _select(window, "唐丽娟")
    window.annotator.tag("人物")
    _select(window, "劳模服务宣讲团")
    window.annotator.highlight("green")
    with qtbot.waitSignal(window.jobs.finished, timeout=30_000):  # the first preview
        dialog = ExportDialog(window.session, ArticleChoice(window.reader.article.id, ()), window)
    qtbot.addWidget(dialog)
    assert "> 唐丽娟" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.tag.setCurrentIndex(dialog.tag.findData("人物"))
    assert "劳模服务宣讲团" not in dialog.preview.toPlainText()
    assert dialog.said.text() == ""
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.status.setCurrentIndex(dialog.status.findData("reviewed"))  # none reviewed
    assert dialog.said.text() == "No annotation matches: choose other articles or filters."
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.status.setCurrentIndex(0)
    assert dialog.said.text() == ""
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):  # this article, no such
        dialog.colour.setCurrentIndex(dialog.colour.findData("blue"))  # colour: said too
    assert dialog.said.text() == "No annotation matches: choose other articles or filters."
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.colour.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    assert dialog.preview.toPlainText() == "A Word document: 1 annotation in 1 article."
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.tag.setCurrentIndex(0)  # every tag: two annotations
    assert dialog.preview.toPlainText() == "A Word document: 2 annotations in 1 article."
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.tag.setCurrentIndex(dialog.tag.findData("人物"))
    with qtbot.waitSignal(dialog.previewShown, timeout=30_000):
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.preview.toPlainText().startswith("article,section,quote")
    target = tmp_path / "notes.csv"
    with qtbot.waitSignal(dialog.exportEnded, timeout=30_000):
        dialog.export_to(target)
    data = target.read_bytes()
    assert dialog.said.text() == f"Exported {target} ({len(data):,} bytes)"  # said in place
    assert data.startswith(b"\xef\xbb\xbf") and "唐丽娟".encode() in data
    assert "劳模服务宣讲团".encode() not in data


def test_import_notes_through_the_window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from reader.core.exchange.exporting import ExportFilter, collect, render, write_atomically
    from reader.ui.dialogs.export_dialog import import_notes_dialog

    window = _window_with_article(qtbot, tmp_path)
    _select(window, "唐丽娟")
    window.annotator.tag("人物")
    path = tmp_path / "notes.jsonl"
    write_atomically(path, render("jsonl", collect(window.library, ExportFilter())))
    window.annotator.undo_stack.undo()
    assert notes.for_article(window.library, window.reader.article.id) == []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(window.jobs.finished, timeout=30_000):
        import_notes_dialog(window.session, window, window.notes_imported)
    assert [a.quote for a in notes.for_article(window.library, window.reader.article.id)] == [
        "唐丽娟"
    ]
    assert window.reader.pane.annotations_at(window.reader.article.text.index("唐丽娟"))


def test_redo_from_the_keyboard_ctrl_shift_z_and_ctrl_y(qtbot, tmp_path):
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    window = _window_with_article(qtbot, tmp_path)
    # every key is registered once: a key bound twice is ambiguous and does nothing
    keys: list[str] = []
    for action in window.findChildren(QAction):
        keys += [s.toString() for s in action.shortcuts() if not s.isEmpty()]
    for shortcut in window.findChildren(QShortcut):
        keys += [s.toString() for s in shortcut.keys() if not s.isEmpty()]  # noqa: SIM118
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    redo_keys = {s.toString() for s in window.review.actions["redo"].shortcuts()}
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= redo_keys
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)  # xcb: Ctrl+Shift+Z first
    assert {s.toString() for s in platform} <= redo_keys
    tagset.save_tag(window.library, "人物", shortcut="1", color="#2563eb")
    _select(window, "唐丽娟")
    pane = window.reader.pane
    qtbot.keyClick(pane, Qt.Key.Key_1)
    [made] = notes.for_article(window.library, window.reader.article.id)
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for key, modifiers in ((Qt.Key.Key_Z, control | shift), (Qt.Key.Key_Y, control)):
        qtbot.keyClick(pane, Qt.Key.Key_Z, control)
        assert notes.for_article(window.library, made.article_id) == []
        assert pane.hasFocus()
        qtbot.keyClick(pane, key, modifiers)
        assert notes.for_article(window.library, made.article_id) == [made], key
        assert pane.annotations_at(made.start)[0].id == made.id


def test_a_passage_chosen_in_the_list_takes_the_note_tag_and_colour_itself(qtbot, tmp_path):
    """A row clicked in the annotations list selects its passage: N, a tag key or a colour
    then go to that annotation, not to a second one on the same words."""
    window = _window_with_article(qtbot, tmp_path)
    window.settings.set("annotator", "甲")
    tagset.save_tag(window.library, "人物", shortcut="1", color="#2563eb")
    tagset.save_tag(window.library, "地点", shortcut="2", color="#16a34a")
    start, end = _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_1)
    [made] = notes.for_article(window.library, window.reader.article.id)
    panel, view = window.review.panel, window.review.panel.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0, 0)).center(),
    )
    assert window.reader.pane.selection_offsets() == (start, end)
    window.annotator.note("旧")  # a note it had
    window.reader.pane.select_offsets(start, end)
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_N)
    editor = window.review.ui.note_editor
    assert editor is not None and editor.edit.toPlainText() == "旧"  # its note, to edit
    editor.edit.setPlainText("劳模")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.reader.pane.select_offsets(start, end)
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_2)
    window.reader.pane.select_offsets(start, end)
    window.annotator.highlight("green")
    [after] = notes.for_article(window.library, window.reader.article.id)
    assert after.id == made.id
    assert (after.note, after.tags, after.color) == ("劳模", ("人物", "地点"), "green")
    # another annotator's annotation on the same words is theirs: a new one is made
    window.settings.set("annotator", "乙")
    window.reader.pane.select_offsets(start, end)
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_1)
    assert len(notes.for_article(window.library, window.reader.article.id)) == 2
    assert panel is window.review.panel


def test_the_selection_bar_names_the_keys_that_do_the_same(qtbot, tmp_path):
    window = _window_with_article(qtbot, tmp_path)
    bar = window.review.ui.bar
    tips = [button.toolTip() for button, _ in bar.swatches]
    assert tips[0] == "Highlight in yellow (H: the last colour)"
    texts = {b.text(): b.toolTip() for b in bar.findChildren(QToolButton) if b.text()}
    assert "1–9" in texts["#"] and "(N)" in texts["✎"]


def test_theme_and_language_are_in_the_settings_too_and_the_menu_follows(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    dialog = window.open_settings()
    assert dialog.theme.currentData() == "light" and dialog.language.currentData() == "system"
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    assert window.theme.name == "dark" and window.settings.text("theme", "") == "dark"
    assert window.actions_["theme_dark"].isChecked()
    assert window.settings.text("language", "") == "zh_CN"
    assert window.actions_["language_zh_CN"].isChecked()
    again = window.open_settings()  # what was chosen is what it shows
    assert again.theme.currentData() == "dark" and again.language.currentData() == "zh_CN"
    again.reject()
    window.set_theme("light")


def test_the_row_worked_on_stays_chosen_after_an_edit(qtbot, tmp_path):
    window = _window_with_article(qtbot, tmp_path)
    _select(window, "唐丽娟")
    window.annotator.highlight("green")
    _select(window, "劳模服务宣讲团")
    window.annotator.highlight("yellow")
    panel = window.review.panel
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 2)
    panel.select_annotation(notes.for_article(window.library, window.reader.article.id)[1].id)
    chosen = panel.selected_ids()
    assert len(chosen) == 1
    window.annotator.edit(chosen[0], note="改过", text="Edit note")
    qtbot.waitUntil(lambda: notes.get(window.library, chosen[0]).note == "改过")
    assert panel.selected_ids() == chosen


def test_the_article_column_names_each_rows_article_when_shown(qtbot, tmp_path):
    window = _window_with_article(qtbot, tmp_path)
    title = window.reader.article.title
    _select(window, "唐丽娟")
    window.annotator.tag("人物")
    panel = window.review.panel
    header, column = panel.view.header(), COLUMNS.index("article")
    assert header.isSectionHidden(column)  # hidden at first: the panel is narrow
    panel.library_scope.setChecked(True)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    assert panel.proxy.index(0, column).data() == title
    assert panel.model.headerData(column, Qt.Orientation.Horizontal) == "Article"
    [article] = [a for a in panel.columns_menu().actions() if a.text() == "Article"]
    article.setChecked(True)  # the header's menu shows it
    assert not header.isSectionHidden(column)
    assert title in panel.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
