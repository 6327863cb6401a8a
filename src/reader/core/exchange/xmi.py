"""UIMA CAS XMI for INCEpTION, through dkpro-cassis.

Export writes a folder: one ``.xmi`` (XML 1.0) per article, each uploaded to
INCEpTION as format "UIMA CAS XMI (XML 1.0)", and ``TypeSystem.xml`` for other UIMA
tools and for reading the folder back. The spans are a custom span layer
``webanno.custom.Reader`` with a ``label`` feature (one span per tag; none for an
untagged highlight), the note in ``note``, and Reader's own ``readerId``, ``color``,
``annotator``, ``created`` and ``updated``; the title is DKPro's
``DocumentMetaData.documentTitle``. UIMA counts UTF-16 code units, as Java does;
dkpro-cassis converts them to and from code points when it writes and reads, so
Reader's offsets stay code points here.

INCEpTION reads an uploaded ``.xmi`` leniently against its project's own type
system: create a span layer named ``Reader`` (``webanno.custom.Reader``) with
string features ``label`` and ``note`` first, or the spans are dropped; the other
features are kept only if the layer has them.

Import takes what INCEpTION exports: per document a ``.zip`` holding the ``.xmi``
and its type system (DKPro's XmiWriter), or an ``.xmi`` with ``TypeSystem.xml``
beside it, or a folder of them. Every span of a custom layer
(``webanno.custom.*``) becomes an annotation; its string feature ``label`` (else
``value``, else the first string feature) is the tag, and the layer's name is the
tag when there is no such value.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_common import Found, file_name, reader_id, records, stable_id
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.notes_import import NoteRecord
from reader.core.exchange.units import Utf16
from reader.core.library.store import shorten_path
from reader.core.stamps import text_hash

LAYER = "webanno.custom.Reader"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
FEATURES = ("label", "note", "readerId", "color", "annotator", "created", "updated")
TYPESYSTEM = "TypeSystem.xml"


def type_system() -> Any:
    from cassis import TypeSystem

    ts = TypeSystem()
    meta = ts.create_type(METADATA, "uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId", "documentUri", "collectionId"):
        ts.create_feature(meta, name, "uima.cas.String")
    ts.create_feature(meta, "isLastSegment", "uima.cas.Boolean")
    layer = ts.create_type(LAYER, "uima.tcas.Annotation", "Reader's tags and notes")
    for name in FEATURES:
        ts.create_feature(layer, name, "uima.cas.String")
    return ts


def xmi_files(items: list[ExportArticle]) -> dict[str, bytes]:
    from cassis import Cas

    ts = type_system()
    layer, meta = ts.get_type(LAYER), ts.get_type(METADATA)
    files = {TYPESYSTEM: ts.to_xml().encode("utf-8")}
    taken: set[str] = {"typesystem"}
    for item in items:
        article = item.article
        name = file_name(article.title, taken)
        written = xmi_text(item, name)
        if written is not None:
            files[f"{name}.xmi"] = written.encode("utf-8")
            continue
        cas = Cas(typesystem=ts)
        cas.sofa_string = article.text
        cas.sofa_mime = "text"
        cas.add(
            meta(
                begin=0,
                end=len(article.text),
                documentTitle=article.title,
                documentId=name,
                isLastSegment=False,
            )
        )
        for note in item.notes:
            a = note.annotation
            if a.state == "orphaned":
                continue
            for i, tag in enumerate(a.tags or (None,)):
                cas.add(
                    layer(
                        begin=a.start,
                        end=a.end,
                        label=tag,
                        note=(a.note or None) if i == 0 else None,
                        readerId=a.id,
                        color=a.color,
                        annotator=a.annotator or None,
                        created=a.created_at,
                        updated=a.updated_at,
                    )
                )
        files[f"{name}.xmi"] = cas.to_xmi().encode("utf-8")
    return files


def xmi_text(item: ExportArticle, name: str) -> str | None:
    """What ``xmi_files`` has dkpro-cassis write for the article (the same text,
    compared in the tests), written directly: cassis builds and serialises an lxml
    tree, 1 s for 10,000 notes. None where a string holds a character XML cannot
    (cassis refuses it), or an offset lies outside the text: cassis writes those."""
    article = item.article
    text = article.text
    units = Utf16(text)
    spans: list[str] = []
    number = 3  # 0 is cas:NULL, 1 the sofa, 2 the document's metadata
    for note in item.notes:
        a = note.annotation
        if a.state == "orphaned":
            continue
        if not 0 <= a.start <= a.end <= len(text):
            return None
        where = f'sofa="1" begin="{units.to_utf16(a.start)}" end="{units.to_utf16(a.end)}"'
        # The features after the label and the note, the same on each of its spans.
        color = "" if a.color is None else a.color
        if _ESCAPED.search(f"{a.id}{color}{a.annotator}{a.created_at}{a.updated_at}"):
            ident, color = _attribute(a.id), _attribute(color)
            who, made, changed = map(_attribute, (a.annotator, a.created_at, a.updated_at))
        else:
            ident, who, made, changed = a.id, a.annotator, a.created_at, a.updated_at
        coloured = "" if a.color is None else f' color="{color}"'
        signed = f' annotator="{who}"' if who else ""
        rest = f' readerId="{ident}"{coloured}{signed} created="{made}" updated="{changed}"/>'
        said = f' note="{_attribute(a.note)}"' if a.note else ""
        for tag in a.tags or (None,):
            label = "" if tag is None else f' label="{_attribute(tag)}"'
            spans.append(f'<custom:Reader xmi:id="{number}" {where}{label}{said}{rest}')
            number += 1
            said = ""  # the note rides on the first span only
    members = " ".join(map(str, range(2, number)))
    written = (
        f"<?xml version='1.0' encoding='UTF-8'?>\n<xmi:XMI {_NAMESPACES}"
        f'{_CUSTOM if spans else ""} xmi:version="2.0"><cas:NULL xmi:id="0"/>'
        f'<type:DocumentMetaData xmi:id="2" sofa="1" begin="0" end="{units.length}" '
        f'documentTitle="{_attribute(article.title)}" documentId="{_attribute(name)}" '
        f'isLastSegment="false"/>{"".join(spans)}<cas:Sofa xmi:id="1" sofaNum="1" '
        f'sofaID="_InitialView" mimeType="text" sofaString="{_attribute(text)}"/>'
        f'<cas:View sofa="1" members="{members}"/></xmi:XMI>'
    )
    # Every string is in it as it was (escaping leaves these characters alone).
    return None if _UNWRITABLE.search(written) else written


_NAMESPACES = (
    'xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" '
    'xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"'
)
_CUSTOM = ' xmlns:custom="http:///webanno/custom.ecore"'
# Characters XML 1.0 cannot hold (and lone surrogates, which cannot be encoded).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPED = re.compile('[&<>"\n\r\t]')


def _attribute(value: str) -> str:
    """An attribute value, escaped as lxml escapes it."""
    if not _ESCAPED.search(value):
        return value
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = value.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
    return value.replace("\t", "&#9;")


def looks_like(head: bytes) -> bool:
    return b"xmi:XMI" in head[:4000] or b"http://www.omg.org/XMI" in head[:4000]


def read_xmi(path: Path, files: Mapping[str, bytes]) -> list[NoteRecord]:
    """``files``: names (relative) and contents of the ``.xmi`` files and TypeSystem.xml."""
    from cassis import load_cas_from_xmi, load_typesystem

    ts_name = next((n for n in files if _is_typesystem(n)), None)
    if ts_name is None:
        raise NotesFormatError(
            f"{shorten_path(path)}: {TYPESYSTEM} is missing; export the XMI from INCEpTION "
            "with its type system (as a .zip, or the folder holding both)"
        )
    try:
        ts = load_typesystem(io.BytesIO(files[ts_name]))
    except Exception as exc:  # cassis raises many kinds on a broken file
        raise NotesFormatError(f"{shorten_path(path)}: {ts_name}: not a UIMA type system") from exc
    out: list[NoteRecord] = []
    for name in sorted(n for n in files if n.lower().endswith(".xmi")):
        where = f"{shorten_path(path)}: {name}" if path.name != name else shorten_path(path)
        try:
            cas = load_cas_from_xmi(io.BytesIO(files[name]), typesystem=ts, lenient=True)
        except Exception as exc:
            raise NotesFormatError(f"{where}: not a UIMA CAS XMI file ({exc})") from exc
        out += _one(where, cas, name)
    if not out:
        raise NotesFormatError(f"{shorten_path(path)}: no spans of a custom layer in it")
    return out


def _one(where: str, cas: Any, name: str) -> list[NoteRecord]:
    text = cas.sofa_string or ""
    hashed = text_hash(text)
    title = Path(name).stem
    for fs in cas.select_all_fs():
        if fs.type.name == METADATA and isinstance(fs.get("documentTitle"), str):
            title = fs.get("documentTitle")
    found: dict[str, Found] = {}
    for fs in cas.select_all_fs():
        kind = fs.type
        if not kind.name.startswith("webanno.custom.") or not hasattr(fs, "begin"):
            continue
        begin, end = fs.begin, fs.end
        if not isinstance(begin, int) or not isinstance(end, int) or end <= begin:
            continue  # a zero-width span: nothing to quote
        strings = [f.name for f in kind.all_features if f.rangeType.name == "uima.cas.String"]
        own = {f: fs.get(f) for f in FEATURES if f in strings}
        ident = reader_id(own.get("readerId")) if kind.name == LAYER else None
        key = ident or stable_id("xmi", hashed, name, kind.name, fs.xmiID, begin, end)
        here = f"{where}: {kind.name.rsplit('.', 1)[-1]} xmi:id {fs.xmiID}"
        if key not in found:
            f = Found(here, key, begin, end)
            found[key] = f
            if kind.name == LAYER:
                f.color = own.get("color")
                f.annotator = own.get("annotator") or ""
                f.created = own.get("created") or f.created
                f.updated = own.get("updated") or f.updated
        f = found[key]
        tag = _tag(fs, kind.name, strings)
        if tag:
            f.add_tag(tag)
        note = own.get("note")
        if isinstance(note, str) and note:
            f.note = f"{f.note}\n{note}" if f.note else note
    return records(text, title, found.values())


def _tag(fs: Any, layer: str, strings: list[str]) -> str | None:
    if layer == LAYER:
        value = fs.get("label")
        return value if isinstance(value, str) and value.strip() else None
    for name in ("label", "value", *strings):
        if name in strings and isinstance(fs.get(name), str) and fs.get(name).strip():
            return str(fs.get(name))
    return layer.rsplit(".", 1)[-1]


def xmi_inputs(path: Path, read: Any) -> dict[str, bytes]:
    """The XMI files and type system of a ``.xmi`` (its folder's TypeSystem.xml), a folder,
    or a ``.zip``; ``read(path)`` reads one file with the notes importer's bounds."""
    if path.is_dir():
        return {p.name: read(p) for p in sorted(path.iterdir()) if _wanted(p.name)}
    data = read(path)
    if zipfile.is_zipfile(io.BytesIO(data)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return {
                    i.filename: archive.read(i)
                    for i in archive.infolist()
                    if _wanted(i.filename) and i.file_size <= 512 * 1024 * 1024
                }
        except (zipfile.BadZipFile, OSError) as exc:
            raise NotesFormatError(f"{shorten_path(path)}: a damaged .zip ({exc})") from exc
    files = {path.name: data}
    for name in (TYPESYSTEM, TYPESYSTEM.lower()):
        if path.with_name(name).is_file():
            files[name] = read(path.with_name(name))
            break
    return files


def _is_typesystem(name: str) -> bool:
    return Path(name).name.lower() == TYPESYSTEM.lower()


def _wanted(name: str) -> bool:
    return name.lower().endswith(".xmi") or _is_typesystem(name)
