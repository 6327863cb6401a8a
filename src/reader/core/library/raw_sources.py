"""A source file's raw text, stored zlib-compressed (migration m007).

Only the source view reads it back; import writes it once per file.
"""

from __future__ import annotations

import sqlite3
import zlib

LEVEL = 6


def pack(text: str) -> bytes:
    """The text as ``source_raw.zlib`` holds it."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), LEVEL)


def store(conn: sqlite3.Connection, source_id: int, text: str) -> None:
    """Keep a source's raw text (in its import's transaction)."""
    conn.execute(
        "INSERT OR REPLACE INTO source_raw (source_id, zlib) VALUES (?, ?)",
        [source_id, pack(text)],
    )


def unpack(raw_text: str | None, raw_zlib: bytes | None) -> str:
    """A source's raw text: its ``source_raw.zlib`` when it has one, else ``raw_text``."""
    if raw_zlib is not None:
        return zlib.decompress(raw_zlib).decode("utf-8", "surrogatepass")
    return str(raw_text or "")


def intact(packed: bytes) -> bool:
    """Does a stored raw text decompress (zlib's checksum) to UTF-8? (``check``, ``recover``)"""
    try:
        zlib.decompress(packed).decode("utf-8", "surrogatepass")
    except (zlib.error, UnicodeDecodeError, TypeError):
        return False
    return True
