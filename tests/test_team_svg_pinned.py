"""The report's charts, read back as SVG: every shape where its numbers put it."""

from __future__ import annotations

from xml.etree import ElementTree

from reader.core.team import svg

NS = "{http://www.w3.org/2000/svg}"


def _parse(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup)


def _rects(root: ElementTree.Element) -> list[ElementTree.Element]:
    return root.findall(f"{NS}rect")


def _texts(root: ElementTree.Element) -> list[ElementTree.Element]:
    return root.findall(f"{NS}text")


def _blue(value: float) -> str:
    """White at 0 and below, #1f4e99 at 1, straight between (the report's scale)."""
    t = min(max(value, 0.0), 1.0)
    parts = [round(255 + (c - 255) * t) for c in (0x1F, 0x4E, 0x99)]
    return "#" + "".join(f"{p:02x}" for p in parts)


def test_the_svg_frame_names_its_size_and_title():
    root = _parse(svg.heatmap(["甲", "乙"], {}, title="一致性 <κ>"))
    assert root.get("width") == str(140 + 2 * 64 + 4)
    assert root.get("height") == str(26 + 2 * 64)
    assert root.get("viewBox") == f"0 0 {140 + 2 * 64 + 4} {26 + 2 * 64}"
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == "一致性 <κ>"


def test_heatmap_cells_shades_and_labels():
    names = ["甲", "乙", "丙丁戊己庚辛壬癸子丑"]
    values = {
        ("甲", "乙"): 0.5,
        ("乙", "丙丁戊己庚辛壬癸子丑"): None,
        ("甲", "丙丁戊己庚辛壬癸子丑"): -0.2,
    }
    root = _parse(svg.heatmap(names, values, title="t"))
    rects = _rects(root)
    assert len(rects) == 9
    for i in range(3):
        for j in range(3):
            cell = rects[3 * i + j]
            assert (cell.get("x"), cell.get("y")) == (str(140 + j * 64), str(22 + i * 64))
            assert (cell.get("width"), cell.get("height")) == ("62", "62")
    fills = [r.get("fill") for r in rects]
    assert fills[0] == fills[4] == fills[8] == _blue(1.0) == "#1f4e99"  # the diagonal
    assert fills[1] == fills[3] == _blue(0.5)  # either order of the pair
    assert fills[5] == fills[7] == "#eeeeee"  # no value
    assert fills[2] == fills[6] == "#ffffff"  # below 0: white
    assert rects[1].find(f"{NS}title").text == "甲 × 乙: 0.50"
    assert rects[5].find(f"{NS}title").text == "乙 × 丙丁戊己庚辛壬癸子丑: –"
    texts = _texts(root)
    heads, rows = texts[:3], [t for t in texts[3:] if t.get("text-anchor") == "end"]
    assert [t.text for t in heads] == ["甲", "乙", "丙丁戊己庚辛壬癸…"]  # 9 at most
    assert [(t.get("x"), t.get("y")) for t in heads] == [
        (str(140 + j * 64 + 32.0), "14") for j in range(3)
    ]
    assert [t.text for t in rows] == names  # rows keep up to 24
    assert [t.get("y") for t in rows] == [str(22 + i * 64 + 32.0 + 4) for i in range(3)]
    cells = [t for t in texts[3:] if t.get("text-anchor") == "middle"]
    assert [t.text for t in cells] == [
        "1.00",
        "0.50",
        "-0.20",
        "0.50",
        "1.00",
        "–",
        "-0.20",
        "–",
        "1.00",
    ]
    assert [t.get("fill") for t in cells[:3]] == ["#fff", "#000", "#000"]
    assert cells[0].get("x") == str(140 + 32.0 - 1) and cells[0].get("y") == str(22 + 32.0 + 4)


def test_heatmap_ink_turns_white_past_six_tenths():
    root = _parse(svg.heatmap(["a", "b", "c"], {("a", "b"): 0.6, ("a", "c"): 0.61}, title="t"))
    ink = {t.text: t.get("fill") for t in _texts(root) if t.get("fill")}
    assert ink == {"1.00": "#fff", "0.60": "#000", "0.61": "#fff", "–": "#000"}


