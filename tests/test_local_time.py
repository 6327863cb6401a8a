"""Times as people read them: local, to the minute (the sheet, the panel); the stored
ISO 8601 stays in the files for tools."""

from __future__ import annotations

import io
import time

import pytest

from reader.core import stamps
from reader.core.stamps import local_time


@pytest.fixture
def zone(monkeypatch):
    def set_zone(name: str) -> None:  # POSIX rules: no time zone database needed
        monkeypatch.setenv("TZ", name)
        time.tzset()
        stamps._local_minute.cache_clear()

    yield set_zone
    monkeypatch.delenv("TZ", raising=False)
    time.tzset()
    stamps._local_minute.cache_clear()


def test_a_stored_utc_time_reads_in_the_machines_zone(zone):
    zone("CST-8")
    assert local_time("2026-11-26T23:07:04.650529+00:00") == "2026-11-27 07:07"
    assert local_time("2026-11-26T23:07:04Z") == "2026-11-27 07:07"
    zone("NPT-5:45")  # a zone whose offset is not whole hours
    assert local_time("2026-11-26T23:07:04.650529+00:00") == "2026-11-27 04:52"
    zone("UTC0")
    assert local_time("2026-11-26T23:07:04.650529+00:00") == "2026-11-26 23:07"


def test_another_offset_and_no_offset(zone):
    zone("CET-1CEST,M3.5.0,M10.5.0/3")
    assert local_time("2026-07-01T10:00:00+08:00") == "2026-07-01 04:00"  # summer: +2
    assert local_time("2026-01-01T10:00:00+08:00") == "2026-01-01 03:00"  # winter: +1
    assert local_time("2026-01-01T10:00") == "2026-01-01 10:00"  # no zone: as written


@pytest.mark.parametrize("odd", ["", "昨天", "2026-13-45T99:99:00+00:00", "2026-11-26", "x" * 50])
def test_anything_else_stays_as_it_is(zone, odd):
    zone("CST-8")
    assert local_time(odd) == odd


def test_the_sheet_shows_local_minutes_and_the_csv_keeps_iso(zone, tmp_path):
    from openpyxl import load_workbook

    from reader.core.exchange.csv_format import CSV_COLUMNS
    from reader.core.exchange.exporting import ExportFilter, collect, render
    from reader.core.ingest.importer import import_paths
    from reader.core.library.articles import list_articles
    from reader.core.library.store import open_library
    from reader.core.notes import annotations as notes

    zone("CST-8")
    page = tmp_path / "p.md"
    page.write_text("# 标题\n\n正文一段话。\n", encoding="utf-8")
    with open_library(tmp_path / "lib.sqlite3") as library:
        import_paths(library, [page])
        (article,) = list_articles(library)
        made = notes.create(library, article.id, 3, 5, note="n")
        items = collect(library, ExportFilter())
        sheet = load_workbook(io.BytesIO(render("xlsx", items))).active
        csv = render("csv", items).decode("utf-8-sig")
    row = [c.value for c in list(sheet.iter_rows())[1]]
    assert row[CSV_COLUMNS.index("created")] == local_time(made.created_at)
    assert row[CSV_COLUMNS.index("created")] != made.created_at[:16].replace("T", " ")
    assert made.created_at in csv
