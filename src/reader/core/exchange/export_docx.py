"""Word (.docx) review report: per article, each quote shaded in its colour.

python-docx provides the package, the styles and the saving. The paragraphs
are written as WordprocessingML and parsed once: python-docx's per-paragraph
API looks styles up by name on every call (60 s for 10,000 notes).
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reader.core.exchange.export_formats import STATUS_NAMES
from reader.core.exchange.exporting import ExportArticle
from reader.core.notes.vocab import COLOURS

# Characters XML 1.0 cannot hold.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FONT = "Noto Serif CJK SC"


def _text(text: str) -> str:
    return escape(_XML_INVALID.sub("", text))


def _para(
    text: str,
    style: str | None = None,
    *,
    fill: str | None = None,
    colour: str | None = None,
    size: int | None = None,
    italic: bool = False,
) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rpr = "".join(
        (
            "<w:i/>" if italic else "",
            f'<w:color w:val="{colour}"/>' if colour else "",
            f'<w:sz w:val="{size * 2}"/>' if size else "",
            f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else "",
        )
    )
    runs = "<w:br/>".join(
        f'<w:t xml:space="preserve">{_text(line)}</w:t>' for line in text.split("\n")
    )
    return f"<w:p>{ppr}<w:r><w:rPr>{rpr}</w:rPr>{runs}</w:r></w:p>"


def docx_bytes(items: list[ExportArticle]) -> bytes:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    parts = [_para("Reader 审阅报告 · Review report", "Title")]
    for item in items:
        article = item.article
        parts.append(_para(article.title, "Heading1"))
        status = STATUS_NAMES.get(article.status, article.status)
        parts.append(_para(f"状态 Status: {status}   {article.source_path}", italic=True, size=9))
        section = None
        for note in item.notes:
            a = note.annotation
            if note.section and note.section != section:
                section = note.section
                parts.append(_para(note.section, "Heading3"))
            fill = (COLOURS[a.color].light if a.color in COLOURS else "#ffe066").lstrip("#")
            parts.append(_para(a.quote, "Quote", fill=fill))
            if a.tags:
                parts.append(_para("  ".join(f"#{t}" for t in a.tags), colour="9C2A22"))
            if a.note:
                parts.append(_para(a.note))
            parts.append(_para(f"— {a.annotator}  {a.updated_at[:16].replace('T', ' ')}", size=8))
    body = document.element.body
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(parts)}</w:body>")
    section_properties = body[-1]  # stays last; inserting at an index is O(n) in lxml
    body.remove(section_properties)
    body.extend(list(fragment))
    body.append(section_properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
