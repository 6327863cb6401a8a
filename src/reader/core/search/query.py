"""Library search: exactly the hits a plain substring search finds, found fast.

Design (measured on 10,000 recombined sample articles, see bench/search_bench.py):

* An FTS5 table indexes every *character* of each folded article as a token
  (``" ".join(text)``), punctuation included (declared token characters). A
  query term becomes an FTS5 *phrase* of its characters, so a candidate
  article holds the characters adjacently: every real occurrence is a
  candidate (recall 1.0), whatever the term's length.
  1-character queries work, unlike the trigram tokenizer; tokenizing is one C
  call, unlike overlapping bigrams built in Python.
* Candidates are then confirmed, and hit offsets found, on the article text as
  stored: each folded query character becomes the class of characters that fold to
  it (``folding.anchored_matcher``), so no article is folded per query (three times faster
  than folding it and calling ``str.find``). Precision is exact; the index only has
  to be a superset.
* Folding maps full-width ASCII to half-width and ideographic space to space,
  and lower-cases ASCII. It is length-preserving, so offsets in the folded
  text are offsets in the article text.
* By default the fold also maps Traditional and variant characters to Simplified,
  one character to one (``variants=True``): 监警会 finds 監警會 and the reverse.
  The index always holds the variant fold, a superset of the exact-script
  hits; with ``variants=False`` candidates are confirmed with the width fold only.
* A query with spaces needs all its words in one block (a passage); words in double
  quotes are one term, a phrase.
* Ranking is FTS5's bm25 with the title weighted 10x the body: title hits and
  articles with more hits come first. A first page ranks the newest
  ``ranking.RANK_WINDOW`` matches that way, then goes on newest first
  (``reader.core.search.ranking``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from reader.core.library.article_text import TEXT_COLUMNS, TEXT_JOIN, unpack
from reader.core.library.store import Library
from reader.core.search import ranking
from reader.core.search.passages import Block, headings_of, in_passages, passage_bounds
from reader.core.search.ranking import Term, candidates
from reader.core.search.terms import query_terms
from reader.core.text.folding import anchored_matcher, fold
from reader.core.text.model import BlockKind

SNIPPET_CONTEXT = 18


@dataclass(frozen=True)
class Hit:
    article_id: int
    title: str
    start: int
    end: int
    section: str
    snippet: str  # the hit in context, on one line
    rank: int  # position of the article in the ranking, 0 first
    snippet_start: int = 0  # where the hit is in the snippet
    snippet_end: int = 0

    def bracketed(self) -> str:
        """The snippet with the hit in 【】, for plain-text output."""
        a, b = self.snippet_start, self.snippet_end
        return self.snippet[:a] + "【" + self.snippet[a:b] + "】" + self.snippet[b:]

    def to_json(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "snippet": self.snippet,
            "snippet_start": self.snippet_start,
            "snippet_end": self.snippet_end,
        }


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit]
    articles: int  # articles with at least one hit among those examined
    complete: bool  # False when only the first page of articles was examined
    limited: bool = False  # stopped at ``max_hits``: more hits than a list should hold


def page_first(page: SearchResult, every: SearchResult) -> SearchResult:
    """ "Show all hits" after a first page: the page's hits stay on top, in their order,
    and the other articles' follow, best first. The list grows; it is not reshuffled
    (a first page is the newest articles, ranked; every hit is ranked over them all)."""
    on_page = {h.article_id for h in page.hits}
    rest = [h for h in every.hits if h.article_id not in on_page]
    ranks: dict[int, int] = {}  # the rest's articles, numbered on after the page's
    for h in rest:
        ranks.setdefault(h.article_id, page.articles + len(ranks))
    hits = page.hits + [replace(h, rank=ranks[h.article_id]) for h in rest]
    return SearchResult(
        every.query, hits, page.articles + len(ranks), every.complete, every.limited
    )


PAGE_HITS = 200
LISTED_HITS = 10_000  # "show all" in the window lists the best articles' hits up to this
# A first page gives up after reading this many candidates (it says it is not complete):
# with Traditional = Simplified off, the index's candidates (it folds them) may hold no hit;
# with several words, an article holding them all may hold them in no one passage (its
# blocks are read too: ~0.15 ms an article; at 50,000 articles 200 made a two-word p95 of
# 32 ms in bench/search_bench.py, 120 about 20 ms).
PAGE_EXAMINES = 1000
PAGE_EXAMINES_PASSAGES = 120


def search(
    library: Library,
    query: str,
    *,
    max_articles: int | None = 50,
    index: bool = True,
    variants: bool = True,
    max_hits: int | None = None,
) -> SearchResult:
    """Hits for ``query``, best articles first.

    The first page stops after ``max_articles`` articles or about ``PAGE_HITS`` hits;
    ``max_articles=None`` returns every hit, or, with ``max_hits``, those of the best
    articles up to about that many (``limited``; ``iter_hits`` streams them all).

    Articles stored but not yet indexed are indexed first (a write). With
    ``index=False`` the search only reads: those articles are scanned instead,
    after the ranked ones, so no hit is lost and no writer is waited for.

    With ``variants`` (the default) Traditional and Simplified characters match
    each other; without, only the script typed matches.
    """
    terms = query_terms(query, variants=variants)
    if not terms:
        return SearchResult(query, [], 0, True)
    patterns = _patterns(terms, variants)
    ranked = candidates(library, terms, index, every=max_articles is None)
    page: list[_Found] = []
    counted = 0
    complete, limited = True, False
    examines = PAGE_EXAMINES if len(patterns) < 2 else PAGE_EXAMINES_PASSAGES
    for examined, found in enumerate(_found(library, ranked, patterns, max_articles is not None)):
        if max_articles is not None and (
            len(page) >= max_articles or counted >= PAGE_HITS or examined >= examines
        ):
            complete = False
            break
        if max_hits is not None and counted >= max_hits:
            complete, limited = False, True
            break
        if found[3]:
            page.append(found)
            counted += len(found[3])
    if ranked is not None:
        ranked.close()  # the index's cursor, if the page filled before it ended
    blocks = headings_of(library, [a[0] for a in page])
    hits: list[Hit] = []
    rank = 0
    for article_id, title, text, spans in page:
        article_hits = _hits_in(article_id, title, text, spans, blocks.get(article_id, []), rank)
        if article_hits:
            rank += 1
            hits.extend(article_hits)
    return SearchResult(query, hits, rank, complete, limited)


_Found = tuple[int, str, str, list[tuple[int, int]]]  # id, title, text, the hits' spans


def _found(
    library: Library,
    ids: Iterator[int] | None,
    patterns: list[Term],
    rank_window: bool,
) -> Iterator[_Found]:
    """The articles of ``ids`` (None: every article) with their hits (none: the index
    guessed, e.g. another script), in order; with ``rank_window`` the first
    ``RANK_WINDOW`` of them (the newest) ranked by bm25, those with hits first."""
    rows = _articles(library, ids) if ids is not None else _every_article(library)
    if rank_window and ids is not None:
        window = _spanned(library, list(islice(rows, ranking.RANK_WINDOW)), patterns)
        yield from ranking.bm25_order(library, [w for w in window if w[3]], patterns)
        yield from (w for w in window if not w[3])
    # several words: their blocks read for a few articles at a time (a page stops early)
    batch = PASSAGE_BATCH if len(patterns) > 1 else 1
    while part := list(islice(rows, batch)):
        yield from _spanned(library, part, patterns)


PASSAGE_BATCH = 16  # articles whose blocks are read at once for a query of several words


def _spanned(
    library: Library, rows: list[tuple[int, str, str]], patterns: list[Term]
) -> list[_Found]:
    """Each article with its hits: with several words, only those in a passage (block)
    holding every word, so that what a page counts is what it shows."""
    found = [(i, title, text, _spans(text, patterns)) for i, title, text in rows]
    if len(patterns) < 2:
        return found
    bounds = passage_bounds(library, [f[0] for f in found if f[3]])
    return [
        (i, title, text, in_passages(text, patterns, spans, bounds.get(i, [])) if spans else [])
        for i, title, text, spans in found
    ]


STREAM_CHUNK = 100  # articles read, searched and let go at a time


def iter_hits(
    library: Library, query: str, *, index: bool = True, variants: bool = True
) -> Iterator[Hit]:
    """Every hit, best articles first, as ``search(max_articles=None)`` finds them,
    one chunk of articles at a time: memory does not grow with the hits."""
    terms = query_terms(query, variants=variants)
    if not terms:
        return
    patterns = _patterns(terms, variants)
    ranked = candidates(library, terms, index, every=True)
    ids = (
        list(ranked)
        if ranked is not None
        else [
            r[0]
            for r in library.conn.execute(
                "SELECT id FROM articles WHERE retired_at IS NULL ORDER BY id"
            ).fetchall()
        ]
    )
    rank = 0
    for chunk in range(0, len(ids), STREAM_CHUNK):
        rows = list(_articles(library, ids[chunk : chunk + STREAM_CHUNK]))
        found = [f for f in _spanned(library, rows, patterns) if f[3]]
        del rows
        blocks = headings_of(library, [f[0] for f in found])
        for article_id, title, text, spans in found:
            article_hits = _hits_in(
                article_id, title, text, spans, blocks.get(article_id, []), rank
            )
            if article_hits:
                rank += 1
                yield from article_hits


PAGE_READ = 64  # articles read from the library at a time while a page fills


def _articles(library: Library, ids: Iterable[int]) -> Iterator[tuple[int, str, str]]:
    """(id, title, text) of live articles, in the order of ``ids``, read ``PAGE_READ``
    at a time, each text unpacked when its turn comes: a full page reads no further."""
    it = iter(ids)
    while part := list(islice(it, PAGE_READ)):
        marks = ",".join("?" for _ in part)
        found = {
            article_id: (title, plain, packed)
            for article_id, title, plain, packed in library.conn.execute(
                f"SELECT a.id, a.title, {TEXT_COLUMNS} FROM articles a {TEXT_JOIN} "
                f"WHERE a.id IN ({marks}) AND a.retired_at IS NULL",
                part,
            )
        }
        for article_id in part:
            row = found.get(article_id)
            if row is not None:
                yield article_id, row[0], unpack(row[1], row[2])


def _every_article(library: Library) -> Iterator[tuple[int, str, str]]:
    """(id, title, text) of every live article, by id, one text unpacked at a time."""
    for article_id, title, plain, packed in library.conn.execute(
        f"SELECT a.id, a.title, {TEXT_COLUMNS} FROM articles a {TEXT_JOIN} "
        "WHERE a.retired_at IS NULL ORDER BY a.id"
    ).fetchall():
        yield article_id, title, unpack(plain, packed)


def _patterns(terms: list[str], variants: bool) -> list[Term]:
    """Each folded term as a pattern over unfolded text, with the term's length and how
    far before its match a hit starts (``folding.anchored_matcher``)."""
    return [(anchored_matcher(term, variants=variants), len(term)) for term in terms]


def _spans(text: str, patterns: list[Term]) -> list[tuple[int, int]]:
    """Every (overlapping) occurrence of every term in ``text`` as the fold sees it."""
    spans = [
        (m.start() - finder.lead, m.start() - finder.lead + n)
        for finder, n in patterns
        for m in finder.for_text(text).finditer(text)
    ]
    spans.sort()
    return spans


def _hits_in(
    article_id: int,
    title: str,
    text: str,
    spans: list[tuple[int, int]],
    blocks: list[Block],
    rank: int,
) -> list[Hit]:
    """The hits at ``spans``, each named by its section (``blocks``: the headings)."""
    heading_starts = [b[1] for b in blocks if b[0] in (BlockKind.HEADING, BlockKind.TITLE)]
    headings = [text[b[1] : b[2]] for b in blocks if b[0] in (BlockKind.HEADING, BlockKind.TITLE)]
    hits: list[Hit] = []
    for start, end in spans:
        h = bisect_right(heading_starts, start) - 1
        section = headings[h] if h >= 0 else ""
        snippet, at = _snippet(text, start, end)
        hits.append(
            Hit(article_id, title, start, end, section, snippet, rank, at, at + end - start)
        )
    return hits


def _snippet(text: str, start: int, end: int) -> tuple[str, int]:
    """Keyword in context on one line (…before hit after…), and where the hit starts in it.

    The context stays inside the hit's passage (a line of the cleaned text): a heading
    above or the next paragraph is not the hit's context. "…" marks a passage cut short."""
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    left = text.rfind("\n", left, start) + 1 or left  # -1 + 1: no line break there
    cut = text.find("\n", end, right)
    right = cut if cut != -1 else right
    before = ("…" if left and text[left - 1] != "\n" else "") + text[left:start]
    line = before + text[start:end].replace("\n", " ") + text[end:right]
    return line + ("…" if right < len(text) and text[right] != "\n" else ""), len(before)


def full_scan(library: Library, query: str, *, variants: bool = True) -> set[tuple[int, int]]:
    """Baseline and recall oracle: (article_id, start) of every occurrence, no index."""
    terms = query_terms(query, variants=variants)
    found: set[tuple[int, int]] = set()
    if len(terms) != 1:
        raise ValueError("full_scan takes one term")
    term = terms[0]
    for article_id, _, text in _every_article(library):
        folded = fold(text, variants=variants)
        pos = folded.find(term)
        while pos != -1:
            found.add((article_id, pos))
            pos = folded.find(term, pos + 1)
    return found


def find_all(text: str, query: str, *, variants: bool = True) -> list[tuple[int, int]]:
    """Every occurrence of ``query`` in ``text`` (folded as search folds), in order."""
    needle = fold(query, variants=variants)
    if not needle:
        return []
    return _spans(text, _patterns([needle], variants))
