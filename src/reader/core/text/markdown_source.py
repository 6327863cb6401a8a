"""Front end for Markdown files, through markdown-it-py and its source line maps."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.text.cleaning import normalize_line
from reader.core.text.front_matter import load_front_matter, metadata_from
from reader.core.text.html_text import HtmlLineReader
from reader.core.text.inline_text import INLINE_PIECE, cut_pieces, inline_children, inline_lines
from reader.core.text.pieces import Hint, Piece, Source


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin)
    md.enable(["table", "strikethrough"])
    # Blocks only: each block's inline tokens are made when it is read, then
    # dropped, so the whole document's inline tokens never exist at once.
    md.disable("inline")
    return md


def read_markdown(lines: list[str]) -> Source:
    env: dict[str, object] = {}
    tokens = _parser().parse("\n".join(lines), env)
    reader = _Reader(lines, env)
    reader.walk(tokens)
    return Source(reader.pieces, reader.metadata, len(lines))


class _Reader:
    def __init__(self, lines: list[str], env: dict[str, object]) -> None:
        self.lines = lines
        self.env = env  # link reference definitions, for the inline parser
        self.pieces: list[Piece] = []
        self.metadata: dict[str, str] = {}
        self.group = 0
        self.nesting = 0  # inside list items and block quotes

    def add(
        self,
        lines: list[int],
        text: str,
        hint: Hint = Hint.TEXT,
        level: int = 0,
        markdown: bool = False,
    ) -> None:
        text = normalize_line(text) if hint is not Hint.VERBATIM else text.rstrip("\n")
        if hint is Hint.TEXT and self.nesting:
            hint = Hint.BODY
        if not text and hint in (Hint.TEXT, Hint.BODY, Hint.CAPTION, Hint.HEADING, Hint.VERBATIM):
            hint = Hint.MARKUP
        self.pieces.append(Piece(lines, text, hint, level, self.group, markdown=markdown))

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        row: list[str] | None = None
        row_span: list[int] = []
        while i < len(tokens):
            tok = tokens[i]
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
            elif tok.type == "front_matter":
                self.metadata.update(_front_matter(tok.content))
                self.pieces.append(Piece(span, "", Hint.FRONT_MATTER, group=self.group))
            elif tok.type == "heading_open":
                text = " ".join(t for t, _ in self.inline(tokens[i + 1]))
                self.add(span, text, Hint.HEADING, level=int(tok.tag[1]))
                i += 2
            elif tok.type == "paragraph_open" and tokens[i + 1].type == "inline":
                self.paragraph(span, tokens[i + 1])
                i += 2
            elif tok.type == "html_block":
                self.html_block(span, tok.content)
            elif tok.type in ("fence", "code_block"):
                self.add(span, tok.content, Hint.VERBATIM)
            elif tok.type == "hr":
                self.add(span, "", Hint.MARKUP)
            elif tok.type == "tr_open":
                row, row_span = [], span
            elif tok.type == "inline" and row is not None:
                row.append(" ".join(t for t, _ in self.inline(tok)))
            elif tok.type == "tr_close" and row is not None:
                self.add(row_span, " ".join(c for c in row if c), Hint.BODY)
                row = None
            i += 1

    def inline(self, tok: Token) -> list[tuple[str, bool]]:
        """A block's inline content, rendered one entry per line (long ones in pieces)."""
        content = tok.content
        if len(content) <= INLINE_PIECE:
            return inline_lines(inline_children(content, self.env))
        rendered: list[tuple[str, bool]] = []
        for line in content.split("\n"):  # lines are separate; long lines in pieces
            pieces = cut_pieces(line)
            texts = [inline_lines(inline_children(p, self.env)) for p in pieces]
            text = "".join(" ".join(t for t, _ in r) for r in texts)
            rendered.append((text, len(texts) == 1 and len(texts[0]) == 1 and texts[0][0][1]))
        return rendered

    def paragraph(self, span: list[int], inline: Token) -> None:
        rendered = self.inline(inline)
        if len(rendered) != len(span):
            self.add(span, " ".join(t for t, _ in rendered), markdown=True)
            return
        for lineno, (text, image_only) in zip(span, rendered, strict=True):
            self.add([lineno], text, Hint.IMAGE if image_only else Hint.TEXT, markdown=True)

    def html_block(self, span: list[int], content: str) -> None:
        reader = HtmlLineReader()
        for lineno, line in zip(span, content.split("\n"), strict=False):
            found = reader.read_line(line)
            if found.caption:
                self.add([lineno], found.text, Hint.CAPTION)
            elif found.level:
                self.add([lineno], found.text, Hint.HEADING, level=found.level)
            elif found.image and not found.text.strip():
                self.add([lineno], "", Hint.IMAGE)
            else:
                self.add([lineno], found.text)


def _span(tok: Token) -> list[int]:
    if not tok.map:
        return []
    start, end = tok.map
    return list(range(start + 1, end + 1))


def _front_matter(content: str) -> dict[str, str]:
    data = load_front_matter(content)
    return metadata_from(data) if data is not None else {}
