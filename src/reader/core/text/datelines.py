"""Time stamps a page prints about itself: ``(更新时间戳: 1703249398021)``, ``（… 19:00）``.

A stamp is metadata: it is set as a byline (never a heading, never glued to the
paragraph above it) and its content is the article's ``updated`` metadata.
"""

from __future__ import annotations

import re

_DATE = r"(?:\d{10,13}|\d{8}|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
_TIME = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)"
_STAMP = re.compile(
    rf"^[（(]\s*(?P<label>[^（()）\d]{{0,16}}?)\s*[:：]?\s*(?P<value>{_DATE}{_TIME}?|{_TIME})\s*[）)]$"
)


def stamp_value(text: str) -> str | None:
    """The date or number of a stamp line, or None when ``text`` is not one."""
    if len(text) > 48 or not text.startswith(("(", "（")):
        return None
    match = _STAMP.match(text.strip())
    return match.group("value").strip() if match else None
