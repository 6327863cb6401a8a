"""UIMA CAS XMI (INCEpTION), pinned: where each span's message points, the ids of spans
made elsewhere, which string feature of a custom layer is the tag, and the type system
and document metadata Reader writes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from export_helpers import annotate, items_for
from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_common import stable_id
from reader.core.exchange.xmi import LAYER, METADATA, TYPESYSTEM, read_xmi, xmi_files
from reader.core.stamps import text_hash

TEXT = "甲乙丙丁戊己庚辛"
ENTITY = "webanno.custom.Entity"


def _type_system(*features: str, extra: str | None = None):
    from cassis import TypeSystem

    ts = TypeSystem()
    layer = ts.create_type(ENTITY, "uima.tcas.Annotation")
    for name in features:
        ts.create_feature(layer, name, "uima.cas.String")
    if extra:
        ts.create_type(extra, "uima.tcas.Annotation")
    return ts


def _cas(ts, spans, text=TEXT, extra: str | None = None):
    """An XMI with ``spans`` of the Entity layer: (begin, end, {feature: value})."""
    from cassis import Cas

    cas = Cas(typesystem=ts)
    cas.sofa_string = text
    entity = ts.get_type(ENTITY)
    for begin, end, values in spans:
        cas.add(entity(begin=begin, end=end, **values))
    if extra:
        cas.add(ts.get_type(extra)(begin=0, end=1))
    return cas.to_xmi().encode("utf-8")


def _files(ts, **xmis: bytes) -> dict[str, bytes]:
    return {TYPESYSTEM: ts.to_xml().encode("utf-8"), **xmis}


def _ids(data: bytes) -> list[str]:
    return re.findall(r'<custom:Entity xmi:id="(\d+)"', data.decode("utf-8"))


def test_tag_is_label_then_value_then_first_string_then_layer_name():
    ts = _type_system("aaa", "value", "label")
    spans = [
        (0, 1, {"aaa": "第一", "value": "值", "label": "标签"}),
        (1, 2, {"aaa": "第一", "value": "值"}),
        (2, 3, {"aaa": "第一"}),
        (3, 4, {"aaa": "  "}),
    ]
    got = read_xmi(Path("f"), _files(ts, **{"d.xmi": _cas(ts, spans)}))
    assert [r.tags for r in got] == [("标签",), ("值",), ("第一",), ("Entity",)]


def test_a_layer_without_string_features_tags_with_its_name():
    ts = _type_system()
    (record,) = read_xmi(Path("f"), _files(ts, **{"d.xmi": _cas(ts, [(2, 4, {})])}))
    assert (record.start, record.end, record.tags) == (2, 4, ("Entity",))


def test_ids_and_places_of_foreign_spans():
    ts = _type_system("label")
    data = _cas(ts, [(0, 2, {"label": "甲"}), (0, 3, {"label": "甲"})])
    first_id, second_id = _ids(data)
    first, second = read_xmi(Path("folder"), _files(ts, **{"d.xmi": data}))
    hashed = text_hash(TEXT)
    assert first.id == stable_id("xmi", hashed, "d.xmi", ENTITY, int(first_id), 0, 2)
    assert second.id == stable_id("xmi", hashed, "d.xmi", ENTITY, int(second_id), 0, 3)
    assert first.where == f"folder: d.xmi: Entity xmi:id {first_id}"
    assert first.title == "d"  # no DocumentMetaData: the file's name


def test_the_same_spans_on_another_text_get_other_ids():
    ts = _type_system("label")
    one = read_xmi(Path("f"), _files(ts, **{"d.xmi": _cas(ts, [(0, 2, {"label": "x"})])}))
    other_text = _cas(ts, [(0, 2, {"label": "x"})], text="子丑寅卯")
    two = read_xmi(Path("f"), _files(ts, **{"d.xmi": other_text}))
    assert one[0].id != two[0].id
    assert one[0].id == read_xmi(Path("f"), _files(ts, **{"d.xmi": _cas(ts, [(0, 2, {})])}))[0].id


def test_a_single_xmi_file_is_named_once():
    ts = _type_system("label")
    data = _cas(ts, [(0, 2, {"label": "甲"})])
    (xmi_id,) = _ids(data)
    (record,) = read_xmi(Path("dir/d.xmi"), _files(ts, **{"d.xmi": data}))
    assert record.where == f"dir/d.xmi: Entity xmi:id {xmi_id}"


def test_every_file_of_a_folder_is_read():
    ts = _type_system("label")
    files = _files(
        ts, **{"a.xmi": _cas(ts, [(0, 2, {"label": "甲"})]), "b.xmi": _cas(ts, [(1, 3, {})])}
    )
    got = read_xmi(Path("folder"), files)
    assert [(r.title, r.start, r.end) for r in got] == [("a", 0, 2), ("b", 1, 3)]
    assert [r.where.split(": ")[1] for r in got] == ["a.xmi", "b.xmi"]


def test_types_missing_from_the_type_system_are_tolerated():
    full = _type_system("label", extra="webanno.custom.Unknown")
    data = _cas(full, [(0, 2, {"label": "甲"})], extra="webanno.custom.Unknown")
    narrow = _type_system("label")
    (record,) = read_xmi(Path("f"), _files(narrow, **{"d.xmi": data}))
    assert record.tags == ("甲",)


def test_no_custom_spans_is_an_error_naming_the_path():
    ts = _type_system("label")
    with pytest.raises(NotesFormatError) as caught:
        read_xmi(Path("some/folder"), _files(ts, **{"d.xmi": _cas(ts, [])}))
    assert str(caught.value) == "some/folder: no spans of a custom layer in it"


def test_a_span_beyond_an_empty_text_is_refused():
    ts = _type_system("label")
    data = _cas(ts, [(0, 2, {"label": "甲"})], text="")
    with pytest.raises(NotesFormatError) as caught:
        read_xmi(Path("f"), _files(ts, **{"d.xmi": data}))
    assert "offsets 0-2 do not fit the text (0 characters)" in str(caught.value)


def test_exported_type_system_declares_dkpro_metadata(library):
    from cassis import load_typesystem

    annotate(library)
    ts = load_typesystem(xmi_files(items_for(library))[TYPESYSTEM].decode("utf-8"))
    meta = ts.get_type(METADATA)
    assert meta.supertype.name == "uima.tcas.DocumentAnnotation"
    names = {f.name for f in meta.all_features}
    assert {"documentTitle", "documentId", "documentUri", "collectionId"} <= names
    assert ts.get_type(LAYER).supertype.name == "uima.tcas.Annotation"


def test_metadata_written_by_cassis_when_an_offset_is_out_of_range(library):
    from cassis import load_cas_from_xmi, load_typesystem

    annotate(library)
    item = items_for(library)[0]
    note = item.notes[0]
    broken = replace(note, annotation=replace(note.annotation, end=len(item.article.text) + 5))
    item = replace(item, notes=(broken,))
    files = xmi_files([item])
    (name,) = [n for n in files if n.endswith(".xmi")]
    xml = files[name].decode("utf-8")
    assert 'isLastSegment="false"' in xml
    cas = load_cas_from_xmi(xml, typesystem=load_typesystem(files[TYPESYSTEM].decode()))
    (meta,) = cas.select(METADATA)
    assert (meta.begin, meta.documentTitle, meta.isLastSegment) == (0, item.article.title, False)
