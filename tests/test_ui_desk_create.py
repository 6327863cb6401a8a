"""Issue #12: creating an annotation through the window adds one mark and one row,
without reading the article's annotations again or rebuilding the others."""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint

from conftest import SEEDS
from ui_helpers import import_and_wait, make_window


def _window_with_notes(qtbot, tmp_path, count: int = 60):
    from reader.core.notes import annotations as notes

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    article = window.reader.article
    rng = random.Random(3)
    for i in range(count):
        start = rng.randrange(len(article.text) - 20)
        notes.create(
            window.library,
            article.id,
            start,
            start + rng.randint(2, 12),
            color="blue",
            tags=[f"t{i % 3}"] if i % 2 else [],
            annotator="other",
        )
    window.review.annotations_changed(article.id)  # as after an import of notes
    return window, article


def _panel_ids(window) -> list[str]:
    from reader.ui.annotate.annotations_panel import ANNOTATION_ROLE

    model = window.review.panel.model
    return [model.index(r, 0).data(ANNOTATION_ROLE) for r in range(model.rowCount())]


def test_creating_adds_one_mark_and_one_row_without_a_full_refresh(qtbot, tmp_path, monkeypatch):
    from reader.core.notes import annotations as notes

    window, article = _window_with_notes(qtbot, tmp_path)
    pane, panel = window.reader.pane, window.review.panel
    start = article.text.index("唐丽娟")
    pane.scroll_to_offset(start)  # one annotates what one sees
    before = list(pane.extraSelections())
    marks_before = len(pane.marks)
    count_index = window.tree_model.article_index(article.id).siblingAtColumn(1)
    count_before = int(count_index.data())
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))

    def no_rereading(*_args, **_kwargs):
        raise AssertionError("the whole article's annotations were read again")

    monkeypatch.setattr(notes, "for_article", no_rereading)
    monkeypatch.setattr(notes, "all_annotations", no_rereading)
    pane.select_offsets(start, start + 3)
    window.annotator.tag("人物")
    monkeypatch.undo()

    [made] = [a for a in notes.for_article(window.library, article.id) if a.tags == ("人物",)]
    assert len(pane.marks) == marks_before + 1 and pane.marks[-1].id == made.id
    after = {(s.cursor.anchor(), s.cursor.position()) for s in pane.extraSelections()}
    assert {(s.cursor.anchor(), s.cursor.position()) for s in before} <= after
    assert (start, start + 3) in after  # the new mark is shown
    assert resets == []  # a row inserted, not the model reset
    ids = _panel_ids(window)
    stored = [a.id for a in notes.for_article(window.library, article.id)]
    assert ids == stored  # in its place by position, like a full refresh would put it
    assert panel.tag_filter.findData("人物") >= 0
    assert int(count_index.data()) == count_before + 1

    window.session.undo_stack.undo()  # the mark, the row and the count go again
    assert made.id not in {m.id for m in pane.marks}
    assert (start, start + 3) not in {
        (s.cursor.anchor(), s.cursor.position()) for s in pane.extraSelections()
    }
    assert made.id not in _panel_ids(window) and len(_panel_ids(window)) == len(stored) - 1
    assert int(count_index.data()) == count_before
    window.session.undo_stack.redo()
    assert _panel_ids(window) == stored and pane.marks[-1].id == made.id


def test_a_new_row_goes_first_when_sorted_by_date(qtbot, tmp_path):
    window, article = _window_with_notes(qtbot, tmp_path, count=10)
    panel = window.review.panel
    panel.sort.setCurrentIndex(1)
    start = article.text.index("唐丽娟")
    window.reader.pane.select_offsets(start, start + 3)
    window.annotator.highlight("yellow")
    made = window.reader.pane.marks[-1].id
    assert _panel_ids(window)[0] == made
    assert len(_panel_ids(window)) == 11


