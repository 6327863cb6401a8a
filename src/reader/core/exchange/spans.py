"""Where each annotation goes in an article's text, for the exports that show the text.

Overlapping and nested annotations are cut into segments, so every annotation keeps
its own mark and number; a span across a paragraph break is marked in each paragraph
it touches; an annotation that lands nowhere (orphaned, or only on a line break) is
reported, so the export can list it apart instead of dropping it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
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


def lay_out(item: ExportArticle, notes: Sequence[Annotation] | None = None) -> Layout:
    """The article's paragraphs cut into pieces, each knowing which annotations cover it."""
    chosen = list(notes if notes is not None else (n.annotation for n in item.notes))
    text = item.article.text
    spans = [
        (a.start, a.end) if a.state != "orphaned" and a.start < a.end else (0, 0) for a in chosen
    ]
    order = sorted((i for i, s in enumerate(spans) if s[0] < s[1]), key=lambda i: spans[i])
    starts = [s for s, _ in spans]
    stops = [e for _, e in spans]
    paras: list[Para] = []
    last: dict[int, tuple[int, int]] = {}
    active: list[int] = []
    k = 0
    for kind, bs, be in _ranges(item):
        while k < len(order) and starts[order[k]] < be:
            active.append(order[k])
            k += 1
        active = [i for i in active if stops[i] > bs]
        if not active:  # one piece, under no annotation
            paras.append(Para(kind, [Piece(text[bs:be], ())]))
            continue
        cuts = {bs, be}
        for i in active:
            cuts.add(max(bs, starts[i]))
            cuts.add(min(be, stops[i]))
        para = Para(kind)
        pieces = para.pieces
        for x, y in itertools.pairwise(sorted(cuts)):
            cover = tuple([i for i in active if starts[i] <= x and stops[i] >= y])
            if cover:
                where = (len(paras), len(pieces))
                for i in cover:
                    last[i] = where
            pieces.append(Piece(text[x:y], cover))
        paras.append(para)
    ends: dict[tuple[int, int], list[int]] = {}
    for i, where in last.items():
        ends.setdefault(where, []).append(i)
    for (p, q), which in ends.items():
        piece = paras[p].pieces[q]
        paras[p].pieces[q] = Piece(piece.text, piece.cover, tuple(sorted(which)))
    unplaced = [i for i in range(len(chosen)) if i not in last]
    return Layout(chosen, paras, unplaced)
