"""The fast export writers (issue #13: 10,000 notes in <= 2x collecting them) write
what the plain ones they replaced wrote: each is checked against that plain way."""

from __future__ import annotations

import gc
import io
import itertools
import json
import os
import re
import stat
import sys
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from hostile_library import build
from reader.core.errors import ReaderError
from reader.core.exchange import (
    atomic_file,
    docx_comments,
    docx_package,
    export_docx,
    exporting,
    hypothesis,
    jsonld,
    note_folder,
    spans,
    xlsx,
    xmi,
)
from reader.core.exchange.csv_format import CSV_COLUMNS, _cell, _triggers, rows
from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.labelstudio import labelstudio_json, labelstudio_tasks
from reader.core.exchange.markdown import _md, _md_line
from reader.core.exchange.units import Utf16
from reader.core.exchange.xlsx import _letter, _row, xlsx_bytes
from reader.core.exchange.xlsx import _text as _xlsx_text
from reader.core.stamps import local_time

# Values that need escaping in JSON, XML or Markdown, or cannot be in XML at all.
TRICKY = ['a"b\\c', "<&>'", "tab\there\r\nline", "bell\x07\x00nul", "\ufffe\u2028", "1. 一", ""]


@pytest.fixture
def hostile_items(library, tmp_path):
    build(library, tmp_path)
    return collect(library, ExportFilter())


@pytest.fixture
def items(hostile_items):
    made = hostile_items
    out = []
    for number, item in enumerate(made):
        notes = []
        for k, note in enumerate(item.notes):
            a = note.annotation
            value = TRICKY[(number + k) % len(TRICKY)]
            notes.append(
                replace(
                    note,
                    annotation=replace(
                        a,
                        annotator=value if k % 2 else a.annotator,
                        quote=a.quote + value,
                        prefix=value,
                        note=a.note + value if k % 3 else a.note,
                        tags=(*a.tags, value) if value else a.tags,
                        color=None if k % 4 == 1 else a.color,
                    ),
                )
            )
        out.append(replace(item, notes=tuple(notes)))
    return out


def test_w3c_lines_are_the_annotations_as_json(items):
    lines = 0
    for item in items:
        source = jsonld.dumps(jsonld.w3c_source(item))
        for note in item.notes:
            expected = json.dumps(jsonld.w3c_annotation(item, note.annotation), ensure_ascii=False)
            assert jsonld.w3c_line(source, note.annotation) == expected
            lines += 1
    assert lines > 5
    document = json.loads(render("w3c", items))
    assert len(document["first"]["items"]) == lines == document["total"]


def test_jsonl_lines_are_the_records_as_json(items):
    lines = 0
    for item in items:
        article = jsonld.dumps(jsonld.jsonl_record(item, item.notes[0].annotation)["article"])
        for note in item.notes:
            expected = json.dumps(jsonld.jsonl_record(item, note.annotation), ensure_ascii=False)
            assert jsonld.jsonl_line(article, note.annotation) == expected + "\n"
            lines += 1
    assert lines > 5


def test_hypothesis_lines_are_the_annotations_as_json(items):
    for item in items:
        uri = jsonld.string(jsonld.source_id(item))
        title = jsonld.dumps({"title": [item.article.title]})
        units = Utf16(item.article.text)
        for note in item.notes:
            a = note.annotation
            user = jsonld.string(hypothesis.user_id(a.annotator))
            expected = json.dumps(hypothesis._annotation(item, a), ensure_ascii=False)
            assert hypothesis._line(uri, title, user, a, units) == expected
    document = json.loads(render("hypothesis", items))
    assert [a["id"] for a in document["annotations"]] == [
        n.annotation.id for i in items for n in i.notes
    ]


def _numbered(note, k):
    return replace(note, annotation=replace(note.annotation, quote=f"{note.annotation.quote}{k}"))


