"""Issue #13: an orphaned annotation (its passage gone after the article changed) has no
current section or offsets in any export: its old offsets point into the new text,
under whatever heading is there now (here 結語, though it was in 街市與茶餐廳)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from conftest import run_reader
from reader.core.exchange.csv_format import CSV_COLUMNS
from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.obsidian import obsidian_files
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes

STALL = "魚販高聲叫賣，菜檔堆滿青翠的蔬菜，" * 6
BEFORE = f"""# 香港漫步

## 海港黃昏

維多利亞港的海面泛著微光😀。渡輪緩緩駛過。

## 街市與茶餐廳

清晨的街市人聲鼎沸，{STALL}轉角的茶餐廳裡，奶茶與菠蘿油是不變的早餐。

## 結語

這座城市的節奏雖快，卻處處留有人情味，值得慢慢走、細細看。
"""
AFTER = BEFORE.replace(STALL, "").replace("奶茶與菠蘿油是不變的早餐", "咖啡與多士賣得很快")
GONE, KEPT = "奶茶與菠蘿油", "人情味"


def _text(library) -> tuple[int, str]:
    (article,) = list_articles(library)
    return article.id, get_article(library, article.id).text


@pytest.fixture
def orphaned(library, tmp_path):
    page = tmp_path / "hk.md"
    page.write_text(BEFORE, encoding="utf-8")
    import_paths(library, [page])
    article_id, text = _text(library)
    for quote in (GONE, KEPT):
        start = text.index(quote)
        notes.create(library, article_id, start, start + len(quote), note=quote, tags=("港",))
    page.write_text(AFTER, encoding="utf-8")
    import_paths(library, [page])
    article_id, text = _text(library)
    (lost,) = [a for a in notes.for_article(library, article_id) if a.state == "orphaned"]
    assert text.rfind("結語", 0, lost.start) > text.find("街市與茶餐廳")  # the stale place
    return library


def test_an_orphan_has_no_section(orphaned):
    (item,) = collect(orphaned, ExportFilter())
    sections = {n.annotation.quote: (n.section, n.annotation.state) for n in item.notes}
    assert sections == {GONE: ("", "orphaned"), KEPT: ("結語", "moved")}


def test_markdown_lists_an_orphan_apart_not_under_a_heading_of_the_text(orphaned):
    out = render("markdown", collect(orphaned, ExportFilter())).decode()
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## 結語", "## ⚠ orphaned"]
    assert out.index(f"> {KEPT}") < out.index("## ⚠ orphaned") < out.index(f"> {GONE}")


def test_obsidian_gives_an_orphan_no_section(orphaned):
    (data,) = obsidian_files(collect(orphaned, ExportFilter())).values()
    meta = {}
    for block in data.decode().split("\n\n> ")[1:]:  # each highlight: its context, then meta
        context, line = block.split("\n\n")[:2]
        meta[GONE if f"=={GONE}==" in context else KEPT] = line
    assert meta[GONE] == "⚠ orphaned  #港"
    assert meta[KEPT] == "#港  § 結語"


def _rows(table: list[list[object]]) -> dict[object, dict[str, object]]:
    header = [str(h) for h in table[0]]
    assert header == list(CSV_COLUMNS)
    return {row[2]: dict(zip(header, row, strict=True)) for row in table[1:]}


def test_csv_leaves_an_orphans_place_empty_and_says_orphaned(orphaned):
    data = render("csv", collect(orphaned, ExportFilter())).decode("utf-8-sig")
    rows = _rows([list(r) for r in csv.reader(io.StringIO(data))])
    gone, kept = rows[GONE], rows[KEPT]
    assert (gone["section"], gone["start"], gone["end"]) == ("", "", "")
    assert gone["anchor"] == "⚠ orphaned"
    assert kept["section"] == "結語" and int(str(kept["start"])) > 0
    assert kept["anchor"] in ("anchored", "moved")


def test_xlsx_leaves_an_orphans_place_empty_and_says_orphaned(orphaned):
    data = render("xlsx", collect(orphaned, ExportFilter()))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = _rows([list(r) for r in sheet.iter_rows(values_only=True)])
    gone, kept = rows[GONE], rows[KEPT]
    assert not gone["section"] and not gone["start"] and not gone["end"]
    assert gone["anchor"] == "⚠ orphaned"
    assert kept["section"] == "結語" and isinstance(kept["start"], int)


def test_orphans_from_imported_notes_through_the_cli(tmp_path):
    """The reviewer's way: notes from hand-written JSON Lines, then the article changes."""
    lib = str(tmp_path / "lib.sqlite3")
    page = tmp_path / "hk.md"
    page.write_text(BEFORE, encoding="utf-8")
    assert run_reader("--library", lib, "import", str(page)).returncode == 0
    with open_library(Path(lib)) as library:
        _, text = _text(library)
    records = []
    for n, quote in enumerate((GONE, KEPT)):
        start = text.index(quote)
        record = {
            "type": "reader-annotation",
            "id": f"hk-{n}",
            "article": {"title": "香港漫步"},
            "start": start,
        }
        record |= {"end": start + len(quote), "quote": quote, "tags": ["港"], "note": quote}
        record |= {"created": "2024-05-01T10:00:00Z", "updated": "2024-05-01T10:00:00Z"}
        records.append(json.dumps(record, ensure_ascii=False))
    (tmp_path / "n.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    done = run_reader("--library", lib, "import-notes", str(tmp_path / "n.jsonl"))
    assert done.returncode == 0, done.stderr
    page.write_text(AFTER, encoding="utf-8")
    assert run_reader("--library", lib, "import", str(page)).returncode == 0
    done = run_reader("--library", lib, "export", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = _rows([list(r) for r in csv.reader(io.StringIO(done.stdout.removeprefix("\ufeff")))])
    assert [rows[GONE][k] for k in ("section", "start", "end", "anchor")] == [
        *("", "", ""),
        "⚠ orphaned",
    ]
    assert rows[KEPT]["section"] == "結語"
