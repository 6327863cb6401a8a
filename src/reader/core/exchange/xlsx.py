"""Excel workbook for people: the CSV's columns as real text cells.

Every value but the offsets is a text cell in the text number format (``@``), so a
quote like ``1246`` stays text and nothing that starts with ``=`` is a formula; the
long columns wrap, the header row is bold and frozen, and the columns have an
autofilter. The SpreadsheetML is written directly (as the Word body is): openpyxl
took 4–10 s for 10,000 rows on this machine; it reads the file back in the tests.
The text is in the shared strings, each distinct text once, as Excel writes it: a
sheet of inline strings was three times the XML to build, encode and compress.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from itertools import repeat
from operator import attrgetter
from typing import cast
from xml.sax.saxutils import escape

from reader.core.exchange.csv_format import CSV_COLUMNS, columns
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.zip_parts import Deflater, deflate, package
from reader.core.stamps import local_time

# Characters XML 1.0 (and so a workbook) cannot hold.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_CELL = 32_767  # Excel's limit for one cell's text
_ROWS = 1_000  # rows (and shared strings) made, encoded and deflated at a time
_WIDTHS = {"article": 24, "section": 16, "quote": 40, "prefix": 16, "suffix": 16, "note": 48}
_WRAPPED = frozenset({"quote", "note", "prefix", "suffix"})
_NUMBERS = frozenset({"start", "end"})
# Row heights: neither Excel nor LibreOffice fits a row to its wrapped text on opening a
# file, so a row is written as high as its quote or note is estimated to need
# (a wide character counted as two columns), up to _MAX_LINES lines.
_SIZING = ("quote", "note")  # the context columns (prefix, suffix) are cut to fit them
_LINE_POINTS = 16  # one line of 11 pt text, CJK fonts being taller than Latin ones
_MAX_LINES = 8
# Each annotation's own times: written in their cells, not looked up among the shared
# strings (unless one is not ASCII, which would make the whole sheet's text wide).
_OWN = frozenset({"created", "updated"})
# The markup after a cell's style, up to its value: a number, a shared string's index,
# or the text itself.
_NUMBER, _SHARED, _INLINE = "><v>", ' t="s"><v>', ' t="inlineStr"><is><t xml:space="preserve">'
_INLINE_END = "</t></is></c>"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Cell formats: 0 default, 1 bold header, 2 text wrapped, 3 text, 4 number; all top-aligned.
_STYLES = f"""{_HEAD}<styleSheet xmlns="{_MAIN}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" \
applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" \
applyAlignment="1"><alignment vertical="top"/></xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
<alignment vertical="top"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
_TYPES = f"""{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/xl/sharedStrings.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
<Override PartName="/docProps/core.xml" \
ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"""
_ROOT_RELS = f"""{_HEAD}<Relationships xmlns="{_PKG}">\
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="{_PKG}/metadata/core-properties" Target="docProps/core.xml"/>\
</Relationships>"""
_BOOK_RELS = f"""{_HEAD}<Relationships xmlns="{_PKG}">\
<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>\
<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>\
</Relationships>"""


def _letter(number: int) -> str:
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(65 + rest) + out
    return out


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    if len(text) <= MAX_CELL and _NEEDS_WORK.search(text) is None:
        return text  # most cells: nothing to remove, cut or escape
    text = _XML_INVALID.sub("", text)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return escape(text)


def _texts(values: list[str]) -> list[str]:
    """The values as written, checked for anything to escape or cut in one search:
    ``values`` itself when there is nothing."""
    if max(map(len, values), default=0) <= MAX_CELL and not _NEEDS_WORK.search("\n".join(values)):
        return values
    return list(map(_text, values))


