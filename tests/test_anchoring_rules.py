"""Re-anchoring, rule by rule: each case is built so that exactly one rule decides it.

Offsets and states are worked out by hand from the texts below; see the module
docstring of reader.core.notes.anchoring for the rules.
"""

from __future__ import annotations

import pytest

from reader.core.notes.anchoring import (
    CONTEXT,
    Anchor,
    Reanchorer,
    Selector,
    _PositionMap,
    reanchor,
    selector_for,
)


def filler(n: int, seed: int = 0) -> str:
    """n CJK characters in a long non-repeating walk, none of them in 医院发展消息甲乙丙丁."""
    out = []
    i = seed
    while len(out) < n:
        ch = chr(0x4E00 + (i * 37) % 5000)
        i += 1
        if ch not in "医院发展很快的消息甲乙丙丁子丑寅卯辰巳午未":
            out.append(ch)
    return "".join(out)


def test_selector_keeps_32_characters_of_context_each_side():
    text = filler(100)
    sel = selector_for(text, 40, 45)
    assert sel == Selector(40, 45, text[40:45], text[8:40], text[45:77])
    assert len(sel.prefix) == len(sel.suffix) == CONTEXT == 32
    near_start = selector_for(text, 3, 5)
    assert (near_start.prefix, near_start.suffix) == (text[0:3], text[5:37])
    near_end = selector_for(text, 90, 98)
    assert (near_end.prefix, near_end.suffix) == (text[58:90], text[98:100])


def test_empty_quote_is_an_orphan():
    assert reanchor(Selector(2, 2, "", "ab", "cd"), "abcd") == Anchor("orphaned", 2, 2)


def test_same_offsets_with_agreeing_context_stay_anchored():
    text = "甲乙丙丁医院子丑寅卯"
    sel = selector_for(text, 4, 6)
    assert reanchor(sel, text) == Anchor("anchored", 4, 6)
    # no context stored at all: the quote in place is enough
    assert reanchor(Selector(0, 2, "医院", "", ""), "医院医院x") == Anchor("anchored", 0, 2)


def test_same_offsets_with_foreign_context_and_a_short_quote_orphan():
    sel = Selector(4, 6, "医院", "子丑寅卯", "辰巳午未")
    assert reanchor(sel, "甲乙丙丁医院戊己庚辛").state == "orphaned"
    # half the context agreeing is enough
    assert reanchor(sel, "甲乙寅卯医院辰巳庚辛") == Anchor("anchored", 4, 6)


def test_a_tie_is_never_guessed():
    # 医院 at 0 and at 6, the stored start 3 exactly between, no context to choose
    sel = Selector(3, 5, "医院", "", "")
    assert reanchor(sel, "医院abcd医院").state == "orphaned"
    # the same with context: both candidates have the same context and distance
    sel = Selector(4, 6, "医院", "甲", "乙")
    assert reanchor(sel, "甲医院乙xx甲医院乙").state == "orphaned"


def test_the_nearest_copy_wins_when_not_tied():
    sel = Selector(3, 5, "医院", "", "")
    assert reanchor(sel, "医院abc医院") == Anchor("moved", 5, 7)  # distances 3 and 2
    assert reanchor(sel, "医院ab医院") == Anchor("moved", 4, 6)  # distances 3 and 1
    assert reanchor(sel, "x医院abcdef医院") == Anchor("moved", 1, 3)  # distances 2 and 7


def test_context_outranks_distance():
    sel = Selector(2, 4, "医院", "甲乙", "丙丁")
    text = "xx医院yy" + "zzzzzz" + "甲乙医院丙丁"
    assert reanchor(sel, text) == Anchor("moved", 14, 16)


def test_several_weak_candidates_orphan_but_a_clearly_better_one_is_taken():
    sel = Selector(0, 2, "医院", "甲乙丙丁", "")
    # both candidates keep 1 of 4 context characters (score 0.25): too weak to choose
    assert reanchor(sel, "xxx丁医院yyy丁医院").state == "orphaned"
    # 0.25 against 0: weak, but 0.25 better, so taken although farther away
    assert reanchor(sel, "yyyy医院xxx丁医院") == Anchor("moved", 10, 12)


def test_a_single_copy_needs_context_or_a_long_quote():
    short = Selector(10, 12, "医院", "甲乙丙丁", "")
    assert reanchor(short, "xxxx医院yyyy").state == "orphaned"
    seven = "医院发展很快的"
    eight = "医院发展很快的消"
    assert reanchor(Selector(10, 17, seven, "甲乙丙丁", ""), "xxxx" + seven).state == "orphaned"
    assert reanchor(Selector(10, 18, eight, "甲乙丙丁", ""), "xxxx" + eight) == Anchor(
        "moved", 4, 12
    )
    # found where it was: anchored, even though step 1 refused it for its context
    assert reanchor(Selector(4, 12, eight, "甲乙丙丁", ""), "xxxx" + eight + "z") == Anchor(
        "anchored", 4, 12
    )


