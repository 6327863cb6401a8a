"""An article's text, stored compressed in its own table (migrations m010, m011).

``article_text.zlib`` holds the text as UTF-8 compressed as one zstd frame (m011; level
3: ~0.57 of the UTF-8 bytes on the wild corpus, decompressed 2.5x as fast as zlib, which
a search reads a hundred texts with), ``size`` those UTF-8 bytes, and ``articles.text``
is left ''. The column keeps m010's name; a stream written before m011 (zlib) is still
read, told apart by zstd's magic number. An article without a row there (copied by
``reader recover`` from an older library, or a row written behind Reader's back) still
has its text in ``articles.text``.

Every reader of an article's text goes through :func:`unpack`: select
``TEXT_COLUMNS`` from ``articles a`` joined with ``TEXT_JOIN``, or call
:func:`text_of`; every writer through :func:`store` (or :data:`STORE_SQL` with the
values of :func:`pack`). The frame's own checksum (XXH64; zlib's Adler-32 before m011)
finds a damaged stream: :func:`unpack` then raises :class:`LibraryDamagedError`, and
``reader check`` reports it (:func:`damaged`).
"""

from __future__ import annotations

import sqlite3
import threading
import zlib

import zstandard

from reader.core.errors import LibraryDamagedError
from reader.core.text.files import MAX_FILE_BYTES

LEVEL = 3  # zstd's default: 0.57 of the UTF-8 at ~120 MB/s here; level 1 keeps 0.59
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # how a zstd frame starts; a zlib stream starts 0x78
TEXT_JOIN = "LEFT JOIN article_text t ON t.article_id = a.id"
TEXT_COLUMNS = "a.text, t.zlib"  # the two values :func:`unpack` takes
DAMAGED = (
    "an article's stored text is damaged; 'reader check' says more, 'reader recover' copies "
    "what is readable"
)
_MAX_TEXT_BYTES = 4 * MAX_FILE_BYTES  # UTF-8 of a text decoded from a file import takes
_CODECS = threading.local()  # zstd's contexts are not to be shared between threads


def _codecs() -> tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor]:
    pair: tuple[zstandard.ZstdCompressor, zstandard.ZstdDecompressor] | None = getattr(
        _CODECS, "pair", None
    )
    if pair is None:
        pair = (
            zstandard.ZstdCompressor(level=LEVEL, write_checksum=True),
            zstandard.ZstdDecompressor(),
        )
        _CODECS.pair = pair
    return pair


def pack(text: str) -> tuple[int, bytes]:
    """The text as ``article_text`` holds it: (size, frame)."""
    return packed(text.encode("utf-8", "surrogatepass"))


def packed(data: bytes) -> tuple[int, bytes]:
    """:func:`pack` of a text already encoded (import has the UTF-8 for the text's hash)."""
    return len(data), _codecs()[0].compress(data)


def unpack(plain: str | bytes | None, packed: bytes | None) -> str:
    """An article's text from its ``articles.text`` and ``article_text.zlib`` (None: no row).

    Raises :class:`LibraryDamagedError` when the stored stream is damaged."""
    if packed is None:
        if isinstance(plain, bytes):  # a connection reading text as bytes (check, recover)
            return plain.decode("utf-8", "replace")
        return "" if plain is None else plain
    try:
        return _inflate(packed).decode("utf-8", "surrogatepass")
    except (zstandard.ZstdError, zlib.error, UnicodeDecodeError, TypeError) as exc:
        raise LibraryDamagedError(DAMAGED) from exc


