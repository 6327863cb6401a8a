"""Fuzzing structure recovery: any text, plain or Markdown, parses or is refused readably.

A fixed budget: 500 examples per test, no deadline, small inputs (long lines
are made of repeats), no example database. The three tests together take about
30 s on the 2-core CI machine. Any exception but a ReaderError fails. Crash cases found here are kept
as explicit regression tests in test_hostile_input.py.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ReaderError
from reader.core.text.decoding import decode_bytes
from reader.core.text.structure import parse_text

pytestmark = pytest.mark.fuzz

FRAGMENTS = [
    "---",
    "...",
    "title: 标题",
    "a: &a [x, y]",
    "b: [*a, *a]",
    "[[[[[[",
    "{a: {b: {c:",
    "date: 2024-13-45",
    "!!python/object:os.system",
    "<![![p>",
    "<![CDATA[",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<figcaption>",
    "<h2>",
    "</h2>",
    "<p",
    "&#",
    "&#x;",
    "&amp",
    "<img src=x>",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "```",
    "~~~",
    "    ",
    "| a | b |",
    "|---|",
    "[x]: http://a",
    "![](a.png)",
    "**",
    "__",
    "——",
    "链接》》",
    "记者 王铮",
    "（新华社记者 李明/摄）",
    "专 技 人 员",
    "\u3000\u3000",
    "。",
    "，",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\u2028",
    "\ufeff",
    "\u200b",
    "\ud7ff",
    "𠀀",
]
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=20),
    st.text(alphabet="中文段落，。“”（）《》 \t#*_-<>/!`[]()&;:\u3000\n", max_size=40),
    # long lines: a fragment repeated
    st.builds(
        lambda s, n: s * n, st.sampled_from([*FRAGMENTS, "字 ", "字", "a"]), st.integers(50, 3000)
    ),
)
PAGES = st.lists(st.tuples(PIECES, st.sampled_from(["", "\n", "\n\n", " "])), max_size=30).map(
    lambda items: "".join(p + sep for p, sep in items)
)
FRONT = st.tuples(
    st.lists(st.sampled_from([*FRAGMENTS[:9], "x: 1", "- a", "  - b"]), max_size=12),
    PAGES,
).map(lambda fm: "---\n" + "\n".join(fm[0]) + "\n---\n" + fm[1])
INPUTS = st.one_of(PAGES, FRONT)
BUDGET = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def _parse(text: str, name: str) -> None:
    try:
        document = parse_text(text, name)
    except ReaderError:
        return
    for article in document.articles:
        for block in article.blocks:
            assert article.text[block.start : block.end] == block.text


@BUDGET
@given(INPUTS)
def test_fuzz_plain(text):
    _parse(text, "fuzz.txt")


@BUDGET
@given(INPUTS)
def test_fuzz_markdown(text):
    _parse(text, "fuzz.md")


@BUDGET
@given(
    st.one_of(st.binary(max_size=2000), INPUTS.map(lambda t: t.encode("utf-8", "surrogatepass")))
)
def test_fuzz_bytes_decode_then_parse(data):
    try:
        decoded = decode_bytes(data)
    except ReaderError:
        return
    _parse(decoded.text, "fuzz.txt")