def _shared(text_columns: list[list[object]]) -> tuple[list[str], list[list[str]]]:
    """The shared strings (each cell's text as written, once each) and, for each column,
    its cells' indices into them (as text, for the ``<v>``)."""
    values = list(dict.fromkeys(itertools.chain.from_iterable(text_columns)))
    if set(map(type, values)) - {str}:  # None, or 1 and True, which a dict takes as one
        text_columns = [["" if v is None else str(v) for v in c] for c in text_columns]
        values = list(dict.fromkeys(itertools.chain.from_iterable(text_columns)))
    texts = _texts(cast(list[str], values))
    if texts is values:  # nothing escaped or cut: the values are the texts, each once
        code = dict(zip(values, map(str, range(len(values))), strict=True))
    else:  # cutting (or dropping characters) can make two values one text
        shared: dict[str, str] = {}
        pairs = zip(values, texts, strict=True)
        code = {v: shared.setdefault(t, str(len(shared))) for v, t in pairs}
        texts = list(shared)
    return texts, [list(map(code.__getitem__, c)) for c in text_columns]


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` takes in a wrapped column ``width`` characters wide."""
    if "\n" not in text:  # most cells: one line of text, a wide character two columns
        return max(1, -(-(2 * len(text) - len(text.encode("ascii", "ignore"))) // width))
    return sum(_lines(line, width) for line in text.split("\n"))


def row_heights(data: list[list[object]]) -> list[str]:
    """Each row's height attribute (``""``: one line, the default), from its wrapped cells."""
    most = [1] * (len(data[0]) if data else 0)
    for name in _SIZING:  # a column at a time: a loop over its cells, no tuple a row
        width = _WIDTHS[name]
        for row, value in enumerate(data[CSV_COLUMNS.index(name)]):
            if isinstance(value, str) and value:
                lines = _lines(value, width)
                if lines > most[row]:
                    most[row] = lines
    return [
        f' ht="{min(lines, _MAX_LINES) * _LINE_POINTS}" customHeight="1"' if lines > 1 else ""
        for lines in most
    ]


def _row(
    number: int,
    row: list[object],
    letters: list[str],
    styles: list[int],
    kinds: list[str],
    height: str = "",
) -> str:
    """One row, cell by cell: a shared text cell's value is its index in the shared
    strings, an inline one's its text as written."""
    cells = [f'<row r="{number}"{height}>']
    for i, value in enumerate(row):
        where = f"{letters[i]}{number}"
        if kinds[i] == _NUMBER and isinstance(value, int):
            cells.append(f'<c r="{where}" s="4"><v>{value}</v></c>')
        elif kinds[i] == _NUMBER:  # an offset that is not a number: its text, inline
            cells.append(f'<c r="{where}" s="{styles[i]}"{_INLINE}{_text(value)}{_INLINE_END}')
        elif kinds[i] == _INLINE:
            cells.append(f'<c r="{where}" s="{styles[i]}"{_INLINE}{value}{_INLINE_END}')
        else:
            cells.append(f'<c r="{where}" s="{styles[i]}" t="s"><v>{value}</v></c>')
    cells.append("</row>")
    return "".join(cells)


def _sheet(
    data: list[list[object]],
    letters: list[str],
    styles: list[int],
    kinds: list[str],
    first: int = 2,
    heights: list[str] | None = None,
) -> str:
    """The rows of ``data`` (its columns; text cells as shared string indices or their
    text as written) as XML, numbered from ``first``, each of its height (see
    :func:`row_heights`)."""
    count = len(data[0]) if data else 0
    heights = heights if heights is not None else [""] * count
    numbers = [i for i, kind in enumerate(kinds) if kind == _NUMBER]
    if not all(set(map(type, data[i])) <= {int, type(None)} for i in numbers):
        cells = zip(*data, heights, strict=True)  # an offset that is not a number: one by one
        rows = enumerate(cells, first)
        return "".join(_row(n, list(r[:-1]), letters, styles, kinds, r[-1]) for n, r in rows)
    # The XML between two values is the same on every row but for the row's number and
    # height: the rows are one join of those pieces and the columns, zipped.
    where = list(map(str, range(first, first + count)))
    pieces: list[Iterable[object]] = [repeat('<row r="', count), where, repeat('"', count)]
    pieces.append(heights)
    after = ">"
    for i, column in enumerate(data):
        pieces += [repeat(f'{after}<c r="{letters[i]}', count), where]
        if i in numbers and None in column:  # an orphan's offsets: empty, as _row writes them
            empty = f'" s="{styles[i]}"{_INLINE}{_INLINE_END}'
            full = f'" s="{styles[i]}"{_NUMBER}{{}}</v></c>'.format
            pieces.append([empty if v is None else full(v) for v in column])
            after = ""
            continue
        values = map(str, column) if i in numbers else column
        pieces += [repeat(f'" s="{styles[i]}"{kinds[i]}', count), values]
        after = _INLINE_END if kinds[i] == _INLINE else "</v></c>"
    pieces.append(repeat(f"{after}</row>", count))
    return "".join(cast(Iterable[str], itertools.chain.from_iterable(zip(*pieces, strict=True))))


def headers(labels: Mapping[str, str] | None) -> list[str]:
    """The header row: the CSV's column names, or in the window's language (``labels``'
    ``column:…`` words): the sheet is for people, the CSV for tools."""
    said = labels or {}
    return [said.get(f"column:{name}", name) for name in CSV_COLUMNS]


def xlsx_bytes(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> bytes:
    data = columns(items, labels)
    count = len(data[0])
    heights = row_heights(data)
    letters = [_letter(n) for n in range(1, len(CSV_COLUMNS) + 1)]
    styles = [4 if name in _NUMBERS else 2 if name in _WRAPPED else 3 for name in CSV_COLUMNS]
    kinds = [_NUMBER if name in _NUMBERS else _SHARED for name in CSV_COLUMNS]
    for i, name in enumerate(CSV_COLUMNS):
        if name in _OWN:  # people read local times to the minute; the CSV keeps ISO 8601
            data[i] = [local_time(v) if isinstance(v, str) else v for v in data[i]]
        if name in _OWN and set(map(type, data[i])) <= {str}:
            written = _texts(cast(list[str], data[i]))
            if "".join(written).isascii():  # the sheet stays ASCII, cheap to join and encode
                data[i], kinds[i] = cast(list[object], written), _INLINE
    texts, codes = _shared([c for i, c in enumerate(data) if kinds[i] == _SHARED])
    coded = iter(cast(list[list[object]], codes))
    data = [next(coded) if kinds[i] == _SHARED else c for i, c in enumerate(data)]
    out = [
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews>'
        '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
        'activeCell="A2" sqref="A2"/></sheetView></sheetViews><cols>',
        *(
            f'<col min="{n}" max="{n}" width="{_WIDTHS.get(name, 12)}" customWidth="1"/>'
            for n, name in enumerate(CSV_COLUMNS, 1)
        ),
        '</cols><sheetData><row r="1">',
        *(
            f'<c r="{letters[i]}1" s="1" t="inlineStr"><is><t>{escape(name)}</t></is></c>'
            for i, name in enumerate(headers(labels))
        ),
        "</row>",
    ]
    # The sheet and the shared strings deflated as they are made, some rows at a time.
    with Deflater("xl/worksheets/sheet1.xml") as sheet:
        sheet.write("".join(out).encode("utf-8"))
        for at in range(0, count, _ROWS):
            rows = [column[at : at + _ROWS] for column in data]
            high = heights[at : at + _ROWS]
            sheet.write(_sheet(rows, letters, styles, kinds, at + 2, high).encode("utf-8"))
        last = f"{letters[-1]}{count + 1}"
        sheet.write(f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'.encode())
        sheet_part = sheet.part()
    with Deflater("xl/sharedStrings.xml") as strings:
        head = f'<sst xmlns="{_MAIN}" count="{sum(map(len, codes))}" uniqueCount="{len(texts)}">'
        strings.write((_HEAD + head).encode("utf-8"))
        for at in range(0, len(texts), _ROWS):
            shared = texts[at : at + _ROWS]
            strings.write(
                "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in shared).encode()
            )
        strings.write(b"</sst>")
        strings_part = strings.part()
    book = (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="notes" sheetId="1" r:id="rId1"/></sheets><definedNames>'
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"notes!$A$1:${letters[-1]}${count + 1}</definedName></definedNames></workbook>"
    )
    notes = itertools.chain.from_iterable(i.notes for i in items)
    annotators = sorted(set(map(attrgetter("annotation.annotator"), notes)) - {""})
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        f"{_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>Reader notes</dc:title><dc:creator>{_text('; '.join(annotators)[:255])}"
        f'</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    small = [
        ("[Content_Types].xml", _TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("xl/workbook.xml", book),
        ("xl/_rels/workbook.xml.rels", _BOOK_RELS),
        ("xl/styles.xml", _STYLES),
    ]
    return package(
        [
            *(deflate(name, data.encode("utf-8")) for name, data in small),
            strings_part,
            sheet_part,
            deflate("docProps/core.xml", core.encode("utf-8")),
        ]
    )
