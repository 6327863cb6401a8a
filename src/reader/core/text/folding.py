"""The folds that matching uses. Both keep length, so offsets in folded text are offsets
in the original.

* ``fold(text)``: full-width → half-width, ideographic space → space, ASCII lower-case.
* ``fold(text, variants=True)``: that, and Traditional and variant characters →
  Simplified, one character to one character (OpenCC's character tables, see
  ``variant_table.py`` and ``tools/make_variant_table.py``). 監警會 folds to 监警会.

Translation goes through a list indexed by code point, built once on first use:
``str.translate`` looks a list up about 2.5 times faster than a dict. Characters past
the end of a list (no mapping there) are left as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from reader.core.text.variant_table import PAIRS

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20})
_FOLD.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
_FOLD.update({c + 0xFEE0: c + 32 for c in range(ord("A"), ord("Z") + 1)})
# Quote marks cannot be declared FTS5 token characters; fold them to private-use
# characters, which are. Folding serves matching only, so this is invisible.
_FOLD.update({0x22: 0xE022, 0xFF02: 0xE022, 0x27: 0xE027, 0xFF07: 0xE027})


def variant_pairs() -> dict[int, int]:
    """Traditional/variant code point → Simplified code point."""
    return {ord(pair[0]): ord(pair[1]) for pair in PAIRS.split()}


def _as_list(mapping: dict[int, int]) -> list[int]:
    table = list(range(max(mapping) + 1))
    for source, target in mapping.items():
        table[source] = target
    return table


@cache
def _table(variants: bool) -> list[int]:
    mapping = dict(_FOLD)
    if variants:
        mapping.update(variant_pairs())
    return _as_list(mapping)


@cache
def fold_targets() -> frozenset[str]:
    """The characters that another character folds to (variants aside): a text without
    them is found in unfolded text exactly where in folded text."""
    return frozenset(chr(code) for code in _folded_from(False))


def fold(text: str, *, variants: bool = False) -> str:
    """Full-width → half-width, ideographic space → space, ASCII lower-case; with
    ``variants``, Traditional → Simplified too. Same length."""
    return text.translate(_table(variants))


@cache
def _folded_from(variants: bool) -> dict[int, list[int]]:
    """Each code point the fold changes, listed under what it folds to."""
    out: dict[int, list[int]] = {}
    for source, target in enumerate(_table(variants)):
        if source != target:
            out.setdefault(target, []).append(source)
    return out


def _classes(term: str, variants: bool) -> list[list[int]] | None:
    """For each character of ``term`` (folded), the code points that fold to it; None
    when one has none (``term`` is not a folded string: nothing matches it)."""
    table = _table(variants)
    sources = _folded_from(variants)
    out = []
    for ch in term:
        code = ord(ch)
        members = [code] if code >= len(table) or table[code] == code else []
        members += sources.get(code, [])
        if not members:
            return None
        out.append(members)
    return out


def _regex(members: list[int]) -> str:
    escaped = "".join(re.escape(chr(m)) for m in members)
    return f"[{escaped}]" if len(members) > 1 else escaped


@lru_cache(maxsize=512)
def matcher(term: str, *, variants: bool = False) -> re.Pattern[str]:
    """A pattern that matches, in unfolded text, at every position (overlapping ones
    too) where the folded text holds ``term`` (a folded string). No fold of the text
    is made: each character of ``term`` becomes the class of characters that fold to
    it. A match takes the hit's first character and looks ahead for the rest (so the
    engine scans for the first character, nine times faster than a bare look-ahead),
    and the next search starts one character on: overlapping hits are all found.
    A hit ends ``len(term)`` after its start."""
    classes = _classes(term, variants)
    if classes is None:
        return re.compile(r"(?!)")
    if not classes:
        return re.compile("(?=)")
    rest = "".join(map(_regex, classes[1:]))
    return re.compile(_regex(classes[0]) + (f"(?={rest})" if rest else ""))


@dataclass(frozen=True)
class Finder:
    """A term's occurrences in unfolded text, found by scanning for one of its characters
    (the anchor) and looking behind and ahead for the others: a hit starts ``lead``
    characters before its match. ``plain`` scans for the anchor's own character alone
    (a literal: the engine's fast search), for a text that holds none of its other forms
    (``others``: a Traditional form, a compatibility ideograph: most texts hold none)."""

    pattern: re.Pattern[str]
    lead: int
    plain: re.Pattern[str] | None = None
    others: tuple[str, ...] = ()

    def for_text(self, text: str) -> re.Pattern[str]:
        """The pattern to scan ``text`` with: ``plain`` when the text allows it."""
        if self.plain is None or any(other in text for other in self.others):
            return self.pattern
        return self.plain


@lru_cache(maxsize=512)
def anchored_matcher(term: str, *, variants: bool = False) -> Finder:
    """:func:`matcher`, scanning for the character of ``term`` the engine finds fastest.
    The engine scans for one literal character about 15 times faster than for a class
    (7 ns a character here), and for any class faster than it tries the rest of the term
    at every comma or full stop: a term led by ``，`` scanned 20 times slower in Chinese
    text than by its next character. So the anchor is the last character with no other
    form, else the last that is no punctuation, space or symbol, else the first; the
    characters before it are looked behind for (one character each: a fixed width), the
    ones after it looked ahead for. Most characters have another form (a Traditional one,
    or a compatibility ideograph such as U+F9D8 for 律), so ``plain`` scans for the
    anchor's own character in a text that holds none of the others."""
    classes = _classes(term, variants)
    if not classes:
        return Finder(matcher(term, variants=variants), 0)

    def rank(i: int) -> tuple[bool, bool, int]:
        plain = unicodedata.category(term[i])[0] not in "PZS"
        return (plain and len(classes[i]) == 1, plain, i)

    lead = max(range(len(classes)), key=rank)
    if rank(lead)[:2] == (False, False):
        lead = 0
    parts = list(map(_regex, classes))
    behind = f"(?<={''.join(parts[: lead + 1])})" if lead else ""
    ahead = f"(?={''.join(parts[lead + 1 :])})" if lead + 1 < len(parts) else ""
    pattern = re.compile(parts[lead] + behind + ahead)
    anchor = ord(term[lead])
    if len(classes[lead]) == 1 or anchor not in classes[lead]:
        return Finder(pattern, lead)
    others = tuple(chr(m) for m in classes[lead] if m != anchor)
    plain = re.compile(re.escape(term[lead]) + behind + ahead)
    return Finder(pattern, lead, plain, others)
