"""Hypothesis exports come back: Reader's own ``--format hypothesis`` into a fresh
library gives the same notes, and a sidebar export in Hypothesis's shape is read too."""

from __future__ import annotations

import json

import pytest

from conftest import run_reader
from hostile_library import build
from reader.core.errors import NotesFormatError
from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.hypothesis_import import plain_note
from reader.core.exchange.markdown import md_text
from reader.core.exchange.notes_import import import_notes, read_records
from reader.core.ingest.importer import import_paths
from reader.core.library.article_text import text_of
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes


def _kept(library) -> set[tuple]:
    return {
        (a.quote, a.start, a.end, a.tags, a.note, a.annotator)
        for a in notes.all_annotations(library)
    }


def test_reader_s_hypothesis_file_comes_back_into_a_fresh_library(library, tmp_path):
    made = build(library, tmp_path)
    exported = tmp_path / "h.json"
    exported.write_bytes(render("hypothesis", collect(library, ExportFilter())))
    with open_library(tmp_path / "fresh.sqlite3") as fresh:
        import_paths(fresh, [tmp_path / "simplified.md", tmp_path / "traditional.md"])
        summary = import_notes(fresh, exported)
        assert summary.imported == len(made) and not summary.skipped
        # notes with * | [[ # >, blank lines, emoji; the orphan (no position in the file)
        # is placed by its quote, which this fresh library's text still holds
        assert _kept(fresh) == _kept(library)
    again = import_notes(library, exported)  # the same ids: nothing new
    assert again.imported == 0


@pytest.mark.parametrize(
    "note",
    [
        "",
        "一行",
        "两行\n第二行",
        "空行\n\n之后",
        "* | [[ # > `x` **粗** _斜_",
        "  缩进",
        "1. 不是列表",
        "😀𠀀",
    ],
)
def test_a_note_written_inert_reads_back_as_it_was(note):
    assert plain_note(md_text(note)) == note


def test_a_sidebar_export_with_utf16_offsets_and_a_page_note(library, tmp_path):
    text = "上環的老街有一塊𠀀字招牌，據說已有百年歷史。😀 街坊都認得它。"
    (tmp_path / "a.md").write_text(f"# 老街\n\n{text}\n", encoding="utf-8")
    import_paths(library, [tmp_path / "a.md"])
    (article_id,) = [row[0] for row in library.conn.execute("SELECT id FROM articles")]
    stored = text_of(library.conn, article_id) or ""
    quote = "街坊都認得它"
    start16 = len(stored[: stored.index(quote)].encode("utf-16-le")) // 2
    page = {"id": "p1", "target": [{"source": "https://x"}], "text": "page note"}
    passage = {
        "id": "h1",
        "created": "2024-05-01T10:00:00.000000+00:00",
        "updated": "2024-05-01T10:00:00.000000+00:00",
        "user": "acct:alice@hypothes.is",
        "uri": "https://example.com/old-street",
        "document": {"title": ["老街"]},
        "text": "**要点**：街坊\\\n认得",
        "tags": ["人物", " "],
        "target": [
            {
                "source": "https://example.com/old-street",
                "selector": [
                    {"type": "TextQuoteSelector", "exact": quote, "prefix": "😀 ", "suffix": "。"},
                    {"type": "TextPositionSelector", "start": start16, "end": start16 + 6},
                ],
            }
        ],
    }
    path = tmp_path / "sidebar.json"
    path.write_text(json.dumps({"annotations": [page, passage]}, ensure_ascii=False), "utf-8")
    result = run_reader("--library", str(library.path), "import-notes", str(path))
    assert result.returncode == 0, result.stderr
    (a,) = notes.all_annotations(library)
    assert (a.quote, a.note, a.tags, a.annotator) == (quote, "要点：街坊\n认得", ("人物",), "alice")
    assert a.state == "anchored"


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ({"annotations": [{"target": [{"source": "x"}]}]}, "no annotations on a passage"),
        ({"annotations": [1]}, "annotation 1: not an annotation"),
        ({"annotations": [{"target": "x"}]}, "field 'target' must be a list"),
        (
            {"annotations": [{"target": [{"selector": [{"type": "TextQuoteSelector"}]}]}]},
            "has no 'exact' text",
        ),
        (
            {
                "annotations": [
                    {
                        "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "x"}]}],
                        "tags": [1],
                    }
                ]
            },
            "field 'tags' must be a list of text",
        ),
    ],
)
def test_a_bad_hypothesis_file_is_refused_in_one_line(tmp_path, value, said):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(value), "utf-8")
    with pytest.raises(NotesFormatError, match=said):
        read_records(path)
