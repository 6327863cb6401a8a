"""YAML front matter at the top of a file: ``---`` … ``---``."""

from __future__ import annotations

import datetime
from typing import Any

import yaml

_KEYS = ("title", "subtitle", "author", "authors", "date", "source", "tags", "description")


def split_front_matter(lines: list[str]) -> tuple[int, dict[str, str]] | None:
    """Return (number of lines the front matter takes, metadata), or None if there is none."""
    if not lines or lines[0].strip() != "---":
        return None
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return None
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None
    return end + 1, metadata_from(data)


def metadata_from(data: dict[Any, Any]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, value in data.items():
        name = str(key).strip().lower()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            text = "、".join(str(v) for v in value if v is not None)
        elif isinstance(value, datetime.date | datetime.datetime):
            text = value.isoformat()
        elif isinstance(value, dict):
            continue
        else:
            text = str(value)
        text = " ".join(text.split())
        if text and (name in _KEYS or len(meta) < 20):
            meta["author" if name == "authors" else name] = text
    return meta
