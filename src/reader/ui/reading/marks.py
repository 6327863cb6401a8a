"""How annotations look in the pane: translucent fills that blend where they overlap,
an underline in the tag's colour for tags, a dotted underline for notes. Find and
search marks: an opaque saturated fill with its own ink (white on the light theme,
near-black on the dark), a colour outside the highlight palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import COLOURS, DEFAULT_COLOUR
from reader.ui.theme import Theme

FILL_ALPHA = 120  # of 255: two overlapping fills read as a blend of both


@dataclass
class AnnotationMark:
    id: str
    start: int
    end: int
    format: QTextCharFormat
    annotation: Annotation

    @property
    def tooltip(self) -> str:
        """Quote, tags, note and annotator: made when the pointer rests on the mark."""
        a = self.annotation
        lines = [f"“{a.quote[:40]}”"]
        if a.tags:
            lines.append("# " + "  # ".join(a.tags))
        if a.note:
            lines.append(a.note)
        if a.annotator:
            lines.append(f"— {a.annotator}")
        return "\n".join(lines)


# One format per look, kept across calls: a mark made again for the same look (the
# article's others after its first view, a refresh) has the very format it had, so
# the pane can keep the selection it made for it.
_Look = tuple[str | None, str | None, bool, bool, str]
_FORMATS: dict[_Look, QTextCharFormat] = {}


def marks_for(
    annotations: list[Annotation], tag_colours: dict[str, str], theme: Theme
) -> list[AnnotationMark]:
    marks = []
    dark = theme.name == "dark"
    accent = theme.accent
    formats = _FORMATS
    for a in annotations:
        if a.state == "orphaned":
            continue
        colour_name = a.color or (None if a.tags else DEFAULT_COLOUR)
        tag_colour = tag_colours.get(a.tags[0], "#d97706") if a.tags else None
        look = (colour_name, tag_colour, bool(a.note), dark, accent)
        fmt = formats.get(look)
        if fmt is None:
            if len(formats) > 4096:  # tag colours are the user's: keep the cache small
                formats.clear()
            fmt = formats[look] = _format(colour_name, tag_colour, bool(a.note), dark, theme)
        marks.append(AnnotationMark(a.id, a.start, a.end, fmt, a))
    return marks


def _format(
    colour_name: str | None, tag_colour: str | None, note: bool, dark: bool, theme: Theme
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if colour_name:
        colour = COLOURS.get(colour_name, COLOURS[DEFAULT_COLOUR])
        fill = QColor(colour.dark if dark else colour.light)
        fill.setAlpha(FILL_ALPHA)
        fmt.setBackground(fill)
    if tag_colour is not None:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(tag_colour))
    elif note:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(theme.accent))
    return fmt


def find_format(theme: Theme, current: bool) -> QTextCharFormat:
    """A find or search hit; the current one in a second colour."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(theme.find_current if current else theme.find_hit))
    fmt.setForeground(QColor(theme.find_ink))
    return fmt
