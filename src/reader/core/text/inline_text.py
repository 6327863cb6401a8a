"""Plain text out of Markdown inline markup (emphasis, links, images, code, HTML)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.text.cjk_emphasis import cjk_friendly, paired_bold_text, split_bold_runs
from reader.core.text.html_text import strip_inline_html

# Characters that can start inline markup. Lines without any skip the parser.
_MARKUP = re.compile(r"[*_`\[\]!<>&\\~]")
# Inline content whose only markup is line breaks (no \r or NUL: the parser
# normalises those first). It renders without the parser: see plain_lines.
_NEWLINES = re.compile(r"\r\n?")
_PLAIN_LINES = re.compile(r"[^!&*<\[\\\]_`~\r\0]*")
# markdown-it keeps a token object (hundreds of bytes) per delimiter, and all
# of a text's tokens at once. Texts longer than this are parsed in pieces of
# about this size, cut after a sentence mark, a line end or a space when
# there is one: markup spanning a cut stays text, and memory stays bounded.
INLINE_PIECE = 8192
_CUT_AFTER = "\n。！？；!?;， "
# Text beside a line's links that still leaves it a line of links: separators, or a
# short label such as 相关报道：
_LINK_LABEL = re.compile(
    r"^[\s|｜/、,，;；·•\-—]*(?:[^\s。，！？!?]{1,8}[：:]?\s*)?[\s|｜/、,，;；·•\-—]*$"
)


@dataclass(frozen=True, slots=True)
class InlineLine:
    """One source line of inline content: its text, and what it is made of."""

    text: str
    image_only: bool = False  # images and nothing else
    link: str = ""  # the line is a link (or links) alone: the first target


@cache
def markdown_parser() -> MarkdownIt:
    md = cjk_friendly(MarkdownIt("commonmark", {"html": True}))
    md.enable(["table", "strikethrough"])
    return md


def inline_lines(children: list[Token]) -> list[InlineLine]:
    """Render inline tokens to text, one entry per source line."""
    lines: list[InlineLine] = []
    parts: list[str] = []
    outside: list[str] = []  # text not inside a link
    images = 0
    depth = 0
    href = ""
    for tok in children:
        if tok.type in ("softbreak", "hardbreak"):
            lines.append(_finish(parts, images, href, outside))
            parts, outside, images, href = [], [], 0, ""
        elif tok.type in ("text", "code_inline", "html_inline"):
            text = tok.content if tok.type != "html_inline" else strip_inline_html(tok.content)
            parts.append(text)
            if not depth:
                outside.append(text)
        elif tok.type == "image":
            images += 1
        elif tok.type == "link_open":
            depth += 1
            href = href or str(tok.attrs.get("href", "")) or "#"
        elif tok.type == "link_close":
            depth = max(0, depth - 1)
    lines.append(_finish(parts, images, href, outside))
    return lines


def plain_lines(content: str) -> list[InlineLine] | None:
    """What ``inline_lines(inline_children(content))`` gives for content with no markup
    but line breaks, without the parser; None for any other content.

    markdown-it's newline rule drops the spaces ending a line (two or more make a
    hard break, which renders like a soft one here) and the spaces and tabs
    opening the next line; everything else is text.
    """
    if _PLAIN_LINES.fullmatch(content) is None:
        return None
    if "\n" not in content:
        return [InlineLine(content)]
    lines = content.split("\n")
    rendered = [InlineLine(lines[0].rstrip(" "))]
    rendered += [InlineLine(line.lstrip(" \t").rstrip(" ")) for line in lines[1:-1]]
    rendered.append(InlineLine(lines[-1].lstrip(" \t")))
    return rendered


# One line of text whose only markup is inline links and images with a plain
# label and a plain target: [label](target), ![alt](target). Plain text holds
# no character an inline rule starts at; a target no space, control, bracket,
# parenthesis, quote, backslash or ampersand (nothing to balance or unescape).
_TEXT = r"[^\n\r\0!&*<\[\\\]_`~]"
_TARGET = r"[^\s\x00-\x1f\x7f()<>\[\]\\&\"']+"
_SIMPLE_LINKS = re.compile(rf"(?:{_TEXT}|!?\[{_TEXT}*\]\({_TARGET}\))*")
_SIMPLE_PART = re.compile(rf"(!?)\[({_TEXT}*)\]\(({_TARGET})\)|{_TEXT}+")


def simple_links(content: str) -> InlineLine | None:
    """What ``inline_lines(inline_children(content))`` gives for one line of text with
    plain links and images only, without the parser; None for any other content."""
    if "[" not in content or _SIMPLE_LINKS.fullmatch(content) is None:
        return None
    valid = markdown_parser().validateLink
    parts: list[str] = []
    outside: list[str] = []
    images = 0
    href = ""
    for part in _SIMPLE_PART.finditer(content):
        target = part[3]
        if target is None:  # text
            parts.append(part[0])
            outside.append(part[0])
        elif not valid(target):  # no link: the parser reads it otherwise
            return None
        elif part[1]:
            images += 1
        else:
            parts.append(part[2])
            href = href or target
    return _finish(parts, images, href, outside)


def bold_line(content: str) -> InlineLine | None:
    """What ``inline_lines(inline_children(content))`` gives for one line of text whose only
    markup is bold spans that all pair up, without the parser's tokens; None for any other
    content."""
    text = paired_bold_text(markdown_parser(), content)
    return None if text is None else InlineLine(text)


def _finish(parts: list[str], images: int, href: str, outside: list[str]) -> InlineLine:
    text = "".join(parts)
    if not text.strip():
        return InlineLine(text, images > 0)
    alone = bool(href) and not images and _LINK_LABEL.match("".join(outside)) is not None
    return InlineLine(text, False, href if alone else "")


def inline_text(source: str) -> InlineLine:
    """Strip inline markup from one line of text."""
    if _MARKUP.search(source) is None:
        return InlineLine(source)
    if len(source) > INLINE_PIECE:
        return InlineLine("".join(inline_text(piece).text for piece in cut_pieces(source)))
    rendered = inline_lines(inline_children(split_bold_runs(source)))
    return rendered[0] if len(rendered) == 1 else InlineLine(" ".join(r.text for r in rendered))


def inline_children(source: str, env: dict[str, object] | None = None) -> list[Token]:
    """markdown-it's inline tokens for ``source`` (``env`` holds link references).

    What ``parseInline`` gives, without its core chain (a state and a wrapping
    token per call): line ends and NULs normalised as its first rule does, the
    inline parser, then escapes (``text_special``) made text as its last rule does.
    Adjacent text tokens are left apart: :func:`inline_lines` joins them anyway.
    """
    if "\r" in source or "\0" in source:
        source = _NEWLINES.sub("\n", source).replace("\0", "\ufffd")
    md = markdown_parser()
    children: list[Token] = []
    md.inline.parse(source, md, {} if env is None else env, children)
    for token in children:
        if token.type == "text_special":
            token.type = "text"
    return children


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
