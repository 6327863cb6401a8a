"""Disagreements: the spans some of an article's annotators marked with a tag and others
did not, with who did which, so a UI can jump to each and adjudication can settle it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Mark:
    """One tag of one annotation: what agreement compares."""

    annotation_id: str
    article_id: int
    start: int
    end: int
    tag: str
    annotator: str
    quote: str = ""


@dataclass(frozen=True)
class Disagreement:
    """A span with a tag that some annotators of its article marked and others did not."""

    article_id: int
    start: int
    end: int
    tag: str
    quote: str
    marked_by: tuple[str, ...]
    missing: tuple[str, ...]
    annotation_ids: tuple[str, ...]  # the marking annotations, in ``marked_by`` order

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article_id,
            "start": self.start,
            "end": self.end,
            "tag": self.tag,
            "quote": self.quote,
            "marked_by": list(self.marked_by),
            "missing": list(self.missing),
            "annotation_ids": list(self.annotation_ids),
        }


def find_disagreements(
    marks: Sequence[Mark],
    present: Mapping[int, set[str]],
    names: Sequence[str],
    *,
    explicit: bool = False,
) -> list[Disagreement]:
    """Each (article, start, end, tag) marked by some but not all of the annotators who
    annotated that article (all of ``names`` where ``explicit``); articles with fewer
    than two such annotators have none."""
    groups: dict[tuple[int, int, int, str], dict[str, Mark]] = {}
    for m in marks:
        groups.setdefault((m.article_id, m.start, m.end, m.tag), {}).setdefault(m.annotator, m)
    out = []
    for (article, start, end, tag), marked in sorted(groups.items()):
        expected = set(names) if explicit else present.get(article, set()) & set(names)
        if len(expected) < 2 or set(marked) >= expected:
            continue
        who = tuple(sorted(n for n in marked if n in expected))
        if not who:
            continue
        out.append(
            Disagreement(
                article,
                start,
                end,
                tag,
                marked[who[0]].quote,
                who,
                tuple(sorted(expected - set(marked))),
                tuple(marked[n].annotation_id for n in who),
            )
        )
    return out
