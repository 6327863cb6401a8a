"""Re-anchor an annotation when its article's text changes.

An annotation keeps its offsets, its quote and 32 characters of context on each
side (W3C TextQuoteSelector + TextPositionSelector). Against a new text, in order:

1. the same offsets, if the quote is still there and its context agrees;
2. the exact quote (full-/half-width folded) nearest the expected position,
   context breaking ties; the expected position is the old offset carried
   through a character diff of the old and new text when the old text is known;
3. a fuzzy match: the old span carried through that diff, kept only if what it
   now covers still resembles the quote and its context.

A wrong anchor is worse than an orphan: whenever the evidence is weak or two
places are equally good, the result is an orphan.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass

from reader.core.text.folding import fold

CONTEXT = 32
_MIN_QUOTE_SIMILARITY = 0.75
_MIN_CONTEXT_SIMILARITY = 0.5


@dataclass(frozen=True)
class Selector:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Anchor:
    state: str  # anchored, moved, orphaned
    start: int
    end: int


def selector_for(text: str, start: int, end: int) -> Selector:
    return Selector(
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
    )


class Reanchorer:
    """Re-anchor the annotations of one article: the diff is computed once."""

    def __init__(self, new_text: str, old_text: str | None = None) -> None:
        self.new_text = new_text
        self._map = _PositionMap(old_text, new_text) if old_text is not None else None

    def __call__(self, selector: Selector) -> Anchor:
        quote, new_text, mapping = selector.quote, self.new_text, self._map
        if not quote:
            return Anchor("orphaned", selector.start, selector.end)
        expected = mapping.map(selector.start) if mapping is not None else None
        # 1. same offsets
        if (
            new_text[selector.start : selector.end] == quote
            and _context_score(selector, new_text, selector.start, selector.end)
            >= _MIN_CONTEXT_SIMILARITY
            and (expected is None or abs(expected - selector.start) <= len(quote))
        ):
            return Anchor("anchored", selector.start, selector.end)
        # 2. the exact quote, folded
        found = _best_exact(selector, new_text, expected)
        if found is not None:
            state = "anchored" if found == selector.start else "moved"
            return Anchor(state, found, found + len(quote))
        # 3. fuzzy, through the diff
        if mapping is not None:
            span = mapping.map_span(selector.start, selector.end)
            if span is not None and _resembles(selector, new_text, *span):
                return Anchor("moved", *span)
        return Anchor("orphaned", selector.start, selector.end)


def reanchor(selector: Selector, new_text: str, old_text: str | None = None) -> Anchor:
    """Re-anchor one annotation (see :class:`Reanchorer` for many)."""
    return Reanchorer(new_text, old_text)(selector)


def _best_exact(selector: Selector, text: str, expected: int | None) -> int | None:
    needle = fold(selector.quote)
    haystack = fold(text)
    scored: list[tuple[float, int, int]] = []
    pos = haystack.find(needle)
    while pos != -1:
        context = _context_score(selector, text, pos, pos + len(needle))
        distance = abs(pos - expected) if expected is not None else abs(pos - selector.start)
        scored.append((context, -distance, pos))
        pos = haystack.find(needle, pos + 1)
    if not scored:
        return None
    scored.sort(reverse=True)
    best = scored[0]
    if len(scored) == 1:
        context_ok = best[0] >= _MIN_CONTEXT_SIMILARITY or len(needle) >= 8
        near = expected is None or -best[1] <= max(200, len(text) // 10)
        return best[2] if context_ok and near else None
    runner_up = scored[1]
    if best[0] < _MIN_CONTEXT_SIMILARITY and best[0] - runner_up[0] < 0.25:
        return None  # several weak candidates: do not guess
    if best[0] == runner_up[0] and best[1] == runner_up[1]:
        return None  # a tie: do not guess
    return best[2]


def _context_score(selector: Selector, text: str, start: int, end: int) -> float:
    """0..1: how much of the stored context surrounds ``text[start:end]``."""
    want = len(selector.prefix) + len(selector.suffix)
    if want == 0:
        return 1.0
    before = fold(text[max(0, start - len(selector.prefix)) : start])
    after = fold(text[end : end + len(selector.suffix)])
    prefix, suffix = fold(selector.prefix), fold(selector.suffix)
    score: float = _common_suffix(before, prefix) + _common_prefix(after, suffix)
    if score < want:  # edits inside the context: count matching characters too
        score = max(
            score, _ratio(before, prefix) * len(prefix) + _ratio(after, suffix) * len(suffix)
        )
    return score / want


def _resembles(selector: Selector, text: str, start: int, end: int) -> bool:
    if end <= start:
        return False
    quote_ok = _ratio(fold(text[start:end]), fold(selector.quote)) >= _MIN_QUOTE_SIMILARITY
    return quote_ok and _context_score(selector, text, start, end) >= _MIN_CONTEXT_SIMILARITY


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


class _PositionMap:
    """Carry offsets of the old text into the new one through a character diff.

    The diff runs on folded texts, so a full-/half-width swap is no change. A
    replaced character keeps its place: replace regions map one to one when
    they keep their length, proportionally when they do not.
    """

    def __init__(self, old: str, new: str) -> None:
        old, new = fold(old), fold(new)
        head = _common_prefix(old, new)
        tail = _common_prefix(old[head:][::-1], new[head:][::-1])
        tail = min(tail, len(old) - head, len(new) - head)
        matcher = difflib.SequenceMatcher(
            None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
        )
        self._ops: list[tuple[str, int, int, int, int]] = [("equal", 0, head, 0, head)]
        self._ops += [
            (tag, i1 + head, i2 + head, j1 + head, j2 + head)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        ]
        self._ops.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
        # Regions with old characters tile the old text; inserts have none.
        self._ops = [op for op in self._ops if op[2] > op[1]]
        self._starts = [op[1] for op in self._ops]

    def _op(self, offset: int) -> tuple[str, int, int, int, int] | None:
        i = bisect_right(self._starts, offset) - 1
        return self._ops[i] if i >= 0 and offset < self._ops[i][2] else None

    def exact(self, offset: int) -> int | None:
        """The new offset of old character ``offset``, unless it was deleted."""
        op = self._op(offset)
        if op is None:
            return None
        tag, i1, i2, j1, j2 = op
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            return j1 + offset - i1
        if tag == "replace":
            return j1 + (offset - i1) * (j2 - j1) // (i2 - i1)
        return None  # deleted

    def map(self, offset: int) -> int:
        """Best new position for an old offset: its own, else its nearest survivor's."""
        for probe in range(offset, -1, -1):
            found = self.exact(probe)
            if found is not None:
                return found + (offset - probe)
        return 0

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The new span of the old span's surviving characters."""
        first = next((n for n in (self.exact(o) for o in range(start, end)) if n is not None), None)
        last = next(
            (n for n in (self.exact(o) for o in range(end - 1, start - 1, -1)) if n is not None),
            None,
        )
        if first is None or last is None or last < first:
            return None
        return first, last + 1
