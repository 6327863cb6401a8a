"""Inline HTML read a line at a time, pinned: long lines (the simple tokenizer) close
elements whatever their case and drop comments; a malformed marked section is a bogus
comment and leaves the open elements as they were."""

from __future__ import annotations

from reader.core.text.html_text import _LONG_LINE, HtmlLineReader

BODY = "正文" * (_LONG_LINE // 2 + 10)  # long enough for the simple tokenizer


def _read(*lines: str) -> tuple[list[str], HtmlLineReader]:
    reader = HtmlLineReader()
    return [reader.read_line(line).text for line in lines], reader


def test_a_long_line_closes_an_upper_case_end_tag():
    (text,), reader = _read("<SCRIPT>var a = 1;</SCRIPT>" + BODY)
    assert text == BODY
    assert not reader.busy
    (text,), reader = _read("<DIV>" + BODY + "</DIV>")
    assert text == BODY and not reader.busy


def test_a_long_line_drops_comments_and_declarations_but_keeps_a_lone_angle():
    (text,), _ = _read("<!-- 注释 -->" + BODY + "<!DOCTYPE html><?php x ?> a < b")
    assert text == BODY + " a < b"


def test_a_long_line_unescapes_entities():
    (text,), _ = _read(BODY + "&amp;&#x4e00;")
    assert text == BODY + "&一"


def test_a_malformed_marked_section_is_a_bogus_comment():
    texts, reader = _read("<div>甲<![ bogus >乙", "</div>")
    assert texts == ["甲乙", ""]
    assert not reader.busy
    texts, reader = _read("<h2>甲<![ bogus >乙</h2>", "后")
    assert texts == ["甲乙", "后"]
    assert not reader.busy
