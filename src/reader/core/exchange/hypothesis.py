"""A file Hypothesis's own importer accepts (the sidebar's "Import" tab).

Hypothesis reads a JSON object with a top-level ``annotations`` array, as its own
export writes it (``export_date``, ``export_userid``, ``client_version``,
``annotations``), and keeps each annotation's ``uri``, ``document``, ``target``,
``text`` and ``tags``; ``user`` and ``user_info.display_name`` choose whose
annotations to import. The ``uri`` is the article's url when it has one (else a
``urn:reader:text-sha256:…``), so Hypothesis anchors the notes when that page is open.
The note is Markdown there, so it is escaped as Reader's Markdown export escapes it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any

from reader import __version__
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.jsonld import dumps_listing, source_id
from reader.core.exchange.markdown import md_text
from reader.core.notes.annotations import Annotation

AUTHORITY = "reader.local"


def user_id(annotator: str) -> str:
    """``acct:NAME@reader.local``: the name itself when it is a plain ASCII word, else a
    stable ``reader-`` and a short hash (Hypothesis user names are 3–30 ASCII characters)."""
    name = annotator.strip()
    if not re.fullmatch(r"[A-Za-z0-9._]{3,30}", name):
        name = "reader-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return f"acct:{name}@{AUTHORITY}"


def _annotation(item: ExportArticle, a: Annotation) -> dict[str, Any]:
    uri = source_id(item)
    return {
        "id": a.id,
        "created": a.created_at,
        "updated": a.updated_at,
        "user": user_id(a.annotator),
        "user_info": {"display_name": a.annotator or "Reader"},
        "uri": uri,
        "text": md_text(a.note),
        "tags": list(a.tags),
        "group": "__world__",
        "permissions": {"read": ["group:__world__"]},
        "target": [
            {
                "source": uri,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": a.quote,
                        "prefix": a.prefix,
                        "suffix": a.suffix,
                    },
                    {"type": "TextPositionSelector", "start": a.start, "end": a.end},
                ],
            }
        ],
        "document": {"title": [item.article.title]},
        "links": {},
        "hidden": False,
        "flagged": False,
    }


def hypothesis(items: list[ExportArticle]) -> str:
    annotations = [_annotation(item, n.annotation) for item in items for n in item.notes]
    users = sorted({a["user"] for a in annotations})
    document = {
        "export_date": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "export_userid": users[0] if len(users) == 1 else "",
        "client_version": f"reader {__version__}",
        "annotations": annotations,
    }
    return dumps_listing(document, ("annotations",))
