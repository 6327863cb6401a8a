"""The parse's fast paths give what markdown-it gives, on fixed-seed random inputs.

plain_lines and simple_links stand in for the inline parser on content it would
read as text and plain links; block_rules skips block rules a line cannot open.
Each is compared with the parser it replaces, result for result.
"""

import random

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.text.block_rules import skip_unopened_rules
from reader.core.text.inline_text import (
    inline_children,
    inline_lines,
    markdown_parser,
    plain_lines,
    simple_links,
)

_INLINE_BITS = [
    "a", "中", " ", "  ", "\t", "\n", "\u3000", "，", "#", "-", ">", "(", ")", ":", "/", "!",
    "*", "_", "[", "]", "](", "`", "&amp;", "\\*", "~~", "<b>", "[x](http://a.b/c)",
    "![i](p.png)", "[](u)", "[中文](https://x.y/z?a=1)", "[a](javascript:x)",
    "[b](data:image/png;base64,AA)", "![c](data:text/html,x)", '[a](u "t")', "[a](<u>)",
    "[a]( u )", "[a](u&amp;v)", "[a](u)(v)", "[a]", "[a][b]", "[a](u\u3000v)", "\r", "\0",
]  # fmt: skip


def _random_texts(seed: int, count: int, bits: list[str], most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(bits) for _ in range(rng.randint(0, most))) for _ in range(count)]


def test_plain_lines_match_the_parser():
    checked = 0
    for text in _random_texts(1, 20_000, _INLINE_BITS, 10):
        fast = plain_lines(text)
        if fast is not None:
            assert fast == inline_lines(inline_children(text)), repr(text)
            checked += 1
    assert checked > 500


def test_simple_links_match_the_parser_with_and_without_references():
    env = {"references": {"A": {"href": "r", "title": ""}, "X": {"href": "s", "title": ""}}}
    checked = 0
    for text in _random_texts(2, 20_000, _INLINE_BITS, 8):
        fast = simple_links(text)
        if fast is not None:
            assert [fast] == inline_lines(inline_children(text)), repr(text)
            assert [fast] == inline_lines(inline_children(text, dict(env))), repr(text)
            checked += 1
    assert checked > 200


def test_inline_children_match_parse_inline():
    md = markdown_parser()
    for text in _random_texts(3, 5_000, _INLINE_BITS, 10):
        tokens = md.parseInline(text, {})
        expected = tokens[0].children or [] if tokens else []
        assert inline_lines(inline_children(text)) == inline_lines(expected), repr(text)


_LINE_HEADS = [
    "", " ", "  ", "    ", "\t", "> ", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ", "```", "~~~",
    "---", "***", "___", "===", "[a]: /u", "<div>", "</div>", "<!--", "-->", "<p>", "| a | b |",
    "|---|---|", "a | b", "- | -", ":-", "中文", "abc", "【", "１.", "\u3000",
    "---\ntitle: x\n---",
]  # fmt: skip
_LINE_TAILS = ["", "中文内容", " text", " *x*", " |", " >", "  ", "\t"]


def _block_parser(skipping: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin)
    if skipping:
        skip_unopened_rules(md)
    md.enable(["table", "strikethrough"])
    md.disable(["inline", "text_join"])
    return md


def _dump(md: MarkdownIt, source: str) -> list[tuple[object, ...]]:
    return [
        (t.type, t.tag, t.nesting, t.map, t.content, t.info, t.markup, t.level, t.hidden, t.meta)
        for t in md.parse(source, {})
    ]


def test_block_tokens_are_the_same_when_rules_are_skipped():
    upstream, skipping = _block_parser(False), _block_parser(True)
    rng = random.Random(4)
    for _ in range(5_000):
        lines = [
            rng.choice(_LINE_HEADS) + rng.choice(_LINE_TAILS) if rng.random() < 0.85 else ""
            for _ in range(rng.randint(1, 10))
        ]
        source = "\n".join(lines)
        assert _dump(skipping, source) == _dump(upstream, source), repr(source)
