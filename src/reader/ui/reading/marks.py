"""How annotations look in the pane: translucent fills that blend where they overlap,
an underline in the tag's colour for tags (lightened on the dark page) over a faint wash
of it when the annotation has no highlight colour, a dotted
underline for notes. Where two or more tagged annotations overlap, the underline is
striped: the first tag's dashes over the last tag's line (one underline colour per
format could only show the last tag's). Find and
search marks: an opaque saturated fill with its own ink (white on the light theme,
near-black on the dark), a colour outside the highlight palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import COLOURS, DEFAULT_COLOUR
from reader.ui.theme import Theme, tag_ink

FILL_ALPHA = 120  # of 255: two overlapping fills read as a blend of both
# A tag without a highlight colour: a faint wash of the tag's colour under its line, so
# a tagged passage is seen at a glance and two overlapping tags read darker where they
# share words (a line alone, one pixel high, hid the overlap)
TAG_FILL_ALPHA = {False: 48, True: 64}  # light page, dark page


@dataclass
class AnnotationMark:
    id: str
    start: int
    end: int
    format: QTextCharFormat
    annotation: Annotation
    tag_colour: str | None = None  # the underline's colour as drawn, for tagged marks

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
        if tag_colour is not None:
            tag_colour = tag_ink(tag_colour, dark)
        look = (colour_name, tag_colour, bool(a.note), dark, accent)
        fmt = formats.get(look)
        if fmt is None:
            if len(formats) > 4096:  # tag colours are the user's: keep the cache small
                formats.clear()
            fmt = formats[look] = _format(colour_name, tag_colour, bool(a.note), dark, theme)
        marks.append(AnnotationMark(a.id, a.start, a.end, fmt, a, tag_colour))
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
        if not colour_name:
            wash = QColor(tag_colour)
            wash.setAlpha(TAG_FILL_ALPHA[dark])
            fmt.setBackground(wash)
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


def overlaps(marks: list[AnnotationMark]) -> list[tuple[int, int, QTextCharFormat]]:
    """The stretches two or more tagged marks share, underlined in two colours: the last
    tag's solid line with the first tag's dashes over it (a stripe of both). Each stretch
    comes as two formats, the line then the dashes, to be drawn after the marks.

    Called whenever the marks near the view change: the marks are first cut into
    clusters that overlap, and only clusters of two or more are swept."""
    tagged = sorted(
        (m for m in marks if m.tag_colour is not None and m.end > m.start),
        key=lambda m: m.start,
    )
    found: list[tuple[int, int, QTextCharFormat]] = []
    cluster: list[AnnotationMark] = []
    reach = -1  # the furthest end in the cluster
    for mark in tagged:
        if mark.start >= reach:
            if len(cluster) > 1:
                found += _sweep(cluster)
            cluster, reach = [], mark.end
        cluster.append(mark)
        reach = max(reach, mark.end)
    if len(cluster) > 1:
        found += _sweep(cluster)
    return found


def _sweep(marks: list[AnnotationMark]) -> list[tuple[int, int, QTextCharFormat]]:
    bounds: dict[int, list[tuple[bool, AnnotationMark]]] = {}
    for mark in marks:
        if mark.tag_colour is not None and mark.end > mark.start:
            bounds.setdefault(mark.start, []).append((True, mark))
            bounds.setdefault(mark.end, []).append((False, mark))
    found: list[tuple[int, int, QTextCharFormat]] = []
    active: dict[str, AnnotationMark] = {}
    last = 0  # where the current stretch began
    colours: tuple[str, ...] = ()  # and the colours it shares
    for offset in sorted(bounds):
        for opens, mark in bounds[offset]:
            if opens:
                active[mark.id] = mark
            else:
                active.pop(mark.id, None)
        now = _colours(active) if len(active) > 1 else ()
        if len(now) < 2:  # one tag's colour, however many marks: its own line says it
            now = ()
        if now != colours:
            if colours and offset > last:
                found += [(last, offset, fmt) for fmt in _overlap_formats(colours)]
            last, colours = offset, now
    return found


def _colours(active: dict[str, AnnotationMark]) -> tuple[str, ...]:
    ordered = sorted(active.values(), key=lambda m: (m.start, m.id))
    return tuple(dict.fromkeys(m.tag_colour for m in ordered if m.tag_colour))


_OVERLAP_FORMATS: dict[tuple[str, ...], tuple[QTextCharFormat, QTextCharFormat]] = {}


def _overlap_formats(colours: tuple[str, ...]) -> tuple[QTextCharFormat, QTextCharFormat]:
    formats = _OVERLAP_FORMATS.get(colours)
    if formats is None:
        line, dashes = QTextCharFormat(), QTextCharFormat()
        line.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        line.setUnderlineColor(QColor(colours[-1]))
        dashes.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        dashes.setUnderlineColor(QColor(colours[0]))
        formats = _OVERLAP_FORMATS[colours] = (line, dashes)
    return formats
