"""Issue #13, "Notes that travel": ids that are not UUIDs, spans across paragraph breaks,
tags with blanks and orphans, through every bridge and the JSON formats, and back.

The library is the reviewer's: an article with an Extension B character and an emoji,
annotated from JSON Lines with ids such as ``rv13-01``.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.exchange.brat import brat_files
from reader.core.exchange.exporting import FORMATS, ExportFilter, collect, render, write_export
from reader.core.exchange.hypothesis import hypothesis
from reader.core.exchange.jsonld import w3c
from reader.core.exchange.notes_import import import_notes
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes

ARTICLE = """# 香港城市漫步記

電車沿著德輔道中緩緩前行，乘客們望向窗外的景色。

老人們在街角下棋，孩子們追逐嬉戲。

上環的老街有一塊𠀀字招牌，據說已有百年歷史。😀 街坊都認得它。

社會保障制度的討論在茶餐廳裏也常聽到。
"""
# (id, quote, tags, note, colour)
MARKS = [
    ("rv13-01", "乘客們望向窗外的景色。\n老人們在街角下棋", ("重点",), "多行\n批注", "yellow"),
    ("rv13-02", "𠀀字招牌", ("人物", "社会 保障"), "", "green"),
    ("rv13-03", "據說已有百年歷史", (), "", None),
    ("rv13-04", "社會保障", ("社会 保障",), "tab\there \\ back", "blue"),
    ("rv13-05", "街坊都認得它", ("存疑", "重点"), "note", "pink"),
    ("rv13:06~x", "茶餐廳", ("重点",), "", None),  # ':' and '~': still a JSON Lines id
]
FORMATS_BACK = ("labelstudio", "doccano", "xmi", "brat", "w3c", "jsonl")


def _article(folder: Path, text: str = ARTICLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hk.md"
    path.write_text(text, encoding="utf-8")
    return path


def _jsonl(folder: Path, text: str) -> Path:
    """The reviewer's hand-written JSON Lines, ids and all."""
    from reader.core.notes.anchoring import selector_for
    from reader.core.stamps import text_hash

    lines = []
    for number, (ident, quote, tags, note, colour) in enumerate(MARKS, 1):
        start = text.index(quote)
        selector = selector_for(text, start, start + len(quote))
        record = {
            "type": "reader-annotation",
            "version": 1,
            "id": ident,
            "article": {"title": "香港城市漫步記", "text_hash": text_hash(text)},
            "start": start,
            "end": start + len(quote),
            "quote": quote,
            "prefix": selector.prefix,
            "suffix": selector.suffix,
            "tags": list(tags),
            "note": note,
            "color": colour,
            "annotator": "審稿人",
            "created": f"2026-02-0{number}T08:00:00+00:00",
            "updated": f"2026-02-0{number}T09:00:00+00:00",
        }
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    path = folder / "notes.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _library(folder: Path, name: str = "lib.sqlite3"):
    folder.mkdir(parents=True, exist_ok=True)
    library = open_library(folder / name)
    import_paths(library, [_article(folder / "articles")])
    return library


@pytest.fixture
def reviewed(tmp_path):
    library = _library(tmp_path)
    (article,) = list_articles(library)
    from reader.core.library.articles import get_article

    text = get_article(library, article.id).text
    summary = import_notes(library, _jsonl(tmp_path, text))
    assert summary.imported == len(MARKS)
    yield library, text
    library.close()


def _everything(library) -> list[tuple]:
    return sorted(
        (
            *(a.id, a.start, a.end, a.quote, a.tags, a.note, a.color, a.annotator),
            *(a.created_at, a.updated_at, a.state),
        )
        for a in notes.all_annotations(library)
    )


@pytest.mark.parametrize("fmt", FORMATS_BACK)
def test_non_uuid_ids_round_trip_identically(reviewed, tmp_path, fmt):
    """Ids, spans, tags (a blank in one), notes, colours, annotators and times come back
    the same through every bridge and the JSON formats, whatever the ids look like."""
    library, _ = reviewed
    out = tmp_path / f"out-{fmt}"
    write_export(out, fmt, collect(library, ExportFilter()))
    fresh = _library(tmp_path / "fresh")
    try:
        summary = import_notes(fresh, out)
        assert (summary.imported, summary.skipped) == (len(MARKS), [])
        assert _everything(fresh) == _everything(library)
    finally:
        fresh.close()


def test_w3c_ids_are_valid_iris(reviewed):
    from reader.core.exchange.jsonld import annotation_iri, id_from_iri

    library, _ = reviewed
    doc = json.loads(w3c(collect(library, ExportFilter())))
    ids = [item["id"] for item in doc["first"]["items"]]
    assert "urn:reader:annotation:rv13-01" in ids
    assert "urn:reader:annotation:rv13%3A06~x" in ids
    assert not any(i.startswith("urn:uuid:rv13") for i in ids)
    for iri in ids:  # an RFC 3987 IRI: a scheme, and no character outside the allowed set
        assert re.fullmatch(r"urn:[a-z]+:[A-Za-z0-9:%._~-]+", iri), iri
    uuid = "00000000-0000-4000-8000-000000000001"
    assert annotation_iri(uuid) == f"urn:uuid:{uuid}" and id_from_iri(f"urn:uuid:{uuid}") == uuid
    assert id_from_iri(annotation_iri("rv13:06~x")) == "rv13:06~x"


# --- brat --------------------------------------------------------------------------------
def brat_accepts(ann: str, text: str) -> None:
    """brat's own check of a T line (server/src/annotation.py, TextAnnotations): the text
    after the tab is the fragments' texts joined by one space; fragments do not overlap."""
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        _, data, said = line.split("\t")
        spans = [tuple(map(int, p.split())) for p in data.split(" ", 1)[1].split(";")]
        for i, (start, end) in enumerate(spans):
            assert 0 <= start <= end <= len(text)
            assert all(not (end >= s and start < e) for s, e in spans[:i]), line
        assert said == " ".join(text[s:e] for s, e in spans), line


