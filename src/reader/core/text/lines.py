"""Source lines as structure recovery numbers them: split on LF, CRLF and CR only."""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """``str.splitlines`` also splits on form feeds and other controls; this does not."""
    return LINE_BREAK.split(text) if "\r" in text else text.split("\n")
