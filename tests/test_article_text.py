"""Article texts stored compressed (m010): read back through one function, whatever the row."""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
import zstandard
from sqlite_utils import Database

from conftest import DATA
from reader.core.errors import LibraryDamagedError
from reader.core.ingest.importer import Outcome, import_paths
from reader.core.library import article_text, migrations_late
from reader.core.library.article_text import (
    _MAX_TEXT_BYTES as MAX_TEXT_BYTES,
)
from reader.core.library.article_text import (
    ZSTD_MAGIC,
    damaged,
    intact,
    pack,
    pack_plain,
    text_of,
    unpack,
)
from reader.core.library.article_text import store as store_text
from reader.core.library.articles import get_article, list_articles
from reader.core.library.migrations import migrations
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.repair.check import check_library
from reader.core.repair.recover import recover_library
from reader.core.search.query import search
from repair_helpers import run_sql

M010 = "m010_compress_article_texts"
M011 = "m011_article_texts_zstd"
TEXTS = ["", "党支部召开会议。\n第二段。", "上環𠀀字招牌😀", "a" * 5000, "混合 text 123\n" * 300]


def _page(path: Path, title: str, body: str) -> Path:
    path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    return path


def _flip(path: Path, article_id: int) -> None:
    """One byte of an article's stored stream changed behind Reader's back."""
    conn = sqlite3.connect(path)
    with conn:
        (packed,) = conn.execute(
            "SELECT zlib FROM article_text WHERE article_id = ?", [article_id]
        ).fetchone()
        at = len(packed) // 2
        broken = packed[:at] + bytes([packed[at] ^ 0x55]) + packed[at + 1 :]
        conn.execute("UPDATE article_text SET zlib = ? WHERE article_id = ?", [broken, article_id])
    conn.close()


def _texts(conn: sqlite3.Connection) -> dict[int, str]:
    return {int(i): text_of(conn, int(i)) or "" for (i,) in conn.execute("SELECT id FROM articles")}


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_packs_and_unpacks_to_itself(text):
    size, packed = pack(text)
    assert size == len(text.encode()) and intact(size, packed)
    assert unpack("", packed) == text
    assert not intact(size + 1, packed)  # the size is checked too


def test_a_row_without_a_stream_reads_its_plain_text():
    assert unpack("旧的正文", None) == "旧的正文"
    assert unpack("旧的正文".encode(), None) == "旧的正文"  # a connection reading bytes
    assert unpack(None, None) == ""


def test_long_repetitive_text_is_stored_smaller():
    size, packed = pack("中文正文，" * 2000)
    assert len(packed) < size / 20


def test_a_damaged_stream_is_a_damaged_library_not_a_crash():
    _, packed = pack("党支部召开会议。" * 50)
    broken = packed[:20] + bytes([packed[20] ^ 0xFF]) + packed[21:]
    with pytest.raises(LibraryDamagedError):
        unpack("", broken)
    assert not intact(len("党支部召开会议。".encode()) * 50, broken)
    assert not intact(10, "not bytes")
    size, packed = pack("正文")
    assert not intact(size, packed + b"\0")  # nothing may follow the stream's end
    with pytest.raises(LibraryDamagedError):
        unpack("", packed[:-1])


def test_import_stores_texts_compressed_and_every_reader_reads_them(library, tmp_path):
    import_paths(library, [_page(tmp_path / "a.md", "甲", "第一篇写红岩村。" * 40)])
    (article_id,) = library.conn.execute("SELECT id FROM articles").fetchone()
    plain, size, packed = library.conn.execute(
        "SELECT a.text, t.size, t.zlib FROM articles a JOIN article_text t ON t.article_id = a.id"
    ).fetchone()
    text = get_article(library, article_id).text
    assert plain == "" and size == len(text.encode()) and len(packed) < size / 4
    assert text.startswith("甲\n第一篇写红岩村。")
    assert [h.article_id for h in search(library, "红岩村").hits][:1] == [article_id]
    created = notes.create(library, article_id, 2, 6)
    assert created.quote == text[2:6]


def test_an_article_whose_text_is_still_plain_reads_as_before(library, tmp_path):
    """As ``reader recover`` may copy it from an older library: no row in article_text."""
    import_paths(library, [_page(tmp_path / "a.md", "甲", "第一篇写红岩村。")])
    (article_id,) = library.conn.execute("SELECT id FROM articles").fetchone()
    text = get_article(library, article_id).text
    with library.transaction() as conn:
        conn.execute("DELETE FROM article_text")
        conn.execute("UPDATE articles SET text = ? WHERE id = ?", [text + "尾", article_id])
    assert get_article(library, article_id).text == text + "尾"
    assert text_of(library.conn, article_id) == text + "尾"
    assert text_of(library.conn, article_id + 1) is None
    assert notes.create(library, article_id, 0, 1).quote == text[0]
    with library.transaction() as conn:
        assert pack_plain(conn) == 1 and pack_plain(conn) == 0
    assert library.conn.execute("SELECT text FROM articles").fetchone()[0] == ""
    assert get_article(library, article_id).text == text + "尾"


