"""Hand-written SVG charts for the team report: stacked bars, columns over time, a heatmap.

No chart library: three small charts do not need one, the markup stays
inspectable and printable, and every label passes through :func:`esc`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
FONT = 'font-family="sans-serif" font-size="12"'


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def colour(n: int) -> str:
    return PALETTE[n % len(PALETTE)]


def _legend(series: Sequence[str], y: int, colours: Mapping[str, str]) -> tuple[str, int]:
    parts, x = [], 0
    for name in series:
        width = 24 + 13 * len(name)
        if x + width > 640 and x:
            x, y = 0, y + 18
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colours[name]}"/>'
            f'<text x="{x + 16}" y="{y + 10}" {FONT}>{esc(name)}</text>'
        )
        x += width
    return "".join(parts), y + 22


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]],
    series: Sequence[str],
    *,
    title: str,
    colours: Mapping[str, str] | None = None,
) -> str:
    """One horizontal bar per row, cut into its series' counts."""
    colours = colours or {name: colour(n) for n, name in enumerate(series)}
    label_w, bar_w, row_h = 200, 420, 22
    top = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    legend, y = _legend(series, 0, colours)
    body = []
    for label, counts in rows:
        x = float(label_w)
        body.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" {FONT}>'
                    f"{esc(_clip(label))}</text>")  # fmt: skip
        for name in series:
            value = counts.get(name, 0)
            if value:
                w = bar_w * value / top
                body.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                    f'fill="{colours[name]}">'
                    f"<title>{esc(label)}: {esc(name)} {value}</title></rect>"
                )
                x += w
        body.append(f'<text x="{x + 4:.1f}" y="{y + 15}" {FONT}>{sum(counts.values())}</text>')
        y += row_h
    return _svg(title, 680, y + 6, legend + "".join(body))


def columns(days: Sequence[str], series: Mapping[str, Sequence[int]], *, title: str) -> str:
    """Stacked columns, one per day, one colour per series."""
    names = list(series)
    colours = {name: colour(n) for n, name in enumerate(names)}
    legend, y0 = _legend(names, 0, colours)
    height, width = 160, 640
    totals = [sum(series[n][i] for n in names) for i in range(len(days))]
    top = max(totals, default=0) or 1
    step = min(width / max(len(days), 1), 48.0)  # a few days: columns, not slabs
    body = []
    for i, day in enumerate(days):
        base = float(y0 + height)
        for name in names:
            value = series[name][i]
            if value:
                h = height * value / top
                base -= h
                body.append(
                    f'<rect x="{i * step + 1:.1f}" y="{base:.1f}" width="{max(step - 2, 1):.1f}" '
                    f'height="{h:.1f}" fill="{colours[name]}">'
                    f"<title>{esc(day)} {esc(name)}: {value}</title></rect>"
                )
    axis = y0 + height
    body.append(f'<line x1="0" y1="{axis}" x2="{width}" y2="{axis}" stroke="#888"/>')
    if days:
        body.append(f'<text x="0" y="{axis + 14}" {FONT}>{esc(days[0])}</text>')
        body.append(
            f'<text x="{width}" y="{axis + 14}" text-anchor="end" {FONT}>{esc(days[-1])}</text>'
        )
        body.append(f'<text x="{width}" y="{y0 + 10}" text-anchor="end" {FONT}>max {top}</text>')
    return _svg(title, 680, axis + 22, legend + "".join(body))


def heatmap(
    names: Sequence[str], values: Mapping[tuple[str, str], float | None], *, title: str
) -> str:
    """A square matrix of values in [-1, 1]; white is 0 or below, deep blue is 1."""
    cell, label_w = 64, 140
    body = []
    for j, name in enumerate(names):
        body.append(
            f'<text x="{label_w + j * cell + cell / 2}" y="14" text-anchor="middle" {FONT}>'
            f"{esc(_clip(name, 9))}</text>"
        )
    for i, row in enumerate(names):
        y = 22 + i * cell
        body.append(
            f'<text x="{label_w - 6}" y="{y + cell / 2 + 4}" text-anchor="end" {FONT}>'
            f"{esc(_clip(row))}</text>"
        )
        for j, col in enumerate(names):
            value = 1.0 if row == col else values.get((row, col), values.get((col, row)))
            shade = "#eeeeee" if value is None else _blue(value)
            shown = "–" if value is None else f"{value:.2f}"
            ink = "#fff" if value is not None and value > 0.6 else "#000"
            body.append(
                f'<rect x="{label_w + j * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="{shade}"><title>{esc(row)} × {esc(col)}: {shown}</title></rect>'
                f'<text x="{label_w + j * cell + cell / 2 - 1}" y="{y + cell / 2 + 4}" '
                f'text-anchor="middle" fill="{ink}" {FONT}>{shown}</text>'
            )
    return _svg(title, label_w + cell * len(names) + 4, 26 + cell * len(names), "".join(body))


def _blue(value: float) -> str:
    t = min(max(value, 0.0), 1.0)
    r, g, b = (round(255 + (c - 255) * t) for c in (0x1F, 0x4E, 0x99))
    return f"#{r:02x}{g:02x}{b:02x}"


def _clip(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg(title: str, width: float, height: float, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">'
        f"<title>{esc(title)}</title>{body}</svg>"
    )
