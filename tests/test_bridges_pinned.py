"""brat and doccano bridges and what the bridges share, pinned: the exact .ann and
annotation.conf written, ids of spans made elsewhere, messages naming the line and the
field, and writing an export folder as a whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.errors import NotesFormatError, ReaderError
from reader.core.exchange import export_folder
from reader.core.exchange.brat import brat_files, read_brat
from reader.core.exchange.bridge_common import UNTAGGED, stable_id
from reader.core.exchange.doccano import looks_like, read_doccano
from reader.core.exchange.export_folder import write_folder
from reader.core.exchange.exporting import ExportArticle, ExportNote
from reader.core.library.articles import StoredArticle
from reader.core.notes.annotations import Annotation
from reader.core.stamps import text_hash

TEXT = "甲乙丙丁戊己庚辛"


# --- brat ------------------------------------------------------------------------------
def _brat(ann: str, name: str = "doc", text: str = TEXT) -> list:
    folder = Path("folder")
    return read_brat(folder, {folder / f"{name}.ann": ann, folder / f"{name}.txt": text})


def test_brat_ids_and_title():
    (record,) = _brat("T1\t人物 2 4\t丙丁\n", name="文章 (2)")
    assert record.id == stable_id("brat", text_hash(TEXT), "文章 (2).ann", 2, 4)
    assert record.title == "文章"
    assert record.where == "folder/文章 (2).ann: line 1"
    assert _brat("T1\t人物 2 4\n")[0].id != _brat("T1\t人物 2 4\n", text=TEXT + "。")[0].id


def test_brat_t_line_without_its_text_column_is_read():
    (record,) = _brat("T1\t人物 2 4\n")
    assert (record.start, record.end, record.tags) == (2, 4, ("人物",))


def test_brat_notes_after_other_comments_keep_their_last_character():
    ann = "T1\t人物 2 4\t丙丁\n#1\tOther T1\tignored\n#2\tAnnotatorNotes T1\t结尾X\r\n"
    (record,) = _brat(ann)
    assert record.note == "结尾X"


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\n", "folder/doc.ann: line 1: a T line needs 'T1<TAB>Label start end'"),
        ("T1\t人物 2 x\n", "folder/doc.ann: line 1: offsets must be 'start end' (whole numbers)"),
        ("T1\t人物 2 4 5\n", "folder/doc.ann: line 1: offsets must be 'start end' (whole numbers)"),
    ],
)
def test_brat_bad_lines(ann, message):
    with pytest.raises(NotesFormatError) as caught:
        _brat(ann)
    assert str(caught.value) == message


def test_brat_folder_without_spans():
    with pytest.raises(NotesFormatError) as caught:
        _brat("R1\tRel Arg1:T1 Arg2:T2\n")
    assert str(caught.value) == "folder: no brat annotations in it"


def _item(title: str, text: str, *marks: tuple[int, int, tuple[str, ...], str]) -> ExportArticle:
    article = StoredArticle(
        id=1,
        source_id=1,
        title=title,
        untitled=False,
        text=text,
        text_hash=text_hash(text),
        source_path="x.txt",
        position=0,
        status="unread",
        note="",
        metadata={},
        blocks=(),
    )
    notes = tuple(
        ExportNote(
            Annotation(
                id=f"00000000-0000-4000-8000-00000000000{i}",
                article_id=1,
                start=start,
                end=end,
                quote=text[start:end],
                prefix="",
                suffix="",
                text_hash=text_hash(text),
                tags=tags,
                note=note,
                color=None,
                annotator="",
                created_at="2026-01-01T00:00:00+00:00",
                updated_at="2026-01-01T00:00:00+00:00",
                state="anchored",
            ),
            "",
        )
        for i, (start, end, tags, note) in enumerate(marks)
    )
    return ExportArticle(article, notes)


def test_brat_files_exact():
    item = _item("a b", TEXT, (0, 2, ("人物", "地点"), "注一"), (4, 6, (), "注二"))
    files = brat_files([item, _item("a b", "子丑")])
    assert sorted(files) == ["a b (2).ann", "a b (2).txt", "a b.ann", "a b.txt", "annotation.conf"]
    meta = (
        '{{"id": "00000000-0000-4000-8000-00000000000{0}", "t": {1}, "tags": {2}, '
        '"start": {3}, "end": {4}, "color": null, "annotator": "", '
        '"created": "2026-01-01T00:00:00+00:00", "updated": "2026-01-01T00:00:00+00:00"}}'
    )
    assert files["a b.ann"].decode("utf-8") == (
        "T1\t人物 0 2\t甲乙\nT2\t地点 0 2\t甲乙\n#1\tAnnotatorNotes T1\t注一\n"
        "#2\tReaderMeta T1\t"
        + meta.format(0, '["T1", "T2"]', '["人物", "地点"]', 0, 2)
        + f"\nT3\t{UNTAGGED} 4 6\t戊己\n#3\tAnnotatorNotes T3\t注二\n"
        "#4\tReaderMeta T3\t" + meta.format(1, '["T3"]', "[]", 4, 6) + "\n"
    )
    assert files["a b (2).ann"] == b""
    assert files["annotation.conf"].decode("utf-8") == (
        f"[entities]\n人物\n地点\n{UNTAGGED}\n\n[relations]\n\n[events]\n\n[attributes]\n"
    )


# --- doccano ---------------------------------------------------------------------------
def _doccano(*items) -> list:
    return read_doccano(Path("d.jsonl"), list(enumerate(items, 1)))


def _doccano_error(*items) -> str:
    with pytest.raises(NotesFormatError) as caught:
        _doccano(*items)
    return str(caught.value)


def test_doccano_ids_from_example_id_else_line():
    with_id, without = _doccano(
        {"id": 31, "text": TEXT, "label": [[2, 4, "人物"]]},
        {
            "text": TEXT,
            "label": [[1, 3, "人物"]],
        },
    )
    hashed = text_hash(TEXT)
    assert with_id.id == stable_id("doccano", hashed, 31, 2, 4)
    assert without.id == stable_id("doccano", hashed, 2, 1, 3)
    assert (with_id.title, without.title) == ("line 1", "line 2")


def test_doccano_title_must_be_text():
    (record,) = _doccano({"text": TEXT, "title": 5, "label": [[2, 4, "人物"]]})
    assert record.title == "line 1"


def test_doccano_reader_ids_keep_same_span_annotations_apart():
    one, two = (f"00000000-0000-4000-8000-00000000000{i}" for i in (1, 2))
    item = {
        "text": TEXT,
        "label": [[2, 4, "甲"], [2, 4, "乙"]],
        "reader": {
            "annotations": [
                {"id": one, "start": 2, "end": 4, "labels": ["甲"], "note": "一"},
                {"id": two, "start": 2, "end": 4, "labels": ["乙"], "note": "二"},
            ]
        },
    }
    got = _doccano(item)
    assert [(r.id, r.tags, r.note) for r in got] == [(one, ("甲",), "一"), (two, ("乙",), "二")]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"text": TEXT, "label": "x"}, "d.jsonl: line 1: field 'label' must be a list"),
        ({"text": TEXT, "entities": "x"}, "d.jsonl: line 1: field 'entities' must be a list"),
        (
            {"text": TEXT, "label": [["2", 4, "人物"]]},
            "d.jsonl: line 1: field 'label[0] start' must be a whole number",
        ),
        (
            {"text": TEXT, "label": [[2, 4, " "]]},
            "d.jsonl: line 1: field 'label[0]' has an empty label",
        ),
        (
            {"text": TEXT, "entities": [{"start_offset": 2, "label": "人物"}]},
            "d.jsonl: line 1: entities[0]: field 'end_offset' is missing",
        ),
    ],
)
def test_doccano_bad_lines(item, message):
    assert _doccano_error(item) == message


def test_doccano_is_recognised_by_label_or_entities():
    assert looks_like({"text": "x", "entities": []})
    assert looks_like({"text": "x", "label": []})
    assert not looks_like({"text": "x"})


# --- shared ----------------------------------------------------------------------------
def test_check_names_every_allowed_kind():
    from reader.core.exchange.labelstudio import read_labelstudio

    task = {"data": {"text": TEXT}, "annotations": [{"result": [
        {"id": "r", "type": "textarea", "value": {"text": 5}}
    ]}]}  # fmt: skip
    with pytest.raises(NotesFormatError) as caught:
        read_labelstudio(Path("ls.json"), [task])
    assert str(caught.value) == (
        "ls.json: task 1: annotations[0]: result[0]: field 'value.text' must be a list or text"
    )


def test_write_folder_refuses_a_full_folder_and_foreign_files(tmp_path):
    folder = tmp_path / "out"
    write_folder(folder, {"a.txt": b"1"})
    with pytest.raises(ReaderError) as caught:
        write_folder(folder, {"a.txt": b"2"})
    assert str(caught.value) == f"{folder} exists; choose another name or allow overwriting"
    (folder / "mine.doc").write_bytes(b"keep")
    with pytest.raises(ReaderError) as caught:
        write_folder(folder, {"a.txt": b"2"}, overwrite=True)
    assert str(caught.value) == (
        f"{folder} is not a Reader export (it holds mine.doc, which Reader did not write); "
        "--force replaces only a folder Reader wrote, never files of your own: "
        "choose an empty or new folder"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "mine.doc", "reader-export.json"]


def test_write_folder_mode_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_folder(tmp_path / "out", {"a.txt": b"1"})
    finally:
        os.umask(old)
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o750


def test_write_folder_puts_the_old_folder_back_when_the_swap_fails(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    write_folder(folder, {"a.txt": b"old"})
    real = os.replace

    def failing(src, dst):
        if str(src).endswith(".part"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(export_folder.os, "replace", failing)
    with pytest.raises(ReaderError) as caught:
        write_folder(folder, {"a.txt": b"new"}, overwrite=True)
    assert str(caught.value) == f"cannot write {folder}: no space left on device"
    assert (folder / "a.txt").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
