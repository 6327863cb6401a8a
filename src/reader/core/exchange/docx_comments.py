"""Word with ``--full-text``: the article itself, each annotation a real Word comment (批注).

Each paragraph of the article is one Word paragraph (title and headings in their
styles), so the document's text is the article's text and a comment a colleague
adds in Word, WPS or LibreOffice can be read back (``docx_import.py``). Each
annotation's passage is shaded in its colour and carries a comment holding its
tags (first line, ``#tag #tag``) and its note, one paragraph a line. Overlapping
and cross-paragraph annotations keep their own comment ranges.

The runs are ``spans.lay_out``'s pieces, written as the article is swept
(``_article``) rather than made into pieces first: 10,000 notes cut an export's
articles into some 25,000 runs, and Python's work on each is most of the export.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from operator import attrgetter

from reader.core.exchange.docx_package import docx_with
from reader.core.exchange.export_docx import (
    _FILLS,
    _NEEDS_WORK,
    _attr,
    _text,
    fill,
    properties,
    read_text,
)
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.names import orphan_label, status_name
from reader.core.exchange.spans import _ranges, cuts_of
from reader.core.notes.annotations import Annotation
from reader.core.text.model import BlockKind

_STYLES = {BlockKind.TITLE: "Title", BlockKind.HEADING: "Heading2"}


_CLOSE = "</w:t></w:r>"


def _run(text: str, fill: str | None = None, lang: str | None = None) -> str:
    rpr = (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "") + (
        f'<w:lang w:eastAsia="{lang}"/>' if lang else ""
    )
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _opening(fill: str | None, lang: str | None) -> bytes:
    """A run up to its text, as ``_run`` writes it."""
    return _run("", fill, lang).removesuffix(_CLOSE).encode()


# A comment's range and reference around its passage, its number between the pieces.
_RANGE_START = (b'<w:commentRangeStart w:id="', b'"/>')
_REFERENCE = (
    b'<w:commentRangeEnd w:id="',
    b'"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="',
    b'"/></w:r>',
)


def comment_lines(a: Annotation, labels: Mapping[str, str] | None) -> list[str]:
    lines = [orphan_label(labels)] if a.state == "orphaned" else []
    if a.tags:
        lines.append(" ".join(f"#{t}" for t in a.tags))
    lines += a.note.split("\n") if a.note else []
    return lines or [labels.get(a.color, a.color) if labels and a.color else a.color or ""]


_COMMENT_LINE = '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>' + _run("").removesuffix(
    _CLOSE
)
_BETWEEN_LINES = f"{_CLOSE}</w:p>{_COMMENT_LINE}"
_BETWEEN = _BETWEEN_LINES.encode()
# A comment: _COMMENT, its number, _signed(annotator), its date, _COMMENT_TEXT, its
# lines with _BETWEEN between them, _COMMENT_END.
_COMMENT = b'<w:comment w:id="'
_COMMENT_TEXT = b'Z">' + _COMMENT_LINE.encode()
_COMMENT_END = f"{_CLOSE}</w:p></w:comment>".encode()


@functools.lru_cache(maxsize=256)  # a few annotators, on every comment
def _signed(annotator: str) -> bytes:
    author = _attr(annotator or "Reader")
    initials = _attr((annotator or "R")[:2])
    return f'" w:author="{author}" w:initials="{initials}" w:date="'.encode()


@functools.lru_cache(maxsize=4096)  # a few sets of tags, on every comment
def _tag_line(tags: tuple[str, ...]) -> bytes:
    return _text("#" + " #".join(tags)).encode()


_CREATED = attrgetter("created_at")
_NOTE = attrgetter("note")


def _plain(notes: Sequence[Annotation]) -> bool:
    """Whether no note's text or date holds anything to escape (or drop) in XML."""
    dates = "".join(map(_CREATED, notes))  # ASCII and printable: 2026-01-01T08:00:00…
    if not (dates.isascii() and dates.isprintable()) or any(c in dates for c in '&<>"'):
        return False
    return _NEEDS_WORK.search("".join(map(_NOTE, notes))) is None


