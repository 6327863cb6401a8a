"""``==highlight==`` for markdown-it-py, as Obsidian and markdown-it-mark read it.

mdit-py-plugins has no mark plugin; this is markdown-it-mark (the JavaScript plugin
Obsidian-style highlights come from) ported: ``strikethrough`` with ``=`` for ``~``
and ``<mark>`` for ``<s>``. The tests render Reader's Markdown with it to see which
text each ``==mark==`` covers.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline.state_inline import Delimiter, StateInline
from mdit_py_plugins.footnote import footnote_plugin

_EQUALS = 0x3D


def _tokenize(state: StateInline, silent: bool) -> bool:
    if silent or state.src[state.pos] != "=":
        return False
    scanned = state.scanDelims(state.pos, True)
    length = scanned.length
    if length < 2:
        return False
    if length % 2:
        state.push("text", "", 0).content = "="
        length -= 1
    for _ in range(length // 2):
        state.push("text", "", 0).content = "=="
        state.delimiters.append(
            Delimiter(_EQUALS, 0, len(state.tokens) - 1, -1, scanned.can_open, scanned.can_close)
        )
    state.pos += scanned.length
    return True


def _pair(state: StateInline, delimiters: list[Delimiter]) -> None:
    lone = []
    for start in delimiters:
        if start.marker != _EQUALS or start.end == -1:
            continue
        end = delimiters[start.end]
        for index, (kind, nesting) in (
            (start.token, ("mark_open", 1)),
            (end.token, ("mark_close", -1)),
        ):
            token = state.tokens[index]
            token.type, token.tag, token.nesting = kind, "mark", nesting
            token.markup, token.content = "==", ""
        before = state.tokens[end.token - 1]
        if before.type == "text" and before.content == "=":
            lone.append(end.token - 1)
    while lone:  # an odd run's lone "=" goes after the marks it closes
        i = lone.pop()
        j = i + 1
        while j < len(state.tokens) and state.tokens[j].type == "mark_close":
            j += 1
        j -= 1
        if i != j:
            state.tokens[i], state.tokens[j] = state.tokens[j], state.tokens[i]


def _post_process(state: StateInline) -> None:
    _pair(state, state.delimiters)
    for meta in state.tokens_meta:
        if meta and "delimiters" in meta:
            _pair(state, meta["delimiters"])


def mark_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("emphasis", "mark", _tokenize)
    md.inline.ruler2.before("emphasis", "mark", _post_process)


def parser() -> MarkdownIt:
    """CommonMark with footnotes and ``==marks==``, as Obsidian reads an export."""
    return MarkdownIt("commonmark").use(footnote_plugin).use(mark_plugin)
