"""Fixed vocabularies: review statuses and the highlight palette."""

from __future__ import annotations

from typing import NamedTuple

REVIEW_STATUSES = ("unread", "in_progress", "reviewed", "needs_changes")


class Colour(NamedTuple):
    name: str
    light: str  # highlight fill on the light theme
    dark: str  # and on the dark theme


PALETTE = (
    Colour("yellow", "#ffe066", "#8a7a1f"),
    Colour("green", "#a8e6a1", "#3f7a3a"),
    Colour("blue", "#a6d1ff", "#2f5f8f"),
    Colour("pink", "#ffb3d1", "#8f3f62"),
    Colour("orange", "#ffc48a", "#91592a"),
    Colour("purple", "#d4b8ff", "#5d4391"),
    Colour("teal", "#8fe3d6", "#2c7268"),
    Colour("grey", "#d0d0d0", "#5a5a5a"),
)
COLOURS = {c.name: c for c in PALETTE}
DEFAULT_COLOUR = "yellow"
# A highlight's colour as the exports name it: the key, or its Chinese name (the UI's
# words). A Word comment that holds only one of these is a highlight with no note.
COLOUR_WORDS = {c.name: c.name for c in PALETTE} | dict(
    zip(("黄色", "绿色", "蓝色", "粉色", "橙色", "紫色", "青色", "灰色"), COLOURS, strict=True)
)

# Tag colours: underlines and icons, so strong mid tones that read on a light page and a
# dark one alike. New tags take the least used, in this order.
TAG_COLOURS = (
    "#2563eb",  # blue
    "#dc2626",  # red
    "#16a34a",  # green
    "#d97706",  # amber
    "#9333ea",  # purple
    "#0891b2",  # cyan
    "#db2777",  # pink
    "#65a30d",  # lime
    "#ea580c",  # orange
    "#4f46e5",  # indigo
)
