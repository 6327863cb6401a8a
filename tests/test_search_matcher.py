"""The confirmation matcher: every (overlapping) occurrence a plain fold-and-find gives,
in either fold, found by scanning for the first character then looking ahead."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.folding import fold, matcher

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
