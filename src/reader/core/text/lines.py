"""Source lines as structure recovery numbers them: split on LF, CRLF and CR only.

:class:`SourceLines` keeps a text's lines as offsets into it, a few bytes a line,
and slices a line when it is read: a list of line strings costs some 80 bytes a
line, more than twenty times a short line's size in the file.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate, islice
from operator import not_
from typing import overload

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CHUNK = 2048  # characters split at a time: the transient list of a chunk's lines stays small
_LINES_AT_ONCE = 256  # lines split at a time by SourceLines.between and SourceLines.blank


def split_lines(text: str) -> list[str]:
    """``str.splitlines`` also splits on form feeds and other controls; this does not."""
    return LINE_BREAK.split(text) if "\r" in text else text.split("\n")


def _offsets(size: int) -> array[int]:
    """An empty array wide enough for offsets up to ``size``."""
    return array("I" if size < 2**32 - 1 else "Q")


class SourceLines(Sequence[str]):
    """``split_lines(text)`` as a sequence whose items are sliced from ``text`` on demand."""

    __slots__ = ("_ends", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = _offsets(len(text) + 1)
        starts.append(0)
        self._ends: array[int] | None = None
        if "\r" in text:  # line breaks of one or two characters: the ends are kept too
            ends = _offsets(len(text))
            for found in LINE_BREAK.finditer(text):
                ends.append(found.start())
                starts.append(found.end())
            ends.append(len(text))
            self._ends = ends
        else:  # a line ends one character before the next one starts
            pos = 0
            while True:
                cut = text.rfind("\n", pos, pos + _CHUNK)  # the last break in this chunk
                if cut < 0:
                    cut = text.find("\n", pos + _CHUNK)  # a line longer than a chunk
                    if cut < 0:
                        break
                lengths = (len(line) + 1 for line in text[pos:cut].split("\n"))
                starts.extend(islice(accumulate(lengths, initial=pos), 1, None))  # to cut + 1
                pos = cut + 1
            starts.append(len(text) + 1)  # past the end, as if a break followed the last line
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - (1 if self._ends is None else 0)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        if self._ends is None:
            return self.text[self._starts[index] : self._starts[index + 1] - 1]
        return self.text[self._starts[index] : self._ends[index]]

    def __iter__(self) -> Iterator[str]:
        text, starts = self.text, self._starts
        if self._ends is None:
            for index in range(len(starts) - 1):
                yield text[starts[index] : starts[index + 1] - 1]
        else:
            for start, end in zip(starts, self._ends, strict=True):
                yield text[start:end]

    def line(self, index: int) -> str:
        """Line ``index``, counted from 0 and in range: ``self[index]`` without the checks."""
        if self._ends is None:
            return self.text[self._starts[index] : self._starts[index + 1] - 1]
        return self.text[self._starts[index] : self._ends[index]]

    def between(self, start: int, stop: int) -> Iterator[str]:
        """Lines ``start`` to ``stop - 1``: ``iter(self[start:stop])`` with no list of them."""
        text, starts, ends = self.text, self._starts, self._ends
        stop = min(stop, len(starts) - 1 if ends is None else len(ends))
        if ends is None:  # a few hundred lines split at a time: one slice, not one a line
            for first in range(start, stop, _LINES_AT_ONCE):
                last = min(first + _LINES_AT_ONCE, stop)
                yield from text[starts[first] : starts[last] - 1].split("\n")
        else:
            for index in range(start, stop):
                yield text[starts[index] : ends[index]]

    def blank(self) -> bytearray:
        """1 for each line that is empty or white space only (``not line or line.isspace()``:
        ``str.strip`` strips the same white space), else 0; looped over in C, the lines
        split a few hundred at a time (a line of one Han character is a str of 76 bytes)."""
        text, starts, ends = self.text, self._starts, self._ends
        if ends is not None:
            return bytearray(map(not_, map(str.strip, self)))
        out = bytearray()
        stop = len(starts) - 1
        for first in range(0, stop, _LINES_AT_ONCE):
            last = min(first + _LINES_AT_ONCE, stop)
            lines = text[starts[first] : starts[last] - 1].split("\n")
            out += bytearray(map(not_, map(str.strip, lines)))
        return out

    def joined(self) -> str:
        """The lines joined with LF: the text itself when it has no CR."""
        return self.text if self._ends is None else "\n".join(self)
