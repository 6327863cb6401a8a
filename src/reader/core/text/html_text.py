"""Text out of inline HTML, one source line at a time: tags go, text stays."""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP = frozenset(("script", "style", "head", "title", "template", "noscript"))
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_VOID = frozenset(("br", "hr", "wbr", "meta", "link", "input", "source", "img"))
# Bounds that keep the cost of a line linear in its length whatever it holds:
# html.parser rescans what it holds back (an unclosed comment or <script>) on
# every feed, and some of its paths copy the rest of the line per character.
_MAX_OPEN = 64  # elements kept open; deeper start tags are ignored
_MAX_PENDING = 4096  # characters held back for an unclosed construct
_LONG_LINE = 2000  # longer lines go through the simple tokenizer below
# A tag, a declaration or comment, or text: what the simple tokenizer sees in
# a long line. Possessive quantifiers: nothing backtracks.
_TOKEN = re.compile(r"<(/?)([A-Za-z][^\s/<>]*+)[^<>]*+>|<[!?][^<>]*+>|[^<]+|<")
_log = logging.getLogger("reader")
# Tags that end a block of text: several on one line make several paragraphs.
_BLOCK_TAGS = frozenset(
    ("p", "div", "br", "li", "blockquote", "section", "article", "tr", "table", "figure")
) | frozenset(("figcaption", "header", "footer", "ul", "ol", "dd", "dt", *_HEADINGS))
_BOLD = frozenset(("strong", "b"))
# A tag: its slash, its name, and its attributes, runs of plain characters around quoted
# values (each run matched at once, not a character at a time).
_SIMPLE_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>\"']*(?:(?:\"[^\"<>]*\"|'[^'<>]*')[^<>\"']*)*)>"
)


@dataclass
class HtmlLine:
    text: str
    caption: bool = False  # the text sits in a <figcaption>
    level: int = 0  # the text sits in <h1>…<h6>
    image: bool = False  # the line holds an <img> and no text
    bold: bool = False  # all of the text is bold (<strong>, <b>)


class HtmlLineReader(HTMLParser):
    """Feed lines in order; each call to :meth:`read_line` returns that line's text.

    State (an open ``<figcaption>``, ``<script>`` or heading) carries across lines.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self._stack: list[str] = []
        self._parts: list[str] = []
        self._caption = False
        self._level = 0
        self._image = False
        self._segments: list[HtmlLine] = []
        self._seg: list[str] = []
        self._seg_caption = False
        self._seg_level = 0
        self._seg_bold = 0  # 1: all bold so far, -1: some text not bold

    @property
    def busy(self) -> bool:
        """An element is still open: the next line continues it."""
        return bool(self._stack)

    def read_line(self, line: str) -> HtmlLine:
        self._parts = []
        self._caption = False
        self._level = 0
        self._image = False
        if len(line) > _LONG_LINE:
            self._reset_parser()
            self._tokenize(line)
        elif not self._feed_simple(line + "\n"):
            try:
                self.feed(line + "\n")
            except Exception:  # html.parser asserts on some broken markup
                _log.debug("html.parser failed on a line; read with the simple tokenizer")
                self._reset_parser()
                self._parts = []
                self._tokenize(line)
            if len(self.rawdata) > _MAX_PENDING:
                self._reset_parser()  # an unclosed comment or <script>: stop holding it
        text = "".join(self._parts)
        return HtmlLine(text, self._caption and bool(text.strip()), self._level, self._image)

    def _reset_parser(self) -> None:
        """Drop what html.parser holds back; the open elements are kept."""
        HTMLParser.reset(self)

    def _tokenize(self, line: str) -> None:
        """A linear reading of one line: tags, comments and text."""
        for match in _TOKEN.finditer(line):
            name = match.group(2)
            if name is not None:
                if match.group(1):
                    self.handle_endtag(name.lower())
                else:
                    self.handle_starttag(name.lower(), [])
                    if match.group(0).endswith("/>"):
                        self.handle_endtag(name.lower())
            elif not match.group(0).startswith("<") or match.group(0) == "<":
                self.handle_data(html.unescape(match.group(0)))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![…`` that is not a well-formed marked section is a bogus comment, as in HTML5."""
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            return int(self.parse_bogus_comment(i))

    def _feed_simple(self, data: str) -> bool:
        """Plain tags and text only (no entities, comments, scripts, pending input):
        the same callbacks as :meth:`feed`, found with one regular expression."""
        if "&" in data or "<!" in data or "<?" in data or self.rawdata or self.cdata_elem:
            return False
        if "<" not in data:  # text alone
            self.handle_data(data)
            return True
        # text, then each tag's three groups (slash, name, attributes) and the text after it
        parts = _SIMPLE_TAG.split(data)
        names = [name.lower() for name in parts[2::4]]
        if len(names) != data.count("<") or not _SKIP.isdisjoint(names):
            return False
        if parts[0]:
            self.handle_data(parts[0])
        for k, name in enumerate(names):
            if parts[4 * k + 1]:
                self.handle_endtag(name)
            elif parts[4 * k + 3].rstrip().endswith("/"):
                self.handle_startendtag(name, [])
            else:
                self.handle_starttag(name, [])
            if parts[4 * k + 4]:
                self.handle_data(parts[4 * k + 4])
        return True

    def read_segments(self, line: str) -> list[HtmlLine]:
        """The line's text cut at block tags (``<p>``, ``<br>``, ``<div>``…), blanks dropped."""
        self._segments = []
        found = self.read_line(line)
        self._cut()
        if not self._segments and found.image:
            self._segments.append(HtmlLine("", image=True))
        return self._segments

    def _cut(self) -> None:
        if not self._seg:  # nothing since the last cut: its flags are still clear
            return
        text = "".join(self._seg)
        if text and text.strip():
            caption = self._seg_caption
            self._segments.append(
                HtmlLine(text, caption, self._seg_level, False, self._seg_bold > 0)
            )
        self._seg = []
        self._seg_caption = False
        self._seg_level = 0
        self._seg_bold = 0

    # HTMLParser callbacks -------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._cut()
        if tag == "img":
            # Alt text is usually a file name or "图片": it is not kept.
            self._image = True
            return
        if tag in _VOID or len(self._stack) >= _MAX_OPEN:
            return
        self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._cut()
        if tag == "img":
            self._image = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._cut()
        if tag in self._stack:
            while self._stack:
                if self._stack.pop() == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self._stack and not _SKIP.isdisjoint(self._stack):
            return
        self._add(data)

    def handle_entityref(self, name: str) -> None:
        ref = f"&{name};"
        text = html.unescape(ref)
        self._add(f"&{name}" if text == ref else text)

    def handle_charref(self, name: str) -> None:
        self._add(html.unescape(f"&#{name};"))

    def _add(self, text: str) -> None:
        if "\n" in text:
            text = text.replace("\n", "")
        if not text:
            return
        if text.strip():
            if "figcaption" in self._stack:
                self._caption = self._seg_caption = True
            for tag in reversed(self._stack):
                if tag in _HEADINGS:
                    self._level = self._seg_level = _HEADINGS[tag]
                    break
            bold = not _BOLD.isdisjoint(self._stack)
            self._seg_bold = -1 if not bold or self._seg_bold < 0 else 1
        self._parts.append(text)
        self._seg.append(text)


def looks_like_html(line: str) -> bool:
    """Cheap test: does the line hold something tag- or entity-like?"""
    return ("<" in line and ">" in line) or ("&" in line and ";" in line)


def strip_inline_html(text: str) -> str:
    """Remove tags from a fragment (no state across calls)."""
    return HtmlLineReader().read_line(text).text
