"""Excel workbook for people: the CSV's columns as real text cells.

Every value is a string cell (a quote like ``1246`` stays text, and nothing that
starts with ``=`` becomes a formula), notes wrap, the header row is bold and
frozen, and the columns have an autofilter. openpyxl writes it in write-only mode.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

from reader.core.exchange.csv_format import CSV_COLUMNS, rows
from reader.core.exchange.exporting import ExportArticle

# Characters XML 1.0 (and so a workbook) cannot hold.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WIDTHS = {"article": 24, "section": 16, "quote": 40, "prefix": 16, "suffix": 16, "note": 48}
_WRAPPED = frozenset({"quote", "note", "prefix", "suffix"})
_NUMBERS = frozenset({"start", "end"})


def xlsx_bytes(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("notes")
    for number, name in enumerate(CSV_COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(number)].width = _WIDTHS.get(name, 12)
    sheet.freeze_panes = "A2"
    data = rows(items, labels)
    last = get_column_letter(len(CSV_COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{len(data) + 1}"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    header = []
    for name in CSV_COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in data:
        cells = []
        for name, value in zip(CSV_COLUMNS, row, strict=True):
            if name in _NUMBERS and isinstance(value, int):
                cell = WriteOnlyCell(sheet, value=value)
            else:
                cell = WriteOnlyCell(sheet, value=None)
                cell.value = _XML_INVALID.sub("", "" if value is None else str(value))
                cell.data_type = "s"  # text, even "1246" or "=SUM(A1)"
            cell.alignment = wrap if name in _WRAPPED else top
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
