"""JSON Lines (Reader's own, self-describing) and the W3C Web Annotation Data Model."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote, unquote

from reader.core.exchange.article_records import fields, jsonl_article
from reader.core.exchange.exporting import ExportArticle
from reader.core.notes.annotations import Annotation

JSONL_TYPE = "reader-annotation"
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Terms the anno context does not define, in namespaces it declares or ours.
# Reader's own terms. The tags of ``reader:sources`` carry plain keys, defined here so
# that JSON-LD expansion keeps them (tests/test_export_jsonld.py expands with pyld).
W3C_EXTRA = {
    "reader": "urn:reader:terms:",
    "color": "reader:color",
    "shortcut": "reader:shortcut",
    "description": "reader:description",
}
# ``json.dumps(value, ensure_ascii=False)`` without making an encoder on every call.
dumps: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False).encode
# A string as JSON (the C encoder ``json.dumps`` uses for it).
string: Callable[[str], str] = json.encoder.encode_basestring


def jsonl_record(item: ExportArticle, a: Annotation) -> dict[str, Any]:
    return {
        "type": JSONL_TYPE,
        "version": 1,
        "id": a.id,
        "article": _named(item),
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "tags": list(a.tags),
        "note": a.note,
        "color": a.color,
        "annotator": a.annotator,
        "created": a.created_at,
        "updated": a.updated_at,
        "state": a.state,
    }


def _named(item: ExportArticle) -> dict[str, Any]:
    """The article as an annotation's record names it."""
    return {
        "title": item.article.title,
        "text_hash": item.article.text_hash,
        "source": item.article.source_path,
    }


def jsonl(items: list[ExportArticle]) -> str:
    """Per article, a ``reader-article`` line (status, note, tags), then its annotations."""
    return "".join(jsonl_pieces(items))


def jsonl_pieces(items: list[ExportArticle]) -> Iterator[str]:
    """``jsonl(items)``, a line at a time."""
    for item in items:
        yield dumps(jsonl_article(item)) + "\n"
        article = dumps(_named(item))
        for n in item.notes:
            yield jsonl_line(article, n.annotation)


def jsonl_line(article: str, a: Annotation) -> str:
    """``dumps(jsonl_record(item, a))`` and a line break, written straight; ``article``:
    the record's ``article`` as JSON, the same for all the article's notes."""
    color = "null" if a.color is None else string(a.color)
    return (
        f'{{"type": "{JSONL_TYPE}", "version": 1, "id": {string(a.id)}, "article": {article}, '
        f'"start": {int(a.start)}, "end": {int(a.end)}, "quote": {string(a.quote)}, '
        f'"prefix": {string(a.prefix)}, "suffix": {string(a.suffix)}, '
        f'"tags": [{", ".join(map(string, a.tags))}], "note": {string(a.note)}, '
        f'"color": {color}, "annotator": {string(a.annotator)}, '
        f'"created": {string(a.created_at)}, "updated": {string(a.updated_at)}, '
        f'"state": {string(a.state)}}}\n'
    )


ANNOTATION_URN = "urn:reader:annotation:"


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]+")


def annotation_iri(ident: str) -> str:
    """An annotation's W3C ``id``: ``urn:uuid:…`` for a UUID, else a URN of Reader's with
    the id percent-encoded (``rv13-01`` → ``urn:reader:annotation:rv13-01``)."""
    if _UUID.fullmatch(ident):  # what str(uuid.UUID(ident)) gives back, in either case
        return f"urn:uuid:{ident}"
    if _UNRESERVED.fullmatch(ident):  # nothing to percent-encode
        return ANNOTATION_URN + ident
    return ANNOTATION_URN + quote(ident, safe="-._~")


def id_from_iri(iri: str) -> str:
    """The Reader id an annotation's W3C ``id`` names (``annotation_iri`` reversed)."""
    if iri.startswith(ANNOTATION_URN):
        return unquote(iri.removeprefix(ANNOTATION_URN))
    return iri.removeprefix("urn:uuid:")


def source_id(item: ExportArticle) -> str:
    """The article's url when it has one, else a URN naming its text by hash."""
    url = str(item.article.metadata.get("url", "") or "")
    if url.startswith(("http://", "https://")):
        return url
    return f"urn:reader:text-sha256:{item.article.text_hash}"


def w3c_annotation(item: ExportArticle, a: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags
    ]
    if a.note:
        body.append(
            {
                "type": "TextualBody",
                "value": a.note,
                "purpose": "commenting",
                "format": "text/plain",
            }
        )
    if a.color:
        body.append({"type": "TextualBody", "value": a.color, "purpose": "highlighting"})
    # An orphan's offsets point at other text now: no selector, only Reader's own record.
    orphaned = a.state == "orphaned"
    position = {"type": "TextPositionSelector", "start": a.start, "end": a.end}
    return {
        "id": annotation_iri(a.id),
        "type": "Annotation",
        "motivation": "commenting" if a.note else "tagging" if a.tags else "highlighting",
        "created": a.created_at,
        "modified": a.updated_at,
        "creator": {"type": "Person", "name": a.annotator},
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": {
                "id": source_id(item),
                "type": "Text",
                "dc:title": item.article.title,
                "reader:textHash": item.article.text_hash,
            },
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.quote,
                    "prefix": a.prefix,
                    "suffix": a.suffix,
                },
                *([] if orphaned else [position]),
            ],
            **({"reader:formerStart": a.start, "reader:formerEnd": a.end} if orphaned else {}),
        },
        "reader:state": a.state,
    }