QUOTE = "医院发展很快的消息"


@pytest.mark.parametrize(
    "shift,tail,state",
    [
        (150, 0, "moved"),  # 150 from where the diff expects it: within 200
        (200, 0, "moved"),  # exactly 200: still near
        (260, 0, "orphaned"),  # 260: too far in a short text
        (270, 2500, "moved"),  # 270 in a 2,779-character text: within a tenth
        (290, 2500, "orphaned"),  # 290 in a 2,799-character text: beyond a tenth
    ],
)
def test_a_single_copy_must_be_near_where_the_diff_expects_it(shift, tail, state):
    before, after = filler(shift, 1), filler(tail, 2)
    old = QUOTE + before + after
    new = before + QUOTE + after
    got = reanchor(selector_for(old, 0, len(QUOTE)), new, old)
    assert got.state == state
    if state == "moved":
        assert (got.start, got.end) == (shift, shift + len(QUOTE))


def test_fuzzy_match_through_the_diff():
    head, tail = filler(40, 3), filler(40, 4)
    old = head + "党建引领医院发展" + tail
    sel = selector_for(old, 40, 48)
    edited = head + "党建引导医院发展" + tail  # one character of eight changed
    assert reanchor(sel, edited, old) == Anchor("moved", 40, 48)
    grown = head + "党建引领的医院发展" + tail  # one inserted: the span grows with it
    assert reanchor(sel, grown, old) == Anchor("moved", 40, 49)
    # without the old text there is no diff to go through
    assert reanchor(sel, edited).state == "orphaned"
    rewritten = head + "完全不同的一句话" + tail
    assert reanchor(sel, rewritten, old).state == "orphaned"
    two_left = head + "党建引领" + tail  # half of the quote deleted: too little left
    assert reanchor(sel, two_left, old).state == "orphaned"


def test_text_moved_by_an_insertion_is_found_through_the_diff():
    old = filler(60, 5) + QUOTE + filler(60, 6)
    sel = selector_for(old, 60, 60 + len(QUOTE))
    new = "新加的一句话。" + old
    assert reanchor(sel, new, old) == Anchor("moved", 67, 67 + len(QUOTE))
    reanchorer = Reanchorer(new, old)
    assert reanchorer(sel) == Anchor("moved", 67, 67 + len(QUOTE))
    assert reanchorer(sel) == reanchorer(sel)  # the diff is reused, not consumed


def test_width_swaps_are_no_change():
    old = "第一段，医院，Ａ１"
    new = "第一段,医院,A1"
    sel = selector_for(old, 4, 6)
    assert reanchor(sel, new, old) == Anchor("anchored", 4, 6)
    assert reanchor(selector_for(old, 3, 7), new, old) == Anchor("anchored", 3, 7)


def test_position_map_equal_insert_and_delete():
    inserted = _PositionMap("0123456789", "01234ab56789")
    assert [inserted.exact(o) for o in range(10)] == [0, 1, 2, 3, 4, 7, 8, 9, 10, 11]
    deleted = _PositionMap("0123456789", "012389")
    assert [deleted.exact(o) for o in range(10)] == [0, 1, 2, 3, None, None, None, None, 4, 5]
    # a deleted character maps after its nearest surviving predecessor
    assert [deleted.map(o) for o in (3, 4, 5, 7, 8)] == [3, 4, 5, 7, 4]
    assert deleted.map_span(4, 8) is None
    assert deleted.map_span(2, 6) == (2, 4)
    assert deleted.map_span(6, 9) == (4, 5)
    assert deleted.exact(10) is None and deleted.exact(-1) is None


def test_position_map_replacements():
    same_length = _PositionMap("0123456789", "012xyz6789")
    assert [same_length.exact(o) for o in range(10)] == list(range(10))
    shorter = _PositionMap("0123456789", "012xy6789")
    assert [shorter.exact(o) for o in range(3, 7)] == [3, 3, 4, 5]
    longer = _PositionMap("0123456789", "012wxyz6789")
    assert [longer.exact(o) for o in range(3, 7)] == [3, 4, 5, 7]


def test_position_map_of_a_deleted_start():
    gone = _PositionMap("xy0123", "0123")
    assert [gone.exact(o) for o in range(6)] == [None, None, 0, 1, 2, 3]
    assert gone.map(0) == 0 and gone.map(1) == 0
    assert gone.map_span(0, 3) == (0, 1)
    grown = _PositionMap("aaa", "aaaa")
    assert [grown.exact(o) for o in range(3)] == [0, 1, 2]


