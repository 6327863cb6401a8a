"""A source file's raw text, stored zlib-compressed (migration m007), against its articles.

A raw source is mostly its articles' text with some markup around it, so import
compresses it with zlib's preset dictionary set to the start of that text
(:func:`dictionary`): the wild corpus's sources take ~0.10 of their size this
way, ~0.48 without. The dictionary is the source's live articles' texts, in
position order, joined by a newline, in UTF-8: its first ``DICT_BYTES`` (zlib's
window). Import stores the raw text in the transaction that stores those
articles, and nothing but import changes an article's text, so the dictionary
can always be rebuilt from the library (:func:`source_dictionary`).

The stream says itself whether it needs a dictionary (the FDICT bit of zlib's
header) and checks the one it is given (its Adler-32): rows written before,
plain zlib, read as they did. Only the source view, ``check`` and ``recover``
read raw sources back.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable

from reader.core.errors import LibraryDamagedError
from reader.core.library.article_text import TEXT_COLUMNS, TEXT_JOIN
from reader.core.library.article_text import unpack as unpack_text

LEVEL = 1  # 1/3 less time than 6; with the dictionary the bytes differ by a few per cent
DICT_BYTES = 32768
_FDICT = 0x20
_PACK_CHARS = 4096  # characters encoded and compressed at a time (12 KB of Han in UTF-8)


def dictionary(texts: Iterable[str | bytes]) -> bytes:
    """The preset dictionary of a source whose live articles have ``texts``, in order."""
    out = bytearray()
    for index, text in enumerate(texts):
        if index:
            out += b"\n"
        if isinstance(text, str):
            # a character takes at least one byte: no more is ever needed
            out += text[:DICT_BYTES].encode("utf-8", "surrogatepass")
        else:
            out += text[:DICT_BYTES]
        if len(out) >= DICT_BYTES:
            break
    return bytes(out[:DICT_BYTES])


def source_dictionary(conn: sqlite3.Connection, source_id: int) -> bytes:
    """The dictionary of a stored source, from its articles in the library."""
    rows = conn.execute(
        f"SELECT {TEXT_COLUMNS} FROM articles a {TEXT_JOIN} "
        "WHERE a.source_id = ? AND a.retired_at IS NULL ORDER BY a.position",
        [source_id],
    )
    return dictionary(unpack_text(plain, packed) for plain, packed in rows)


def pack(text: str, preset: bytes = b"") -> bytes:
    """The text as ``source_raw.zlib`` holds it, compressed against ``preset`` if any."""
    return bytes(_packed(text, preset))


def _packed(text: str, preset: bytes) -> bytearray:
    """:func:`pack`'s bytes, the text encoded and compressed a piece at a time: no UTF-8
    copy of it whole, nor a list of compressed pieces beside their join (deflate's
    output does not depend on how its input is handed over: the same stream)."""
    packer = zlib.compressobj(LEVEL, zdict=preset) if preset else zlib.compressobj(LEVEL)
    out = bytearray()
    for start in range(0, len(text), _PACK_CHARS):
        out += packer.compress(text[start : start + _PACK_CHARS].encode("utf-8", "surrogatepass"))
    out += packer.flush()
    return out


def store(conn: sqlite3.Connection, source_id: int, text: str, preset: bytes = b"") -> None:
    """Keep a source's raw text (in its import's transaction, ``preset`` its dictionary)."""
    conn.execute(
        "INSERT OR REPLACE INTO source_raw (source_id, zlib) VALUES (?, ?)",
        [source_id, _packed(text, preset)],  # a bytearray is bound as the blob it holds
    )


def needs_dictionary(packed: bytes) -> bool:
    return len(packed) >= 2 and bool(packed[1] & _FDICT)


def unpack(raw_text: str | None, raw_zlib: bytes | None, preset: bytes = b"") -> str:
    """A source's raw text: its ``source_raw.zlib`` when it has one, else ``raw_text``.

    Raises ``zlib.error`` when the stream is damaged or ``preset`` is not its dictionary."""
    if raw_zlib is None:
        return str(raw_text or "")
    if not needs_dictionary(raw_zlib):
        return zlib.decompress(raw_zlib).decode("utf-8", "surrogatepass")
    unpacker = zlib.decompressobj(zdict=preset)
    data = unpacker.decompress(raw_zlib) + unpacker.flush()
    if not unpacker.eof or unpacker.unused_data:
        raise zlib.error("incomplete or truncated stream")
    return data.decode("utf-8", "surrogatepass")


def stored_text(conn: sqlite3.Connection, source_id: int) -> str:
    """A stored source's raw text ("" for no such source)."""
    row = conn.execute(
        "SELECT s.raw_text, r.zlib FROM sources s LEFT JOIN source_raw r ON r.source_id = s.id "
        "WHERE s.id = ?",
        [source_id],
    ).fetchone()
    if row is None:
        return ""
    preset = source_dictionary(conn, source_id) if row[1] and needs_dictionary(row[1]) else b""
    return unpack(row[0], row[1], preset)


def intact(packed: bytes, preset: bytes = b"") -> bool:
    """Does a stored raw text decompress (zlib's checksums) to UTF-8? (``check``, ``recover``)"""
    try:
        unpack(None, packed, preset)
    except (zlib.error, UnicodeDecodeError, TypeError):
        return False
    return True


def intact_in(conn: sqlite3.Connection, source_id: int, packed: bytes) -> bool:
    """:func:`intact`, with the source's dictionary read from the library when it needs one
    (not intact either when an article text the dictionary needs is damaged)."""
    try:
        preset = source_dictionary(conn, source_id) if needs_dictionary(packed) else b""
    except LibraryDamagedError:
        return False
    return intact(packed, preset)
