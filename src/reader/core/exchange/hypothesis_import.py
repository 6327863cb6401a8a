"""Hypothesis exports read back: the sidebar's own export, and Reader's ``--format hypothesis``.

A Hypothesis export is a JSON object with an ``annotations`` array. Each annotation
on a passage has a ``target`` whose selectors give the quote with its context
(``TextQuoteSelector``) and the position in UTF-16 code units
(``TextPositionSelector``); its ``text`` is the note in Markdown, ``tags`` its tags,
``user_info.display_name`` (else the ``acct:NAME@…`` user) its annotator. The
article is the one whose text hash the ``uri`` names (Reader's
``urn:reader:text-sha256:…``), else the one article with the document's title; the
quote and context place the note when the text differs. Page notes (no passage) are
not annotations Reader can place: they are left out, and a file of page notes only
is refused.
"""

from __future__ import annotations

import functools
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt

from reader.core.errors import NotesFormatError
from reader.core.exchange.docx_import import iso_time
from reader.core.library.store import shorten_path

if TYPE_CHECKING:
    from reader.core.exchange.notes_import import NoteRecord

URN = "urn:reader:text-sha256:"
_MAX = 1_000_000  # characters of a note, a quote or a tag list: past this, not a note


def looks_like_hypothesis(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("annotations"), list)


@functools.cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def plain_note(markdown: str) -> str:
    """A Hypothesis note (Markdown) as plain text, one line per line: escapes and
    entities resolved, emphasis and links reduced to their text. Reader's own notes,
    written inert (``md_text``), come back exactly as they were."""
    if not markdown.strip():
        return ""
    lines: list[str] = []
    for block in markdown.split("\n\n"):
        (inline,) = _markdown().parseInline(block.strip("\n"))
        parts: list[str] = []
        for token in inline.children or []:
            if token.type in ("softbreak", "hardbreak"):
                lines.append("".join(parts))
                parts = []
            elif token.type in ("text", "text_special", "code_inline") or token.type == "image":
                parts.append(token.content)
        lines.append("".join(parts))
        lines.append("")
    lines.pop()
    return "\n".join("" if line.strip("\u00a0 ") == "" else line for line in lines)


def _string(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or len(value) > _MAX:
        raise NotesFormatError(f"{where}: field '{key}' must be text")
    return value


def _selectors(item: dict[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The quote selector and the position selector (``{}`` when none); None for a page note."""
    targets = item.get("target")
    if not isinstance(targets, list) or not targets or not isinstance(targets[0], dict):
        raise NotesFormatError(f"{where}: field 'target' must be a list of targets")
    selectors = targets[0].get("selector", [])
    if not isinstance(selectors, list):
        raise NotesFormatError(f"{where}: field 'selector' must be a list")
    found = {s.get("type"): s for s in selectors if isinstance(s, dict)}
    quote = found.get("TextQuoteSelector")
    if quote is None:
        return None
    if not isinstance(quote.get("exact"), str) or not quote["exact"]:
        raise NotesFormatError(f"{where}: its TextQuoteSelector has no 'exact' text")
    position = found.get("TextPositionSelector") or {}
    start, end = position.get("start"), position.get("end")
    valid = type(start) is int and type(end) is int and 0 <= start <= end < 2**53
    return quote, position if valid else {}


def _annotator(item: dict[str, Any]) -> str:
    info = item.get("user_info")
    name = info.get("display_name") if isinstance(info, dict) else None
    if isinstance(name, str) and name.strip():
        return name.strip()[:500]
    user = item.get("user")
    if isinstance(user, str) and user.startswith("acct:"):
        return user[5:].split("@", 1)[0][:500]
    return ""


def _title(item: dict[str, Any]) -> str:
    document = item.get("document")
    titles = document.get("title") if isinstance(document, dict) else None
    if isinstance(titles, list) and titles and isinstance(titles[0], str):
        return titles[0]
    return titles if isinstance(titles, str) else ""


def hypothesis_records(path: Path, value: dict[str, Any]) -> list[NoteRecord]:
    """Each annotation on a passage as a note, its offsets in UTF-16 units (``utf16``)."""
    from reader.core.exchange.notes_import import NoteRecord

    records: list[NoteRecord] = []
    for number, item in enumerate(value["annotations"], 1):
        where = f"{shorten_path(path)}: annotation {number}"
        if not isinstance(item, dict):
            raise NotesFormatError(f"{where}: not an annotation (a JSON object)")
        found = _selectors(item, where)
        if found is None:
            continue  # a page note: no passage to place it on
        quote, position = found
        uri = _string(item, "uri", where)
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise NotesFormatError(f"{where}: field 'tags' must be a list of text")
        exact = str(quote["exact"])
        note = plain_note(_string(item, "text", where))
        ident = _string(item, "id", where).strip() or str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"urn:reader:hypothesis:{uri}:{exact}:{note}")
        )
        created = iso_time(_string(item, "created", where))
        updated = iso_time(_string(item, "updated", where) or created)
        records.append(
            NoteRecord(
                where,
                ident[:500],
                uri[len(URN) :] if uri.startswith(URN) else "",
                _title(item),
                int(position.get("start", 0)),
                int(position.get("end", 0)),
                exact,
                str(quote.get("prefix") or ""),
                str(quote.get("suffix") or ""),
                tuple(dict.fromkeys(t.strip()[:500] for t in tags if t.strip()))[:50],
                note,
                None,
                _annotator(item),
                created,
                updated,
                utf16=bool(position),
            )
        )
    if not records:
        raise NotesFormatError(f"{shorten_path(path)}: no annotations on a passage in it")
    return records
