"""Which articles a search reads, and in what order, found in the search index.

Every article holding the query's characters adjacently is a candidate (the index holds
each folded character as a token: see ``reader.core.search.query``); the search then
confirms each on its text.

* Every hit (``max_articles=None``: "show all", ``reader search --all``) is ranked by
  FTS5's bm25, the title weighted 10x the body: title hits and articles with more hits
  first.
* A first page ranks the newest ``RANK_WINDOW`` matches the same way, on their texts
  (``bm25_order``), and goes on with older matches newest first. FTS5's bm25 visits every
  match and counts each phrase's matches for its weights: 40-100 ms at 50,000 articles
  for a term in most of them, and three passes over the phrase for a rare phrase of
  common characters. The newest matches come in rowid order, which stops early.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator

from reader.core.library.store import Library
from reader.core.search.index import (
    average_length,
    index_pending_if_free,
    is_token_char,
    pending_ids,
)
from reader.core.text.folding import Finder, fold

IDS_READ = 256  # ids read from the index at a time while a page fills
RANK_WINDOW = 100  # the newest matches a first page ranks
TITLE_WEIGHT = 10.0  # as FTS5's bm25 is asked to weigh the title
K1, B = 1.2, 0.75  # FTS5's bm25 constants

Term = tuple[Finder, int]  # a term's occurrences and its length (query)
_MATCHING = "SELECT rowid FROM search_index WHERE search_index MATCH ?"
_RANKED = _MATCHING + f" ORDER BY bm25(search_index, 1.0, {TITLE_WEIGHT})"  # body, title
_NEWEST = _MATCHING + " ORDER BY rowid DESC"


def _phrase(term: str) -> str | None:
    """An FTS5 phrase matching every occurrence of ``term``, or None if none can."""
    tokens = [c for c in fold(term, variants=True) if is_token_char(c)]
    return '"' + " ".join(tokens) + '"' if tokens else None


def candidates(
    library: Library, terms: list[str], index: bool, *, every: bool
) -> Generator[int, None, None] | None:
    """Ids of the articles that may hold every term; None: scan every article.

    ``every``: all of them, best first (bm25); else newest first, read from the index as
    they are taken, so a first page stops reading once it is full.

    Articles stored but not yet indexed are indexed first (``index``: a write, unless
    another writer holds the library: then it is not waited for), or come after the
    others, read directly."""
    unindexed: list[int] = []
    if not (index and index_pending_if_free(library)):
        unindexed = pending_ids(library)
    phrases = [p for p in map(_phrase, terms) if p is not None]
    if not phrases:  # only characters the index skips (rare symbols)
        return None
    match = " AND ".join(phrases)
    if every:
        ranked = iter([r[0] for r in library.conn.execute(_RANKED, [match]).fetchall()])
        return _then_unindexed(ranked, unindexed)
    return _then_unindexed(_newest(library, match), unindexed)


def _then_unindexed(ranked: Iterator[int], unindexed: list[int]) -> Generator[int, None, None]:
    seen: set[int] = set()
    for article_id in ranked:
        seen.add(article_id)
        yield article_id
    yield from (i for i in unindexed if i not in seen)


def _newest(library: Library, match: str) -> Generator[int, None, None]:
    newest = library.conn.execute(_NEWEST, [match])
    try:
        while rows := newest.fetchmany(IDS_READ):
            yield from (r[0] for r in rows)
    finally:  # a full page lets go of the read at once
        newest.close()


_Row = tuple[int, str, str, list[tuple[int, int]]]  # id, title, text, the hits' spans


def bm25_order(library: Library, rows: list[_Row], patterns: list[Term]) -> list[_Row]:
    """``rows`` best first, by bm25 as FTS5 computes it for one phrase, on the texts: the
    hits in the body plus ``TITLE_WEIGHT`` times those in the title, saturated, against
    the length (tokens: characters less line breaks) over the index's average. With
    several words each counts alike (FTS5 weighs them by how few articles hold each,
    which only a pass over every match tells). Equal scores keep the newest first."""
    if not rows:
        return rows
    lengths = [len(title) + len(text) - text.count("\n") for _, title, text, _ in rows]
    average = average_length(library.conn) or sum(lengths) / len(rows) or 1.0

    def score(i: int) -> float:
        _, title, _, spans = rows[i]
        in_title = sum(1 for f, _ in patterns for _ in f.pattern.finditer(title))
        hits = len(spans) + TITLE_WEIGHT * in_title
        return hits * (K1 + 1) / (hits + K1 * (1 - B + B * lengths[i] / average))

    scores = [score(i) for i in range(len(rows))]
    order = sorted(range(len(rows)), key=lambda i: (-scores[i], -rows[i][0]))
    return [rows[i] for i in order]
