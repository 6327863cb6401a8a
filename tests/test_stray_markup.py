"""Markup the author left unfinished is not shown as markup (made-up pages)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.inline_text import inline_text
from reader.core.text.structure import parse_text


def blocks(text: str, name: str = "page.md") -> list[tuple[str, str, int | None]]:
    doc = parse_text(text, name)
    return [(b.kind, b.text, b.level) for a in doc.articles for b in a.blocks]


def body(text: str, name: str = "page.md") -> list[str]:
    return [t for kind, t, _ in blocks(f"# 标题\n\n{text}\n", name) if kind != "title"]


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("见到老總。 **", "见到老總。"),  # a run ending the line, after a space
        ("**背景：** 见到老總。 **", "背景： 见到老總。"),  # the pair is bold, the stray goes
        ("天下，** 当一切都安静。**”", "天下，当一切都安静。”"),  # a broken span: no space is left
        ("欢迎你，***什么玩意。", "欢迎你，什么玩意。"),
        ("[__捂脸__]__，一个", "[捂脸]，一个"),
        ("**调查\\*\\* \\*\\*这口锅**", "调查这口锅"),  # escaped runs are a converter's
        ("删~~去", "删去"),
    ],
)
def test_unpaired_marker_runs_are_dropped(source: str, shown: str) -> None:
    assert inline_text(source).text == shown


def test_runs_of_four_between_han_are_dropped_too() -> None:
    assert body("未****经授权，严禁转载") == ["未经授权，严禁转载"]


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("对 ** 补品的报道", "对 ＊＊ 补品的报道"),  # a masked word between spaces
        ("对 __ 补品", "对 ＿＿ 补品"),
        ("支__寶等公司", "支＿＿寶等公司"),  # a blank between Han characters
        ("答案是___。", "答案是。"),  # a blank before punctuation: not between Han
    ],
)
def test_a_run_standing_for_a_word_is_kept_in_full_width(source: str, shown: str) -> None:
    assert inline_text(source).text == shown


@pytest.mark.parametrize(
    "source",
    [
        "5 * 3 = 15",
        "a snake_case name",
        "注*：见下",
        "\\*注",
        "约~3 公里",
        "她拿了三科5**，又拿了5**",  # a grade: asterisks closing a number
        "成績5**。",
    ],
)
def test_a_single_marker_is_text(source: str) -> None:
    expected = source.replace("\\*", "*")
    assert inline_text(source).text == expected


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("**深一度：**正文", "深一度：正文"),
        ("~~删除~~线", "删除线"),
        ("**甲** 与 __乙__", "甲 与 乙"),
        ("**5**分", "5分"),
        ("**iPhone**，好", "iPhone，好"),
    ],
)
def test_paired_markers_still_pair(source: str, shown: str) -> None:
    assert inline_text(source).text == shown


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("原文：~~[标题](https://example.cn/a~~", "原文：标题"),  # never closed
        ("原文来自「标题？](http://192.0.2.1:8088/)~~", "原文来自「标题？"),  # never opened
        ("见[标题](https://example.cn/a)。", "见标题。"),  # a finished link, as before
        ("a](b) c", "a](b) c"),  # no address: not a link the author meant
        ("[x](y", "[x](y"),
    ],
)
def test_an_unfinished_link_keeps_its_label_not_its_target(source: str, shown: str) -> None:
    assert inline_text(source).text == shown


def test_a_rule_of_asterisks_with_wide_spaces_is_a_rule_not_text() -> None:
    got = blocks("# 标题\n\n一段话。\n\n***\u00a0\u00a0 ***\u00a0\u00a0 ***\n\n又一段。\n")
    assert [k for k, t, _ in got if "*" in t] == []
    assert [t for k, t, _ in got if k == "paragraph"] == ["一段话。", "又一段。"]


def test_a_hash_glued_to_han_text_is_a_section_heading() -> None:
    got = blocks("# 标题\n\n一段话。\n\n#小标题\n\n又一段。\n")
    assert ("heading", "小标题", 2) in got
    assert len(parse_text("# 标题\n\n一段话。\n\n#小标题\n\n又一段。\n", "p.md").articles) == 1


def test_a_quoted_hash_sentence_is_a_paragraph_without_its_hash() -> None:
    got = body("> #扫描下方二维码，马上来读这个专栏。")
    assert got == ["扫描下方二维码，马上来读这个专栏。"]


@pytest.mark.parametrize("line", ["#话题#今天", "#StandWith 青年", "\\#某话题 说出你的故事"])
def test_hashtags_stay_text(line: str) -> None:
    assert body(line) == [line.replace("\\#", "#")]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("**#youthvoice 青年不沉默!**", "#youthvoice 青年不沉默!"),  # a bold slogan
        ("**\\#youthvoice 青年不沉默**!", "#youthvoice 青年不沉默!"),  # its hash escaped
        ("**#StandWithHer **", "#StandWithHer"),  # a bold tag alone, set as a subhead
        ("## \\#youthvoice 说出你的故事", "#youthvoice 说出你的故事"),  # a heading
    ],
)
def test_a_hashtag_opening_a_line_keeps_its_hash(line: str, shown: str) -> None:
    # The author wrote the hash to be seen (in bold, or escaped): it is the tag's
    # own character, not a heading marker the parser missed.
    got = blocks(f"# 标题\n\n一段话。\n\n{line}\n\n又一段。\n")
    assert [t for _, t, _ in got[1:]] == ["一段话。", shown, "又一段。"]


def test_plain_text_files_keep_their_hash_lines() -> None:
    assert "#小标题" in [t for _, t, _ in blocks("标题\n\n#小标题\n\n正文。\n", "page.txt")]


def test_code_keeps_its_markers() -> None:
    got = blocks("# 标题\n\n```\n~~[标题](链接)~~ **x\n```\n")
    assert "~~[标题](链接)~~ **x" in [t for _, t, _ in got]


def test_code_spans_show_the_syntax_they_quote() -> None:
    # Backticks go; the HTML and Markdown the author quotes in them stay, as written.
    got = body("标题写成 `<h2>小标题</h2>`，不要用 `**加粗**`。")
    assert got == ["标题写成 <h2>小标题</h2>，不要用 **加粗**。"]


def test_a_fenced_template_in_a_list_item_is_kept_whole() -> None:
    fence = "    ```\n    ---\n    来源：~~[题目](链接)~~\n    \n    作者：某人\n    ---\n    ```\n"
    got = body(f"1. 来源格式\n\n{fence}\n2. 下一条。")
    assert got == ["1. 来源格式", "---\n来源：~~[题目](链接)~~\n\n作者：某人\n---", "2. 下一条。"]


# Markers come in runs of two or more here: a lone ``*`` is text, and two lone
# ones may meet in what is shown (``_*_*`` is an emphasised ``*`` then ``*``).
_PROSE = st.lists(
    st.sampled_from(["甲", "乙", "，", "。", " ", "**", "__", "~~"]), max_size=30
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PROSE)
def test_no_run_of_ascii_markers_is_ever_shown(source: str) -> None:
    shown = inline_text(source).text
    assert re.search(r"\*\*|__|~~", shown) is None, shown
    assert shown.count("甲") == source.count("甲")  # no text is lost
