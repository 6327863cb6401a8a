"""Front end for Markdown files, through markdown-it-py and its source line maps."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.text.block_rules import (
    PLAIN_SINK,
    TOKEN_SINK,
    skip_unopened_rules,
    streams_blocks,
)
from reader.core.text.cjk_emphasis import cjk_friendly, split_bold_runs
from reader.core.text.cleaning import normalize_line
from reader.core.text.front_matter import load_front_matter, metadata_from
from reader.core.text.html_text import HtmlLine, HtmlLineReader
from reader.core.text.inline_text import (
    INLINE_PIECE,
    InlineLine,
    bold_line,
    cut_pieces,
    inline_children,
    inline_lines,
    inline_text,
    plain_lines,
    simple_links,
)
from reader.core.text.lines import SourceLines
from reader.core.text.pieces import AnyPiece, Hint, Hints, Piece, Source
from reader.core.text.plain_source import ATX_HEADING as _ATX
from reader.core.text.prose_code import is_prose
from reader.core.text.shortcodes import strip_shortcodes

_PASS = frozenset(("paragraph_close", "heading_close", "list_item_close", "thead_close"))
_TEXT_HINTS = (Hint.TEXT, Hint.BODY, Hint.CAPTION, Hint.HEADING, Hint.VERBATIM, Hint.LINK)


@cache
def _parser() -> MarkdownIt:
    md = cjk_friendly(MarkdownIt("commonmark", {"html": True})).use(front_matter_plugin)
    skip_unopened_rules(md)
    md.enable(["table", "strikethrough"])
    # Blocks only: each block's inline tokens are made when it is read, then
    # dropped, so the whole document's inline tokens never exist at once.
    # text_join only joins inline children, which are made later: it is off too.
    md.disable(["inline", "text_join"])
    return md


def read_markdown(lines: SourceLines) -> Source:
    env: dict[str, object] = {}
    source = split_bold_runs(strip_shortcodes(lines.joined()))
    reader = _Reader(lines, env)
    parser = _parser()
    if "]:" not in source and streams_blocks(parser):  # "]:": perhaps a reference definition
        env[TOKEN_SINK] = reader.walk  # each top-level block is read as soon as it is parsed
        env[PLAIN_SINK] = reader.lone_paragraph  # and a paragraph of one line, with no tokens
    reader.walk(parser.parse(source, env))
    env.pop(TOKEN_SINK, None)  # an empty source is not tokenized: the sinks were not taken
    env.pop(PLAIN_SINK, None)
    return Source(reader.pieces, reader.metadata, len(lines))


class _Reader:
    def __init__(self, lines: SourceLines, env: dict[str, object]) -> None:
        self.lines = lines
        self.env = env  # link reference definitions, for the inline parser
        self.pieces: list[AnyPiece] = []
        self.metadata: dict[str, str] = {}
        self.group = 0
        self.nesting = 0  # inside list items and block quotes
        self.number = ""  # an ordered list item's number, for its first line

    def add(
        self,
        lines: list[int],
        text: str,
        hint: Hint = Hint.TEXT,
        level: int = 0,
        markdown: bool = False,
        url: str = "",
        same_line: bool = False,
    ) -> None:
        if hint is Hints.VERBATIM:
            text = text.rstrip("\n")
        else:
            text = normalize_line(text, hint is Hints.HEADING)  # keep_wide: a heading's
        if self.number and text:
            text, self.number = f"{self.number} {text}", ""
        if hint is Hints.TEXT and self.nesting:
            hint = Hints.BODY
        if not text and hint in _TEXT_HINTS:
            hint = Hints.MARKUP
        if hint is Hints.LINK and not url:
            hint = Hints.TEXT
        self.pieces.append(  # every field by position: faster than by name
            Piece(
                lines[0] if len(lines) == 1 else lines,  # one line: its number, no list
                text,
                hint,
                level,
                self.group,
                "",  # indent
                markdown,
                url,
                same_line,
            )
        )

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        row: list[str] | None = None
        row_span: list[int] = []
        while i < len(tokens):
            tok = tokens[i]
            if tok.type in _PASS:  # closing tokens that end nothing of ours
                i += 1
                continue
            span = _span(tok)
            if tok.type in (
                "paragraph_open",
                "heading_open",
                "tr_open",
                "html_block",
                "fence",
                "code_block",
                "hr",
                "front_matter",
            ):
                self.group += 1
            if tok.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
                self.nesting += 1
            elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
                self.nesting -= 1
            elif tok.type == "list_item_open" and tok.info:
                self.number = f"{tok.info}{tok.markup}"  # 1. 2) …: ordered items keep numbers
            elif tok.type == "front_matter":
                self.metadata.update(_front_matter(tok.content))
                self.pieces.append(Piece(span, "", Hint.FRONT_MATTER, group=self.group))
            elif tok.type == "heading_open":
                rendered = self.inline(tokens[i + 1].content)
                text = " ".join(r.text for r in rendered)
                url = rendered[0].link if len(rendered) == 1 else ""
                self.add(span, text, Hint.LINK if url else Hint.HEADING, int(tok.tag[1]), url=url)
                i += 2
            elif tok.type == "paragraph_open" and tokens[i + 1].type == "inline":
                self.paragraph(span, tokens[i + 1].content)
                i += 2
            elif tok.type == "html_block":
                self.html_block(span, tok.content)
            elif tok.type in ("fence", "code_block"):
                self.code(span, tok)
            elif tok.type == "hr":
                self.add(span, "", Hint.MARKUP)
            elif tok.type == "tr_open":
                row, row_span = [], span
            elif tok.type == "inline" and row is not None:
                row.append(" ".join(r.text for r in self.inline(tok.content)))
            elif tok.type == "tr_close" and row is not None:
                self.add(row_span, " ".join(c for c in row if c), Hint.BODY)
                row = None
            i += 1

    def inline(self, content: str) -> list[InlineLine]:
        """A block's inline content, rendered one entry per line (long ones in pieces)."""
        if len(content) <= INLINE_PIECE:
            plain = plain_lines(content)
            if plain is not None:
                return plain
            linked = simple_links(content)
            if linked is not None:
                return [linked]
            bold = bold_line(content)
            if bold is not None:
                return [bold]
            return inline_lines(inline_children(content, self.env))
        rendered: list[InlineLine] = []
        for line in content.split("\n"):  # lines are separate; long lines in pieces
            texts = [inline_lines(inline_children(p, self.env)) for p in cut_pieces(line)]
            text = "".join(" ".join(r.text for r in t) for t in texts)
            image_only = len(texts) == 1 and len(texts[0]) == 1 and texts[0][0].image_only
            rendered.append(InlineLine(text, image_only))
        return rendered

    def lone_paragraph(self, line: int, content: str) -> None:
        """A top-level paragraph of one line (0-based) standing alone, read as its tokens are
        (``block_rules.PLAIN_SINK``)."""
        self.group += 1
        self.paragraph([line + 1], content)

    def paragraph(self, span: list[int], content: str) -> None:
        if (
            len(span) == 1
            and len(content) <= INLINE_PIECE
            and content[:1] != "#"  # else perhaps a loose heading (below)
            and _PLAIN_LINE.fullmatch(content)
        ):
            self.add(span, content, markdown=True)  # what plain_lines makes of it: one text line
            return
        rendered = self.inline(content)
        if len(rendered) != len(span):
            self.add(span, " ".join(r.text for r in rendered), markdown=True)
            return
        # Numbered items no list rule opened: each a paragraph of its own, body text
        items = any(_ITEM_NUMBER.match(r.text) for r in rendered[1:])
        item = False
        for lineno, line in zip(span, rendered, strict=True):
            if items and _ITEM_NUMBER.match(line.text):
                item = True
                self.group += lineno != span[0]
            if lineno == span[0] and (loose := _loose_heading(self.lines[lineno - 1], line.text)):
                self.add([lineno], loose[1], Hint.HEADING, loose[0])
                continue
            hint = _line_hint(line)
            hint = Hint.BODY if item and hint is Hint.TEXT else hint
            self.add([lineno], line.text, hint, markdown=True, url=line.link)

    def code(self, span: list[int], tok: Token) -> None:
        """A code block as written; one whose content is prose, as text (``prose_code``).

        The fence lines of prose (tildes drawn as rules) are markup with no text;
        each run of content lines between blank lines is read as a paragraph.
        """
        if not span or not is_prose(tok.content, tok.info):
            self.add(span, tok.content, Hint.VERBATIM)
            return
        fenced = tok.type == "fence"
        if fenced:
            self.add(span[:1], "", Hint.MARKUP)
        first = span[0] + 1 if fenced else span[0]
        lines = tok.content.split("\n")[:-1]  # each line ends with "\n"
        run: list[int] = []
        for lineno, line in enumerate([*lines, ""], first):
            if line.strip():
                run.append(lineno)
            elif run:  # a blank line (or the end) closes a paragraph
                self.group += 1
                text = "\n".join(lines[n - first].strip() for n in run)
                self.paragraph(run, text)
                run = []
        if fenced and span[-1] >= first + len(lines):  # the closing fence
            self.group += 1
            self.add(span[-1:], "", Hint.MARKUP)

    def html_block(self, span: list[int], content: str) -> None:
        reader = HtmlLineReader()
        for lineno, line in zip(span, content.split("\n"), strict=False):
            segments = [_inline_markdown(s) for s in reader.read_segments(line)]
            if len(segments) > 1:  # <p>…</p><p>…</p> on one line: one block each
                for k, seg in enumerate(segments):
                    self.group += 1
                    hint = _segment_hint(seg.text, seg.bold)
                    if seg.caption or seg.level:
                        hint = Hint.CAPTION if seg.caption else Hint.HEADING
                    self.add([lineno], seg.text, hint, seg.level, same_line=k > 0)
                continue
            found = segments[0] if segments else HtmlLine("")
            heading = _ATX.match(line) if "<" not in line else None
            if heading:  # Markdown the author wrote inside an HTML block: still a heading
                text = inline_text(heading.group(2) or "").text
                self.add([lineno], text, Hint.HEADING, level=len(heading.group(1)))
            elif found.image:
                self.add([lineno], "", Hint.IMAGE)
            elif found.caption:
                self.add([lineno], found.text, Hint.CAPTION)
            elif found.level:
                self.add([lineno], found.text, Hint.HEADING, level=found.level)
            else:
                self.add([lineno], found.text)