def test_reimporting_a_changed_file_replaces_the_stored_text(library, tmp_path):
    page = _page(tmp_path / "a.md", "甲", "原来的正文。")
    import_paths(library, [page])
    (article_id,) = library.conn.execute("SELECT id FROM articles").fetchone()
    _page(page, "甲", "修改后的正文。")
    assert import_paths(library, [page]).count(Outcome.UPDATED) == 1
    assert "修改后的正文。" in (text_of(library.conn, article_id) or "")
    (old,) = library.conn.execute("SELECT text FROM article_versions").fetchone()
    assert "原来的正文。" in old
    assert library.conn.execute("SELECT count(*) FROM article_text").fetchone()[0] == 1


def test_m010_moves_every_text_and_gives_the_pages_back(tmp_path):
    path = tmp_path / "lib.sqlite3"
    db = Database(path)
    migrations.apply(db, stop_before=M010)
    with db.conn:
        for i, text in enumerate(TEXTS * 20):
            db.conn.execute(
                "INSERT INTO articles (title, text_hash, chars, created_at, updated_at, text) "
                "VALUES (?, '', ?, '', '', ?)",
                [f"第{i}篇", len(text), text],
            )
    db.conn.close()
    before = {i: TEXTS[(i - 1) % len(TEXTS)] for i in range(1, len(TEXTS) * 20 + 1)}
    with open_library(path, create=False) as library:
        conn = library.conn
        assert _texts(conn) == before
        assert conn.execute("SELECT count(*) FROM articles WHERE text != ''").fetchone()[0] == 0
        rows = conn.execute("SELECT article_id FROM article_text").fetchall()
        assert {r[0] for r in rows} == {i for i, t in before.items() if t}  # '' needs no row
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert [a.chars for a in list_articles(library)] == [len(t) for t in before.values()]


def test_check_finds_a_damaged_text_and_recover_leaves_its_article_out(tmp_path):
    path = tmp_path / "lib.sqlite3"
    pages = [_page(tmp_path / f"{n}.md", n, f"{n}的正文，党支部召开会议。" * 30) for n in "甲乙"]
    with open_library(path) as library:
        import_paths(library, pages)
        texts = _texts(library.conn)
        notes.create(library, min(texts), 0, 2, note="留下")
    assert check_library(path).ok
    broken = max(texts)
    _flip(path, broken)
    report = check_library(path)
    assert "the stored text of 1 article(s) is damaged" in report.problems
    with open_library(path, create=False) as library, pytest.raises(LibraryDamagedError):
        get_article(library, broken)

    result = recover_library(path, tmp_path / "out.sqlite3")
    assert result.copied["articles"] == 1 and result.dropped >= 1
    with open_library(tmp_path / "out.sqlite3", create=False) as library:
        assert _texts(library.conn) == {k: v for k, v in texts.items() if k != broken}
        assert [a.note for a in notes.all_annotations(library)] == ["留下"]
        assert damaged(library.conn) == []
        summary = import_paths(library, pages)  # its source's hash was cleared: it comes back
        assert summary.count(Outcome.UPDATED) == 1
        assert sorted(_texts(library.conn).values()) == sorted(texts.values())
    assert check_library(tmp_path / "out.sqlite3").ok


