"""CSV, Excel and Hypothesis exports pinned cell by cell and field by field, with the
expected values taken from the annotations exported."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import replace
from xml.etree import ElementTree

import openpyxl

from export_helpers import annotate, items_for
from reader.core.exchange.csv_format import CSV_COLUMNS, csv_bytes
from reader.core.exchange.hypothesis import _annotation, hypothesis, user_id
from reader.core.exchange.names import STATUS_NAMES
from reader.core.exchange.xlsx import MAX_CELL, xlsx_bytes


def _with_notes(library, **changes):
    """The export items, the first annotation changed by ``changes``."""
    if not items_for(library):
        annotate(library)
    items = [i for i in items_for(library) if i.notes]
    first = items[0]
    note = first.notes[0]
    changed = replace(note, annotation=replace(note.annotation, **changes))
    return [replace(first, notes=(changed, *first.notes[1:])), *items[1:]]


def _csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_guards_every_formula_line_of_a_cell(library):
    items = _with_notes(library, note="安全\n=1+1\n+2\n普通")
    first = _csv(csv_bytes(items))[0]
    assert first["note"] == "'安全\n'=1+1\n'+2\n普通"


def test_csv_review_status_uses_the_labels(library):
    items = _with_notes(library)
    status = items[0].article.status
    plain = _csv(csv_bytes(items))[0]
    assert plain["review status"] == STATUS_NAMES[status]
    labelled = _csv(csv_bytes(items, {status: "Unread (EN)"}))[0]
    assert labelled["review status"] == "Unread (EN)"


def _sheet(data: bytes):
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [[c.value for c in row] for row in book["notes"].iter_rows()]


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def test_xlsx_cells_match_the_annotations(library):
    items = _with_notes(library, color=None)
    data = xlsx_bytes(items)
    sheet = _sheet(data)
    assert sheet[0] == list(CSV_COLUMNS)
    notes = [n.annotation for i in items for n in i.notes]
    assert len(sheet) == len(notes) + 1
    first = dict(zip(CSV_COLUMNS, sheet[1], strict=True))
    a = notes[0]
    assert (first["quote"], first["start"], first["end"]) == (a.quote, a.start, a.end)
    assert first["colour"] in (None, "")  # no colour: an empty cell, never "None"
    assert "None" not in [v for row in sheet for v in row]
    last = f"O{len(notes) + 1}"  # 15 columns: A … O
    assert f"notes!$A$1:$O${len(notes) + 1}</definedName>" in _part(data, "xl/workbook.xml")
    assert f'<autoFilter ref="A1:{last}"/>' in _part(data, "xl/worksheets/sheet1.xml")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "_rels/.rels" in package.namelist()


def test_xlsx_sheet_data_holds_only_rows_and_cells(library):
    """The schema allows no text between rows or cells: Excel calls such a file corrupt."""
    data = xlsx_bytes(_with_notes(library))
    sheet = ElementTree.fromstring(_part(data, "xl/worksheets/sheet1.xml"))
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rows_of = sheet.find(f"{main}sheetData")
    rows = list(rows_of)
    assert {r.tag for r in rows} == {f"{main}row"}
    assert [r.get("r") for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    for element in [rows_of, *rows, *(c for r in rows for c in r)]:
        assert (element.text or "").strip() == ""
        assert (element.tail or "").strip() == ""


def test_xlsx_cell_at_the_limit_is_kept_whole_and_longer_is_cut(library):
    whole = "&" + "字" * (MAX_CELL - 1)
    sheet = _sheet(xlsx_bytes(_with_notes(library, note=whole)))
    assert sheet[1][CSV_COLUMNS.index("note")] == whole
    longer = whole + "多"
    sheet = _sheet(xlsx_bytes(_with_notes(library, note=longer)))
    assert sheet[1][CSV_COLUMNS.index("note")] == longer[: MAX_CELL - 1] + "…"


def test_xlsx_creator_is_cut_to_255_characters(library):
    name = "编辑" * 200
    data = xlsx_bytes(_with_notes(library, annotator=name))
    creator = re.search(r"<dc:creator>(.*?)</dc:creator>", _part(data, "docProps/core.xml"))
    assert creator.group(1) == ("; ".join(sorted({name, "编辑甲"})))[:255]


def test_hypothesis_lines_equal_the_documented_annotation(library):
    annotate(library)
    items = [i for i in items_for(library) if i.notes]
    document = json.loads(hypothesis(items))
    pairs = [(i, n.annotation) for i in items for n in i.notes]
    assert len(document["annotations"]) == len(pairs)
    for written, (item, a) in zip(document["annotations"], pairs, strict=True):
        assert written == _annotation(item, a)
        quote, position = written["target"][0]["selector"]
        assert quote == {
            "type": "TextQuoteSelector",
            "exact": a.quote,
            "prefix": a.prefix,
            "suffix": a.suffix,
        }
        assert position == {"type": "TextPositionSelector", "start": a.start, "end": a.end}
        assert (written["created"], written["updated"]) == (a.created_at, a.updated_at)
        assert written["tags"] == list(a.tags)
        assert written["permissions"] == {"read": ["group:__world__"]}
        assert (written["hidden"], written["flagged"]) == (False, False)
        assert written["user"] == user_id(a.annotator)
    assert document["export_userid"] == user_id("编辑甲")


def test_xlsx_rows_are_as_high_as_their_wrapped_text(library):
    from reader.core.exchange import xlsx

    note_width = xlsx._WIDTHS["note"]
    assert xlsx._lines("", note_width) == 1
    assert xlsx._lines("a" * note_width, note_width) == 1  # full: still one line
    assert xlsx._lines("a" * (note_width + 1), note_width) == 2
    assert xlsx._lines("字" * (note_width // 2 + 1), note_width) == 2  # wide: two columns
    assert xlsx._lines("一\n二\n\n三", note_width) == 4  # each line, empty ones too
    two_lines = "第一行\n第二行"
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(_with_notes(library, note=two_lines))))
    rows = sheet.active.row_dimensions
    assert rows[2].height == 2 * xlsx._LINE_POINTS
    long = "字" * 10_000  # far past the cap: as high as _MAX_LINES lines, no higher
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(_with_notes(library, note=long))))
    assert sheet.active.row_dimensions[2].height == xlsx._MAX_LINES * xlsx._LINE_POINTS
    short = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(_with_notes(library, note="短"))))
    quote = short.active.cell(2, CSV_COLUMNS.index("quote") + 1).value
    if len(quote) * 2 <= xlsx._WIDTHS["quote"]:  # one line of everything: the default height
        assert short.active.row_dimensions[2].height is None


def test_the_sheets_header_row_is_in_the_windows_language_and_csv_keeps_its_names(library):
    from reader.core.exchange.exporting import render

    items = _with_notes(library, note="批注")
    said = {f"column:{name}": f"列{n}" for n, name in enumerate(CSV_COLUMNS)}
    sheet = openpyxl.load_workbook(io.BytesIO(render("xlsx", items, labels=said))).active
    assert [c.value for c in sheet[1]] == [said[f"column:{name}"] for name in CSV_COLUMNS]
    plain = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(items))).active
    assert [c.value for c in plain[1]] == list(CSV_COLUMNS)  # the command line: as CSV's
    rows = list(csv.reader(io.StringIO(render("csv", items, labels=said).decode("utf-8-sig"))))
    assert rows[0] == list(CSV_COLUMNS)  # for tools: never translated
