"""Read comments a colleague added in Word, WPS or LibreOffice back as annotations.

``word/comments.xml`` holds each comment's author, date and text; ``word/document.xml``
marks its passage with ``commentRangeStart``/``commentRangeEnd``. The document is cut
at each paragraph that is the title of an article in the library (a Reader
``--full-text`` export has one per article); each part is matched to its article (by
its text's hash, else its title, else the article holding most of its commented
passages) and each comment becomes a note on the commented text, re-anchored into the
article by quote and context. A comment's first line of ``#tags`` gives its tags.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from reader.core.errors import NotesFormatError
from reader.core.exchange.names import ORPHAN_MARK
from reader.core.library.store import shorten_path
from reader.core.stamps import text_hash

if TYPE_CHECKING:
    from reader.core.exchange.notes_import import NoteRecord

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PART_BYTES = 200 * 1024 * 1024
CONTEXT = 32
_TAGS = re.compile(r"(?:^|\s)#(\S(?:.*?\S)?)(?=\s+#|\s*$)")


@dataclass
class Comment:
    id: str
    author: str
    date: str
    lines: list[str]


@dataclass
class Part:
    """One article's stretch of the document: its paragraphs and the comment ranges in it."""

    paragraphs: list[str] = field(default_factory=list)
    ranges: list[tuple[str, int, int]] = field(default_factory=list)  # comment id, start, end
    orphans_of: str | None = None  # Reader's "⚠ orphaned" list: the title of its article

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def title(self) -> str:
        return next((p.strip() for p in self.paragraphs if p.strip()), "")


def _xml(package: zipfile.ZipFile, name: str, path: Path) -> ElementTree.Element | None:
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise NotesFormatError(f"{shorten_path(path)}: {name} is too big to read")
    try:
        return ElementTree.fromstring(package.read(name))
    except ElementTree.ParseError as exc:
        raise NotesFormatError(f"{shorten_path(path)}: {name} is not valid XML ({exc})") from exc


def _text_of(element: ElementTree.Element) -> str:
    out = []
    for node in element.iter():
        if node.tag == W + "t":
            out.append(node.text or "")
        elif node.tag == W + "tab":
            out.append("\t")
    return "".join(out)


def _orphans(paragraph: ElementTree.Element) -> bool:
    return _text_of(paragraph).startswith(ORPHAN_MARK)


def read_docx(path: Path) -> tuple[dict[str, Comment], list[Part]]:
    """The comments, and the document cut into articles at each ``Title`` paragraph."""
    try:
        package = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise NotesFormatError(f"{shorten_path(path)}: not a Word (.docx) file") from exc
    with package:
        document = _xml(package, "word/document.xml", path)
        comments_root = _xml(package, "word/comments.xml", path)
    body = document.find(W + "body") if document is not None else None
    if body is None:
        raise NotesFormatError(f"{shorten_path(path)}: not a Word (.docx) file")
    comments: dict[str, Comment] = {}
    for node in comments_root.iter(W + "comment") if comments_root is not None else ():
        number = node.get(W + "id", "")
        lines = [_text_of(p) for p in node.iter(W + "p")]
        comments[number] = Comment(
            number, node.get(W + "author", ""), node.get(W + "date", ""), lines
        )
    parts: list[Part] = []
    opened: dict[str, tuple[int, int]] = {}  # comment id: (part, offset)
    for paragraph in body.iter(W + "p"):
        found = paragraph.find(f"{W}pPr/{W}pStyle")
        style = found.get(W + "val", "") if found is not None else ""
        # A title opens an article; so does Reader's own "⚠ orphaned" heading, whose
        # comments are on quotes listed there, not on the article's text: they belong to
        # the article before it, placed by quote alone (orphaned if it is not there).
        if style.startswith("Heading") and _orphans(paragraph) and parts:
            parts.append(Part(orphans_of=parts[-1].orphans_of or parts[-1].title))
        elif not parts or style == "Title":
            parts.append(Part())
        part = parts[-1]
        base = sum(len(p) + 1 for p in part.paragraphs)
        pieces: list[str] = []
        for node in paragraph.iter():
            if node.tag == W + "t":
                pieces.append(node.text or "")
            elif node.tag == W + "tab":
                pieces.append("\t")
            elif node.tag == W + "commentRangeStart":
                opened[node.get(W + "id", "")] = (len(parts) - 1, base + len("".join(pieces)))
            elif node.tag == W + "commentRangeEnd":
                where = opened.pop(node.get(W + "id", ""), None)
                if where is not None and where[0] == len(parts) - 1:
                    end = base + len("".join(pieces))
                    part.ranges.append((node.get(W + "id", ""), where[1], end))
        part.paragraphs.append("".join(pieces))
    return comments, parts


def split_tags(lines: list[str]) -> tuple[tuple[str, ...], str]:
    """A first line made only of ``#tag`` words gives the tags; the rest is the note."""
    if lines and lines[0].startswith("#"):
        tags = tuple(m.group(1) for m in _TAGS.finditer(lines[0]))
        if tags:
            return tags, "\n".join(lines[1:]).strip("\n")
    return (), "\n".join(lines).strip("\n")


def iso_time(stamp: str) -> str:
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        when = datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def comment_id(text: str, start: int, end: int, comment: Comment) -> str:
    """The same comment on the same text gives the same id, so importing twice merges."""
    key = "\x1f".join(
        [text_hash(text), str(start), str(end), comment.author, comment.date, *comment.lines]
    )
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:reader:docx-comment:" + key))


def docx_records(path: Path) -> list[NoteRecord]:
    """Each comment of a .docx as a note on the passage it comments."""
    from reader.core.exchange.notes_import import NoteRecord, read_bytes

    read_bytes(path)  # a FIFO, device or huge file is refused before unzipping
    comments, parts = read_docx(path)
    records = []
    for part in parts:
        text = part.text
        listed = part.orphans_of is not None  # no text hash, no context: the quote alone
        for number, start, end in part.ranges:
            comment = comments.get(number)
            if comment is None or end <= start:
                continue
            lines = comment.lines
            if listed and lines and lines[0].startswith(ORPHAN_MARK):
                lines = lines[1:]  # Reader's "⚠ orphaned" first line: not the note's
            tags, note = split_tags(lines)
            stamp = iso_time(comment.date)
            records.append(
                NoteRecord(
                    f"{shorten_path(path)}: comment {number}",
                    comment_id(text, start, end, comment),
                    "" if listed else text_hash(text),
                    part.orphans_of or part.title,
                    start,
                    end,
                    text[start:end],
                    "" if listed else text[max(0, start - CONTEXT) : start],
                    "" if listed else text[end : end + CONTEXT],
                    tuple(dict.fromkeys(t[:500] for t in tags if t.strip()))[:50],
                    note,
                    None,
                    comment.author[:500],
                    stamp,
                    stamp,
                    skip_if_present=True,
                )
            )
    if not records:
        raise NotesFormatError(f"{shorten_path(path)}: no comments on any text in it")
    return records
