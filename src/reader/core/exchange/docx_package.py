"""Word packages: python-docx's blank document with a body (and comments) written as text.

python-docx makes the package (styles, properties, relationships) once per process for
each East Asian language and with or without a comments part, its parts deflated then
(``zip_parts``); an export writes those parts with its paragraphs, tens of thousands of
elements for 10,000 notes, spliced into the body as text, and its own core properties.
Parsing the paragraphs into python-docx's tree and serialising them again cost more
than reading the notes from the library, and opening python-docx's template and saving
it again a sixth of a Word export; the XML a reader parses is the same either way (the
tests compare the two).
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.exchange.zip_parts import Deflater, Part, deflate, package

FONT = "Noto Serif CJK SC"
_COMMENTS_END = re.compile(rb"</w:comments>\s*$|/>\s*$")


@dataclass(frozen=True)
class Properties:
    """What a Word export says about itself (python-docx's template says author
    "python-docx", created 2013)."""

    author: str
    title: str
    subject: str = ""
    lang: str = "zh-CN"  # East Asian text: zh-CN or zh-TW (the template's en-US makes
    # LibreOffice pick Japanese CJK faces)


def new_document() -> Any:
    """python-docx's blank document, its Normal style in a CJK serif."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for section in document.sections:  # the template's US Letter: A4, as in China
        section.page_width, section.page_height = Mm(210), Mm(297)
    rels = document.part.package.rels  # the template's thumbnail, a blank page: file
    for key, rel in list(rels.items()):  # browsers would show it for every export
        if rel.reltype == RT.THUMBNAIL:
            del rels[key]
    return document


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cjk_fonts(xml: bytes) -> bytes:
    """A styles part whose East Asian faces are ``FONT``, not the theme's.

    The template's styles (Title, headings, the defaults) take their East Asian face
    from the theme, whose face for that script is Japanese (ＭＳ ゴシック): Word and
    LibreOffice would set Chinese titles and headings in it.
    """
    from lxml import etree

    root = etree.fromstring(xml)
    for fonts in root.iter(_W + "rFonts"):
        if fonts.attrib.pop(_W + "eastAsiaTheme", None) is not None:
            fonts.set(_W + "eastAsia", FONT)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _template_part(name: str, data: bytes, lang: str) -> bytes:
    """The template's own parts made Reader's: Chinese faces and language, its name."""
    if name in ("word/styles.xml", "word/stylesWithEffects.xml"):
        return cjk_fonts(data)
    if name == "word/settings.xml":  # the theme's fonts are chosen for this language
        return re.sub(
            rb'(<w:themeFontLang[^>]*w:eastAsia=")[^"]*"', rb"\g<1>" + lang.encode() + b'"', data
        )
    if name == "docProps/app.xml":
        return re.sub(
            rb"<Application>[^<]*</Application>", b"<Application>Reader</Application>", data
        )
    return data


def set_language(document: Any, lang: str) -> None:
    """East Asian text in ``lang`` by default (``w:docDefaults``)."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_element = rpr.find(qn("w:lang"))
    if lang_element is None:
        lang_element = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang_element)
    lang_element.set(qn("w:eastAsia"), lang)


def set_properties(core: Any, properties: Properties, now: datetime) -> None:
    """``properties`` on python-docx's core properties: the annotators as author, real
    times, a title and subject, nothing else."""
    core.author = core.last_modified_by = properties.author
    core.created = core.modified = now
    core.title = properties.title
    core.comments = core.subject = core.keywords = ""
    core.subject = properties.subject  # after "": where python-docx adds the element
    core.revision = 1


@dataclass(frozen=True)
class _Blank:
    parts: tuple[Part, ...]  # deflated, in python-docx's order
    xml: dict[str, bytes]  # the parts an export changes, by name: document, comments, core
    body: str  # the names of the document, comments and core properties parts
    comments: str
    core: str


@functools.lru_cache(maxsize=4)
def _blank(lang: str, comments: bool) -> _Blank:
    """python-docx's blank document in ``lang`` (with an empty comments part), saved."""
    document = new_document()
    set_language(document, lang)
    holder = document.part._comments_part if comments else None
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as saved:
        parts = [
            (info.filename, _template_part(info.filename, saved.read(info), lang))
            for info in saved.infolist()
        ]
    body = document.part.partname.lstrip("/")
    notes = holder.partname.lstrip("/") if holder is not None else ""
    core = document.part.package._core_properties_part.partname.lstrip("/")
    changed = {body, notes, core}
    return _Blank(
        tuple(deflate(name, b"" if name in changed else data) for name, data in parts),
        {name: data for name, data in parts if name in changed},
        body,
        notes,
        core,
    )


def _core(xml: bytes, properties: Properties) -> bytes:
    """The template's core properties part with ``properties`` set, as python-docx saves it."""
    from docx.opc.coreprops import CoreProperties
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.parser import parse_xml

    element = parse_xml(xml)
    set_properties(CoreProperties(element), properties, datetime.now(UTC).replace(microsecond=0))
    return bytes(serialize_part_xml(element))


def docx_with(
    pieces: Iterable[tuple[bytes, bytes]], properties: Properties, commented: bool
) -> bytes:
    """The blank document saved as .docx with each piece's body (``w:p`` elements,
    prefix ``w``, in UTF-8) added at the end of its body (before the section
    properties) and its comments (``w:comment`` elements) in its comments part, which
    it has when ``commented``. Each part is deflated as its pieces come: only the
    deflated document is ever whole in memory."""
    blank = _blank(properties.lang, commented)
    with contextlib.ExitStack() as deflating:
        body = deflating.enter_context(Deflater(blank.body))
        body_before, body_after = _body_at(blank.xml[blank.body])
        body.write(body_before)
        notes: Deflater | None = None
        notes_after = b""
        if commented:
            notes = deflating.enter_context(Deflater(blank.comments))
            notes_before, notes_after = _comments_at(blank.xml[blank.comments])
            notes.write(notes_before)
        for xml, comments in pieces:
            body.write(xml)
            if comments and notes is None:
                raise ValueError("comments for a document made without a comments part")
            if comments and notes is not None:
                notes.write(comments)
        body.write(body_after)
        made = {blank.body: body.part()}
        if notes is not None:
            notes.write(notes_after)
            made[blank.comments] = notes.part()
    made[blank.core] = deflate(blank.core, _core(blank.xml[blank.core], properties))
    return package(made.get(part.name, part) for part in blank.parts)


def _body_at(xml: bytes) -> tuple[bytes, bytes]:
    """The document part around where paragraphs go: before the body's own section
    properties, its last child."""
    end = xml.rfind(b"</w:body>")
    if end < 0:
        raise ValueError("the document part has no <w:body>")
    last = xml.rfind(b"<w:sectPr", 0, end)
    closed = xml.endswith(b"</w:sectPr>", 0, end) or xml.find(b">", last) == end - 1
    at = last if last >= 0 and closed else end
    return xml[:at], xml[at:]


def _comments_at(xml: bytes) -> tuple[bytes, bytes]:
    """The comments part around where comments go: at the end of its root element."""
    match = _COMMENTS_END.search(xml)
    if match is None:
        raise ValueError("the comments part does not end its root element")
    if match.group(0).startswith(b"/>"):  # an empty <w:comments …/>
        return xml[: match.start()] + b">", b"</w:comments>" + xml[match.end() :]
    return xml[: match.start()], xml[match.start() :]
