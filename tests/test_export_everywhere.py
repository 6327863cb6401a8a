"""Issue #13: every annotation shows where it belongs, in every format, and opens right."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from conftest import run_reader
from hostile_library import SPANS, build
from reader.cli import EXPORT_FORMATS
from reader.core.exchange.exporting import FORMATS, ExportFilter, collect, render
from reader.core.exchange.markdown import obsidian_tag
from reader.core.library.article_text import text_of

N = len(SPANS)


@pytest.fixture
def hostile(library, tmp_path):
    made = build(library, tmp_path)
    return library, made


def _items(library):
    return collect(library, ExportFilter())


def test_cli_lists_every_format():
    assert EXPORT_FORMATS == FORMATS


def test_markdown_full_text_numbers_every_annotation_once_per_file(hostile):
    library, _made = hostile
    text = render("markdown", _items(library), full_text=True).decode()
    refs = re.findall(r"(?<!^)\[\^(\d+)\](?!:)", text, re.M)
    defs = re.findall(r"^\[\^(\d+)\]:", text, re.M)
    assert sorted(map(int, refs)) == list(range(1, N + 1))  # unique across both articles
    assert sorted(map(int, defs)) == list(range(1, N + 1))
    html = MarkdownIt("commonmark").use(footnote_plugin).render(text)
    assert "<h2>第一节 背景</h2>" in html  # headings stay headings
    for paragraph in re.findall(r"<(p|h1)>(.*?)</\1>", html, re.S):
        assert paragraph[1].count("==") % 2 == 0, paragraph  # every mark closes in its paragraph
    # the span across the paragraph break is marked in both paragraphs
    assert "==1246个数据点。==" in text and "==第二段文字==[^" in text
    # a blank line inside a note stays inside its footnote
    assert re.search(r"跨段<br />\s*.*<br />\s*空行之后", html)
    assert "⚠ orphaned" in text and "将成孤立" in text


def test_markdown_notes_keep_line_breaks_and_tags_are_valid(hostile):
    library, _ = hostile
    text = render("markdown", _items(library)).decode()
    html = MarkdownIt("commonmark").render(text)
    assert "重叠乙<br />\n第二行" in html
    assert "#_12345" in text and "#社会-保障" in text and "#N_1" in text
    assert "⚠ orphaned" in text


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("12345", "#_12345"),
        ("社会 保障", "#社会-保障"),
        ("N+1", "#N_1"),
        ("ＡＢ１", "#AB1"),
        ("a//b/", "#a/b"),
        ("", "#_"),
        ("2024/05", "#_2024/05"),
    ],
)
def test_obsidian_tags(name, tag):
    assert obsidian_tag(name) == tag


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.sups: list[str] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h1", "h2") and "mark" in self.stack:
            self.bad.append(tag)
        if tag == "sup":
            self.sups.append(dict(attrs).get("id", ""))
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()


def test_html_marks_every_annotation_in_its_paragraph_and_notes_beside_it(hostile):
    library, _ = hostile
    page = render("html", _items(library)).decode()
    marks = _Marks()
    marks.feed(page)
    assert not marks.bad
    placed = sorted(int(s[1:]) for s in marks.sups)
    assert placed == [n for n in range(1, N + 1) if n != 8]  # 8 is the orphan
    assert page.count('class="orphan"') >= 2 and "将成孤立" in page
    assert "标题上的批注" in page and re.search(r"<h1 class=\"title\"><mark", page)
    # notes sit in the row of the paragraph their annotation ends in
    row = next(r for r in page.split('<div class="row">') if "1246" in r and "<p" in r)
    assert "重叠乙" in row and "外层" in row
    assert "重叠乙\n第二行" in page and "white-space:pre-wrap" in page
    assert "<b>x</b>" not in page
    assert page.count('<article lang="zh-TW">') == 1  # the Traditional article


def test_csv_statuses_and_orphans(hostile):
    library, _ = hostile
    rows = list(csv.reader(io.StringIO(render("csv", _items(library)).decode("utf-8-sig"))))
    header = rows[0]
    status, anchor = header.index("review status"), header.index("anchor")
    assert {r[status] for r in rows[1:]} == {"未读"}
    assert sum(r[anchor].startswith("⚠") for r in rows[1:]) == 1


def test_xlsx_is_a_real_workbook_with_text_cells(hostile):
    from openpyxl import load_workbook

    library, _ = hostile
    book = load_workbook(io.BytesIO(render("xlsx", _items(library))))
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:O{N + 1}"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["article", "section", "quote"]
    quotes = {row[2]: row for row in values[1:]}
    cells = {c.value: c for c in sheet["C"]}
    assert cells["1246个数据点。\n第二段文字"].data_type == "s"
    notes = {c.value: c for c in sheet["I"]}
    formula = next(v for v in notes if v and "=SUM" in v)
    assert notes[formula].data_type == "s" and notes[formula].alignment.wrap_text
    assert len(quotes) == N


def test_xlsx_keeps_digits_as_text(library, tmp_path):
    from openpyxl import load_workbook

    (tmp_path / "n.txt").write_text("数字\n\n编号1246号文件。\n", encoding="utf-8")
    from reader.core.ingest.importer import import_paths
    from reader.core.library.articles import get_article, list_articles
    from reader.core.notes import annotations as notes

    import_paths(library, [tmp_path / "n.txt"])
    article = get_article(library, list_articles(library)[0].id)
    start = article.text.index("1246")
    notes.create(library, article.id, start, start + 4, note="0012")
    sheet = load_workbook(io.BytesIO(render("xlsx", _items(library)))).active
    assert sheet["C2"].value == "1246" and sheet["C2"].data_type == "s"
    assert sheet["I2"].value == "0012"


def test_docx_properties_and_language(hostile):
    library, _ = hostile
    data = render("docx", _items(library))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = package.read("docProps/core.xml").decode()
        styles = package.read("word/styles.xml").decode()
        body = package.read("word/document.xml").decode()
    assert "<dc:creator>编辑甲</dc:creator>" in core
    assert "python-docx" not in core and "2013-12-23" not in core
    assert 'w:eastAsia="zh-CN"' in styles and 'w:eastAsia="en-US"' not in styles
    assert 'w:eastAsia="zh-TW"' in body  # the Traditional article's quotes
    assert "⚠ orphaned" in body


def test_w3c_ids_source_url_title_and_text(hostile):
    library, _ = hostile
    doc = json.loads(render("w3c", _items(library)))
    assert doc["id"].startswith("urn:uuid:") and doc["first"]["id"].startswith(doc["id"])
    targets = [a["target"]["source"] for a in doc["first"]["items"]]
    assert targets[0]["id"] == "https://example.com/news/1"
    assert targets[-1]["id"].startswith("urn:reader:text-sha256:")
    assert all("dc:title" in t and "title" not in t for t in targets)
    texts = {s["id"]: s["rdf:value"] for s in doc["reader:sources"]}
    for item in doc["first"]["items"]:
        source = item["target"]["source"]["id"]
        quote = next(s for s in item["target"]["selector"] if "exact" in s)
        positions = [s for s in item["target"]["selector"] if "start" in s]
        if item["reader:state"] == "orphaned":  # its old offsets point at other text now
            assert positions == [] and "reader:formerStart" in item["target"]
        else:
            (position,) = positions
            assert texts[source][position["start"] : position["end"]] == quote["exact"]
    again = json.loads(render("w3c", _items(library)))
    assert again["id"] == doc["id"]  # same notes, same ids


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl", "w3c"])
def test_full_text_is_refused_where_unsupported(hostile, tmp_path, fmt):
    library, _ = hostile
    result = run_reader(
        "--library",
        str(library.path),
        "export",
        "--format",
        fmt,
        "--full-text",
        "-o",
        str(tmp_path / f"x.{fmt}"),
    )
    assert result.returncode == 2
    assert "--full-text is not available for " + fmt in result.stderr
    assert not (tmp_path / f"x.{fmt}").exists()


def test_nothing_to_export_says_so(hostile, tmp_path):
    library, _ = hostile
    result = run_reader(
        "--library", str(library.path), "export", "--format", "markdown", "--tag", "无此标签"
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "nothing to export: no annotations with tag 无此标签" in result.stderr


def test_docx_full_text_holds_each_annotation_as_a_comment(hostile):
    library, _made = hostile
    data = render("docx", _items(library), full_text=True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        comments = package.read("word/comments.xml").decode()
        body = package.read("word/document.xml").decode()
    assert comments.count("<w:comment ") == N
    assert body.count("<w:commentRangeStart") == N == body.count("<w:commentReference")
    assert "#社会 保障" in comments and "重叠乙</w:t>" in comments and "第二行" in comments
    assert 'w:author="编辑甲"' in comments
    assert 'w:fill="' in body and '<w:pStyle w:val="Heading2"/>' in body


def test_docx_comments_come_back_as_annotations(hostile, tmp_path):
    import docx

    from reader.core.exchange.notes_import import import_notes
    from reader.core.notes import annotations as notes

    library, _made = hostile
    exported = tmp_path / "full.docx"
    exported.write_bytes(render("docx", _items(library), full_text=True))
    again = import_notes(library, exported)  # Reader's own comments are already there
    assert again.imported == 0 and len(again.skipped) == N
    document = docx.Document(str(exported))
    run = next(r for p in document.paragraphs for r in p.runs if r.text == "和平台经济。")
    document.add_comment([run], text="#平台 #社会 保障\n第一行\n第二行", author="同事乙")
    reviewed = tmp_path / "reviewed.docx"
    document.save(str(reviewed))
    summary = run_reader("--library", str(library.path), "import-notes", str(reviewed))
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.startswith("1 imported")
    (new,) = [a for a in notes.all_annotations(library) if a.annotator == "同事乙"]
    assert new.quote == "和平台经济。" and new.state == "anchored"
    assert new.tags == ("平台", "社会 保障") and new.note == "第一行\n第二行"
    twice = run_reader("--library", str(library.path), "import-notes", str(reviewed))
    assert twice.stdout.startswith("0 imported")


def test_a_docx_without_comments_is_refused(library, tmp_path):
    import docx

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    result = run_reader("--library", str(library.path), "import-notes", str(plain))
    assert result.returncode == 2 and "no comments" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "w3c"])
def test_round_trip_keeps_tags_statuses_and_article_notes(hostile, tmp_path, fmt):
    from reader.core.exchange.atomic_file import write_atomically
    from reader.core.exchange.notes_import import import_notes
    from reader.core.ingest.importer import import_paths
    from reader.core.library.articles import get_article, list_articles
    from reader.core.library.store import open_library
    from reader.core.notes import tags

    library, _ = hostile
    first = list_articles(library)[0].id
    tags.set_status(library, first, "needs_changes")
    tags.set_article_note(library, first, "整篇需要复核\n第二行")
    tags.save_tag(library, "人物", color="#123456", shortcut="7", description="人名与身份")
    path = tmp_path / f"notes.{fmt}"
    write_atomically(path, render(fmt, _items(library)))
    with open_library(tmp_path / "fresh.sqlite3") as fresh:
        import_paths(fresh, [tmp_path / "simplified.md", tmp_path / "traditional.md"])
        summary = import_notes(fresh, path)
        assert summary.imported == N
        article = get_article(fresh, list_articles(fresh)[0].id)
        assert (article.status, article.note) == ("needs_changes", "整篇需要复核\n第二行")
        person = tags.tag(fresh, "人物")
        assert (person.color, person.shortcut, person.description) == (
            "#123456",
            "7",
            "人名与身份",
        )


def test_obsidian_writes_one_note_per_article_into_a_folder(hostile, tmp_path):
    import yaml

    library, _ = hostile
    vault = tmp_path / "vault"
    result = run_reader(
        "--library", str(library.path), "export", "--format", "obsidian", "-o", str(vault)
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in vault.iterdir())
    assert names == ["社会保障新政.md", "這是繁體文章.md"]  # "* | [[ # >" cannot be in a name
    first = next(p for p in vault.iterdir() if p.name.startswith("社会")).read_text()
    front = yaml.safe_load(first.split("---\n")[1])
    assert front["title"].startswith("社会保障新政")
    assert front["url"] == "https://example.com/news/1"
    assert front["status"] == "未读"
    assert "_12345" in front["tags"] and "社会-保障" in front["tags"]
    assert "(<file://" in first and "simplified.md" in first
    assert "第一段文字，讲述==社会保障制度的改革==方向" in first
    assert "⚠ orphaned" in first
    again = run_reader(
        "--library", str(library.path), "export", "--format", "obsidian", "-o", str(vault)
    )
    assert again.returncode == 2 and "exists" in again.stderr
    no_folder = run_reader("--library", str(library.path), "export", "--format", "obsidian")
    assert no_folder.returncode == 2 and "-o FOLDER" in no_folder.stderr


def test_hypothesis_file_has_what_its_importer_reads(hostile):
    library, _ = hostile
    doc = json.loads(render("hypothesis", _items(library)))
    assert isinstance(doc["annotations"], list) and len(doc["annotations"]) == N
    first = doc["annotations"][0]
    assert first["uri"] == "https://example.com/news/1" == first["target"][0]["source"]
    assert first["user"].startswith("acct:reader-") and first["user"].endswith("@reader.local")
    assert first["user_info"]["display_name"] == "编辑甲"
    assert first["document"]["title"][0].startswith("社会保障新政")
    kinds = {s["type"] for s in first["target"][0]["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
    emoji = next(a for a in doc["annotations"] if "emoji" in a["text"])
    assert r"\<b\>x\</b\>" in emoji["text"]  # Markdown there: escaped


def test_a_highlight_without_tags_or_note_comes_back_from_word_as_itself(hostile, tmp_path):
    """Its comment names its colour (Word needs some text); that is not a note."""
    from reader.core.exchange.docx_import import docx_records
    from reader.core.exchange.notes_import import import_notes
    from reader.core.notes import annotations as notes

    library, _made = hostile
    (article_id,) = library.conn.execute("SELECT id FROM articles LIMIT 1").fetchone()
    text = text_of(library.conn, article_id) or ""
    plain = notes.create(library, article_id, 2, 6, color="grey")
    exported = tmp_path / "full.docx"
    exported.write_bytes(render("docx", _items(library), full_text=True))
    (record,) = [r for r in docx_records(exported) if r.quote == text[2:6] and not r.tags]
    assert (record.note, record.color) == ("", "grey")
    again = import_notes(library, exported)  # it is already there: nothing new
    assert again.imported == 0 and len(again.skipped) == N + 1
    assert [a.note for a in notes.all_annotations(library) if a.id == plain.id] == [""]


@pytest.mark.parametrize("full_text", [False, True])
def test_word_files_name_chinese_faces_a4_and_reader(hostile, full_text):
    """python-docx's template asks the theme for its Japanese face (ＭＳ ゴシック) for
    titles and headings, is US Letter, and says Microsoft Macintosh Word made it."""
    library, _ = hostile
    data = render("docx", _items(library), full_text=full_text)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        settings = package.read("word/settings.xml").decode()
        styles = package.read("word/styles.xml").decode()
        app = package.read("docProps/app.xml").decode()
        body = package.read("word/document.xml").decode()
    assert "eastAsiaTheme" not in styles and 'w:eastAsia="Noto Serif CJK SC"' in styles
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-(CN|TW)"', settings)
    assert "ja-JP" not in settings
    assert "<Application>Reader</Application>" in app
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in body  # A4
