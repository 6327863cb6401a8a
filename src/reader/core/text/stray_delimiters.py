"""Emphasis and strikethrough markers that found no partner are not shown as markup.

After markdown-it pairs its delimiters, a run that paired with nothing is left
as literal text: ``老總。 **`` at a line's end, ``天下，** 当一切…`` where a
converter broke the bold span, ``未****经授权`` from nested spans gone wrong,
``~~`` around a link that never closed. A reader sees asterisks where the
author saw bold. Such runs of two or more markers are dropped, with two
exceptions where the run stands for a word:

- between two spaces (``对 ** 补品``): a masked word, shown with full-width
  look-alikes (``＊＊``) so that nothing reads as markup and nothing is lost;
- underscores between two Han characters (``支__寶``): a blank to fill in,
  shown as full-width low lines (``支＿＿寶``).

A single marker (``5 * 3``, ``snake_case``) stays as it is, and so do asterisks
that close a Latin word or a number (``三科5**，``: a grade). Runs of escaped
markers (``\\*\\*``) count the same: in Chinese prose they are what an HTML to
Markdown converter made of a bold span.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it.token import Token

_MARKERS = frozenset("*_~")
_WIDE = str.maketrans("*_~", "＊＿～")
_BREAKS = frozenset(("softbreak", "hardbreak"))
# A link the author never finished: ``[标题](https://…`` with no ``)``, or
# ``标题](https://…)`` with no ``[``. The parser leaves it as text; its label stays.
_TARGET = r"\]\((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|www\.)[^\s()]*\)?"
_BROKEN_LINK = re.compile(rf"\[([^\[\]\n]*){_TARGET}|{_TARGET}")


def _is_marker(token: Token) -> bool:
    content = token.content
    return (
        token.type in ("text", "text_special")
        and bool(content)
        and content[0] in _MARKERS
        and content == content[0] * len(content)
        and (token.type == "text" or token.info == "escape")
    )


def _is_wide(ch: str) -> bool:
    """Han, kana, full-width forms and CJK punctuation: no space is needed beside them."""
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


def _neighbour(tokens: list[Token], index: int, step: int) -> str:
    """The character beside the run in the rendered text ("" at a line's edge)."""
    while 0 <= index < len(tokens):
        token = tokens[index]
        if token.type in _BREAKS:
            return ""
        if token.content and token.type in ("text", "text_special", "code_inline"):
            return token.content[-1] if step < 0 else token.content[0]
        index += step
    return ""


def settle_stray_delimiters(tokens: list[Token]) -> None:
    """Drop or widen the unpaired marker runs among inline ``tokens`` (in place).

    Call it after the pairing rules (balance_pairs, strikethrough, emphasis) and
    before ``fragments_join``: until then an unpaired marker is a text token of
    its own, and a text token of markers only is never anything else.
    """
    i = 0
    while i < len(tokens):
        if not _is_marker(tokens[i]):
            i += 1
            continue
        marker = tokens[i].content[0]
        end = i
        while end < len(tokens) and _is_marker(tokens[end]) and tokens[end].content[0] == marker:
            end += 1
        run = tokens[i:end]
        length = sum(len(t.content) for t in run)
        before, after = _neighbour(tokens, i - 1, -1), _neighbour(tokens, end, 1)
        if length >= 2 and not _suffix(marker, before, after):
            if (before == " " and after == " ") or (
                marker == "_" and before and after and _is_han(before) and _is_han(after)
            ):
                replacement = (marker * length).translate(_WIDE)
            else:
                replacement = ""
                _drop_lone_space(tokens, i - 1, end, before, after)
            run[0].type, run[0].content = "text", replacement
            for token in run[1:]:
                token.type, token.content = "text", ""
        i = end


def _suffix(marker: str, before: str, after: str) -> bool:
    """Asterisks closing a Latin word or number (``5**`` is a grade): text, not markup."""
    return (
        marker == "*"
        and before.isascii()
        and before.isalnum()
        and not (after.isalnum() or (after and _is_wide(after) and not _is_punct(after)))
    )


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def _drop_lone_space(tokens: list[Token], left: int, right: int, before: str, after: str) -> None:
    """``天下，** 当`` → ``天下，当``: the space beside a dropped run, where CJK needs none."""
    if after == " " and (not before or _is_wide(before)):
        token = tokens[right]
        if token.type == "text" and token.content.startswith(" "):
            token.content = token.content[1:]
    elif before == " " and (not after or _is_wide(after)):
        token = tokens[left]
        if token.type == "text" and token.content.endswith(" "):
            token.content = token.content[:-1]


def settle_broken_links(tokens: list[Token]) -> None:
    """Keep the label of a link left unfinished, not its raw target (in place)."""
    for token in tokens:
        if token.type == "text" and "](" in token.content:
            token.content = _BROKEN_LINK.sub(lambda m: m[1] or "", token.content)
