"""Recognising another tool's notes file by its content (read_records): a lone brat
.ann, a brat folder, doccano lines, a W3C collection; messages name the file and line."""

from __future__ import annotations

import json

import pytest

from reader.core.errors import NotesFormatError
from reader.core.exchange import bridge_import
from reader.core.exchange.notes_import import read_records

TEXT = "甲乙丙丁戊己庚辛"


def test_a_single_ann_file_is_read_with_its_text(tmp_path):
    (tmp_path / "doc.ann").write_text("T1\t人物 2 4\t丙丁\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    (record,) = read_records(tmp_path / "doc.ann")
    assert (record.start, record.end, record.tags, record.title) == (2, 4, ("人物",), "doc")


def test_a_brat_folder_names_a_file_that_is_not_utf8(tmp_path):
    (tmp_path / "doc.ann").write_bytes(b"T1\t\xff 2 4\n")
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(NotesFormatError) as caught:
        read_records(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'doc.ann'}: not UTF-8 text (a bad byte at offset 3)"


def test_a_folder_with_too_many_files_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(bridge_import, "MAX_FOLDER_FILES", 2)
    for name in ("a.ann", "a.txt", "b.ann"):
        (tmp_path / name).write_text("", encoding="utf-8")
    with pytest.raises(NotesFormatError) as caught:
        read_records(tmp_path)
    assert str(caught.value) == f"{tmp_path}: too many files to be one export"


def test_doccano_bad_json_names_its_own_line(tmp_path):
    path = tmp_path / "d.jsonl"
    good = json.dumps({"text": TEXT, "label": [[2, 4, "人物"]]}, ensure_ascii=False)
    path.write_text(f"{good}\n\n{good}\n{{broken\n", encoding="utf-8")
    with pytest.raises(NotesFormatError) as caught:
        read_records(path)
    assert str(caught.value).startswith(f"{path}: line 4: not valid JSON (")


def test_doccano_lines_are_numbered_in_the_file(tmp_path):
    path = tmp_path / "d.jsonl"
    good = json.dumps({"text": TEXT, "label": [[2, 4, "人物"]]}, ensure_ascii=False)
    path.write_text(f"{good}\n\n{good}\n", encoding="utf-8")
    assert [r.where for r in read_records(path)] == [
        f"{path}: line 1: label[0]",
        f"{path}: line 3: label[0]",
    ]


def test_a_w3c_collection_is_left_to_the_notes_importer(tmp_path):
    item = {
        "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
        "type": "Annotation",
        "created": "2026-01-01T00:00:00+00:00",
        "modified": "2026-01-01T00:00:00+00:00",
        "body": [],
        "target": {
            "source": {"id": "urn:x:h"},
            "selector": [
                {"type": "TextQuoteSelector", "exact": "丙丁"},
                {"type": "TextPositionSelector", "start": 2, "end": 4},
            ],
        },
    }
    # "data" as a top-level member: the shape Label Studio's tasks have too
    collection = {"type": "AnnotationCollection", "data": {}, "first": {"items": [item]}}
    path = tmp_path / "notes.jsonld"
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    assert bridge_import.read_bridge(path) is None
    (record,) = read_records(path)
    assert (record.start, record.end, record.quote) == (2, 4, "丙丁")
