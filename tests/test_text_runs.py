"""A run of text lines (``TextRun``) stands for the line pieces it replaces.

The plain front end hands a run of lines that are text as they stand as one
``TextRun`` instead of a ``LinePiece`` per line (issue #9: no object per line).
Layout must make of a run exactly the units it makes of those line pieces,
including where a run meets other pieces: a piece holding one of its lines
before it (the run is cut into its line pieces), or a piece with no line of
its own after it, whose text goes to the run's last line.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text.layout import build_units
from reader.core.text.lines import SourceLines
from reader.core.text.pieces import AnyPiece, Hint, LinePiece, Piece, Source, TextRun
from reader.core.text.plain_source import read_plain
from reader.core.text.structure import parse_text

_TEXTS = [
    "中",
    "文字",
    "一二三四五六七八九十一二三四五六七八九十",  # a full line of the column
    "一二三四五六七八九十一二三四五六七八九十。",
    "一二三四五六七八九十一二三四五六七八九Ab",  # a word cut at the column
    "短句，",
    "完了。",
    "——副题",
    "（2024年5月1日）",
    "图为会场。（新华社记者 某某 摄）",
    "专 技 人 员",
    "word",
    "Latin words",
    "中" * 45,
]


@dataclass
class _Spec:
    """One piece to make: ``kind`` is run, line, piece, markup, loose or same."""

    kind: str
    first: int
    stop: int
    group: int
    text: str = ""
    markdown: bool = False
    indent: str = ""


@st.composite
def _sources(draw: st.DrawFn) -> tuple[list[str], list[_Spec]]:
    """Source lines and the pieces of them, now and then ones that overlap a run."""
    raw: list[str] = []
    specs: list[_Spec] = []
    group = 0
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["run", "run", "line", "piece", "blank", "markup"]))
        if kind == "blank":
            raw.append("")
            group += 1
            continue
        count = draw(st.integers(1, 8)) if kind == "run" else 1
        first = len(raw) + 1
        raw += [draw(st.sampled_from(_TEXTS)) for _ in range(count)]
        if draw(st.integers(0, 3)) == 0:
            group += 1
        text = raw[-1]
        if kind == "piece":
            markdown = draw(st.booleans())
            indent = draw(st.sampled_from(["", "wide", "spaces"]))
            specs.append(_Spec(kind, first, first + 1, group, text, markdown, indent))
        else:
            specs.append(_Spec(kind, first, first + count, group, text))
        if raw and draw(st.integers(0, 5)) == 0:  # a piece on lines already held
            back = draw(st.integers(1, len(raw)))
            extra = draw(st.sampled_from(["loose", "same", "line", "piece"]))
            specs.append(_Spec(extra, back, back + 1, group, draw(st.sampled_from(_TEXTS))))
    return raw, specs


def _pieces(raw: list[str], specs: list[_Spec], runs: bool) -> list[AnyPiece]:
    pieces: list[AnyPiece] = []
    for spec in specs:
        if spec.kind == "run":
            run = TextRun(raw, spec.first, spec.stop, spec.group)
            pieces += [run] if runs else run.line_pieces()
        elif spec.kind == "line":
            pieces.append(LinePiece(spec.first, spec.text, spec.group))
        elif spec.kind == "piece":
            pieces.append(
                Piece(spec.first, spec.text, Hint.TEXT, 0, spec.group, spec.indent, spec.markdown)
            )
        elif spec.kind == "markup":
            pieces.append(Piece([spec.first], "", Hint.MARKUP, group=spec.group))
        else:  # no line of its own: its text goes to the piece before
            pieces.append(Piece([], spec.text, group=spec.group, same_line=spec.kind == "same"))
    return pieces


@settings(max_examples=400, deadline=None)
@given(_sources())
def test_a_run_makes_the_units_its_line_pieces_make(source):
    raw, specs = source
    with_runs = build_units(Source(_pieces(raw, specs, runs=True)), raw)
    with_lines = build_units(Source(_pieces(raw, specs, runs=False)), raw)
    assert with_runs == with_lines


def test_a_run_cut_where_a_line_is_held_before_it():
    raw = ["甲乙", "丙丁", "戊己"]
    pieces: list[AnyPiece] = [Piece([2], "另", Hint.TEXT), TextRun(raw, 1, 4, 0)]
    units = build_units(Source(pieces), raw)
    lines = [Piece(2, "另", Hint.TEXT), *TextRun(raw, 1, 4, 0).line_pieces()]
    assert units == build_units(Source(lines), raw)
    assert [u.text for u in units] == ["甲乙丙丁", "另", "戊己"]  # line 2 again: joins line 1


def test_text_with_no_line_after_a_run_joins_its_last_line():
    raw = ["一二三四五六七八九十。", "一二三四五六七八九十。"]
    pieces: list[AnyPiece] = [TextRun(raw, 1, 3, 0), Piece([], "尾巴")]
    units = build_units(Source(pieces), raw)
    lines = [*TextRun(raw, 1, 3, 0).line_pieces(), Piece([], "尾巴")]
    assert units == build_units(Source(lines), raw)
    assert units[-1].text.endswith("十。尾巴")


def test_plain_lines_as_they_stand_are_one_run_per_group():
    text = "第一行\n第二行\n\n第三行\n  缩进\n**粗**体\n第四行\n第五行"
    lines = SourceLines(text)
    pieces = read_plain(lines).pieces
    assert [(type(p).__name__, p.lines, p.group) for p in pieces] == [
        ("TextRun", (1, 2), 1),
        ("TextRun", (4,), 2),
        ("Piece", 5, 2),  # indented: its text is not the line as it stands
        ("LinePiece", 6, 2),  # markup: nor is this one's
        ("TextRun", (7, 8), 2),
    ]
    run = pieces[-1]
    assert isinstance(run, TextRun)
    assert list(run.texts()) == ["第四行", "第五行"] == [run.text_of(7), run.text_of(8)]
    assert run.cut(7, 9) is run and list(run.cut(8, 9).texts()) == ["第五行"]


def test_one_character_lines_are_one_paragraph_of_them():
    text = "\n".join("字" * 3000)
    article = parse_text(text, "c.txt").articles[0]
    assert [b.text for b in article.blocks] == ["字" * 3000]
    assert article.blocks[0].lines == tuple(range(1, 3001))