# A line opening with an item number (``2. ``, ``3.``, ``4．``, ``5、``, ``6）``) but not
# a decimal (``2.5``): CommonMark opens a list only at ``1.`` after a paragraph line,
# and never without a space after the number, so later items run into the paragraph.
_ITEM_NUMBER = re.compile(r"[0-9]{1,2}[.．、)）](?![0-9])")
_EMPHASIS = re.compile(r"\*\*|~~|__|\]\(")
# One line of text with no character an inline rule starts at (as plain_lines reads it).
_PLAIN_LINE = re.compile(r"[^\n!&*<\[\\\]_`~\r\0]*")


def _inline_markdown(segment: HtmlLine) -> HtmlLine:
    """Emphasis and links an author wrote inside an HTML block are still markup."""
    if _EMPHASIS.search(segment.text) is None:
        return segment
    return replace(segment, text=inline_text(segment.text).text)


# ``#标题`` with no space after the hashes, before a Han character: CommonMark
# reads a paragraph, kramdown and many Chinese editors a heading, as its author
# saw it. A Weibo topic ``#话题#`` closes with a hash of its own and stays text,
# and so does a Latin hashtag (``#StandWith``).
_LOOSE_ATX = re.compile(r"(?:[ ]{0,3}>[ ]?)*[ ]{0,3}(#{1,6})(?=[\u3400-\u9fff])(?!.*#)")


def _loose_heading(raw: str, text: str) -> tuple[int, str] | None:
    """(level, text) of a paragraph's first line written as a heading without the space.

    Never a title (level 1 becomes 2): a heading inside a quote or after body
    text opens a section, not a new article.
    """
    found = _LOOSE_ATX.match(raw)
    if found is None or not text.startswith(found[1]):
        return None
    return max(2, len(found[1])), text[len(found[1]) :]


def _line_hint(line: InlineLine) -> Hint:
    if line.image_only:
        return Hint.IMAGE
    return Hint.LINK if line.link else Hint.TEXT


def _segment_hint(text: str, bold: bool) -> Hint:
    """A bold paragraph of a few words is a subhead; any other paragraph is body text."""
    short = len(text.strip()) <= 40 and text.strip()[-1:] not in "。！？!?；;，,"
    return Hint.HEADING if bold and short else Hint.BODY


def _span(tok: Token) -> list[int]:
    if not tok.map:
        return []
    start, end = tok.map
    return [end] if end == start + 1 else list(range(start + 1, end + 1))


def _front_matter(content: str) -> dict[str, str]:
    data = load_front_matter(content)
    return metadata_from(data) if data is not None else {}
