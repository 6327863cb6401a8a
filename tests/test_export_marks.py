"""Issue #13: where overlapping annotations' marks and footnotes go in a whole-text
Markdown export, read back with a Markdown parser that knows ``==marks==``; the same
marks in Obsidian's contexts; and the HTML page's fonts for Traditional articles."""

from __future__ import annotations

import re

import pytest
from markdown_it.token import Token

from markdown_marks import parser
from reader.core.exchange import markdown
from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.html import html_page
from reader.core.exchange.obsidian import obsidian_files
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.notes import annotations as notes

PAGE = """# 香港漫步

## 海港黃昏

維多利亞港的海面泛著微光😀。渡輪緩緩駛過，汽笛聲在兩岸之間迴盪。

## 街市與茶餐廳

清晨的街市人聲鼎沸，魚販高聲叫賣。轉角的茶餐廳裡，奶茶與菠蘿油是不變的早餐。
"""
# quote → note: nested, adjacent, starting with punctuation after a letter, and two
# overlapping where one starts at a full stop inside the other
NOTES = {
    "維多利亞港的海面泛著微光😀": "整句",
    "微光": "光的用詞",
    "。渡輪": "渡輪",
    "，汽笛聲": "汽笛",
    "賣。轉角的茶餐廳": "轉角",
    "。轉角": "句號開頭",
}
OVERLAPPING = {"維多利亞港的海面泛著微光😀", "微光", "賣。轉角的茶餐廳", "。轉角"}


@pytest.fixture
def hong_kong(library, tmp_path):
    path = tmp_path / "hk.md"
    path.write_text(PAGE, encoding="utf-8")
    import_paths(library, [path])
    (article,) = list_articles(library)
    text = get_article(library, article.id).text
    for quote, note in NOTES.items():
        start = text.index(quote)
        notes.create(library, article.id, start, start + len(quote), note=note, tags=("港",))
    return library


def _walk(children: list[Token]) -> tuple[str, list[tuple[int, int]], dict[int, int]]:
    """A paragraph's text as read, where each <mark> covers it, and where each footnote
    reference sits (footnote number → offset in the text)."""
    text, marks, refs = "", [], {}
    opened = -1
    for token in children:
        if token.type == "mark_open":
            opened = len(text)
        elif token.type == "mark_close":
            marks.append((opened, len(text)))
        elif token.type == "footnote_ref":
            refs[token.meta["id"] + 1] = len(text)
        elif token.type == "text":
            text += token.content
    return text, marks, refs


def test_each_footnote_follows_the_last_mark_of_its_own_annotation(hong_kong):
    out = render("markdown", collect(hong_kong, ExportFilter()), full_text=True).decode()
    tokens = parser().parse(out)
    bodies = {int(n): body for n, body in re.findall(r"^\[\^(\d+)\]: (.*)$", out, re.M)}
    assert sorted(bodies) == list(range(1, len(NOTES) + 1))
    seen = set()
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        text, marks, refs = _walk(token.children)
        assert "==" not in text, text  # every mark opened and closed as a mark
        starts = {s for s, _ in marks}
        for number, at in refs.items():
            if number not in bodies or "“" in text:  # the orphan list has no marks
                continue
            (quote,) = [q for q, n in NOTES.items() if bodies[number].endswith(n)]
            seen.add(quote)
            # its marks run from where its quote starts up to its reference, no further
            assert text[at - len(quote) : at] == quote, (number, text)
            assert at - len(quote) in starts, (quote, marks)
            covered = [(s, e) for s, e in marks if at - len(quote) <= s < at]
            assert sum(e - s for s, e in covered) == len(quote), (quote, marks)
            # and its footnote opens with its quote when it shares a mark with another
            assert bodies[number].startswith(f"“{quote}”") == (quote in OVERLAPPING), quote
    assert seen == set(NOTES)


def test_overlapping_marks_are_each_their_own(hong_kong):
    out = render("markdown", collect(hong_kong, ExportFilter()), full_text=True).decode()
    (line,) = [x for x in out.splitlines() if x.startswith("==維多利亞港")]
    assert line.startswith("==維多利亞港的海面泛著====微光==[^1]==😀==[^2]")
    # a mark opening on a full stop after a letter is made to open: an empty comment
    assert "駛過<!---->==，汽笛聲==[^4]" in line


@pytest.mark.parametrize(
    "parts",
    [
        [("甲", False), ("。乙", True), ("丙", False)],
        [("甲。", True), ("乙", False)],
        [("甲", True), ("。乙", True)],
        [("甲。", True), ("乙", True), ("[^1]", False)],
        [("😀", True), ("。", True)],
        [(" 甲", True), ("乙 ", True), ("丙", False)],
        [("a", False), ("b", True), ("c", True), ("d", False)],
    ],
)
def test_every_mark_opens_and_closes_where_it_should(parts):
    line = markdown.marked_line(parts)
    (inline,) = [t for t in parser().parse(line + "\n\n[^1]: x\n") if t.type == "inline"][:1]
    text, marks, _ = _walk(inline.children or [])
    assert "=" not in text, line
    expected, at = [], 0
    for words, marked in parts:
        if words.startswith("[^"):
            continue
        if marked:
            expected.append((at, at + len(words)))
        at += len(words)
    assert marks == expected, line
    assert not line.startswith("<")  # an HTML comment opening a line opens an HTML block


def test_a_quote_in_obsidian_is_marked_even_after_a_letter(hong_kong):
    (data,) = obsidian_files(collect(hong_kong, ExportFilter())).values()
    body = data.decode().split("---", 2)[2]
    html = parser().render(body)
    assert html.count("<mark>") == len(NOTES)
    assert "==" not in re.sub("<[^>]+>", "", html)


def test_traditional_text_gets_traditional_faces_in_html(hong_kong):
    page = html_page(collect(hong_kong, ExportFilter()))
    assert '<article lang="zh-TW">' in page
    css = page[page.index("<style>") + 7 : page.index("</style>")]
    rules = dict(re.findall(r"([^{}]+)\{([^}]*)\}", css))
    body = rules["\nbody"]
    assert "SC" not in body and "SimSun" not in body  # nothing forces Simplified on all
    (tw,) = [rule for selector, rule in rules.items() if ":lang(zh-TW)" in selector]
    (hk,) = [rule for selector, rule in rules.items() if ":lang(zh-HK)" in selector]
    (cn,) = [rule for selector, rule in rules.items() if ":lang(zh-CN)" in selector]
    assert tw.index('"Noto Serif CJK TC"') < tw.index("PMingLiU") and "SC" not in tw
    assert hk.startswith('font-family:"Noto Serif CJK HK"') and "CJK SC" not in hk
    assert cn.startswith('font-family:"Noto Serif CJK SC"') and "SimSun" in cn
    # the Traditional rule comes after zh's, which :lang(zh-TW) elements match too
    assert css.index(":lang(zh-TW)") > css.index(":lang(zh)")
