"""The parse's fast paths give what markdown-it gives, on fixed-seed random inputs.

plain_lines and simple_links stand in for the inline parser on content it would
read as text and plain links; block_rules skips block rules a line cannot open,
normalizes only where needed and runs silenced copies of the rules. Each is compared with the parser it
replaces, result for result.
"""

import logging
import random
import re
from pathlib import PurePath

from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.text.block_rules import PLAIN_SINK, TOKEN_SINK, _State, skip_unopened_rules
from reader.core.text.cjk_emphasis import _PLAIN_OR_STARS, _bold_tokens, cjk_friendly
from reader.core.text.front_matter import load_yaml_mapping, simple_mapping
from reader.core.text.html_text import _SIMPLE_TAG
from reader.core.text.inline_text import (
    InlineLine,
    bold_line,
    inline_children,
    inline_lines,
    markdown_parser,
    plain_lines,
    simple_links,
)
from reader.core.text.layout import blank_lines
from reader.core.text.lines import SourceLines
from reader.core.text.markdown_source import _PLAIN_LINE
from reader.core.text.structure import file_suffix

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


def test_a_plain_line_is_what_plain_lines_makes_of_it():
    checked = 0
    for text in _random_texts(8, 20_000, _INLINE_BITS, 10):
        if "\n" not in text and _PLAIN_LINE.fullmatch(text):  # markdown_source's fast path
            assert plain_lines(text) == [InlineLine(text)], repr(text)
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
    "", " ", "  ", "    ", "\t", "> ", "- ", "* ", "+ ", "1. ", "2) ", "3. ", "4) ", "5. ", "6) ",
    "7. ", "8) ", "9. ", "0) ", "10. ", "# ", "## ", "```", "~~~",
    "---", "***", "___", "===", "[a]: /u", "<div>", "</div>", "<!--", "-->", "<p>", "| a | b |",
    "|---|---|", "a | b", "- | -", ":-", "中文", "abc", "【", "１.", "\u3000",
    "---\ntitle: x\n---", "-", "--", "a---", "=", "\t\t", " \t ", "   \t", "\r", "\0",
]  # fmt: skip
_LINE_TAILS = ["", "中文内容", " text", " *x*", " |", " >", "  ", "\t", "---", "\r\n", "\0"]


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


