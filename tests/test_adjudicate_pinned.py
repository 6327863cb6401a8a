"""Adjudication, pinned in-process: the exact gold and rejected annotations each decision
writes (span, tags, note, colour, annotator, stable id) and what ``remaining`` lists after
each one."""

from __future__ import annotations

import uuid

import pytest

from reader.core.errors import ReaderError
from reader.core.notes import annotations as notes
from reader.core.team import GOLD, REJECTED
from reader.core.team.adjudicate import accept, auto_adjudicate, edit, reject, remaining
from team_helpers import article_ids, seeded

# Gold ids are uuid5 of the decision in this namespace: written once, stable across runs,
# so the same decision made again finds what it wrote the first time.
NAMESPACE = uuid.UUID("0b7f8f0e-5d0a-4f55-a0a2-6c1f3e9b7d21")


def _id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


@pytest.fixture
def lib(tmp_path):
    library = seeded(tmp_path / "lib.db")
    yield library, article_ids(library)[0]
    library.close()


def _left(library, article):
    return [(d.start, d.end, d.tag, d.marked_by) for d in remaining(library, article)]


def _layer(library, who):
    return sorted(
        (a.start, a.end, a.tags, a.note, a.color)
        for a in notes.all_annotations(library)
        if a.annotator == who
    )


def test_accept_copies_span_tags_note_and_colour_into_gold(lib):
    library, first = lib
    source = notes.create(
        library, first, 3, 9, color="pink", tags=["人物", "地点"], note="看这里", annotator="ann1"
    )
    notes.create(library, first, 20, 24, tags=["人物"], annotator="ann2")
    assert _left(library, first) == [
        (3, 9, "人物", ("ann1",)),
        (3, 9, "地点", ("ann1",)),
        (20, 24, "人物", ("ann2",)),
    ]
    gold = accept(library, source.id)
    assert gold.id == _id("accept", source.id, "人物", "地点")
    assert (gold.article_id, gold.start, gold.end) == (first, 3, 9)
    assert (gold.tags, gold.note, gold.color, gold.annotator) == (
        ("人物", "地点"),
        "看这里",
        "pink",
        GOLD,
    )
    assert notes.get(library, gold.id) == gold
    assert _left(library, first) == [(20, 24, "人物", ("ann2",))]
    # the same decision again: the very annotation written the first time
    assert accept(library, source.id) == gold
    assert _layer(library, GOLD) == [(3, 9, ("人物", "地点"), "看这里", "pink")]


def test_accepting_one_tag_is_its_own_decision(lib):
    library, first = lib
    source = notes.create(library, first, 3, 9, color="teal", tags=["A", "B"], annotator="ann1")
    notes.create(library, first, 30, 31, tags=["A"], annotator="ann2")
    only_b = accept(library, source.id, tags=["B"])
    assert only_b.id == _id("accept", source.id, "B")
    assert (only_b.tags, only_b.color, only_b.annotator) == (("B",), "teal", GOLD)
    assert _left(library, first) == [(3, 9, "A", ("ann1",)), (30, 31, "A", ("ann2",))]
    both = accept(library, source.id)
    assert both.id == _id("accept", source.id, "A", "B") != only_b.id
    assert _layer(library, GOLD) == [(3, 9, ("A", "B"), "", "teal"), (3, 9, ("B",), "", "teal")]
    assert _left(library, first) == [(30, 31, "A", ("ann2",))]


def test_accept_and_edit_of_the_same_span_are_different_decisions(lib):
    library, first = lib
    source = notes.create(library, first, 5, 8, tags=["T"], annotator="ann1")
    notes.create(library, first, 40, 42, tags=["T"], annotator="ann2")
    edited = edit(library, first, 5, 8, ["T"], note="改", color="blue")
    assert edited.id == _id("edit", first, 5, 8, "T")
    assert (edited.start, edited.end, edited.tags, edited.note, edited.color) == (
        5,
        8,
        ("T",),
        "改",
        "blue",
    )
    assert edited.annotator == GOLD
    accepted = accept(library, source.id)
    assert accepted.id == _id("accept", source.id, "T") != edited.id
    assert (accepted.note, accepted.color) == ("", None)
    assert _layer(library, GOLD) == [(5, 8, ("T",), "", None), (5, 8, ("T",), "改", "blue")]


def test_edit_writes_gold_over_a_corrected_span_with_its_colour(lib):
    library, first = lib
    notes.create(library, first, 10, 20, tags=["数据"], annotator="ann1")
    notes.create(library, first, 11, 20, tags=["数据"], annotator="ann2")
    assert _left(library, first) == [(10, 20, "数据", ("ann1",)), (11, 20, "数据", ("ann2",))]
    gold = edit(library, first, 9, 21, ["数据", "新"], note="两者都不对", color="orange")
    assert gold.id == _id("edit", first, 9, 21, "数据", "新")
    assert (gold.start, gold.end, gold.tags) == (9, 21, ("数据", "新"))
    assert (gold.note, gold.color, gold.annotator) == ("两者都不对", "orange", GOLD)
    assert _left(library, first) == []
    # the tags sorted make the id: the same edit with its tags in another order is found again
    assert edit(library, first, 9, 21, ["新", "数据"], note="x", color="grey") == gold
    assert _layer(library, GOLD) == [(9, 21, ("数据", "新"), "两者都不对", "orange")]


