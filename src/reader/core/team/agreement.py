"""Agreement between annotators, per pair, per tag and overall, over a set of articles.

Which articles count for a pair: those named (then an annotator's silence in one
is a "no" on every unit), else those both annotators annotated. Within them,
every character counts (and with ``words``, every jieba word: a word is marked
with a tag when a span with that tag touches it). Orphaned annotations (no
passage) and untagged highlights are left out; the reserved layers
(:data:`~reader.core.team.GOLD`, :data:`~reader.core.team.REJECTED`) and
annotations without an annotator are left out unless ``annotators`` names them.

Overall κ and α pool the (unit, tag) pairs of every tag: a character is one
binary unit per tag, so a character two tags mark is judged on each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from reader.core.errors import NotFoundError, ReaderError
from reader.core.library.article_text import text_of
from reader.core.library.store import Library
from reader.core.team import RESERVED
from reader.core.team.disagreements import Disagreement, Mark, find_disagreements
from reader.core.team.measures import (
    Confusion,
    Span,
    cohen_kappa,
    confusion,
    krippendorff_alpha,
    overlap_counts,
    overlap_f1_of,
    span_f1,
)


@dataclass(frozen=True)
class Scores:
    span_f1: float | None
    overlap_f1: float | None
    kappa: float | None
    alpha: float | None
    a_spans: int
    b_spans: int
    units: int
    word_kappa: float | None = None
    word_alpha: float | None = None

    def as_dict(self, words: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "span_f1": self.span_f1,
            "overlap_f1": self.overlap_f1,
            "kappa": self.kappa,
            "alpha": self.alpha,
            "a_spans": self.a_spans,
            "b_spans": self.b_spans,
            "units": self.units,
        }
        if words:
            out |= {"word_kappa": self.word_kappa, "word_alpha": self.word_alpha}
        return out


@dataclass(frozen=True)
class PairAgreement:
    a: str
    b: str
    articles: int
    overall: Scores
    per_tag: dict[str, Scores]


@dataclass(frozen=True)
class Agreement:
    annotators: tuple[str, ...]
    tags: tuple[str, ...]
    pairs: list[PairAgreement]
    disagreements: list[Disagreement] = field(default_factory=list)
    words: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "tags": list(self.tags),
            "pairs": [
                {
                    "a": p.a,
                    "b": p.b,
                    "articles": p.articles,
                    **p.overall.as_dict(self.words),
                    "per_tag": {t: s.as_dict(self.words) for t, s in p.per_tag.items()},
                }
                for p in self.pairs
            ],
            "disagreements": [d.as_dict() for d in self.disagreements],
        }


@dataclass(frozen=True)
class Marks:
    """What agreement reads from a library."""

    marks: list[Mark]
    lengths: dict[int, int]  # article id → characters
    present: dict[int, set[str]]  # article id → annotators with any (anchored) annotation there


def load_marks(library: Library, article_ids: Sequence[int] = ()) -> Marks:
    """Every tag of every anchored annotation (of the named articles, else all)."""
    where, params = "n.state != 'orphaned'", []
    if article_ids:
        ids = list(dict.fromkeys(article_ids))
        known = {
            r[0]
            for r in library.conn.execute(
                f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids
            )
        }
        missing = [i for i in ids if i not in known]
        if missing:
            raise NotFoundError(f"no article with id {missing[0]}")
        where += f" AND n.article_id IN ({','.join('?' * len(ids))})"
        params = ids
    marks: list[Mark] = []
    present: dict[int, set[str]] = {i: set() for i in article_ids}
    for annotation_id, article_id, start, end, annotator, quote, tag in library.conn.execute(
        'SELECT n.id, n.article_id, n.start, n."end", n.annotator, n.quote, t.name '
        "FROM annotations n LEFT JOIN annotation_tags x ON x.annotation_id = n.id "
        f"LEFT JOIN tags t ON t.id = x.tag_id WHERE {where}",
        params,
    ):
        present.setdefault(article_id, set()).add(annotator)
        if tag is not None and end > start:
            marks.append(Mark(annotation_id, article_id, start, end, tag, annotator, quote))
    lengths = {
        int(i): int(n)
        for i, n in library.conn.execute("SELECT id, chars FROM articles")
        if i in present
    }
    return Marks(marks, lengths, present)


def agreement(
    library: Library,
    *,
    article_ids: Sequence[int] = (),
    tags: Sequence[str] = (),
    annotators: Sequence[str] | None = None,
    words: bool = False,
) -> Agreement:
    """Agreement in ``library``: see :func:`compare`. ``words`` loads jieba (slow)."""
    data = load_marks(library, article_ids)
    word_spans: dict[int, list[tuple[int, int]]] | None = None
    if words:
        from reader.core.notes.words import word_spans as cut

        word_spans = {}
        for i in data.lengths:
            word_spans[i] = cut(text_of(library.conn, i) or "")
    return compare(
        data,
        tags=tags,
        annotators=annotators,
        explicit=bool(article_ids),
        word_spans=word_spans,
    )


def compare(
    data: Marks,
    *,
    tags: Sequence[str] = (),
    annotators: Sequence[str] | None = None,
    explicit: bool = False,
    word_spans: Mapping[int, Sequence[tuple[int, int]]] | None = None,
) -> Agreement:
    """Agreement of every pair of ``annotators`` (default: every non-reserved name).

    ``explicit``: the articles in ``data.present`` were named, so each counts for every
    pair; otherwise an article counts for a pair when both annotated it.
    """
    import numpy as np

    names = _annotators(data, annotators)
    wanted = set(tags)
    marks = [m for m in data.marks if m.annotator in names and (not wanted or m.tag in wanted)]
    tag_list = tuple(sorted(wanted or {m.tag for m in marks}))
    articles = sorted(data.lengths)
    lengths = np.array([data.lengths[i] for i in articles], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    where = {article: int(offsets[n]) for n, article in enumerate(articles)}
    total = int(offsets[-1])

    def scope(a: str, b: str) -> Any:
        return np.array(
            [explicit or {a, b} <= data.present.get(i, set()) for i in articles], dtype=bool
        )

    scopes = {pair: scope(*pair) for pair in combinations(names, 2)}
    char_scope = {pair: np.repeat(s, lengths) for pair, s in scopes.items()}
    word_starts = word_ends = word_article = None
    if word_spans is not None:
        pieces = [
            (where[i] + s, where[i] + e, n)
            for n, i in enumerate(articles)
            for s, e in word_spans.get(i, ())
        ]
        word_starts = np.array([p[0] for p in pieces], dtype=np.int64)
        word_ends = np.array([p[1] for p in pieces], dtype=np.int64)
        word_article = np.array([p[2] for p in pieces], dtype=np.int64)
    confusions: dict[tuple[str, str], dict[str, tuple[Confusion, Confusion | None]]] = {
        pair: {} for pair in scopes
    }
    by_tag: dict[str, dict[str, list[Mark]]] = {}
    for m in marks:
        by_tag.setdefault(m.tag, {}).setdefault(m.annotator, []).append(m)
    for tag in tag_list:
        labels = {}
        for name in names:
            diff = np.zeros(total + 1, dtype=np.int32)
            chosen = by_tag.get(tag, {}).get(name, [])
            base = np.array([where[m.article_id] for m in chosen], dtype=np.int64)
            np.add.at(diff, base + np.array([m.start for m in chosen], dtype=np.int64), 1)
            np.add.at(diff, base + np.array([m.end for m in chosen], dtype=np.int64), -1)
            labels[name] = np.cumsum(diff[:total]) > 0
        for (a, b), mask in char_scope.items():
            chars = confusion(labels[a][mask], labels[b][mask])
            words = None
            if word_starts is not None and word_ends is not None and word_article is not None:
                in_scope = scopes[(a, b)][word_article]
                words = confusion(
                    _touched(labels[a], word_starts, word_ends)[in_scope],
                    _touched(labels[b], word_starts, word_ends)[in_scope],
                )
            confusions[(a, b)][tag] = (chars, words)
    pairs = [
        _pair(a, b, tag_list, by_tag, scopes[(a, b)], articles, confusions[(a, b)])
        for a, b in scopes
    ]
    return Agreement(
        names,
        tag_list,
        pairs,
        find_disagreements(marks, data.present, names, explicit=explicit),
        words=word_spans is not None,
    )


def _annotators(data: Marks, annotators: Sequence[str] | None) -> tuple[str, ...]:
    if annotators is not None:
        names = tuple(dict.fromkeys(annotators))
    else:
        seen = {name for found in data.present.values() for name in found}
        names = tuple(sorted(n for n in seen if n and n not in RESERVED))
    if len(names) < 2:
        having = ", ".join(names) if names else "no one"
        raise ReaderError(f"agreement needs two annotators; these articles have {having}")
    return names


def _touched(labels: Any, starts: Any, ends: Any) -> Any:
    """Per word: whether any of its characters is marked."""
    import numpy as np

    running = np.concatenate([[0], np.cumsum(labels, dtype=np.int64)])
    return (running[ends] - running[starts]) > 0


def _pair(
    a: str,
    b: str,
    tags: tuple[str, ...],
    by_tag: dict[str, dict[str, list[Mark]]],
    scope: Any,
    articles: list[int],
    counts: dict[str, tuple[Confusion, Confusion | None]],
) -> PairAgreement:
    inside = {article for article, keep in zip(articles, scope, strict=True) if keep}

    def spans(name: str, tag: str) -> list[Span]:
        return [
            (m.article_id, m.start, m.end, m.tag)
            for m in by_tag.get(tag, {}).get(name, [])
            if m.article_id in inside
        ]

    per_tag: dict[str, Scores] = {}
    all_a: list[Span] = []
    all_b: list[Span] = []
    pooled, pooled_words = Confusion(), Confusion()
    found = (0, 0, 0, 0)
    for tag in tags:
        left, right = spans(a, tag), spans(b, tag)
        all_a += left
        all_b += right
        chars, words = counts[tag]
        pooled += chars
        pooled_words += words or Confusion()
        overlaps = overlap_counts(left, right)
        found = (found[0] + overlaps[0], found[1] + overlaps[1], found[2] + overlaps[2],
                 found[3] + overlaps[3])  # fmt: skip
        per_tag[tag] = _scores(left, right, overlap_f1_of(overlaps), chars, words)
    with_words = any(w is not None for _, w in counts.values())
    overall = _scores(
        all_a, all_b, overlap_f1_of(found), pooled, pooled_words if with_words else None
    )
    return PairAgreement(a, b, len(inside), overall, per_tag)


def _scores(
    left: list[Span],
    right: list[Span],
    overlap: float | None,
    chars: Confusion,
    words: Confusion | None,
) -> Scores:
    return Scores(
        span_f1(left, right),
        overlap,
        cohen_kappa(chars),
        krippendorff_alpha(chars),
        len(set(left)),
        len(set(right)),
        chars.units,
        cohen_kappa(words) if words is not None else None,
        krippendorff_alpha(words) if words is not None else None,
    )
