"""The window's room at 1000×700 and 1600×1000: the tree's titles, the annotations
panel's columns, filters and empty state, and the search dock's height."""

from __future__ import annotations

import random

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from conftest import SEEDS
from ui_helpers import import_and_wait, make_window

SEED = SEEDS / "000_b7740f99fc43d814.txt"


def _annotate(window, count: int = 40) -> None:
    from reader.core.notes import annotations as notes

    article = window.reader.article
    rng = random.Random(5)
    for i in range(count):
        start = rng.randrange(len(article.text) - 30)
        notes.create(
            window.library,
            article.id,
            start,
            start + rng.randint(2, 30),
            color=rng.choice(["yellow", "green", None]),
            tags=[f"标签{i % 4}"] if i % 3 else [],
            note="check the figures against the county report" if i % 4 == 0 else "",
            annotator="读者",
        )
    window.review.annotations_changed(article.id)


def _resize(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    # the layout's own turns (docks, splitters, the page's margins) until nothing moves:
    # a fixed wait was too short on a loaded machine (the old code failed there too)
    seen: list[tuple[int, ...]] = []

    def settled() -> bool:
        qtbot.wait(50)
        seen.append(_widths(window))
        return len(seen) >= 4 and len(set(seen[-4:])) == 1

    qtbot.waitUntil(settled, timeout=10_000)


def _widths(window) -> tuple[int, ...]:
    pane = window.reader.pane
    return (round(pane.column_width()), window.library_tree.width(), pane.width())


def _window(qtbot, tmp_path, annotations: int = 40):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEED])
    if annotations:
        _annotate(window, annotations)
    return window


def _shows_whole(combo: QComboBox) -> bool:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    content = QSize(metrics.horizontalAdvance(combo.currentText()), metrics.height())
    style = combo.style()
    needed = style.sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content, combo)
    return combo.width() >= needed.width()


