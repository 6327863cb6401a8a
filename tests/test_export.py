"""Exports: every format, its escaping, golden files, and importing notes back."""

import csv
import io
import json
import os
from pathlib import Path

import pytest

from conftest import DATA, SEEDS
from export_helpers import NASTY_NOTE, annotate, items_for
from reader.core.errors import ReaderError
from reader.core.exchange.atomic_file import write_atomically
from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.notes_import import import_notes
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes

GOLDEN = DATA / "golden"
TEXT_FORMATS = {
    "markdown": "notes.md",
    "csv": "notes.csv",
    "html": "notes.html",
    "jsonl": "notes.jsonl",
    "w3c": "notes.jsonld",
}


@pytest.fixture
def annotated(library):
    annotate(library)
    return library


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_golden_files(annotated, fmt):
    data = render(fmt, items_for(annotated))
    golden = GOLDEN / TEXT_FORMATS[fmt]
    if os.environ.get("READER_UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{fmt} export changed; READER_UPDATE_GOLDEN=1 to accept"


def test_markdown_full_text_marks_and_footnotes(annotated):
    text = render("markdown", items_for(annotated), full_text=True).decode()
    assert "==劳模服务宣讲团==[^1]" in text
    assert "[^1]: #活动 宣讲团名单需核实" in text


def test_csv_has_a_bom_parses_back_and_defuses_formulas(annotated):
    data = render("csv", items_for(annotated))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["article", "section", "quote"]
    made = {a.quote: a for a in notes.all_annotations(annotated)}
    for row in rows[1:]:
        quote = row[2].removeprefix("'") if row[2].startswith("'=") else row[2]
        annotation = made[quote]
        assert (int(row[5]), int(row[6])) == (annotation.start, annotation.end)
        assert row[7] == "; ".join(annotation.tags)
        assert row[8].removeprefix("'") == annotation.note
    for row in rows[1:]:
        for cell in row:
            assert not cell or cell[0] not in "=+-@", cell


def test_w3c_has_the_model_fields(annotated):
    doc = json.loads(render("w3c", items_for(annotated)))
    assert (
        doc["type"] == "AnnotationCollection"
        and "http://www.w3.org/ns/anno.jsonld" in doc["@context"]
    )
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == 5
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        selectors = {s["type"] for s in item["target"]["selector"]}
        assert selectors == {"TextQuoteSelector", "TextPositionSelector"}
        assert all(b["purpose"] in ("tagging", "commenting", "highlighting") for b in item["body"])
    tagged = next(i for i in items if any(b["purpose"] == "tagging" for b in i["body"]))
    assert tagged["body"][0]["type"] == "TextualBody"


def test_html_escapes_every_user_text(library, tmp_path):
    src = tmp_path / "evil.txt"
    # entities survive structure recovery as literal text: the article really holds "<img …>"
    src.write_text(
        "# 标题&lt;b&gt;\n\n正文&lt;img src=x onerror=alert(1)&gt;结束。\n", encoding="utf-8"
    )
    import_paths(library, [src])
    article = list_articles(library)[0]
    notes.create(library, article.id, 0, 3, note=NASTY_NOTE, tags=["<i>x</i>"])
    page = render("html", collect(library, ExportFilter())).decode()
    assert "<script>" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_docx_opens_and_holds_the_quotes(annotated):
    from docx import Document

    document = Document(io.BytesIO(render("docx", items_for(annotated))))
    text = "\n".join(p.text for p in document.paragraphs)
    for annotation in notes.all_annotations(annotated):
        assert annotation.quote in text
    assert NASTY_NOTE in text  # shown as literal text


@pytest.mark.parametrize("fmt", ["jsonl", "w3c"])
def test_round_trip_into_a_fresh_library(annotated, tmp_path, fmt):
    path = tmp_path / f"notes.{fmt}"
    write_atomically(path, render(fmt, collect(annotated, ExportFilter())))
    before = sorted(notes.all_annotations(annotated), key=lambda a: a.id)
    with open_library(tmp_path / "fresh.sqlite3") as fresh:
        import_paths(
            fresh, [SEEDS / "000_b7740f99fc43d814.txt", SEEDS / "001_3e7ffedcf53dbe3a.txt"]
        )
        summary = import_notes(fresh, path)
        assert summary.line() == "5 imported, 0 merged, 0 orphaned, 0 skipped"
        after = sorted(notes.all_annotations(fresh), key=lambda a: a.id)
    keys = (
        "id",
        "start",
        "end",
        "quote",
        "tags",
        "note",
        "color",
        "created_at",
        "updated_at",
        "annotator",
        "state",
    )
    assert [[getattr(a, k) for k in keys] for a in after] == [
        [getattr(a, k) for k in keys] for a in before
    ]


def test_merge_keeps_the_newer_copy(annotated, tmp_path):
    path = tmp_path / "notes.jsonl"
    write_atomically(path, render("jsonl", collect(annotated, ExportFilter())))
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["type"] == "reader-annotation"
    ]
    newer = json.loads(lines[0])
    newer["note"], newer["updated"] = "更新后的批注", "2027-01-01T00:00:00.000000+00:00"
    path.write_text(
        json.dumps(newer, ensure_ascii=False) + "\n" + lines[1] + "\n", encoding="utf-8"
    )
    summary = import_notes(annotated, path)
    assert (summary.merged, len(summary.skipped)) == (1, 1)
    assert notes.get(annotated, newer["id"]).note == "更新后的批注"


