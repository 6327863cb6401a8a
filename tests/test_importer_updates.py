"""Re-importing changed files: what is matched, kept, versioned, retired or deleted.

Expected values come from the files written here, not from the importer's output.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from reader.core.ingest import importer
from reader.core.ingest.importer import (
    LABELLED,
    FileResult,
    ImportSummary,
    Outcome,
    collect_files,
    import_file,
    import_paths,
)
from reader.core.library.article_text import text_of
from reader.core.library.articles import get_article, list_articles
from reader.core.library.outline import source_text
from reader.core.notes import annotations as notes
from reader.core.search.index import BODY_COLUMN, TITLE_COLUMN, index_pending
from reader.core.search.query import search
from reader.core.stamps import text_hash
from reader.core.text.structure import parse_text


def write(path: Path, *articles: tuple[str, str]) -> Path:
    path.write_text("".join(f"# {t}\n\n{body}\n\n" for t, body in articles), encoding="utf-8")
    return path


def ids_by_title(library) -> dict[str, int]:
    return {a.title: a.id for a in list_articles(library)}


def versions(library) -> list[tuple[int, str, str]]:
    return library.conn.execute(
        "SELECT article_id, title, text FROM article_versions ORDER BY id"
    ).fetchall()


def indexed(library, field: str, word: str) -> set[int]:
    """Row ids whose indexed ``field`` (title or body) holds ``word`` (a token a character)."""
    phrase = '"' + " ".join(word) + '"'
    column = {"title": TITLE_COLUMN, "body": BODY_COLUMN}[field]  # m009: body first
    return {
        r[0]
        for r in library.conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?", [f"{column} : {phrase}"]
        )
    }


def test_a_title_only_change_is_stored_versioned_and_reindexed(library, tmp_path, monkeypatch):
    src = write(tmp_path / "p.md", ("旧标题", "正文一段。"))
    import_paths(library, [src])
    (article_id,) = ids_by_title(library).values()
    before = get_article(library, article_id)

    # The same text under another title (as a parser change could give).
    def retitled(text: str, name: str):
        doc = parse_text(text, name)
        return dataclasses.replace(
            doc, articles=tuple(dataclasses.replace(a, title="新名字") for a in doc.articles)
        )

    monkeypatch.setattr(importer, "parse_text", retitled)
    src.write_text(src.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new bytes
    result = import_file(library, src)
    assert (result.path, result.outcome, result.articles) == (src, Outcome.UPDATED, 1)
    assert library.conn.execute("SELECT article_id FROM search_pending").fetchall() == [
        (article_id,)
    ]
    index_pending(library)
    after = get_article(library, article_id)
    assert (after.title, after.text) == ("新名字", before.text)
    assert versions(library) == [(article_id, "旧标题", before.text)]
    assert indexed(library, "title", "新名字") == {article_id}
    assert indexed(library, "title", "旧标题") == set()


def test_unchanged_articles_of_a_changed_file_keep_their_row(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "甲的正文。"), ("乙", "乙的正文。"))
    import_paths(library, [src])
    ids = ids_by_title(library)
    stamp = library.conn.execute("SELECT updated_at FROM articles WHERE id = ?", [ids["甲"]])
    stamp = stamp.fetchone()[0]
    write(src, ("甲", "甲的正文。"), ("乙", "乙的正文改了。"))
    summary = import_paths(library, [src])
    positions = library.conn.execute("SELECT id, position, source_id FROM articles ORDER BY id")
    source_id = library.conn.execute("SELECT id FROM sources").fetchone()[0]
    assert positions.fetchall() == [(ids["甲"], 0, source_id), (ids["乙"], 1, source_id)]
    assert summary.line() == "0 imported, 0 unchanged, 1 updated, 0 refused"
    assert ids_by_title(library) == ids
    assert [v[0] for v in versions(library)] == [ids["乙"]]
    unchanged = library.conn.execute(
        "SELECT updated_at FROM articles WHERE id = ?", [ids["甲"]]
    ).fetchone()[0]
    assert unchanged == stamp
    assert get_article(library, ids["乙"]).text == "乙\n乙的正文改了。"
    assert [h.article_id for h in search(library, "改了").hits] == [ids["乙"]]
    assert search(library, "乙的正文。").hits == []


def test_reordered_articles_keep_their_ids_and_take_new_positions(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "甲的正文。"), ("乙", "乙的正文。"), ("丙", "丙的正文。"))
    import_paths(library, [src])
    ids = ids_by_title(library)
    write(src, ("丙", "丙的正文。"), ("甲", "甲的正文。"), ("乙", "乙的正文。"))
    import_paths(library, [src])
    assert [(a.title, a.id, a.position) for a in list_articles(library)] == [
        ("丙", ids["丙"], 0),
        ("甲", ids["甲"], 1),
        ("乙", ids["乙"], 2),
    ]
    assert versions(library) == []


def test_a_retitled_article_is_matched_by_position(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "甲的正文。"), ("乙", "乙的正文。"))
    import_paths(library, [src])
    ids = ids_by_title(library)
    write(src, ("甲", "甲的正文。"), ("丁", "乙的正文。"))
    import_paths(library, [src])
    assert ids_by_title(library) == {"甲": ids["甲"], "丁": ids["乙"]}
    assert versions(library) == [(ids["乙"], "乙", "乙\n乙的正文。")]


def test_a_new_article_gets_a_new_id_and_the_old_keep_theirs(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "甲的正文。"), ("乙", "乙的正文。"))
    import_paths(library, [src])
    ids = ids_by_title(library)
    write(
        src, ("甲", "甲的正文。"), ("乙", "乙的正文。"), ("新", "新来的正文。"), ("又", "又一篇。")
    )
    import_paths(library, [src])
    now = ids_by_title(library)
    source_id = library.conn.execute("SELECT id FROM sources").fetchone()[0]
    rows = library.conn.execute("SELECT id, position, source_id FROM articles ORDER BY position")
    assert rows.fetchall() == [
        (now["甲"], 0, source_id),
        (now["乙"], 1, source_id),
        (now["新"], 2, source_id),
        (now["又"], 3, source_id),
    ]
    assert (now["甲"], now["乙"]) == (ids["甲"], ids["乙"])
    assert now["新"] not in ids.values()
    assert versions(library) == []
    assert [h.article_id for h in search(library, "新来的").hits] == [now["新"]]
    new = get_article(library, now["新"])
    assert [(b.kind, b.text) for b in new.blocks] == [
        ("title", "新"),
        ("paragraph", "新来的正文。"),
    ]


def test_a_removed_article_without_annotations_is_deleted(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "甲的正文。"), ("乙", "乙的独有正文。"))
    import_paths(library, [src])
    ids = ids_by_title(library)
    write(src, ("甲", "甲的正文。"))
    import_paths(library, [src])
    assert ids_by_title(library) == {"甲": ids["甲"]}
    gone = library.conn.execute("SELECT count(*) FROM articles WHERE id = ?", [ids["乙"]])
    assert gone.fetchone()[0] == 0
    assert search(library, "独有").hits == []
    assert indexed(library, "body", "独有") == set()


def test_a_removed_annotated_article_is_retired_and_unsearchable(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "甲的正文。"), ("乙", "乙的独有正文。"))
    import_paths(library, [src])
    ids = ids_by_title(library)
    notes.create(library, ids["乙"], 2, 4)
    write(src, ("甲", "甲的正文。"))
    import_paths(library, [src])
    row = library.conn.execute(
        "SELECT retired_at IS NOT NULL, position FROM articles WHERE id = ?", [ids["乙"]]
    ).fetchone()
    assert row == (1, None)
    assert [a.id for a in list_articles(library)] == [ids["甲"]]
    assert indexed(library, "body", "独有") == set()
    assert len(notes.for_article(library, ids["乙"])) == 1


def test_a_text_change_reanchors_annotations(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "第一句话。医院在这里。"))
    import_paths(library, [src])
    (article_id,) = ids_by_title(library).values()
    text = get_article(library, article_id).text
    made = notes.create(library, article_id, text.index("医院"), text.index("医院") + 2)
    write(src, ("甲", "前面新加了几个字。第一句话。医院在这里。"))
    import_paths(library, [src])
    new_text = get_article(library, article_id).text
    moved = notes.get(library, made.id)
    assert (moved.state, moved.start) == ("moved", new_text.index("医院"))
    assert moved.text_hash == text_hash(new_text)
    assert moved.prefix == new_text[: moved.start]


def test_stored_blocks_match_the_parse(library, tmp_path):
    src = tmp_path / "p.md"
    src.write_text(
        "## 眉题\n\n# 主标题\n\n——副标题\n\n## 小标题\n\n正文第一段。\n\n记者 张三\n",
        encoding="utf-8",
    )
    import_paths(library, [src])
    (article,) = parse_text(src.read_text(encoding="utf-8"), "p.md").articles
    (article_id,) = ids_by_title(library).values()
    rows = library.conn.execute(
        'SELECT seq, kind, level, start, "end", lines, label FROM blocks '
        "WHERE article_id = ? ORDER BY seq",
        [article_id],
    ).fetchall()
    assert [
        (seq, kind, level, start, end, json.loads(lines), label)
        for seq, kind, level, start, end, lines, label in rows
    ] == [
        (i, b.kind, b.level, b.start, b.end, list(b.lines), b.text if b.kind in LABELLED else None)
        for i, b in enumerate(article.blocks)
    ]
    assert {b.kind for b in article.blocks} >= {"title", "heading", "paragraph"}
    *stored, packed, article_id = library.conn.execute(
        "SELECT a.title, a.untitled, a.metadata, a.text, a.text_hash, a.chars, a.position, "
        "t.size, length(t.zlib), a.id FROM articles a JOIN article_text t ON t.article_id = a.id"
    ).fetchone()
    size = len(article.text.encode())
    assert tuple(stored) == (
        article.title,
        0,
        json.dumps(article.metadata, ensure_ascii=False),
        "",  # the text is kept compressed (m010)
        text_hash(article.text),
        len(article.text),
        0,
        size,
    )
    assert packed > 0 and text_of(library.conn, article_id) == article.text


def test_collect_files_walks_folders_for_text_files_only(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.TXT", "a.md", "b/c.markdown", "x.jpg", "b/.d.txt"):
        (tmp_path / name).write_text("正文。", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "h.txt").write_text("x", encoding="utf-8")
    picked = tmp_path / "x.jpg"
    files, missing = collect_files([tmp_path, picked, tmp_path / "nope.txt"])
    names = [str(f.relative_to(tmp_path)) for f in files]
    assert names == ["a.md", "b/c.markdown", "b/z.TXT", "x.jpg"]
    assert missing == [FileResult(tmp_path / "nope.txt", Outcome.REFUSED, "no such file or folder")]


def test_progress_reports_every_file_then_the_end(library, tmp_path):
    a = write(tmp_path / "a.md", ("甲", "正文。"))
    b = write(tmp_path / "b.md", ("乙", "正文。"))
    calls: list[tuple[int, int, Path]] = []
    summary = import_paths(library, [a, b], progress=lambda *c: calls.append(c))
    assert calls == [(0, 2, a), (1, 2, b), (2, 2, Path())]
    assert [(r.path, r.outcome, r.articles) for r in summary.results] == [
        (a, Outcome.IMPORTED, 1),
        (b, Outcome.IMPORTED, 1),
    ]
    assert summary.line() == "2 imported, 0 unchanged, 0 updated, 0 refused"


def test_a_cancelled_import_says_so_and_reports_no_end(library, tmp_path):
    a = write(tmp_path / "a.md", ("甲", "正文。"))
    b = write(tmp_path / "b.md", ("乙", "正文。"))
    calls: list[tuple[int, int, Path]] = []
    summary = import_paths(
        library, [a, b], progress=lambda *c: calls.append(c), cancelled=lambda: len(calls) == 1
    )
    assert calls == [(0, 2, a)]
    assert summary.cancelled
    assert summary.line() == "cancelled: 1 imported, 0 unchanged, 0 updated, 0 refused"
    assert ImportSummary().line() == "0 imported, 0 unchanged, 0 updated, 0 refused"


def test_too_large_files_are_refused_with_their_size(library, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 2 * 2**20)
    big = tmp_path / "big.txt"
    big.write_bytes("正".encode() * (2**20 + 1))  # 3 MB and 3 bytes
    edge = tmp_path / "edge.txt"
    edge.write_bytes(b"x" * (2 * 2**20 - 2) + b"\n\n")  # exactly the limit: taken
    result = import_file(library, big)
    assert (result.path, result.outcome, result.reason) == (
        big,
        Outcome.REFUSED,
        "too large (3 MB; the limit is 2 MB)",
    )
    assert import_file(library, edge).outcome is Outcome.IMPORTED
    assert library.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_refusals_and_unchanged_are_counted(library, tmp_path):
    good = write(tmp_path / "a.md", ("甲", "正文。"))
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    first = import_paths(library, [good, empty, tmp_path / "missing.txt"])
    assert first.line() == "1 imported, 0 unchanged, 0 updated, 2 refused"
    assert [r.path.name for r in first.refused] == ["missing.txt", "e.txt"]
    again = import_paths(library, [good])
    assert again.line() == "0 imported, 1 unchanged, 0 updated, 0 refused"
    assert [(r.path, r.outcome) for r in again.results] == [(good, Outcome.UNCHANGED)]
    assert again.count(Outcome.UNCHANGED) == 1


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_source_row_records_the_file(library, tmp_path, suffix):
    src = tmp_path / f"p{suffix}"
    data = "# 题\n\n正文。\n".encode("utf-16")
    src.write_bytes(data)
    import_paths(library, [src])
    row = library.conn.execute(
        "SELECT path, name, encoding, size, s.id, imported_at = updated_at FROM sources s"
    ).fetchone()
    raw = source_text(library, row[4])
    assert (*row[:4], raw, row[5]) == (
        str(src.resolve()),
        src.name,
        "utf-16",
        len(data),
        "# 题\n\n正文。\n",
        1,
    )


def test_exact_position_and_title_beat_an_earlier_namesake(library, tmp_path):
    src = write(
        tmp_path / "p.md", ("同名", "第一篇正文。"), ("同名", "第二篇正文。"), ("甲", "甲文。")
    )
    import_paths(library, [src])
    first, second, other = (a.id for a in list_articles(library))
    # 甲 moves to the front; the second 同名 stays at position 1 and is matched there
    write(src, ("甲", "甲文。"), ("同名", "第二篇正文。"))
    import_paths(library, [src])
    assert [(a.title, a.id) for a in list_articles(library)] == [("甲", other), ("同名", second)]
    assert versions(library) == []
    assert (
        library.conn.execute("SELECT count(*) FROM articles WHERE id = ?", [first]).fetchone()[0]
        == 0
    )


def test_an_edited_quote_is_reanchored_through_the_old_text(library, tmp_path):
    src = write(tmp_path / "p.md", ("甲", "第一句话。医院的发展在这里说明。"))
    import_paths(library, [src])
    (article_id,) = ids_by_title(library).values()
    text = get_article(library, article_id).text
    at = text.index("医院的发展在这里说明")
    made = notes.create(library, article_id, at, at + 10)
    write(src, ("甲", "第一句话。医院的进展在这里说明。"))
    import_paths(library, [src])
    moved = notes.get(library, made.id)
    assert (moved.state, moved.start, moved.end, moved.quote) == (
        "moved",
        at,
        at + 10,
        "医院的进展在这里说明",
    )


def test_an_unreadable_path_is_refused_with_the_system_s_reason(library, tmp_path):
    result = import_file(library, tmp_path)  # a folder cannot be read as a file
    assert result == FileResult(tmp_path, Outcome.REFUSED, "it is a folder, not a regular file")


def test_the_summary_times_lie_within_the_call(library, tmp_path):
    import time

    src = write(tmp_path / "a.md", ("甲", "正文。"))
    before = time.perf_counter()
    summary = import_paths(library, [src])
    elapsed = time.perf_counter() - before
    assert 0 <= summary.storing_seconds <= elapsed
    assert 0 <= summary.indexing_seconds <= elapsed
    assert summary.storing_seconds + summary.indexing_seconds <= elapsed


def test_an_update_records_the_new_file_so_the_next_import_is_unchanged(library, tmp_path):
    import hashlib

    src = write(tmp_path / "p.md", ("甲", "旧的正文。"))
    import_paths(library, [src])
    write(src, ("甲", "新的正文。"))
    assert import_file(library, src).outcome is Outcome.UPDATED
    row = library.conn.execute("SELECT sha256, id, size FROM sources").fetchone()
    data = src.read_bytes()
    assert (row[0], source_text(library, row[1]), row[2]) == (
        hashlib.sha256(data).hexdigest(),
        data.decode("utf-8"),
        len(data),
    )
    assert import_file(library, src).outcome is Outcome.UNCHANGED


def test_articles_stored_later_have_larger_ids_than_the_newest_before(library, tmp_path):
    from reader.core.library.articles import newest_article_id

    assert newest_article_id(library) == 0
    first = tmp_path / "a.md"
    first.write_text("# 甲\n\n第一篇。\n\n# 乙\n\n第二篇。\n", encoding="utf-8")
    import_paths(library, [first])
    newest = newest_article_id(library)
    assert newest == max(a.id for a in list_articles(library))
    first.write_text("# 甲\n\n第一篇。\n\n# 乙\n\n第二篇改了。\n", encoding="utf-8")
    later = tmp_path / "b.md"
    later.write_text("# 丙\n\n新的一篇。\n", encoding="utf-8")
    import_paths(library, [first, later])
    added = {a.title: a.id for a in list_articles(library) if a.id > newest}
    assert "丙" in added and "甲" not in added  # the unchanged one keeps its id