@pytest.mark.parametrize("copies", [1, 20])  # 20: a quote column of distinct quotes
def test_excel_rows_are_the_cells_written_one_by_one(items, copies):
    if copies > 1:
        items = [
            replace(item, notes=tuple(_numbered(n, k) for k in range(copies) for n in item.notes))
            for item in items
        ]
    package = zipfile.ZipFile(io.BytesIO(xlsx_bytes(items)))
    sheet = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    strings = package.read("xl/sharedStrings.xml").decode("utf-8")
    texts = re.findall(r'<si><t xml:space="preserve">(.*?)</t></si>', strings, re.S)
    letters = [_letter(n) for n in range(1, len(CSV_COLUMNS) + 1)]
    second = re.findall(r'<c r="[A-Z]+2" s="(\d)"([^>]*)>(<v>|<is>)', sheet)
    styles = [int(style) for style, _, _ in second]
    kinds = {"": xlsx._NUMBER, ' t="s"': xlsx._SHARED, ' t="inlineStr"': xlsx._INLINE}
    kinds = [kinds[kind] for _, kind, _ in second]
    own = [CSV_COLUMNS.index("created"), CSV_COLUMNS.index("updated")]
    assert [kinds.count(k) for k in (xlsx._NUMBER, xlsx._INLINE)] == [2, 2]
    assert [kinds[i] for i in own] == [xlsx._INLINE] * 2  # each note's own times
    numbers = [k == xlsx._NUMBER for k in kinds]
    # the sheet's times are local, to the minute (the CSV's rows keep ISO 8601)
    people = [[local_time(v) if i in own else v for i, v in enumerate(row)] for row in rows(items)]
    written = [[v if numbers[i] else _xlsx_text(v) for i, v in enumerate(row)] for row in people]
    assert any('"' in v for row in written for v in row if isinstance(v, str))
    assert any("&amp;" in v for row in written for v in row if isinstance(v, str))
    assert None in [row[CSV_COLUMNS.index("start")] for row in written]  # an orphan's
    cells = re.findall(r'<c r="([A-Z]+)(\d+)" s="\d" t="s"><v>(\d+)</v></c>', sheet)
    codes = {(column, int(number)): int(code) for column, number, code in cells}
    assert len(codes) == len(written) * kinds.count(xlsx._SHARED)
    for number, row in enumerate(written, 2):  # each shared cell is its text's shared string
        for i, value in enumerate(row):
            assert kinds[i] != xlsx._SHARED or texts[codes[letters[i], number]] == value
    shared = [kind == xlsx._SHARED for kind in kinds]
    heights = xlsx.row_heights(xlsx.columns(items))
    assert len(heights) == len(written)
    expected = "".join(
        _row(
            number,
            [codes[letters[i], number] if shared[i] else v for i, v in enumerate(row)],
            *(letters, styles, kinds, heights[number - 2]),
        )
        for number, row in enumerate(written, 2)
    )
    assert expected in sheet
    assert f'count="{len(codes)}" uniqueCount="{len(texts)}"' in strings


def test_excel_times_that_are_not_ascii_are_shared_strings(items):
    from openpyxl import load_workbook

    first = items[0]
    odd = replace(first.notes[0], annotation=replace(first.notes[0].annotation, created_at="昨天"))
    changed = [replace(first, notes=(odd, *first.notes[1:])), *items[1:]]
    data = xlsx_bytes(changed)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode("utf-8")
    created = _letter(CSV_COLUMNS.index("created") + 1)
    assert f'<c r="{created}2" s="3" t="s">' in sheet and "昨天" not in sheet
    values = [[c.value for c in row] for row in load_workbook(io.BytesIO(data)).active.iter_rows()]
    assert values[1][CSV_COLUMNS.index("created")] == "昨天"
    assert (
        values[2:]
        == [
            [c.value for c in row]
            for row in load_workbook(io.BytesIO(xlsx_bytes(items))).active.iter_rows()
        ][2:]
    )


def test_excel_offsets_that_are_not_numbers_are_written_cell_by_cell(items):
    from openpyxl import load_workbook

    def cells(data):
        return [
            [c.value for c in row] for row in load_workbook(io.BytesIO(data)).active.iter_rows()
        ]

    first = items[0]
    odd = replace(first.notes[0], annotation=replace(first.notes[0].annotation, start="12"))
    changed = [replace(first, notes=(odd, *first.notes[1:])), *items[1:]]
    plain, one_by_one = cells(xlsx_bytes(items)), cells(xlsx_bytes(changed))
    start = CSV_COLUMNS.index("start")
    assert one_by_one[1][start] == "12" and plain[1][start] == first.notes[0].annotation.start
    one_by_one[1][start] = plain[1][start]
    assert one_by_one == plain