def test_matching_by_title_reanchors_and_orphans(annotated, tmp_path):
    path = tmp_path / "notes.jsonl"
    write_atomically(path, render("jsonl", collect(annotated, ExportFilter())))
    with open_library(tmp_path / "other.sqlite3") as other:
        changed = tmp_path / "000_b7740f99fc43d814.txt"
        text = (SEEDS / changed.name).read_text(encoding="utf-8")
        changed.write_text(
            text.replace("近年来，巫溪县总工会聚焦", "多年来，巫溪县总工会始终聚焦").replace(
                "劳模服务宣讲团", "宣讲小组"
            ),
            encoding="utf-8",
        )
        import_paths(other, [changed])
        summary = import_notes(other, path)
        assert summary.imported == 3 and len(summary.skipped) == 2  # the other article is absent
        states = {a.quote: a.state for a in notes.all_annotations(other)}
        assert states["劳模服务宣讲团"] == "orphaned"
        assert states["唐丽娟"] == "moved"


@pytest.mark.parametrize(
    "content,message",
    [
        ("{not json}\n", "line 1: not valid JSON"),
        ('{"type": "something"}\n', 'not a notes format .*; line 1 is of type "something"'),
        (
            '{"type": "reader-annotation", "id": "x", "article": {}}\n',
            "line 2: field 'start' is missing",
        ),
        (
            '{"type": "AnnotationCollection", "first": {"items": [{"target": {}}]}}',
            "item 1: field 'id' is missing",
        ),
        ("", "no annotations"),
    ],
)
def test_malformed_files_name_the_line_and_import_nothing(annotated, tmp_path, content, message):
    good = render("jsonl", collect(annotated, ExportFilter())).decode().splitlines()[0]
    path = tmp_path / "bad.jsonl"
    path.write_text(
        (good + "\n" + content) if content.startswith('{"type": "reader') else content,
        encoding="utf-8",
    )
    count = len(notes.all_annotations(annotated))
    with pytest.raises(ReaderError, match=message):
        import_notes(annotated, path)
    assert len(notes.all_annotations(annotated)) == count


def test_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "out.md"

    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ReaderError, match=r"(?i)no space left"):
        write_atomically(target, b"data")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    write_atomically(target, b"data")
    with pytest.raises(ReaderError, match="exists"):
        write_atomically(target, b"other")
    write_atomically(target, b"other", overwrite=True)
    assert Path(target).read_bytes() == b"other"