def test_fuzzy_thresholds_are_inclusive():
    head, tail = filler(40, 3), filler(40, 4)
    old = head + "党建引领医院发展" + tail
    sel = selector_for(old, 40, 48)
    # two of eight characters changed: similarity 2*6/16 = 0.75, the threshold itself
    two_changed = head + "党建引X医院发Y" + tail
    assert reanchor(sel, two_changed, old) == Anchor("moved", 40, 48)
    three_changed = head + "党建引X医Z发Y" + tail
    assert reanchor(sel, three_changed, old).state == "orphaned"
    # the 32 characters before it replaced by letters, the 32 after kept: context 0.5
    letters = "abcdefghijklmnopqrstuvwxyzabcdef"
    half_context = head[:8] + letters + "党建引导医院发展" + tail
    assert reanchor(sel, half_context, old) == Anchor("moved", 40, 48)
    less = head[:8] + letters + "党建引导医院发展" + "x" + tail[1:]
    assert reanchor(sel, less, old).state == "orphaned"


def test_position_map_of_deleted_offsets_steps_back_one_at_a_time():
    # c moved one on by the inserted Z; d deleted: it maps just after c
    assert _PositionMap("abcdef", "abZcef").map(3) == 4
    # b, c and d deleted: c is two after a, the first survivor before it
    assert _PositionMap("abcdef", "aef").map(2) == 2
    # a span whose last character was deleted ends after the last surviving one
    assert _PositionMap("abcdef", "abcef").map_span(0, 4) == (0, 3)
    assert _PositionMap("abcdef", "abcef").map_span(1, 5) == (1, 4)


def test_the_suffix_alone_can_decide():
    sel = Selector(2, 4, "医院", "", "丙丁")
    text = "xx医院yy" + "zzzzzz" + "甲乙医院丙丁"
    assert reanchor(sel, text) == Anchor("moved", 14, 16)


def test_distance_is_measured_from_where_the_diff_expects_it():
    old = "abc医院def"
    new = "医院xxxxxxxxxxabc医院def"  # twelve characters inserted before
    # no stored context: the copy at 15, where the diff carries offset 3, not the one at 0
    assert reanchor(Selector(3, 5, "医院", "", ""), new, old) == Anchor("moved", 15, 17)


def test_every_copy_is_a_candidate_overlapping_ones_too():
    sel = Selector(8, 10, "医院", "", "")
    assert reanchor(sel, "医院abcde医院fghij医院") == Anchor("moved", 7, 9)  # the middle one
    assert reanchor(Selector(2, 4, "哈哈", "", ""), "哈哈哈x") == Anchor("moved", 1, 3)


def test_context_thresholds_are_inclusive():
    # one candidate, half its context: taken
    sel = Selector(10, 12, "医院", "甲乙", "丙丁")
    assert reanchor(sel, "xx甲乙医院yyyy") == Anchor("moved", 4, 6)
    # two candidates, the better with exactly half its context: taken, not a weak guess
    sel = Selector(20, 22, "医院", "甲乙丙丁", "子丑寅卯")
    text = "甲乙丙丁医院yyyy" + "x乙丙丁医院zzzz"
    assert reanchor(sel, text) == Anchor("moved", 4, 6)
    # one more: distance 201 from where the diff expects it is too far in a short text
    before = filler(201, 1)
    old = QUOTE + before
    assert reanchor(selector_for(old, 0, len(QUOTE)), before + QUOTE, old).state == "orphaned"


def test_no_text_before_a_candidate_is_no_context():
    assert reanchor(Selector(10, 12, "医院", "甲乙丙丁", ""), "医院xxxx").state == "orphaned"


def test_same_offsets_with_half_the_context_stay_even_beside_a_better_copy():
    sel = Selector(4, 6, "医院", "子丑寅卯", "辰巳午未")
    text = "甲乙寅卯医院辰巳庚辛" + "x丑寅卯医院辰巳午x"
    assert reanchor(sel, text) == Anchor("anchored", 4, 6)
    assert reanchor(sel, text, text) == Anchor("anchored", 4, 6)
    # without the quote in place, the better copy wins
    assert reanchor(Selector(4, 6, "医院", "子丑寅卯", "辰巳午未"), "甲乙寅卯x院" + text[6:]) == (
        Anchor("moved", 14, 16)
    )


def test_a_long_quote_of_few_distinct_characters_still_resembles():
    # 300 characters from a ten-character alphabet: every character is "popular"
    quote = "".join("党建引领医院发展工会"[(i * 7) % 10] for i in range(300))
    head, tail = filler(40, 3), filler(40, 4)
    old = head + quote + tail
    edited = head + quote[:150] + "改" + quote[151:] + tail
    got = reanchor(selector_for(old, 40, 340), edited, old)
    assert got == Anchor("moved", 40, 340)