def _canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def _parsed_into_the_tree(pieces, properties, commented):
    """The way the Word exports worked before: python-docx's blank document made for
    the export, its properties set, the paragraphs parsed into its tree, saved."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    pieces = list(pieces)
    body, comments = b"".join(b for b, _ in pieces), b"".join(c for _, c in pieces)
    assert commented == bool(comments)

    document = docx_package.new_document()
    docx_package.set_language(document, properties.lang)
    now = datetime.now(UTC).replace(microsecond=0)
    docx_package.set_properties(document.core_properties, properties, now)
    body, comments = body.decode("utf-8"), comments.decode("utf-8")
    root = document.element.body
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{body}</w:body>")
    section_properties = root[-1]
    root.remove(section_properties)
    root.extend(list(fragment))
    root.append(section_properties)
    if comments:
        holder = document.part._comments_part.element
        holder.extend(list(parse_xml(f"<w:comments {nsdecls('w')}>{comments}</w:comments>")))
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()  # and the template's own parts made Reader's, as every export does
    with zipfile.ZipFile(buffer) as saved, zipfile.ZipFile(out, "w") as made:
        for info in saved.infolist():
            data = saved.read(info)
            made.writestr(info, docx_package._template_part(info.filename, data, properties.lang))
    return out.getvalue()


@pytest.mark.parametrize("full_text", [False, True])
def test_word_documents_hold_what_parsing_into_the_tree_held(items, monkeypatch, full_text):
    first = items[0].article
    assert "，" in first.text and "&" not in first.text
    marked = replace(first, text=first.text.replace("，", "&", 1))  # same length
    items = [replace(items[0], article=marked), *items[1:]]
    data = render("docx", items, full_text=full_text)
    fast = zipfile.ZipFile(io.BytesIO(data))
    module = docx_comments if full_text else export_docx
    monkeypatch.setattr(module, "docx_with", _parsed_into_the_tree)
    plain = zipfile.ZipFile(io.BytesIO(render("docx", items, full_text=full_text)))
    assert fast.namelist() == plain.namelist()
    parts = ["word/document.xml", *(["word/comments.xml"] if full_text else [])]
    for name in parts:
        assert _canonical(fast.read(name)) == _canonical(plain.read(name)), name
    times = re.compile(rb"<dcterms:(created|modified) [^>]*>[^<]*<")
    for name in fast.namelist():  # the rest is python-docx's, as it saves it
        if name not in parts:
            assert times.sub(b"", fast.read(name)) == times.sub(b"", plain.read(name)), name
    if full_text:
        assert fast.read("word/comments.xml").count(b"<w:comment ") == sum(
            len(i.notes) for i in items
        )
    import docx

    opened = docx.Document(io.BytesIO(data))  # python-docx reads what was spliced in
    assert any("标题上的批注" in p.text for p in opened.paragraphs) != full_text
    if full_text:
        assert any("标题上的批注" in p.text for c in opened.comments for p in c.paragraphs)


def test_word_packages_follow_each_exports_language_and_comments(hostile_items):
    """python-docx's blank document is saved once per language and comments part: each
    export still gets its own."""
    traditional = [i for i in hostile_items if export_docx.is_traditional(i.article.text)]
    assert 0 < len(traditional) < len(hostile_items)
    bare = [replace(i, notes=()) for i in hostile_items]
    runs = [(traditional, "zh-TW", True), (hostile_items, "zh-CN", True), (bare, "zh-CN", False)]
    for chosen, lang, noted in [*runs, (traditional, "zh-TW", True)]:
        for full_text in (False, True):
            package = zipfile.ZipFile(io.BytesIO(render("docx", chosen, full_text=full_text)))
            styles = package.read("word/styles.xml").decode("utf-8")
            assert f'w:eastAsia="{lang}"' in styles and 'w:eastAsia="en-US"' not in styles
            assert ("word/comments.xml" in package.namelist()) == (full_text and noted)
            core = package.read("docProps/core.xml").decode("utf-8")
            assert "python-docx" not in core and "<cp:revision>1</cp:revision>" in core


def _lay_out_reference(item, chosen):
    """spans.lay_out as it was: every active annotation checked against every piece."""
    text = item.article.text
    spans_ = [
        (a.start, a.end) if a.state != "orphaned" and a.start < a.end else (0, 0) for a in chosen
    ]
    order = sorted((i for i, s in enumerate(spans_) if s[0] < s[1]), key=lambda i: spans_[i])
    starts, stops = [s for s, _ in spans_], [e for _, e in spans_]
    paras, last, active, k = [], {}, [], 0
    for kind, bs, be in spans._ranges(item):
        while k < len(order) and starts[order[k]] < be:
            active.append(order[k])
            k += 1
        active = [i for i in active if stops[i] > bs]
        cuts = {bs, be}
        for i in active:
            cuts.add(max(bs, starts[i]))
            cuts.add(min(be, stops[i]))
        pieces = []
        for x, y in itertools.pairwise(sorted(cuts)):
            cover = tuple([i for i in active if starts[i] <= x and stops[i] >= y])
            for i in cover:
                last[i] = (len(paras), len(pieces))
            pieces.append([text[x:y], cover, []])
        paras.append((kind, pieces))
    for i, (p, q) in sorted(last.items()):
        paras[p][1][q][2].append(i)
    placed = [(kind, [(t, c, tuple(e)) for t, c, e in pieces]) for kind, pieces in paras]
    return placed, [i for i in range(len(chosen)) if i not in last]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 6), min_size=0, max_size=6),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12), st.booleans()), max_size=12),
    st.booleans(),
)
def test_lay_out_sweep_is_every_note_checked_on_every_piece(lines, notes, blocks):
    """Paragraphs (blocks, or the text's lines), gaps, empty lines, nested, overlapping,
    cross-paragraph, empty and orphaned notes."""
    from types import SimpleNamespace

    from reader.core.text.model import Block, BlockKind

    text = "\n".join("字" * n for n in lines)
    made, pos = [], 0
    for n in lines:
        made.append(Block(BlockKind.PARAGRAPH, "字" * n, (), pos, pos + n))
        pos += n + 1
    article = SimpleNamespace(text=text, blocks=tuple(made) if blocks else ())
    item = SimpleNamespace(article=article, notes=())
    chosen = [
        SimpleNamespace(start=s, end=s + n, state="orphaned" if gone else "anchored")
        for s, n, gone in notes
    ]
    layout = spans.lay_out(item, chosen)
    got = [(p.kind, [tuple(piece) for piece in p.pieces]) for p in layout.paras]
    assert (got, layout.unplaced) == _lay_out_reference(item, chosen)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="們這個來說為们这个来说为的了字a \n", max_size=60), st.integers(0, 25_000))
def test_traditional_is_more_traditional_than_simplified_characters(text, padding):
    text = "字" * padding + text
    sample = text[:20_000]
    traditional = sum(sample.count(c) for c in export_docx._TRADITIONAL)
    simplified = sum(sample.count(c) for c in export_docx._SIMPLIFIED)
    assert export_docx.is_traditional(text) == (traditional > simplified)


@pytest.mark.parametrize("labels", [None, {"orphaned": "孤立\n<x>", "green": "绿 & 色"}])
def test_word_comments_are_their_lines_each_a_paragraph(items, labels):
    """Each comment holds one paragraph a line of comment_lines, each line escaped."""
    notes = [n.annotation for i in items for n in i.notes]
    bare = [replace(a, tags=(), note="", color=c) for a in notes[:3] for c in (None, "green")]
    gone = [replace(a, state="orphaned") for a in notes[:3]]
    seen = set()
    for a in [*notes, *bare, *gone]:
        got: list[bytes] = []
        docx_comments._comment(7, a, labels, got)
        lines = "".join(
            f"{docx_comments._COMMENT_LINE}{export_docx._text(line)}</w:t></w:r></w:p>"
            for line in docx_comments.comment_lines(a, labels)
        )
        author = export_docx._attr(a.annotator or "Reader")
        initials = export_docx._attr((a.annotator or "R")[:2])
        date = export_docx._attr(a.created_at[:19])
        assert b"".join(got).decode("utf-8") == (
            f'<w:comment w:id="7" w:author="{author}" w:initials="{initials}" '
            f'w:date="{date}Z">{lines}</w:comment>'
        )
        seen.add((a.state == "orphaned", bool(a.tags), "\n" in a.note, not (a.tags or a.note)))
    assert len(seen) >= 4  # orphaned, tagged, notes of several lines, neither


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet='們這個们这个的a&<>"\x07\ufffe\n', max_size=40),
    st.integers(0, 25_000),
    st.text(alphabet="們们的&\x00", max_size=5),
)
def test_reading_a_text_is_its_script_and_whether_it_needs_escaping(text, padding, tail):
    text = text + "字" * padding + tail
    expected = (export_docx.is_traditional(text), export_docx._NEEDS_WORK.search(text) is not None)
    assert export_docx.read_text(text) == expected


def test_zip_packages_are_what_zipfile_writes(monkeypatch):
    import time

    from reader.core.exchange import zip_parts
    from reader.core.exchange.zip_parts import deflate, package

    monkeypatch.setattr(time, "time", lambda: 1_790_000_000.0)
    parts = [("[Content_Types].xml", b"<x/>" * 50), ("word/document.xml", "正文".encode() * 999)]
    parts += [("empty", b""), ("名字.xml", b"<y/>")]
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as written:
        for name, data in parts:
            written.writestr(name, data)
    assert package(deflate(name, data) for name, data in parts) == expected.getvalue()
    monkeypatch.setattr(zip_parts, "_LIMIT", 100)  # as if too large for a plain zip
    assert package(deflate(name, data) for name, data in parts) == expected.getvalue()


def _md_reference(text):
    return "".join("\\" + ch if ch in "\\`*_{}[]<>#|~=!^&$" else ch for ch in text)


@pytest.mark.parametrize(
    "text", ["", "纯文本", "a*b_c [x](y) <z> & $", "\\`{}|~=!^#", "1. 一", "١) x", "  12) y"]
)
def test_markdown_escaping_is_the_character_by_character_one(text):
    assert _md(text) == _md_reference(text)
    line = _md_line(text)
    if re.match(r"\s*\d{1,9}[.)]", text):
        assert re.search(r"\d\\[.)]", line)  # an ordered-list marker is broken
    assert line.endswith(_md_reference(text.lstrip(" \t"))[-2:]) or not text.strip()


def _parts(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("platform", ["linux", "darwin"])  # syncfs, or fsync each
def test_notes_are_written_each_atomically(tmp_path, monkeypatch, platform):
    monkeypatch.setattr(sys, "platform", platform)
    kept = tmp_path / "kept.md"
    kept.write_bytes(b"old")
    kept.chmod(0o600)
    files = {"kept.md": b"new", "fresh.md": "新".encode(), "big.md": b"x" * 3_000_000}
    with pytest.raises(ReaderError, match="exists"):
        note_folder.write_files_atomically(tmp_path, files)
    assert kept.read_bytes() == b"old" and not (tmp_path / "fresh.md").exists()
    note_folder.write_files_atomically(tmp_path, files, overwrite=True)
    assert {n: (tmp_path / n).read_bytes() for n in files} == files
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    umask = atomic_file._umask()
    assert stat.S_IMODE((tmp_path / "fresh.md").stat().st_mode) == 0o666 & ~umask
    assert _parts(tmp_path) == []


def test_a_failed_note_leaves_no_part_files_and_says_which(tmp_path, monkeypatch):
    real = os.replace
    done = []

    def replace_twice(source, target):
        if len(done) == 1:
            raise OSError(28, "No space left on device")
        done.append(target)
        real(source, target)

    monkeypatch.setattr(atomic_file.os, "replace", replace_twice)
    with pytest.raises(ReaderError, match=r"b\.md"):
        note_folder.write_files_atomically(tmp_path, {"a.md": b"a", "b.md": b"b", "c.md": b"c"})
    assert _parts(tmp_path) == [] and (tmp_path / "a.md").read_bytes() == b"a"
    assert not (tmp_path / "b.md").exists()


@pytest.mark.parametrize("text", ["", "abc", "中文", "a😀b𠀀c", "😀", "\U0010ffff末"])
def test_utf16_offsets_of_astral_characters(text):
    units = Utf16(text)
    for offset in range(len(text) + 1):
        assert units.to_utf16(offset) == len(text[:offset].encode("utf-16-le")) // 2


def test_label_studio_file_is_its_tasks_as_indented_json(items):
    expected = json.dumps(labelstudio_tasks(items), ensure_ascii=False, indent=1) + "\n"
    assert labelstudio_json(items) == expected
    assert labelstudio_json([]) == "[]\n" == json.dumps(labelstudio_tasks([])) + "\n"
    bare = [replace(item, notes=()) for item in items]
    plain = json.dumps(labelstudio_tasks(bare), ensure_ascii=False, indent=1)
    assert labelstudio_json(bare) == plain + "\n"


def _cell_reference(value):
    text = "" if value is None else str(value)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(_triggers(line) for line in lines):
        return text
    guarded = [lines[0], *("'" + line if _triggers(line) else line for line in lines[1:])]
    return "'" + "\n".join(guarded)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        12,
        -3,
        "a",
        "=1",
        "＝1",
        " =1",
        "\u3000x",
        "a\n=b",
        "a\r+b",
        "\n",
        "x\r\ny",
        "@",
        "b-",
    ],
)
def test_csv_cells_are_guarded_as_line_by_line(value):
    assert _cell(value) == _cell_reference(value)


def test_xmi_files_are_what_dkpro_cassis_writes(hostile_items, monkeypatch):
    fast = xmi.xmi_files(hostile_items)
    assert all(xmi.xmi_text(i, "x") is not None for i in hostile_items)
    monkeypatch.setattr(xmi, "xmi_text", lambda item, name: None)  # cassis writes each
    assert fast == xmi.xmi_files(hostile_items)


@pytest.mark.parametrize("value", ['a"b<&>\n\r\t c', "😀 𠀀", "", "bell\x07", "\ud800"])
def test_xmi_attributes_and_offsets_are_cassis_own(hostile_items, monkeypatch, value):
    item = hostile_items[0]
    notes = tuple(
        replace(n, annotation=replace(n.annotation, note=value, annotator=value, tags=(value,)))
        for n in item.notes
    )
    tricky = [replace(item, article=replace(item.article, title=value or "t"), notes=notes)]
    try:
        fast: object = xmi.xmi_files(tricky)
    except ValueError as exc:  # what cassis (lxml) says of a character XML cannot hold
        fast = type(exc)
    monkeypatch.setattr(xmi, "xmi_text", lambda item, name: None)
    try:
        plain: object = xmi.xmi_files(tricky)
    except ValueError as exc:
        plain = type(exc)
    assert fast == plain


def test_an_export_pauses_the_cycle_collector_and_restores_it(items, tmp_path, monkeypatch):
    seen = []
    real = exporting._renderer

    def watched(fmt):
        seen.append(gc.isenabled())
        return real(fmt)

    monkeypatch.setattr(exporting, "_renderer", watched)
    assert gc.isenabled()
    exporting.write_export(tmp_path / "a.md", "markdown", items)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        render("markdown", items)
        assert not gc.isenabled()  # left as it was
    finally:
        gc.enable()
    monkeypatch.setattr(exporting, "_renderer", lambda fmt: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        render("markdown", items)
    assert gc.isenabled()


_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    ident=_ANY_TEXT,
    tags=st.lists(_ANY_TEXT, max_size=3),
    color=st.none() | _ANY_TEXT,
    annotator=_ANY_TEXT,
    note=_ANY_TEXT,
    start=st.integers(0, 10**6),
)
def test_brat_meta_and_escapes_are_what_json_and_the_old_loop_wrote(
    ident, tags, color, annotator, note, start
):
    import json as json_module

    from reader.core.exchange import brat
    from reader.core.notes.annotations import Annotation

    a = Annotation(
        ident, 1, start, start + 3, "q", "", "", "h", color, note, annotator, "anchored",
        tuple(tags), "2024-01-01T00:00:00+00:00", "2024-01-02T00:00:00+00:00",
    )  # fmt: skip
    members = [f"T{n}" for n in range(1, len(tags) + 2)]
    said = {
        "id": a.id, "t": members, "tags": list(a.tags), "start": a.start, "end": a.end,
        "color": a.color, "annotator": a.annotator, "created": a.created_at,
        "updated": a.updated_at,
    }  # fmt: skip
    line = json_module.dumps(said, ensure_ascii=False)
    for ch, escaped in (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        line = line.replace(ch, escaped)
    assert brat._meta(a, members) == line
    assert brat.escape(note) == "".join(brat._ESCAPES.get(c, c) for c in note)
    assert brat.unescape(brat.escape(note)) == note
