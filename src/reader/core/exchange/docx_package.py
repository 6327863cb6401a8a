"""Saving a python-docx document with a body (and comments) written as WordprocessingML.

python-docx makes the package (styles, properties, relationships); the paragraphs,
tens of thousands of elements for 10,000 notes, are spliced into the saved XML as
text. Parsing them into the tree and serialising them again cost more than reading
the notes from the library; the XML a reader parses is the same either way (the
tests compare the two).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

_COMMENTS_END = re.compile(rb"</w:comments>\s*$|/>\s*$")


def save_with(document: Any, body: str, comments: str = "") -> bytes:
    """``document`` saved as .docx with ``body`` (``w:p`` elements, prefix ``w``) added
    at the end of its body (before the section properties) and ``comments``
    (``w:comment`` elements) at the end of its comments part."""
    comments_part = document.part._comments_part if comments else None
    buffer = io.BytesIO()
    document.save(buffer)
    names = {document.part.partname.lstrip("/"): ("body", body.encode("utf-8"))}
    if comments_part is not None:
        names[comments_part.partname.lstrip("/")] = ("comments", comments.encode("utf-8"))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as saved,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package,
    ):
        for info in saved.infolist():
            data = saved.read(info)
            if info.filename in names:
                where, added = names.pop(info.filename)
                data = _splice(data, where, added)
            package.writestr(info, data, compresslevel=1)  # not taken from the ZipFile
    if names:
        raise ValueError(f"the saved document has no {', '.join(names)}")
    return out.getvalue()


def _splice(xml: bytes, where: str, added: bytes) -> bytes:
    if where == "body":  # before the body's own section properties, its last child
        end = xml.rfind(b"</w:body>")
        if end < 0:
            raise ValueError("the document part has no <w:body>")
        last = xml.rfind(b"<w:sectPr", 0, end)
        closed = xml.endswith(b"</w:sectPr>", 0, end) or xml.find(b">", last) == end - 1
        at = last if last >= 0 and closed else end
        return xml[:at] + added + xml[at:]
    match = _COMMENTS_END.search(xml)
    if match is None:
        raise ValueError("the comments part does not end its root element")
    if match.group(0).startswith(b"/>"):  # an empty <w:comments …/>
        return xml[: match.start()] + b">" + added + b"</w:comments>" + xml[match.end() :]
    return xml[: match.start()] + added + xml[match.start() :]
