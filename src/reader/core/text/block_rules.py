"""A faster block stage for markdown-it-py, giving the same tokens.

markdown-it tries its block rules in turn at the start of every block. Most of
them (code, fence, blockquote, hr, list, reference, html_block, heading) first
look at the line's indent and its first character, and give up without
touching the parser's state when these cannot open their markup: a line not
indented like code goes only to those of them that its first character can
open (see _OPENED_BY), and to the other rules (front matter, table, setext
heading, paragraph: rules that look past the first character, or at the next
line), in the same order. Past the first line, no line tries front matter (it
opens on line 0 only), and a line followed by a blank line (or the end) skips
table (it needs a delimiter row on the next line) and setext heading (it needs
an underline there; failing, it leaves ``state.parentType`` set to
"paragraph", and so does its stand-in). ``tokenize`` is otherwise markdown-it's
own.

Four more costs go, with no change to the tokens:

- Block tokens are made by the state's ``push`` without the dataclass
  ``__init__`` and ``__post_init__`` calls (when ``Token`` has the fields it is
  known to have; else markdown-it's own ``push`` is used).
- The state finds its line markers with ``str`` methods, and its ``getLines``
  slices lines with no indent to cut, with no loop per character.
- The ``normalize`` core rule runs only on a text holding a CR or a NUL: it
  changes nothing else, yet replaced every LF with an LF.
- The block rules log their entry at debug level (a call that costs ~5% of a
  parse even when nothing is logged): the parser gets copies of them whose
  module ``LOGGER`` is :data:`SILENT`, whose ``debug`` does nothing. markdown-it's
  own modules, and any other parser, are left as they are.

And a caller may have each top-level block's tokens handed over as soon as they
are made (:data:`TOKEN_SINK`), so that the document's tokens never all exist at once;
and the most common block of all, a paragraph of one line standing alone (a blank
line or the end after it), handed over as its line and text (:data:`PLAIN_SINK`),
with no tokens and no call of the paragraph rule.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import fields
from itertools import accumulate, repeat
from operator import add, sub
from types import FunctionType
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType

# Rules that return False for a line not indented as code whose first character
# is not one of theirs (code: any line not indented as code).
_OPENED_BY = {
    "code": "",
    "fence": "~`",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}
_OPENERS = frozenset("".join(_OPENED_BY.values()))
# Rules that return False for such a line when the next line is blank or absent,
# past line 0.
_NEXT_LINE_RULES = frozenset(("table", "lheading"))

Rule = Any  # a block rule: (state, startLine, endLine, silent) -> bool
TokenSink = Callable[[list[Token]], None]
# An ``env`` key: a TokenSink there gets the tokens of each top-level block as soon
# as they are made, and they are then dropped, so the whole document's tokens never
# exist at once. Only for a parser whose core rules after "block" change no token
# (see :func:`streams_blocks`), and a source with no link reference definition
# (a definition after its use would not be known yet when the use is read).
TOKEN_SINK = "reader.block_sink"
PlainSink = Callable[[int, str], None]
# An ``env`` key beside TOKEN_SINK: a PlainSink there gets a top-level paragraph of one
# line followed by a blank line (or the end), past line 0, that no rule but the paragraph
# rule can open, as (its line, its inline content): what its three tokens
# (paragraph_open, inline, paragraph_close, mapped to [line, line + 1]) would say.
PLAIN_SINK = "reader.plain_sink"
_TOKEN_FIELDS = (
    "type", "tag", "nesting", "attrs", "map", "level", "children", "content", "markup", "info",
    "meta", "block", "hidden",
)  # fmt: skip
_new_token = object.__new__


class _LinesStateBlock(StateBlock):
    def __init__(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> None:
        """``StateBlock(src, md, env, tokens)``, its line markers found a line at a time:
        each line's start and end, the spaces and tabs opening it, and their width
        (tabs to the next multiple of 4). A last line of spaces and tabs only (or
        empty: after a final LF) gets no marker, as in markdown-it."""
        super().__init__("", md, env, tokens)  # every attribute, no line yet
        self.src = src
        lines = src.split("\n")
        if not lines[-1].lstrip(" \t"):
            lines.pop()
        lengths = list(map(len, lines))  # (each list made by a loop in C)
        starts = list(accumulate(map((1).__add__, lengths), initial=0))
        shifts = list(map(sub, lengths, map(len, map(str.lstrip, lines, repeat(" \t")))))
        length = len(src)
        self.bMarks = starts[:-1]
        self.bMarks.append(length)
        self.eMarks = list(map(add, starts, lengths))
        self.eMarks.append(length)
        self.tShift = [*shifts, 0]
        self.sCount = [*shifts, 0] if "\t" not in src else [*map(_width, lines, shifts), 0]
        self.bsCount = [0] * (len(lines) + 1)
        self.lineMax = len(lines)

    def getLines(self, begin: int, end: int, indent: int, keepLastLF: bool) -> str:
        """``StateBlock.getLines``: with no indent to cut, the lines' slices joined."""
        if indent or begin >= end:
            return super().getLines(begin, end, indent, keepLastLF)
        src, starts, ends = self.src, self.bMarks, self.eMarks
        last = end - 1
        if begin == last:  # most often: one line
            return src[starts[last] : ends[last] + 1 if keepLastLF else ends[last]]
        parts = [src[starts[line] : ends[line] + 1] for line in range(begin, last)]
        parts.append(src[starts[last] : ends[last] + 1 if keepLastLF else ends[last]])
        return "".join(parts)