def w3c_line(source: str, a: Annotation, iri: str | None = None) -> str:
    """``dumps(w3c_annotation(item, a))`` written straight, the item's ``source`` encoded
    once for all its annotations (the same text, twice as fast for 10,000 notes);
    ``iri``: the annotation's ``annotation_iri``, when already made."""
    body = [
        f'{{"type": "TextualBody", "value": {string(t)}, "purpose": "tagging"}}' for t in a.tags
    ]
    if a.note:
        body.append(
            f'{{"type": "TextualBody", "value": {string(a.note)}, "purpose": "commenting", '
            '"format": "text/plain"}'
        )
    if a.color:
        body.append(
            f'{{"type": "TextualBody", "value": {string(a.color)}, "purpose": "highlighting"}}'
        )
    motivation = "commenting" if a.note else "tagging" if a.tags else "highlighting"
    position = f'{{"type": "TextPositionSelector", "start": {int(a.start)}, "end": {int(a.end)}}}'
    selector, former = f", {position}]", ""
    if a.state == "orphaned":
        former = f', "reader:formerStart": {int(a.start)}, "reader:formerEnd": {int(a.end)}'
        selector = "]"
    return (
        f'{{"id": {string(iri or annotation_iri(a.id))}, "type": "Annotation", '
        f'"motivation": "{motivation}", "created": {string(a.created_at)}, '
        f'"modified": {string(a.updated_at)}, '
        f'"creator": {{"type": "Person", "name": {string(a.annotator)}}}, '
        f'"body": [{", ".join(body)}], "target": {{"type": "SpecificResource", '
        f'"source": {source}, "selector": [{{"type": "TextQuoteSelector", '
        f'"exact": {string(a.quote)}, "prefix": {string(a.prefix)}, '
        f'"suffix": {string(a.suffix)}}}{selector}{former}}}, "reader:state": {string(a.state)}}}'
    )


def w3c_source(item: ExportArticle) -> dict[str, Any]:
    """The ``source`` every target of the article names."""
    return {
        "id": source_id(item),
        "type": "Text",
        "dc:title": item.article.title,
        "reader:textHash": item.article.text_hash,
    }


def w3c(items: list[ExportArticle]) -> str:
    """An ``AnnotationCollection`` with one page. The collection also carries each
    article's text once (``reader:sources``, by the id the targets name), so a tool
    outside Reader can find the text the offsets point into."""
    return "".join(w3c_pieces(items))


def w3c_pieces(items: list[ExportArticle]) -> Iterator[str]:
    """``w3c(items)`` in pieces, an annotation (or a source) at a time."""
    iris = [[annotation_iri(n.annotation.id) for n in item.notes] for item in items]
    # The same notes give the same ids: named from the annotations' own ids.
    name = uuid.uuid5(uuid.NAMESPACE_URL, "urn:reader:" + ",".join(i for a in iris for i in a))
    collection_id = f"urn:uuid:{name}"
    sources = {source_id(item): item for item in items if item.notes}  # the last one's
    collection = {
        "@context": [W3C_CONTEXT, W3C_EXTRA],
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Reader notes",
        "total": sum(map(len, iris)),
        "reader:sources": [],
        "first": {
            "id": f"{collection_id}?page=1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": [],
        },
    }
    annotations = (
        w3c_line(source, n.annotation, iri)
        for item, named in zip(items, iris, strict=True)
        for source in [dumps(w3c_source(item))]
        for n, iri in zip(item.notes, named, strict=True)
    )
    texts = (
        dumps(
            {
                **w3c_source(item),
                "rdf:value": item.article.text,
                **{f"reader:{k}": v for k, v in fields(item).items()},
            }
        )
        for item in sources.values()
    )
    yield from dumps_pieces(
        collection, {("first", "items"): annotations, ("reader:sources",): texts}
    )


def dumps_listing(document: dict[str, Any], *lists: tuple[str, ...]) -> str:
    """JSON with each item of the named lists on a line of its own.

    ``json.dumps(indent=…)`` runs the pure-Python encoder (seconds for 10,000
    annotations); this runs the C one per item and stays readable line by line.
    """
    encoded = {}
    for path in lists:
        holder: Any = document
        for key in path[:-1]:
            holder = holder[key]
        encoded[path] = [dumps(i) for i in holder[path[-1]]]
    return dumps_lines(document, encoded)


def dumps_lines(document: dict[str, Any], lines: Mapping[tuple[str, ...], Iterable[str]]) -> str:
    """``document`` as JSON, each list named in ``lines`` (a key path) being those
    items, already JSON, one a line."""
    return "".join(dumps_pieces(document, lines))


def dumps_pieces(
    document: dict[str, Any], lines: Mapping[tuple[str, ...], Iterable[str]]
) -> Iterator[str]:
    """``dumps_lines(document, lines)`` in pieces, each list item one: the items are
    taken as they are written, so a list may be made on the way."""
    marks: dict[str, Iterable[str]] = {}
    for number, (path, items) in enumerate(lines.items()):
        holder: Any = document
        for key in path[:-1]:
            holder = holder[key]
        mark = f"\u0000list{number}\u0000"
        marks[json.dumps(mark)] = items
        holder[path[-1]] = mark
    head = json.dumps(document, ensure_ascii=False, indent=1)  # no user text is left in it
    pattern = "|".join(re.escape(mark) for mark in marks)
    for number, part in enumerate(re.split(f"({pattern})", head) if marks else [head]):
        if number % 2 == 0:
            yield part
            continue
        listed = iter(marks[part])
        first = next(listed, None)
        if first is None:
            yield "[]"
            continue
        yield "[\n" + first
        for item in listed:
            yield ",\n" + item
        yield "\n]"
    yield "\n"
