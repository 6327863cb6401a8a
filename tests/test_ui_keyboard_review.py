"""Working through annotations from the keyboard: the list, Alt+]/Alt+[, sections."""

from PySide6.QtCore import Qt

from conftest import SEEDS
from reader.core.notes import annotations as notes
from reader.core.text.model import BlockKind
from reader.ui.annotate.annotations_panel import ANNOTATION_ROLE
from ui_helpers import import_and_wait, make_window


def _window(qtbot, tmp_path, phrases=("唐丽娟", "劳模服务宣讲团", "巫溪县天元乡")):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.open_article(window.tree_model.article_ids()[0], 0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    text = window.reader.article.text
    made = []
    for phrase in phrases:
        start = text.index(phrase)
        made.append(notes.create(window.library, window.reader.article.id, start, start + 3))
    window.review.refresh()
    return window, sorted(made, key=lambda a: a.start)


def test_rows_chosen_with_the_arrows_select_their_passage_and_delete_deletes_them(qtbot, tmp_path):
    window, made = _window(qtbot, tmp_path)
    panel, pane = window.review.panel, window.reader.pane
    pane.select_offsets(made[2].start, made[2].start)  # the text's cursor elsewhere
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    row = panel.view.currentIndex()
    assert row.data(ANNOTATION_ROLE) == made[1].id
    assert pane.selection_offsets() == (made[1].start, made[1].end)  # the text follows
    assert panel.view.hasFocus()  # and the keys stay in the list
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    left = {a.id for a in notes.for_article(window.library, window.reader.article.id)}
    assert left == {made[0].id, made[2].id}  # the row's, not the one at the text cursor


def test_alt_brackets_step_through_the_articles_annotations(qtbot, tmp_path):
    window, made = _window(qtbot, tmp_path)
    pane, actions = window.reader.pane, window.menus.actions
    pane.select_offsets(0, 0)
    seen = []
    for _ in made:
        actions["next_annotation"].trigger()
        seen.append(pane.selection_offsets())
        assert window.review.panel.selected_ids() == [made[len(seen) - 1].id]
    assert seen == [(a.start, a.end) for a in made]
    actions["next_annotation"].trigger()  # none after the last: it stays, and says so
    assert pane.selection_offsets() == seen[-1]
    assert window.status_line.message.text() == "No annotation after this one."
    actions["previous_annotation"].trigger()
    assert pane.selection_offsets() == seen[-2]
    assert actions["next_annotation"].shortcut().toString() == "Alt+]"


def test_going_to_a_section_puts_the_cursor_there(qtbot, tmp_path):
    window, _ = _window(qtbot, tmp_path, phrases=())
    pane = window.reader.pane
    headings = [b.start for b in window.reader.article.blocks if b.kind == BlockKind.HEADING]
    pane.select_offsets(0, 0)
    window.step_section(1)
    assert pane.selection_offsets() == (headings[0], headings[0])
    article = window.reader.article.id
    window.library_tree.sectionActivated.emit(article, headings[1])
    assert pane.selection_offsets() == (headings[1], headings[1])


def test_undo_of_a_change_in_another_article_opens_it_and_says_so(qtbot, tmp_path):
    from reader.core.library.articles import get_article

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    first, second = window.tree_model.article_ids()[:2]
    window.open_article(first, 0)
    text = window.reader.article.text
    start = text.index("唐丽娟")
    window.reader.pane.select_offsets(start, start + 3)
    window.annotator.tag("人物")
    window.annotator.set_status(first, "reviewed")
    window.open_article(second, 0)
    stack = window.annotator.undo_stack
    stack.undo()  # the status, set in the first article
    assert (
        window.reader.article.id == first and get_article(window.library, first).status == "unread"
    )
    assert window.status_line.message.text() == "Undone here: Set review status"
    window.open_article(second, 0)
    stack.undo()  # the tag: back in the first article, at the place it was made
    assert window.reader.article.id == first
    assert notes.for_article(window.library, first) == []
    assert window.reader.pane.is_offset_visible(start)
    window.open_article(second, 0)
    stack.redo()
    assert window.reader.article.id == first
    assert window.status_line.message.text() == "Redone here: Tag “人物”"
    assert [a.quote for a in notes.for_article(window.library, first)] == ["唐丽娟"]
    stack.redo()  # in the article open: nothing to go back to, nothing said
    assert (
        window.reader.article.id == first
        and get_article(window.library, first).status == "reviewed"
    )


def test_a_selection_taking_in_a_paragraph_break_leaves_it_out(qtbot, tmp_path):
    window, _ = _window(qtbot, tmp_path, phrases=())
    text, pane = window.reader.article.text, window.reader.pane
    brk = next(
        i for i in range(1, len(text) - 6) if text[i] == "\n" and text[i + 1 : i + 5].strip()
    )
    words = len(text[brk + 1 :]) - len(text[brk + 1 :].lstrip())  # any indent after it
    first = brk + 1 + words
    pane.select_offsets(brk, first + 4)  # from the end of one paragraph (Shift+→ from there)
    window.annotator.tag("重点")
    [made] = notes.for_article(window.library, window.reader.article.id)
    assert (made.start, made.end, made.quote) == (first, first + 4, text[first : first + 4])
    pane.select_offsets(brk, brk + 1)  # nothing but the break: nothing made
    window.annotator.tag("重点")
    assert len(notes.for_article(window.library, window.reader.article.id)) == 1


def test_tab_goes_through_the_panel_as_it_reads(qtbot, tmp_path):
    window, _ = _window(qtbot, tmp_path)
    panel = window.review.panel
    order = [panel.text_filter, panel.library_scope, panel.tag_filter, panel.colour_filter]
    order += [panel.annotator_filter, panel.sort, panel.view]
    chain, widget = [], order[0]
    for _ in range(200):  # the focus chain from the filter box, its own parts left out
        if widget in order and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == order


def test_binding_a_free_key_to_a_tag_with_a_key_says_the_old_one_is_free(qtbot, tmp_path):
    from reader.core.notes import tags as tagset

    window, _ = _window(qtbot, tmp_path, phrases=())
    tagset.save_tag(window.library, "数据", shortcut="3")
    window.reader.pane.select_offsets(0, 2)
    window.annotator.bind_new_tag("7", "数据")
    assert tagset.tag(window.library, "数据").shortcut == "7"
    assert window.status_line.message.text() == "“数据” moved from key 3 to key 7; key 3 is free."
    window.annotator.bind_new_tag("8", "新的")  # a new tag: nothing moved, nothing said
    assert window.status_line.message.text() == "“数据” moved from key 3 to key 7; key 3 is free."


def test_the_highlight_menus_swatches_follow_the_theme(qtbot, tmp_path):
    from PySide6.QtWidgets import QMenu

    from reader.core.notes.vocab import PALETTE

    window, _ = _window(qtbot, tmp_path, phrases=())

    def swatches():
        menu = QMenu()
        window.review.ui.fill_menu(menu)
        [highlight] = [a.menu() for a in menu.actions() if a.menu() is not None][:1]
        return [
            a.icon().pixmap(16, 16).toImage().pixelColor(8, 8).name() for a in highlight.actions()
        ]

    window.set_theme("dark")
    assert swatches() == [c.dark.lower() for c in PALETTE]
    window.set_theme("light")
    assert swatches() == [c.light.lower() for c in PALETTE]