def test_check_finds_an_article_whose_text_row_is_gone(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        import_paths(library, [_page(tmp_path / "a.md", "甲", "第一篇。")])
    run_sql(path, "DELETE FROM article_text")
    assert "the stored text of 1 article(s) is damaged" in check_library(path).problems


def test_recover_from_an_older_library_stores_its_texts_compressed(tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "libraries" / "c9bf204.sqlite3", old)  # m001-m007: texts plain
    conn = sqlite3.connect(old)
    before = dict(conn.execute("SELECT id, text FROM articles"))
    conn.close()
    recover_library(old, tmp_path / "out.sqlite3")
    with open_library(tmp_path / "out.sqlite3", create=False) as library:
        assert _texts(library.conn) == before
        plain = library.conn.execute("SELECT count(*) FROM articles WHERE text != ''")
        assert plain.fetchone()[0] == 0
        assert damaged(library.conn) == []


def test_a_stored_text_is_replaced_not_doubled(library, tmp_path):
    import_paths(library, [_page(tmp_path / "a.md", "甲", "正文。")])
    (article_id,) = library.conn.execute("SELECT id FROM articles").fetchone()
    with library.transaction() as conn:
        store_text(conn, article_id, "另一个")
    assert text_of(library.conn, article_id) == "另一个"
    assert library.conn.execute("SELECT count(*) FROM article_text").fetchone()[0] == 1
    (stream,) = library.conn.execute("SELECT zlib FROM article_text").fetchone()
    assert zstandard.ZstdDecompressor().decompress(stream).decode() == "另一个"


def test_a_zlib_stream_from_before_m011_still_reads():
    data = "党支部召开会议。".encode() * 30
    stream = zlib.compress(data, 1)
    assert unpack("", stream) == data.decode() and intact(len(data), stream)
    with pytest.raises(LibraryDamagedError):
        unpack("", stream + b"\0")


def test_a_frame_claiming_a_huge_size_is_damaged_without_making_room_for_it(monkeypatch):
    real = article_text._codecs()
    asked: list[int] = []

    class Counting:
        def decompress(self, data: bytes, **kwargs: object) -> bytes:
            asked.append(zstandard.frame_content_size(data))
            return real[1].decompress(data, **kwargs)

    monkeypatch.setattr(article_text, "_codecs", lambda: (real[0], Counting()))
    frame = zstandard.ZstdCompressor(write_checksum=True).compress(b"x" * 10)
    assert frame[4] == 0x24  # single segment, checksum, the size in one byte after it
    # the same frame claiming more than any text: eight bytes of size instead of one
    forged = ZSTD_MAGIC + b"\xe4" + (MAX_TEXT_BYTES + 1).to_bytes(8, "little") + frame[6:]
    assert zstandard.frame_content_size(forged) == MAX_TEXT_BYTES + 1
    with pytest.raises(LibraryDamagedError):
        unpack("", forged)
    assert not intact(10, forged)
    assert asked == []  # refused before zstd made room for it
    exact = ZSTD_MAGIC + b"\xe4" + (10).to_bytes(8, "little") + frame[6:]
    assert unpack("", exact) == "x" * 10  # the bound, not the header's form, refused it


def _zlib_library(path: Path, texts: list[str]) -> None:
    """A library as Reader made it before m011: its texts in zlib streams (m010's)."""
    db = Database(path)
    migrations.apply(db, stop_before=M011)
    with db.conn:
        for i, text in enumerate(texts):
            db.conn.execute(
                "INSERT INTO articles (title, text_hash, chars, created_at, updated_at, text) "
                "VALUES (?, '', ?, '', '', '')",
                [f"第{i}篇", len(text)],
            )
            data = text.encode()
            db.conn.execute(
                "INSERT INTO article_text (article_id, size, zlib) VALUES (?, ?, ?)",
                [i + 1, len(data), zlib.compress(data, 1)],
            )
    db.conn.close()


def _formats(conn: sqlite3.Connection) -> list[bytes]:
    return [r[0][:4] for r in conn.execute("SELECT zlib FROM article_text ORDER BY 1")]


def test_m011_re_encodes_every_text_in_zstd_and_keeps_a_damaged_one(tmp_path, monkeypatch):
    monkeypatch.setattr(migrations_late, "M011_ROWS", 7)  # several transactions
    path = tmp_path / "lib.sqlite3"
    texts = [t for t in TEXTS if t] * 6
    _zlib_library(path, texts)
    _flip(path, 3)  # a damaged stream: left as it is, for check and recover to see
    with open_library(path, create=False) as library:
        conn = library.conn
        got = {i: t for i, t in enumerate(texts, 1) if i != 3}
        assert {i: text_of(conn, i) for i in got} == got
        heads = {r[0]: r[1][:4] for r in conn.execute("SELECT article_id, zlib FROM article_text")}
        assert heads.pop(3) != ZSTD_MAGIC
        assert set(heads.values()) == {ZSTD_MAGIC}
        assert damaged(conn) == [3]
        with pytest.raises(LibraryDamagedError):
            text_of(conn, 3)


def test_m011_run_again_after_a_kill_takes_up_the_rows_left(tmp_path):
    """Half the rows re-encoded already (a kill between two transactions): the rest are."""
    path = tmp_path / "lib.sqlite3"
    texts = [t for t in TEXTS if t] * 3
    _zlib_library(path, texts)
    conn = sqlite3.connect(path)
    with conn:
        for i in range(1, len(texts) // 2):
            conn.execute(
                "UPDATE article_text SET zlib = ? WHERE article_id = ?",
                [pack(texts[i - 1])[1], i],
            )
    conn.close()
    with open_library(path, create=False) as library:
        assert set(_formats(library.conn)) == {ZSTD_MAGIC}
        assert _texts(library.conn) == dict(enumerate(texts, 1))
