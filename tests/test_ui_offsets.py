"""Pane position ↔ article offset: exact, both ways, on every sample article."""

import pytest
from PySide6.QtGui import QTextCursor

from conftest import SEEDS
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.text.model import assemble_article
from reader.ui.reading.reading_pane import ReadingPane


@pytest.fixture
def articles(library):
    import_paths(library, [SEEDS])
    return [get_article(library, a.id) for a in list_articles(library)]


def _first_unit(ch: str) -> str:
    """The first UTF-16 code unit of ``ch`` (Qt's QChar), as a str."""
    return ch if ord(ch) <= 0xFFFF else chr(0xD800 + ((ord(ch) - 0x10000) >> 10))


def _check(pane, article):
    pane.set_article(article)
    document = pane.document()
    assert document.toPlainText() == article.text
    # every block boundary, and every 7th offset, round-trips and addresses the same character
    offsets = {b.start for b in article.blocks} | {b.end for b in article.blocks}
    offsets |= set(range(0, len(article.text), 7))
    for offset in sorted(offsets):
        position = pane.position_of(offset)
        assert pane.offset_of(position) == offset
        if offset < len(article.text):
            assert document.characterAt(position) in (_first_unit(article.text[offset]), "\u2029")
    for block in article.blocks:  # a block selected by offsets is that block's text
        pane.select_offsets(block.start, block.end)
        assert pane.textCursor().selectedText() == block.text
        assert pane.selection_offsets() == (block.start, block.end)


def test_every_sample_article(qtbot, articles):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    assert len(articles) == 7
    kinds = set()
    for article in articles:
        _check(pane, article)
        kinds |= {b.kind for b in article.blocks}
    assert {"title", "kicker", "subtitle", "heading", "caption", "byline"} <= kinds


def test_characters_outside_the_bmp(qtbot):
    article = assemble_article(
        "𠀀标题",
        [
            ("title", "𠀀标题", (1,), None),
            ("paragraph", "正文𠀁有扩展B字𠀂，😀结束。", (3,), None),
            ("caption", "图𠀃", (5,), None),
        ],
    )
    from reader.core.library.articles import StoredArticle

    stored = StoredArticle(
        1, article.title, False, None, "", 0, article.text, "", "unread", "", {}, article.blocks
    )
    pane = ReadingPane()
    qtbot.addWidget(pane)
    _check(pane, stored)
    start = article.text.index("扩展B字")
    pane.select_offsets(start, start + 4)
    assert pane.textCursor().selectedText() == "扩展B字"


def test_copy_gives_the_cleaned_text_across_blocks(qtbot, articles):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    article = articles[1]
    start, end = article.blocks[0].start + 2, article.blocks[3].end - 1
    pane.set_article(article)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.position_of(start))
    cursor.setPosition(pane.position_of(end), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    assert pane.createMimeDataFromSelection().text() == article.text[start:end]