# --- 2. the tree ---------------------------------------------------------------------------
def test_at_1600_the_tree_takes_the_pages_spare_width(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    _resize(qtbot, window, 1000, 700)
    _resize(qtbot, window, 1600, 1000)
    pane, tree = window.reader.pane, window.library_tree
    assert pane.chars_per_line() >= 40  # the column is at its widest
    frame = pane.document().rootFrame().frameFormat()
    assert frame.leftMargin() <= 80  # not ~180 px of empty paper each side
    assert tree.width() > 300
    assert window.review.dock.width() >= 280


def test_at_1000_the_tree_keeps_room_for_titles_whole_on_hover(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    _resize(qtbot, window, 1000, 700)
    assert window.reader.pane.chars_per_line() >= 30
    tree = window.library_tree
    view, model = tree.view, window.tree_model
    article = window.reader.article
    index = tree.to_view(model.article_index(article.id))
    view.scrollTo(index)
    room = view.visualRect(index).width() - view.iconSize().width() - 8
    em = QFontMetrics(view.font()).horizontalAdvance("字")
    assert room >= 8 * em  # the start and the end of a title, not 4–5 characters
    assert view.textElideMode() == Qt.TextElideMode.ElideRight  # the start is kept
    assert index.data(Qt.ItemDataRole.ToolTipRole) == article.title
    source = index.parent()
    assert source.data() in source.data(Qt.ItemDataRole.ToolTipRole)  # the whole title
    edit = tree.filter_edit
    wanted = QFontMetrics(edit.font()).horizontalAdvance(edit.placeholderText())
    assert wanted + 16 <= edit.width()  # the placeholder is not cut


def test_the_count_column_takes_no_room_without_annotations(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, annotations=0)
    assert window.library_tree.view.columnWidth(1) <= 4


# --- 3. the annotations panel -----------------------------------------------------------------
def test_quote_and_note_share_the_width_the_rest_on_request(qtbot, tmp_path):
    from reader.ui.annotate.annotations_panel import COLUMNS

    window = _window(qtbot, tmp_path)
    panel = window.review.panel
    view, header = panel.view, panel.view.header()
    note = COLUMNS.index("note")
    for width, height in ((1000, 700), (1600, 1000)):
        _resize(qtbot, window, width, height)
        assert not view.horizontalScrollBar().isVisible()
        right = header.sectionViewportPosition(note) + header.sectionSize(note)
        assert header.sectionSize(note) >= 60 and right <= view.viewport().width()
        for combo in (panel.tag_filter, panel.colour_filter, panel.annotator_filter, panel.sort):
            assert _shows_whole(combo), combo.currentText()
        for button in panel._buttons:  # a label is never cut (重设标签… was, at 1000 px)
            label = button.fontMetrics().horizontalAdvance(button.text())
            assert button.width() >= label + 8, button.text()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert [COLUMNS[c] for c in shown] == ["quote", "tags", "note"]
    menu = panel.columns_menu()  # the header's context menu
    [date] = [a for a in menu.actions() if a.text() == "Date"]
    assert not date.isChecked()
    date.trigger()
    assert not header.isSectionHidden(COLUMNS.index("date"))


def test_an_empty_panel_says_how_to_annotate_and_keeps_narrow(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, annotations=0)
    panel, dock = window.review.panel, window.review.dock
    qtbot.waitUntil(lambda: dock.width() <= 200)
    assert panel.placeholder.isVisible() and "1–9" in panel.placeholder.text()
    assert not panel.view.isVisible()  # no empty table, no scroll bar
    _annotate(window, 3)
    qtbot.waitUntil(lambda: dock.width() >= 220)
    assert panel.view.isVisible() and not panel.placeholder.isVisible()
    # empty again (an article without annotations): the text keeps its width, not re-wrapped
    seen = []

    def settled() -> bool:  # the room is made over a few turns
        seen.append((dock.width(), window.reader.pane.viewport().width()))
        return len(seen) > 3 and len(set(seen[-4:])) == 1

    qtbot.waitUntil(settled)
    wide, text = seen[-1]
    from reader.core.notes import annotations as notes

    article_id = window.reader.article.id
    notes.delete(window.library, [a.id for a in notes.for_article(window.library, article_id)])
    window.review.annotations_changed(article_id)
    qtbot.waitUntil(panel.placeholder.isVisible)
    qtbot.wait(50)  # the room is made a turn later
    assert dock.width() == wide and window.reader.pane.viewport().width() == text


# --- 4. the search dock ------------------------------------------------------------------------
def test_the_search_dock_opens_low_and_can_be_made_taller(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, annotations=0)
    _resize(qtbot, window, 1000, 700)
    window.show_search()
    dock = window.search_dock
    qtbot.waitUntil(lambda: dock.isVisible() and dock.height() > 0)
    qtbot.wait(100)
    assert 0.24 * window.height() <= dock.height() <= 0.3 * window.height()
    assert window.reader.pane.viewport().height() >= 0.55 * window.height()
    window.run_search("的")
    view = dock.widget().view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    rows = view.viewport().height() / view.sizeHintForRow(0)
    assert rows >= 5  # hits enough to choose from, the text still most of the height
    window.resizeDocks([dock], [320], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: abs(dock.height() - 320) <= 8)


def test_a_restart_leaves_the_search_dock_closed_and_the_view_menu_opens_it(qtbot, tmp_path):
    from reader.ui.window.view_state import save_window

    window = _window(qtbot, tmp_path, annotations=0)
    window.show_search()
    qtbot.waitUntil(window.search_dock.isVisible)
    save_window(window)  # as quitting does
    window.close()
    again = make_window(qtbot, tmp_path, library=tmp_path / "lib.sqlite3")
    assert not again.search_dock.isVisible()  # an empty search would take the text's room
    toggle = again.search_dock.toggleViewAction()
    assert toggle in again.menu_named("view").actions()
    toggle.trigger()
    qtbot.waitUntil(again.search_dock.isVisible)
