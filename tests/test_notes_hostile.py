"""import-notes on hostile files: every record is checked against one schema before
anything is written; a refusal names the line and the field in plain words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export_helpers import annotate
from reader.core.errors import ReaderError
from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.notes_import import import_notes, read_records
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, object]:
    """A library's notes as JSON Lines records and as a W3C collection."""
    path = tmp_path_factory.mktemp("src") / "lib.sqlite3"
    with open_library(path) as library:
        annotate(library)
        items = collect(library, ExportFilter())
        lines = [json.loads(line) for line in render("jsonl", items).decode().splitlines()]
        jsonl = [r for r in lines if r["type"] == "reader-annotation"]
        w3c = json.loads(render("w3c", items))
    return {"jsonl": jsonl, "w3c": w3c, "library": path}


@pytest.fixture
def target(exported, tmp_path):
    lib = tmp_path / "lib.sqlite3"
    lib.write_bytes(Path(exported["library"]).read_bytes())
    with open_library(lib) as library:
        yield library


def _write_jsonl(tmp_path: Path, records: list[object]) -> Path:
    path = tmp_path / "notes.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def _refused(library, path: Path, *expected: str) -> str:
    before = notes.all_annotations(library)
    with pytest.raises(ReaderError) as caught:
        import_notes(library, path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    for part in expected:
        assert part in message, message
    assert notes.all_annotations(library) == before  # nothing half-imported
    return message


def _fresh_id(record: dict, n: int = 9) -> dict:
    return {**record, "id": f"00000000-0000-4000-8000-0000000009{n:02d}"}


JSONL_CASES = [
    ({"color": ["yellow"]}, "field 'color' must be one of yellow"),
    ({"color": {"a": 1}}, "field 'color' must be one of"),
    ({"color": "mauve"}, "field 'color' must be one of"),
    ({"start": 2**63, "end": 2**63 + 5}, "field 'start' must be at most"),
    ({"end": -1}, "field 'end' must be 0 or more"),
    ({"start": 5.0}, "field 'start' must be a whole number"),
    ({"start": True}, "field 'start' must be a whole number"),
    ({"tags": ["活动", "活动"]}, "field 'tags' holds the same value twice"),
    ({"tags": "活动"}, "field 'tags' must be a list"),
    ({"tags": [1]}, "field 'tags[0]' must be text"),
    ({"id": ""}, "field 'id' must be an id"),
    ({"id": 5}, "field 'id' must be text"),
    ({"quote": ""}, "field 'quote' must not be empty"),
    ({"created": "yesterday"}, "field 'created' must be a date and time"),
    ({"article": "x"}, "field 'article' must be an object"),
    ({"article": {"title": ["x"]}}, "field 'article.title' must be text"),
    ({"start": 10, "end": 5}, "field 'end' must not be before 'start'"),
    ({"note": None}, "field 'note' must be text"),
]


@pytest.mark.parametrize("change,message", JSONL_CASES)
def test_jsonl_records_of_the_wrong_shape(exported, target, tmp_path, change, message):
    good = exported["jsonl"]
    bad = _fresh_id({**good[0], **change}) if "id" not in change else {**good[0], **change}
    path = _write_jsonl(tmp_path, [_fresh_id(good[1], 1), _fresh_id(good[2], 2), bad])
    _refused(target, path, "line 3: ", message)


def test_a_missing_field_is_named(exported, target, tmp_path):
    record = dict(exported["jsonl"][0])
    del record["quote"]
    _refused(target, _write_jsonl(tmp_path, [record]), "line 1: field 'quote' is missing")


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"type": "reader-annotation", "start": ' + "9" * 5000 + "}", "line 1: holds a number"),
        ("[" * 100_000 + "]" * 100_000, "line 1: nested too deeply"),
        ('{"type": "reader-annotation", "start": NaN}', "line 1: holds a number"),
        ("\x00\x01", "not a notes format Reader reads"),
    ],
)
def test_numbers_and_nesting_beyond_bounds(target, tmp_path, line, message):
    path = tmp_path / "notes.jsonl"
    path.write_text(line, "utf-8")
    _refused(target, path, message)


def test_a_zero_length_note_far_past_the_end_is_not_anchored(exported, target, tmp_path):
    record = _fresh_id({**exported["jsonl"][0], "start": 10**9, "end": 10**9 + 7})
    summary = import_notes(target, _write_jsonl(tmp_path, [record]))
    assert summary.imported == 0 and "past the end of the article" in summary.skipped[0][1]


def test_offsets_are_bounded_by_the_article_when_matched_by_title(exported, target, tmp_path):
    record = _fresh_id(
        {
            **exported["jsonl"][0],
            "article": {"title": exported["jsonl"][0]["article"]["title"], "text_hash": "x"},
            "start": 2_000_000_000,
            "end": 2_000_000_007,
        }
    )
    import_notes(target, _write_jsonl(tmp_path, [record]))
    made = notes.get(target, record["id"])
    text_length = target.conn.execute(
        "SELECT chars FROM articles WHERE id = ?", [made.article_id]
    ).fetchone()[0]
    assert 0 <= made.start <= made.end <= text_length


