"""reader merge: another annotator's library (read-only) or export; annotators kept,
ids never overwritten across annotators, re-merging is idempotent."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from conftest import run_reader
from reader.core.errors import ReaderError
from reader.core.exchange.exporting import ExportFilter, collect, write_export
from reader.core.notes import annotations as notes
from reader.core.team.merge import merge
from team_helpers import article_ids, mark, seeded


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(library):
    return sorted(
        (a.annotator, a.article_id, a.start, a.end, a.tags, a.note)
        for a in notes.all_annotations(library)
    )


@pytest.fixture
def two(tmp_path):
    ours = seeded(tmp_path / "ours.db")
    first = article_ids(ours)[0]
    mark(ours, first, [(0, 5, "人物"), (10, 20, "数据")], "ann1")
    ours.close()
    shutil.copy(tmp_path / "ours.db", tmp_path / "theirs.db")  # same ids as ours
    theirs = seeded(tmp_path / "theirs.db")
    # their annotator rewrote the shared annotations as theirs, same ids
    theirs.conn.execute("UPDATE annotations SET annotator = 'ann2', note = '他的'")
    mark(theirs, first, [(30, 40, "地点")], "ann2")
    theirs.close()
    return tmp_path / "ours.db", tmp_path / "theirs.db"


def test_merge_a_library_read_only_keeping_both_annotators(two):
    ours_path, theirs_path = two
    before = _digest(theirs_path)
    from reader.core.library.store import open_library

    with open_library(ours_path) as ours:
        summary = merge(ours, theirs_path)
        assert (summary.merged, summary.present, summary.renumbered) == (3, 0, 2)
        rows = _rows(ours)
        assert [r for r in rows if r[0] == "ann1"] == [
            ("ann1", 1, 0, 5, ("人物",), ""),
            ("ann1", 1, 10, 20, ("数据",), ""),
        ]
        assert len([r for r in rows if r[0] == "ann2"]) == 3
        again = merge(ours, theirs_path)
        assert (again.merged, again.updated, again.present) == (0, 0, 3)
        assert _rows(ours) == rows
    assert _digest(theirs_path) == before  # never written


def test_newer_version_of_the_same_annotators_own_annotation_updates(two, tmp_path):
    ours_path, theirs_path = two
    from reader.core.library.store import open_library

    with open_library(ours_path) as ours:
        merge(ours, theirs_path)
    with open_library(theirs_path) as theirs:
        target = next(a for a in notes.all_annotations(theirs) if a.tags == ("地点",))
        notes.update(theirs, target.id, note="改了")
    with open_library(ours_path) as ours:
        summary = merge(ours, theirs_path)
        assert (summary.merged, summary.updated, summary.present) == (0, 1, 2)
        assert notes.get(ours, target.id).note == "改了"


def test_merge_an_export_needs_a_name_when_it_has_none(two, tmp_path):
    ours_path, theirs_path = two
    from reader.core.library.store import open_library

    export = tmp_path / "theirs.jsonl"
    with open_library(theirs_path) as theirs:
        write_export(export, "jsonl", collect(theirs, ExportFilter()))
    lines = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if "annotator" in line:
            line["annotator"] = ""
    export.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    out = run_reader("--library", str(ours_path), "merge", str(export))
    assert out.returncode == 2 and "--as NAME" in out.stderr and out.stderr.count("\n") == 1
    with open_library(ours_path) as ours:
        assert len(notes.all_annotations(ours)) == 2  # nothing written
    out = run_reader("--library", str(ours_path), "merge", str(export), "--as", "丙")
    assert out.returncode == 0, out.stderr
    assert "3 merged" in out.stdout and "0 unmatched articles" in out.stdout
    out = run_reader("--library", str(ours_path), "merge", str(export), "--as", "丙")
    assert "0 merged" in out.stdout and "3 already present" in out.stdout
    with open_library(ours_path) as ours:
        assert sorted(notes.annotators(ours)) == ["ann1", "丙"]
    with pytest.raises(ReaderError, match="reserved"), open_library(ours_path) as ours:
        merge(ours, export, as_name="gold")


def test_merge_label_studio_keeps_its_annotator_and_counts_unmatched(two, tmp_path):
    ours_path, theirs_path = two
    from reader.core.library.store import open_library

    export = tmp_path / "ls.json"
    with open_library(theirs_path) as theirs:
        write_export(export, "labelstudio", collect(theirs, ExportFilter()))
    tasks = json.loads(export.read_text(encoding="utf-8"))
    extra = json.loads(json.dumps(tasks[0]))
    extra["data"]["text"] = "一篇这里没有的文章，讲的是别的事情。" * 3
    extra["data"]["title"] = "别的文章"
    extra["data"].pop("reader", None)
    extra["annotations"] = [
        {
            "id": 9,
            "completed_by": 7,
            "result": [
                {
                    "id": "r1",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": 0, "end": 2, "text": "一篇", "labels": ["X"]},
                }
            ],
        }
    ]
    export.write_text(json.dumps([*tasks, extra], ensure_ascii=False), encoding="utf-8")
    with open_library(ours_path) as ours:
        summary = merge(ours, export)
        assert summary.unmatched_articles == 1 and summary.unmatched_annotations == 1
        assert summary.merged == 3
        assert "ann2" in notes.annotators(ours)


def test_refuses_itself_and_a_sqlite_file_that_is_no_library(two, tmp_path):
    ours_path, _ = two
    import sqlite3

    other = tmp_path / "plain.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    out = run_reader("--library", str(ours_path), "merge", str(other))
    assert out.returncode == 2 and "not a Reader library" in out.stderr
    out = run_reader("--library", str(ours_path), "merge", str(ours_path))
    assert out.returncode == 2 and "into itself" in out.stderr


def test_matched_by_title_when_the_text_hash_differs_and_w3c_works_too(two, tmp_path):
    ours_path, theirs_path = two
    from reader.core.library.store import open_library

    export = tmp_path / "theirs.jsonl"
    w3c = tmp_path / "theirs.jsonld"
    with open_library(theirs_path) as theirs:
        items = collect(theirs, ExportFilter())
        write_export(export, "jsonl", items)
        write_export(w3c, "w3c", items)
    lines = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if line["type"] == "reader-annotation":
            line["article"]["text_hash"] = "0" * 64  # another version of the text
    export.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    with open_library(ours_path) as ours:
        summary = merge(ours, export)
        assert (summary.merged, summary.unmatched_articles, summary.orphaned) == (3, 0, 0)
        again = merge(ours, w3c)  # the same annotations, another format: already present
        assert (again.merged, again.present) == (0, 3)
        theirs_rows = [r for r in _rows(ours) if r[0] == "ann2"]
        assert [r[2:5] for r in theirs_rows] == [
            (0, 5, ("人物",)),
            (10, 20, ("数据",)),
            (30, 40, ("地点",)),
        ]
