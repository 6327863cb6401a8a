"""Marks for annotations: one format per look, and the hover text made from the note."""

from __future__ import annotations

from reader.core.notes.annotations import Annotation
from reader.ui.reading.marks import marks_for
from reader.ui.theme import LIGHT


def _note(n: int, *, tags=(), note="", annotator="", state="anchored", color="yellow"):
    return Annotation(
        f"id{n}", 1, n, n + 3, f"引文{n}" * 20, "", "", "h", color, note, annotator, state,
        tuple(tags), "t", "t",
    )  # fmt: skip


def test_hover_text_holds_quote_tags_note_and_annotator(qapp):
    (mark,) = marks_for(
        [_note(1, tags=("人物", "地点"), note="第一行\n第二行", annotator="甲")], {}, LIGHT
    )
    quote = ("引文1" * 20)[:40]
    assert mark.tooltip == f"“{quote}”\n# 人物  # 地点\n第一行\n第二行\n— 甲"
    (bare,) = marks_for([_note(2)], {}, LIGHT)
    assert bare.tooltip == f"“{('引文2' * 20)[:40]}”"
    assert (bare.id, bare.start, bare.end) == ("id2", 2, 5)


def test_orphans_have_no_mark_and_looks_share_a_format(qapp):
    notes = [_note(n) for n in range(5)] + [_note(9, state="orphaned")]
    marks = marks_for(notes, {}, LIGHT)
    assert [m.id for m in marks] == [f"id{n}" for n in range(5)]
    assert len({id(m.format) for m in marks}) == 1
    other = marks_for([_note(1, color="green"), _note(2)], {}, LIGHT)
    assert other[0].format.background() != other[1].format.background()


def test_a_tag_without_a_colour_washes_its_passage_faintly_in_the_tag_s_colour(qapp):
    from PySide6.QtGui import QColor

    from reader.ui.reading.marks import FILL_ALPHA, TAG_FILL_ALPHA
    from reader.ui.theme import DARK, tag_ink

    colours = {"人物": "#2563eb", "地点": "#16a34a"}
    for theme, dark in ((LIGHT, False), (DARK, True)):
        person, place, coloured = marks_for(
            [_note(1, tags=("人物",), color=""), _note(2, tags=("地点",), color=""),
             _note(3, tags=("人物",), color="green")],
            colours,
            theme,
        )  # fmt: skip
        wash = person.format.background().color()
        ink = QColor(tag_ink("#2563eb", dark))
        assert (wash.red(), wash.green(), wash.blue()) == (ink.red(), ink.green(), ink.blue())
        assert 0 < wash.alpha() == TAG_FILL_ALPHA[dark] < FILL_ALPHA  # fainter than a highlight
        assert place.format.background().color().rgb() != wash.rgb()  # each tag its own
        assert coloured.format.background().color().alpha() == FILL_ALPHA  # the colour wins
        assert person.format.underlineColor() == ink