W3C_CASES = [
    (lambda a: a.update(body="note"), "field 'body' must be a list"),
    (
        lambda a: a.update(body=[{"value": 5, "purpose": "commenting"}]),
        "field 'body[0].value' must be text",
    ),
    (lambda a: a.update(creator="me"), "field 'creator' must be an object"),
    (lambda a: a.update(creator={"name": ["me"]}), "field 'creator.name' must be text"),
    (lambda a: a["target"].update(source="urn:x"), "field 'target.source' must be an object"),
    (lambda a: a["target"].update(source={"id": 7}), "field 'target.source.id' must be text"),
    (lambda a: a["target"].update(selector={}), "field 'target.selector' must be a list"),
    (
        lambda a: a["target"].update(selector=[]),
        "field 'target.selector' needs a TextQuoteSelector",
    ),
    (
        lambda a: a["target"]["selector"][1].update(start=2**63),
        "field 'target.selector TextPositionSelector.start' must be at most",
    ),
    (
        lambda a: (
            a["body"].append({"value": "mauve", "purpose": "highlighting"}) or a["body"].reverse()
        ),
        "field 'body (purpose highlighting) value' must be one of",
    ),
    (
        lambda a: a["body"].extend([{"value": "x", "purpose": "tagging"}] * 2),
        "field 'body (purpose tagging)' holds the same value twice",
    ),
    (lambda a: a.update(id=""), "field 'id' must be an id"),
]


@pytest.mark.parametrize("change,message", W3C_CASES)
def test_w3c_annotations_of_the_wrong_shape(exported, target, tmp_path, change, message):
    collection = json.loads(json.dumps(exported["w3c"]))
    items = collection["first"]["items"]
    for n, item in enumerate(items):
        item["id"] = f"urn:uuid:00000000-0000-4000-8000-0000000008{n:02d}"
    change(items[-1])
    path = tmp_path / "notes.jsonld"
    path.write_text(json.dumps(collection, ensure_ascii=False), "utf-8")
    _refused(target, path, f"item {len(items)}: ", message)


def test_w3c_nested_100000_deep(target, tmp_path):
    path = tmp_path / "notes.jsonld"
    path.write_text('{"type": "AnnotationCollection", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    _refused(target, path, "nested too deeply")


# --- fuzz: a fixed budget (deadline=None, bounded examples) ---------------------------------
JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, 5, 2**31, 2**63, -1, 10**9]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["yellow", "green", "", "urn:uuid:x", "2026-01-01T00:00:00+00:00", "tagging"]),
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _mutated(base: dict, data: st.DataObject) -> dict:
    record = json.loads(json.dumps(base))
    for _ in range(data.draw(st.integers(0, 4))):
        key = data.draw(st.sampled_from([*sorted(record), "extra"]))
        action = data.draw(st.sampled_from(["drop", "replace", "nest"]))
        if action == "drop":
            record.pop(key, None)
        elif action == "replace":
            record[key] = data.draw(JSON_VALUE)
        else:
            record[key] = [[[[record.get(key)]]]]
    return record


def _assert_only_reader_errors(library, path: Path) -> None:
    try:
        read_records(path)
        import_notes(library, path)
    except ReaderError as exc:
        assert "\n" not in str(exc)


@pytest.mark.fuzz
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(data=st.data())
def test_fuzz_jsonl_records(exported, target, tmp_path, data):
    records = [
        _mutated(data.draw(st.sampled_from(exported["jsonl"])), data)
        for _ in range(data.draw(st.integers(1, 3)))
    ]
    for n, record in enumerate(records):
        if isinstance(record.get("id"), str) and data.draw(st.booleans()):
            record["id"] = f"fuzz-{n}-{data.draw(st.integers(0, 3))}"
    path = tmp_path / "fuzz.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    _assert_only_reader_errors(target, path)


@pytest.mark.fuzz
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(data=st.data())
def test_fuzz_w3c_annotations(exported, target, tmp_path, data):
    collection = json.loads(json.dumps(exported["w3c"]))
    items = collection["first"]["items"]
    index = data.draw(st.integers(0, len(items) - 1))
    item = items[index]
    where = data.draw(st.sampled_from(["item", "target", "source", "selector", "body"]))
    holder = {
        "item": item,
        "target": item["target"],
        "source": item["target"]["source"],
        "selector": item["target"]["selector"][data.draw(st.integers(0, 1))],
        "body": item["body"][0] if item["body"] else item,
    }[where]
    mutated = _mutated(holder, data)
    holder.clear()
    holder.update(mutated)
    if data.draw(st.booleans()):
        for n, each in enumerate(items):
            each["id"] = f"urn:uuid:fuzz-{n}"
    path = tmp_path / "fuzz.jsonld"
    path.write_text(json.dumps(collection, ensure_ascii=False), "utf-8")
    _assert_only_reader_errors(target, path)
