"""Word with ``--full-text``: the article itself, each annotation a real Word comment (批注).

Each paragraph of the article is one Word paragraph (title and headings in their
styles), so the document's text is the article's text and a comment a colleague
adds in Word, WPS or LibreOffice can be read back (``docx_import.py``). Each
annotation's passage is shaded in its colour and carries a comment holding its
tags (first line, ``#tag #tag``) and its note, one paragraph a line. Overlapping
and cross-paragraph annotations keep their own comment ranges.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from reader.core.exchange.docx_package import docx_with
from reader.core.exchange.export_docx import (
    _attr,
    _text,
    fill,
    properties,
    read_text,
)
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.names import orphan_label, status_name
from reader.core.exchange.spans import lay_out
from reader.core.notes.annotations import Annotation
from reader.core.text.model import BlockKind

_STYLES = {BlockKind.TITLE: "Title", BlockKind.HEADING: "Heading2"}


_CLOSE = "</w:t></w:r>"


def _run(text: str, fill: str | None = None, lang: str | None = None) -> str:
    rpr = (f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "") + (
        f'<w:lang w:eastAsia="{lang}"/>' if lang else ""
    )
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


_REFERENCE = (
    b'<w:commentRangeEnd w:id="%d"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/>'
    b'</w:rPr><w:commentReference w:id="%d"/></w:r>'
)
_RANGE_START = b'<w:commentRangeStart w:id="%d"/>'


def _reference(number: int) -> bytes:
    return _REFERENCE % (number, number)


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
_COMMENT_START = _COMMENT_LINE.encode()
_COMMENT_END = f"{_CLOSE}</w:p></w:comment>".encode()


@functools.lru_cache(maxsize=256)  # a few annotators, on every comment
def _signed(annotator: str) -> bytes:
    author = _attr(annotator or "Reader")
    return f'w:author="{author}" w:initials="{_attr((annotator or "R")[:2])}"'.encode()


def _comment(
    number: int, a: Annotation, labels: Mapping[str, str] | None, comments: list[bytes]
) -> None:
    """The annotation's comment onto ``comments``: a paragraph for each of its
    ``comment_lines``, the note's line breaks cut after escaping the note whole."""
    if a.state == "orphaned" or a.tags or a.note:
        lines = [_text(orphan_label(labels))] if a.state == "orphaned" else []
        if a.tags:
            lines.append(_text("#" + " #".join(a.tags)))
        if a.note:
            lines.append(_text(a.note).replace("\n", _BETWEEN_LINES))
        text = _BETWEEN_LINES.join(lines)
    else:
        text = _text(comment_lines(a, labels)[0])
    start = _COMMENT % (number, _signed(a.annotator), _attr(a.created_at[:19]).encode())
    comments += (start, _COMMENT_START, text.encode(), _COMMENT_END)


_COMMENT = b'<w:comment w:id="%d" %b w:date="%bZ">'


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
    around it once. Returns how many comments it made."""
    layout = lay_out(item)
    numbers: dict[int, int] = {}
    if not any(p.kind == BlockKind.TITLE for p in layout.paras):
        title = _run(item.article.title)
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{title}</w:p>'.encode())
    # Each run opens as _run() opens it: shaded in the colour of its innermost note.
    plain = _run("", None, lang).removesuffix(_CLOSE).encode()
    fills = [fill(a.color) for a in layout.notes]
    opens = {c: _run("", c, lang).removesuffix(_CLOSE).encode() for c in set(fills)}
    shaded = [opens[c] for c in fills]
    close = _CLOSE.encode()
    for para in layout.paras:
        style = _STYLES.get(para.kind)
        parts.append(_PARAGRAPHS[style])
        for text, cover, ending in para.pieces:
            written = (_text(text) if escape else text).encode()
            if not cover:
                parts += (plain, written, close)
                continue
            for i in cover:
                if i not in numbers:
                    numbers[i] = len(numbers) + first
                    _comment(numbers[i], layout.notes[i], labels, comments)
                    parts.append(_RANGE_START % numbers[i])
            parts += (shaded[cover[-1]], written, close)
            for i in ending:
                parts.append(_REFERENCE % (numbers[i], numbers[i]))
        parts.append(b"</w:p>")
    if layout.unplaced:
        heading = _run(orphan_label(labels))
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{heading}</w:p>'.encode())
        for i in layout.unplaced:
            a = layout.notes[i]
            number = len(numbers) + first
            numbers[i] = number
            _comment(number, a, labels, comments)
            quote = _run(a.quote.replace("\n", " "), fill(a.color)).encode()
            parts += (b"<w:p>", _RANGE_START % number, quote, _reference(number), b"</w:p>")
    return len(numbers)


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
