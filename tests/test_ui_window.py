"""The window as a person uses it: import, click, search, find, close and reopen."""

import pytest
from PySide6.QtCore import QPoint, Qt

from conftest import SEEDS
from reader.core.resources import samples_dir
from reader.ui.browse.tree_model import ARTICLE_ID_ROLE, KIND_ROLE, OFFSET_ROLE
from ui_helpers import filter_tree, import_and_wait, make_window, type_chinese


def _find_section(window, title_part):
    model = window.tree.model()  # the filter model while a filter is on
    stack = [model.index(0, 0)]
    while stack:
        index = stack.pop()
        if index.data(KIND_ROLE) == "section" and title_part in index.data():
            return index
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    raise AssertionError(title_part)


def test_end_to_end(qtbot, tmp_path):
    settings_file = tmp_path / "settings.ini"
    window = make_window(qtbot, tmp_path, settings_file)
    assert window.stack.currentWidget() is window.welcome
    # 2. import the samples through the same code path as the menu
    summary = import_and_wait(qtbot, window, [samples_dir()])
    assert summary.line() == "5 imported, 0 unchanged, 0 updated, 0 refused"
    assert window.stack.currentWidget() is window.reader
    assert len(window.tree_model.article_ids()) == 7
    # 3. click a section in the tree: the pane scrolls there
    section = _find_section(window, "强化支部作用发挥")
    window.tree.scrollTo(section)
    rect = window.tree.visualRect(section)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    article = window.reader.article
    assert article is not None and article.id == section.data(ARTICLE_ID_ROLE)
    start = section.data(OFFSET_ROLE)
    qtbot.waitUntil(lambda: abs(window.reader.pane.top_offset() - start) <= 2)
    assert window.status_section.text() == section.data()
    # scrolling the text moves the current tree node
    later = next(b for b in article.blocks if b.kind == "heading" and b.start > start)
    window.reader.pane.scroll_to_offset(later.start, margin=0)
    heading = article.text[later.start : later.end]
    qtbot.waitUntil(lambda: window.tree.currentIndex().data() == heading)
    assert window.tree.selectionModel().isSelected(window.tree.currentIndex())
    # 4. search the library, activate a result: the hit is visible and marked
    window.show_search()
    window.search_panel.query.setText("五里店新院区")
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 1)  # a job
    window.search_panel.activate_row(0)
    hit = window.search_panel.model.hit(0)
    assert window.reader.article.id == hit.article_id
    assert window.reader.pane.is_offset_visible(hit.start)
    assert window.reader.pane.find_hits() == [(hit.start, hit.end)]  # the only one
    assert window.reader.pane.textCursor().selectedText() == "五里店新院区"
    # 5. close and reopen: same article, same position
    where = window.reader.pane.top_offset()
    article_id = window.reader.article.id
    window.close()
    again = make_window(qtbot, tmp_path, settings_file)
    assert again.reader.article.id == article_id
    pane, bar = again.reader.pane, again.reader.pane.verticalScrollBar()
    # the same line on top; or, the pane taller now (no search dock), the article's end
    # reached before it, with that line in view
    qtbot.waitUntil(
        lambda: (
            abs(pane.top_offset() - where) <= 2
            or (0 < bar.value() == bar.maximum() and pane.is_offset_visible(where))
        )
    )