def test_stacked_bars_are_cut_in_proportion():
    rows = [("甲", {"a": 2, "b": 1}), ("乙" * 30, {"b": 3})]
    root = _parse(svg.stacked_bars(rows, ["a", "b"], title="标签"))
    legend = [r for r in _rects(root) if r.get("width") == "12"]
    assert [(r.get("x"), r.get("y"), r.get("fill")) for r in legend] == [
        ("0", "0", svg.colour(0)),
        (str(24 + 13), "0", svg.colour(1)),
    ]
    bars = [r for r in _rects(root) if r.get("width") != "12"]
    assert [(r.get("x"), r.get("y"), r.get("width"), r.get("fill")) for r in bars] == [
        ("200.0", str(22 + 3), "280.0", svg.colour(0)),
        ("480.0", str(22 + 3), "140.0", svg.colour(1)),
        ("200.0", str(44 + 3), "420.0", svg.colour(1)),
    ]
    assert {r.get("height") for r in bars} == {"16"}
    assert bars[0].find(f"{NS}title").text == "甲: a 2"
    texts = _texts(root)
    labels = [t for t in texts if t.get("text-anchor") == "end"]
    assert [t.text for t in labels] == ["甲", "乙" * 23 + "…"]
    assert [(t.get("x"), t.get("y")) for t in labels] == [("194", "37"), ("194", "59")]
    totals = [t for t in texts if t.text in ("3",)]
    assert [(t.get("x"), t.get("y")) for t in totals] == [("624.0", "37"), ("624.0", "59")]
    assert root.get("height") == str(22 + 2 * 22 + 6) and root.get("width") == "680"


def test_stacked_bars_take_given_colours_and_skip_zero():
    rows = [("x", {"a": 0, "b": 4})]
    root = _parse(svg.stacked_bars(rows, ["a", "b"], title="t", colours={"a": "#111", "b": "#222"}))
    bars = [r for r in _rects(root) if r.get("width") != "12"]
    assert [(r.get("fill"), r.get("width")) for r in bars] == [("#222", "420.0")]


def test_a_long_legend_wraps_under_itself():
    names = ["名" * 20, "字" * 20, "词" * 20]
    root = _parse(svg.stacked_bars([("r", {n: 1 for n in names})], names, title="t"))
    legend = [r for r in _rects(root) if r.get("width") == "12"]
    width = 24 + 13 * 20
    assert [(r.get("x"), r.get("y")) for r in legend] == [
        ("0", "0"),
        (str(width), "0"),
        ("0", "18"),  # 2 × 284 + 284 passes 640: a new line
    ]


def test_columns_stack_each_day_and_stay_narrow():
    days = ["2026-01-01", "2026-01-02"]
    series = {"甲": [2, 0], "乙": [2, 1]}
    root = _parse(svg.columns(days, series, title="按天"))
    bars = [r for r in _rects(root) if r.get("width") != "12"]
    top = 4
    y0 = 22  # under the one-line legend
    assert [(r.get("x"), r.get("width"), r.get("height"), r.get("y")) for r in bars] == [
        ("1.0", "46.0", f"{160 * 2 / top:.1f}", f"{y0 + 160 - 160 * 2 / top:.1f}"),
        ("1.0", "46.0", f"{160 * 2 / top:.1f}", f"{y0 + 160 - 160 * 4 / top:.1f}"),
        ("49.0", "46.0", f"{160 * 1 / top:.1f}", f"{y0 + 160 - 160 * 1 / top:.1f}"),
    ]
    assert bars[0].find(f"{NS}title").text == "2026-01-01 甲: 2"
    line = root.find(f"{NS}line")
    assert (line.get("y1"), line.get("y2"), line.get("x2")) == (str(y0 + 160),) * 2 + ("640",)
    texts = [t.text for t in _texts(root)]
    assert texts[-3:] == ["2026-01-01", "2026-01-02", "max 4"]
    assert root.get("height") == str(y0 + 160 + 22)


def test_many_days_share_the_width():
    days = [f"d{n}" for n in range(64)]
    root = _parse(svg.columns(days, {"a": [1] * 64}, title="t"))
    bars = [r for r in _rects(root) if r.get("width") != "12"]
    assert len(bars) == 64
    assert (
        bars[1].get("x") == f"{640 / 64 + 1:.1f}" and bars[0].get("width") == f"{640 / 64 - 2:.1f}"
    )


def test_no_days_draw_an_axis_only():
    root = _parse(svg.columns([], {}, title="t"))
    assert _rects(root) == [] and _texts(root) == []
    assert root.find(f"{NS}line") is not None


def test_labels_are_escaped():
    markup = svg.stacked_bars([("<b>&", {"a": 1})], ["a"], title="<t>")
    assert "<b>" not in markup and "&lt;b&gt;&amp;" in markup
    assert _parse(markup).find(f"{NS}title").text == "<t>"
