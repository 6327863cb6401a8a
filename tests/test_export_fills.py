"""The shading of a passage in HTML and Word: its colour, else its first tag's wash."""

from __future__ import annotations

import io
import re
import zipfile

from reader.core.exchange.export_docx import docx_bytes
from reader.core.exchange.exporting import ExportFilter, collect
from reader.core.exchange.fills import DEFAULT, WASH, passage_fill, wash
from reader.core.exchange.html import html_page
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.core.notes.vocab import COLOURS


def test_a_wash_keeps_the_hue_and_is_light():
    def channels(colour):
        return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]

    assert wash("#ffffff") == "#ffffff"
    grey = channels(wash("#000000"))
    assert len(set(grey)) == 1 and 0xB0 <= grey[0] < 0xC0  # 30 % of black: a light grey
    red, green, blue = channels(wash("#2563eb"))
    assert min(red, green, blue) >= 0xB0 and blue > green > red  # blue stays blue, light
    assert channels(wash("#ff0000"))[0] == 0xFF and len(set(channels(wash("#ff0000"))[1:])) == 1
    for c in range(256):  # each channel keeps WASH of its distance from white, to the unit
        for at in range(3):
            colour = "#" + "".join(f"{c:02x}" if i == at else "ff" for i in range(3))
            got = channels(wash(colour))
            assert abs(got[at] - (255 - (255 - c) * WASH)) <= 0.5
            assert [v for i, v in enumerate(got) if i != at] == [255, 255]


def test_the_colour_wins_then_the_first_tag_with_a_colour_then_yellow():
    tags = {"人物": "#2563eb", "坏": "blue"}
    assert passage_fill("green", ["人物"], tags) == COLOURS["green"].light
    assert passage_fill(None, ["坏", "人物"], tags) == wash("#2563eb")  # not a colour: next
    assert passage_fill(None, ["无色"], tags) == DEFAULT
    assert passage_fill(None, [], tags) == DEFAULT
    assert passage_fill("mauve", ["人物"], tags) == DEFAULT  # an unknown highlight: yellow


def test_html_and_word_shade_a_tagged_passage_in_its_tags_wash(library, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("标题\n\n第一段有人物张三，也有黄色的一处。\n", encoding="utf-8")
    import_paths(library, [path])
    (article,) = list_articles(library)
    text = get_article(library, article.id).text
    tagset.save_tag(library, "人物", color="#2563eb")
    person, yellow = text.index("张三"), text.index("黄色")
    notes.create(library, article.id, person, person + 2, tags=["人物"])
    notes.create(library, article.id, yellow, yellow + 2, color="yellow", tags=["人物"])
    items = collect(library, ExportFilter())
    page = html_page(items)
    assert f'<mark style="background:{wash("#2563eb")}">张三</mark>' in page
    assert f'<mark style="background:{COLOURS["yellow"].light}">黄色</mark>' in page
    body = zipfile.ZipFile(io.BytesIO(docx_bytes(items))).read("word/document.xml").decode()
    shades = re.findall(r'<w:shd w:val="clear" w:color="auto" w:fill="([0-9a-f]{6})"/>', body)
    assert shades == [wash("#2563eb")[1:], COLOURS["yellow"].light[1:]]


def test_word_files_carry_no_blank_thumbnail(library, tmp_path):
    from reader.core.exchange.docx_comments import docx_full_text

    path = tmp_path / "t.txt"
    path.write_text("标题\n\n正文一段。\n", encoding="utf-8")
    import_paths(library, [path])
    items = collect(library, ExportFilter(article_ids=tuple(a.id for a in list_articles(library))))
    for data in (docx_bytes(items), docx_full_text(items)):
        package = zipfile.ZipFile(io.BytesIO(data))
        assert not [n for n in package.namelist() if "thumbnail" in n]
        assert "thumbnail" not in package.read("_rels/.rels").decode()
