"""Import notes exported as JSON Lines or W3C Web Annotation back into a library.

Notes are matched to articles by text hash, then by title, and re-anchored by
quote and context. A note whose id exists is merged: the newer ``updated``
wins. A malformed file is refused with the line or field named, and nothing is
imported: all of it is one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.core.errors import NotesFormatError
from reader.core.exchange import article_records
from reader.core.exchange import notes_schema as schema
from reader.core.exchange.article_records import ArticleRecord
from reader.core.exchange.hypothesis_import import hypothesis_records, looks_like_hypothesis
from reader.core.exchange.jsonld import JSONL_TYPE, id_from_iri
from reader.core.exchange.placing import Articles, place
from reader.core.exchange.units import Utf16
from reader.core.library.store import Library, describe_os_error, shorten_path
from reader.core.notes import annotations as notes
from reader.core.notes.annotations import Annotation
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
    # A Word comment: skipped when the article already has this note on this passage
    # (the comments Reader's own --full-text export wrote).
    skip_if_present: bool = False
    utf16: bool = False  # start and end count UTF-16 code units (Hypothesis)
    source: str = ""  # the article's source file, where the record names it (JSON Lines)


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


MAX_FILE_BYTES = 512 * 1024 * 1024


class NoteRecords(list[NoteRecord]):
    """The notes of a file, and what came with them: articles' statuses, notes and tags."""

    articles: list[ArticleRecord]

    def __init__(self, records: list[NoteRecord], articles: list[ArticleRecord]) -> None:
        super().__init__(records)
        self.articles = articles


def read_records(path: Path) -> list[NoteRecord]:
    """Every record of a notes file, validated; the first bad one raises NotesFormatError."""
    if path.suffix.lower() == ".docx":  # a zip too: before the bridges look for XMI zips
        from reader.core.exchange.docx_import import docx_records

        return docx_records(path)
    from reader.core.exchange.bridge_import import read_bridge  # the bridges import this

    bridged = read_bridge(path)  # brat, XMI, Label Studio, doccano: recognised by content
    if bridged is not None:
        return bridged
    text = _read_text(path)
    stripped = text.lstrip()
    if stripped.startswith("{") and '"AnnotationCollection"' in stripped[:2000]:
        return _from_w3c(path, _load(path, text, None))
    if stripped.startswith("{") and '"annotations"' in stripped:
        whole = _whole(path, text)
        if looks_like_hypothesis(whole):
            return hypothesis_records(path, whole)
    _check_first_line(path, text)
    records = []
    articles = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        item = _load(path, line, number)
        if isinstance(item, dict) and item.get("type") == article_records.ARTICLE_TYPE:
            articles.append(article_records.read(f"{shorten_path(path)}: line {number}", item))
            continue
        if not isinstance(item, dict) or item.get("type") != JSONL_TYPE:
            raise NotesFormatError(
                f"{shorten_path(path)}: line {number}: not a Reader annotation "
                f'("type" must be "{JSONL_TYPE}")'
            )
        records.append(_record(f"{shorten_path(path)}: line {number}", item, {}))
    if not records:
        raise NotesFormatError(f"{shorten_path(path)}: no annotations in it")
    return NoteRecords(records, articles)


READ_FORMATS = "JSON Lines, W3C, Hypothesis, Label Studio, doccano, XMI zip, brat, Word"
_READER_TYPES = (JSONL_TYPE, article_records.ARTICLE_TYPE)


def not_a_notes_format(path: Path, value: Any = None) -> NotesFormatError:
    """The one line refusing a file none of the notes formats recognises, with a hint
    when its content says what it is."""
    said = f"{shorten_path(path)}: not a notes format Reader reads ({READ_FORMATS})"
    if isinstance(value, dict) and isinstance(value.get("type"), str):
        shown = value["type"][:40]
        said += f'; line 1 is of type "{shown}", not "{JSONL_TYPE}"'
    return NotesFormatError(said)


def _code_points(record: NoteRecord, text: str) -> NoteRecord:
    """The record with its UTF-16 offsets as code point offsets in ``text`` (0, 0 when
    they do not fit it: the quote places the note then)."""
    units = Utf16(text)
    try:
        start, end = units.from_utf16(record.start), units.from_utf16(record.end)
    except NotesFormatError:
        start = end = 0
    return replace(record, start=start, end=end, utf16=False)


