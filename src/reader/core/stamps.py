"""Timestamps and text hashes, as the library stores them."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

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
