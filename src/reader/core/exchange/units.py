"""Offsets in other tools' units: Reader counts code points, Java and JavaScript UTF-16 units.

Label Studio and doccano (JavaScript front ends) and UIMA/INCEpTION (Java) count
UTF-16 code units, so a character beyond the Basic Multilingual Plane (an emoji
😀, a CJK Extension B character 𠀀) counts twice there and once in Reader. brat
counts code points, like Reader. ``Utf16`` converts both ways for one text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.core.errors import NotesFormatError

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16:
    """Code point ↔ UTF-16 offsets of one text; built once, each conversion O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code point index of each character outside the BMP (two UTF-16 units each).
        # (A search in C: ``max(text)`` makes a string of every character.)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Its UTF-16 index: every astral character before it adds one unit.
        self._starts = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text) + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code point offset ``offset`` (0 ≤ offset ≤ len(text))."""
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset: int, where: str = "offset") -> int:
        """The code point offset of UTF-16 ``offset``; refused inside a surrogate pair."""
        if not 0 <= offset <= self.length:
            raise NotesFormatError(
                f"{where} {offset} lies outside the text ({self.length:,} UTF-16 units)"
            )
        before = bisect_left(self._starts, offset)  # astral characters starting before it
        if before and self._starts[before - 1] + 1 == offset:
            raise NotesFormatError(
                f"{where} {offset} falls inside a character that takes two UTF-16 units "
                "(an emoji or a rare CJK character); the offsets are not UTF-16 units"
            )
        return offset - before


def utf16_slice(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with UTF-16 offsets, as Java and JavaScript would cut it."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le", "replace")