def test_find_in_article(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.open_article(window.tree_model.article_ids()[0])
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.find_bar.isVisible()
    type_chinese(window.reader.find_bar.edit, "巫溪县总工会")
    current, total = window.reader.find_state()
    assert total == window.reader.article.text.count("巫溪县总工会") > 3
    assert window.reader.find_bar.count.text() == f"{current + 1}/{total}"
    qtbot.keyClick(window.reader.find_bar.edit, Qt.Key.Key_Return)
    assert window.reader.find_state()[0] == (current + 1) % total
    qtbot.keyClick(
        window.reader.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier
    )
    assert window.reader.find_state()[0] == current
    start, _ = window.reader.pane.find_hits()[current]
    assert window.reader.pane.is_offset_visible(start)
    qtbot.keyClick(window.reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.reader.find_bar.isVisible() and window.reader.pane.find_hits() == []


def test_welcome_page_opens_the_samples(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    assert window.stack.currentWidget() is window.welcome
    idle = window.welcome.text.text()
    with qtbot.waitSignal(window.imports.finished, timeout=60_000):
        qtbot.mouseClick(window.welcome.samples, Qt.MouseButton.LeftButton)
        # while it runs the page says so, and offers no second click
        assert window.welcome.text.text().startswith("Importing…")
        assert window.welcome.samples.isHidden() and window.welcome.import_files.isHidden()
    assert window.stack.currentWidget() is window.reader
    qtbot.waitUntil(lambda: window.reader.article is not None)
    qtbot.waitUntil(lambda: not window.welcome.samples.isHidden())  # for the next one
    assert window.welcome.text.text() == idle


def test_keyboard_moves_between_articles_and_sections(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [samples_dir()])
    ids = window.tree_model.article_ids()
    window.open_article(ids[0], 0)
    window.actions_["next_article"].trigger()
    assert window.reader.article.id == ids[1]
    window.actions_["previous_article"].trigger()
    assert window.reader.article.id == ids[0]
    headings = [b.start for b in window.reader.article.blocks if b.kind == "heading"]
    window.actions_["next_section"].trigger()
    qtbot.waitUntil(lambda: abs(window.reader.pane.top_offset() - headings[0]) <= 2)
    window.actions_["next_section"].trigger()
    qtbot.waitUntil(lambda: abs(window.reader.pane.top_offset() - headings[1]) <= 2)
    window.actions_["previous_section"].trigger()
    qtbot.waitUntil(lambda: abs(window.reader.pane.top_offset() - headings[0]) <= 2)


def test_source_view_marks_the_current_block(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "004_91c4f3a61b62fe4e.txt"])
    article_id = window.tree_model.article_ids()[1]
    window.open_article(article_id, 0)
    window.actions_["source"].trigger()
    assert window.reader.source.isVisible()
    article = window.reader.article
    block = next(b for b in article.blocks if b.kind == "paragraph")
    window.reader.pane.scroll_to_offset(block.start, margin=0)
    qtbot.waitUntil(lambda: window.reader.source.marked_lines() == block.lines)
    first = window.reader.source.document().findBlockByNumber(block.lines[0] - 1).text()
    assert first.strip() and first.strip()[:4] in block.text


def test_copy_puts_cleaned_text_on_the_clipboard(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "004_91c4f3a61b62fe4e.txt"])
    window.open_article(window.tree_model.article_ids()[1], 0)
    article = window.reader.article
    window.reader.pane.select_offsets(0, 60)
    window.actions_["copy"].trigger()
    assert QApplication.clipboard().text() == article.text[:60]


def test_corrupt_library_is_one_dialog_not_a_crash(qtbot, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    window = make_window(qtbot, tmp_path)
    assert not window.open_library_at(bad)
    assert window.errors.shown == [f"{bad} is not a Reader library (not a SQLite database)"]
    assert window.library is not None  # the previous library stays open


def test_tree_filter(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [samples_dir()])
    filter_tree(qtbot, window.library_tree, "核心提示")
    section = _find_section(window, "核心提示")
    assert section.isValid()
    assert window.filter_model.rowCount(window.filter_model.index(0, 0)) == 1


def test_drop_files_imports_them(qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window(qtbot, tmp_path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SEEDS / "001_3e7ffedcf53dbe3a.txt"))])
    event = QDropEvent(
        QPointF(QPoint(50, 50)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.imports.finished, timeout=60_000):
        window.dropEvent(event)
    assert len(window.tree_model.article_ids()) == 1


def test_theme_and_font_changes_keep_the_reading_place(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [samples_dir()])
    article = window.reader.article
    middle = article.blocks[len(article.blocks) // 2].start
    window.reader.pane.scroll_to_offset(middle, margin=0)
    before = window.reader.pane.top_offset()
    window.actions_["theme_dark"].trigger()
    assert window.theme.name == "dark"
    assert abs(window.reader.pane.top_offset() - before) <= 2
    window.actions_["bigger"].trigger()
    assert abs(window.reader.pane.top_offset() - before) <= 2
    window.actions_["source"].trigger()  # the pane narrows
    qtbot.waitUntil(lambda: abs(window.reader.pane.top_offset() - before) <= 2)


@pytest.mark.parametrize("size", [(1000, 700), (600, 500), (1600, 1000)])
def test_the_welcome_text_is_shown_whole(qtbot, size):
    """Placed with an alignment flag, the wrapped text got one line's height: its last
    sentence (drop files onto the window) was never seen."""
    from reader.ui.browse.welcome import WelcomePage

    page = WelcomePage()
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    text = page.text
    qtbot.waitUntil(lambda: text.width() >= text.minimumWidth())
    assert text.width() > text.minimumWidth()  # as wide as the page lets it be
    assert text.height() >= text.heightForWidth(text.width())
