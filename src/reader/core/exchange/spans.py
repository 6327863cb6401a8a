"""Where each annotation goes in an article's text, for the exports that show the text.

Overlapping and nested annotations are cut into segments, so every annotation keeps
its own mark and number; a span across a paragraph break is marked in each paragraph
it touches; an annotation that lands nowhere (orphaned, or only on a line break) is
reported, so the export can list it apart instead of dropping it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple, cast

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


def lay_out(item: ExportArticle, notes: Sequence[Annotation] | None = None) -> Layout:
    """The article's paragraphs cut into pieces, each knowing which annotations cover it."""
    chosen = list(notes if notes is not None else map(attrgetter("annotation"), item.notes))
    text = item.article.text
    spans = [
        (a.start, a.end) if a.state != "orphaned" and a.start < a.end else (0, 0) for a in chosen
    ]
    order = sorted((i for i, s in enumerate(spans) if s[0] < s[1]), key=spans.__getitem__)
    starts = [s for s, _ in spans]
    stops = [e for _, e in spans]
    paras: list[Para] = []
    placed = bytearray(len(chosen))
    active: list[int] = []
    k, count = 0, len(order)
    piece = tuple.__new__  # Piece(…) without NamedTuple's __new__ in Python: 20,000 pieces
    ranges = _ranges(item)  # in text order, none overlapping
    nexts: list[float] = [r[1] for r in ranges[1:]]  # where the next paragraph starts
    if ranges:
        nexts.append(math.inf)
    for (kind, bs, be), after in zip(ranges, nexts, strict=True):
        while k < count and starts[order[k]] < be:
            active.append(order[k])
            k += 1
        if active:
            active = [i for i in active if stops[i] > bs]
        if not active:  # one piece, under no annotation
            paras.append(Para(kind, [piece(Piece, (text[bs:be], (), ()))]))
            continue
        # A sweep over the cuts: the notes covering a piece, outermost (first) first,
        # change only where one opens or closes; a note closing inside the paragraph,
        # or after it but before the next one, has its last piece here.
        opening: dict[int, list[int]] = {}
        closing: dict[int, list[int]] = {}
        for i in active:
            placed[i] = 1
            opening.setdefault(starts[i] if starts[i] > bs else bs, []).append(i)
            if stops[i] < be:
                closing.setdefault(stops[i], []).append(i)
        pieces: list[Piece] = []
        cover: list[int] = []
        words, covered = "", cast(tuple[int, ...], ())
        for x, y in itertools.pairwise(sorted({bs, be, *opening, *closing})):
            ending: tuple[int, ...] = ()
            if x in closing:
                ending = tuple(sorted(closing[x]))
                for i in ending:
                    cover.remove(i)
            if x > bs:
                pieces.append(piece(Piece, (words, covered, ending)))
            if x in opening:
                cover = cover + opening[x]
            words, covered = text[x:y], tuple(cover)
        ending = tuple(sorted([i for i in cover if stops[i] <= after]))
        pieces.append(piece(Piece, (words, covered, ending)))
        paras.append(Para(kind, pieces))
    unplaced = [i for i, done in enumerate(placed) if not done]
    return Layout(chosen, paras, unplaced)