def _comment(
    number: int, a: Annotation, labels: Mapping[str, str] | None, comments: list[bytes]
) -> None:
    """The annotation's comment onto ``comments``: a paragraph for each of its
    ``comment_lines``, the note's line breaks cut after escaping the note whole."""
    _comments([a], [0], [b"%d" % number], labels, comments)


def _comments(
    notes: Sequence[Annotation],
    order: Sequence[int],
    numbers: Sequence[bytes],
    labels: Mapping[str, str] | None,
    comments: list[bytes],
) -> None:
    """The comments of ``notes`` (``numbers``: each one's number) onto ``comments``, in
    ``order``, as ``_comment`` writes each: where nothing needs escaping, the tags and
    the note as they are, each encoded alone."""
    plain = _plain(notes)
    for i in order:
        a = notes[i]
        note, tags = a.note, a.tags
        if not (plain and (note or tags)) or a.state == "orphaned":
            _escaped(numbers[i], a, labels, comments)
            continue
        said = (_COMMENT, numbers[i], _signed(a.annotator), a.created_at[:19].encode())
        if not note:
            comments += (*said, _COMMENT_TEXT, _tag_line(tags), _COMMENT_END)
        elif tags:
            lines = note.encode().replace(b"\n", _BETWEEN)
            comments += (*said, _COMMENT_TEXT, _tag_line(tags), _BETWEEN, lines, _COMMENT_END)
        else:
            lines = note.encode().replace(b"\n", _BETWEEN)
            comments += (*said, _COMMENT_TEXT, lines, _COMMENT_END)


def _escaped(
    number: bytes, a: Annotation, labels: Mapping[str, str] | None, comments: list[bytes]
) -> None:
    """``_comment``, each line escaped."""
    if a.state == "orphaned" or a.tags or a.note:
        lines = [_text(orphan_label(labels))] if a.state == "orphaned" else []
        if a.tags:
            lines.append(_text("#" + " #".join(a.tags)))
        if a.note:
            lines.append(_text(a.note).replace("\n", _BETWEEN_LINES))
        text = _BETWEEN_LINES.join(lines)
    else:
        text = _text(comment_lines(a, labels)[0])
    date = _attr(a.created_at[:19]).encode()
    comments += (_COMMENT, number, _signed(a.annotator), date, _COMMENT_TEXT)
    comments += (text.encode(), _COMMENT_END)


_ANNOTATION = attrgetter("annotation")


