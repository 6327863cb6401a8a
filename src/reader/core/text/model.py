"""The text model: documents made of articles made of blocks.

An offset is a Python ``str`` index into an article's cleaned ``text``.
Blocks are joined by a single ``\\n``; ``text[block.start:block.end] == block.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import FrozenInstanceError, dataclass, field
from enum import StrEnum
from itertools import islice, pairwise
from typing import Any, Final, overload


class BlockKind(StrEnum):
    """What a block is. A ``str``: JSON, the library and comparisons see its value."""

    TITLE = "title"
    KICKER = "kicker"
    SUBTITLE = "subtitle"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    BYLINE = "byline"
    MARKER = "marker"
    LINK = "link"  # a related link alone on its line, kept as a link


BLOCK_KINDS = tuple(kind.value for kind in BlockKind)


class Kinds:
    """The members of :class:`BlockKind` as plain class attributes, for hot loops.

    On Python 3.11 reading a member off an enum class (``BlockKind.TITLE``) goes
    through the enum metaclass's ``__getattr__`` hook, about 0.2 µs a read, and
    structure recovery reads kinds several times per unit. ``Kinds.TITLE`` is the
    same member, read like any class attribute.
    """

    TITLE: Final = BlockKind.TITLE
    KICKER: Final = BlockKind.KICKER
    SUBTITLE: Final = BlockKind.SUBTITLE
    HEADING: Final = BlockKind.HEADING
    PARAGRAPH: Final = BlockKind.PARAGRAPH
    CAPTION: Final = BlockKind.CAPTION
    BYLINE: Final = BlockKind.BYLINE
    MARKER: Final = BlockKind.MARKER
    LINK: Final = BlockKind.LINK


BLOCK_SEPARATOR = "\n"


class LineSpan(Sequence[int]):
    """The line numbers ``first`` to ``stop - 1``, held as the two ends: a tuple of them
    costs 40 bytes a line, more than ten times a short line's size in the file.

    It stands in for that tuple: equal to it (and to another span of the same lines),
    with the same hash, and a tuple when sliced.
    """

    __slots__ = ("first", "stop")

    def __init__(self, first: int, stop: int) -> None:
        self.first = first
        self.stop = stop

    def __len__(self) -> int:
        return self.stop - self.first

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(range(self.first, self.stop)[index])
        return range(self.first, self.stop)[index]

    def __iter__(self) -> Iterator[int]:
        return iter(range(self.first, self.stop))

    def __reversed__(self) -> Iterator[int]:
        return reversed(range(self.first, self.stop))

    def __contains__(self, value: object) -> bool:
        return value in range(self.first, self.stop)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineSpan):
            return (self.first, self.stop) == (other.first, other.stop) or not (
                len(self) or len(other)
            )
        if isinstance(other, tuple):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def compact_lines(lines: Sequence[int]) -> Sequence[int]:
    """``lines`` as a :class:`LineSpan` when they are three or more in a row, else as they are
    (a tuple of one or two costs less than a span)."""
    if isinstance(lines, LineSpan) or len(lines) < 3:
        return lines
    first = lines[0]
    if lines[-1] - first + 1 == len(lines) and all(a + 1 == b for a, b in pairwise(lines)):
        return LineSpan(first, first + len(lines))
    return lines


def span_of(numbers: Iterable[int]) -> Sequence[int]:
    """The line ``numbers`` as :func:`compact_lines` keeps them, with no tuple of them
    made first when they are in a row."""
    it = iter(numbers)
    first = last = next(it, None)
    if first is None or last is None:
        return ()
    for n in it:
        if n != last + 1:
            return (*range(first, last + 1), n, *it)
        last = n
    return LineSpan(first, last + 1) if last - first >= 2 else tuple(range(first, last + 1))


class Block:
    """A block of an article: its kind, text, source lines and offsets in the article text.

    Frozen, and compared, hashed and shown as the tuple of its fields, like the
    dataclass it stands in for. A block of one line holds its number, not a tuple of
    it, and its ``end`` only when that is not ``start + len(text)``: a headline block
    is some 40 bytes in the file, and that tuple and that int 80 more (issue #9).
    """

    __slots__ = ("_end", "_lines", "kind", "level", "start", "text")
    __match_args__ = ("kind", "text", "lines", "start", "end", "level")

    kind: BlockKind
    text: str
    _lines: Sequence[int] | int
    start: int
    _end: int | None
    level: int | None

    def __init__(
        self,
        kind: BlockKind,
        text: str,
        lines: Sequence[int],  # a tuple, or a LineSpan that stands in for one
        start: int = 0,
        end: int = 0,
        level: int | None = None,
    ) -> None:
        _set_kind(self, kind)  # the slots' own setters: frozen, and faster than object's
        _set_text(self, text)
        _set_lines(self, lines[0] if lines.__class__ is tuple and len(lines) == 1 else lines)
        _set_start(self, start)
        _set_end(self, None if end == start + len(text) else end)
        _set_level(self, level)

    @property
    def lines(self) -> Sequence[int]:
        lines = self._lines
        return (lines,) if isinstance(lines, int) else lines

    @property
    def end(self) -> int:
        end = self._end
        return self.start + len(self.text) if end is None else end

    def lines_json(self) -> str:
        """:func:`lines_json` of its lines (one line: its number in brackets)."""
        lines = self._lines
        return f"[{lines}]" if isinstance(lines, int) else lines_json(lines)

    def _fields(self) -> tuple[BlockKind, str, Sequence[int], int, int, int | None]:
        return (self.kind, self.text, self.lines, self.start, self.end, self.level)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() == other._fields()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Block(kind={self.kind!r}, text={self.text!r}, lines={self.lines!r}, "
            f"start={self.start!r}, end={self.end!r}, level={self.level!r})"
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[Block], tuple[object, ...]]:
        return (Block, self._fields())

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": self.level,
            "lines": list(self.lines),
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


_set_kind, _set_text, _set_lines, _set_start, _set_end, _set_level = (
    Block.__dict__[name].__set__ for name in ("kind", "text", "_lines", "start", "_end", "level")
)


@dataclass(frozen=True)
class Article:
    title: str
    blocks: tuple[Block, ...]
    text: str
    untitled: bool = False
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted(n for b in self.blocks for n in b.lines))

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "untitled": self.untitled,
            "metadata": dict(self.metadata),
            "text": self.text,
            "blocks": [b.to_json() for b in self.blocks],
        }


@dataclass(frozen=True)
class Document:
    articles: tuple[Article, ...]
    metadata: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "metadata": dict(self.metadata),
            "articles": [a.to_json() for a in self.articles],
        }


Part = tuple[str, str, Sequence[int], int | None]  # (kind, text, lines, level)
_NUMBERS_AT_ONCE = 1024


def lines_json(lines: Sequence[int]) -> str:
    """``lines`` as a JSON array with no spaces (``[3,4,5]``), as the library keeps them.

    A long block's numbers are turned to text a thousand at a time: no str per line of
    it all at once (60 bytes a line; a line of one Han character is 4 in the file)."""
    if len(lines) <= _NUMBERS_AT_ONCE:
        return f"[{','.join(map(str, lines))}]"
    numbers = iter(lines)
    parts: list[str] = []
    while part := ",".join(map(str, islice(numbers, _NUMBERS_AT_ONCE))):
        parts.append(part)
    return f"[{','.join(parts)}]"


def make_blocks(parts: Iterable[Part]) -> tuple[tuple[Block, ...], str]:
    """Blocks from ``(kind, text, lines, level)`` parts, with offsets, and the article text."""
    blocks = tuple(_blocks(parts))  # no list of them besides
    return blocks, BLOCK_SEPARATOR.join([b.text for b in blocks])


def _blocks(parts: Iterable[Part]) -> Iterator[Block]:
    pos = -len(BLOCK_SEPARATOR)
    for kind, text, lines, level in parts:
        pos += len(BLOCK_SEPARATOR)
        if kind.__class__ is not BlockKind:  # a plain str: the enum lookup is slow, done once
            kind = BlockKind(kind)
        if len(lines) > 2 and lines.__class__ is not LineSpan:
            lines = compact_lines(lines)
        yield Block(kind, text, lines, pos, pos + len(text), level)
        pos += len(text)


def assemble_article(
    title: str,
    parts: Iterable[Part],
    *,
    untitled: bool = False,
    metadata: dict[str, str] | None = None,
) -> Article:
    """Build an article from ``(kind, text, lines, level)`` parts, computing offsets."""
    blocks, text = make_blocks(parts)
    return Article(title, blocks, text, untitled, dict(metadata or {}))
