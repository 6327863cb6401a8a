"""JSON Lines (Reader's own, self-describing) and the W3C Web Annotation Data Model."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from reader.core.exchange.article_records import fields, jsonl_article
from reader.core.exchange.exporting import ExportArticle
from reader.core.notes.annotations import Annotation

JSONL_TYPE = "reader-annotation"
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Terms the anno context does not define, in namespaces it declares or ours.
W3C_EXTRA = {"reader": "urn:reader:terms:"}


def jsonl_record(item: ExportArticle, a: Annotation) -> dict[str, Any]:
    return {
        "type": JSONL_TYPE,
        "version": 1,
        "id": a.id,
        "article": {
            "title": item.article.title,
            "text_hash": item.article.text_hash,
            "source": item.article.source_path,
        },
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


def jsonl(items: list[ExportArticle]) -> str:
    """Per article, a ``reader-article`` line (status, note, tags), then its annotations."""
    lines = []
    for item in items:
        lines.append(json.dumps(jsonl_article(item), ensure_ascii=False) + "\n")
        lines += [
            json.dumps(jsonl_record(item, n.annotation), ensure_ascii=False) + "\n"
            for n in item.notes
        ]
    return "".join(lines)


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
    return {
        "id": f"urn:uuid:{a.id}",
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
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
        "reader:state": a.state,
    }


def w3c(items: list[ExportArticle]) -> str:
    """An ``AnnotationCollection`` with one page. The collection also carries each
    article's text once (``reader:sources``, by the id the targets name), so a tool
    outside Reader can find the text the offsets point into."""
    annotations = [w3c_annotation(item, n.annotation) for item in items for n in item.notes]
    # The same notes give the same ids: named from the annotations' own ids.
    name = uuid.uuid5(uuid.NAMESPACE_URL, "urn:reader:" + ",".join(x["id"] for x in annotations))
    collection_id = f"urn:uuid:{name}"
    sources = {
        source_id(item): {
            "id": source_id(item),
            "type": "Text",
            "dc:title": item.article.title,
            "reader:textHash": item.article.text_hash,
            "rdf:value": item.article.text,
            **{f"reader:{k}": v for k, v in fields(item).items()},
        }
        for item in items
        if item.notes
    }
    collection = {
        "@context": [W3C_CONTEXT, W3C_EXTRA],
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Reader notes",
        "total": len(annotations),
        "reader:sources": list(sources.values()),
        "first": {
            "id": f"{collection_id}?page=1",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": annotations,
        },
    }
    return dumps_listing(collection, ("first", "items"), ("reader:sources",))


def dumps_listing(document: dict[str, Any], *lists: tuple[str, ...]) -> str:
    """JSON with each item of the named lists on a line of its own.

    ``json.dumps(indent=…)`` runs the pure-Python encoder (seconds for 10,000
    annotations); this runs the C one per item and stays readable line by line.
    """
    marks: dict[str, str] = {}
    for number, path in enumerate(lists):
        holder: Any = document
        for key in path[:-1]:
            holder = holder[key]
        items = holder[path[-1]]
        mark = f"\u0000list{number}\u0000"
        marks[json.dumps(mark)] = (
            "[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n]"
            if items
            else "[]"
        )
        holder[path[-1]] = mark
    head = json.dumps(document, ensure_ascii=False, indent=1)  # no user text is left in it
    pattern = "|".join(re.escape(mark) for mark in marks)
    return re.sub(pattern, lambda m: marks[m.group(0)], head) + "\n"
