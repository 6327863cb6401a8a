"""Parse memory (issue #9): what a parse holds stays within a few times the file.

Peaks are tracemalloc's, against the file's UTF-8 size, on fixed-seed inputs of
the shapes that once held 10 to 100 times the file (``bench/growth.py`` has the
figures). The bounds are generous: memory is deterministic, and they are set
to fail if what was let go (source line strings, the pieces, a run's chunks,
markdown-it's token list) is held whole again. The helpers that made it so
are compared with what they stand in for.
"""

from __future__ import annotations

import random
import statistics
import tracemalloc
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text import block_rules, lines, markdown_source
from reader.core.text.layout import _median
from reader.core.text.lines import SourceLines, split_lines
from reader.core.text.model import Block, BlockKind, LineSpan, compact_lines, span_of
from reader.core.text.structure import parse_text

_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
_SIZE = 128 * 1024


def _han(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choices(_HAN, k=rng.randint(low, high)))


def _fill(line: Callable[[random.Random], str], size: int = _SIZE) -> str:
    rng = random.Random(9)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(line(rng))
        total += len(parts[-1].encode("utf-8")) + 1
    return "\n".join(parts)


def _headlines(rng: random.Random) -> str:
    return _han(rng, 4, 14) + ("\n" if rng.random() < 0.3 else "")


def _sentences(rng: random.Random) -> str:
    return _han(rng, 6, 20) + "。"


def _markdown(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return f"## {_han(rng, 4, 12)}\n"
    return f"{_han(rng, 10, 30)}**{_han(rng, 2, 5)}**[{_han(rng, 2, 4)}](x)。\n"


def _one_char(rng: random.Random) -> str:
    return rng.choice(_HAN)


def _peak_ratio(text: str, name: str) -> float:
    parse_text("# 标题\n\n正文。\n", name)  # parsers built and cached before tracing
    tracemalloc.start()
    try:
        parse_text(text, name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(text.encode("utf-8"))


# Measured: 8.3, 3.6, 7.7 and 3.6 (when first written 9.5, 7.1, 7.6 and 50; the code
# before that 16.8, 10.6, 21.7 and 90). Lines that are text as they stand are held as
# runs (a TextRun: no object per line), and a block of one line holds no tuple of it:
# before that 9.2, 5.9 and 37.2 for headlines, sentences and one-character lines.
@pytest.mark.parametrize(
    ("make", "name", "bound"),
    [
        (_headlines, "h.txt", 9),
        (_sentences, "s.txt", 5),
        (_markdown, "m.md", 9),
        (_one_char, "c.txt", 6),
    ],
    ids=["headlines", "sentences", "markdown", "one-char-lines"],
)
def test_parse_peak_memory_stays_within_a_bound_of_the_file(make, name, bound):
    assert _peak_ratio(_fill(make), name) < bound


def test_markdown_with_a_reference_definition_is_read_whole_and_resolves_it():
    text = "[链接][r]在前。\n\n" * 2000 + "[r]: https://example.org/\n"
    doc = parse_text(text, "r.md")
    assert doc.articles[0].blocks[0].text == "链接在前。"
    assert doc.articles[0].blocks[0].kind == "paragraph"


# --- the helpers, against what they stand in for ----------------------------

_LINE_BITS = st.sampled_from(["a", "中", "\n", "\r", "\r\n", "\n\n", " ", "\f", "xxxxxxx"])


@given(st.lists(_LINE_BITS, max_size=40).map("".join))
def test_source_lines_are_split_lines(text):
    saved = lines._CHUNK
    lines._CHUNK = 5  # chunk edges fall everywhere
    try:
        found = SourceLines(text)
    finally:
        lines._CHUNK = saved
    expected = split_lines(text)
    assert list(found) == expected
    assert len(found) == len(expected)
    assert [found[i] for i in range(-len(found), len(found))] == expected + expected
    assert found[1:3] == expected[1:3]
    for start in range(len(expected) + 1):
        assert list(found.between(start, start + 3)) == expected[start : start + 3]
    assert found.joined() == "\n".join(expected)
    with pytest.raises(IndexError):
        found[len(found)]


@given(st.lists(st.integers(0, 200), min_size=1, max_size=60))
def test_median_of_counts_is_statistics_median(values):
    found = _median(Counter(values))
    expected = statistics.median(values)
    assert found == expected
    assert type(found) is type(expected)


_MD_BITS = [
    "段落。", "文字", "\n", "\n\n", "# ", "## ", "- ", "1. ", "> ", "```\n", "    ", "|a|b|\n|-|-|\n",
    "<div>\n", "</div>\n", "**粗**", "[链](u)", "---\n", "***", "\t", "  ", "<!-- c -->", ">",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(60))
def test_markdown_read_block_by_block_is_read_whole(seed, monkeypatch):
    rng = random.Random(seed)
    text = "".join(rng.choice(_MD_BITS) for _ in range(rng.randint(1, 120)))
    handed: list[int] = []
    original = block_rules._FastParserBlock.tokenize

    def counting(self, state, start, end):
        sink = state.env.get(block_rules.TOKEN_SINK)
        if sink is not None:
            state.env[block_rules.TOKEN_SINK] = lambda tokens: (
                handed.append(len(tokens)),
                sink(tokens),
            )
        return original(self, state, start, end)

    monkeypatch.setattr(block_rules._FastParserBlock, "tokenize", counting)
    streamed = parse_text(text, "a.md").to_json()
    monkeypatch.setattr(markdown_source, "streams_blocks", lambda md: False)
    whole = parse_text(text, "a.md").to_json()
    assert streamed == whole
    assert handed or not text.strip()  # the blocks were handed over as they were made


@given(st.lists(st.integers(1, 12), max_size=12))
def test_line_spans_stand_in_for_the_tuple_of_their_lines(numbers):
    expected = tuple(numbers)
    for found in (span_of(numbers), compact_lines(expected)):
        assert found == expected and expected == found
        assert hash(found) == hash(expected)
        assert list(found) == numbers and len(found) == len(numbers)
        assert [found[i] for i in range(-len(found), len(found))] == numbers + numbers
        assert found[1:3] == expected[1:3] and list(reversed(found)) == numbers[::-1]
        assert all(n in found for n in numbers) and 0 not in found
        assert repr(found) == repr(expected)
        contiguous = len(numbers) > 2 and numbers == list(
            range(numbers[0], numbers[0] + len(numbers))
        )
        assert isinstance(found, LineSpan) == contiguous
        block = Block(BlockKind.PARAGRAPH, "x", found)
        assert block == Block(BlockKind.PARAGRAPH, "x", expected)
        assert hash(block) == hash(Block(BlockKind.PARAGRAPH, "x", expected))
        assert block.to_json()["lines"] == numbers
    assert LineSpan(3, 6) == LineSpan(3, 6) != LineSpan(3, 7)
    assert LineSpan(3, 6) != [3, 4, 5]  # like the tuple it stands in for