def _article(
    item: ExportArticle,
    lang: str | None,
    escape: bool,  # the text holds something to escape: the pieces cut from it may
    labels: Mapping[str, str] | None,
    parts: list[bytes],
    comments: list[bytes],
    first: int,
) -> int:
    """The article's paragraphs onto ``parts``, its notes' comments (numbered from
    ``first``) onto ``comments``, as UTF-8: each piece of text encoded alone, the markup
    around it once. Returns how many comments it made.

    Each run is one of ``lay_out``'s pieces, shaded in the colour of the innermost note
    covering it; each note's comment range opens before its first run, and its
    reference follows its last. The paragraphs are swept once, every note carried over
    from one into the next while it lasts: the cuts are where notes start and stop
    (``points``), a paragraph's the ones inside it."""
    notes: list[Annotation] = list(map(_ANNOTATION, item.notes))
    text = item.article.text
    ranges = _ranges(item)
    stops, opening, closing, points = cuts_of(notes)  # closing by index: references' order
    if not any(kind == BlockKind.TITLE for kind, _, _ in ranges):
        title = _run(item.article.title)
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{title}</w:p>'.encode())
    plain, unknown = _opening(None, lang), _opening(fill(None), lang)
    colours = {name: _opening(shade, lang) for name, shade in _FILLS.items()}
    shaded = [colours.get(a.color or "", unknown) for a in notes]
    close = _CLOSE.encode()
    start_0, start_1 = _RANGE_START
    end_0, end_1, end_2 = _REFERENCE
    numbers = [b""] * len(notes)  # each note's, once it has one
    numbered: list[int] = []
    cover: list[int] = []  # the notes over the text at hand, outermost first
    before: float = -math.inf  # where the paragraph before ended
    afters: list[float] = [r[1] for r in ranges[1:]]  # where the next paragraph starts
    if ranges:
        afters.append(math.inf)
    for (kind, bs, be), after in zip(ranges, afters, strict=True):
        parts.append(_PARAGRAPHS[_STYLES.get(kind)])
        inside = bisect_right(points, bs)
        for at in points[bisect_left(points, before) : inside]:  # before it or at bs
            for i in opening.get(at, ()):
                if stops[i] > bs:
                    numbers[i] = number = b"%d" % (first + len(numbered))
                    numbered.append(i)
                    parts += (start_0, number, start_1)
                    cover.append(i)
        before = be
        x = bs
        for y in points[inside : bisect_left(points, be, inside)]:
            words = text[x:y]
            written = (_text(words) if escape else words).encode()
            parts += (shaded[cover[-1]] if cover else plain, written, close)
            if y in closing:
                for i in closing[y]:
                    number = numbers[i]
                    parts += (end_0, number, end_1, number, end_2)
                    cover.remove(i)
            if y in opening:
                for i in opening[y]:
                    numbers[i] = number = b"%d" % (first + len(numbered))
                    numbered.append(i)
                    parts += (start_0, number, start_1)
                    cover.append(i)
            x = y
        words = text[x:be]
        written = (_text(words) if escape else words).encode()
        parts += (shaded[cover[-1]] if cover else plain, written, close)
        if cover and (ending := [i for i in cover if stops[i] <= after]):
            for i in sorted(ending):
                number = numbers[i]
                parts += (end_0, number, end_1, number, end_2)
            cover = [i for i in cover if stops[i] > after]
        parts.append(b"</w:p>")
    unplaced = [i for i, number in enumerate(numbers) if not number]
    if unplaced:
        heading = _run(orphan_label(labels))
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{heading}</w:p>'.encode())
        for i in unplaced:
            a = notes[i]
            numbers[i] = number = b"%d" % (first + len(numbered))
            numbered.append(i)
            quote = _run(a.quote.replace("\n", " "), fill(a.color)).encode()
            parts += (b"<w:p>", start_0, number, start_1, quote)
            parts += (end_0, number, end_1, number, end_2, b"</w:p>")
    _comments(notes, numbered, numbers, labels, comments)
    return len(numbered)


_PARAGRAPHS = {
    style: (f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else "<w:p>").encode()
    for style in (None, *_STYLES.values())
}


def docx_full_text(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> bytes:
    read = [read_text(i.article.text) for i in items]  # (Traditional, anything to escape)
    traditional = [chinese for chinese, _ in read]
    titles = [i.article.title for i in items]
    subject = "; ".join(
        f"{i.article.title}: {status_name(i.article.status, labels)}" for i in items
    )
    said = properties(items, traditional, titles[0] if len(titles) == 1 else "Reader", subject)
    return docx_with(_pieces(items, read, labels), said, any(i.notes for i in items))


def _pieces(
    items: list[ExportArticle], read: list[tuple[bool, bool]], labels: Mapping[str, str] | None
) -> Iterator[tuple[bytes, bytes]]:
    """Each article's paragraphs and comments (every note has one), made as they are
    written."""
    made = 0
    for item, (chinese, work) in zip(items, read, strict=True):
        parts: list[bytes] = []
        comments: list[bytes] = []
        made += _article(item, "zh-TW" if chinese else None, work, labels, parts, comments, made)
        yield b"".join(parts), b"".join(comments)