def test_brat_splits_a_span_at_line_breaks(reviewed):
    library, text = reviewed
    items = collect(library, ExportFilter())
    files = brat_files(items)
    ann = files["香港城市漫步記.ann"].decode("utf-8")
    start = text.index("乘客們")
    middle = text.index("\n", start)
    assert f"T1\t重点 {start} {middle};{middle + 1} {start + 20}\t" in ann
    assert "乘客們望向窗外的景色。 老人們在街角下棋" in ann
    brat_accepts(ann, files["香港城市漫步記.txt"].decode("utf-8"))
    # a span that begins and ends at a line break: the fragments leave them out, and the
    # ReaderMeta line brings the whole span back
    first = items[0].notes[0].annotation
    edged = replace(first, start=middle, end=middle + 3, quote=text[middle : middle + 3])
    items = [replace(items[0], notes=(replace(items[0].notes[0], annotation=edged),))]
    ann = brat_files(items)["香港城市漫步記.ann"].decode("utf-8")
    brat_accepts(ann, text)
    assert f"T1\t重点 {middle + 1} {middle + 3}\t" in ann


def test_brat_reads_a_discontinuous_span_as_one(reviewed, tmp_path):
    library, _ = reviewed
    folder = tmp_path / "brat"
    write_export(folder, "brat", collect(library, ExportFilter()))
    ann = folder / "香港城市漫步記.ann"
    # as a brat user would leave it: no ReaderMeta comments
    ann.write_text(
        "".join(
            line + "\n" for line in ann.read_text("utf-8").splitlines() if "ReaderMeta" not in line
        ),
        encoding="utf-8",
    )
    fresh = _library(tmp_path / "fresh")
    try:
        import_notes(fresh, folder)
        spans = {(a.quote, a.tags) for a in notes.all_annotations(fresh)}
    finally:
        fresh.close()
    assert ("乘客們望向窗外的景色。\n老人們在街角下棋", ("重点",)) in spans
    assert ("社會保障", ("社会_保障",)) in spans  # the label as brat holds it, no mapping


# --- orphans, UTF-16, empty notes ---------------------------------------------------------
@pytest.fixture
def orphaned(reviewed, tmp_path):
    library, _ = reviewed
    changed = ARTICLE.replace("社會保障制度的討論在茶餐廳裏也常聽到。", "茶餐廳裏人聲鼎沸。")
    import_paths(library, [_article(tmp_path / "articles", changed)])
    states = {a.id: a.state for a in notes.all_annotations(library)}
    assert states["rv13-04"] == "orphaned"
    return library


def test_w3c_and_hypothesis_give_orphans_no_position(orphaned):
    items = collect(orphaned, ExportFilter())
    for fmt, found in (
        ("w3c", lambda d: d["first"]["items"]),
        ("hypothesis", lambda d: d["annotations"]),
    ):
        document = json.loads(render(fmt, items))
        for item in found(document):
            target = item["target"][0] if isinstance(item["target"], list) else item["target"]
            kinds = [s["type"] for s in target["selector"]]
            orphan = item["id"].endswith("rv13-04")
            assert kinds == (
                ["TextQuoteSelector"] if orphan else ["TextQuoteSelector", "TextPositionSelector"]
            ), (fmt, item["id"])


def test_an_orphan_comes_back_from_w3c_with_its_offsets(orphaned, tmp_path):
    out = tmp_path / "notes.jsonld"
    write_export(out, "w3c", collect(orphaned, ExportFilter()))
    fresh = open_library(tmp_path / "fresh.sqlite3")
    try:
        changed = ARTICLE.replace("社會保障制度的討論在茶餐廳裏也常聽到。", "茶餐廳裏人聲鼎沸。")
        import_paths(fresh, [_article(tmp_path / "fresh-articles", changed)])
        import_notes(fresh, out)
        # "moved" comes back "anchored": the new library never saw the old text
        assert [a[:-1] for a in _everything(fresh)] == [a[:-1] for a in _everything(orphaned)]
        orphan = notes.get(fresh, "rv13-04")
        assert orphan.state == "orphaned" and orphan.note == "tab\there \\ back"
    finally:
        fresh.close()


def test_hypothesis_counts_utf16_and_writes_an_empty_note_empty(reviewed):
    library, text = reviewed
    document = json.loads(hypothesis(collect(library, ExportFilter())))
    by_id = {a["id"]: a for a in document["annotations"]}
    start = text.index("𠀀字招牌")
    position = by_id["rv13-02"]["target"][0]["selector"][1]
    assert position == {"type": "TextPositionSelector", "start": start, "end": start + 5}
    after = text.index("街坊都認得它")  # after 𠀀 and 😀: two more units
    assert by_id["rv13-05"]["target"][0]["selector"][1]["start"] == after + 2
    units = text.encode("utf-16-le")
    cut = units[2 * (start + 0) : 2 * (start + 5)].decode("utf-16-le")
    assert cut == "𠀀字招牌"
    assert by_id["rv13-02"]["text"] == "" and by_id["rv13-01"]["text"] != ""


def test_formats_known_to_the_cli_match_the_exporter():
    from reader.cli.notes_cmds import SUFFIXES
    from reader.core.exchange.exporting import FOLDER_FORMATS
    from reader.core.exchange.exporting import SUFFIXES as WRITTEN

    assert {f: WRITTEN[f] for f in FORMATS if f not in FOLDER_FORMATS} == SUFFIXES
