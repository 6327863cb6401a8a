"""From pieces to units: undo hard wraps, keep every non-blank line exactly once.

A *unit* is a run of lines that reads as one thing: a wrapped paragraph piece,
a headline, a caption. Units that stop mid-sentence are joined into whole
paragraphs later, in :mod:`reader.core.text.structure`.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise, tee
from operator import not_

from reader.core.text.cleaning import (
    SENTENCE_MARKS,
    display_width,
    is_finished,
    join_all,
    join_pieces,
    remove_letter_spacing,
)
from reader.core.text.datelines import stamp_value
from reader.core.text.lines import SourceLines
from reader.core.text.model import LineSpan, span_of
from reader.core.text.pieces import AnyPiece, Hint, Hints, LinePiece, Piece, Source, TextRun

SUBTITLE_DASHES = ("——", "──", "--", "—")
# Wider than this (display columns, a CJK character is 2), lines are not a
# narrow newspaper column but one paragraph per line.
_MAX_COLUMN = 80
_FULL_LINE = 0.85
_RUNS = (Hint.TEXT, Hint.BODY)
_CJK_CHAR = re.compile("[\u3400-\u9fff]")
# A photo credit closes a caption: （新华社记者 某某 摄）, 某某/摄, 新华社发
_CREDIT_END = re.compile(r"(?:[/／\s]摄|新华社发|供图)\s*[）)]?\s*$")


@dataclass(slots=True)
class Unit:
    lines: Sequence[int]  # a tuple, or a LineSpan when they are three or more in a row
    text: str
    hint: Hint = Hints.TEXT
    level: int = 0
    blank_before: int = 0
    first: bool = False  # nothing but blank lines stands before it
    kind: str = ""
    markdown: bool = False
    url: str = ""  # a link's target
    indent: str = ""  # its first line's indent ("wide": a full-width indent opens a paragraph)
    # Markup lines that belong to it; most units have none, so no list until then.
    attached: list[int] | None = None

    def attach(self, lines: Sequence[int] | None) -> None:
        if not lines:
            return
        if self.attached is None:
            self.attached = []
        self.attached.extend(lines)

    @property
    def all_lines(self) -> Sequence[int]:
        lines = self.lines
        if not self.attached:
            if (
                lines.__class__ is LineSpan  # (a class of its own: no subclass)
                or len(lines) < 2
                or all(a < b for a, b in pairwise(lines))
            ):
                return lines  # shared with the block: no copy per line
            return tuple(sorted(lines))
        return tuple(sorted((*lines, *self.attached)))


def starts_subtitle(text: str) -> bool:
    return text.startswith(SUBTITLE_DASHES) and len(text) > 2


def build_units(source: Source, raw_lines: Iterable[str]) -> list[Unit]:
    """Units from the source's pieces, which it consumes: ``source.pieces`` is left empty.

    Pieces are let go as their units are made, so the two never both exist whole.
    """
    blank = blank_lines(raw_lines)  # blank[n - 1]: line n
    pieces = _cover_every_line(source.pieces, blank)
    source.pieces = []
    column = _column_width(pieces)
    blanks_upto = array(
        "I" if len(blank) < 2**32 else "Q", [0]
    )  # blanks_upto[n]: blank lines among the first n lines
    blanks_upto.extend(accumulate(blank))
    units: list[Unit] = []
    previous_end = 0
    only_markup = True  # nothing but markup and front matter so far
    pieces.reverse()  # popped from the end: each piece is let go once used
    pending = pieces
    del pieces
    while pending:
        first = pending.pop()
        run = [first]
        while (
            first.hint in _RUNS
            and pending
            and pending[-1].hint is first.hint
            and pending[-1].group == first.group
        ):
            run.append(pending.pop())
        split = len(run) > 1 or first.__class__ is TextRun
        chunks = _split_run(run, column) if split else (run,)
        del run, first
        for chunk in chunks:  # made one at a time: a chunk's pieces go once its unit is made
            unit = _unit_of(chunk, column)
            if unit.lines:  # else a further block on the line before: no blank between
                first_line = unit.lines[0]
                unit.blank_before = blanks_upto[first_line - 1] - blanks_upto[previous_end]
                previous_end = unit.lines[-1]
            unit.first = only_markup
            only_markup = only_markup and unit.hint in (Hints.MARKUP, Hints.FRONT_MATTER)
            units.append(unit)
    return units


def blank_lines(raw_lines: Iterable[str]) -> bytearray:
    """1 for each line that is empty or white space only (``not raw or raw.isspace()``:
    ``str.strip`` strips the same white space), else 0; looped over in C."""
    if isinstance(raw_lines, SourceLines):
        return raw_lines.blank()
    return bytearray(map(not_, map(str.strip, raw_lines)))


def _unit_of(chunk: list[AnyPiece], column: float = 0.0) -> Unit:
    head = chunk[0]
    lines: Sequence[int]
    if len(chunk) > 1:
        text, lines = _joined(chunk, column)
    elif not isinstance(head, TextRun):
        text = head.text
        numbers = head.lines
        if isinstance(numbers, int):
            lines = (numbers,)
        else:  # a span when three or more in a row
            lines = tuple(numbers) if len(numbers) < 3 else span_of(numbers)
    elif head.stop - head.first == 1:
        text = head.text_of(head.first)
        lines = (head.first,)
    else:
        text, lines = _joined(chunk, column)
    return Unit(
        lines, text, head.hint, head.level, 0, False, "", head.markdown, head.url, head.indent
    )


def _joined(chunk: list[AnyPiece], column: float) -> tuple[str, Sequence[int]]:
    """The text and lines of a chunk of more than one line."""
    ahead, behind = tee(_texts(chunk))  # each line's text read once, used twice
    text = join_all(  # OCR letter-spacing is a property of each line: undone before joining
        (remove_letter_spacing(text) for text, _ in ahead),
        glued=(_cut_mid_word(text, markdown, column) for text, markdown in behind),
    )  # the last line's glue is never asked for: it glues nothing
    return text, span_of(_numbers(chunk))  # in a row, most often: a span, not a tuple


def _texts(chunk: Iterable[AnyPiece]) -> Iterator[tuple[str, bool]]:
    """Each line's text, and whether it is Markdown: a run's lines one by one."""
    for piece in chunk:
        if isinstance(piece, TextRun):
            for text in piece.texts():
                yield text, False
        else:
            yield piece.text, piece.markdown


def _numbers(chunk: list[AnyPiece]) -> Iterator[int]:
    for piece in chunk:
        if isinstance(piece, TextRun):
            yield from range(piece.first, piece.stop)
            continue
        lines = piece.lines
        if isinstance(lines, int):
            yield lines
        else:
            yield from lines


def _cut_mid_word(text: str, markdown: bool, column: float) -> bool:
    """A full line of CJK page text that ends in a Latin letter was cut at the column."""
    return (
        not markdown
        and column > 0
        and text[-1:].isascii()
        and text[-1:].isalpha()
        and _CJK_CHAR.search(text) is not None
        and display_width(text) >= _FULL_LINE * column
    )


def _split_run(run: list[AnyPiece], column: float) -> Iterator[list[AnyPiece]]:
    """The chunks of ``run``, made one at a time as they are asked for; ``run`` is
    consumed, and a run of text is cut where a chunk ends."""
    count = sum(p.stop - p.first if isinstance(p, TextRun) else 1 for p in run)  # lines of runs
    if count == 1 or run[0].hint is Hints.BODY:
        yield run
        return
    if count <= 6:  # a few lines: as line pieces, each text read once
        few = [q for p in run for q in (p.line_pieces() if isinstance(p, TextRun) else (p,))]
        run = [p for p in few]
        if all(_short(remove_letter_spacing(p.text)) for p in few):
            for line in few:  # short lines without a sentence: headline, captions
                yield [line]
            return
    margin = all(p.indent == "spaces" for p in run)  # a uniform margin is layout, not indent
    run.reverse()  # popped from the end: each piece is let go once its chunk is
    chunk: list[AnyPiece] = []
    prev: str | None = None  # the line before, its letter spacing removed
    while run:
        piece = run.pop()
        if not isinstance(piece, TextRun):
            text, markdown, indent = piece.text, piece.markdown, piece.indent
            if prev is not None and _splits(text, markdown, indent, prev, margin, column):
                yield chunk
                chunk = []
            chunk.append(piece)
            prev = remove_letter_spacing(text)
            continue
        start = piece.first  # the first line of the run not in a chunk yet
        for n, text in enumerate(piece.texts(), piece.first):
            if prev is not None and _splits(text, False, "", prev, margin, column):
                if n > start:
                    chunk.append(piece.cut(start, n))
                yield chunk
                chunk = []
                start = n
            prev = remove_letter_spacing(text)
        chunk.append(piece.cut(start, piece.stop))
    yield chunk


def _short(text: str) -> bool:
    return len(text) <= 40 and SENTENCE_MARKS.isdisjoint(text)


def _splits(text: str, markdown: bool, indent: str, prev: str, margin: bool, column: float) -> bool:
    """Does the line ``text`` open a chunk, after the line ``prev`` of the same run?"""
    split = starts_subtitle(text) or stamp_value(text) is not None
    if not markdown:
        split = split or indent == "wide" or (indent == "spaces" and not margin)
        split = split or _CREDIT_END.search(prev) is not None  # a photo caption ends here
        if is_finished(prev):
            split = split or column > _MAX_COLUMN or display_width(prev) < _FULL_LINE * column
    return split


def _column_width(pieces: list[AnyPiece]) -> float:
    """The typical width of a hard-wrapped line: lines followed by one of the same group."""
    widths: Counter[int] = Counter()  # a count per width, not a list of them
    group: int | None = None  # the group of the piece before, when its last line may count
    last = ""  # the text of that line
    for piece in pieces:
        if piece.group == group and piece.hint is Hints.TEXT:
            widths[display_width(remove_letter_spacing(last))] += 1
        if isinstance(piece, TextRun):  # its lines but the last are followed by one of it
            texts = piece.texts()
            last = next(texts)
            for text in texts:
                widths[display_width(remove_letter_spacing(last))] += 1
                last = text
        else:
            last = piece.text
        group = piece.group if piece.hint is Hints.TEXT and not piece.markdown else None
    return _median(widths) if widths else float(_MAX_COLUMN + 1)


def _median(counts: Counter[int]) -> float:
    """``statistics.median`` of the values ``counts`` counts, each as often as counted."""
    total = counts.total()
    low_rank, high_rank = (total - 1) // 2, total // 2
    low: int | None = None
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if low is None and seen > low_rank:
            low = value
        if seen > high_rank:
            return value if total % 2 else (low + value) / 2  # type: ignore[operator]
    raise AssertionError("unreachable: the ranks are below the total")


def _cover_every_line(pieces: list[AnyPiece], blank: bytearray) -> list[AnyPiece]:
    """Drop repeated lines, and give every uncovered non-blank line a markup piece.

    ``pieces`` is filtered in place (no second list of them) and returned, unless
    it needs sorting. A run of text stands for its line pieces: it is cut into them
    where one of them would be dropped or get more text."""
    taken = bytearray(1) + blank  # taken[n]: line n is blank, or in a piece already
    kept = 0  # pieces[:kept]: the pieces kept so far
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if isinstance(piece, TextRun):  # lines no piece before holds, as a rule
            first, stop = piece.first, piece.stop
            if taken.find(1, first, stop) < 0:
                taken[first:stop] = b"\x01" * (stop - first)
                pieces[kept] = piece
                kept += 1
            else:  # else as the line pieces it stands for
                index -= 1
                pieces[index : index + 1] = piece.line_pieces()
            continue
        lines = piece.lines
        if isinstance(lines, int):  # most pieces: one line, held as its number
            if not taken[lines]:
                taken[lines] = 1
                pieces[kept] = piece
                kept += 1
                continue
            piece.lines = lines = []
        elif len(lines) == 1:
            if taken[lines[0]]:
                piece.lines = lines = []
        else:
            fresh = [n for n in lines if not taken[n]]
            if len(fresh) != len(lines):  # only ever fewer: the same length is the same
                piece.lines = lines = fresh
        for n in lines:
            taken[n] = 1
        if lines or (piece.same_line and kept and piece.text):
            pieces[kept] = piece
            kept += 1
        elif kept and piece.text:
            last = pieces[kept - 1]
            if isinstance(last, TextRun):  # its last line's text grows: a line piece of it
                tail = LinePiece(last.stop - 1, last.text_of(last.stop - 1), last.group)
                if last.stop - last.first > 1:  # pieces[kept]: this piece's slot, or before
                    pieces[kept - 1] = last.cut(last.first, last.stop - 1)
                    kept += 1
                pieces[kept - 1] = last = tail
            last.text = join_pieces(last.text, piece.text)
    del pieces[kept:]
    index = taken.find(0, 1)
    while index > 0:  # a line no piece holds, not blank
        pieces.append(Piece(index, "", Hints.MARKUP, group=-index))
        index = taken.find(0, index + 1)
    # A further block on a line sorts right after it: the key of a piece with no
    # line is the line of the last piece before it that has one. Keys are most
    # often in order already; else a stable sort of the indexes by key.
    if _in_order(_sort_keys(pieces)):
        return pieces
    keys = array("q", _sort_keys(pieces))
    return [pieces[i] for i in sorted(range(len(pieces)), key=keys.__getitem__)]


def _sort_keys(pieces: list[AnyPiece]) -> Iterator[int]:
    last = 0
    for piece in pieces:
        if isinstance(piece, TextRun):
            last = piece.first
            continue
        lines = piece.lines
        if isinstance(lines, int):
            last = lines
        elif lines:
            last = lines[0]
        yield last


def _in_order(keys: Iterator[int]) -> bool:
    previous = 0
    for key in keys:
        if key < previous:
            return False
        previous = key
    return True
