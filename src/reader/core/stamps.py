"""Timestamps and text hashes, as the library stores them."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from functools import lru_cache

_HASH_CHARS = 65536  # characters encoded at a time


def now() -> str:
    """UTC, ISO 8601 with microseconds: sortable as text, so "newer wins" compares strings."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def text_hash(text: str) -> str:
    """SHA-256 of the text's UTF-8, encoded a piece at a time: no copy of a long text whole."""
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASH_CHARS):
        digest.update(text[start : start + _HASH_CHARS].encode("utf-8"))
    return digest.hexdigest()


# A stored time: to the minute, then seconds and their fraction, then its offset.
_STAMP = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?")


def local_time(stamp: str) -> str:
    """A stored time as people read it: this machine's local time, to the minute
    (``2026-11-27 07:07``); anything else as it is. For the sheet and the window; the
    files for tools keep the stored ISO 8601."""
    m = _STAMP.fullmatch(stamp)
    return (_local_minute(m[1], m[2] or "") or stamp) if m else stamp


@lru_cache(maxsize=65536)
def _local_minute(minute: str, offset: str) -> str:
    """One minute's local form (every annotation made in it shares it: 50,000 stamps,
    a few thousand minutes)."""
    try:
        moment = datetime.fromisoformat(minute + offset)
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")
