"""doccano: sequence labelling JSON Lines, ``{"text": …, "label": [[start, end, label], …]}``.

doccano counts offsets in UTF-16 code units, as its JavaScript front end does
(doccano issue #2290), unless a project counts grapheme clusters (not supported
here). Reader writes and reads UTF-16 units. A Reader annotation gives one
``[start, end, label]`` per tag (``Reader-highlight`` when it has none). What
doccano cannot hold per span (Reader's id, note, colour, annotator, times) rides
in a ``reader`` field, which doccano keeps as the example's metadata; spans
changed or added in doccano come back without it: doccano's exporter writes
``{"id", "text", **metadata, "label", "Comments"}`` (its ``data_export`` pipeline),
so ``title`` and ``reader`` come back at the top of the line. Import also takes
doccano's relation-project shape, ``entities: [{start_offset, end_offset,
label}]``; example-level ``Comments`` belong to no span and are not imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_common import (
    UNTAGGED,
    Found,
    check,
    meta_value,
    need,
    reader_id,
    records,
    stable_id,
)
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.notes_import import NoteRecord
from reader.core.exchange.units import Utf16
from reader.core.library.store import shorten_path
from reader.core.stamps import text_hash


def doccano_jsonl(items: list[ExportArticle]) -> str:
    return "".join(doccano_pieces(items))


def doccano_pieces(items: list[ExportArticle]) -> Iterator[str]:
    """``doccano_jsonl(items)``, a line (an article) at a time."""
    for item in items:
        text = item.article.text
        units = Utf16(text)
        labels: list[list[Any]] = []
        extra = []
        for n in item.notes:
            a = n.annotation
            if a.state == "orphaned":
                continue
            start, end = units.to_utf16(a.start), units.to_utf16(a.end)
            labels += [[start, end, tag] for tag in a.tags or (UNTAGGED,)]
            extra.append(
                {
                    "id": a.id,
                    "start": start,
                    "end": end,
                    "labels": list(a.tags or (UNTAGGED,)),
                    "note": a.note,
                    "color": a.color,
                    "annotator": a.annotator,
                    "created": a.created_at,
                    "updated": a.updated_at,
                }
            )
        line = {
            "text": text,
            "label": labels,
            "title": item.article.title,
            "reader": {"text_hash": item.article.text_hash, "annotations": extra},
        }
        yield json.dumps(line, ensure_ascii=False) + "\n"


def looks_like(first: Any) -> bool:
    return isinstance(first, dict) and "text" in first and ("label" in first or "entities" in first)


def read_doccano(path: Path, lines: list[tuple[int, Any]]) -> list[NoteRecord]:
    out: list[NoteRecord] = []
    for number, item in lines:
        out += _example(f"{shorten_path(path)}: line {number}", item, number)
    if not out:
        raise NotesFormatError(f"{shorten_path(path)}: no labelled spans in it")
    return out


def _example(where: str, item: Any, number: int) -> list[NoteRecord]:
    check(where, "the line", item, dict)
    text = need(where, item, "text", str)
    units, hashed = Utf16(text), text_hash(text)
    spans: list[tuple[str, Any, Any, Any]] = []
    if "label" in item:
        for i, entry in enumerate(check(where, "label", item["label"], list)):
            name = f"label[{i}]"
            check(where, name, entry, list)
            if len(entry) != 3:
                raise NotesFormatError(f"{where}: field '{name}' must be [start, end, label]")
            spans.append((name, *entry))
    for i, entry in enumerate(check(where, "entities", item.get("entities", []), list)):
        name = f"entities[{i}]"
        check(where, name, entry, dict)
        spans.append(
            (
                name,
                need(f"{where}: {name}", entry, "start_offset", int),
                need(f"{where}: {name}", entry, "end_offset", int),
                need(f"{where}: {name}", entry, "label", str),
            )
        )
    reader = item.get("reader") if isinstance(item.get("reader"), dict) else {}
    extra = [e for e in reader.get("annotations", []) if isinstance(e, dict)]
    found: dict[tuple[int, int, str], Found] = {}
    given: set[tuple[int | None, str]] = set()  # (entry, label) pairs matched to a span
    for name, start, end, label in spans:
        check(where, f"{name} start", start, int)
        check(where, f"{name} end", end, int)
        check(where, f"{name} label", label, str)
        if not label.strip():
            raise NotesFormatError(f"{where}: field '{name}' has an empty label")
        if end <= start:
            raise NotesFormatError(f"{where}: field '{name}' ends before it starts")
        here = f"{where}: {name}"
        cp_start, cp_end = (
            units.from_utf16(start, f"{here} start"),
            units.from_utf16(end, f"{here} end"),
        )
        # each of Reader's entries gives a label once: two annotators' same tag on the same
        # words are two spans in "label", and two entries, each the owner of one of them
        at = next(
            (
                k
                for k, e in enumerate(extra)
                if e.get("start") == start
                and e.get("end") == end
                and label in (e.get("labels") or [])
                and (k, label) not in given
                and reader_id(e.get("id"))
            ),
            None,
        )
        own = extra[at] if at is not None else None
        given.add((at, label))
        key = (cp_start, cp_end, str(own["id"]) if own else "")
        if key not in found:
            ident = reader_id(own["id"]) if own else None
            example = item.get("id", number)  # doccano's example id, else the line
            ident = ident or stable_id("doccano", hashed, example, cp_start, cp_end)
            f = Found(here, ident, cp_start, cp_end)
            if own:
                f.note = meta_value(own, "note") or ""
                f.color = meta_value(own, "color")
                f.annotator = meta_value(own, "annotator") or ""
                f.created = meta_value(own, "created") or f.created
                f.updated = meta_value(own, "updated") or f.updated
            found[key] = f
        found[key].add_tag(label)
    title = item.get("title") if isinstance(item.get("title"), str) else ""
    return records(text, title or f"line {number}", found.values())
