"""Import notes exported as JSON Lines or W3C Web Annotation back into a library.

Notes are matched to articles by text hash, then by title, and re-anchored by
quote and context. A note whose id exists is merged: the newer ``updated``
wins. A malformed file is refused with the line or field named, and nothing is
imported: all of it is one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.exchange.export_formats import JSONL_TYPE
from reader.core.library.store import Library
from reader.core.notes import annotations as notes
from reader.core.notes.anchoring import Reanchorer, Selector
from reader.core.notes.annotations import Annotation, check_colour
from reader.core.stamps import text_hash


@dataclass(frozen=True)
class NoteRecord:
    where: str  # "line 3" or "item 3": for messages
    id: str
    text_hash: str
    title: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    tags: tuple[str, ...]
    note: str
    color: str | None
    annotator: str
    created: str
    updated: str


@dataclass
class NotesSummary:
    imported: int = 0
    merged: int = 0
    orphaned: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, why)

    def line(self) -> str:
        return (
            f"{self.imported} imported, {self.merged} merged, {self.orphaned} orphaned, "
            f"{len(self.skipped)} skipped"
        )


def read_records(path: Path) -> list[NoteRecord]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReaderError(f"{path}: cannot read it as UTF-8 text ({exc})") from exc
    stripped = text.lstrip()
    if stripped.startswith("{") and '"AnnotationCollection"' in stripped[:2000]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReaderError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from exc
        return _from_w3c(path, data)
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReaderError(f"{path}: line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or item.get("type") != JSONL_TYPE:
            raise ReaderError(
                f'{path}: line {number}: not a Reader annotation ("type" must be "{JSONL_TYPE}")'
            )
        records.append(_record(f"{path}: line {number}", item, item.get("article")))
    if not records:
        raise ReaderError(f"{path}: no annotations in it")
    return records


def _from_w3c(path: Path, data: Any) -> list[NoteRecord]:
    if not isinstance(data, dict) or data.get("type") != "AnnotationCollection":
        raise ReaderError(f"{path}: not a W3C AnnotationCollection")
    items = (data.get("first") or {}).get("items")
    if not isinstance(items, list):
        raise ReaderError(f"{path}: field “first.items” is missing")
    records = []
    for number, item in enumerate(items, 1):
        where = f"{path}: item {number}"
        try:
            target = item["target"]
            source = target["source"]
            selectors = {s["type"]: s for s in target["selector"]}
            quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
            bodies = item.get("body", [])
        except (KeyError, TypeError) as exc:
            raise ReaderError(f"{where}: field {exc} is missing") from exc
        flat = {
            "id": str(item.get("id", "")).removeprefix("urn:uuid:"),
            "start": position.get("start"),
            "end": position.get("end"),
            "quote": quote.get("exact"),
            "prefix": quote.get("prefix", ""),
            "suffix": quote.get("suffix", ""),
            "tags": [b["value"] for b in bodies if b.get("purpose") == "tagging"],
            "note": "".join(b["value"] for b in bodies if b.get("purpose") == "commenting"),
            "color": next((b["value"] for b in bodies if b.get("purpose") == "highlighting"), None),
            "annotator": (item.get("creator") or {}).get("name", ""),
            "created": item.get("created"),
            "updated": item.get("modified"),
        }
        article = {
            "text_hash": str(source.get("id", "")).rsplit(":", 1)[-1],
            "title": source.get("title", ""),
        }
        records.append(_record(where, flat, article))
    return records


def _record(where: str, item: dict[str, Any], article: Any) -> NoteRecord:
    def need(name: str, kind: type) -> Any:
        value = item.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ReaderError(f"{where}: field “{name}” is missing or not {_kind(kind)}")
        return value

    if not isinstance(article, dict):
        raise ReaderError(f"{where}: field “article” is missing")
    tags = need("tags", list)
    if not all(isinstance(t, str) for t in tags):
        raise ReaderError(f"{where}: field “tags” must hold text")
    color = item.get("color")
    try:
        check_colour(color)
    except ReaderError as exc:
        raise ReaderError(f"{where}: {exc}") from exc
    start, end = need("start", int), need("end", int)
    if not 0 <= start <= end:
        raise ReaderError(f"{where}: fields “start” and “end” are not a span")
    return NoteRecord(
        where,
        need("id", str),
        str(article.get("text_hash", "")),
        str(article.get("title", "")),
        start,
        end,
        need("quote", str),
        str(item.get("prefix", "")),
        str(item.get("suffix", "")),
        tuple(tags),
        str(item.get("note", "")),
        color,
        str(item.get("annotator", "")),
        need("created", str),
        need("updated", str),
    )


def _kind(kind: type) -> str:
    return {int: "a number", str: "text", list: "a list"}.get(kind, "valid")


def import_notes(library: Library, path: Path) -> NotesSummary:
    records = read_records(path)  # raises before anything is written
    summary = NotesSummary()
    articles = library.conn.execute(
        "SELECT id, title, text_hash, text FROM articles WHERE retired_at IS NULL"
    ).fetchall()
    by_hash = {h: (i, t) for i, _, h, t in articles}
    by_title: dict[str, list[tuple[int, str]]] = {}
    for i, title, _, text in articles:
        by_title.setdefault(title, []).append((i, text))
    with library.transaction() as conn:
        for record in records:
            found = by_hash.get(record.text_hash)
            same_text = found is not None
            if found is None:
                candidates = by_title.get(record.title, [])
                if len(candidates) != 1:
                    summary.skipped.append((record.where, "no article with this text or title"))
                    continue
                found = candidates[0]
            article_id, text = found
            state, start, end = "anchored", record.start, record.end
            if not (same_text and text[start:end] == record.quote):
                anchor = Reanchorer(text)(
                    Selector(record.start, record.end, record.quote, record.prefix, record.suffix)
                )
                state, start, end = anchor.state, anchor.start, anchor.end
            incoming = Annotation(
                record.id,
                article_id,
                start,
                end,
                record.quote,
                record.prefix,
                record.suffix,
                text_hash(text),
                record.color,
                record.note,
                record.annotator,
                state,
                record.tags,
                record.created,
                record.updated,
            )
            existing = conn.execute(
                "SELECT updated_at FROM annotations WHERE id = ?", [record.id]
            ).fetchone()
            if existing is not None:
                if existing[0] >= record.updated:
                    summary.skipped.append((record.where, "the library's copy is as new or newer"))
                    continue
                conn.execute("DELETE FROM annotations WHERE id = ?", [record.id])
                summary.merged += 1
            else:
                summary.imported += 1
            if state == "orphaned":
                summary.orphaned += 1
            notes.insert(conn, incoming)
    return summary
