"""YAML front matter at the top of a file: ``---`` … ``---``.

Front matter is metadata, so it is read defensively: at most
:data:`MAX_BYTES` and :data:`MAX_LINES`, no anchors or aliases (a few hundred
bytes of nested aliases expand to gigabytes), nesting at most
:data:`MAX_DEPTH` deep, at most :data:`MAX_NODES` values. The events are
checked first, with libyaml's C parser when PyYAML has it (the parser is a
state machine, so deep nesting costs no recursion); only a block that passes
is constructed. A block that fails any check gives no metadata, and no error.

Most sites write one shape of front matter: ``key: "text"`` lines and lists of
``  - "text"`` items under a bare ``key:``, quoted text holding no escape.
:func:`simple_mapping` reads that shape without YAML, to the same mapping.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any

import yaml

_KEYS = ("title", "subtitle", "author", "authors", "date", "source", "tags", "description")
MAX_BYTES = 64 * 1024
MAX_LINES = 400
MAX_DEPTH = 16
MAX_NODES = 10_000
_MAX_VALUE = 2000  # characters kept of one metadata value
_MAX_ITEMS = 50  # list items kept of one metadata value
_MAX_KEYS = 20  # keys kept beyond the known ones

_Loader: type[yaml.SafeLoader]
try:
    _Loader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def split_front_matter(lines: Sequence[str]) -> tuple[int, dict[str, str]] | None:
    """Return (number of lines the front matter takes, metadata), or None if there is none.

    A block that is too long, or not a YAML mapping, is not front matter: its
    lines stay text.
    """
    if not lines or lines[0].strip() != "---":
        return None
    size = 0
    for end in range(1, min(len(lines), MAX_LINES + 1)):
        if lines[end].strip() in ("---", "..."):
            break
        size += len(lines[end]) + 1
        if size > MAX_BYTES:
            return None
    else:
        return None
    data = load_front_matter("\n".join(lines[1:end]))
    if data is None:
        return None
    return end + 1, metadata_from(data)


def load_front_matter(text: str) -> dict[Any, Any] | None:
    """The mapping a front matter block holds, or None when it is not a safe, small mapping."""
    if len(text) > MAX_BYTES or text.count("\n") > MAX_LINES:
        return None
    simple = simple_mapping(text)
    return simple if simple is not None else load_yaml_mapping(text)


def load_yaml_mapping(text: str) -> dict[Any, Any] | None:
    """``load_front_matter`` through YAML, whatever the shape."""
    try:
        if not _safe_events(text):
            return None
        data = yaml.load(text, Loader=_Loader)  # a safe loader, events checked
    except Exception:  # any failure (bad YAML, a bad date…): no metadata
        return None
    if data is None:
        return {}
    return data if isinstance(data, dict) else None


# Characters every YAML reader takes as text: printable, no break; past ASCII.
_WIDE = r"\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"
# Double-quoted text with no escape: such a scalar is the text between its quotes.
_QUOTED = rf'"([\x20\x21\x23-\x5b\x5d-\x7e{_WIDE}]*)"'
# Plain (unquoted) text on one line: opening with no indicator, holding no ``#``
# (a comment) and no ``:`` before a space or the end (a key), ending with no
# space. YAML's resolvers and constructors (:func:`_plain`) tell what it is: a
# string, a date, a number…
_PLAIN = (
    rf"((?![-?:,\[\]{{}}#&*!|>'\"%@`])[\x21-\x7e{_WIDE}]"
    rf"(?: *(?:[\x21\x22\x24-\x39\x3b-\x7e{_WIDE}]|:(?! |$)))*)"
)
# ``key: value``, ``key:`` (a list follows, or nothing) or ``  - value``. A key
# is a plain scalar YAML reads as a string (see _NOT_STRINGS), far shorter than
# the 1024 characters a YAML key may take.
_SIMPLE_LINE = re.compile(
    rf"(?:([A-Za-z_][A-Za-z0-9_-]{{0,99}}):(?: +(?:{_QUOTED}|{_PLAIN}))?"
    rf"|( *)- (?:{_QUOTED}|{_PLAIN})) *"
)
_NOT_STRINGS = frozenset(("yes", "no", "true", "false", "on", "off", "null"))  # any case
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


def _plain(text: str) -> Any:
    """A plain scalar as YAML's safe loader reads it."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR:
        return text
    return yaml.constructor.SafeConstructor().construct_object(yaml.ScalarNode(tag, text))


def simple_mapping(text: str) -> dict[str, Any] | None:
    """The mapping ``text`` holds when it has the common shape above; None otherwise
    (YAML then reads it). A list follows its key at once, its items equally indented."""
    data: dict[str, Any] = {}
    key = ""  # a bare key just read: a list may follow
    items: list[Any] | None = None  # the list being read
    indent = 0
    try:
        for line in text.split("\n"):
            if not line.strip(" "):
                key, items = "", None
                continue
            match = _SIMPLE_LINE.fullmatch(line)
            if match is None:
                return None
            name, quoted, plain, spaces, quoted_item, plain_item = match.groups()
            value = quoted if plain is None else _plain(plain)
            item = quoted_item if plain_item is None else _plain(plain_item)
            if name is not None:
                if name.lower() in _NOT_STRINGS:
                    return None
                data[name] = value
                key, items = (name, None) if quoted is None and plain is None else ("", None)
            elif items is not None and len(spaces) == indent:
                items.append(item)
            elif key:
                items = data[key] = [item]
                key, indent = "", len(spaces)
            else:
                return None
    except Exception:  # a value YAML cannot construct (a date that does not exist…)
        return None
    return data


def _safe_events(text: str) -> bool:
    """No anchors, no aliases, bounded depth and size."""
    depth = 0
    nodes = 0
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if type(event) is yaml.ScalarEvent:  # most events: a node, no collection
                if event.anchor is not None:
                    return False
                nodes += 1
                if nodes > MAX_NODES:
                    return False
                continue
            if isinstance(event, yaml.AliasEvent):
                return False
            if isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    return False
                nodes += 1
                if nodes > MAX_NODES:
                    return False
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.DocumentEndEvent):
                # One document only: a second one is not front matter.
                return not loader.check_event(yaml.DocumentStartEvent)
    finally:
        loader.dispose()
    return True


# Runs of white space become one space; the ideographic space is a character of the
# text (a title's 　 between two phrases) and is kept as it is.
_SPACES = re.compile(r"[^\S\u3000]+")


def metadata_from(data: dict[Any, Any]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, value in data.items():
        if value is None or not isinstance(key, str | int | float):
            continue
        name = " ".join(str(key).split()).lower()[:100]
        if not name:
            continue
        if type(value) is str:
            text = value[: _MAX_VALUE * 2]
        elif isinstance(value, list | tuple):
            text = "、".join(filter(None, [_scalar(v) for v in value[:_MAX_ITEMS]]))
        elif isinstance(value, dict):
            continue
        else:
            text = _scalar(value)
        text = text[: _MAX_VALUE * 2]
        if not text.isprintable() or "  " in text:  # else no white space but single spaces
            text = _SPACES.sub(" ", text)
        text = text.strip(" ")[:_MAX_VALUE]
        if text and (name in _KEYS or len(meta) < _MAX_KEYS):
            meta["author" if name == "authors" else name] = text
    return meta


def _scalar(value: object) -> str:
    """A scalar as text; lists and mappings inside a value are left out."""
    if type(value) is str:
        return value[: _MAX_VALUE * 2]
    if value is None or isinstance(value, list | tuple | dict | set):
        return ""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return ""
    return str(value)[: _MAX_VALUE * 2]
