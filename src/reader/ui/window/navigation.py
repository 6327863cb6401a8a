"""Go → next and previous article, section and annotation; the cursor put at a section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.text.model import BlockKind

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def step_article(window: MainWindow, delta: int) -> None:
    """The next or previous article the tree shows: with a filter on, its order."""
    tree = window.library_tree
    ids = tree.visible_article_ids()
    article = window.reader.article
    if not ids:
        return
    if article is not None and article.id in ids:
        where = ids.index(article.id) + delta
    elif article is not None:  # the open one is filtered out: the nearest shown one
        order = {i: n for n, i in enumerate(window.tree_model.article_ids())}
        here = order.get(article.id, -1)
        after = [n for n, i in enumerate(ids) if order.get(i, -1) > here]
        where = (after[0] if after else len(ids)) - (1 if delta < 0 else 0)
    else:
        where = 0
    target = ids[max(0, min(len(ids) - 1, where))]
    window.open_article(target, 0)
    tree.reveal(target)  # the one row marked, in its open source


def step_section(window: MainWindow, delta: int) -> None:
    article = window.reader.article
    if article is None:
        return
    starts = [b.start for b in article.blocks if b.kind == BlockKind.HEADING]
    top = window.reader.pane.top_offset()
    if delta > 0:
        target = next((s for s in starts if s > top), None)
    else:
        target = next((s for s in reversed(starts) if s < top), 0)
    if target is not None:
        place_cursor(window, target, margin=0)


def place_cursor(window: MainWindow, offset: int, margin: int = 24) -> None:
    """The text cursor at ``offset``, scrolled to the top: a selection made next with the
    keys (Shift+arrows) starts there, not where the cursor was before the jump."""
    pane = window.reader.pane
    pane.select_offsets(offset, offset)
    pane.scroll_to_offset(offset, margin=margin)


def step_annotation(window: MainWindow, delta: int) -> bool:
    """Select the next (or previous) annotation's passage after (before) the selection
    or the cursor, in the article's order, and its row in the list; False: none."""
    pane = window.reader.pane
    here = pane.selection_offsets()
    spans = sorted((m.start, m.end, m.id) for m in pane.marks)
    if delta > 0:
        found = next((s for s in spans if s[:2] > here), None)
    else:
        found = next((s for s in reversed(spans) if s[:2] < here), None)
    if found is None:
        return False
    start, end, annotation_id = found
    window.reader.show_passage(start, end)
    window.review.panel.select_annotation(annotation_id)
    return True
