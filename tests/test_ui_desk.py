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
