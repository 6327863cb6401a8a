"""brat standoff: per article a ``.txt`` (the text) and a ``.ann`` beside it.

``T1<TAB>Label start end<TAB>covered text`` marks a span; brat counts code points
of the ``.txt``, as Reader does. A span across a line break is written as brat's
discontinuous fragments, split at each line break (``48 62;63 71``), its text the
fragments' texts joined by a space, as brat checks it; reading back, the fragments
are one span again. A note is ``#1<TAB>AnnotatorNotes T1<TAB>text``; brat's lines
cannot hold a line break, so a note's ``\\``, line breaks and tabs are written
``\\\\``, ``\\n``, ``\\t`` (and read back so). A Reader annotation gives one ``T``
line per tag (``Reader-highlight`` when it has none), its note on the first;
reading back, ``T`` lines over the same span are one annotation. A label is a brat
type, which holds no blank: blanks in a tag are written ``_``. What brat has no
place for (Reader's id, the tags as written, colour, annotator, times) rides in a
``#2<TAB>ReaderMeta T1<TAB>{…}`` comment (JSON), which brat keeps and shows. The
export also writes an ``annotation.conf`` naming every label, so brat shows the
folder at once.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path

from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_common import (
    UNTAGGED,
    Found,
    file_name,
    meta_value,
    records,
    stable_id,
)
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.jsonld import string
from reader.core.exchange.notes_import import NoteRecord
from reader.core.exchange.notes_schema import ID_PATTERN
from reader.core.library.store import shorten_path
from reader.core.notes.annotations import Annotation
from reader.core.stamps import text_hash

# str.splitlines' line boundaries: brat reads a .ann line by line with them.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"} | {
    c: f"\\u{ord(c):04x}" for c in _BREAKS if c not in "\n\r"
}
_UNESCAPES = {"\\\\": "\\", "\\n": "\n", "\\r": "\r", "\\t": "\t"}
_UNESCAPE = re.compile(r"\\(?:[\\nrt]|u(?:000b|000c|001c|001d|001e|0085|2028|2029))")
_LINE = re.compile(f"[^{_BREAKS}]+")
META = "ReaderMeta"


_ESCAPE_TABLE = str.maketrans(_ESCAPES)
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")


def escape(note: str) -> str:
    return note.translate(_ESCAPE_TABLE) if _NEEDS_ESCAPE.search(note) else note


def unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: _UNESCAPES.get(m.group(0)) or chr(int(m.group(0)[2:], 16)), text)


@functools.lru_cache(maxsize=4096)  # a few tags, on every annotation
def label(tag: str) -> str:
    return re.sub(r"\s", "_", tag)


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between line breaks: brat's fragments."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text, start, end)]


def _meta(a: Annotation, members: list[str]) -> str:
    """What brat has no place for, as one line of JSON (no line break brat would split at):
    what ``json.dumps`` writes of it (``ensure_ascii=False``), written straight."""
    color = "null" if a.color is None else string(a.color)
    line = (
        f'{{"id": {string(a.id)}, "t": [{", ".join(map(string, members))}], '
        f'"tags": [{", ".join(map(string, a.tags))}], "start": {int(a.start)}, '
        f'"end": {int(a.end)}, "color": {color}, "annotator": {string(a.annotator)}, '
        f'"created": {string(a.created_at)}, "updated": {string(a.updated_at)}}}'
    )
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028")
        line = line.replace("\u2029", "\\u2029")
    return line


def brat_files(items: list[ExportArticle]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    taken: set[str] = {"annotation"}
    labels: dict[str, None] = {}
    for item in items:
        text = item.article.text
        lines: list[str] = []
        t = n = 0
        for note in item.notes:
            a = note.annotation
            pieces = fragments(text, a.start, a.end)
            if a.state == "orphaned" or not pieces:
                continue  # nowhere to point; or only line breaks, which brat cannot mark
            if len(pieces) == 1:  # most spans: no line break in them
                ((s, e),) = pieces
                where, covered = f"{s} {e}", text[s:e]
            else:
                where = ";".join(f"{s} {e}" for s, e in pieces)
                covered = " ".join(text[s:e] for s, e in pieces)
            members = []
            for tag in a.tags or (UNTAGGED,):
                t += 1
                labels[label(tag)] = None
                lines.append(f"T{t}\t{label(tag)} {where}\t{covered}")
                members.append(f"T{t}")
            if a.note:
                n += 1
                lines.append(f"#{n}\tAnnotatorNotes {members[0]}\t{escape(a.note)}")
            n += 1
            lines.append(f"#{n}\t{META} {members[0]}\t{_meta(a, members)}")
        name = file_name(item.article.title, taken)
        files[f"{name}.txt"] = text.encode("utf-8")
        files[f"{name}.ann"] = ("\n".join(lines) + "\n" if lines else "").encode("utf-8")
    conf = ["[entities]", *labels, "", "[relations]", "", "[events]", "", "[attributes]", ""]
    files["annotation.conf"] = "\n".join(conf).encode("utf-8")
    return files


def is_brat_folder(path: Path) -> bool:
    return path.is_dir() and any(path.glob("*.ann"))


def read_brat(folder: Path, texts: Mapping[Path, str]) -> list[NoteRecord]:
    """Every ``.ann`` of ``folder`` with its ``.txt`` (``texts``: the files, read)."""
    out: list[NoteRecord] = []
    for ann in sorted(p for p in texts if p.suffix == ".ann"):
        txt = ann.with_suffix(".txt")
        if txt not in texts:
            raise NotesFormatError(f"{shorten_path(ann)}: its text {txt.name} is missing")
        out += _one(ann, texts[ann], texts[txt])
    if not out:
        raise NotesFormatError(f"{shorten_path(folder)}: no brat annotations in it")
    return out


def _one(path: Path, ann: str, text: str) -> list[NoteRecord]:
    hashed = text_hash(text)
    spans: dict[str, tuple[str, int, int, str]] = {}  # T id: label, start, end, where
    comments: list[tuple[str, str, str, str]] = []  # where, kind, target, text
    for number, line in enumerate(ann.split("\n"), 1):
        where = f"{shorten_path(path)}: line {number}"
        if not line.strip():
            continue
        parts = line.rstrip("\r").split("\t")
        ident = parts[0]
        if ident.startswith("T"):
            if len(parts) < 2:
                raise NotesFormatError(f"{where}: a T line needs 'T1<TAB>Label start end'")
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                raise NotesFormatError(f"{where}: a T line needs a label and offsets")
            kind, ranges = head
            start, end = _ranges(where, ranges)
            if not 0 <= start < end <= len(text):
                raise NotesFormatError(
                    f"{where}: offsets {start}-{end} do not fit {path.with_suffix('.txt').name} "
                    f"({len(text):,} characters)"
                )
            spans[ident] = (kind, start, end, where)
        elif ident.startswith("#") and len(parts) >= 3 and len(parts[1].split()) == 2:
            kind, target = parts[1].split()
            comments.append((where, kind, target, "\t".join(parts[2:])))
        # R, E, A, M, N lines (relations, events, attributes, normalisations): not Reader's
    owner: dict[str, Found] = {}  # T id: the annotation it belongs to
    names: dict[str, dict[str, str]] = {}  # T id: brat label -> the tag as Reader wrote it
    for where, kind, target, said in comments:
        if kind == META and target in spans:
            _claim(text, where, target, said, spans, owner, names)
    by_span: dict[tuple[int, int], Found] = {}
    for ident, (kind, start, end, where) in spans.items():
        if ident not in owner:
            if (start, end) not in by_span:
                key = stable_id("brat", hashed, path.name, start, end)
                by_span[(start, end)] = Found(where, key, start, end)
            owner[ident] = by_span[(start, end)]
        owner[ident].add_tag(names.get(ident, {}).get(kind, kind))
    for where, kind, target, said in comments:
        if kind != "AnnotatorNotes":
            continue  # another kind of comment: nothing Reader holds
        if target not in owner:
            raise NotesFormatError(f"{where}: the note refers to {target}, which is not a span")
        f, note = owner[target], unescape(said)
        f.note = f"{f.note}\n{note}" if f.note else note
    title = re.sub(r" \(\d+\)$", "", path.stem)
    return records(text, title, list({id(f): f for f in owner.values()}.values()))


def _claim(
    text: str,
    where: str,
    target: str,
    said: str,
    spans: dict[str, tuple[str, int, int, str]],
    owner: dict[str, Found],
    names: dict[str, dict[str, str]],
) -> None:
    """A ``ReaderMeta`` comment: Reader's id, tags, colour, annotator and times for the
    ``T`` lines it names (those still over its span). A broken one is ignored."""
    try:
        meta = json.loads(said)
    except ValueError:
        return
    ident = meta.get("id") if isinstance(meta, dict) else None
    if not isinstance(ident, str) or not re.fullmatch(ID_PATTERN, ident) or target in owner:
        return
    _, start, end, _ = spans[target]
    members = meta.get("t") if isinstance(meta.get("t"), list) else [target]
    members = [t for t in members if t in spans and spans[t][1:3] == (start, end)]
    members = [t for t in dict.fromkeys([target, *members]) if t not in owner]
    # A span that began or ended with line breaks: brat's fragments leave them out.
    first, last = meta.get("start"), meta.get("end")
    if isinstance(first, int) and 0 <= first <= start and not text[first:start].strip(_BREAKS):
        start = first
    if isinstance(last, int) and end <= last <= len(text) and not text[end:last].strip(_BREAKS):
        end = last
    f = Found(where, ident, start, end)
    f.color = meta_value(meta, "color")
    f.annotator = meta_value(meta, "annotator") or ""
    f.created = meta_value(meta, "created") or f.created
    f.updated = meta_value(meta, "updated") or f.updated
    tags = [t for t in meta.get("tags", []) if isinstance(t, str)]
    mapping = {label(t): t for t in tags}
    for t in members:
        owner[t] = f
        names[t] = mapping


def _ranges(where: str, ranges: str) -> tuple[int, int]:
    """``start end``, or brat's discontinuous ``s1 e1;s2 e2``: read as one span over them."""
    points: list[int] = []
    for piece in ranges.split(";"):
        pair = piece.split()
        if len(pair) != 2 or not all(p.isdigit() for p in pair):
            raise NotesFormatError(f"{where}: offsets must be 'start end' (whole numbers)")
        points += [int(p) for p in pair]
    return min(points), max(points)
