"""A block tokenizer for markdown-it-py that skips the rules a line cannot open.

markdown-it tries its block rules in turn at the start of every block. Most of
them (code, fence, blockquote, hr, list, reference, html_block, heading) first
look at the line's indent and its first character, and give up without
touching the parser's state when these cannot open their markup. A line that
is not indented like code and opens with none of their characters goes to the
other rules only (front matter, table, setext heading, paragraph: rules that
look past the first character, or at the next line), in the same order. The
tokens are the same; ``tokenize`` is otherwise markdown-it's own.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block.state_block import StateBlock

# Rules that return False for a line not indented as code whose first character
# is not in _OPENERS: ``~`` ``\``` fence, ``>`` blockquote, ``* - _`` hr,
# ``* - +`` and ASCII digits list, ``[`` reference, ``<`` html_block, ``#`` heading.
_FIRST_CHARACTER_RULES = frozenset(
    ("code", "fence", "blockquote", "hr", "list", "reference", "html_block", "heading")
)
_OPENERS = frozenset("~`>*-_+0123456789[<#")


class _SkippingParserBlock(ParserBlock):
    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """markdown-it's ``ParserBlock.tokenize``, trying fewer rules on plain lines."""
        rules = self.ruler.getRules("")
        skipped = {
            rule.fn
            for rule in self.ruler.__rules__
            if rule.enabled and rule.name in _FIRST_CHARACTER_RULES
        }
        plain_rules = [rule for rule in rules if rule not in skipped]
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
    """Give ``md`` the block tokenizer above, keeping its rules (in place)."""
    block = _SkippingParserBlock()
    block.ruler = md.block.ruler
    md.block = block
    return md
