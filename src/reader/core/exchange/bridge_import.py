"""Recognise a notes file of another annotation tool by its content, and read it.

``reader import-notes`` and File → Import notes… call :func:`read_bridge` first:
a folder of brat ``.ann``/``.txt`` files, an XMI file, folder or ``.zip``
(INCEpTION), a Label Studio JSON list of tasks, doccano JSON Lines (lines with
``text`` and ``label``). Anything else (Reader's JSON Lines, W3C) is left to
:mod:`reader.core.exchange.notes_import`. Every bridge gives note records, which
that module matches to articles (text hash, then title) and re-anchors by quote.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from reader.core.errors import NotesFormatError
from reader.core.exchange import brat, doccano, labelstudio, xmi
from reader.core.exchange.notes_import import NoteRecord, _load, not_a_notes_format, read_bytes
from reader.core.library.store import describe_os_error, shorten_path

MAX_FOLDER_FILES = 100_000
_BRAT_LINE = re.compile(r"^(?:T\d+\t|#\d*\tAnnotatorNotes )", re.MULTILINE)


def read_bridge(path: Path) -> list[NoteRecord] | None:
    """The note records of a bridge format at ``path``, or None when it is not one."""
    try:
        info = path.stat()
    except OSError:
        return None  # the notes importer says what is wrong with the path
    if stat.S_ISDIR(info.st_mode):
        return _folder(path)
    if not stat.S_ISREG(info.st_mode):
        return None
    data = read_bytes(path)
    if data[:4] == b"PK\x03\x04":
        return _zip(path, data)
    if xmi.looks_like(data):
        return xmi.read_xmi(path, xmi.xmi_inputs(path, read_bytes))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise not_a_notes_format(path)  # binary: no notes format Reader reads
    text = _decode(path, data)
    if path.suffix in (".ann", ".txt") and _BRAT_LINE.search(text if path.suffix == ".ann" else ""):
        pair = {p: _decode(p, read_bytes(p)) for p in (path, path.with_suffix(".txt"))}
        return brat.read_brat(path.parent, pair)
    # Only a file that parses and has a tool's shape is claimed here; anything else
    # (Reader's JSON Lines, W3C, broken JSON) goes on to the notes importer, which
    # names the line and the field.
    stripped = text.lstrip()
    if not stripped.startswith(("[", "{")) or '"AnnotationCollection"' in stripped[:2000]:
        return None
    whole = _quietly(path, text)
    if labelstudio.looks_like(whole):
        return labelstudio.read_labelstudio(path, whole)
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    first = whole if len(lines) == 1 else _quietly(path, lines[0][1])
    if not doccano.looks_like(first):
        return None
    return doccano.read_doccano(path, [(n, _load(path, line, n)) for n, line in lines])


def _zip(path: Path, data: bytes) -> list[NoteRecord]:
    """A zip, recognised by what it holds: a Word document, or INCEpTION's XMI export."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise NotesFormatError(f"{shorten_path(path)}: a damaged .zip ({exc})") from exc
    if "word/document.xml" in names:
        from reader.core.exchange.docx_import import docx_records

        return docx_records(path)
    if any(name.lower().endswith(".xmi") for name in names):
        return xmi.read_xmi(path, xmi.xmi_inputs(path, read_bytes))
    raise not_a_notes_format(path)


def _quietly(path: Path, text: str) -> Any:
    """``text`` as JSON, or None when it is not JSON Reader can take."""
    try:
        return _load(path, text, None)
    except NotesFormatError:
        return None


def _folder(path: Path) -> list[NoteRecord]:
    try:
        entries = sorted(p for p in path.iterdir() if p.is_file())
    except OSError as exc:
        raise NotesFormatError(
            f"{shorten_path(path)}: cannot read the folder ({describe_os_error(exc)})"
        ) from exc
    if len(entries) > MAX_FOLDER_FILES:
        raise NotesFormatError(f"{shorten_path(path)}: too many files to be one export")
    suffixes = {p.suffix.lower() for p in entries}
    if ".ann" in suffixes:
        texts = {
            p: _decode(p, read_bytes(p))
            for p in entries
            if p.suffix == ".ann" or (p.suffix == ".txt" and p.with_suffix(".ann").exists())
        }
        return brat.read_brat(path, texts)
    if ".xmi" in suffixes:
        return xmi.read_xmi(path, xmi.xmi_inputs(path, read_bytes))
    raise NotesFormatError(
        f"{shorten_path(path)}: not a regular file, nor a folder of brat (.ann) or XMI files; "
        "give a notes file or such a folder"
    )


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotesFormatError(
            f"{shorten_path(path)}: not UTF-8 text (a bad byte at offset {exc.start:,})"
        ) from exc
