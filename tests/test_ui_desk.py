"""The desk defects of issue #12: reading position, layout widths, annotating friction."""

from __future__ import annotations

import sqlite3

from conftest import SEEDS
from ui_helpers import import_and_wait, make_window


def _stored_position(path, article_id: int) -> int:
    """Read through a separate connection, as the next start (after a kill) would."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT reading_position FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return int(row[0])
    finally:
        conn.close()


def test_reading_position_is_saved_while_scrolling(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    article = window.reader.article
    pane = window.reader.pane
    assert _stored_position(window.library_path, article.id) == 0
    bar = pane.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    where = pane.anchor_offset()
    assert where > 0
    # no article change, no close: the debounce alone writes it
    qtbot.waitUntil(
        lambda: _stored_position(window.library_path, article.id) == where, timeout=10_000
    )
    bar.setValue(bar.maximum())
    qtbot.waitUntil(
        lambda: _stored_position(window.library_path, article.id) == pane.anchor_offset(),
        timeout=10_000,
    )
    assert pane.anchor_offset() > where


def _chars_per_line(window) -> float:
    from PySide6.QtGui import QFontMetricsF

    pane = window.reader.pane
    return pane.viewport().width() / QFontMetricsF(pane.reading_font()).horizontalAdvance("中")


def test_the_reading_column_keeps_its_width_at_1000_by_700(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.width() == 1000)
    qtbot.waitUntil(lambda: _chars_per_line(window) >= 30)  # the docks gave way
    dock = window.review.dock
    assert dock.isVisible() and dock.width() <= 300  # an empty panel takes little room
    assert window.library_tree.width() >= 180  # the tree keeps room for titles
    # the source view opens beside the text without squeezing it to a few characters
    window.actions_["source"].trigger()
    qtbot.waitUntil(lambda: window.reader.source.width() > 0)
    qtbot.waitUntil(lambda: _chars_per_line(window) >= 22)
    assert window.reader.source.width() >= 150
    window.actions_["source"].trigger()
    # the panel's columns are the reader's to resize; the last one takes what is left
    header = window.review.panel.view.header()
    modes = {header.sectionResizeMode(c) for c in range(header.count())}
    assert modes == {QHeaderView.ResizeMode.Interactive} and header.stretchLastSection()
    assert header.sectionSize(0) >= 120  # the quote column is readable
    # titles cut short in the tree are whole on hover
    model = window.tree_model
    index = model.article_index(window.reader.article.id)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == window.reader.article.title
