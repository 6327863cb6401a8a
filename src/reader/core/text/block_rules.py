"""A faster block stage for markdown-it-py, giving the same tokens.

markdown-it tries its block rules in turn at the start of every block. Most of
them (code, fence, blockquote, hr, list, reference, html_block, heading) first
look at the line's indent and its first character, and give up without
touching the parser's state when these cannot open their markup. A line that
is not indented like code and opens with none of their characters goes to the
other rules only (front matter, table, setext heading, paragraph: rules that
look past the first character, or at the next line), in the same order. Such a
line followed by a blank line (or the end) past the first line goes straight
to the paragraph rule: front matter opens on line 0 only, a table needs a
delimiter row and a setext heading an underline on the next line.
``tokenize`` is otherwise markdown-it's own.

Two more costs go, with no change to the tokens:

- The ``normalize`` core rule runs only on a text holding a CR or a NUL: it
  changes nothing else, yet replaced every LF with an LF.
- The block rules log their entry at debug level (a call that costs ~5% of a
  parse even when nothing is logged): the parser gets copies of them whose
  module ``LOGGER`` is :data:`SILENT`, whose ``debug`` does nothing. markdown-it's
  own modules, and any other parser, are left as they are.
"""

from __future__ import annotations

import logging
from types import FunctionType
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_core.state_core import StateCore

# Rules that return False for a line not indented as code whose first character
# is not in _OPENERS: ``~`` ``\``` fence, ``>`` blockquote, ``* - _`` hr,
# ``* - +`` and ASCII digits list, ``[`` reference, ``<`` html_block, ``#`` heading.
_FIRST_CHARACTER_RULES = frozenset(
    ("code", "fence", "blockquote", "hr", "list", "reference", "html_block", "heading")
)
_OPENERS = frozenset("~`>*-_+0123456789[<#")
# Rules that return False for such a line when the next line is blank or absent,
# past line 0 (lheading first sets ``state.parentType``: see _lone_line_rules).
_NEXT_LINE_RULES = frozenset(("front_matter", "table", "lheading"))


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
    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """markdown-it's ``ParserBlock.tokenize``, trying fewer rules on plain lines."""
        rules = self.ruler.getRules("")
        enabled = [rule for rule in self.ruler.__rules__ if rule.enabled]
        skipped = {rule.fn for rule in enabled if rule.name in _FIRST_CHARACTER_RULES}
        plain_rules = [rule for rule in rules if rule not in skipped]
        skipped |= {rule.fn for rule in enabled if rule.name in _NEXT_LINE_RULES}
        lone_rules = [rule for rule in rules if rule not in skipped]
        lheading = any(rule.name == "lheading" for rule in enabled)
        line = startLine
        maxNesting = state.md.options.maxNesting
        hasEmptyLines = False

        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine:
                break
            if state.sCount[line] < state.blkIndent:
                break
            if state.level >= maxNesting:
                state.line = endLine
                break

            first = state.src[state.bMarks[line] + state.tShift[line]]
            if first in _OPENERS or state.sCount[line] - state.blkIndent >= 4:
                candidates = rules
            elif line and state.isEmpty(line + 1):
                candidates = lone_rules
                if lheading:  # lheading, failing, leaves this set: so does its skipping
                    state.parentType = "paragraph"
            else:
                candidates = plain_rules
            ok = False
            for rule in candidates:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break

            if not ok:
                raise RuntimeError("none of the block rules matched")

            state.tight = not hasEmptyLines

            line = state.line

            if (line - 1) < endLine and state.isEmpty(line - 1):
                hasEmptyLines = True

            if line < endLine and state.isEmpty(line):
                hasEmptyLines = True
                line += 1
                state.line = line


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


def _only_where_needed(normalize: Any) -> Any:
    def normalize_if_needed(state: StateCore) -> None:
        """markdown-it's ``normalize`` (CR and CRLF to LF, NUL to U+FFFD) where either occurs."""
        if "\r" in state.src or "\0" in state.src:
            normalize(state)

    return normalize_if_needed
