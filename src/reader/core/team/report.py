"""``reader report``: one self-contained, printable HTML page about a team's work.

Tag distribution per annotator, review progress per source, annotations over
time, and the agreement matrix (overall κ on characters) as a heatmap. The charts
are inline SVG written by :mod:`reader.core.team.svg`; the page loads nothing
from the network, and every name, tag and title in it is escaped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from reader.core.errors import ReaderError
from reader.core.library.store import Library
from reader.core.notes.vocab import REVIEW_STATUSES
from reader.core.team import svg
from reader.core.team.agreement import Agreement, agreement
from reader.core.team.svg import esc

STATUS_NAMES = {
    "unread": "未读 unread",
    "in_progress": "阅读中 in progress",
    "reviewed": "已审 reviewed",
    "needs_changes": "需修改 needs changes",
}
STATUS_COLOURS = {"unread": "#bab0ac", "in_progress": "#edc948", "reviewed": "#59a14f"}
STATUS_COLOURS["needs_changes"] = "#e15759"


@dataclass
class ReportData:
    tags_by_annotator: dict[str, Counter[str]] = field(default_factory=dict)
    status_by_source: dict[str, Counter[str]] = field(default_factory=dict)
    by_day: dict[str, Counter[str]] = field(default_factory=dict)  # day → annotator → count
    agreement: Agreement | None = None
    agreement_note: str = ""


def gather(library: Library) -> ReportData:
    """What the report shows, read from the library."""
    data = ReportData()
    for annotator, tag, count in library.conn.execute(
        "SELECT n.annotator, COALESCE(t.name, ''), COUNT(*) FROM annotations n "
        "LEFT JOIN annotation_tags x ON x.annotation_id = n.id "
        "LEFT JOIN tags t ON t.id = x.tag_id GROUP BY 1, 2"
    ):
        data.tags_by_annotator.setdefault(annotator or "(no name)", Counter())[
            tag or "(untagged)"
        ] += int(count)
    for source, status, count in library.conn.execute(
        "SELECT COALESCE(s.name, '(no source)'), a.status, COUNT(*) FROM articles a "
        "LEFT JOIN sources s ON s.id = a.source_id WHERE a.retired_at IS NULL GROUP BY 1, 2"
    ):
        data.status_by_source.setdefault(str(source), Counter())[str(status)] += int(count)
    for day, annotator, count in library.conn.execute(
        "SELECT substr(created_at, 1, 10), annotator, COUNT(*) FROM annotations GROUP BY 1, 2"
    ):
        data.by_day.setdefault(str(day), Counter())[annotator or "(no name)"] += int(count)
    try:
        data.agreement = agreement(library)
    except ReaderError as exc:
        data.agreement_note = str(exc)
    return data


def render(data: ReportData, *, title: str = "Team report") -> str:
    """The page, as text."""
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="meta">{esc(_stamp())}</p>']
    tags = sorted({t for counts in data.tags_by_annotator.values() for t in counts})
    parts.append("<h2>Tags per annotator</h2>")
    if data.tags_by_annotator:
        rows = sorted(data.tags_by_annotator.items())
        parts.append(svg.stacked_bars(rows, tags, title="Tags per annotator"))
        parts.append(_table(["annotator", *tags], [[a, *(c[t] for t in tags)] for a, c in rows]))
    else:
        parts.append("<p>No annotations yet.</p>")
    parts.append("<h2>Review progress per source</h2>")
    rows = sorted(data.status_by_source.items())
    if rows:
        named = [(source, Counter({STATUS_NAMES[s]: c[s] for s in c})) for source, c in rows]
        colours = {STATUS_NAMES[s]: STATUS_COLOURS[s] for s in REVIEW_STATUSES}
        parts.append(
            svg.stacked_bars(
                named, [STATUS_NAMES[s] for s in REVIEW_STATUSES], title="Review progress",
                colours=colours,
            )
        )  # fmt: skip
        parts.append(
            _table(
                ["source", *(STATUS_NAMES[s] for s in REVIEW_STATUSES)],
                [[source, *(c[s] for s in REVIEW_STATUSES)] for source, c in rows],
            )
        )
    else:
        parts.append("<p>No articles yet.</p>")
    parts.append("<h2>Annotations over time</h2>")
    days = sorted(data.by_day)
    if days:
        names = sorted({a for c in data.by_day.values() for a in c})
        series = {a: [data.by_day[d][a] for d in days] for a in names}
        parts.append(svg.columns(days, series, title="Annotations per day"))
    else:
        parts.append("<p>No annotations yet.</p>")
    parts.append("<h2>Agreement</h2>")
    parts.append(_agreement(data))
    return PAGE.format(title=esc(title), body="\n".join(parts))


def _agreement(data: ReportData) -> str:
    found = data.agreement
    if found is None:
        return f"<p>{esc(data.agreement_note)}</p>"
    kappa = {(p.a, p.b): p.overall.kappa for p in found.pairs}
    rows = [
        [p.a, p.b, p.articles, *(_num(v) for v in _four(p.overall))] for p in found.pairs
    ]  # fmt: skip
    return (
        "<p>Cohen's κ over characters, every tag pooled (1 is full agreement, 0 chance).</p>"
        + svg.heatmap(found.annotators, kappa, title="Agreement (κ)")
        + _table(["a", "b", "articles", "span F1", "overlap F1", "κ", "α"], rows)
        + f"<p>{len(found.disagreements)} spans still disputed.</p>"
    )


def _four(scores: object) -> tuple[float | None, ...]:
    return tuple(getattr(scores, k) for k in ("span_f1", "overlap_f1", "kappa", "alpha"))


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _table(header: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _stamp() -> str:
    return "Made " + datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") + " by Reader"


PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", sans-serif; max-width: 760px; margin: 2em auto;
  color: #222; }}
h2 {{ border-bottom: 1px solid #ccc; margin-top: 2em; break-after: avoid; }}
svg {{ display: block; margin: 1em 0; break-inside: avoid; }}
table {{ border-collapse: collapse; margin: 1em 0; font-size: 90%; break-inside: avoid; }}
th, td {{ border: 1px solid #ccc; padding: 2px 8px; text-align: left; }}
.meta {{ color: #666; }}
@media print {{ body {{ margin: 0; max-width: none; }} }}
</style></head>
<body>
{body}
</body></html>
"""
