"""The whole-text Word export writes its runs as it sweeps the paragraphs
(``docx_comments._article``): the runs, comment ranges and comments it writes are
those of ``spans.lay_out``'s pieces written one by one, each comment the lines of
``comment_lines`` escaped, as the export wrote them before."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.exchange import docx_comments, export_docx, spans
from reader.core.exchange.names import orphan_label
from reader.core.notes.annotations import Annotation
from reader.core.text.model import Block, BlockKind

_LABELS = {"orphaned": "孤立\n<x>", "green": "绿 & 色"}


def _comment_reference(number: int, a: Annotation, labels) -> str:
    lines = "".join(
        f"{docx_comments._COMMENT_LINE}{export_docx._text(line)}</w:t></w:r></w:p>"
        for line in docx_comments.comment_lines(a, labels)
    )
    author = export_docx._attr(a.annotator or "Reader")
    initials = export_docx._attr((a.annotator or "R")[:2])
    date = export_docx._attr(a.created_at[:19])
    return (
        f'<w:comment w:id="{number}" w:author="{author}" w:initials="{initials}" '
        f'w:date="{date}Z">{lines}</w:comment>'
    )


def _reference(item, lang, labels, first) -> tuple[str, str, int]:
    """The article as the export wrote it from ``lay_out``'s pieces: each piece a run
    (escaped), shaded in the colour of the last note covering it; a note's range opened
    before the first piece it covers, its reference after the piece that ends it."""
    run = docx_comments._run
    layout = spans.lay_out(item)
    numbers: dict[int, int] = {}
    parts, comments = [], []

    def number(i: int) -> int:
        numbers[i] = len(numbers) + first
        comments.append(_comment_reference(numbers[i], layout.notes[i], labels))
        return numbers[i]

    def reference(n: int) -> str:
        return (
            f'<w:commentRangeEnd w:id="{n}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
            f'</w:rPr><w:commentReference w:id="{n}"/></w:r>'
        )

    if not any(p.kind == BlockKind.TITLE for p in layout.paras):
        parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{run(item.article.title)}</w:p>'
        )
    for para in layout.paras:
        style = docx_comments._STYLES.get(para.kind)
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else "<w:p>")
        for text, cover, ending in para.pieces:
            for i in cover:
                if i not in numbers:
                    parts.append(f'<w:commentRangeStart w:id="{number(i)}"/>')
            colour = export_docx.fill(layout.notes[cover[-1]].color) if cover else None
            parts.append(run(text, colour, lang))
            parts += [reference(numbers[i]) for i in ending]
        parts.append("</w:p>")
    if layout.unplaced:
        heading = run(orphan_label(labels))
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{heading}</w:p>')
    for i in layout.unplaced:
        a = layout.notes[i]
        n = number(i)
        quote = run(a.quote.replace("\n", " "), export_docx.fill(a.color))
        parts.append(f'<w:p><w:commentRangeStart w:id="{n}"/>{quote}{reference(n)}</w:p>')
    return "".join(parts), "".join(comments), len(numbers)


_KINDS = st.sampled_from(
    [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TITLE]
)
_WORDS = st.text(alphabet="字文a ", min_size=0, max_size=6) | st.text(
    alphabet='字&<>"\x07\ufffe', max_size=6
)
_NOTES = st.lists(
    st.tuples(
        st.integers(0, 45),  # start
        st.integers(0, 14),  # length (0: lands nowhere)
        st.sampled_from(["anchored", "anchored", "moved", "orphaned"]),
        st.sampled_from(["yellow", "green", "blue", None, "", "mauve"]),
        st.lists(st.sampled_from(["人物", "数据", "a&b", "<t>"]), max_size=2),
        st.sampled_from(["", "批注", "两行\n批注", "\n空行\n\n", "a & <b>", "铃\x07"]),
        st.sampled_from(["编辑甲", "", 'a"b', "甲&乙"]),
        st.sampled_from(["2026-01-02T08:00:00.000000+00:00", "2026-01-02", '2026<"&\x01']),
    ),
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(_KINDS, _WORDS), max_size=6),
    _NOTES,
    st.booleans(),  # the article's blocks, or its lines
    st.sampled_from([None, "zh-TW"]),
    st.sampled_from([None, _LABELS]),
    st.integers(0, 20_000),
)
def test_the_sweep_writes_the_pieces_of_lay_out(paras, notes, blocks, lang, labels, first):
    text = "\n".join(words for _, words in paras)
    made, pos = [], 0
    for kind, words in paras:
        made.append(Block(BlockKind(kind), words, (), pos, pos + len(words)))
        pos += len(words) + 1
    article = SimpleNamespace(text=text, blocks=tuple(made) if blocks else (), title="题 & <目>")
    chosen = [
        Annotation(
            f"n{k}",
            1,
            start,
            start + length,
            text[start : start + length] + "\n引",
            "",
            "",
            "h",
            colour,
            note,
            annotator,
            state,
            tuple(tags),
            created,
            created,
        )
        for k, (start, length, state, colour, tags, note, annotator, created) in enumerate(notes)
    ]
    item = SimpleNamespace(article=article, notes=[SimpleNamespace(annotation=a) for a in chosen])
    parts: list[bytes] = []
    comments: list[bytes] = []
    escape = export_docx.read_text(text)[1]
    count = docx_comments._article(item, lang, escape, labels, parts, comments, first)
    got = b"".join(parts).decode("utf-8"), b"".join(comments).decode("utf-8"), count
    assert got == _reference(item, lang, labels, first)


def test_a_note_on_a_line_break_alone_is_placed_nowhere():
    """Between two paragraphs: a note on the line break alone lands in neither; one
    ending or starting on it is in the paragraph it touches, and ends or starts there."""
    text = "甲乙\n丙丁"
    article = SimpleNamespace(text=text, blocks=(), title="")
    chosen = [
        SimpleNamespace(start=2, end=3, state="anchored"),  # the line break
        SimpleNamespace(start=1, end=3, state="anchored"),  # 乙 and the break
        SimpleNamespace(start=2, end=4, state="anchored"),  # the break and 丙
    ]
    layout = spans.lay_out(SimpleNamespace(article=article, notes=()), chosen)
    got = [[tuple(piece) for piece in para.pieces] for para in layout.paras]
    assert got == [
        [("甲", (), ()), ("乙", (1,), (1,))],
        [("丙", (2,), (2,)), ("丁", (), ())],
    ]
    assert layout.unplaced == [0]
