"""Importing files and folders into a library."""

import json
import shutil

from conftest import SEEDS
from reader.core.ingest.importer import Outcome, import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.outline import source_text
from reader.core.text.structure import parse_text


def test_folder_import_summary_and_refusals(library, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\x00\x00binary")
    (folder / "notes.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    (folder / "skip.jpg").write_bytes(b"\xff\xd8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.txt").write_text("hidden", encoding="utf-8")
    summary = import_paths(library, [folder])
    assert summary.count(Outcome.IMPORTED) == 6
    assert {r.path.name: r.reason for r in summary.refused} == {
        "empty.txt": "the file is empty",
        "image.txt": "it looks like a binary file, not text",
    }
    assert len(list_articles(library)) == 8
    again = import_paths(library, [folder])
    assert again.count(Outcome.UNCHANGED) == 6 and again.count(Outcome.IMPORTED) == 0


def test_stored_article_matches_parse_and_keeps_raw_source(library, tmp_path):
    src = tmp_path / "p.txt"
    raw = (SEEDS / "004_91c4f3a61b62fe4e.txt").read_text(encoding="utf-8")
    src.write_bytes(raw.replace("\n", "\r\n").encode("gb18030"))
    import_paths(library, [src])
    row = library.db.execute(
        "SELECT id, encoding, sha256, imported_at, raw_text, length(zlib) FROM sources "
        "JOIN source_raw ON source_id = id"
    ).fetchone()
    assert source_text(library, row[0]) == raw.replace("\n", "\r\n")
    assert row[1] == "gb18030" and len(row[2]) == 64
    assert row[4] == "" and row[5] < len(raw.encode()) * 0.6  # stored compressed (m007)
    parsed = parse_text(raw, "p.txt")
    stored = [get_article(library, a.id) for a in list_articles(library)]
    assert [a.text for a in stored] == [a.text for a in parsed.articles]
    for article in stored:
        for block in article.blocks:
            assert article.text[block.start : block.end] == block.text


def test_changed_file_updates_in_place_and_keeps_previous_version(library, tmp_path):
    src = tmp_path / "p.txt"
    src.write_text("# 第一篇\n\n原来的正文。\n\n# 第二篇\n\n第二篇正文。\n", encoding="utf-8")
    import_paths(library, [src])
    ids = [a.id for a in list_articles(library)]
    src.write_text("# 第一篇\n\n修改后的正文。\n\n# 第二篇\n\n第二篇正文。\n", encoding="utf-8")
    summary = import_paths(library, [src])
    assert summary.count(Outcome.UPDATED) == 1
    assert [a.id for a in list_articles(library)] == ids
    assert "修改后的正文。" in get_article(library, ids[0]).text
    versions = library.db.execute(
        "SELECT article_id, text, blocks FROM article_versions"
    ).fetchall()
    assert len(versions) == 1 and versions[0][0] == ids[0]
    assert "原来的正文。" in versions[0][1] and json.loads(versions[0][2])


def test_removed_article_with_annotations_is_retired_not_lost(library, tmp_path):
    src = tmp_path / "p.txt"
    src.write_text("# 甲\n\n甲的正文。\n\n# 乙\n\n乙的正文。\n", encoding="utf-8")
    import_paths(library, [src])
    a_id, b_id = (a.id for a in list_articles(library))
    with library.transaction() as db:
        db.execute(
            'INSERT INTO annotations (id, article_id, start, "end", quote, text_hash, '
            "created_at, updated_at) VALUES ('n1', ?, 0, 1, '乙', 'h', 't', 't')",
            [b_id],
        )
    src.write_text("# 甲\n\n甲的正文。\n", encoding="utf-8")
    import_paths(library, [src])
    assert [a.id for a in list_articles(library)] == [a_id]
    retired = library.db.execute("SELECT retired_at FROM articles WHERE id = ?", [b_id]).fetchone()
    assert retired[0] is not None
    assert library.db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1


def test_cancel_leaves_whole_files(library, tmp_path):
    calls = []
    summary = import_paths(
        library,
        [SEEDS],
        cancelled=lambda: len(calls) >= 2,
        progress=lambda done, total, path: calls.append(done),
    )
    assert summary.cancelled
    assert summary.count(Outcome.IMPORTED) == 2
    sources = library.db.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert sources == 2


def test_progress_goes_on_through_the_index_batch(library, monkeypatch):
    from reader.core.search import index

    monkeypatch.setattr(index, "PROGRESS_EVERY", 2)
    reports: list[tuple[int, int]] = []
    import_paths(library, [SEEDS], indexing=lambda done, total: reports.append((done, total)))
    articles = len(list_articles(library))
    assert reports[0] == (0, articles) and reports[-1] == (articles, articles)
    assert len(reports) >= articles // 2 and reports == sorted(reports)
