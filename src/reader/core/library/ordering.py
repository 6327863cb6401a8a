"""The order files are listed in: the tree's and ``reader ls``'s alike."""

from __future__ import annotations

import re

_DIGIT_RUNS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[list[str | int], str]:
    """Files in the order a person numbers them: page2 before page10, case ignored.

    Digit runs compare as numbers (a file name is at most 255 bytes, far below Python's
    limit on converting digits); equal keys fall back to the name itself."""
    parts: list[str | int] = list(_DIGIT_RUNS.split(name.casefold()))
    parts[1::2] = [int(p) for p in parts[1::2]]
    return parts, name