def _width(line: str, indent: int) -> int:
    """The width of a line's first ``indent`` characters, spaces and tabs."""
    if "\t" not in line[:indent]:
        return indent
    offset = 0
    for character in line[:indent]:
        offset += 4 - offset % 4 if character == "\t" else 1
    return offset


class _FastStateBlock(_LinesStateBlock):
    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        """``StateBlock.push``: the token ``Token(ttype, tag, nesting)`` makes, field by field."""
        token = _new_token(Token)
        token.type = ttype
        token.tag = tag
        token.nesting = nesting
        token.attrs = {}
        token.map = None
        if nesting < 0:
            self.level -= 1
        token.level = self.level
        if nesting > 0:
            self.level += 1
        token.children = None
        token.content = ""
        token.markup = ""
        token.info = ""
        token.meta = {}
        token.block = True
        token.hidden = False
        self.tokens.append(token)
        return token


_State = (
    _FastStateBlock
    if tuple(field.name for field in fields(Token)) == _TOKEN_FIELDS
    else _LinesStateBlock
)


def _skipped_lheading(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    """What lheading does on a line not indented as code with a blank line after it."""
    state.parentType = "paragraph"
    return False


class _Silent:
    """A logger that drops debug messages, for the copies of the rules."""

    def debug(self, *args: object, **kwargs: object) -> None:
        return None


SILENT = _Silent()


def _silenced(fn: Any) -> Any:
    """``fn`` itself, or a copy of it that sees :data:`SILENT` as its module's ``LOGGER``."""
    if not isinstance(fn, FunctionType) or not isinstance(
        fn.__globals__.get("LOGGER"), logging.Logger
    ):
        return fn
    copy = FunctionType(
        fn.__code__,
        {**fn.__globals__, "LOGGER": SILENT},
        fn.__name__,
        fn.__defaults__,
        fn.__closure__,
    )
    copy.__kwdefaults__ = fn.__kwdefaults__
    copy.__qualname__ = fn.__qualname__
    copy.__module__ = fn.__module__
    return copy


class _FastParserBlock(ParserBlock):
    def parse(
        self, src: str, md: MarkdownIt, env: EnvType, outTokens: list[Token]
    ) -> list[Token] | None:
        """markdown-it's ``ParserBlock.parse``, with the state above."""
        if not src:
            return None
        state = _State(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens

    def __init__(self) -> None:
        super().__init__()
        self._rules: list[Rule] | None = None  # the ruler's chain the lists below are for
        self._lists: dict[tuple[str, bool, bool], list[Rule]] = {}
        self._plain: set[tuple[str, bool, bool]] = set()  # keys whose paragraph is plain

    def _candidates(self, first: str, later: bool, lone: bool) -> list[Rule]:
        """The rules that may match a line opening with ``first`` (not indented as code);
        ``later``: it is not line 0; ``lone``: besides, a blank line (or the end) follows it."""
        found: list[Rule] = []
        for rule in self.ruler.__rules__:
            if not rule.enabled or first not in _OPENED_BY.get(rule.name, first):
                continue
            if later and rule.name == "front_matter":
                continue
            if lone and rule.name in _NEXT_LINE_RULES:
                if rule.name == "lheading":
                    found.append(_skipped_lheading)
                continue
            found.append(rule.fn)
        names = [r.name for r in self.ruler.__rules__ if r.enabled and r.fn in found]
        if lone and found[:1] == [_skipped_lheading] and names == ["paragraph"]:
            self._plain.add((first if first in _OPENERS else "", later, lone))
        return found

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """markdown-it's ``ParserBlock.tokenize``, trying fewer rules (see above)."""
        # The outermost call takes the sink: nested calls (quotes, lists) leave their tokens.
        sink: TokenSink | None = state.env.pop(TOKEN_SINK, None)
        plain: PlainSink | None = state.env.pop(PLAIN_SINK, None) if sink is not None else None
        rules = self.ruler.getRules("")
        if rules is not self._rules:  # the rules were changed: start again
            self._rules, self._lists, self._plain = rules, {}, set()
        lists = self._lists  # (first character or "", later, lone) -> candidates
        plain_keys = self._plain
        line = startLine
        maxNesting = state.md.options.maxNesting
        hasEmptyLines = False
        # The state's own lists: rules change their items (block quotes), never the lists.
        begins, shifts, ends, counts = state.bMarks, state.tShift, state.eMarks, state.sCount

        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine:
                break
            if counts[line] < state.blkIndent:
                break
            if state.level >= maxNesting:
                state.line = endLine
                break

            handed = False  # to the plain sink
            if counts[line] - state.blkIndent >= 4:
                candidates = rules
            else:
                first = state.src[begins[line] + shifts[line]]
                later = line > 0
                lone = later and begins[line + 1] + shifts[line + 1] >= ends[line + 1]
                key = (first if first in _OPENERS else "", later, lone)
                found = lists.get(key)
                if found is None:
                    found = lists[key] = self._candidates(first, later, lone)
                candidates = found
                if plain is not None and key in plain_keys and state.level == 0:
                    handed = True  # what lheading's stand-in and the paragraph rule do:
                    state.parentType = "paragraph"
                    state.line = line + 1
                    plain(line, mdTrim(state.getLines(line, line + 1, state.blkIndent, False)))
            ok = handed
            for rule in () if handed else candidates:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break

            if not ok:
                raise RuntimeError("none of the block rules matched")

            state.tight = not hasEmptyLines

            line = state.line

            if (line - 1) < endLine and begins[line - 1] + shifts[line - 1] >= ends[line - 1]:
                hasEmptyLines = True

            if line < endLine and begins[line] + shifts[line] >= ends[line]:
                hasEmptyLines = True
                line += 1
                state.line = line

            if sink is not None and state.level == 0 and state.tokens:  # a whole top-level
                sink(state.tokens)  # block: hand it over
                state.tokens.clear()


def skip_unopened_rules(md: MarkdownIt) -> MarkdownIt:
    """Give ``md`` the block stage above, keeping its rules (in place).

    Its block rules are replaced by their silenced copies, and its ``normalize``
    core rule (if any) by one that runs only where it changes the text.
    """
    block = _FastParserBlock()
    block.ruler = md.block.ruler
    for rule in list(block.ruler.__rules__):
        block.ruler.at(rule.name, _silenced(rule.fn), {"alt": list(rule.alt)})
    md.block = block
    core = md.core.ruler
    for core_rule in core.__rules__:
        if core_rule.name == "normalize":
            core.at("normalize", _only_where_needed(core_rule.fn), {"alt": list(core_rule.alt)})
            break
    return md


def streams_blocks(md: MarkdownIt) -> bool:
    """Can ``md``'s block tokens be handed over as they are made (``TOKEN_SINK``)?
    Yes when its block stage is the one above and no core rule runs after it."""
    active = [rule.name for rule in md.core.ruler.__rules__ if rule.enabled]
    return isinstance(md.block, _FastParserBlock) and active[active.index("block") + 1 :] == []


def _only_where_needed(normalize: Any) -> Any:
    def normalize_if_needed(state: StateCore) -> None:
        """markdown-it's ``normalize`` (CR and CRLF to LF, NUL to U+FFFD) where either occurs."""
        if "\r" in state.src or "\0" in state.src:
            normalize(state)

    return normalize_if_needed
