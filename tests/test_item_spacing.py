"""The author's spaces beside Latin words and list numbers, and numbered items kept apart
(each on a small page written here)."""

import pytest

from reader.core.text.cleaning import clean_body
from reader.core.text.structure import parse_text

LEAD = "# 题目\n\n第一段正文写在这里，内容足够长，是一段正常的文字。\n\n"


def blocks(text: str) -> list[tuple[str, tuple[int, ...], str]]:
    doc = parse_text(text, "page.md")
    return [(b.kind, tuple(b.lines), b.text) for a in doc.articles for b in a.blocks]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("小标题使用 `h2` 或 `h3`。", "小标题使用 h2 或 h3。"),  # code spans
        ("小标题使用 **h2** 或 **h3**。", "小标题使用 h2 或 h3。"),  # emphasis
        ("这种 ABC5 蛋白很少见。", "这种 ABC5 蛋白很少见。"),  # a Latin word ending in digits
        ("他得了 XYZ-12 型流感。", "他得了 XYZ-12 型流感。"),
        ("系统升级到 Foo 3 以后。", "系统升级到 Foo 3 以后。"),  # a Latin name and its number
        ("在地址前补上 0x 就行。", "在地址前补上 0x 就行。"),  # digits opening a Latin word
        ("1. 甲组 2. 乙组 3. 丙组", "1. 甲组 2. 乙组 3. 丙组"),  # items on one line
    ],
)
def test_spaces_the_author_wrote_beside_latin_words_and_list_numbers_stay(
    line: str, shown: str
) -> None:
    assert blocks(LEAD + line + "\n")[-1][2] == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("在 2015 年 7 月", "在2015年7月"),  # spaces around plain numbers still go
        ("约 2.5 公里", "约2.5公里"),
        ("增长 50% 的", "增长50%的"),
        ("第 3 章", "第3章"),
        ("住在 2、4 楼", "住在2、4楼"),  # a series of numbers, not an item
    ],
)
def test_spaces_between_han_and_plain_numbers_still_go(text: str, shown: str) -> None:
    assert clean_body(text) == shown


@pytest.mark.parametrize(
    "text",
    ["先关掉开关 3、再检查线路", "先关掉开关 3. 再检查线路", "这种 ABC5 蛋白", "用 Foo 3 以后"],
)
def test_clean_body_keeps_the_space_before_an_item_number_or_after_a_latin_number(
    text: str,
) -> None:
    assert clean_body(text) == text


def test_numbered_lines_inside_a_paragraph_are_paragraphs_of_their_own() -> None:
    page = LEAD + "说明如下：\n2. 第二条写在这里。\n3. 第三条写在这里，\n接着写完。\n\n后文。\n"
    got = blocks(page)
    assert ("paragraph", (5,), "说明如下：") in got
    assert ("paragraph", (6,), "2. 第二条写在这里。") in got
    assert ("paragraph", (7, 8), "3. 第三条写在这里，接着写完。") in got


@pytest.mark.parametrize("mark", ["．", ".", "、", "）"])
def test_numbered_lines_with_other_marks_or_no_space_are_apart(mark: str) -> None:
    page = LEAD + f"1{mark}甲方的说法是这样的。\n2{mark}乙方的说法是那样的。\n"
    got = blocks(page)
    assert ("paragraph", (5,), f"1{mark}甲方的说法是这样的。") in got
    assert ("paragraph", (6,), f"2{mark}乙方的说法是那样的。") in got


def test_a_short_numbered_line_is_an_item_not_a_heading() -> None:
    got = blocks(LEAD + "捐款方法：\n2) 网上账户：某某\n3) 邮寄支票\n\n后文写在这里。\n")
    assert [k for k, lines, _ in got if lines in ((6,), (7,))] == ["paragraph", "paragraph"]


def test_a_decimal_opening_a_wrapped_line_does_not_split_the_paragraph() -> None:
    page = LEAD + "今年的产量比去年增长了\n2.5%，好于预期。\n"
    assert ("paragraph", (5, 6), "今年的产量比去年增长了2.5%，好于预期。") in blocks(page)
