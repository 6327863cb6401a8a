"""Code blocks that are prose read as text; real code stays as written (made-up pages)."""

import pytest

from reader.core.text.prose_code import is_prose
from reader.core.text.structure import parse_text

LEAD = "# 题目\n\n第一段正文写在这里，内容足够长，是一段正常的文字。\n\n"


def blocks(text: str) -> list[tuple[str, tuple[int, ...], str]]:
    doc = parse_text(text, "page.md")
    return [(b.kind, tuple(b.lines), b.text) for a in doc.articles for b in a.blocks]


def test_tilde_rules_framing_a_subhead_make_a_heading_without_padding() -> None:
    rule = "~" * 30
    page = LEAD + f"{rule}   \n 参加单位   \n {rule}   \n * 甲单位   \n * 乙单位   \n"
    got = blocks(page)
    assert ("heading", (5, 6, 7), "参加单位") in got
    assert [t for _, _, t in got if "~" in t or t != t.strip()] == []
    assert ("paragraph", (8,), "甲单位") in got


def test_a_paragraph_indented_four_spaces_is_a_paragraph() -> None:
    page = (
        LEAD
        + "      这段缩进了空格，作者并不想写代码，\n    只是习惯在段首空几格。\n\n    另一段。\n"
    )
    got = blocks(page)
    assert ("paragraph", (5, 6), "这段缩进了空格，作者并不想写代码，只是习惯在段首空几格。") in got
    assert ("paragraph", (8,), "另一段。") in got


def test_an_unclosed_prose_fence_reads_to_the_end_as_text() -> None:
    got = blocks(LEAD + "~~~~~~~~\n 最后的话\n\n说完了，谢谢大家。\n")
    assert [t for _, _, t in got][-2:] == ["最后的话", "说完了，谢谢大家。"]


@pytest.mark.parametrize(
    "fence",
    [
        "```\n# 安装依赖\nsudo apt-get install 某个软件\n```\n",  # a command, a comment
        "```text\n这是一段标明了类型的文字，原样显示。\n```\n",  # a language named
        "```\n---\n标题：某某\n---\n```\n",  # front matter shown in a template
        "```\n原文来自某某：~~[标题](链接)~~\n```\n",  # Markdown shown in a template
        "    <center>说明文字</center>\n",  # HTML
        "    // 注释：这里是中文说明\n    处理(数据)\n",  # code with a Chinese comment
        "```\nname: 某某\n```\n",  # configuration
        "```\ndat://abcdef0123456789/\n```\n",  # no Han at all
    ],
)
def test_real_code_stays_as_written(fence: str) -> None:
    got = blocks(LEAD + fence)
    body = fence.strip("\n").split("\n")
    inner = body[1:-1] if fence.startswith("```") else [line[4:] for line in body]
    assert got[-1][2] == "\n".join(inner)


@pytest.mark.parametrize(
    ("content", "prose"),
    [
        ("参加单位   \n", True),
        ("中文段落，有标点。\n第二行。\n", True),
        ("IT 专业人士联盟\n", True),  # a Latin word in a Han line
        ("x = 1  # 中文说明文字\n", False),
        ("if 条件成立：\n", False),
        ("printf(格式)\n", False),
        ("- 列表里的一项\n", False),
        ("abc def 中文\n", False),  # Han less than half
        ("", False),
    ],
)
def test_prose_is_mostly_han_with_no_code_shape(content: str, prose: bool) -> None:
    assert is_prose(content, "") is prose
    assert not is_prose(content, "python")
