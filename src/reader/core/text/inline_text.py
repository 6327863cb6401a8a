"""Plain text out of Markdown inline markup (emphasis, links, images, code, HTML)."""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.text.html_text import strip_inline_html

# Characters that can start inline markup. Lines without any skip the parser.
_MARKUP = re.compile(r"[*_`\[\]!<>&\\~]")


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
    tokens = markdown_parser().parseInline(source)
    children = tokens[0].children or [] if tokens else []
    rendered = inline_lines(children)
    return rendered[0] if len(rendered) == 1 else (" ".join(t for t, _ in rendered), False)
