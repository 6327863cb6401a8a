"""The library outline, reading position and source text; tag and word messages; the
parsed model's JSON; offset conversions; readable OS reasons. Pinned to exact values."""

from __future__ import annotations

import errno

import pytest

from reader.core.errors import NotesFormatError, ReaderError
from reader.core.exchange.units import Utf16
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import list_articles
from reader.core.library.outline import (
    library_outline,
    reading_position,
    set_reading_position,
    source_text,
)
from reader.core.notes import annotations as notes
from reader.core.notes import tags as tagset
from reader.core.text.files import os_reason
from reader.core.text.model import Article, Block, BlockKind, Document
from reader.core.text.textpos import OffsetMap


def _import(library, tmp_path, **files: str) -> None:
    paths = []
    for name, text in files.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import_paths(library, paths)


def test_outline_sorts_sources_by_file_name_and_counts_notes(library, tmp_path):
    _import(
        library, tmp_path, zeta="最后一篇的正文内容在这里。\n", alpha="第一篇的正文内容在这里。\n"
    )
    outline = library_outline(library)
    assert [s.file_name for s in outline] == ["alpha.txt", "zeta.txt"]
    by_title = {a.title: a for a in list_articles(library)}
    alpha, zeta = outline
    assert alpha.id is not None and alpha.id != zeta.id
    assert alpha.path == str(tmp_path / "alpha.txt") and alpha.name == "alpha.txt"
    (article,) = alpha.articles
    assert article.annotations == 0
    assert article.id in {a.id for a in by_title.values()}
    notes.create(library, article.id, 0, 2)
    notes.create(library, article.id, 1, 3)
    assert library_outline(library)[0].articles[0].annotations == 2
    assert library_outline(library)[1].articles[0].annotations == 0
    assert source_text(library, alpha.id) == "第一篇的正文内容在这里。\n"


def test_outline_of_an_article_without_a_source(library, tmp_path):
    _import(library, tmp_path, only="一篇没有来源的文章正文。\n")
    with library.transaction() as db:
        db.execute("UPDATE articles SET source_id = NULL")
    (source,) = library_outline(library)
    assert (source.id, source.path, source.file_name, source.name) == (None, "", "", "")
    assert len(source.articles) == 1
    assert source_text(library, None) == ""


def test_reading_position_and_source_text_of_missing_rows(library, tmp_path):
    _import(library, tmp_path, one="正文。\n")
    (article,) = list_articles(library)
    assert reading_position(library, article.id) == 0
    set_reading_position(library, article.id, 3)
    assert reading_position(library, article.id) == 3
    assert reading_position(library, article.id + 999) == 0
    assert source_text(library, 999_999) == ""


def test_tag_and_word_messages(library):
    with pytest.raises(ReaderError) as caught:
        tagset.add_user_word(library, "two words")
    assert str(caught.value) == "a word has no spaces"
    with pytest.raises(ReaderError) as caught:
        tagset.import_tagset(library, {"format": "other", "tags": []})
    assert str(caught.value) == 'not a Reader tag set (expected "format": "reader-tagset")'


def test_model_json_keys():
    block = Block(BlockKind.PARAGRAPH, "正文", (1,), 0, 2)
    article = Article("题", (block,), "正文", untitled=True, metadata={"author": "某"})
    assert article.to_json() == {
        "title": "题",
        "untitled": True,
        "metadata": {"author": "某"},
        "text": "正文",
        "blocks": [block.to_json()],
    }
    document = Document((article,), metadata={"encoding": "utf-8"})
    assert document.to_json() == {
        "metadata": {"encoding": "utf-8"},
        "articles": [article.to_json()],
    }


def test_utf16_offset_inside_a_pair_is_refused_with_the_reason():
    with pytest.raises(NotesFormatError) as caught:
        Utf16("a😀b").from_utf16(2, "value.start")
    assert str(caught.value) == (
        "value.start 2 falls inside a character that takes two UTF-16 units "
        "(an emoji or a rare CJK character); the offsets are not UTF-16 units"
    )


def test_offset_map_from_utf16_is_the_last_offset_not_past_the_position():
    text = "a😀b😀c"
    positions = OffsetMap(text)
    # UTF-16: a 0, 😀 1-2, b 3, 😀 4-5, c 6, end 7; inside a pair maps to its start
    assert [positions.from_utf16(p) for p in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]
    for offset in range(len(text) + 1):
        assert positions.from_utf16(positions.to_utf16(offset)) == offset


def test_os_reason_prefers_the_os_words_lowercased():
    assert os_reason(OSError(errno.EACCES, "Permission denied")) == "permission denied"
    assert os_reason(OSError(9999, "Strange Failure")) == "strange failure"
    assert os_reason(OSError("no errno")) == "oserror"
