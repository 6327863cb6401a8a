"""Nothing is ever lost: every non-blank line lands in exactly one block, and parsing never raises."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.text.structure import parse_text

LINES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            "",
            "",
            "# 标题",
            "## 小标题",
            "——副标题",
            "链接》》",
            "何靖 王铮",
            "---",
            "<p>",
            "</p>",
            "<figure>",
            "<figcaption>图片说明</figcaption>",
            "![](a.png)",
            "```",
            "- 列表",
            "> 引用",
            "正文写到一半",
            "写完了。",
            "　　缩进的段落。",
            "专 技 人 员",
            "| a | b |",
            "|---|---|",
            "<script>",
            "&amp;",
            "[x]: http://a",
            "===",
            "***",
            "    代码",
        ]
    ),
    st.text(alphabet="中文段落，。“”（）《》 \t#*_-<>/!`[]()&;\u3000", max_size=30),
)
PAGES = st.lists(LINES, max_size=40).map("\n".join)


def _check(text: str, name: str) -> None:
    doc = parse_text(text, name)
    lines = re.split(r"\r\n|\r|\n", text)
    non_blank = {i + 1 for i, line in enumerate(lines) if line.strip()}
    seen: list[int] = [n for a in doc.articles for b in a.blocks for n in b.lines]
    assert sorted(seen) == sorted(set(seen)), "a line is in two blocks"
    assert set(seen) == non_blank
    for article in doc.articles:
        for block in article.blocks:
            assert article.text[block.start : block.end] == block.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_every_line_in_exactly_one_block_plain(text):
    _check(text, "page.txt")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_every_line_in_exactly_one_block_markdown(text):
    _check(text, "page.md")
