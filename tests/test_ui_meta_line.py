"""The line under the title: author, date and site from the front matter, painted in room
the title keeps below it; the document still holds the article's text alone."""

from __future__ import annotations

from reader.ui.reading.meta_line import meta_line
from ui_helpers import import_and_wait, make_window

PAGE = """---
title: "港聞一則"
author: "本報記者"
date: "2021-03-04"
url: "https://archive.example.org/web/1/https://www.news.example.com/a/1"
original_url: "https://www.news.example.com/a/1"
---

# 港聞一則

正文第一段寫在這裏，內容足夠長，是一段正常的文字。
"""


def test_the_line_says_author_date_and_site():
    assert meta_line({"author": " 甲 ", "date": "2020-01-02", "url": "https://www.a.org/x"}) == (
        "甲 · 2020-01-02 · a.org"
    )
    assert meta_line({"url": "https://b.org/x", "original_url": "http://www.c.org/y"}) == "c.org"
    assert meta_line({"date": "2020"}) == "2020"
    assert meta_line({}) == ""
    assert meta_line({"url": "http://[broken"}) == ""


def test_the_title_keeps_room_and_the_text_is_the_articles(qtbot, tmp_path):
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(
        "没有元数据的标题\n\n正文第一段写在这里，内容足够长，是一段正常的文字。\n", "utf-8"
    )
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [tmp_path / "page.md", plain])
    pane = window.reader.pane
    by_title = {window.library.conn.execute("SELECT title FROM articles WHERE id = ?", [i]).fetchone()[0]: i for i in window.tree_model.article_ids()}  # fmt: skip
    window.open_article(by_title["港聞一則"])
    assert pane.meta_text() == "本報記者 · 2021-03-04 · news.example.com"
    title = pane.document().findBlockByNumber(0)
    with_line = title.blockFormat().bottomMargin()
    assert with_line > 10
    assert pane.document().toPlainText() == pane.article.text  # nothing added to it
    start = pane.article.text.index("正文")
    pane.select_offsets(start, start + 2)
    assert pane.selection_offsets() == (start, start + 2)
    window.open_article(by_title["没有元数据的标题"])
    assert pane.meta_text() == ""
    # the title group's own space below it, without the line's room on top of it
    below = pane.document().findBlockByNumber(0).blockFormat().bottomMargin()
    assert 0 < below < with_line
