"""The whole-text Markdown export pinned: footnotes numbered where each highlight ends
and defined in that order, each segment of an overlap its own mark, a paragraph opening
with block markup escaped, and the colour word of a bare highlight translated."""

from __future__ import annotations

import re

import pytest

from reader.core.exchange.exporting import ExportFilter, collect
from reader.core.exchange.markdown import markdown
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.notes import annotations as notes

SOURCE = "标题行\n\n+加号开头的一段正文，还有更多文字在后面。\n\n第二段正文里有长短两处标记。\n"


@pytest.fixture
def marked(library, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(SOURCE, encoding="utf-8")
    import_paths(library, [path])
    (article,) = list_articles(library)
    text = get_article(library, article.id).text
    second = text.index("第二段")
    notes.create(library, article.id, second, second + 10, note="长的批注")
    notes.create(library, article.id, second + 2, second + 4, note="短的批注")
    bare = text.index("还有")
    notes.create(library, article.id, bare, bare + 2, color="yellow")
    return library


def _definitions(out: str) -> list[tuple[int, str]]:
    return [(int(n), body) for n, body in re.findall(r"^\[\^(\d+)\]: (.*)$", out, re.MULTILINE)]


def test_footnotes_follow_where_highlights_end(marked):
    out = markdown(collect(marked, ExportFilter()), full_text=True)
    definitions = _definitions(out)
    assert [n for n, _ in definitions] == [1, 2, 3]  # defined in number order
    bodies = dict(definitions)
    # the short highlight ends first, inside the long one: it takes the lower number;
    # overlapping, each footnote opens with its quote
    assert bodies[2] == "“段正” 短的批注" and bodies[3] == "“第二段正文里有长短两” 长的批注"
    assert "==第二====段正==[^2]==文里有长短两==[^3]" in out
    assert bodies[1].startswith("colour: yellow")
    assert out.index("[^2]") < out.index("[^3]")


def test_a_paragraph_opening_with_block_markup_is_escaped(marked):
    out = markdown(collect(marked, ExportFilter()), full_text=True)
    (line,) = [x for x in out.splitlines() if "加号开头" in x]
    assert line.startswith("\\+加号开头的一段正文，")


def test_the_colour_word_is_translated(marked):
    out = markdown(collect(marked, ExportFilter()), full_text=True, labels={"colour": "Farbe"})
    assert dict(_definitions(out))[1].startswith("Farbe: yellow")


def test_a_footnote_of_tags_alone_ends_with_them(marked):
    (article,) = list_articles(marked)
    text = get_article(marked, article.id).text
    start = text.index("加号")
    notes.create(marked, article.id, start, start + 2, tags=["重点"])  # no note, no colour
    notes.create(marked, article.id, start, start + 4, tags=["人物"])  # overlapping: quoted
    bodies = [
        body for _, body in _definitions(markdown(collect(marked, ExportFilter()), full_text=True))
    ]
    assert "#重点" in bodies[0] and "#人物" in bodies[1]
    assert [body.endswith(("#重点", "#人物")) for body in bodies[:2]] == [True, True]
    assert not any("&nbsp;" in body for body in bodies)
