"""brat standoff: per article a ``.txt`` (the text) and a ``.ann`` beside it.

``T1<TAB>Label start end<TAB>covered text`` marks a span; brat counts code points
of the ``.txt``, as Reader does. A note is ``#1<TAB>AnnotatorNotes T1<TAB>text``;
brat's lines cannot hold a line break, so a note's ``\\``, line breaks and tabs are
written ``\\\\``, ``\\n``, ``\\t`` (and read back so). A Reader annotation gives one
``T`` line per tag (``Reader-highlight`` when it has none), its note on the first;
reading back, ``T`` lines over the same span are one annotation. A label is a brat
type, which holds no blank: blanks in a tag are written ``_``. The export also writes
an ``annotation.conf`` naming every label, so brat shows the folder at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_common import UNTAGGED, Found, file_name, records, stable_id
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.notes_import import NoteRecord
from reader.core.library.store import shorten_path
from reader.core.stamps import text_hash

_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNESCAPES = {"\\\\": "\\", "\\n": "\n", "\\r": "\r", "\\t": "\t"}


def escape(note: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in note)


def unescape(text: str) -> str:
    return re.sub(r"\\[\\nrt]", lambda m: _UNESCAPES[m.group(0)], text)


def label(tag: str) -> str:
    return re.sub(r"\s", "_", tag)


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
            if a.state == "orphaned":
                continue
            covered = text[a.start : a.end].replace("\n", " ")
            first = ""
            for tag in a.tags or (UNTAGGED,):
                t += 1
                labels[label(tag)] = None
                lines.append(f"T{t}\t{label(tag)} {a.start} {a.end}\t{covered}")
                first = first or f"T{t}"
            if a.note:
                n += 1
                lines.append(f"#{n}\tAnnotatorNotes {first}\t{escape(a.note)}")
        name = file_name(item.article.title, taken)
        files[f"{name}.txt"] = text.encode("utf-8")
        files[f"{name}.ann"] = "".join(line + "\n" for line in lines).encode("utf-8")
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
    spans: dict[str, tuple[int, int]] = {}
    found: dict[tuple[int, int], Found] = {}
    notes: list[tuple[str, str, str]] = []
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
            spans[ident] = (start, end)
            key = (start, end)
            if key not in found:
                ident = stable_id("brat", hashed, path.name, start, end)
                found[key] = Found(where, ident, start, end)
            found[key].add_tag(kind)
        elif ident.startswith("#"):
            if len(parts) < 3 or not parts[1].startswith("AnnotatorNotes "):
                continue  # another kind of comment: nothing Reader holds
            notes.append((where, parts[1].split(" ", 1)[1].strip(), unescape(parts[2])))
        # R, E, A, M, N lines (relations, events, attributes, normalisations): not Reader's
    for where, target, note in notes:
        if target not in spans:
            raise NotesFormatError(f"{where}: the note refers to {target}, which is not a span")
        f = found[spans[target]]
        f.note = f"{f.note}\n{note}" if f.note else note
    title = re.sub(r" \(\d+\)$", "", path.stem)
    return records(text, title, found.values())


def _ranges(where: str, ranges: str) -> tuple[int, int]:
    """``start end``, or brat's discontinuous ``s1 e1;s2 e2``: read as one span over them."""
    points: list[int] = []
    for piece in ranges.split(";"):
        pair = piece.split()
        if len(pair) != 2 or not all(p.isdigit() for p in pair):
            raise NotesFormatError(f"{where}: offsets must be 'start end' (whole numbers)")
        points += [int(p) for p in pair]
    return min(points), max(points)
