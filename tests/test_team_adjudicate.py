"""Adjudication: --auto fills gold with what all agree on; accept / edit / reject settle the
rest, each one undoable annotation write; gold exports like any other layer."""

from __future__ import annotations

import json

import pytest

from conftest import run_reader
from reader.core.errors import ReaderError
from reader.core.exchange.exporting import FORMATS, ExportFilter, collect, write_export
from reader.core.notes import annotations as notes
from reader.core.team import GOLD, REJECTED
from reader.core.team.adjudicate import accept, auto_adjudicate, edit, reject, remaining
from team_helpers import article_ids, mark, seeded


@pytest.fixture
def disputed(tmp_path):
    library = seeded(tmp_path / "lib.db")
    first = article_ids(library)[0]
    mark(library, first, [(0, 5, "人物"), (10, 20, "数据"), (30, 40, "地点")], "ann1")
    mark(library, first, [(0, 5, "人物"), (11, 20, "数据"), (50, 55, "人物")], "ann2")
    mark(library, first, [(0, 5, "人物"), (10, 20, "数据"), (50, 55, "人物")], "ann3")
    yield library, first
    library.close()


def _gold(library):
    return sorted(
        (a.start, a.end, a.tags) for a in notes.all_annotations(library) if a.annotator == GOLD
    )


def test_auto_writes_only_what_everyone_marked(disputed):
    library, first = disputed
    written = auto_adjudicate(library, first)
    assert [(a.start, a.end, a.tags, a.annotator) for a in written] == [(0, 5, ("人物",), GOLD)]
    assert auto_adjudicate(library, first) == []  # nothing twice
    assert _gold(library) == [(0, 5, ("人物",))]
    left = {(d.start, d.end, d.tag): d.marked_by for d in remaining(library, first)}
    assert left == {
        (10, 20, "数据"): ("ann1", "ann3"),
        (11, 20, "数据"): ("ann2",),
        (30, 40, "地点"): ("ann1",),
        (50, 55, "人物"): ("ann2", "ann3"),
    }


def test_accept_edit_reject_each_one_undoable_write(disputed):
    library, first = disputed
    auto_adjudicate(library, first)
    by_span = {(d.start, d.end, d.tag): d for d in remaining(library, first)}
    chosen = by_span[(10, 20, "数据")]
    gold = accept(library, chosen.annotation_ids[0])
    assert (gold.start, gold.end, gold.tags, gold.annotator) == (10, 20, ("数据",), GOLD)
    assert accept(library, chosen.annotation_ids[0]) == gold  # the same decision again
    left = {(d.start, d.end) for d in remaining(library, first)}
    assert (10, 20) not in left and (11, 20) not in left  # the overlapping version is settled
    rejected = reject(library, by_span[(30, 40, "地点")])
    assert rejected.annotator == REJECTED
    edited = edit(library, first, 49, 55, ["人物"], note="扩大")
    assert edited.annotator == GOLD and edited.note == "扩大"
    assert remaining(library, first) == []
    # undo = delete what was written; the disagreement comes back
    notes.delete(library, [rejected.id])
    assert [(d.start, d.end) for d in remaining(library, first)] == [(30, 40)]
    notes.restore(library, [rejected])
    assert remaining(library, first) == []
    # the annotators' own work is untouched
    assert len([a for a in notes.all_annotations(library) if a.annotator.startswith("ann")]) == 9


def test_refusals(disputed, tmp_path):
    library, first = disputed
    gold = auto_adjudicate(library, first)[0]
    with pytest.raises(ReaderError, match="already gold"):
        accept(library, gold.id)
    with pytest.raises(ReaderError, match="no tag"):
        accept(library, notes.for_article(library, first)[0].id, tags=["无此"])
    with pytest.raises(ReaderError, match="needs a tag"):
        edit(library, first, 1, 3, [])
    second = article_ids(library)[1]
    mark(library, second, [(0, 5, "T")], "ann1")
    with pytest.raises(ReaderError, match="two annotators"):
        auto_adjudicate(library, second)


def test_cli_auto_and_export_gold_in_every_format(disputed, tmp_path):
    library, first = disputed
    path = str(library.path)
    out = run_reader("--library", path, "adjudicate", "--article", str(first), "--auto")
    assert out.returncode == 0, out.stderr
    assert "1 agreed spans written to gold" in out.stdout
    assert "4 disagreements left" in out.stdout
    out = run_reader("--library", path, "adjudicate", "--article", str(first), "--json")
    data = json.loads(out.stdout)
    assert data["gold_written"] == [] and len(data["disagreements"]) == 4
    out = run_reader("--library", path, "export", "--format", "jsonl", "--annotator", GOLD)
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    notes_out = [x for x in lines if x["type"] == "reader-annotation"]
    assert [(x["start"], x["end"], x["annotator"]) for x in notes_out] == [(0, 5, GOLD)]
    items = collect(library, ExportFilter(annotators=(GOLD,)))
    assert [n.annotation.annotator for item in items for n in item.notes] == [GOLD]
    for fmt in FORMATS:
        write_export(tmp_path / f"gold-{fmt}", fmt, items)
        assert (tmp_path / f"gold-{fmt}").exists()
    none = run_reader("--library", path, "export", "--format", "csv", "--annotator", "无人")
    assert none.returncode == 1 and "annotator 无人" in none.stderr
