"""CJK-friendly emphasis for markdown-it-py: ``**文｜**林某某`` is bold.

CommonMark's flanking rules were written for languages with spaces between
words. A closing ``**`` after punctuation must be followed by a space or
punctuation, so ``**深一度：**正文`` and ``是**“因为…”**。`` keep their asterisks.
Following the markdown-cjk-friendly proposal, a CJK character next to a
delimiter run counts like whitespace or punctuation would on that side: the
run may open after one and close before one. Nothing is stripped afterwards;
the parser itself sees the emphasis.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline.fragments_join import fragments_join
from markdown_it.rules_inline.state_inline import Scanned, StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType

from reader.core.text.stray_delimiters import settle_broken_links, settle_stray_delimiters


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # radicals, CJK punctuation, kana, Han
        or 0xAC00 <= o <= 0xD7A3  # Hangul
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x20000 <= o <= 0x3FFFF
        or o in (0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026)  # — ‘ ’ “ ” …
        or o == 0x200B  # a zero-width space: a word boundary in CJK text
    )


def _scan(src: str, start: int, maximum: int, canSplitWord: bool) -> Scanned:
    """The delimiter run at ``start``: can it open, can it close, and its length."""
    pos = start
    marker = src[start]
    last = src[start - 1] if start > 0 else " "
    while pos < maximum and src[pos] == marker:
        pos += 1
    count = pos - start
    nxt = src[pos] if pos < maximum else " "
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(nxt)) or isPunctChar(nxt)
    last_space = isWhiteSpace(ord(last))
    next_space = isWhiteSpace(ord(nxt))
    last_cjk = _is_cjk(last)
    next_cjk = _is_cjk(nxt)
    # Full-width punctuation carries its own spacing: it never blocks a run,
    # except one that follows a Latin letter or digit (``三科5**，``: a grade,
    # not an opening).
    next_blocks = next_punct and (not next_cjk or (last.isascii() and last.isalnum()))
    last_blocks = last_punct and not last_cjk
    left = not next_space and (not next_blocks or last_space or last_punct or last_cjk)
    right = not last_space and (not last_blocks or next_space or next_punct or next_cjk)
    if last_space and pos >= maximum and start > 0:
        right = True  # ``**朱亮，老板 **``: a run ending the line after a stray space closes
    can_open = left and (canSplitWord or not right or last_punct or last_cjk)
    can_close = right and (canSplitWord or not left or next_punct or next_cjk)
    return Scanned(can_open, can_close, count)


class _CjkStateInline(StateInline):
    def scanDelims(self, start: int, canSplitWord: bool) -> Scanned:
        return _scan(self.src, start, self.posMax, canSplitWord)


# Inline content made only of these characters holds no markup at all (the
# CommonMark rules start at \n ! & * < [ \ ] _ ` ~ and at the ones excluded here).
_PLAIN = re.compile(r"[^\n!&*<\[\\\]_`~]*")
# Such content with runs of ``*`` in it (``**重要提示：**正文``): _bold_tokens takes
# it when every run is two asterisks long.
_PLAIN_OR_STARS = re.compile(r"[^\n!&<\[\\\]_`~]*")
_RUN = re.compile(r"\*+")
# The inline rules markdown-it has: none of them but emphasis starts at ``*``.
_KNOWN_RULES = frozenset(
    ("text", "linkify", "newline", "escape", "backticks", "strikethrough", "emphasis")
) | frozenset(("link", "image", "autolink", "html_inline", "entity"))


class _CjkParserInline(ParserInline):
    _checked: tuple[list[Any], list[Any]] | None = None  # the rule chains last checked
    _emphasis = False  # and what _parses_emphasis found for them

    def parse(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> list[Token]:
        if _PLAIN.fullmatch(src):  # no character any inline rule starts at: one text token
            token = Token("text", "", 0)
            token.content = src
            tokens.append(token)
            return tokens
        if "**" in src and _PLAIN_OR_STARS.fullmatch(src) and self._parses_emphasis(md):
            bold = _bold_tokens(src)
            if bold is not None:
                tokens.extend(bold)
                return tokens
        return self.parse_with_rules(src, md, env, tokens)

    def _parses_emphasis(self, md: MarkdownIt) -> bool:
        """Emphasis, and the rules that pair its delimiters, are on; no other rule
        could take a ``*`` (linkify is off)."""
        if md.options.get("linkify"):
            return False
        # The rulers' chains: new lists whenever a rule is enabled, disabled or added.
        chains = (self.ruler.getRules(""), self.ruler2.getRules(""))
        if self._checked != chains:
            on = {rule.name for rule in self.ruler.__rules__ if rule.enabled}
            after = {rule.name for rule in self.ruler2.__rules__ if rule.enabled}
            self._checked = chains
            self._emphasis = (
                "emphasis" in on
                and on <= _KNOWN_RULES
                and {"balance_pairs", "emphasis", "fragments_join"} <= after
            )
        return self._emphasis

    def parse_with_rules(
        self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]
    ) -> list[Token]:
        """markdown-it's ``ParserInline.parse``, with no fast path."""
        state = _CjkStateInline(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            if rule is fragments_join:  # pairing is done: markers left over are strays
                settle_stray_delimiters(state.tokens)
            rule(state)
        settle_broken_links(state.tokens)
        return state.tokens


def _bold_tokens(src: str) -> list[Token] | None:
    """The tokens the rules make of ``src`` (see _PLAIN_OR_STARS); None unless every
    run of ``*`` is two long.

    What balance_pairs and emphasis do with runs of two: each run that can close
    takes the nearest run before it still open (two plus two is never a multiple
    of three: no rule of three), and the pair is a strong span; a run that cannot
    close, or finds none open, stays open if it can open; runs left over are two
    text tokens of one asterisk. Then, as in :meth:`_CjkParserInline.parse_with_rules`,
    stray runs are settled, adjacent text tokens joined (fragments_join) and
    broken links settled.
    """
    runs = [m.start() for m in _RUN.finditer(src)]
    opening = _pairs(src, runs)
    if opening is None:
        return None
    if len(opening) == len(runs):  # all paired: no stray, and one text token between tags
        return _paired_tokens(src, runs, opening)
    tokens: list[Token] = []  # as the pairing rules leave them: one per marker
    end = 0
    for k, start in enumerate(runs):
        if start > end:
            tokens.append(Token("text", "", 0, content=src[end:start]))
        role = opening.get(k)
        if role is None:
            tokens += [Token("text", "", 0, content="*"), Token("text", "", 0, content="*")]
        elif role:
            tokens += [Token("text", "", 0), Token("strong_open", "strong", 1, markup="**")]
        else:
            tokens += [Token("strong_close", "strong", -1, markup="**"), Token("text", "", 0)]
        end = start + 2
    if end < len(src):
        tokens.append(Token("text", "", 0, content=src[end:]))
    settle_stray_delimiters(tokens)
    joined: list[Token] = []
    level = 0
    for token in tokens:  # fragments_join: levels counted, adjacent text joined
        if token.nesting < 0:
            level -= 1
        token.level = level
        if token.nesting > 0:
            level += 1
        if token.type == "text" and joined and joined[-1].type == "text":
            joined[-1].content += token.content
        else:
            joined.append(token)
    settle_broken_links(joined)
    return joined


def _pairs(src: str, runs: list[int]) -> dict[int, bool] | None:
    """How the rules pair the runs of ``*`` starting at ``runs`` (see :func:`_bold_tokens`):
    run index → True for a run opening a span, False for one closing it (a run left
    over has no entry); None unless every run is two long."""
    opening: dict[int, bool] = {}
    still_open: list[int] = []
    for k, start in enumerate(runs):
        scanned = _scan(src, start, len(src), True)
        if scanned.length != 2:
            return None
        if scanned.can_close and still_open:
            opening[still_open.pop()] = True
            opening[k] = False
        elif scanned.can_open:
            still_open.append(k)
    return opening


def paired_bold_text(md: MarkdownIt, src: str) -> str | None:
    """The text of the tokens ``md``'s inline parser makes of ``src`` when they are bold
    spans that all pair up and text (``**要点：**正文``): ``src`` without its runs of
    ``*``, with no token made. None for any other content (or parser)."""
    inline = md.inline
    if (
        "**" not in src
        or "\r" in src
        or "\0" in src
        or not isinstance(inline, _CjkParserInline)
        or not _PLAIN_OR_STARS.fullmatch(src)
        or not inline._parses_emphasis(md)
    ):
        return None
    runs = [m.start() for m in _RUN.finditer(src)]
    opening = _pairs(src, runs)
    if opening is None or len(opening) != len(runs):
        return None
    pieces = []
    end = 0
    for start in runs:
        pieces.append(src[end:start])
        end = start + 2
    pieces.append(src[end:])
    return "".join(pieces)


def _paired_tokens(src: str, runs: list[int], opening: dict[int, bool]) -> list[Token]:
    """_bold_tokens when every run found its partner: the text between two tags (runs
    are never side by side) and around them, each one token, and the tags."""
    tokens: list[Token] = []
    level = 0
    end = 0
    for k, start in enumerate(runs):
        tokens.append(Token("text", "", 0, level=level, content=src[end:start]))
        if opening[k]:
            tokens.append(Token("strong_open", "strong", 1, level=level, markup="**"))
            level += 1
        else:
            level -= 1
            tokens.append(Token("strong_close", "strong", -1, level=level, markup="**"))
        end = start + 2
    tokens.append(Token("text", "", 0, level=level, content=src[end:]))
    settle_broken_links(tokens)
    return tokens


# Four asterisks between two bold spans (``**问：****答**``) or alone (``甲 **** 乙``): an
# author closing one bold span and opening the next. CommonMark's rule of three
# leaves all of them literal; a zero-width space between the pairs lets them pair up.
_FOUR = re.compile(r"(?<![*\\])\*\*\*\*(?!\*)")


def split_bold_runs(text: str) -> str:
    """``**a****b**`` → ``**a**\u200b**b**``: two bold spans, as the author meant."""
    return _FOUR.sub("**\u200b**", text) if "****" in text else text


def cjk_friendly(md: MarkdownIt) -> MarkdownIt:
    """Make ``md``'s emphasis and strikethrough delimiters CJK-friendly (in place)."""
    inline = _CjkParserInline()
    inline.ruler = md.inline.ruler
    inline.ruler2 = md.inline.ruler2
    md.inline = inline
    md.normalizeLink = _keep  # type: ignore[method-assign]  # targets are kept, not rendered
    return md


def _keep(url: str) -> str:
    return url
