"""Reading notes files (JSON Lines and W3C collections), pinned field by field, and the
plain-words messages of the notes schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.core.errors import NotesFormatError
from reader.core.exchange import notes_schema as schema
from reader.core.exchange.notes_import import read_records

CREATED = "2026-02-03T04:05:06+00:00"
UPDATED = "2026-02-04T04:05:06+00:00"


def _line(**fields) -> dict:
    record = {
        "type": "reader-annotation",
        "id": "note-1",
        "article": {"title": "标题", "text_hash": "abc123"},
        "start": 2,
        "end": 4,
        "quote": "丙丁",
        "tags": ["人物"],
        "created": CREATED,
        "updated": UPDATED,
    }
    return record | fields


def _jsonl(tmp_path: Path, *lines: dict) -> Path:
    path = tmp_path / "notes.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    return path


def test_a_full_json_lines_record_keeps_every_field(tmp_path):
    full = _line(prefix="甲乙", suffix="戊己", note="注", annotator="编辑甲", color="green")
    (record,) = read_records(_jsonl(tmp_path, full))
    assert (record.prefix, record.suffix, record.note) == ("甲乙", "戊己", "注")
    assert (record.annotator, record.color, record.title) == ("编辑甲", "green", "标题")
    assert (record.text_hash, record.tags, record.created) == ("abc123", ("人物",), CREATED)
    assert record.where == f"{tmp_path / 'notes.jsonl'}: line 1"


def test_optional_fields_default_to_empty_text(tmp_path):
    (record,) = read_records(_jsonl(tmp_path, _line(article={})))
    assert (record.prefix, record.suffix, record.note, record.annotator) == ("", "", "", "")
    assert (record.title, record.text_hash, record.color) == ("", "", None)


def test_a_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_line()).encode("utf-8") + b"\n")
    assert read_records(path)[0].id == "note-1"


def test_bad_json_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_line()) + "\n{oops\n", "utf-8")
    with pytest.raises(NotesFormatError) as caught:
        read_records(path)
    assert str(caught.value).startswith(f"{path}: line 2: not valid JSON (")


def _w3c_item(**fields) -> dict:
    item = {
        "id": "urn:uuid:00000000-0000-4000-8000-000000000009",
        "type": "Annotation",
        "created": CREATED,
        "modified": UPDATED,
        "creator": {"type": "Person", "name": "编辑乙"},
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "人物"},
            {"type": "TextualBody", "purpose": "commenting", "value": "第一"},
            {"type": "TextualBody", "purpose": "commenting", "value": "第二"},
            {"type": "TextualBody", "purpose": "highlighting", "value": "pink"},
        ],
        "target": {
            "source": {"id": "urn:reader:text:hash42", "dc:title": "文章"},
            "selector": [
                {"type": "TextQuoteSelector", "exact": "丙丁", "prefix": "甲乙", "suffix": "戊"},
                {"type": "TextPositionSelector", "start": 2, "end": 4},
            ],
        },
    }
    return item | fields


def _w3c(tmp_path: Path, items: list[dict], **extra) -> Path:
    data = {"type": "AnnotationCollection", "first": {"items": items}, **extra}
    path = tmp_path / "notes.jsonld"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_a_w3c_annotation_flattens_into_a_record(tmp_path):
    (record,) = read_records(_w3c(tmp_path, [_w3c_item()]))
    assert record.id == "00000000-0000-4000-8000-000000000009"
    assert (record.start, record.end, record.quote) == (2, 4, "丙丁")
    assert (record.prefix, record.suffix) == ("甲乙", "戊")
    assert record.note == "第一第二"  # comment bodies joined as they come
    assert (record.tags, record.color, record.annotator) == (("人物",), "pink", "编辑乙")
    assert (record.created, record.updated) == (CREATED, UPDATED)
    assert record.text_hash == "hash42"  # the last part of the source id
    assert record.title == "文章"
    assert record.where == f"{tmp_path / 'notes.jsonld'}: item 1"


def test_w3c_source_hash_and_title_alternatives(tmp_path):
    item = _w3c_item(creator={})
    item["target"]["source"] = {"reader:textHash": "given", "id": "urn:x:other", "title": "t2"}
    (record,) = read_records(_w3c(tmp_path, [item]))
    assert (record.text_hash, record.title, record.annotator) == ("given", "t2", "")
    item["target"]["source"] = {}
    (record,) = read_records(_w3c(tmp_path, [item]))
    assert (record.text_hash, record.title) == ("", "")


def test_w3c_sources_carry_article_records(tmp_path):
    sources = [
        {"dc:title": "一", "reader:textHash": "h1", "reader:status": "reviewed"},
        {"dc:title": "二", "reader:textHash": "h2"},
        {"reader:textHash": "h3"},
    ]
    records = read_records(_w3c(tmp_path, [_w3c_item()], **{"reader:sources": sources}))
    assert [(a.title, a.text_hash) for a in records.articles] == [
        ("一", "h1"),
        ("二", "h2"),
        ("", "h3"),
    ]
    assert records.articles[0].status == "reviewed"


def test_a_bad_w3c_source_names_its_number(tmp_path):
    sources = [{"dc:title": "一"}, {"dc:title": "二", "reader:status": "nonsense"}]
    with pytest.raises(NotesFormatError) as caught:
        read_records(_w3c(tmp_path, [_w3c_item()], **{"reader:sources": sources}))
    assert str(caught.value).startswith(f"{tmp_path / 'notes.jsonld'}: source 2: ")


def test_w3c_field_names_in_messages(tmp_path):
    item = _w3c_item()
    item["target"]["selector"][1]["end"] = "4"
    with pytest.raises(NotesFormatError) as caught:
        read_records(_w3c(tmp_path, [item]))
    assert str(caught.value) == (
        f"{tmp_path / 'notes.jsonld'}: item 1: field "
        "'target.selector TextPositionSelector.end' must be a whole number"
    )


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ([], "the record must be an object {…}"),
        (
            _line(tags=[str(i) for i in range(201)]),
            "field 'tags' has too many items (more than 200)",
        ),
        (_line(tags=["a", "a"]), "field 'tags' holds the same value twice"),
        (_line(color="nope"), None),
        (_line(start=-1), "field 'start' must be 0 or more"),
        (_line(quote=""), "field 'quote' must not be empty"),
        (_line(type="other"), "field 'type' must be reader-annotation"),
    ],
)
def test_schema_messages(instance, message):
    got = schema.problem(schema.RECORD, instance)
    if message is None:
        assert got.startswith("field 'color' must be one of ") and got.endswith(", null")
    else:
        assert got == message


def test_a_missing_field_is_named():
    record = _line()
    del record["quote"]
    assert schema.problem(schema.RECORD, record) == "field 'quote' is missing"
    assert schema.problem(schema.RECORD, _line(article={"title": 5})) == (
        "field 'article.title' must be text"
    )


def test_non_text_values_are_shown_as_json():
    validator = schema._Validator({"enum": [1, [2, "x"], None]})
    assert schema.problem(validator, 3) == 'the record must be one of 1, [2, "x"], null'
    assert schema.problem(schema._Validator({"const": 7}), 8) == "the record must be 7"


def test_nesting_too_deep_for_the_validator_is_reported():
    deep: list = []
    for _ in range(sys.getrecursionlimit() * 2):
        deep = [deep]
    assert schema.problem(schema.RECORD, _line(tags=[deep, deep])) == "it is nested too deeply"
