"""Issue #12, the page: at least 30 characters a line at 1000×700 with the default
docks, a balanced desk at 1600×1000, and a title set at ~1.3 em with room above it
and no widow of one or two characters."""

from __future__ import annotations

import random

from conftest import SEEDS
from ui_helpers import import_and_wait, make_window

SEED = SEEDS / "000_b7740f99fc43d814.txt"


def _desk(qtbot, tmp_path, width: int, height: int, annotations: int = 40):
    """The real window at ``width``×``height``: an article open, its annotations in the
    panel, the docks as they come (annotations on the right, search hidden)."""
    from reader.core.notes import annotations as notes

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEED])
    article = window.reader.article
    rng = random.Random(5)
    for i in range(annotations):
        start = rng.randrange(len(article.text) - 30)
        notes.create(
            window.library,
            article.id,
            start,
            start + rng.randint(2, 30),
            color=rng.choice(["yellow", "green", None]),
            tags=[f"标签{i % 4}"] if i % 3 else [],
            note="批注" if i % 4 == 0 else "",
            annotator="读者",
        )
    window.review.annotations_changed(article.id)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    qtbot.wait(200)  # the layout's own turns: docks, splitters, the page's margins
    return window


def _chars_per_line(window) -> float:
    """The width a line of body text is given, in CJK characters of the reading font."""
    from PySide6.QtGui import QFontMetricsF

    pane = window.reader.pane
    document = pane.document()
    paragraph = next(i for i, b in enumerate(window.reader.article.blocks) if b.kind == "paragraph")
    layout = document.findBlockByNumber(paragraph).layout()
    assert layout.lineCount() >= 3
    width = layout.lineAt(1).width()  # a line after the first (no indent)
    return width / QFontMetricsF(pane.reading_font()).horizontalAdvance("字")


def test_thirty_characters_a_line_at_1000_by_700_with_the_default_docks(qtbot, tmp_path):
    window = _desk(qtbot, tmp_path, 1000, 700)
    dock, tree = window.review.dock, window.library_tree
    assert dock.isVisible() and not dock.isFloating() and tree.isVisible()
    assert not window.search_dock.isVisible() and not window.reader.source.isVisible()
    chars = _chars_per_line(window)
    print(f"1000x700: {chars:.1f} characters a line")
    assert chars >= 30
    assert abs(chars - window.reader.pane.chars_per_line()) < 0.5
    # the panels gave room, but stay usable
    assert dock.width() >= 200 and tree.width() >= 180
    assert window.review.panel.tag_filter.width() >= 90  # “All tags” whole


def test_a_balanced_desk_at_1600_by_1000(qtbot, tmp_path):
    window = _desk(qtbot, tmp_path, 1600, 1000)
    chars = _chars_per_line(window)
    print(f"1600x1000: {chars:.1f} characters a line")
    assert 36 <= chars <= 45  # a long line is hard to follow back: the column stays a column
    pane = window.reader.pane
    frame = pane.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() >= 28  # centred on the paper
    assert window.review.dock.width() >= 280 and window.library_tree.width() >= 280


def _title_block(window):
    document = window.reader.pane.document()
    number = next(i for i, b in enumerate(window.reader.article.blocks) if b.kind == "title")
    return document.findBlockByNumber(number)


def test_a_long_title_has_no_widow_normal_leading_and_room_above(qtbot, tmp_path):
    from PySide6.QtGui import QFont, QFontMetricsF

    from reader.ui.reading.page import line_lengths

    window = _desk(qtbot, tmp_path, 1000, 700, annotations=0)
    pane = window.reader.pane
    block = _title_block(window)
    font = block.charFormat().font().resolve(QFont(pane.document().defaultFont()))
    column = pane.column_width()
    pool = "关于进一步加强和改进新时代基层组织建设推动高质量发展若干意见实施方案说明" * 3
    per_line = line_lengths(pool, font, column)[0]
    title = pool[: 2 * per_line + 1]
    assert line_lengths(title, font, column)[-1] <= 2  # set as it comes: a widow
    (tmp_path / "long.txt").write_text(f"# {title}\n\n{'正文。' * 200}\n", encoding="utf-8")
    import_and_wait(qtbot, window, [tmp_path / "long.txt"])
    qtbot.waitUntil(lambda: window.reader.article.title == title)
    qtbot.wait(100)
    block = _title_block(window)
    layout = block.layout()
    lengths = [layout.lineAt(i).textLength() for i in range(layout.lineCount())]
    print("title lines:", lengths)
    assert sum(lengths) == len(title) and len(lengths) == 3
    assert lengths[-1] > 2
    em = QFontMetricsF(font).horizontalAdvance("字")
    pitch = layout.lineAt(1).y() - layout.lineAt(0).y()
    assert 1.2 <= pitch / em <= 1.4  # ~1.3, not the face's ~2× with spacing
    # room above: more than the page's own margin when the title comes first
    top = pane.document().documentLayout().blockBoundingRect(block).top()
    assert top >= pane.document().documentMargin() + 0.5 * em