def _random_sources(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    sources = []
    for _ in range(count):
        lines = [
            rng.choice(_LINE_HEADS) + rng.choice(_LINE_TAILS) if rng.random() < 0.85 else ""
            for _ in range(rng.randint(1, 10))
        ]
        sources.append("\n".join(lines) + rng.choice(["", "", "\n", " ", "\n\t ", "\n\n"]))
    return sources


def test_block_tokens_are_the_same_when_rules_are_skipped():
    upstream, skipping = _block_parser(False), _block_parser(True)
    # front matter can open on a list item's first line that opens with no dash
    quirks = ["- a---\n\n---\n", "> a---\n\n---\n", "a\n\nb\n---\n"]
    for source in [*quirks, *_random_sources(4, 8_000)]:
        assert _dump(skipping, source) == _dump(upstream, source), repr(source)
        assert skipping.parse(source, {}) == upstream.parse(source, {}), repr(source)  # all fields


def _brief(t) -> tuple[object, ...]:
    return (t.type, t.tag, t.nesting, t.map, t.content, t.level, t.children)


def test_lone_paragraphs_handed_as_lines_are_the_tokens_they_stand_for():
    upstream, skipping = _block_parser(False), _block_parser(True)
    tokens: list[tuple[object, ...]] = []  # a source's, as they are handed over
    handed = 0

    def lone(line: int, content: str) -> None:
        nonlocal handed
        handed += 1
        span = [line, line + 1]
        tokens.extend(  # what the paragraph rule pushes
            [
                ("paragraph_open", "p", 1, span, "", 0, None),
                ("inline", "", 0, span, content, 1, []),
                ("paragraph_close", "p", -1, None, "", 0, None),
            ]
        )

    for source in ["a\n\nb\n", "中文\n\n中文", *_random_sources(6, 8_000)]:
        if "]:" in source:  # a reference definition: not read block by block
            continue
        tokens.clear()
        env = {TOKEN_SINK: lambda block: tokens.extend(map(_brief, block)), PLAIN_SINK: lone}
        left = list(map(_brief, skipping.parse(source, env)))
        assert [*tokens, *left] == list(map(_brief, upstream.parse(source, {}))), repr(source)
    assert handed > 1000  # the lines were handed over


def test_the_block_state_is_the_state_markdown_it_makes():
    md = _block_parser(False)
    sources = [*_random_sources(5, 3_000), " ", "\n", "a", "\ta\n \t b\n\t", "x\n  ", "\t\n"]
    for source in sources:
        fast, upstream = _State(source, md, {}, []), StateBlock(source, md, {}, [])
        assert vars(fast) == vars(upstream), repr(source)


def test_the_rules_run_silenced_and_markdown_it_still_logs(caplog):
    skipping = _block_parser(True)
    with caplog.at_level(logging.DEBUG, logger="markdown_it"):
        skipping.parse("# a\n\n> b\n\n- c\n\n中文\n", {})
        assert not caplog.records
        _block_parser(False).parse("中文\n", {})
        assert any("entering paragraph" in r.getMessage() for r in caplog.records)


_FRONT_MATTER_LINES = [
    'title: "中文标题"', 'date: "2019-03-04"', "tags:", '  - "标签"', '  - "Two Words"',
    '    - "x"', '- "y"', "", "  ", 'author:  "甲" ', "author:", 'url: ""', 'a-b_c: "v"',
    'Yes: "v"', 'on: "v"', 'NULL: "v"', "~: x", 'k: "a\\"b"', 'k: "tab\there"', "k: 'single'",
    "k: plain", 'k: "x" # note', "\tk: \"x\"", 'k: "\u2028"', 'k: "\x85"', 'k: "\ufeff"',
    'k: "\U0001f600"', 'k: "\x7f"', '"k": "v"', 'k:"v"', "k: [a, b]", "k: &a x", "k: *a",
    " k: \"v\"", "---", "...", "_: \"\"", "k1: \"a: b\"", "k: \"#x\"", "  -", "  - x",
    "  -  \"x\"", "k: \"x\"\"", "2019: \"v\"", "k: \"\ud800\"", "k:  ", "x" * 120 + ': "v"',
    "layout: post", "date: 2019-05-06", "date: 2019-02-30", "date:   2019-05-06 07:08",
    "date: 2019-05-06 10:00:00", "date: 2019-5-6", "tags: 一个标签", "k: a b", "k: a  b ",
    "k: yes", "k: Null", "k: 12", "k: 0x1F", "k: 1.5", "k: .5", "k: 1_000", "k: 1:30", "k: ~",
    "k: a:b", "k: a: b", "k: a #c", "k: a#b", "k: -a", "k: !x", "k: a \"b\"", "k: a'b", "k: ?x",
    "k: <x", "k: <<", "k: =", "k: a\tb", "k: x, y", "k: [a]", "k: {a: 1}", "k: “引号”：x",
    "k: %x", "k: @x", "k: `x`", "k: |", "k: >", "k: a|b>c", "  def", "  - 四个汉字", "  - 2020",
    "  - on", "  - a b", "k: \\x", "k: a\xa0", "k: \xa0a", "k: a\u3000b", "k: 页面 404 了。",
    "date: 2019-05-06 07:08 +0800", "k: a:b:c", "k: 1:30:00", "k: a:", "k: http://a.b/c?d=1#e",
]  # fmt: skip


def test_simple_front_matter_is_what_yaml_reads():
    rng = random.Random(6)
    checked = 0
    for _ in range(20_000):
        text = "\n".join(rng.choice(_FRONT_MATTER_LINES) for _ in range(rng.randint(0, 8)))
        simple = simple_mapping(text)
        if simple is not None:
            loaded = load_yaml_mapping(text)
            assert loaded is not None, repr(text)
            assert list(simple.items()) == list(loaded.items()), repr(text)  # in order
            checked += 1
    assert checked > 2_000


_BOLD_BITS = [
    "中", "a", " ", "　", "，", "：", ":", "(", ")", "“", "”", "|", "1", "\u200b", "#", "%", "。", "-",
    "\xa0", "\t", "'", "？", "」", "「", ".", "$",
]  # fmt: skip


def _starred(rng: random.Random, bits: list[str]) -> str:
    """One to four runs of ``bits``, each bold, plain, italic or half-closed."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(0, 4)))
        parts.append(rng.choice(["**{}**", "**{}**", "{}", "*{}*", "**{}*"]).format(text))
    return "".join(parts)


def test_bold_spans_give_the_tokens_the_rules_give():
    md = markdown_parser()
    rng = random.Random(7)
    fast_paths = 0
    for _ in range(20_000):
        source = _starred(rng, _BOLD_BITS)
        if not source:
            continue  # the plain fast path keeps one empty text token: not this one's
        fast = md.inline.parse(source, md, {}, [])
        assert fast == md.inline.parse_with_rules(source, md, {}, []), repr(source)
        if "**" in source and _PLAIN_OR_STARS.fullmatch(source):
            fast_paths += _bold_tokens(source) is not None
    assert fast_paths > 2_000


def test_a_bold_line_renders_as_its_tokens_render():
    rng = random.Random(10)
    taken = 0
    bits = [*_BOLD_BITS, "\r", "\0", "[", "](u)", "\n"]
    for _ in range(20_000):
        source = _starred(rng, bits)
        found = bold_line(source)
        if found is not None:
            taken += 1
            assert [found] == inline_lines(inline_children(source)), repr(source)
    assert taken > 1_000


def test_runs_of_two_pair_as_the_rules_pair_them():
    md = markdown_parser()
    rng = random.Random(9)
    nested = 0
    for _ in range(20_000):  # runs of ** between short texts: every kind of flanking
        texts = ["".join(rng.choice(_BOLD_BITS) for _ in range(rng.randint(1, 2)))]
        for _ in range(rng.randint(2, 6)):
            texts.append("".join(rng.choice(_BOLD_BITS) for _ in range(rng.randint(1, 2))))
        if rng.random() < 0.3:
            texts[0] = ""
        if rng.random() < 0.3:
            texts[-1] = ""
        source = "**".join(texts)
        fast = md.inline.parse(source, md, {}, [])
        assert fast == md.inline.parse_with_rules(source, md, {}, []), repr(source)
        nested += sum(t.type == "strong_open" and t.level > 0 for t in fast)
    assert nested > 500


def test_a_bold_line_stays_text_when_emphasis_is_off():
    md = cjk_friendly(MarkdownIt("commonmark").disable("emphasis"))
    assert md.render("**重要提示：**") == "<p>**重要提示：**</p>\n"


def test_a_file_suffix_is_the_suffix_pathlib_gives():
    rng = random.Random(7)
    bits = [".", "..", "/", "a", "md", "MD", ".md", "中文", " ", "~", "\\", ".tar", ".gz"]
    names = ["", ".", "..", "a.", ".md", "a.md", "a.b.MD", "/x.md", "x.md/", "a/..", "./a.md"]
    names += ["".join(rng.choice(bits) for _ in range(rng.randint(0, 6))) for _ in range(5_000)]
    for name in names:
        assert file_suffix(name) == PurePath(name).suffix, repr(name)


def test_blank_lines_are_the_empty_or_white_space_lines():
    rng = random.Random(8)
    bits = ["", " ", "\t", "\u3000", "\xa0", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u200b"]
    bits += ["a", "中", "\n", "\n", "\r\n", "\r", "\ufeff"]
    for _ in range(3_000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(0, 40)))
        lines = SourceLines(text)
        expected = bytearray(not raw or raw.isspace() for raw in lines)
        assert blank_lines(lines) == expected == blank_lines(list(lines)), repr(text)
    for size in (255, 256, 257, 1000):  # lines tested a few hundred at a time
        text = "\n".join(rng.choice(["", " ", "中", "\u3000", "a b"]) for _ in range(size))
        lines = SourceLines(text + rng.choice(["", "\n"]))
        assert lines.blank() == bytearray(not raw or raw.isspace() for raw in lines)


def test_a_simple_tag_is_found_as_the_pattern_of_one_character_at_a_time_found_it():
    one_at_a_time = re.compile(
        r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*)>"
    )
    rng = random.Random(9)
    bits = ["<", ">", '"', "'", "a", "B", "/", " ", "=", "中", "img", "-", "1", "\n", "\t", "</p>"]
    texts = ["<img src=\"a.png\" alt='图'>", '<a href="x>y">', "<p class=a>文</p>", "<a b='>"]
    texts += ["".join(rng.choice(bits) for _ in range(rng.randint(0, 30))) for _ in range(50_000)]
    for text in texts:
        assert _SIMPLE_TAG.split(text) == one_at_a_time.split(text), repr(text)