def _check_first_line(path: Path, text: str) -> None:
    """Refuse, in one line, a file whose first record is not Reader's: a JSON document
    of another shape, or JSON Lines of something else. Later lines are checked one by one."""
    first = next(((n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()), None)
    if first is None:
        return
    try:
        item = _load(path, first[1], first[0])
    except NotesFormatError:
        whole = _whole(path, text)
        if whole is not None:  # valid JSON over several lines: a document, not notes
            raise not_a_notes_format(path, whole) from None
        raise
    if not (isinstance(item, dict) and item.get("type") in _READER_TYPES):
        raise not_a_notes_format(path, item)


def _whole(path: Path, text: str) -> Any:
    try:
        return _load(path, text, None)
    except NotesFormatError:
        return None


def _read_text(path: Path) -> str:
    """The file as text; anything but a regular file (a FIFO, /dev/zero) is refused at once."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotesFormatError(
            f"{shorten_path(path)}: not UTF-8 text (a bad byte at offset {exc.start:,})"
        ) from exc


def read_bytes(path: Path) -> bytes:
    """The file's bytes; anything but a regular file, or a file too big, is refused at once."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise NotesFormatError(f"{shorten_path(path)}: not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise NotesFormatError(
                f"{shorten_path(path)}: too big for a notes file ({info.st_size:,} bytes; "
                f"at most {MAX_FILE_BYTES:,})"
            )
        return path.read_bytes()
    except OSError as exc:
        raise NotesFormatError(
            f"{shorten_path(path)}: cannot read it ({describe_os_error(exc)})"
        ) from exc


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _load(path: Path, text: str, number: int | None) -> Any:
    where = f"{shorten_path(path)}: line {number}" if number is not None else str(path)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        line = number if number is not None else exc.lineno
        raise NotesFormatError(
            f"{shorten_path(path)}: line {line}: not valid JSON ({exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise NotesFormatError(f"{where}: nested too deeply to be a note") from exc
    except ValueError as exc:  # a number of thousands of digits, NaN, Infinity
        raise NotesFormatError(f"{where}: holds a number Reader cannot take ({exc})") from exc


def _from_w3c(path: Path, data: Any) -> list[NoteRecord]:
    wrong = schema.problem(schema.COLLECTION, data)
    if wrong is not None:
        raise NotesFormatError(f"{shorten_path(path)}: not a W3C AnnotationCollection: {wrong}")
    records = []
    for number, item in enumerate(data["first"]["items"], 1):
        where = f"{shorten_path(path)}: item {number}"
        wrong = schema.problem(schema.W3C_ITEM, item)
        if wrong is not None:
            raise NotesFormatError(f"{where}: {wrong}")
        target = item["target"]
        selectors = {s["type"]: s for s in target["selector"]}
        quote = selectors.get("TextQuoteSelector")
        # An orphan is exported without a position (its old one points at other text),
        # its last offsets kept as Reader's own; a note with only a quote is placed by it.
        former = {"start": target.get("reader:formerStart"), "end": target.get("reader:formerEnd")}
        position = selectors.get("TextPositionSelector") or former
        if quote is None:
            raise NotesFormatError(f"{where}: field 'target.selector' needs a TextQuoteSelector")
        if position is former and not all(isinstance(v, int) for v in former.values()):
            position = {"start": 0, "end": 0}
        bodies = item.get("body", [])
        by_purpose = {p: [b["value"] for b in bodies if b.get("purpose") == p] for p in PURPOSES}
        flat = {
            "id": id_from_iri(item["id"]),
            "start": position.get("start"),
            "end": position.get("end"),
            "quote": quote.get("exact"),
            "prefix": quote.get("prefix", ""),
            "suffix": quote.get("suffix", ""),
            "tags": by_purpose["tagging"],
            "note": "".join(v for v in by_purpose["commenting"] if isinstance(v, str)),
            "color": next(iter(by_purpose["highlighting"]), None),
            "annotator": (item.get("creator") or {}).get("name", ""),
            "created": item.get("created"),
            "updated": item.get("modified"),
            "article": {
                "text_hash": target["source"].get("reader:textHash")
                or target["source"].get("id", "").rsplit(":", 1)[-1],
                "title": target["source"].get("dc:title") or target["source"].get("title", ""),
            },
        }
        records.append(_record(where, flat, schema.W3C_FIELDS))
    articles = []
    sources = data.get("reader:sources", [])
    for number, source in enumerate(sources if isinstance(sources, list) else [], 1):
        entry = source if isinstance(source, dict) else {}
        articles.append(
            article_records.read(
                f"{shorten_path(path)}: source {number}",
                {
                    "title": entry.get("dc:title", ""),
                    "text_hash": entry.get("reader:textHash", ""),
                    **{
                        k: entry[f"reader:{k}"]
                        for k in ("status", "note", "tags")
                        if f"reader:{k}" in entry
                    },
                },
            )
        )
    return NoteRecords(records, articles)


PURPOSES = ("tagging", "commenting", "highlighting")


def _record(where: str, item: dict[str, Any], names: Mapping[str, str]) -> NoteRecord:
    wrong = schema.problem(schema.RECORD, item, names)
    if wrong is not None:
        raise NotesFormatError(f"{where}: {wrong}")
    if item["end"] < item["start"]:
        end = names.get("end", "end")
        raise NotesFormatError(
            f"{where}: field '{end}' must not be before '{names.get('start', 'start')}'"
        )
    article = item["article"]
    return NoteRecord(
        where,
        item["id"],
        article.get("text_hash", ""),
        article.get("title", ""),
        item["start"],
        item["end"],
        item["quote"],
        item.get("prefix", ""),
        item.get("suffix", ""),
        tuple(item["tags"]),
        item.get("note", ""),
        item.get("color"),
        item.get("annotator", ""),
        item["created"],
        item["updated"],
        source=str(article.get("source") or ""),
    )


def import_notes(
    library: Library, path: Path, *, records: list[NoteRecord] | None = None
) -> NotesSummary:
    """Import every note of ``path`` (or of ``records`` already read from it) in one transaction."""
    if records is None:
        records = read_records(path)  # raises before anything is written
    summary = NotesSummary()
    articles = Articles(library)
    with library.transaction() as conn:
        for extra in records.articles if isinstance(records, NoteRecords) else ():
            home = articles.find(extra.text_hash, extra.title, extra.source)
            article_records.apply(conn, extra, home.article_id if home else None)
        for record in records:
            found = articles.find(record.text_hash, record.title, record.source)
            if found is None:
                summary.skipped.append((record.where, articles.missing(record.title)))
                continue
            article_id, text, same_text = found
            if record.utf16:  # Hypothesis counts UTF-16 units: in this text, code points
                record = _code_points(record, text)
            if same_text and record.end > len(text):
                summary.skipped.append(
                    (
                        record.where,
                        f"offsets {record.start}-{record.end} lie past the end of the article "
                        f"({len(text)} characters)",
                    )
                )
                continue
            state, start, end = place(found, record)
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
            if existing is None and record.skip_if_present and _present(conn, incoming):
                summary.skipped.append((record.where, "already in the library"))
                continue
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


def _present(conn: sqlite3.Connection, comment: Annotation) -> bool:
    """Does the article have this Word comment already: the same note with the same tags,
    by the same person (Reader writes "Reader" for no name), on the same passage (or,
    orphaned, the same quote)? Two people's like comments on the same words are two."""
    names = [comment.annotator, "" if comment.annotator == "Reader" else comment.annotator]
    rows = conn.execute(
        "SELECT id FROM annotations WHERE article_id = ? AND note = ? AND annotator IN (?, ?) "
        "AND ((start = ? AND \"end\" = ?) OR (state = 'orphaned' AND quote = ?))",
        [comment.article_id, comment.note, *names, comment.start, comment.end, comment.quote],
    ).fetchall()
    wanted = sorted(comment.tags)
    for (annotation_id,) in rows:
        tags = conn.execute(
            "SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE at.annotation_id = ? ORDER BY t.name",
            [annotation_id],
        ).fetchall()
        if [name for (name,) in tags] == wanted:
            return True
    return False