def _inflate(packed: bytes) -> bytes:
    """The stream's bytes: all of it, and nothing after its end (a checksum of its own).
    A zstd frame (m011 on), else a zlib stream (m010)."""
    if packed[:4] == ZSTD_MAGIC:
        # a damaged header could claim any size: no text is longer than the file it came
        # from, which import reads whole, so no larger buffer is made
        if not 0 <= zstandard.frame_content_size(packed) <= _MAX_TEXT_BYTES:
            raise zstandard.ZstdError("frame size out of bounds")
        return bytes(_codecs()[1].decompress(packed, allow_extra_data=False))
    inflater = zlib.decompressobj()
    data = inflater.decompress(packed)
    if not inflater.eof or inflater.unused_data:
        raise zlib.error("incomplete stream, or bytes after its end")
    return data


# Rows of (article_id, *:func:`pack`), as :func:`store` writes one (import writes a file's at once)
STORE_SQL = "INSERT OR REPLACE INTO article_text (article_id, size, zlib) VALUES (?, ?, ?)"


def store(conn: sqlite3.Connection, article_id: int, text: str) -> None:
    """Keep an article's text (in the transaction that writes its row, whose text is '')."""
    conn.execute(STORE_SQL, [article_id, *pack(text)])


def text_of(conn: sqlite3.Connection, article_id: int) -> str | None:
    """One article's text; None when there is no such article."""
    row = conn.execute(
        f"SELECT {TEXT_COLUMNS} FROM articles a {TEXT_JOIN} WHERE a.id = ?", [article_id]
    ).fetchone()
    return None if row is None else unpack(row[0], row[1])


def intact(size: object, packed: object) -> bool:
    """Does a stored text decompress (its checksum) to ``size`` bytes of UTF-8?"""
    if not isinstance(packed, bytes):
        return False
    try:
        data = _inflate(packed)
        data.decode("utf-8", "surrogatepass")
    except (zstandard.ZstdError, zlib.error, UnicodeDecodeError, TypeError):
        return False
    return len(data) == size


def has_table(conn: sqlite3.Connection) -> bool:
    """Has m010 run? (``check`` and ``recover`` read libraries from before it.)"""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_text'").fetchone()
    return found is not None


def damaged(conn: sqlite3.Connection) -> list[int]:
    """Articles whose stored text does not read back: a damaged stream, or no text at all
    where ``chars`` says there was one (its ``article_text`` row lost)."""
    bad = [
        int(article_id)
        for article_id, size, packed in conn.execute(
            "SELECT article_id, size, zlib FROM article_text"
        )
        if not intact(size, packed)
    ]
    lost = conn.execute(
        f"SELECT a.id FROM articles a {TEXT_JOIN} "
        "WHERE t.article_id IS NULL AND a.text = '' AND a.chars > 0"
    ).fetchall()
    return sorted(bad + [int(r[0]) for r in lost])


def pack_plain(conn: sqlite3.Connection) -> int:
    """Move every text still kept in ``articles.text`` into ``article_text``; returns how many
    (``recover``, after copying an older library's rows)."""
    ids = conn.execute(
        f"SELECT a.id FROM articles a {TEXT_JOIN} WHERE t.article_id IS NULL AND a.text != ''"
    ).fetchall()
    for (article_id,) in ids:  # one text in memory at a time
        (text,) = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        store(conn, int(article_id), str(text))
        conn.execute("UPDATE articles SET text = '' WHERE id = ?", [article_id])
    return len(ids)


def drop_unreadable(conn: sqlite3.Connection) -> int:
    """Delete the articles whose text does not read back (:func:`damaged`), with their
    ``article_text`` rows; returns how many articles (``recover``, with foreign keys off:
    their blocks and notes go next, as rows pointing at nothing). Their source's hash is
    cleared, so importing its file again brings them back."""
    dropped = 0
    for article_id in damaged(conn):
        conn.execute(
            "UPDATE sources SET sha256 = '' WHERE id = "
            "(SELECT source_id FROM articles WHERE id = ?)",
            [article_id],
        )
        conn.execute("DELETE FROM article_text WHERE article_id = ?", [article_id])
        dropped += conn.execute("DELETE FROM articles WHERE id = ?", [article_id]).rowcount
    return dropped
