"""Plain text out of Markdown inline markup (emphasis, links, images, code, HTML)."""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.text.html_text import strip_inline_html

# Characters that can start inline markup. Lines without any skip the parser.
_MARKUP = re.compile(r"[*_`\[\]!<>&\\~]")
# markdown-it keeps a token object (hundreds of bytes) per delimiter, and all
# of a text's tokens at once. Texts longer than this are parsed in pieces of
# about this size, cut after a sentence mark, a line end or a space when
# there is one: markup spanning a cut stays text, and memory stays bounded.
INLINE_PIECE = 8192
_CUT_AFTER = "\n。！？；!?;， "


@cache
def markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.enable(["table", "strikethrough"])
    return md


def inline_lines(children: list[Token]) -> list[tuple[str, bool]]:
    """Render inline tokens to text, one entry per source line: (text, image_only)."""
    lines: list[tuple[str, bool]] = []
    parts: list[str] = []
    images = 0
    for tok in children:
        if tok.type in ("softbreak", "hardbreak"):
            lines.append(_finish(parts, images))
            parts, images = [], 0
        elif tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type == "image":
            images += 1
        elif tok.type == "html_inline":
            parts.append(strip_inline_html(tok.content))
    lines.append(_finish(parts, images))
    return lines


def _finish(parts: list[str], images: int) -> tuple[str, bool]:
    text = "".join(parts)
    return text, images > 0 and not text.strip()


def inline_text(source: str) -> tuple[str, bool]:
    """Strip inline markup from one line of text: (text, the line is only an image)."""
    if _MARKUP.search(source) is None:
        return source, False
    if len(source) > INLINE_PIECE:
        return "".join(inline_text(piece)[0] for piece in cut_pieces(source)), False
    rendered = inline_lines(inline_children(source))
    return rendered[0] if len(rendered) == 1 else (" ".join(t for t, _ in rendered), False)


def inline_children(source: str, env: dict[str, object] | None = None) -> list[Token]:
    """markdown-it's inline tokens for ``source`` (``env`` holds link references)."""
    tokens = markdown_parser().parseInline(source, {} if env is None else env)
    return tokens[0].children or [] if tokens else []


def cut_pieces(text: str, size: int = INLINE_PIECE) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, each cut after a natural break."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind(mark) for mark in _CUT_AFTER)
        end = start + (cut + 1 if cut > size // 2 else size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
