"""The text export formats, one module each; this module keeps the old names importable."""

from __future__ import annotations

from reader.core.exchange.csv_format import CSV_COLUMNS, _cell, csv_bytes
from reader.core.exchange.html import html_page
from reader.core.exchange.jsonld import JSONL_TYPE, W3C_CONTEXT, jsonl, jsonl_record, w3c
from reader.core.exchange.markdown import markdown, md_text
from reader.core.exchange.names import STATUS_NAMES

__all__ = [
    "CSV_COLUMNS",
    "JSONL_TYPE",
    "STATUS_NAMES",
    "W3C_CONTEXT",
    "_cell",
    "csv_bytes",
    "html_page",
    "jsonl",
    "jsonl_record",
    "markdown",
    "md_text",
    "w3c",
]
