"""Offsets in Python characters ↔ positions in UTF-16 code units (what Qt counts).

They differ only after characters outside the Basic Multilingual Plane (CJK
Extension B and later, emoji), which take two UTF-16 units. The map is exact.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Convert between ``str`` offsets and UTF-16 positions in one text."""

    def __init__(self, text: str) -> None:
        # Python offsets of the characters that take two UTF-16 units.
        self._wide = [m.start() for m in _ASTRAL.finditer(text)]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of Python offset ``offset``."""
        return offset + bisect_left(self._wide, offset)

    def from_utf16(self, position: int) -> int:
        """Python offset of UTF-16 ``position``; a position inside a pair maps to its start."""
        if not self._wide:
            return min(position, self._length)
        lo, hi = 0, self._length
        while lo < hi:  # the largest offset whose UTF-16 position is <= position
            mid = (lo + hi + 1) // 2
            if mid + bisect_right(self._wide, mid - 1) <= position:
                lo = mid
            else:
                hi = mid - 1
        return lo
