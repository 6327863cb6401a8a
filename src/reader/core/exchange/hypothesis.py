"""A file Hypothesis's own importer accepts (the sidebar's "Import" tab).

Hypothesis reads a JSON object with a top-level ``annotations`` array, as its own
export writes it (``export_date``, ``export_userid``, ``client_version``,
``annotations``), and keeps each annotation's ``uri``, ``document``, ``target``,
``text`` and ``tags``; ``user`` and ``user_info.display_name`` choose whose
annotations to import. The ``uri`` is the article's url when it has one (else a
``urn:reader:text-sha256:…``), so Hypothesis anchors the notes when that page is open.
The note is Markdown there, so it is escaped as Reader's Markdown export escapes it
(an empty note stays empty). ``TextPositionSelector`` offsets count UTF-16 code units,
as the Hypothesis client (JavaScript) counts them; an orphaned annotation has no
position (its old offsets point at other text now), only its quote, by which
Hypothesis anchors it. ``hypothesis_import`` reads such files back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from reader import __version__
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.jsonld import dumps, dumps_pieces, source_id, string
from reader.core.exchange.markdown import md_text
from reader.core.exchange.units import Utf16
from reader.core.notes.annotations import Annotation

AUTHORITY = "reader.local"


def user_id(annotator: str) -> str:
    """``acct:NAME@reader.local``: the name itself when it is a plain ASCII word, else a
    stable ``reader-`` and a short hash (Hypothesis user names are 3–30 ASCII characters)."""
    name = annotator.strip()
    if not re.fullmatch(r"[A-Za-z0-9._]{3,30}", name):
        name = "reader-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return f"acct:{name}@{AUTHORITY}"


def _note(a: Annotation) -> str:
    return md_text(a.note) if a.note else ""


def _selectors(a: Annotation, units: Utf16) -> list[dict[str, Any]]:
    """The quote, and (unless orphaned) the position in UTF-16 code units."""
    quote = {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix}
    if a.state == "orphaned":
        return [quote]
    start, end = units.to_utf16(a.start), units.to_utf16(a.end)
    return [quote, {"type": "TextPositionSelector", "start": start, "end": end}]


def _annotation(item: ExportArticle, a: Annotation) -> dict[str, Any]:
    uri = source_id(item)
    return {
        "id": a.id,
        "created": a.created_at,
        "updated": a.updated_at,
        "user": user_id(a.annotator),
        "user_info": {"display_name": a.annotator or "Reader"},
        "uri": uri,
        "text": _note(a),
        "tags": list(a.tags),
        "group": "__world__",
        "permissions": {"read": ["group:__world__"]},
        "target": [{"source": uri, "selector": _selectors(a, Utf16(item.article.text))}],
        "document": {"title": [item.article.title]},
        "links": {},
        "hidden": False,
        "flagged": False,
    }


def _line(uri: str, title: str, user: str, a: Annotation, units: Utf16) -> str:
    """``dumps(_annotation(item, a))`` written straight; ``uri`` (JSON), the
    ``document`` (JSON), the ``user`` (JSON) and the text's ``units`` made once for all
    the article's notes."""
    tags = ", ".join(map(string, a.tags))
    position = ""
    if a.state != "orphaned":
        start, end = units.to_utf16(a.start), units.to_utf16(a.end)
        position = f', {{"type": "TextPositionSelector", "start": {start}, "end": {end}}}'
    return (
        f'{{"id": {string(a.id)}, "created": {string(a.created_at)}, '
        f'"updated": {string(a.updated_at)}, "user": {user}, '
        f'"user_info": {{"display_name": {string(a.annotator or "Reader")}}}, '
        f'"uri": {uri}, "text": {string(_note(a))}, "tags": [{tags}], '
        '"group": "__world__", "permissions": {"read": ["group:__world__"]}, '
        f'"target": [{{"source": {uri}, "selector": [{{"type": "TextQuoteSelector", '
        f'"exact": {string(a.quote)}, "prefix": {string(a.prefix)}, '
        f'"suffix": {string(a.suffix)}}}{position}]}}], "document": {title}, '
        '"links": {}, "hidden": false, "flagged": false}'
    )


def hypothesis(items: list[ExportArticle]) -> str:
    return "".join(hypothesis_pieces(items))


def hypothesis_pieces(items: list[ExportArticle]) -> Iterator[str]:
    """``hypothesis(items)`` in pieces, an annotation at a time."""
    users = {a: user_id(a) for a in {n.annotation.annotator for i in items for n in i.notes}}
    encoded = {name: string(user) for name, user in users.items()}
    named = sorted(set(users.values()))
    document = {
        "export_date": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "export_userid": named[0] if len(named) == 1 else "",
        "client_version": f"reader {__version__}",
        "annotations": [],
    }
    annotations = (
        _line(uri, title, encoded[n.annotation.annotator], n.annotation, units)
        for item in items
        for uri, title, units in [
            (
                string(source_id(item)),
                dumps({"title": [item.article.title]}),
                Utf16(item.article.text),
            )
        ]
        for n in item.notes
    )
    yield from dumps_pieces(document, {("annotations",): annotations})
