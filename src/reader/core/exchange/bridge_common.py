"""What the bridges to annotation tools share: spans read back into note records, stable
ids, the label of an untagged highlight, small typed readers of foreign JSON, and
file names (``export_folder`` writes the folder exports)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.core.errors import NotesFormatError
from reader.core.exchange.notes_import import NoteRecord
from reader.core.exchange.notes_import import _record as checked_record
from reader.core.exchange.notes_schema import ID_PATTERN
from reader.core.notes.anchoring import selector_for
from reader.core.stamps import text_hash

# A Reader annotation without tags still needs a label in every tool: this one, which
# comes back as no tag at all.
UNTAGGED = "Reader-highlight"
# Annotations made in another tool without a time of their own: a fixed time, so
# importing the same file twice skips them the second time instead of merging.
NO_TIME = "1970-01-01T00:00:00+00:00"
_NAMESPACE = uuid.UUID("6f1c2a4e-9b2d-4d0e-8a51-3c7e2f7d9b10")


def stable_id(*parts: object) -> str:
    """A Reader id for an annotation made elsewhere: the same parts give the same id."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(str(p) for p in parts)))


def reader_id(value: object) -> str | None:
    """``value`` when it can be a Reader annotation id (what the notes schema takes:
    a UUID, or any id JSON Lines brought in, such as ``rv13-01``), else None."""
    if isinstance(value, str) and re.fullmatch(ID_PATTERN, value):
        return value
    return None


@dataclass
class Found:
    """One annotation read from a tool; offsets already in code points of ``text``."""

    where: str
    id: str
    start: int
    end: int
    tags: list[str] = field(default_factory=list)
    note: str = ""
    quote: str | None = None  # what the tool says the span holds, when it says
    color: str | None = None
    annotator: str = ""
    created: str = NO_TIME
    updated: str = NO_TIME

    def add_tag(self, label: str) -> None:
        if label != UNTAGGED and label not in self.tags:
            self.tags.append(label)


def records(text: str, title: str, found: Iterable[Found]) -> list[NoteRecord]:
    """Note records for annotations found on ``text``, each checked by the notes schema.

    The text's hash matches the article; the quote is what the offsets cover (or what
    the tool says they cover, when that differs: then the quote re-anchors it).
    """
    hashed = text_hash(text)
    out = []
    for f in found:
        if not 0 <= f.start < f.end <= len(text):
            raise NotesFormatError(
                f"{f.where}: offsets {f.start}-{f.end} do not fit the text "
                f"({len(text):,} characters)"
            )
        selector = selector_for(text, f.start, f.end)
        quote = selector.quote if f.quote in (None, selector.quote) else f.quote
        item: dict[str, Any] = {
            "id": f.id,
            "article": {"title": title, "text_hash": hashed},
            "start": f.start,
            "end": f.end,
            "quote": quote,
            "prefix": selector.prefix,
            "suffix": selector.suffix,
            "tags": list(dict.fromkeys(f.tags)),
            "note": f.note,
            "color": f.color,
            "annotator": f.annotator,
            "created": f.created,
            "updated": f.updated,
        }
        out.append(checked_record(f.where, item, {}))
    return out


# --- reading foreign JSON with messages that name the field ----------------------------
def need(where: str, data: Mapping[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    """``data[name]`` when it has the type ``kind``; else a message naming the field."""
    if name not in data:
        raise NotesFormatError(f"{where}: field '{name}' is missing")
    value = data[name]
    return check(where, name, value, kind)


def check(where: str, name: str, value: Any, kind: type | tuple[type, ...]) -> Any:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
    if not ok:
        words = {str: "text", int: "a whole number", list: "a list", dict: "an object {…}"}
        wanted = " or ".join(words.get(k, k.__name__) for k in kinds)
        raise NotesFormatError(f"{where}: field '{name}' must be {wanted}")
    return value


def meta_value(meta: Mapping[str, Any], name: str) -> str | None:
    value = meta.get(name)
    return value if isinstance(value, str) else None


# --- file names ------------------------------------------------------------------------
def file_name(title: str, taken: set[str]) -> str:
    """A file name (no suffix) from an article title: safe on every system, unique."""
    bad = '<>:"/\\|?*\x00'
    cleaned = "".join("_" if c in bad or ord(c) < 32 else c for c in title).strip(" .")[:80]
    base = cleaned or "article"
    name, number = base, 2
    while name.casefold() in taken:
        name = f"{base} ({number})"
        number += 1
    taken.add(name.casefold())
    return name
