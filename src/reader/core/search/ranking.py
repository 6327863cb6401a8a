"""Which articles a search reads, best first, found in the search index.

Every article holding the query's characters adjacently is a candidate (the index holds
each folded character as a token: see ``reader.core.search.query``); the search then
confirms each on its text. Ranking is FTS5's bm25, the title weighted 10x the body:
title hits and articles with more hits come first. A first page of a term found in more
than ``RANK_WINDOW`` articles ranks the newest of them by title hits, then by date.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator

from reader.core.library.store import Library
from reader.core.search.index import (
    TITLE_COLUMN,
    index_pending_if_free,
    is_token_char,
    pending_ids,
)
from reader.core.text.folding import fold

IDS_READ = 256  # ids read from the index at a time while a page fills


def _phrase(term: str) -> str | None:
    """An FTS5 phrase matching every occurrence of ``term``, or None if none can."""
    tokens = [c for c in fold(term, variants=True) if is_token_char(c)]
    return '"' + " ".join(tokens) + '"' if tokens else None


def candidates(
    library: Library, terms: list[str], max_articles: int | None, index: bool
) -> Generator[int, None, None] | None:
    """Ids of the articles that may hold every term, best first; None: scan every article.

    Articles stored but not yet indexed are indexed first (``index``: a write, unless
    another writer holds the library: then it is not waited for), or come after the
    ranked ones, read directly. The ids are found as they are taken: a first page
    stops reading them once it is full."""
    unindexed: list[int] = []
    if not (index and index_pending_if_free(library)):
        unindexed = pending_ids(library)
    phrases = [p for p in map(_phrase, terms) if p is not None]
    if not phrases:  # only characters the index skips (rare symbols)
        return None
    match = " AND ".join(phrases)
    ranked = _first_page(library, match) if max_articles is not None else None
    if ranked is None:  # every match ranked inside FTS5
        ranked = iter([r[0] for r in library.conn.execute(_RANKED, [match]).fetchall()])
    return _then_unindexed(ranked, unindexed)


def _then_unindexed(ranked: Iterator[int], unindexed: list[int]) -> Generator[int, None, None]:
    seen: set[int] = set()
    for article_id in ranked:
        seen.add(article_id)
        yield article_id
    yield from (i for i in unindexed if i not in seen)


_MATCHING = "SELECT rowid FROM search_index WHERE search_index MATCH ?"
# bm25 over the body and the title (weighted 10x): title hits and more hits first
_RANKED = _MATCHING + " ORDER BY bm25(search_index, 1.0, 10.0)"
# A first page ranks the newest RANK_WINDOW matching articles. bm25 visits every match
# and counts each phrase's matches for its weights: a term in most of 50,000 articles
# took it 40-100 ms. The newest are found in rowid order, which stops early.
RANK_WINDOW = 1000


def _first_page(library: Library, match: str) -> Iterator[int] | None:
    """A first page's candidates, best first, without visiting every match; None when
    the query matches so few articles that bm25 may rank them all.

    Past ``RANK_WINDOW`` matches: title hits among the newest ``RANK_WINDOW`` first, then
    every match newest first (a term that common leaves bm25 little but the hits' count
    and the articles' length to tell them apart by)."""
    window = [
        r[0]
        for r in library.conn.execute(
            _MATCHING + " ORDER BY rowid DESC LIMIT ?", [match, RANK_WINDOW + 1]
        )
    ]
    if len(window) <= RANK_WINDOW:
        return None
    return _title_hits_then_newest(library, match, window[RANK_WINDOW - 1])


def _title_hits_then_newest(library: Library, match: str, oldest: int) -> Iterator[int]:
    in_title = [
        r[0]
        for r in library.conn.execute(
            _MATCHING + " AND rowid >= ? ORDER BY rowid DESC",
            [f"{{{TITLE_COLUMN}}} : ({match})", oldest],
        )
    ]
    yield from in_title
    first = set(in_title)
    newest = library.conn.execute(_MATCHING + " ORDER BY rowid DESC", [match])
    try:
        while rows := newest.fetchmany(IDS_READ):
            yield from (r[0] for r in rows if r[0] not in first)
    finally:  # a full page lets go of the read at once
        newest.close()
