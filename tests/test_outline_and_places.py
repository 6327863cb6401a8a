"""The section tree's data, the reading position, the stored source text, and where
Reader keeps its files: checked in the core, without Qt."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.core import paths, resources
from reader.core.annotators import REJECTED
from reader.core.errors import ReaderError
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.outline import (
    SourceOutline,
    library_outline,
    reading_position,
    set_reading_position,
    source_text,
)
from reader.core.notes import annotations as notes
from reader.core.notes.tags import set_status

ZETA = """# 第一篇标题

## 甲节

甲节的正文，写得足够长一些，好让它成为段落。

### 甲节下的小节

小节的正文，也写得足够长一些。

## 乙节

乙节的正文，写得足够长一些，好让它成为段落。
"""

ALPHA = """# 另一篇文章

只有正文，没有小节，写得足够长一些，好让它成为段落。
"""


@pytest.fixture
def filled(library, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    # the names sort the other way round from the import order
    (folder / "zeta.md").write_text(ZETA, encoding="utf-8")
    (folder / "alpha.md").write_text(ALPHA, encoding="utf-8")
    summary = import_paths(library, [folder / "zeta.md", folder / "alpha.md"])
    assert not summary.refused
    return library, folder


def _article(library, title: str):
    (found,) = [a for a in list_articles(library) if a.title == title]
    return get_article(library, found.id)


def test_sources_are_sorted_by_file_name_with_their_articles(filled):
    library, folder = filled
    outline = library_outline(library)
    assert [s.name for s in outline] == ["alpha.md", "zeta.md"]
    assert [s.path for s in outline] == [str(folder / "alpha.md"), str(folder / "zeta.md")]
    assert [[a.title for a in s.articles] for s in outline] == [["另一篇文章"], ["第一篇标题"]]
    for source in outline:
        assert isinstance(source.id, int)


def test_sections_are_the_headings_with_level_and_offset(filled):
    library, _ = filled
    article = _article(library, "第一篇标题")
    (zeta,) = [s for s in library_outline(library) if s.name == "zeta.md"]
    (entry,) = zeta.articles
    headings = [b for b in article.blocks if b.kind == "heading"]
    assert len(headings) == 3
    assert [(s.title, s.level, s.start) for s in entry.sections] == [
        (h.text, h.level, h.start) for h in headings
    ]
    assert [s.title for s in entry.sections] == ["甲节", "甲节下的小节", "乙节"]
    assert [s.level for s in entry.sections] == [2, 3, 2]
    for section in entry.sections:
        assert article.text[section.start :].startswith(section.title)
    (alpha,) = [s for s in library_outline(library) if s.name == "alpha.md"]
    assert alpha.articles[0].sections == ()


def test_counts_status_and_length_come_from_the_library(filled):
    library, _ = filled
    article = _article(library, "第一篇标题")
    other = _article(library, "另一篇文章")
    for start in (0, 3, 6):
        notes.create(library, article.id, start, start + 2)
    # adjudication's record of a refused span is no one's note: not counted
    notes.create(library, article.id, 9, 11, annotator=REJECTED)
    set_status(library, article.id, "reviewed")
    entries = {a.title: a for s in library_outline(library) for a in s.articles}
    assert entries["第一篇标题"].annotations == 3
    assert entries["另一篇文章"].annotations == 0
    totals = {s.name: s.annotations for s in library_outline(library)}  # counted by SQL
    assert totals == {"zeta.md": 3, "alpha.md": 0}
    assert entries["第一篇标题"].status == "reviewed"
    assert entries["另一篇文章"].status == "unread"
    assert entries["第一篇标题"].chars == len(article.text)
    assert entries["另一篇文章"].chars == len(other.text)
    assert entries["第一篇标题"].id == article.id


def test_a_retired_article_leaves_the_tree(filled):
    library, folder = filled
    (folder / "zeta.md").write_text("# 换了标题\n\n完全不同的正文，写得足够长一些。\n", "utf-8")
    import_paths(library, [folder / "zeta.md"])
    titles = [a.title for s in library_outline(library) for a in s.articles]
    assert sorted(titles) == ["另一篇文章", "换了标题"]


def test_an_article_exists_until_it_is_retired(filled):
    from reader.core.library.articles import article_exists

    library, _ = filled
    article = _article(library, "第一篇标题")
    assert article_exists(library, article.id)
    assert not article_exists(library, None) and not article_exists(library, 10**6)
    with library.transaction() as db:
        db.execute("UPDATE articles SET retired_at = 'now' WHERE id = ?", [article.id])
    assert not article_exists(library, article.id)


def test_an_empty_library_has_an_empty_outline(library):
    assert library_outline(library) == []


def test_a_source_name_falls_back_to_its_path():
    assert SourceOutline(1, "/a/b/文章.md").name == "文章.md"
    assert SourceOutline(1, "/a/b/文章.md", (), "stored.md").name == "stored.md"
    assert SourceOutline(None, "").name == ""


def test_the_reading_position_is_kept_per_article(filled):
    library, _ = filled
    first = _article(library, "第一篇标题")
    other = _article(library, "另一篇文章")
    assert reading_position(library, first.id) == 0
    set_reading_position(library, first.id, 17)
    set_reading_position(library, other.id, 5)
    assert reading_position(library, first.id) == 17
    assert reading_position(library, other.id) == 5
    set_reading_position(library, first.id, 3)
    assert reading_position(library, first.id) == 3
    assert reading_position(library, 999_999) == 0


def test_source_text_is_the_file_as_imported(filled):
    library, _ = filled
    by_name = {s.name: s for s in library_outline(library)}
    assert source_text(library, by_name["zeta.md"].id) == ZETA
    assert source_text(library, by_name["alpha.md"].id) == ALPHA
    assert source_text(library, None) == ""
    assert source_text(library, 999_999) == ""


def test_the_library_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.LIBRARY_ENV, str(tmp_path / "mine.sqlite3"))
    assert paths.default_library_path() == tmp_path / "mine.sqlite3"
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(paths.LIBRARY_ENV, "~/x.sqlite3")
    assert paths.default_library_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv(paths.LIBRARY_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.default_library_path() == tmp_path / "data" / "Reader" / "library.sqlite3"
    assert paths.data_dir() == tmp_path / "data" / "Reader"


def test_cache_and_log_places(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert paths.cache_dir() == tmp_path / "cache" / "Reader"
    assert paths.log_dir() == tmp_path / "state" / "Reader" / "log"
    assert paths.log_file() == tmp_path / "state" / "Reader" / "log" / "reader.log"


def test_resources_hold_the_samples():
    samples = resources.samples_dir()
    assert samples == resources.resource_dir() / "samples"
    assert samples.is_dir()
    assert any(samples.iterdir())


def test_a_bundle_folder_comes_first(monkeypatch, tmp_path):
    (tmp_path / "reader" / "resources" / "samples").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_dir() == tmp_path / "reader" / "resources"
    assert resources.samples_dir() == tmp_path / "reader" / "resources" / "samples"


def test_missing_resources_say_to_reinstall(monkeypatch, tmp_path):
    def nowhere(self):
        return False

    monkeypatch.setattr(Path, "is_dir", nowhere)
    with pytest.raises(ReaderError, match="reinstall"):
        resources.resource_dir()


def test_sources_left_as_they_were_come_back_as_the_objects_shown(filled):
    """An import's worker reads the outline with the one shown: the tree's refresh then
    sees the untouched sources unchanged by identity, without comparing their articles."""
    library, folder = filled
    shown = library_outline(library)
    (folder / "zeta.md").write_text("# 换了标题\n\n完全不同的正文，写得足够长一些。\n", "utf-8")
    import_paths(library, [folder / "zeta.md"])
    again = library_outline(library, reuse=shown)
    assert again == library_outline(library)
    by_name = {s.name: s for s in again}
    before = {s.name: s for s in shown}
    assert by_name["alpha.md"] is before["alpha.md"]
    assert by_name["zeta.md"] is not before["zeta.md"]
    assert by_name["zeta.md"] != before["zeta.md"]


def test_numbered_files_come_in_the_order_a_person_numbers_them(library, tmp_path):
    from reader.core.ingest.importer import import_paths
    from reader.core.library.outline import natural_key

    names = ["page10.md", "Page2.md", "page1.md", "page100.md", "第３版.md", "第12版.md"]
    for name in names:
        (tmp_path / name).write_text(f"# {name}\n\n正文一段。\n", encoding="utf-8")
    import_paths(library, [tmp_path / n for n in names])
    assert [s.file_name for s in library_outline(library)] == [
        "page1.md",
        "Page2.md",
        "page10.md",
        "page100.md",
        "第３版.md",  # a full-width digit counts as the number it is
        "第12版.md",
    ]
    # equal but for case: one order, whatever order they come in
    assert sorted(["a.md", "A.md"], key=natural_key) == sorted(["A.md", "a.md"], key=natural_key)
    assert natural_key("a007.md") < natural_key("a8.md")
    several = ["v1.10.1.md", "v1.2.10.md", "v1.2.9.md", "v2.md"]  # every run of digits
    assert sorted(several, key=natural_key) == ["v1.2.9.md", "v1.2.10.md", "v1.10.1.md", "v2.md"]


def test_reader_ls_lists_files_in_the_tree_s_order(library, tmp_path):
    from reader.core.ingest.importer import import_paths

    names = ["page10.md", "page2.md", "page1.md"]
    for name in names:
        (tmp_path / name).write_text(f"# {name}\n\n正文。\n", encoding="utf-8")
    import_paths(library, [tmp_path / n for n in names])
    listed = [a.title for a in list_articles(library)]
    tree = [a.title for s in library_outline(library) for a in s.articles]
    assert listed == tree == ["page1.md", "page2.md", "page10.md"]
