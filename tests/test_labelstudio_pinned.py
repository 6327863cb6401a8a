"""Label Studio import and export, pinned field by field: messages name the task, the
entry and the result; ids are derived from the text and the task, entry and region keys;
who made a region, when, and what its note says come from the documented fields."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from export_helpers import annotate, items_for
from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_common import NO_TIME, stable_id
from reader.core.exchange.labelstudio import labelstudio_json, labelstudio_tasks, read_labelstudio
from reader.core.stamps import text_hash

PATH = Path("ls.json")
TEXT = "😀甲乙丙丁戊己庚"  # the emoji takes two UTF-16 units: offsets shift by one
STAMP = "2025-03-04T05:06:07.000Z"


def _label(start: int, end: int, region: str = "r1", labels=("人物",), **extra):
    value = {"start": start, "end": end, "labels": list(labels)}
    return {"id": region, "type": "labels", "value": value, **extra}


def _task(*results, entry=None, group="annotations", **task):
    body = {"result": list(results), **(entry or {})}
    return {"data": {"text": TEXT, **task.pop("data", {})}, group: [body], **task}


def _read(*tasks):
    return read_labelstudio(PATH, list(tasks))


def _error(*tasks) -> str:
    with pytest.raises(NotesFormatError) as caught:
        _read(*tasks)
    return str(caught.value)


def test_offsets_are_utf16_and_where_names_the_result():
    (record,) = _read(_task(_label(3, 5)))  # UTF-16 3..5 = code points 2..4
    assert (record.start, record.end, record.quote) == (2, 4, TEXT[2:4])
    assert record.where == "ls.json: task 1: annotations[0]: result[0]"
    assert record.tags == ("人物",)
    assert record.text_hash == text_hash(TEXT)


def test_region_id_is_derived_from_text_task_entry_and_region():
    task = _task(_label(3, 5, "r1"), entry={"id": 77}, id=42)
    (record,) = _read(task)
    assert record.id == stable_id("labelstudio", text_hash(TEXT), 42, "annotations", 77, "r1")
    assert _read(task)[0].id == record.id  # stable across re-import
    other = _task(_label(3, 5, "r1"), entry={"id": 78}, id=42)
    assert _read(other)[0].id != record.id


def test_without_ids_the_positions_make_the_key():
    (record,) = _read(_task(_label(3, 5, "r1")))
    assert record.id == stable_id("labelstudio", text_hash(TEXT), 1, "annotations", 0, "r1")
    assert record.title == "task 1"


def test_title_comes_from_data_title_else_the_task_id():
    assert _read(_task(_label(3, 5), data={"title": "我的标题"}))[0].title == "我的标题"
    assert _read(_task(_label(3, 5), id=9))[0].title == "task 9"
    assert _read(_task(_label(3, 5), id=9, data={"title": 5}))[0].title == "task 9"


def test_annotator_fields_in_order():
    def who(completed_by):
        return _read(_task(_label(3, 5), entry={"completed_by": completed_by}))[0].annotator

    assert who({"email": "a@b.c", "username": "ann", "id": 3}) == "a@b.c"
    assert who({"username": "ann", "id": 3}) == "ann"
    assert who({"id": 3}) == "3"
    assert who({"id": True}) == ""
    assert who("someone") == "someone"
    assert who(5) == "Label Studio user 5"
    assert who(None) == ""


def test_prediction_annotator_is_its_model_version():
    def model(version):
        entry = {} if version is None else {"model_version": version}
        return _read(_task(_label(3, 5), entry=entry, group="predictions"))[0].annotator

    assert model("v2") == "prediction v2"
    assert model(3) == "prediction 3"
    assert model("") == "prediction"
    assert model(None) == "prediction"
    assert model([1]) == "prediction"


def test_stamp_prefers_updated_then_created_else_no_time():
    def stamp(entry):
        record = _read(_task(_label(3, 5), entry=entry))[0]
        assert record.created == record.updated
        return record.created

    assert stamp({"created_at": STAMP}) == STAMP
    assert stamp({"updated_at": STAMP, "created_at": "2020-01-01T00:00:00Z"}) == STAMP
    assert stamp({"created_at": "yesterday"}) == NO_TIME
    assert stamp({}) == NO_TIME


def test_cancelled_annotations_are_skipped():
    kept = _task(_label(3, 5, "r1"), _label(5, 7, "r2"))
    kept["annotations"].append({"result": [_label(1, 3, "r3")], "was_cancelled": True})
    assert [r.quote for r in _read(kept)] == [TEXT[2:4], TEXT[4:6]]


def test_a_note_joins_its_region_by_id_or_parent_id():
    note = {"id": "n1", "type": "textarea", "parentID": "r1", "value": {"text": ["一", "二"]}}
    (record,) = _read(_task(_label(3, 5, "r1"), note))
    assert record.note == "一\n二"
    same_id = {"id": "r1", "type": "textarea", "value": {"text": "单行"}}
    assert _read(_task(_label(3, 5, "r1"), same_id))[0].note == "单行"


def test_a_textarea_without_text_adds_nothing():
    empty = {"id": "r1", "type": "textarea", "value": {}}
    (record,) = _read(_task(_label(3, 5, "r1"), empty))
    assert record.note == ""


def test_a_note_on_an_unlabelled_span_is_an_untagged_highlight():
    note = {"id": "n9", "type": "textarea", "value": {"start": 3, "end": 7, "text": ["看"]}}
    (record,) = _read(_task(note, id=4, entry={"id": 5, "created_at": STAMP}))
    assert (record.start, record.end, record.tags, record.note) == (2, 6, (), "看")
    assert record.id == stable_id("labelstudio", text_hash(TEXT), 4, "annotations", 5, "n9")
    assert record.created == STAMP
    assert record.where == "ls.json: task 1: annotations[0]: result[0]"


def test_reader_metadata_applies_only_to_regions_reader_wrote():
    """A region whose id is a key of data.reader.annotations is Reader's, whatever its id
    looks like (a JSON Lines import may have brought in ``rv13-01``); others are not."""
    own, plain = "00000000-0000-4000-8000-000000000001", "rv13-01"
    meta = {"color": "green", "annotator": "编辑甲", "created": STAMP, "updated": STAMP}
    data = {"reader": {"annotations": {own: meta, plain: meta}}}
    foreign, ours, theirs = _read(
        _task(
            _label(3, 5, "r1"),
            _label(5, 7, own),
            _label(7, 9, plain),
            data=data,
            entry={"completed_by": "x"},
        )
    )
    assert (foreign.color, foreign.annotator, foreign.created) == (None, "x", NO_TIME)
    assert foreign.id != "r1"
    assert (ours.id, ours.color, ours.annotator, ours.created) == (own, "green", "编辑甲", STAMP)
    assert (theirs.id, theirs.color, theirs.annotator) == (plain, "green", "编辑甲")


@pytest.mark.parametrize(
    ("result", "message"),
    [
        (
            {"id": "r", "type": "labels"},
            "ls.json: task 1: annotations[0]: result[0]: field 'value' is missing",
        ),
        (
            {"id": "r", "type": "labels", "value": {"start": 3}},
            "ls.json: task 1: annotations[0]: result[0]: field 'end' is missing",
        ),
        (
            _label(5, 5),
            "ls.json: task 1: annotations[0]: result[0]: field 'value.end' must be after "
            "'value.start'",
        ),
        (
            {"id": "r", "type": "textarea", "value": {"start": 3, "end": 5, "text": ["x"]}},
            None,  # a note alone is fine
        ),
    ],
)
def test_bad_results_are_named(result, message):
    if message is None:
        assert _read(_task(result))[0].note == "x"
    else:
        assert _error(_task(result)) == message


def test_a_note_with_a_non_text_line_is_named():
    note = {"id": "r", "type": "textarea", "value": {"text": ["ok", 3]}}
    assert _error(_task(_label(3, 5, "r"), note)) == (
        "ls.json: task 1: annotations[0]: field 'result[1].value.text' must be text"
    )


def test_a_file_without_regions_says_so():
    assert _error({"data": {"text": TEXT}}) == "ls.json: no labelled regions in it"


def test_export_fields_and_raw_unicode(library):
    annotate(library)
    gone = "00000000-0000-4000-8000-000000000002"
    items = [
        replace(
            item,
            notes=tuple(
                replace(n, annotation=replace(n.annotation, state="orphaned"))
                if n.annotation.id == gone
                else n
                for n in item.notes
            ),
        )
        for item in items_for(library)
    ]
    written = labelstudio_json(items)
    assert json.loads(written) == labelstudio_tasks(items)
    tasks = json.loads(written)
    results = [r for t in tasks for a in t.get("annotations", []) for r in a["result"]]
    ids = {r["id"] for r in results}
    assert gone not in ids and len(ids) == 4
    assert {r["to_name"] for r in results} == {"text"}
    assert {r["origin"] for r in results} == {"manual"}
    assert "\\u" not in written  # written as UTF-8, not escaped
    assert written.endswith("]\n")
