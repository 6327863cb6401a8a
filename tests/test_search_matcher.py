"""The confirmation matcher: every (overlapping) occurrence a plain fold-and-find gives,
in either fold, found by scanning for the first character then looking ahead."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.folding import anchored_matcher, fold, matcher

# Latin in both widths and cases, a Traditional/Simplified pair (會/会), a repeat-prone
# character (岩), an ideographic space, and a line break
ALPHABET = "aAａＡb會会岩\u3000 \n"


def plain(text: str, term: str, variants: bool) -> list[int]:
    folded = fold(text, variants=variants)
    starts, at = [], folded.find(term)
    while at != -1:
        starts.append(at)
        at = folded.find(term, at + 1)
    return starts


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=40),
    query=st.text(alphabet=ALPHABET.replace("\n", ""), min_size=1, max_size=4),
    variants=st.booleans(),
)
def test_matcher_finds_what_fold_and_find_find(text, query, variants):
    term = fold(query, variants=variants)
    found = [m.start() for m in matcher(term, variants=variants).finditer(text)]
    assert found == plain(text, term, variants)


def test_overlapping_and_bounded_occurrences():
    rx = matcher("aa")
    assert [m.start() for m in rx.finditer("aAａaX")] == [0, 1, 2]
    assert rx.search("xaa", 0, 2) is None  # the look-ahead stops at the end given
    assert [m.start() for m in matcher("会", variants=True).finditer("會会")] == [0, 1]
    assert [m.start() for m in matcher("会").finditer("會会")] == [1]


def test_the_pattern_starts_with_the_first_character_not_a_look_ahead():
    # a leading look-ahead makes the engine try it at every position (nine times slower)
    assert matcher("红岩村").pattern.startswith("红")
    assert matcher("会议", variants=True).pattern.startswith("[")


# and full- and half-width commas (a punctuation class), a full stop with no other form,
# a character with none (距), and 律 with its compatibility ideograph (U+F9D8): the
# anchor's every choice, and texts with and without an anchor's other forms
ANCHORS = ALPHABET + "，,。距律\uf9d8"


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet=ANCHORS, max_size=40),
    query=st.text(alphabet=ANCHORS.replace("\n", ""), min_size=1, max_size=5),
    variants=st.booleans(),
)
def test_the_anchored_matcher_finds_what_fold_and_find_find(text, query, variants):
    term = fold(query, variants=variants)
    finder = anchored_matcher(term, variants=variants)
    want = plain(text, term, variants)
    for rx in (finder.pattern, finder.for_text(text)):
        assert [m.start() - finder.lead for m in rx.finditer(text)] == want


def test_the_anchor_is_a_character_with_one_form_else_no_punctuation():
    finder = anchored_matcher(fold("，距离", variants=True), variants=True)
    assert finder.lead == 1 and finder.pattern.pattern.startswith("距")  # 离 has 離
    finder = anchored_matcher(fold("，會", variants=True), variants=True)
    assert finder.lead == 1 and finder.pattern.pattern.startswith("[")  # 会 has 會
    assert anchored_matcher(fold("，。", variants=True), variants=True).lead == 0
    assert anchored_matcher("岩村", variants=True).lead == 1


def test_a_text_without_the_anchor_s_other_forms_is_scanned_for_one_literal():
    finder = anchored_matcher("律师", variants=True)  # 律 has U+F9D8, 师 has 師
    assert finder.plain is not None and finder.plain.pattern[0] in "律师"
    assert finder.for_text("律师事务所") is finder.plain
    assert finder.others == ("師",) and finder.plain.pattern[0] == "师"
    assert finder.for_text("律師事务所") is finder.pattern  # an other form: the class
    assert anchored_matcher("距", variants=True).plain is None  # one form: a literal already


def test_an_anchored_search_between_bounds_finds_only_hits_inside_them():
    finder = anchored_matcher(fold("，岩", variants=True), variants=True)
    rx, lead = finder.pattern, finder.lead
    text = "甲，岩乙，岩"
    assert rx.search(text, 2 + lead, 6).start() - lead == 4
    assert rx.search(text, 2 + lead, 5) is None  # the one at 1 starts before the bound
    assert rx.search(text, 1 + lead, 3).start() - lead == 1
