"""What an imported note may hold, declared once as JSON Schema, and messages in plain words.

``RECORD_SCHEMA`` is the one declaration of a note's content (the JSON Lines
export is exactly this shape). A W3C annotation is first checked against
``W3C_ITEM_SCHEMA`` (its envelope: types of ``body``, ``creator``, ``target``),
then flattened into a record and checked against ``RECORD_SCHEMA`` like any
other; its messages name the W3C field. Every record of a file is validated
before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError, best_match

from reader.core.notes.vocab import COLOURS

MAX_OFFSET = 2**31 - 1  # also bounded by the article's length when the note is placed
MAX_TEXT = 1_000_000
MAX_SHORT = 500
MAX_TAGS = 200
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$"
TIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}"
STATES = ("anchored", "moved", "orphaned")

_OFFSET = {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}
_TIME = {"type": "string", "pattern": TIME_PATTERN, "maxLength": 64}
_TEXT = {"type": "string", "maxLength": MAX_TEXT}
_SHORT = {"type": "string", "maxLength": MAX_SHORT}

RECORD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "A Reader annotation (one line of a JSON Lines notes export)",
    "type": "object",
    "required": ["id", "article", "start", "end", "quote", "tags", "created", "updated"],
    "properties": {
        "type": {"const": "reader-annotation"},
        "version": {"type": "integer", "minimum": 1, "maximum": 1},
        "id": {"type": "string", "pattern": ID_PATTERN},
        "article": {
            "type": "object",
            "properties": {
                "title": _SHORT | {"maxLength": 10_000},
                "text_hash": {"type": "string", "maxLength": 128},
                "source": {"type": ["string", "null"], "maxLength": 10_000},
            },
        },
        "start": _OFFSET,
        "end": _OFFSET,
        "quote": _TEXT | {"minLength": 1},
        "prefix": _TEXT,
        "suffix": _TEXT,
        "tags": {
            "type": "array",
            "maxItems": MAX_TAGS,
            "uniqueItems": True,
            "items": _SHORT | {"minLength": 1},
        },
        "note": _TEXT,
        "color": {"enum": [*COLOURS, None]},
        "annotator": _SHORT,
        "created": _TIME,
        "updated": _TIME,
        "state": {"enum": list(STATES)},
    },
}

_BODY = {
    "type": "object",
    "required": ["value"],
    "properties": {"value": _TEXT, "purpose": {"type": "string"}, "type": {"type": "string"}},
}
W3C_ITEM_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "The envelope of a W3C Web Annotation, as Reader exports it",
    "type": "object",
    "required": ["id", "target"],
    "properties": {
        "id": {"type": "string", "maxLength": 300},
        "type": {"const": "Annotation"},
        "created": {"type": "string"},
        "modified": {"type": "string"},
        "creator": {"type": "object", "properties": {"name": {"type": "string"}}},
        "body": {"type": "array", "maxItems": MAX_TAGS + 2, "items": _BODY},
        "target": {
            "type": "object",
            "required": ["source", "selector"],
            "properties": {
                "source": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                        "dc:title": {"type": "string"},
                        "reader:textHash": {"type": "string"},
                    },
                },
                "selector": {
                    "type": "array",
                    "maxItems": 10,
                    "items": {
                        "type": "object",
                        "required": ["type"],
                        "properties": {"type": {"type": "string"}},
                    },
                },
            },
        },
    },
}
COLLECTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "first"],
    "properties": {
        "type": {"const": "AnnotationCollection"},
        "first": {
            "type": "object",
            "required": ["items"],
            "properties": {"items": {"type": "array"}},
        },
    },
}

# Where each record field comes from in a W3C annotation, for messages.
W3C_FIELDS = {
    "id": "id",
    "start": "target.selector TextPositionSelector.start",
    "end": "target.selector TextPositionSelector.end",
    "quote": "target.selector TextQuoteSelector.exact",
    "prefix": "target.selector TextQuoteSelector.prefix",
    "suffix": "target.selector TextQuoteSelector.suffix",
    "tags": "body (purpose tagging)",
    "note": "body (purpose commenting)",
    "color": "body (purpose highlighting) value",
    "annotator": "creator.name",
    "created": "created",
    "updated": "modified",
    "article": "target.source",
    "article.title": "target.source.title",
    "article.text_hash": "target.source.id",
}


def _is_integer(_checker: object, instance: object) -> bool:
    """JSON Schema counts 5.0 as an integer; an offset must really be a whole number."""
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)
RECORD = _Validator(RECORD_SCHEMA)
W3C_ITEM = _Validator(W3C_ITEM_SCHEMA)
COLLECTION = _Validator(COLLECTION_SCHEMA)

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "an object {…}",
    "null": "null",
    "boolean": "true or false",
}
_PATTERN_WORDS = {
    ID_PATTERN: "an id of letters, digits, '-', '_', '.', ':' or '~' (no spaces)",
    TIME_PATTERN: "a date and time like 2026-01-31T08:00:00+00:00",
}


def problem(validator: Any, instance: object, names: Mapping[str, str] | None = None) -> str | None:
    """The first problem of ``instance`` in plain words, or None when it is valid."""
    try:
        error = best_match(validator.iter_errors(instance))
    except RecursionError:
        return "it is nested too deeply"
    return None if error is None else describe(error, names or {})


def describe(error: ValidationError, names: Mapping[str, str]) -> str:
    path = [f"[{p}]" if isinstance(p, int) else str(p) for p in error.absolute_path]
    kind, rule = error.validator, error.validator_value
    if kind == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        missing = next((str(r) for r in rule if r not in present), "?")
        return f"field {_name([*path, missing], names)} is missing"
    field = _name(path, names) if path else "the record"
    field = f"field {field}" if path else field
    if kind == "type":
        kinds = rule if isinstance(rule, list) else [rule]
        return f"{field} must be {' or '.join(_TYPE_WORDS.get(str(k), str(k)) for k in kinds)}"
    if kind == "enum":
        return f"{field} must be one of {', '.join(_show(v) for v in rule)}"
    if kind == "const":
        return f"{field} must be {_show(rule)}"
    if kind == "minimum":
        return f"{field} must be {rule} or more"
    if kind == "maximum":
        return f"{field} must be at most {rule:,}"
    if kind == "minLength":
        return f"{field} must not be empty"
    if kind == "maxLength":
        return f"{field} is too long (more than {rule:,} characters)"
    if kind == "pattern":
        return f"{field} must be {_PATTERN_WORDS.get(rule, 'in the expected form')}"
    if kind == "uniqueItems":
        return f"{field} holds the same value twice"
    if kind == "maxItems":
        return f"{field} has too many items (more than {rule})"
    return f"{field} is not valid ({kind})"


def _name(path: list[str], names: Mapping[str, str]) -> str:
    def join(parts: list[str]) -> str:
        return "".join(p if p.startswith("[") or i == 0 else "." + p for i, p in enumerate(parts))

    dotted = join(path)
    for length in range(len(path), 0, -1):
        head = join(path[:length])
        if head in names:
            dotted = join([names[head], *path[length:]])
            break
    return f"'{dotted}'"


def _show(value: object) -> str:
    if value is None:
        return "null"
    return value if isinstance(value, str) else json.dumps(value)
