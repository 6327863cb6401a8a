"""Bridges to annotation tools: Label Studio, doccano, INCEpTION (XMI), brat.

Each round-trips: export, then import into a fresh library with the same articles,
gives the same spans, tags and notes, on an article with emoji and CJK Extension B
characters before and inside spans, overlapping spans and a note with line breaks.
Each export is also checked in its tool's own unit of offsets.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cli import main
from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_export import bridge_files
from reader.core.exchange.export_folder import write_folder
from reader.core.exchange.exporting import (
    FOLDER_FORMATS,
    ExportFilter,
    collect,
    render,
    write_atomically,
)
from reader.core.exchange.notes_import import import_notes, read_records
from reader.core.exchange.units import Utf16, utf16_slice
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset

ARTICLE = """# 𠀀字与😀表情的文章

😀开头的段落里有𠀀𠀁两个扩展B字，还有“重点😀句子”在这里，𠀂之后还有话。

第二段：👨‍👩‍👧 家庭表情之后，唐丽娟说𠀃话很多。
"""
MULTILINE_NOTE = "第一行\n第二行\n\n第四行 \\n 不是换行\t制表"
# (phrase, tags, colour, note, annotator)
MARKS = [
    ("重点😀句子", ("重点", "人物"), "yellow", MULTILINE_NOTE, "编辑甲"),
    ("句子”在这里，𠀂", ("存疑",), None, "", "编辑乙"),  # overlaps the first
    ("𠀀𠀁", (), "green", "扩展B字", "编辑甲"),  # untagged, with a note
    ("😀开头", ("数据",), "pink", "", ""),
    ("唐丽娟说𠀃话", ("人物",), None, "一句\n两句", "编辑乙"),
]
FORMATS = ("labelstudio", "doccano", "xmi", "brat")


def _article_file(folder: Path) -> Path:
    path = folder / "表情.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def marked(library, tmp_path):
    source = _article_file(tmp_path)
    import_paths(library, [source])
    (article,) = list_articles(library)
    text = get_article(library, article.id).text
    for number, (phrase, tags, colour, note, who) in enumerate(MARKS, 1):
        start = text.index(phrase)
        made = notes.create(
            library,
            article.id,
            start,
            start + len(phrase),
            color=colour,
            tags=tags,
            note=note,
            annotator=who,
            annotation_id=f"00000000-0000-4000-8000-00000000000{number}",
        )
        fixed = replace(made, created_at=f"2026-01-0{number}T08:00:00.000000+00:00")
        notes.delete(library, [made.id])
        notes.restore(library, [replace(fixed, updated_at=fixed.created_at)])
    return library, source, text


def _export(library, fmt: str, target: Path) -> Path:
    items = collect(library, ExportFilter())
    if fmt in FOLDER_FORMATS:
        write_folder(target, bridge_files(fmt, items))
    else:
        write_atomically(target, render(fmt, items))
    return target


def _spans(library):
    return sorted(
        (a.start, a.end, a.quote, tuple(sorted(a.tags)), a.note, a.state)
        for a in notes.all_annotations(library)
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_into_a_fresh_library(marked, tmp_path, fmt):
    library, source, _ = marked
    path = _export(library, fmt, tmp_path / f"out-{fmt}")
    with open_library(tmp_path / "fresh.sqlite3") as fresh:
        import_paths(fresh, [source])
        summary = import_notes(fresh, path)
        assert summary.line() == f"{len(MARKS)} imported, 0 merged, 0 orphaned, 0 skipped"
        assert _spans(fresh) == _spans(library)
        assert {t.name for t in tagset.list_tags(fresh)} == {"重点", "人物", "存疑", "数据"}
        if fmt != "brat":  # brat cannot carry ids, colours, annotators or times
            keys = ("id", "start", "end", "color", "annotator", "created_at", "updated_at")
            before = sorted([getattr(a, k) for k in keys] for a in notes.all_annotations(library))
            after = sorted([getattr(a, k) for k in keys] for a in notes.all_annotations(fresh))
            assert after == before
        again = import_notes(fresh, path)  # the same file twice: nothing doubles
        assert again.imported == 0 and len(notes.all_annotations(fresh)) == len(MARKS)


def test_labelstudio_offsets_are_utf16_units(marked, tmp_path):
    library, _, text = marked
    (task,) = json.loads(_export(library, "labelstudio", tmp_path / "ls.json").read_text())
    assert task["data"]["text"] == text
    regions = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    assert len(regions) == len(MARKS)
    for r in regions:
        v = r["value"]
        assert utf16_slice(task["data"]["text"], v["start"], v["end"]) == v["text"]
        assert (
            text.encode("utf-16-le")[2 * v["start"] : 2 * v["end"]].decode("utf-16-le") == v["text"]
        )
    first = next(r for r in regions if r["value"]["text"] == "重点😀句子")
    # 𠀀 and 😀 in the title, 😀 and 𠀀𠀁 before it count twice in UTF-16.
    start = text.index("重点😀句子")
    assert sum(ord(c) > 0xFFFF for c in text[:start]) == 5
    assert first["value"]["start"] == start + 5
    notes_ = [r for r in task["annotations"][0]["result"] if r["type"] == "textarea"]
    assert {r["id"] for r in notes_} <= {r["id"] for r in regions}
    assert any(r["value"]["text"] == [MULTILINE_NOTE] for r in notes_)


def test_doccano_offsets_are_utf16_units(marked, tmp_path):
    library, _, text = marked
    (line,) = _export(library, "doccano", tmp_path / "d.jsonl").read_text().splitlines()
    example = json.loads(line)
    assert example["text"] == text
    quotes = {phrase for phrase, *_ in MARKS}
    for start, end, label in example["label"]:
        assert utf16_slice(text, start, end) in quotes, label
    assert sum(1 for *_, label in example["label"] if label == "人物") == 2


def test_xmi_loads_in_cassis_with_each_span_covering_its_quote(marked, tmp_path):
    from cassis import load_cas_from_xmi, load_typesystem

    library, _, text = marked
    folder = _export(library, "xmi", tmp_path / "xmi")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["TypeSystem.xml", "reader-export.json", "𠀀字与😀表情的文章.xmi"]
    with (folder / "TypeSystem.xml").open("rb") as f:
        ts = load_typesystem(f)
    with (folder / names[2]).open("rb") as f:
        cas = load_cas_from_xmi(f, typesystem=ts)
    assert cas.sofa_string == text
    spans = list(cas.select("webanno.custom.Reader"))
    assert len(spans) == sum(max(1, len(tags)) for _, tags, *_ in MARKS)
    made = {a.id: a for a in notes.all_annotations(library)}
    for span in spans:
        assert span.get_covered_text() == made[span.readerId].quote
    # In the file itself, offsets are UTF-16 units, as UIMA (Java) counts them.
    root = ElementTree.parse(folder / names[2]).getroot()
    units = Utf16(text)
    ns = "{http:///webanno/custom.ecore}Reader"
    begins = sorted(int(e.get("begin")) for e in root.iter(ns))
    assert begins == sorted(units.to_utf16(s.begin) for s in spans)
    meta = [fs for fs in cas.select_all_fs() if fs.type.name.endswith("DocumentMetaData")]
    assert meta[0].documentTitle == "𠀀字与😀表情的文章"


def test_brat_offsets_are_code_points_and_notes_keep_line_breaks(marked, tmp_path):
    library, _, text = marked
    folder = _export(library, "brat", tmp_path / "brat")
    stem = "𠀀字与😀表情的文章"
    assert (folder / f"{stem}.txt").read_text(encoding="utf-8") == text
    ann = (folder / f"{stem}.ann").read_text(encoding="utf-8")
    for line in ann.splitlines():
        if line.startswith("T"):
            _, head, covered = line.split("\t")
            _, start, end = head.split(" ")
            assert text[int(start) : int(end)] == covered
    first = re.search(r"^(T\d+)\t人物 \d+ \d+\t重点😀句子$", ann, re.MULTILINE)
    assert first is not None
    note = "第一行\\n第二行\\n\\n第四行 \\\\n 不是换行\\t制表"
    assert f"\tAnnotatorNotes {first.group(1)}\t{note}\n" in ann
    assert "Reader-highlight" in (folder / "annotation.conf").read_text(encoding="utf-8")


def test_units_both_ways():
    text = "a😀𠀀b\U0002a6a5c"
    units = Utf16(text)
    for i in range(len(text) + 1):
        u = units.to_utf16(i)
        assert len(text[:i].encode("utf-16-le")) == 2 * u
        assert units.from_utf16(u) == i
    with pytest.raises(NotesFormatError, match="inside a character that takes two UTF-16"):
        units.from_utf16(2)


LS_EXPORT = [
    {
        "id": 41,
        "data": {"text": None, "meta_info": {"source": "wire"}},
        "annotations": [
            {
                "id": 7,
                "completed_by": {"id": 3, "email": "zhang@example.org"},
                "created_at": "2026-02-01T10:00:00.123456Z",
                "updated_at": "2026-02-02T11:00:00.654321Z",
                "was_cancelled": False,
                "result": [
                    {
                        "id": "wx3b8TgFGa",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "origin": "manual",
                        "value": {"start": 0, "end": 0, "text": "", "labels": ["人名"]},
                    },
                    {
                        "id": "wx3b8TgFGa",
                        "from_name": "comment",
                        "to_name": "text",
                        "type": "textarea",
                        "origin": "manual",
                        "value": {"start": 0, "end": 0, "text": ["要核实", "第二行"]},
                    },
                    {
                        "id": "p0Qm1",
                        "from_name": "sentiment",
                        "to_name": "text",
                        "type": "choices",
                        "value": {"choices": ["正面"]},
                    },
                ],
            },
            {"id": 8, "completed_by": 5, "was_cancelled": True, "result": []},
        ],
        "predictions": [
            {
                "id": 2,
                "model_version": "ner-v3",
                "score": 0.91,
                "result": [
                    {
                        "id": "pr_1",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": 0, "end": 0, "text": "", "labels": ["地名", "重点"]},
                    }
                ],
            }
        ],
    }
]


def test_a_labelstudio_export_by_other_people(marked, tmp_path):
    library, _, text = marked
    task = json.loads(json.dumps(LS_EXPORT))
    task[0]["data"]["text"] = text
    units = Utf16(text)
    for phrase, result in (
        ("唐丽娟", task[0]["annotations"][0]["result"][0]),
        ("唐丽娟", task[0]["annotations"][0]["result"][1]),
        ("第二段", task[0]["predictions"][0]["result"][0]),
    ):
        start = text.index(phrase)
        result["value"].update(start=units.to_utf16(start), end=units.to_utf16(start + len(phrase)))
        if result["type"] == "labels":
            result["value"]["text"] = phrase
    path = tmp_path / "project-1-at-2026.json"
    path.write_text(json.dumps(task, ensure_ascii=False), encoding="utf-8")
    before = {a.id for a in notes.all_annotations(library)}
    summary = import_notes(library, path)
    assert summary.line() == "2 imported, 0 merged, 0 orphaned, 0 skipped"
    new = {a.quote: a for a in notes.all_annotations(library) if a.id not in before}
    person, place = new["唐丽娟"], new["第二段"]
    assert person.tags == ("人名",) and person.note == "要核实\n第二行"
    assert person.annotator == "zhang@example.org"
    assert person.updated_at == "2026-02-02T11:00:00.654321Z"
    assert text[person.start : person.end] == "唐丽娟"
    assert place.tags == ("地名", "重点") and place.annotator == "prediction ner-v3"
    names = {t.name for t in tagset.list_tags(library)}
    assert {"人名", "地名", "重点"} <= names  # missing tags were created


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "d.jsonl",
            '{"text": "a😀b", "label": [[0, 1, "X"]]}\n{"text": "a😀b", "label": [[2, 3, "X"]]}\n',
            "line 2: label[0] start 2 falls inside a character that takes two UTF-16 units",
        ),
        (
            "d.jsonl",
            '{"text": "abc", "label": [[0, 1, "X"]]}\n{"text": "abc", "label": [[0, "2", "X"]]}\n',
            "line 2: field 'label[0] end' must be a whole number",
        ),
        (
            "ls.json",
            '[{"data": {"text": "abc"}, "annotations": [{"result": [{"id": "r", "type": '
            '"labels", "value": {"start": 0, "end": 9, "labels": ["X"]}}]}]}]',
            "task 1: annotations[0]: result[0]: value.end 9 lies outside the text",
        ),
        (
            "ls.json",
            '[{"data": {"text": "abc"}, "annotations": [{"result": [{"id": "r", "type": '
            '"labels", "value": {"start": 0, "end": 1, "labels": "X"}}]}]}]',
            "result[0]: field 'value.labels' must be a list",
        ),
    ],
)
def test_bad_files_name_the_place_and_import_nothing(library, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NotesFormatError, match=re.escape(message)):
        import_notes(library, path)
    assert notes.all_annotations(library) == []


def test_bad_brat_and_xmi_folders(marked, tmp_path):
    library, _, _ = marked
    folder = _export(library, "brat", tmp_path / "brat")
    ann = next(folder.glob("*.ann"))
    ann.write_text(ann.read_text(encoding="utf-8") + "T99\tX 0 100000\tnope\n", encoding="utf-8")
    with pytest.raises(NotesFormatError, match=r"\.ann: line \d+: offsets 0-100000 do not fit"):
        read_records(folder)
    xmi = _export(library, "xmi", tmp_path / "xmi")
    (xmi / "TypeSystem.xml").unlink()
    with pytest.raises(NotesFormatError, match=r"TypeSystem\.xml is missing"):
        read_records(xmi)
    with pytest.raises(NotesFormatError, match="not a regular file"):
        read_records(tmp_path / "xmi" / "..")  # a folder of folders: neither brat nor XMI


def test_an_inception_style_custom_layer_is_read(marked, tmp_path):
    from cassis import Cas, TypeSystem

    library, _, text = marked
    ts = TypeSystem()
    layer = ts.create_type("webanno.custom.NamedThing", "uima.tcas.Annotation")
    ts.create_feature(layer, "value", "uima.cas.String")
    cas = Cas(typesystem=ts)
    cas.sofa_string = text
    start = text.index("𠀃话")
    cas.add(layer(begin=start, end=start + 2, value="生僻字"))
    # INCEpTION exports one .zip per document: the .xmi and DKPro's type system file.
    exported = tmp_path / "doc.txt.zip"
    with zipfile.ZipFile(exported, "w") as archive:
        archive.writestr("doc.xmi", cas.to_xmi())
        archive.writestr("typesystem.xml", ts.to_xml())
    summary = import_notes(library, exported)
    assert summary.imported == 1
    made = [a for a in notes.all_annotations(library) if a.tags == ("生僻字",)]
    assert [a.quote for a in made] == ["𠀃话"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_command_line_exports_and_imports_each_bridge(marked, tmp_path, fmt):
    library, source, _ = marked
    library.close()
    lib = str(tmp_path / "lib.sqlite3")
    out = tmp_path / f"cli-{fmt}"
    assert main(["export", "--format", fmt, "-o", str(out), "--library", lib]) == 0
    fresh = str(tmp_path / "fresh.sqlite3")
    assert main(["import", str(source), "--library", fresh]) == 0
    assert main(["import-notes", str(out), "--library", fresh]) == 0
    with open_library(Path(lib)) as a, open_library(Path(fresh)) as b:
        assert _spans(a) == _spans(b)
    if fmt in FOLDER_FORMATS:  # a folder that exists is kept unless --force
        assert main(["export", "--format", fmt, "-o", str(out), "--library", lib]) == 2
        assert main(["export", "--format", fmt, "-o", str(out), "--library", lib, "--force"]) == 0


@given(st.text(alphabet=st.sampled_from("a中😀𠀀\U0002a6a5\n"), max_size=40))
def test_units_agree_with_utf16_encoding(text):
    units = Utf16(text)
    assert units.length == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        u = units.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2 and units.from_utf16(u) == i
        assert utf16_slice(text, u, units.length) == text[i:]


def test_folder_exports_need_a_folder_and_keep_foreign_files(marked, tmp_path, capsys):
    library, _, _ = marked
    library.close()
    lib = str(tmp_path / "lib.sqlite3")
    assert main(["export", "--format", "brat", "--library", lib]) == 2
    assert "give it with -o FOLDER" in capsys.readouterr().err
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"precious")
    assert main(["export", "--format", "xmi", "-o", str(mine), "--library", lib, "--force"]) == 2
    assert "it holds thesis.docx and no reader-export.json" in capsys.readouterr().err
    assert sorted(p.name for p in mine.iterdir()) == ["thesis.docx"]


def test_doccano_exports_made_in_doccano(marked, tmp_path):
    """As doccano's exporter writes them: id, text, metadata, sorted labels, Comments; and the
    relation-project shape with entities. No Reader metadata: spans become new annotations."""
    library, _, text = marked
    units = Utf16(text)

    def span(phrase):
        start = text.index(phrase)
        return units.to_utf16(start), units.to_utf16(start + len(phrase))

    (s1, e1), (s2, e2) = span("唐丽娟"), span("𠀂之后")
    lines = [
        {"id": 3, "text": text, "label": [[s1, e1, "人名"], [s2, e2, "生僻"]], "Comments": ["好"]},
        {
            "id": 4,
            "text": text,
            "entities": [{"id": 9, "label": "机构", "start_offset": s2, "end_offset": e2}],
            "relations": [],
            "Comments": [],
        },
    ]
    path = tmp_path / "admin.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    before = {a.id for a in notes.all_annotations(library)}
    assert import_notes(library, path).imported == 3
    new = sorted((a.quote, a.tags) for a in notes.all_annotations(library) if a.id not in before)
    assert new == [("唐丽娟", ("人名",)), ("𠀂之后", ("机构",)), ("𠀂之后", ("生僻",))]


def test_brat_files_made_in_brat(marked, tmp_path):
    """Relations, attributes and other comments are skipped; a discontinuous span is read
    as one span over its fragments; T lines over one span are one annotation."""
    library, _, text = marked
    folder = tmp_path / "collection"
    folder.mkdir()
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    a = text.index("唐丽娟")
    b = text.index("话很多")
    (folder / "doc.ann").write_text(
        f"T1\tPerson {a} {a + 3}\t唐丽娟\n"
        f"T2\tSpeaker {a} {a + 3}\t唐丽娟\n"
        f"T3\tClaim {a + 3} {a + 4};{b} {b + 3}\t说 话很多\n"
        "R1\tSays Arg1:T1 Arg2:T3\n"
        "A1\tNegated T3\n"
        "#1\tAnnotatorNotes T2\t她\\n本人\n"
        "#2\tOther T1\tnot a note\n",
        encoding="utf-8",
    )
    before = {x.id for x in notes.all_annotations(library)}
    assert import_notes(library, folder).imported == 2
    new = {x.quote: x for x in notes.all_annotations(library) if x.id not in before}
    assert new["唐丽娟"].tags == ("Person", "Speaker") and new["唐丽娟"].note == "她\n本人"
    assert new[text[a + 3 : b + 3]].tags == ("Claim",)


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_annotators_same_words_same_tag_both_come_back(marked, tmp_path, fmt):
    library, source, text = marked
    (article,) = list_articles(library)
    phrase = "唐丽娟说𠀃话"  # 编辑乙 tagged it 人物: 编辑甲 and the adjudicator did too
    start = text.index(phrase)
    for who in ("编辑甲", "gold"):
        notes.create(library, article.id, start, start + len(phrase), tags=("人物",), annotator=who)
    path = _export(library, fmt, tmp_path / f"dup-{fmt}")
    with open_library(tmp_path / "fresh.sqlite3") as fresh:
        import_paths(fresh, [source])
        summary = import_notes(fresh, path)
        assert summary.imported == len(MARKS) + 2 and summary.skipped == []
        assert _spans(fresh) == _spans(library)
        if fmt != "brat":  # brat cannot carry annotators
            who = sorted(a.annotator for a in notes.all_annotations(fresh) if a.quote == phrase)
            assert who == ["gold", "编辑乙", "编辑甲"]
