"""Timestamps and text hashes, as the library stores them."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime


def now() -> str:
    """UTC, ISO 8601 with microseconds: sortable as text, so "newer wins" compares strings."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
