"""Word (.docx) review report: per article, each quote shaded in its colour.

python-docx provides the package, the styles and the saving. The paragraphs
are written as WordprocessingML and parsed once: python-docx's per-paragraph
API looks styles up by name on every call (60 s for 10,000 notes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from reader.core.exchange.docx_package import save_with
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.names import orphan_label, status_name
from reader.core.notes.vocab import COLOURS

# Characters XML 1.0 cannot hold.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FONT = "Noto Serif CJK SC"


_NEEDS_WORK = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def _text(text: str) -> str:
    if _NEEDS_WORK.search(text) is None:
        return text  # most text: nothing to remove or escape
    return escape(_XML_INVALID.sub("", text))


def _attr(text: str) -> str:
    """Text for an attribute value in double quotes."""
    if _NEEDS_WORK.search(text) is None:
        return text
    return escape(_XML_INVALID.sub("", text), {'"': "&quot;"})


def new_document() -> Any:
    """python-docx's blank document, its Normal style in a CJK serif."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return document


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
    runs = "<w:br/>".join(
        f'<w:t xml:space="preserve">{_text(line)}</w:t>' for line in text.split("\n")
    )
    return f"<w:p>{ppr}<w:r><w:rPr>{rpr}</w:rPr>{runs}</w:r></w:p>"


_TRADITIONAL = frozenset("們這個來說為會對時國學過發還與後點體實現經裡開關買電話")
_SIMPLIFIED = frozenset("们这个来说为会对时国学过发还与后点体实现经里开关买电话")
_TRADITIONAL_RE = re.compile(f"[{''.join(sorted(_TRADITIONAL))}]")
_SIMPLIFIED_RE = re.compile(f"[{''.join(sorted(_SIMPLIFIED))}]")


def is_traditional(text: str) -> bool:
    """Whether a Chinese text is written in Traditional characters (by common ones)."""
    sample = text[:20_000]
    return len(_TRADITIONAL_RE.findall(sample)) > len(_SIMPLIFIED_RE.findall(sample))


def fit(text: str, limit: int = 255) -> str:
    """A document property: python-docx (and Word) hold at most 255 characters."""
    clean = _XML_INVALID.sub("", text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def set_properties(document: Any, items: list[ExportArticle], title: str) -> None:
    """Author = the annotators, real times, a title; East Asian text in Chinese.

    python-docx's template says author "python-docx", created 2013; its styles say
    ``w:lang eastAsia="en-US"``, which makes LibreOffice pick Japanese CJK faces.
    """
    from docx.oxml.ns import qn

    annotators = sorted({n.annotation.annotator for i in items for n in i.notes} - {""})
    props = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.author = props.last_modified_by = fit("; ".join(annotators) or "Reader")
    props.created = props.modified = now
    props.title = fit(title)
    props.comments = props.subject = props.keywords = ""
    props.revision = 1
    traditional = bool(items) and all(is_traditional(i.article.text) for i in items)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-TW" if traditional else "zh-CN")


def docx_bytes(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> bytes:
    document = new_document()
    titles = [i.article.title for i in items]
    set_properties(
        document, items, titles[0] if len(titles) == 1 else "Reader 审阅报告 · Review report"
    )
    parts = [_para("Reader 审阅报告 · Review report", "Title")]
    for item in items:
        article = item.article
        parts.append(_para(article.title, "Heading1"))
        status = status_name(article.status, labels)
        lang = "zh-TW" if is_traditional(article.text) else None
        parts.append(_para(f"状态 Status: {status}   {article.source_path}", italic=True, size=9))
        section = None
        for note in item.notes:
            a = note.annotation
            if note.section and note.section != section:
                section = note.section
                parts.append(_para(note.section, "Heading3"))
            fill = (COLOURS[a.color].light if a.color in COLOURS else "#ffe066").lstrip("#")
            if a.state == "orphaned":
                parts.append(_para(orphan_label(labels), colour="B00020"))
            parts.append(_para(a.quote, "Quote", fill=fill, lang=lang))
            if a.tags:
                parts.append(_para("  ".join(f"#{t}" for t in a.tags), colour="9C2A22"))
            if a.note:
                parts.append(_para(a.note))
            parts.append(_para(f"— {a.annotator}  {a.updated_at[:16].replace('T', ' ')}", size=8))
    return save_with(document, "".join(parts))
