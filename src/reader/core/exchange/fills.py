"""The fill a passage is shaded with in the documents people read (HTML, Word).

As the window shows it: the annotation's highlight colour (its light fill); else, for a
tagged passage, a wash of its first tag's colour; else the default yellow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reader.core.notes.vocab import COLOURS

DEFAULT = "#ffe066"
WASH = 0.3  # how much of a tag's colour its wash keeps (the rest is white): dark text reads
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def wash(colour: str) -> str:
    """``colour`` (``#rrggbb``) mixed with white, light enough to print text on."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * WASH):02x}" for c in channels)


def passage_fill(colour: str | None, tags: Sequence[str], tag_colours: Mapping[str, str]) -> str:
    """The background (``#rrggbb``) of a passage highlighted ``colour`` and tagged ``tags``."""
    if colour in COLOURS:
        return COLOURS[colour].light
    if colour is None:
        for tag in tags:
            found = tag_colours.get(tag, "")
            if _HEX.fullmatch(found):
                return wash(found)
    return DEFAULT
