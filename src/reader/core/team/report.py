"""``reader report``: one self-contained, printable HTML page about a team's work.

Tag distribution per annotator, review progress per source, annotations over
time, and the agreement matrix (overall κ on characters) as a heatmap. The charts
are inline SVG written by :mod:`reader.core.team.svg`; the page loads nothing
from the network, and every name, tag and title in it is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from reader.core.errors import ReaderError
from reader.core.library.store import Library
from reader.core.notes.vocab import REVIEW_STATUSES
from reader.core.team import REJECTED, svg
from reader.core.team.agreement import Agreement, agreement
from reader.core.team.svg import esc

# The page's words in the two languages Reader speaks; ``lang`` picks one.
WORDS = {
    "zh": {
        "title": "团队报告",
        "made": "Reader 生成于 {stamp}",
        "tags": "各标注人的标签",
        "review": "各来源的审阅进度",
        "time": "标注随时间的变化",
        "agreement": "一致性",
        "annotator": "标注人",
        "source": "来源",
        "none": "还没有标注。",
        "no articles": "还没有文章。",
        "kappa": "按字计算的 Cohen κ，所有标签合并（1 为完全一致，0 为随机水平）。",
        "pair": ["甲", "乙", "文章", "片段 F1", "重叠 F1", "κ", "α"],
        "disputed": "还有 {n} 处片段有分歧。",
        "rejected": "裁定时否决了 {n} 处片段。",
        "untagged": "（无标签）",
        "unnamed": "（未署名）",
        "unread": "未读",
        "in_progress": "阅读中",
        "reviewed": "已审",
        "needs_changes": "需修改",
    },
    "en": {
        "title": "Team report",
        "made": "Made {stamp} by Reader",
        "tags": "Tags per annotator",
        "review": "Review progress per source",
        "time": "Annotations over time",
        "agreement": "Agreement",
        "annotator": "annotator",
        "source": "source",
        "none": "No annotations yet.",
        "no articles": "No articles yet.",
        "kappa": "Cohen's κ over characters, every tag pooled (1 is full agreement, 0 chance).",
        "pair": ["a", "b", "articles", "span F1", "overlap F1", "κ", "α"],
        "disputed": "{n} spans still disputed.",
        "rejected": "{n} spans rejected in adjudication.",
        "untagged": "(untagged)",
        "unnamed": "(no name)",
        "unread": "unread",
        "in_progress": "in progress",
        "reviewed": "reviewed",
        "needs_changes": "needs changes",
    },
}
STATUS_NAMES = {s: WORDS["zh"][s] for s in ("unread", "in_progress", "reviewed", "needs_changes")}
STATUS_COLOURS = {"unread": "#bab0ac", "in_progress": "#edc948", "reviewed": "#59a14f"}
STATUS_COLOURS["needs_changes"] = "#e15759"


@dataclass
class ReportData:
    tags_by_annotator: dict[str, Counter[str]] = field(default_factory=dict)
    status_by_source: dict[str, Counter[str]] = field(default_factory=dict)
    by_day: dict[str, Counter[str]] = field(default_factory=dict)  # day → annotator → count
    agreement: Agreement | None = None
    agreement_note: str = ""
    rejected: int = 0  # spans rejected in adjudication (the gold/rejected layer)


def gather(library: Library) -> ReportData:
    """What the report shows, read from the library."""
    data = ReportData()
    for annotator, tag, count in library.conn.execute(
        "SELECT n.annotator, COALESCE(t.name, ''), COUNT(*) FROM annotations n "
        "LEFT JOIN annotation_tags x ON x.annotation_id = n.id "
        "LEFT JOIN tags t ON t.id = x.tag_id GROUP BY 1, 2"
    ):
        if annotator == REJECTED:  # rejections are decisions, not annotations
            data.rejected += int(count)
            continue
        data.tags_by_annotator.setdefault(annotator or "", Counter())[tag or ""] += int(count)
    for source, status, count in library.conn.execute(
        "SELECT COALESCE(s.name, '(no source)'), a.status, COUNT(*) FROM articles a "
        "LEFT JOIN sources s ON s.id = a.source_id WHERE a.retired_at IS NULL GROUP BY 1, 2"
    ):
        data.status_by_source.setdefault(str(source), Counter())[str(status)] += int(count)
    for day, annotator, count in library.conn.execute(
        "SELECT substr(created_at, 1, 10), annotator, COUNT(*) FROM annotations GROUP BY 1, 2"
    ):
        if annotator != REJECTED:
            data.by_day.setdefault(str(day), Counter())[annotator or ""] += int(count)
    try:
        data.agreement = agreement(library)
    except ReaderError as exc:
        data.agreement_note = str(exc)
    return data


def render(data: ReportData, *, title: str | None = None, lang: str = "zh") -> str:
    """The page, as text, in ``lang`` ("zh" or "en")."""
    w = WORDS.get(lang, WORDS["en"])
    title = title or str(w["title"])
    status = {s: str(w[s]) for s in REVIEW_STATUSES}

    def name(value: str, empty: str) -> str:
        return value or str(w[empty])

    made = str(w["made"]).format(stamp=_stamp())
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="meta">{esc(made)}</p>']
    tags = sorted({t for counts in data.tags_by_annotator.values() for t in counts})
    shown = [name(t, "untagged") for t in tags]
    parts.append(f"<h2>{esc(w['tags'])}</h2>")
    if data.tags_by_annotator:
        rows = sorted(data.tags_by_annotator.items())
        bars = [
            (name(a, "unnamed"), Counter({name(t, "untagged"): n for t, n in c.items()}))
            for a, c in rows
        ]
        parts.append(svg.stacked_bars(bars, shown, title="Tags per annotator"))
        parts.append(
            _table(
                [str(w["annotator"]), *shown],
                [[name(a, "unnamed"), *(c[t] for t in tags)] for a, c in rows],
            )
        )
    else:
        parts.append(f"<p>{esc(w['none'])}</p>")
    parts.append(f"<h2>{esc(w['review'])}</h2>")
    rows = sorted(data.status_by_source.items())
    if rows:
        named = [(source, Counter({status[s]: c[s] for s in c})) for source, c in rows]
        colours = {status[s]: STATUS_COLOURS[s] for s in REVIEW_STATUSES}
        parts.append(
            svg.stacked_bars(
                named, [status[s] for s in REVIEW_STATUSES], title="Review progress",
                colours=colours,
            )
        )  # fmt: skip
        parts.append(
            _table(
                [str(w["source"]), *(status[s] for s in REVIEW_STATUSES)],
                [[source, *(c[s] for s in REVIEW_STATUSES)] for source, c in rows],
            )
        )
    else:
        parts.append(f"<p>{esc(w['no articles'])}</p>")
    parts.append(f"<h2>{esc(w['time'])}</h2>")
    days = sorted(data.by_day)
    if days:
        names = sorted({a for c in data.by_day.values() for a in c})
        series = {name(a, "unnamed"): [data.by_day[d][a] for d in days] for a in names}
        parts.append(svg.columns(days, series, title="Annotations per day"))
    else:
        parts.append(f"<p>{esc(w['none'])}</p>")
    parts.append(f"<h2>{esc(w['agreement'])}</h2>")
    parts.append(_agreement(data, w))
    html_lang = "zh-CN" if lang == "zh" else "en"
    return PAGE.format(title=esc(title), body="\n".join(parts), lang=html_lang)


def _agreement(data: ReportData, w: Mapping[str, object]) -> str:
    found = data.agreement
    if found is None:
        return f"<p>{esc(data.agreement_note)}</p>"
    kappa = {(p.a, p.b): p.overall.kappa for p in found.pairs}
    rows = [
        [p.a, p.b, p.articles, *(_num(v) for v in _four(p.overall))] for p in found.pairs
    ]  # fmt: skip
    header = w["pair"]
    assert isinstance(header, list)
    page = (
        f"<p>{esc(w['kappa'])}</p>"
        + svg.heatmap(found.annotators, kappa, title="Agreement (κ)")
        + _table([str(h) for h in header], rows)
        + f"<p>{esc(str(w['disputed']).format(n=len(found.disagreements)))}</p>"
    )
    if data.rejected:
        page += f"<p>{esc(str(w['rejected']).format(n=data.rejected))}</p>"
    return page


def _four(scores: object) -> tuple[float | None, ...]:
    return tuple(getattr(scores, k) for k in ("span_f1", "overlap_f1", "kappa", "alpha"))


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _table(header: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
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
