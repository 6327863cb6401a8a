"""Go → next and previous article and section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.text.model import BlockKind

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def step_article(window: MainWindow, delta: int) -> None:
    ids = window.tree_model.article_ids()
    article = window.reader.article
    if not ids:
        return
    where = ids.index(article.id) if article is not None and article.id in ids else -1
    window.open_article(ids[max(0, min(len(ids) - 1, where + delta))], 0)


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
        window.reader.pane.scroll_to_offset(target, margin=0)
