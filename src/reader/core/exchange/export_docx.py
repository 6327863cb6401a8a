"""Word (.docx) review report: per article, each quote shaded in its colour.

python-docx provides the package and the styles (``docx_package.py``). The paragraphs
are written as WordprocessingML: python-docx's per-paragraph API looks styles up by
name on every call (60 s for 10,000 notes).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from operator import attrgetter
from xml.sax.saxutils import escape

from reader.core.exchange.docx_package import Properties, docx_with
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.fills import passage_fill
from reader.core.exchange.names import orphan_label, status_name
from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import COLOURS

# Characters XML 1.0 cannot hold.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WORK = '&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff'  # as a character class
_NEEDS_WORK = re.compile(f"[{_WORK}]")


def _text(text: str) -> str:
    if _NEEDS_WORK.search(text) is None:
        return text  # most text: nothing to remove or escape
    return escape(_XML_INVALID.sub("", text))


def _attr(text: str) -> str:
    """Text for an attribute value in double quotes."""
    if _NEEDS_WORK.search(text) is None:
        return text
    return escape(_XML_INVALID.sub("", text), {'"': "&quot;"})


def _open(
    style: str | None = None,
    *,
    fill: str | None = None,
    colour: str | None = None,
    size: int | None = None,
    italic: bool = False,
    lang: str | None = None,
) -> str:
    """A paragraph of one run up to its text: ``_open(…) + _lines(text) + CLOSE``."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rpr = "".join(
        (
            "<w:i/>" if italic else "",
            f'<w:color w:val="{colour}"/>' if colour else "",
            f'<w:sz w:val="{size * 2}"/>' if size else "",
            f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "",
            f'<w:lang w:eastAsia="{lang}"/>' if lang else "",
        )
    )
    return f'<w:p>{ppr}<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">'


CLOSE = "</w:t></w:r></w:p>"
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def _lines(text: str) -> str:
    """Text for a run: escaped, a ``w:br`` at each line break."""
    return _text(text).replace("\n", _BREAK)


def _para(
    text: str,
    style: str | None = None,
    *,
    fill: str | None = None,
    colour: str | None = None,
    size: int | None = None,
    italic: bool = False,
    lang: str | None = None,
) -> str:
    opened = _open(style, fill=fill, colour=colour, size=size, italic=italic, lang=lang)
    return opened + _lines(text) + CLOSE


_TRADITIONAL = frozenset("們這個來說為會對時國學過發還與後點體實現經裡開關買電話")
_SIMPLIFIED = frozenset("们这个来说为会对时国学过发还与后点体实现经里开关买电话")
_SAMPLE = 20_000  # the characters read for the script
_EITHER_RE = re.compile(f"[{''.join(sorted(_TRADITIONAL | _SIMPLIFIED))}]")


def is_traditional(text: str) -> bool:
    """Whether a Chinese text is written in Traditional characters (by common ones)."""
    found = _EITHER_RE.findall(text[:_SAMPLE])  # one pass over the text for both scripts
    return 2 * sum(map(_TRADITIONAL.__contains__, found)) > len(found)


_EITHER_OR_WORK_RE = re.compile(f"[{''.join(sorted(_TRADITIONAL | _SIMPLIFIED))}{_WORK}]")


def read_text(text: str) -> tuple[bool, bool]:
    """``is_traditional(text)``, and whether the text holds anything to escape (or
    drop) in XML, in one pass over the text where it is no longer than the sample."""
    found = _EITHER_OR_WORK_RE.findall(text[:_SAMPLE])
    traditional = sum(map(_TRADITIONAL.__contains__, found))
    simplified = sum(map(_SIMPLIFIED.__contains__, found))
    work = traditional + simplified < len(found) or _NEEDS_WORK.search(text, _SAMPLE) is not None
    return traditional > simplified, work


def fit(text: str, limit: int = 255) -> str:
    """A document property: python-docx (and Word) hold at most 255 characters."""
    clean = _XML_INVALID.sub("", text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def properties(
    items: list[ExportArticle], traditional: list[bool], title: str, subject: str = ""
) -> Properties:
    """Author = the annotators, a title; East Asian text in Chinese, Traditional when
    every article is (``traditional``: ``is_traditional`` of each article's text)."""
    notes = itertools.chain.from_iterable(i.notes for i in items)
    annotators = sorted(set(map(attrgetter("annotation.annotator"), notes)) - {""})
    lang = "zh-TW" if items and all(traditional) else "zh-CN"
    return Properties(fit("; ".join(annotators) or "Reader"), fit(title), fit(subject), lang)


def _words(labels: Mapping[str, str] | None) -> tuple[str, str]:
    """The report's title and its word for the review status: the UI's language when the
    window exports (``labels``), else both languages (the command line has none)."""
    labels = labels or {}
    return (
        labels.get("Review report", "Reader 审阅报告 · Review report"),
        labels.get("Review status", "状态 Status"),
    )


def _annotations(item: ExportArticle) -> list[Annotation]:
    return [note.annotation for note in item.notes]


def fill(colour: str | None) -> str:
    """The shading of a quote in ``colour``."""
    return _FILLS.get(colour or "", "ffe066")


_FILLS = {name: c.light.lstrip("#") for name, c in COLOURS.items()}


def docx_bytes(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> bytes:
    traditional = [is_traditional(i.article.text) for i in items]
    titles = [i.article.title for i in items]
    title = titles[0] if len(titles) == 1 else _words(labels)[0]
    said = properties(items, traditional, title)
    return docx_with(_pieces(items, traditional, labels), said, commented=False)


def _pieces(
    items: list[ExportArticle], traditional: list[bool], labels: Mapping[str, str] | None
) -> Iterator[tuple[bytes, bytes]]:
    """The report's paragraphs, an article at a time, made as they are written: UTF-8
    from the start, each text encoded alone, the markup around it once."""
    report, status_word = _words(labels)
    yield _para(report, "Title").encode(), b""
    heading, plain, signed = _open("Heading3").encode(), _open().encode(), _open(size=8).encode()
    tagged = _open(colour="9C2A22").encode()
    orphan = _para(orphan_label(labels), colour="B00020").encode()
    close = CLOSE.encode()
    for item, chinese in zip(items, traditional, strict=True):
        article = item.article
        parts = [_para(article.title, "Heading1").encode()]
        status = status_name(article.status, labels)
        lang = "zh-TW" if chinese else None
        line = f"{status_word}: {status}   {article.source_path}"
        parts.append(_para(line, italic=True, size=9).encode())
        tag_colours = {t.name: t.color for t in item.tags}
        fills = [passage_fill(a.color, a.tags, tag_colours) for a in _annotations(item)]
        quote = {c: _open("Quote", fill=c[1:], lang=lang).encode() for c in set(fills)}
        section = None
        for note, shade in zip(item.notes, fills, strict=True):
            a = note.annotation
            if note.section and note.section != section:
                section = note.section
                parts += (heading, _lines(section).encode(), close)
            if a.state == "orphaned":
                parts.append(orphan)
            parts += (quote[shade], _lines(a.quote).encode(), close)
            if a.tags:
                parts += (tagged, _lines("#" + "  #".join(a.tags)).encode(), close)
            if a.note:
                parts += (plain, _lines(a.note).encode(), close)
            when = a.updated_at[:16].replace("T", " ")
            parts += (signed, _lines(f"— {a.annotator}  {when}").encode(), close)
        yield b"".join(parts), b""