def test_qt_is_handed_the_marks_near_the_view_and_more_as_one_scrolls(qtbot, tmp_path):
    window, _article = _window_with_notes(qtbot, tmp_path, count=200)
    pane = window.reader.pane
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.width() == 1000)
    pane.scroll_to_offset(0, margin=0)

    def handed() -> set[tuple[int, int]]:
        return {
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.extraSelections()
        }

    def marks_between(first: int, last: int) -> set[tuple[int, int]]:
        return {
            (pane.position_of(m.start), pane.position_of(m.end))
            for m in pane.marks
            if m.start < last and m.end > first
        }

    def in_view() -> tuple[int, int]:
        top = pane.top_offset()
        bottom = pane.offset_at(QPoint(pane.viewport().width(), pane.viewport().height()))
        return top, bottom

    assert len(handed()) < len(pane.marks)  # not all 200 at once
    assert marks_between(*in_view()) <= handed()  # but every one in view
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert marks_between(*in_view()) <= handed()
    assert marks_between(*in_view())  # the test sees some there
    bar.setValue(bar.maximum() // 2)
    assert marks_between(*in_view()) <= handed()


def _reopened(qtbot, tmp_path):
    """An article with 200 annotations opened in the middle, and nothing run since."""
    from reader.core.notes import annotations as notes

    window, article = _window_with_notes(qtbot, tmp_path, count=200)
    stored = notes.for_article(window.library, article.id)
    other = next(i for i in window.tree_model.article_ids() if i != article.id)
    window.open_article(other, 0)
    qtbot.wait(20)
    window.open_article(article.id, stored[len(stored) // 2].start)
    return window, stored


def _handed(pane) -> set[tuple[int, int]]:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.extraSelections()}


def _in_view(pane, stored) -> set[tuple[int, int]]:
    viewport = pane.viewport()
    top = pane.offset_at(QPoint(0, 0))
    bottom = pane.offset_at(QPoint(viewport.width(), viewport.height()))
    return {
        (pane.position_of(a.start), pane.position_of(a.end))
        for a in stored
        if a.start <= bottom and a.end >= top
    }


def test_opening_marks_what_is_in_view_at_once_and_the_rest_on_the_next_turn(
    qtbot, tmp_path, monkeypatch
):
    window, stored = _reopened(qtbot, tmp_path)
    pane = window.reader.pane
    in_view = _in_view(pane, stored)
    assert pane.top_offset() > 0 and in_view and in_view <= _handed(pane)  # painted with it
    assert len(pane.marks) < len(stored)  # the others are not read yet
    qtbot.waitUntil(lambda: len(pane.marks) == len(stored))
    assert [m.id for m in pane.marks] == [a.id for a in stored]
    assert _panel_ids(window) == [a.id for a in stored]
    assert in_view <= _handed(pane) and len(_handed(pane)) < len(stored)

    handed = _handed(pane)
    made: list[tuple[int, int]] = []
    make = pane._layer.make

    def recording(start, end, char_format):
        made.append((start, end))
        return make(start, end, char_format)

    monkeypatch.setattr(pane._layer, "make", recording)
    window.review.refresh_marks()  # the same marks again: the selections made are kept
    assert not set(made) & handed  # none made again (the view may have moved onto others)
    assert in_view <= _handed(pane)


def test_a_view_moved_before_the_next_turn_has_every_mark_at_once(qtbot, tmp_path):
    window, stored = _reopened(qtbot, tmp_path)
    pane = window.reader.pane
    assert len(pane.marks) < len(stored)
    pane.scroll_to_offset(stored[len(stored) // 4].start)  # as a jump from the panel does
    assert len(pane.marks) == len(stored)
    assert _in_view(pane, stored) <= _handed(pane)
    assert _panel_ids(window) == []  # the panel still fills on the next turn
    qtbot.waitUntil(lambda: _panel_ids(window) == [a.id for a in stored])


def test_the_panel_fills_follow_the_theme(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from reader.core.notes.vocab import COLOURS

    window, _article = _window_with_notes(qtbot, tmp_path, count=5)  # all blue
    model = window.review.panel.model

    def fill() -> str:
        return model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).name()

    assert fill() == COLOURS["blue"].light
    window.set_theme("dark")
    assert fill() == COLOURS["blue"].dark
    window.set_theme("light")
    assert fill() == COLOURS["blue"].light
