"""Passages: the blocks of articles, read for a page of hits; with several words, which
hits lie in a block (a passage) holding every word, and which heading names a hit's
section."""

from __future__ import annotations

from bisect import bisect_right

from reader.core.library.store import Library
from reader.core.search.ranking import Term
from reader.core.text.model import BlockKind

Block = tuple[str, int, int]


_SECTION_KINDS = (BlockKind.HEADING.value, BlockKind.TITLE.value)


def headings_of(library: Library, article_ids: list[int]) -> dict[int, list[Block]]:
    """Each article's headings and title, in order: they name a hit's section (a tenth
    of the blocks; the passages' bounds come from :func:`passage_bounds`)."""
    kinds = f"AND kind IN {_SECTION_KINDS!r} "
    out: dict[int, list[Block]] = {}
    for chunk in range(0, len(article_ids), 500):
        ids = article_ids[chunk : chunk + 500]
        marks = ",".join("?" for _ in ids)
        for article_id, kind, start, end in library.conn.execute(
            f'SELECT article_id, kind, start, "end" FROM blocks WHERE article_id IN ({marks}) '
            f"{kinds}ORDER BY article_id, seq",
            ids,
        ).fetchall():  # one call: a row at a time through the library's cursor costs 3 us
            out.setdefault(article_id, []).append((kind, start, end))
    return out


Bounds = list[int]  # a text's blocks as [start, end, start, end, …], in order


def passage_bounds(library: Library, article_ids: list[int]) -> dict[int, Bounds]:
    """Each article's blocks, as bounds: one string a article from SQLite, not a row a
    block (a query of several words reads them for hundreds of articles: 40 ms as rows
    at 50,000 articles, a third of the search)."""
    out: dict[int, Bounds] = {}
    for chunk in range(0, len(article_ids), 500):
        ids = article_ids[chunk : chunk + 500]
        marks = ",".join("?" for _ in ids)
        for article_id, joined in library.conn.execute(
            f"SELECT article_id, group_concat(start || ' ' || \"end\", ' ') FROM blocks "
            f"WHERE article_id IN ({marks}) GROUP BY article_id",
            ids,
        ).fetchall():
            numbers = list(map(int, joined.split()))
            pairs = sorted(zip(numbers[::2], numbers[1::2], strict=True))  # seq order
            out[article_id] = [n for pair in pairs for n in pair]
    return out


def in_passages(
    text: str, patterns: list[Term], spans: list[tuple[int, int]], bounds: Bounds
) -> list[tuple[int, int]]:
    """The spans that lie in a block holding every term (a pattern searched up to the
    block's end sees no further: a whole term); each block judged once."""
    starts = bounds[::2]
    judged: dict[int, bool] = {}
    kept = []
    for start, end in spans:
        i = bisect_right(starts, start) - 1
        if i < 0:
            continue
        if i not in judged:
            a, b = bounds[2 * i], bounds[2 * i + 1]
            judged[i] = all(f.pattern.search(text, a + f.lead, b) for f, _ in patterns)
        if judged[i]:
            kept.append((start, end))
    return kept
