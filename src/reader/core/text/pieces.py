"""What a front end hands to structure recovery: pieces of text tied to source lines.

A piece is one source line (or a few, for markup the parser read as a whole)
with its text already stripped of markup, plus a hint of what the markup said.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final

from reader.core.text.lines import SourceLines
from reader.core.text.model import LineSpan


class Hint(enum.Enum):
    TEXT = "text"  # running text; layout decides what it is
    HEADING = "heading"  # a Markdown or HTML heading, with a level
    CAPTION = "caption"  # a <figcaption>
    MARKUP = "markup"  # no text of its own: rules, tags, front matter, images
    IMAGE = "image"  # an image alone on its line; the next short text is its caption
    VERBATIM = "verbatim"  # code: kept as it is
    BODY = "body"  # text the markup calls body text: list items, quotes, table rows
    FRONT_MATTER = "front_matter"  # YAML front matter: metadata, no text
    LINK = "link"  # a link alone on its line (相关报道：…, 查看原文): kept as a link


class Hints:
    """The members of :class:`Hint` as plain class attributes, for hot loops (an enum
    member read off its class is slow on Python 3.11: see ``model.Kinds``)."""

    TEXT: Final = Hint.TEXT
    HEADING: Final = Hint.HEADING
    CAPTION: Final = Hint.CAPTION
    MARKUP: Final = Hint.MARKUP
    IMAGE: Final = Hint.IMAGE
    VERBATIM: Final = Hint.VERBATIM
    BODY: Final = Hint.BODY
    FRONT_MATTER: Final = Hint.FRONT_MATTER
    LINK: Final = Hint.LINK


@dataclass(slots=True)
class Piece:
    lines: Sequence[int] | int  # one line: its number, not a tuple of it
    text: str
    hint: Hint = Hint.TEXT
    level: int = 0
    group: int = 0  # pieces sharing a group were written without a blank line between
    indent: str = ""  # "wide": a full-width or tab indent (a new paragraph); "spaces": 2+ spaces
    markdown: bool = False  # from a Markdown paragraph: its lines are one paragraph
    url: str = ""  # a link's target (Hint.LINK)
    same_line: bool = False  # a further block on the source line of the piece before it


class _RunningText:
    """The fields of a plain line of running text that every such line shares: read off
    the class, so an instance holds only its own few slots."""

    __slots__ = ()

    hint: Final = Hint.TEXT
    level: Final = 0
    indent: Final = ""
    markdown: Final = False
    url: Final = ""
    same_line: Final = False


class LinePiece(_RunningText):
    """A :class:`Piece` of one line of running text with no indent, link or markup: most
    pieces of a plain text. Three slots, the other fields read off the class: 56 bytes,
    half a Piece, and a line of one Han character is 4 bytes in the file."""

    __slots__ = ("group", "lines", "text")

    def __init__(self, lines: int, text: str, group: int) -> None:
        self.lines: Sequence[int] | int = lines
        self.text = text
        self.group = group


class TextRun(_RunningText):
    """Lines ``first`` to ``stop - 1`` of one group, each what a :class:`LinePiece` would
    hold, its text the source line as it is: the texts are read off ``source`` when needed.

    Most lines of a plain text are such lines, and a run of them holds no object per
    line: a line of one Han character is 4 bytes in the file, its LinePiece 56 and its
    line number 28 more. A run has no ``text``; :meth:`texts` reads its lines' texts.
    """

    __slots__ = ("first", "group", "source", "stop")

    def __init__(self, source: Sequence[str], first: int, stop: int, group: int) -> None:
        self.source = source  # source[n - 1]: the text of line n
        self.first = first
        self.stop = stop
        self.group = group

    @property
    def lines(self) -> LineSpan:
        return LineSpan(self.first, self.stop)

    def __len__(self) -> int:
        return self.stop - self.first

    def text_of(self, line: int) -> str:
        source = self.source
        return source.line(line - 1) if isinstance(source, SourceLines) else source[line - 1]

    def texts(self) -> Iterator[str]:
        """The texts of its lines, in order, each read when it is reached."""
        source = self.source
        if isinstance(source, SourceLines):
            return source.between(self.first - 1, self.stop - 1)
        return (source[n] for n in range(self.first - 1, self.stop - 1))

    def cut(self, first: int, stop: int) -> TextRun:
        """The run of its lines ``first`` to ``stop - 1``: itself when that is all of them."""
        if first == self.first and stop == self.stop:
            return self
        return TextRun(self.source, first, stop, self.group)

    def line_pieces(self) -> list[LinePiece]:
        """A :class:`LinePiece` per line: what the run stands in for."""
        return [LinePiece(n, t, self.group) for n, t in enumerate(self.texts(), self.first)]


AnyPiece = Piece | LinePiece | TextRun


@dataclass
class Source:
    """A front end's result: pieces in source order and document metadata."""

    pieces: list[AnyPiece]
    metadata: dict[str, str] = field(default_factory=dict)
    line_count: int = 0
