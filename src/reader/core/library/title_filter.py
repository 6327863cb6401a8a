"""Which rows of the section tree a filter text shows, in one pass over the outline's titles.

The tree shows a row whose title holds the text, and the rows above it (library,
source, article). Matching folds case, width and script as the search does (full-width
→ half-width, Traditional and variant characters → Simplified, then Unicode case
folding): ``ＣＨＩＮＡ`` finds "China", and 冲破 finds 衝破. The titles are folded once
per outline (by the job that lists them, in the window); a query is then one
comprehension over a list of strings, about 10 ms for 120,000 rows, against a Python
call per row from Qt's proxy.

Rows are named by keys the tree's nodes can give without a lookup: a source by its
path (``source_key``), an article by its id, a section by (article id, offset), the
library by ``LIBRARY``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import cache
from typing import NamedTuple

from reader.core.gc_pause import gc_paused
from reader.core.library.outline import SourceOutline, source_key, source_title
from reader.core.text.folding import fold, fold_targets, variant_pairs

LIBRARY: tuple[str] = ("library",)
# Titles folded in one call. Each call holds Python's lock throughout (str.translate,
# casefold): all 120,000 of a 50,000-article library at once held it 0.2 s, a stall of
# the UI thread while the job that lists them ran; 2,000 (~60,000 characters) hold it
# a few ms, a fold per title would cost twice the time.
FOLD_CHUNK = 2000


def folded(text: str) -> str:
    return fold(text, variants=True).casefold()


@cache
def _targets() -> frozenset[str]:
    """The characters another character folds to, a Traditional one's Simplified too."""
    return fold_targets() | frozenset(map(chr, variant_pairs().values()))


def _plain(text: str) -> bool:
    """No character of ``text`` is what another folds to, and none has a case: it is
    found in the titles as they are (folding 3.5 M characters of titles takes a fifth
    of a second)."""
    targets = _targets()
    return all(c not in targets and c.upper() == c.casefold() == c for c in text)


class Matches(NamedTuple):
    rows: frozenset[Hashable]  # the rows shown: the matches and the rows above them
    parents: frozenset[Hashable]  # the rows with a shown row below them


class TitleIndex:
    """The titles of a library's rows in tree order, each with its key and the position
    of the row above it; folded the first time a query needs them."""

    def __init__(self, library_name: str, outline: Sequence[SourceOutline]) -> None:
        keys: list[Hashable] = [LIBRARY]
        titles: list[str] = [library_name]
        above: list[int] = [-1]
        with gc_paused():  # 120,000 strings for 50,000 articles
            for source in outline:
                here = len(keys)
                keys.append(source_key(source))
                titles.append(source_title(source))
                above.append(0)
                for article in source.articles:
                    row = len(keys)
                    keys.append(article.id)
                    titles.append(article.title)
                    above.append(here)
                    for section in article.sections:
                        keys.append((article.id, section.start))
                        titles.append(section.title)
                        above.append(row)
        self._titles = titles
        self._folded: list[str] | None = None
        self._keys = keys
        self._above = above

    def __len__(self) -> int:
        return len(self._keys)

    def fold_all(self) -> TitleIndex:
        """Fold the titles now (a job does, off the UI thread); returns the index."""
        self._folded_titles()
        return self

    def _folded_titles(self) -> list[str]:
        if self._folded is None:
            titles = self._titles
            out: list[str] = []
            for start in range(0, len(titles), FOLD_CHUNK):
                chunk = titles[start : start + FOLD_CHUNK]
                parts = folded("\n".join(chunk)).split("\n")  # one fold for the chunk
                out += parts if len(parts) == len(chunk) else [folded(t) for t in chunk]
            self._folded = out
        return self._folded

    def shown(self, text: str) -> Matches:
        """The rows that match ``text``, with the rows above them; none for no text."""
        needle = folded(text)
        if not needle:
            return Matches(frozenset(), frozenset())
        titles = self._titles if _plain(needle) else self._folded_titles()
        keys, above = self._keys, self._above
        shown: set[Hashable] = set()
        parents: set[Hashable] = set()
        for i in [i for i, title in enumerate(titles) if needle in title]:
            while i >= 0 and keys[i] not in shown:
                shown.add(keys[i])
                i = above[i]
                if i >= 0:
                    parents.add(keys[i])
        return Matches(frozenset(shown), frozenset(parents))
