"""Where each annotation goes in an article's text, for the exports that show the text.

Overlapping and nested annotations are cut into segments, so every annotation keeps
its own mark and number; a span across a paragraph break is marked in each paragraph
it touches; an annotation that lands nowhere (orphaned, or only on a line break) is
reported, so the export can list it apart instead of dropping it.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from reader.core.exchange.exporting import ExportArticle
from reader.core.notes.annotations import Annotation
from reader.core.text.model import BlockKind


class Piece(NamedTuple):  # a tuple: tens of thousands are made for 10,000 notes
    text: str
    cover: tuple[int, ...]  # indices into Layout.notes, outermost first
    ending: tuple[int, ...] = ()  # annotations whose last piece this is


@dataclass
class Para:
    kind: BlockKind
    pieces: list[Piece] = field(default_factory=list)

    @property
    def ending(self) -> list[int]:
        return [i for piece in self.pieces for i in piece.ending]


@dataclass
class Layout:
    notes: list[Annotation]
    paras: list[Para]
    unplaced: list[int]  # orphaned, or on no paragraph's text


def _ranges(item: ExportArticle) -> list[tuple[BlockKind, int, int]]:
    blocks = [(b.kind, b.start, b.end) for b in item.article.blocks if b.end > b.start]
    if blocks:
        return blocks
    out, pos = [], 0
    for line in item.article.text.split("\n"):
        if line:
            out.append((BlockKind.PARAGRAPH, pos, pos + len(line)))
        pos += len(line) + 1
    return out


class Cuts(NamedTuple):
    """Where a list of annotations starts and stops marking the text."""

    stops: list[int]  # each annotation's end, by index
    opening: dict[int, list[int]]  # offset → the indexes opening there, outermost first
    closing: dict[int, list[int]]  # offset → the indexes closing there, by index
    points: list[int]  # every offset where one opens or closes, in order


def cuts_of(notes: Sequence[Annotation]) -> Cuts:
    """The cuts of the annotations that mark text (not orphaned, not empty)."""
    starts = [a.start for a in notes]
    stops = [a.end for a in notes]
    marked = [i for i, a in enumerate(notes) if a.state != "orphaned" and a.start < a.end]
    closing: dict[int, list[int]] = {}
    for i in marked:
        closing.setdefault(stops[i], []).append(i)
    opening: dict[int, list[int]] = {}  # outermost first: by start, then end
    for i in sorted(marked, key=list(zip(starts, stops, strict=True)).__getitem__):
        opening.setdefault(starts[i], []).append(i)
    return Cuts(stops, opening, closing, sorted({*opening, *closing}))


def lay_out(item: ExportArticle, notes: Sequence[Annotation] | None = None) -> Layout:
    """The article's paragraphs cut into pieces, each knowing which annotations cover it.

    One sweep over the paragraphs: the cuts are where annotations start and stop
    (``points``), a paragraph's the ones inside it, and the annotations over the text
    carry over from one paragraph into the next while they last."""
    chosen = list(notes if notes is not None else map(attrgetter("annotation"), item.notes))
    text = item.article.text
    stops, opening, closing, points = cuts_of(chosen)
    placed = bytearray(len(chosen))
    paras: list[Para] = []
    piece = tuple.__new__  # Piece(…) without NamedTuple's __new__ in Python: 20,000 pieces
    cover: list[int] = []  # the notes over the text at hand, outermost first
    before: float = -math.inf  # where the paragraph before ended
    ranges = _ranges(item)  # in text order, none overlapping
    afters: list[float] = [r[1] for r in ranges[1:]]  # where the next paragraph starts
    if ranges:
        afters.append(math.inf)
    for (kind, bs, be), after in zip(ranges, afters, strict=True):
        inside = bisect_right(points, bs)
        for at in points[bisect_left(points, before) : inside]:  # before it or at bs
            for i in opening.get(at, ()):
                if stops[i] > bs:
                    cover.append(i)
                    placed[i] = 1
        before = be
        cuts = points[inside : bisect_left(points, be, inside)]
        if not (cover or cuts):  # one piece, under no annotation
            paras.append(Para(kind, [piece(Piece, (text[bs:be], (), ()))]))
            continue
        # A note closing inside the paragraph, or after it but before the next one,
        # has its last piece here.
        pieces: list[Piece] = []
        covered = tuple(cover)
        x = bs
        for y in cuts:
            if y in closing:
                ending = tuple(closing[y])
                pieces.append(piece(Piece, (text[x:y], covered, ending)))
                for i in ending:
                    cover.remove(i)
            else:
                pieces.append(piece(Piece, (text[x:y], covered, ())))
            if y in opening:
                for i in opening[y]:
                    cover.append(i)
                    placed[i] = 1
            covered = tuple(cover)
            x = y
        ending = tuple(sorted([i for i in cover if stops[i] <= after]))
        pieces.append(piece(Piece, (text[x:be], covered, ending)))
        if ending:
            cover = [i for i in cover if stops[i] > after]
        paras.append(Para(kind, pieces))
    unplaced = [i for i, done in enumerate(placed) if not done]
    return Layout(chosen, paras, unplaced)
