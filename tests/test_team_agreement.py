"""Agreement: κ and α checked by hand and against nltk and the krippendorff package's own
full-data computation; span F1, scope, disagreements and the CLI's JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import random

import krippendorff
import numpy as np
import pytest
from nltk.metrics.agreement import AnnotationTask

from conftest import run_reader
from reader.core.errors import ReaderError
from reader.core.team.agreement import Marks, agreement, compare
from reader.core.team.disagreements import Mark
from reader.core.team.measures import (
    Confusion,
    cohen_kappa,
    confusion,
    krippendorff_alpha,
    overlap_f1,
    span_f1,
)
from team_helpers import article_ids, mark, seeded


def _nltk(a: list[int], b: list[int]) -> AnnotationTask:
    data = [("a", i, x) for i, x in enumerate(a)] + [("b", i, x) for i, x in enumerate(b)]
    return AnnotationTask(data=data)


def test_kappa_and_alpha_by_hand():
    # 10 units: both mark 2, only a 1, only b 1, neither 6.
    a = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    b = [1, 1, 0, 1, 0, 0, 0, 0, 0, 0]
    c = confusion(a, b)
    assert c == Confusion(both=2, only_a=1, only_b=1, neither=6)
    # p_o = 8/10; each marks 3/10, so p_e = .3*.3 + .7*.7 = .58
    assert cohen_kappa(c) == pytest.approx((0.8 - 0.58) / (1 - 0.58))
    # Coincidences over n = 20 values: o(0,1) = o(1,0) = 2; n_0 = 14, n_1 = 6.
    # α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 19·4 / (2·14·6)
    assert krippendorff_alpha(c) == pytest.approx(1 - 19 * 4 / (2 * 14 * 6))


@pytest.mark.parametrize("seed", range(12))
def test_kappa_and_alpha_match_nltk_and_the_full_data(seed):
    rng = random.Random(seed)
    n = rng.randrange(5, 300)
    p = rng.random()
    a = [int(rng.random() < p) for _ in range(n)]
    b = [x if rng.random() < rng.random() else int(rng.random() < 0.5) for x in a]
    c = confusion(a, b)
    task = _nltk(a, b)
    if len(set(a) | set(b)) < 2:
        assert cohen_kappa(c) is None and krippendorff_alpha(c) is None
        return
    if len(set(a)) == 1 and len(set(b)) == 1:
        return
    assert cohen_kappa(c) == pytest.approx(task.kappa_pairwise("a", "b"))
    full = krippendorff.alpha(reliability_data=np.array([a, b]), level_of_measurement="nominal")
    assert krippendorff_alpha(c) == pytest.approx(full)
    assert krippendorff_alpha(c) == pytest.approx(task.alpha())


def test_undefined_when_neither_annotator_used_the_tag():
    c = confusion([0] * 9, [0] * 9)
    assert cohen_kappa(c) is None and krippendorff_alpha(c) is None
    assert span_f1([], []) is None and overlap_f1([], []) is None


def test_span_f1_exact_and_overlap_by_hand():
    a = [(1, 0, 5, "T"), (1, 10, 15, "T"), (1, 20, 25, "T")]
    b = [(1, 0, 5, "T"), (1, 11, 15, "T"), (1, 30, 31, "T"), (1, 20, 25, "U")]
    assert span_f1(a, b) == pytest.approx(2 * 1 / (3 + 4))
    # a's found by b: 0-5, 10-15 (overlaps 11-15) → 2/3; b's found by a: 0-5, 11-15 → 2/4
    precision, recall = 2 / 3, 2 / 4
    assert overlap_f1(a, b) == pytest.approx(2 * precision * recall / (precision + recall))


def _brute(length: int, spans: list[tuple[int, int]]) -> list[int]:
    marks = [0] * length
    for s, e in spans:
        for i in range(s, e):
            marks[i] = 1
    return marks


def test_every_character_counts_spans_one_annotator_marked_included(tmp_path):
    library = seeded(tmp_path / "lib.db")
    first = article_ids(library)[0]
    mark(library, first, [(0, 5, "人物"), (10, 20, "人物"), (40, 44, "数据")], "ann1")
    mark(library, first, [(0, 5, "人物"), (12, 20, "人物"), (60, 70, "人物")], "ann2")
    length = library.conn.execute("SELECT chars FROM articles WHERE id = ?", [first]).fetchone()[0]
    found = agreement(library)
    (pair,) = found.pairs
    assert (pair.a, pair.b, pair.articles) == ("ann1", "ann2", 1)
    a = _brute(length, [(0, 5), (10, 20)])
    b = _brute(length, [(0, 5), (12, 20), (60, 70)])
    person = pair.per_tag["人物"]
    assert person.units == length
    assert person.kappa == pytest.approx(_nltk(a, b).kappa_pairwise("a", "b"))
    assert person.alpha == pytest.approx(_nltk(a, b).alpha())
    # Dropping the characters only one annotator marked (as INCEpTION does) would differ:
    kept = [i for i in range(length) if a[i] == b[i] or not (a[i] or b[i])]
    dropped = _nltk([a[i] for i in kept], [b[i] for i in kept])
    assert person.kappa < dropped.kappa_pairwise("a", "b")
    # 数据: only ann1 marked it, so κ is 0 (not undefined, not dropped)
    assert pair.per_tag["数据"].kappa == pytest.approx(0.0)
    assert pair.per_tag["数据"].span_f1 == 0.0
    # Overall pools (character, tag) units of both tags.
    d1 = _brute(length, [(40, 44)])
    pooled = _nltk(a + d1, b + [0] * length)
    assert pair.overall.kappa == pytest.approx(pooled.kappa_pairwise("a", "b"))
    assert pair.overall.alpha == pytest.approx(pooled.alpha())
    assert pair.overall.span_f1 == pytest.approx(2 * 1 / (3 + 3))
    who = {(d.start, d.end, d.tag): (d.marked_by, d.missing) for d in found.disagreements}
    assert who == {
        (10, 20, "人物"): (("ann1",), ("ann2",)),
        (12, 20, "人物"): (("ann2",), ("ann1",)),
        (60, 70, "人物"): (("ann2",), ("ann1",)),
        (40, 44, "数据"): (("ann1",), ("ann2",)),
    }
    library.close()


def test_scope_articles_both_annotated_unless_named(tmp_path):
    library = seeded(tmp_path / "lib.db")
    first, second = article_ids(library)[:2]
    mark(library, first, [(0, 5, "T")], "ann1")
    mark(library, first, [(0, 5, "T")], "ann2")
    mark(library, second, [(0, 5, "T")], "ann1")  # ann2 never annotated the second
    (pair,) = agreement(library).pairs
    assert pair.articles == 1 and pair.overall.span_f1 == 1.0
    (named,) = agreement(library, article_ids=[first, second]).pairs
    assert named.articles == 2 and named.overall.span_f1 == pytest.approx(2 / 3)
    with pytest.raises(ReaderError, match="two annotators"):
        agreement(library, annotators=["ann1"])
    library.close()


def test_words_against_brute_force():
    words = [(0, 2), (2, 3), (3, 6), (6, 8), (8, 10)]
    marks = [
        Mark("x", 1, 1, 2, "T", "a"),  # touches word 0
        Mark("y", 1, 4, 9, "T", "a"),  # words 2, 3, 4
        Mark("z", 1, 0, 2, "T", "b"),  # word 0
        Mark("w", 1, 6, 8, "T", "b"),  # word 3
    ]
    data = Marks(marks, {1: 10}, {1: {"a", "b"}})
    (pair,) = compare(data, word_spans={1: words}).pairs
    a, b = [1, 0, 1, 1, 1], [1, 0, 0, 1, 0]
    assert pair.per_tag["T"].word_kappa == pytest.approx(_nltk(a, b).kappa_pairwise("a", "b"))
    assert pair.per_tag["T"].word_alpha == pytest.approx(_nltk(a, b).alpha())


def test_cli_json_and_csv(tmp_path):
    library = seeded(tmp_path / "lib.db")
    first = article_ids(library)[0]
    mark(library, first, [(0, 5, "人物"), (10, 20, "数据")], "ann1")
    mark(library, first, [(0, 5, "人物"), (11, 20, "数据")], "ann2")
    mark(library, first, [(0, 5, "人物")], "gold")  # a reserved layer: not an annotator
    library.close()
    out = run_reader("--library", str(tmp_path / "lib.db"), "agreement", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    (pair,) = data["pairs"]
    assert (pair["a"], pair["b"]) == ("ann1", "ann2")
    assert pair["span_f1"] == pytest.approx(2 * 1 / 4)
    assert set(pair["per_tag"]) == {"人物", "数据"}
    assert {(d["start"], d["end"]) for d in data["disagreements"]} == {(10, 20), (11, 20)}
    out = run_reader("--library", str(tmp_path / "lib.db"), "agreement", "--csv", "--tag", "人物")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["tag"] for r in rows] == ["", "人物"] and rows[1]["span_f1"] == "1.0"
    out = run_reader("--library", str(tmp_path / "lib.db"), "agreement")
    assert "ann1 × ann2" in out.stdout and "disagreements" in out.stdout
    out = run_reader(
        "--library", str(tmp_path / "lib.db"), "agreement", "--json",
        "--annotator", "ann1", "--annotator", "gold",
    )  # fmt: skip
    (pair,) = json.loads(out.stdout)["pairs"]
    assert (pair["a"], pair["b"], pair["span_f1"]) == ("ann1", "gold", pytest.approx(2 * 1 / 3))
    bad = run_reader("--library", str(tmp_path / "lib.db"), "agreement", "--article", "999")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "999" in bad.stderr
