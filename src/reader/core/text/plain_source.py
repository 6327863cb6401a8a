"""Front end for plain text: one piece per non-blank line, or a run of them.

Plain ``.txt`` files from newspapers often carry a little Markdown (``#`` titles,
``##`` section heads), front matter or inline HTML; those are read here too.
Lists, quotes and indented code are *not* Markdown in a text file: a line
``1. 一是……`` is text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from reader.core.text.cleaning import normalize_line
from reader.core.text.front_matter import split_front_matter
from reader.core.text.html_text import HtmlLineReader, looks_like_html
from reader.core.text.inline_text import inline_text
from reader.core.text.pieces import AnyPiece, Hint, LinePiece, Piece, Source, TextRun

_SHORT = 2  # texts this short repeat: they are shared
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


def _indent(raw: str) -> str:
    if raw.startswith(("\u3000", "\t")):
        return "wide"
    return "spaces" if raw.startswith("  ") else ""


def read_plain(lines: Sequence[str]) -> Source:
    pieces: list[AnyPiece] = []
    metadata: dict[str, str] = {}
    first = 0
    front = split_front_matter(lines)
    if front is not None:
        first, metadata = front
        fm_lines = [n + 1 for n in range(first) if lines[n].strip()]
        pieces.append(Piece(fm_lines, "", Hint.FRONT_MATTER, group=1))
    html_reader: HtmlLineReader | None = None
    shared: dict[str, str] = {}  # short texts, each kept once
    group = len(pieces)
    blank_before = True
    for index, raw in enumerate(islice(lines, first, None), first):
        if not raw.strip():
            blank_before = True
            continue
        if blank_before:
            group += 1
            blank_before = False
        lineno = index + 1
        heading = ATX_HEADING.match(raw)
        if heading:
            text = inline_text(heading.group(2) or "").text
            pieces.append(
                Piece(
                    lineno,
                    normalize_line(text),
                    Hint.HEADING,
                    level=len(heading.group(1)),
                    group=group,
                )
            )
            blank_before = True  # a heading stands alone
            continue
        hint = Hint.TEXT
        level = 0
        url = ""
        if looks_like_html(raw) or (html_reader is not None and html_reader.busy):
            html_reader = html_reader or HtmlLineReader()
            found = html_reader.read_line(raw)
            text = found.text
            if found.caption:
                hint = Hint.CAPTION
            elif found.level:
                hint, level = Hint.HEADING, found.level
            elif found.image and not text.strip():
                hint = Hint.IMAGE
            if "<" not in text:
                text = inline_text(text).text
        else:
            line = inline_text(raw)
            text, url = line.text, line.link
            if line.image_only:
                hint = Hint.IMAGE
            elif url:
                hint = Hint.LINK
        text = normalize_line(text)
        indent = _indent(raw)
        if text is raw and hint is Hint.TEXT and not (indent or url):  # the line as it is
            last = pieces[-1] if pieces else None
            if isinstance(last, TextRun) and last.stop == lineno and last.group == group:
                last.stop += 1
            else:
                pieces.append(TextRun(lines, lineno, lineno + 1, group))
            continue
        if len(text) <= _SHORT:  # one copy of each: a line of one Han character is 4 bytes
            text = shared.setdefault(text, text)  # in the file, 76 as a str of its own
        if not text and hint in (Hint.TEXT, Hint.CAPTION, Hint.HEADING, Hint.LINK):
            hint = Hint.MARKUP
        if hint is Hint.TEXT and not (indent or url or level):
            pieces.append(LinePiece(lineno, text, group))  # most lines: half the memory
        else:
            pieces.append(Piece(lineno, text, hint, level, group, indent=indent, url=url))
    return Source(pieces, metadata, len(lines))