def test_reject_stores_each_disagreement_in_the_rejected_layer(lib):
    library, first = lib
    notes.create(library, first, 10, 20, tags=["A"], annotator="ann1")
    notes.create(library, first, 10, 25, tags=["A"], annotator="ann2")
    notes.create(library, first, 11, 20, tags=["A"], annotator="ann2")
    notes.create(library, first, 10, 20, tags=["B"], annotator="ann2")
    notes.create(library, first, 60, 61, tags=["A"], annotator="ann2")
    found = {(d.start, d.end, d.tag): d for d in remaining(library, first)}
    assert sorted(found) == [
        (10, 20, "A"),
        (10, 20, "B"),
        (10, 25, "A"),
        (11, 20, "A"),
        (60, 61, "A"),
    ]
    written = []
    for key in [(10, 20, "A"), (10, 25, "A"), (11, 20, "A"), (10, 20, "B")]:
        d = found[key]
        rejected = reject(library, d)
        assert rejected.id == _id("reject", first, d.start, d.end, d.tag)
        assert (rejected.start, rejected.end, rejected.tags) == (d.start, d.end, (d.tag,))
        assert (rejected.annotator, rejected.note, rejected.color) == (REJECTED, "", None)
        written.append(rejected.id)
    assert len(set(written)) == 4  # four disagreements, four rejections
    assert _layer(library, REJECTED) == [
        (10, 20, ("A",), "", None),
        (10, 20, ("B",), "", None),
        (10, 25, ("A",), "", None),
        (11, 20, ("A",), "", None),
    ]
    assert _layer(library, GOLD) == []
    assert _left(library, first) == [(60, 61, "A", ("ann2",))]
    again = reject(library, found[(10, 20, "A")])
    assert again.id == written[0]
    assert len(_layer(library, REJECTED)) == 4


def test_remaining_after_each_decision(lib):
    library, first = lib
    a1 = notes.create(library, first, 0, 5, tags=["人物"], annotator="ann1")
    notes.create(library, first, 0, 5, tags=["人物"], annotator="ann2")
    b1 = notes.create(library, first, 10, 20, tags=["数据"], annotator="ann1")
    notes.create(library, first, 30, 40, tags=["地点"], annotator="ann2")
    notes.create(library, first, 50, 55, tags=["人物"], annotator="ann2")
    assert _left(library, first) == [
        (10, 20, "数据", ("ann1",)),
        (30, 40, "地点", ("ann2",)),
        (50, 55, "人物", ("ann2",)),
    ]
    written = auto_adjudicate(library, first)
    assert [(a.id, a.start, a.end, a.tags, a.annotator, a.note, a.color) for a in written] == [
        (_id("auto", first, 0, 5, "人物"), 0, 5, ("人物",), GOLD, "", None)
    ]
    assert len(_left(library, first)) == 3
    accept(library, b1.id)
    assert _left(library, first) == [(30, 40, "地点", ("ann2",)), (50, 55, "人物", ("ann2",))]
    reject(library, remaining(library, first)[0])
    assert _left(library, first) == [(50, 55, "人物", ("ann2",))]
    edit(library, first, 52, 53, ["人物"])  # overlapping, same tag: settled
    assert _left(library, first) == []
    assert auto_adjudicate(library, first) == []
    assert _layer(library, GOLD) == [
        (0, 5, ("人物",), "", None),
        (10, 20, ("数据",), "", None),
        (52, 53, ("人物",), "", None),
    ]
    assert _layer(library, REJECTED) == [(30, 40, ("地点",), "", None)]
    assert notes.get(library, a1.id).annotator == "ann1"  # the annotators' work is untouched


def test_a_gold_span_with_another_tag_settles_nothing(lib):
    library, first = lib
    notes.create(library, first, 10, 20, tags=["数据"], annotator="ann1")
    notes.create(library, first, 0, 1, tags=["数据"], annotator="ann2")
    edit(library, first, 10, 20, ["别的"])
    assert _left(library, first) == [(0, 1, "数据", ("ann2",)), (10, 20, "数据", ("ann1",))]


def test_auto_writes_every_agreed_tag_of_a_span_in_one_annotation(lib):
    library, first = lib
    for who in ("ann1", "ann2", "ann3"):
        notes.create(library, first, 4, 8, tags=["乙", "甲"], annotator=who)
    notes.create(library, first, 12, 14, tags=["甲"], annotator="ann1")
    notes.create(library, first, 12, 14, tags=["甲"], annotator="ann2")
    written = auto_adjudicate(library, first)
    assert [(a.id, a.start, a.end, a.tags) for a in written] == [
        (_id("auto", first, 4, 8, "乙", "甲"), 4, 8, ("乙", "甲"))
    ]
    assert _left(library, first) == [(12, 14, "甲", ("ann1", "ann2"))]


def test_accept_refuses_an_orphaned_annotation_in_plain_words(lib):
    library, first = lib
    lost = notes.create(library, first, 3, 9, tags=["T"], annotator="ann1")
    with library.transaction() as conn:
        conn.execute("UPDATE annotations SET state = 'orphaned' WHERE id = ?", [lost.id])
    with pytest.raises(ReaderError) as caught:
        accept(library, lost.id)
    assert str(caught.value) == "this annotation has lost its passage; re-attach it first"
    assert _layer(library, GOLD) == []
