"""Lines of one paragraph joined: a space between Latin words only, punctuation included."""

from __future__ import annotations

import pytest

from reader.core.text.cleaning import join_all, join_pieces
from reader.core.text.structure import parse_text


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("secret miracles,", "for witness", "secret miracles, for witness"),
        ("meet our need.", "When shadows", "meet our need. When shadows"),
        ("Wrong!", "These", "Wrong! These"),
        ("the wind)", "Everything", "the wind) Everything"),
        ("lonely cells", "all glory", "lonely cells all glory"),  # letters: as before
        ("上午10:", "30分开会", "上午10:30分开会"),  # a digit after: no space
        ("张三,", "李四", "张三,李四"),  # CJK text with an ASCII comma: none
        ("他说,", "ok", "他说,ok"),  # the comma follows a Han character: none
        ("第一行。", "第二行", "第一行。第二行"),
        ("abc", "", "abc"),
    ],
)
def test_join_pieces(left, right, joined):
    assert join_pieces(left, right) == joined
    assert join_all([left, right]) == joined


def test_join_all_looks_at_two_characters_across_one_character_parts():
    assert join_all(["word", ".", "Next"]) == "word. Next"  # the "." part after "word"
    assert join_all(["字", ",", "Next"]) == "字,Next"
    assert join_all(["a", "b"], glued=[True]) == "ab"  # a word cut at the line's end


def test_a_markdown_verse_with_hard_breaks_keeps_its_spaces():
    source = (
        "# Hymn\n\n"
        "> **For prison's secret miracles,**   \n"
        " **for witness borne through shame,**   \n"
        " **all glory to your name!**\n"
    )
    [article] = parse_text(source, "hymn.md").articles
    texts = [b.text for b in article.blocks]
    assert "For prison's secret miracles, for witness borne through shame, all glory" in texts[-1]
