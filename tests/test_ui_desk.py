"""The desk defects of issue #12: reading position, layout widths, annotating friction."""

from __future__ import annotations

import sqlite3

from conftest import SEEDS
from ui_helpers import import_and_wait, make_window


def _stored_position(path, article_id: int) -> int:
    """Read through a separate connection, as the next start (after a kill) would."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT reading_position FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return int(row[0])
    finally:
        conn.close()


def test_reading_position_is_saved_while_scrolling(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    article = window.reader.article
    pane = window.reader.pane
    assert _stored_position(window.library_path, article.id) == 0
    bar = pane.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    where = pane.anchor_offset()
    assert where > 0
    # no article change, no close: the debounce alone writes it
    qtbot.waitUntil(
        lambda: _stored_position(window.library_path, article.id) == where, timeout=10_000
    )
    bar.setValue(bar.maximum())
    qtbot.waitUntil(
        lambda: _stored_position(window.library_path, article.id) == pane.anchor_offset(),
        timeout=10_000,
    )
    assert pane.anchor_offset() > where


def _chars_per_line(window) -> float:
    from PySide6.QtGui import QFontMetricsF

    pane = window.reader.pane
    return pane.viewport().width() / QFontMetricsF(pane.reading_font()).horizontalAdvance("中")


def test_the_reading_column_keeps_its_width_at_1000_by_700(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.width() == 1000)
    qtbot.waitUntil(lambda: _chars_per_line(window) >= 30)  # the docks gave way
    qtbot.waitUntil(lambda: window.room.chars_per_line() >= 29.5)  # inside the margins
    dock = window.review.dock
    assert dock.isVisible() and dock.width() <= 300  # an empty panel takes little room
    assert window.library_tree.width() >= 180  # the tree keeps room for titles
    # the source view opens beside the text without squeezing it to a few characters
    window.actions_["source"].trigger()
    qtbot.waitUntil(lambda: window.reader.source.width() > 0)
    qtbot.waitUntil(lambda: _chars_per_line(window) >= 22)
    assert window.reader.source.width() >= 150
    window.actions_["source"].trigger()
    # the quote and the note share the panel's width; the other columns are the
    # reader's to resize (and to show: annotator, date and section start hidden)
    from reader.ui.annotate.annotations_panel import COLUMNS

    header = window.review.panel.view.header()
    modes = {COLUMNS[c]: header.sectionResizeMode(c) for c in range(header.count())}
    stretched = {name for name, mode in modes.items() if mode == QHeaderView.ResizeMode.Stretch}
    assert stretched == {"quote", "note"} and not header.stretchLastSection()
    assert {modes[name] for name in modes if name not in stretched} == {
        QHeaderView.ResizeMode.Interactive
    }
    # titles cut short in the tree are whole on hover
    model = window.tree_model
    index = model.article_index(window.reader.article.id)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == window.reader.article.title


def _article_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    return window


def _select(window, phrase):
    text = window.reader.article.text
    start = text.index(phrase)
    window.reader.pane.select_offsets(start, start + len(phrase))
    window.reader.pane.setFocus()
    return start, start + len(phrase)


def test_key_1_in_a_fresh_library_adds_the_starter_tags_and_applies_one(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from reader.core.notes import annotations as notes
    from reader.core.notes import tags as tagset

    window = _article_window(qtbot, tmp_path)
    assert tagset.list_tags(window.library) == []
    _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_2)
    made = tagset.list_tags(window.library)
    assert [t.shortcut for t in made] == ["1", "2", "3", "4", "5"]
    # one vocabulary whatever the window's language: a team's work compares tag for tag
    assert [t.name for t in made] == list(tagset.STARTER_TAGS)
    assert made[1].name == "人物" and made[1].description.startswith("Person: ")
    assert len({t.color for t in made}) == 5 and "#f6c343" not in {t.color for t in made}
    [annotation] = notes.for_article(window.library, window.reader.article.id)
    assert annotation.tags == (made[1].name,)
    assert "1" in window.status_message.text()  # says which keys now do what


def test_a_free_key_creates_and_binds_a_tag(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    from reader.core.notes import annotations as notes
    from reader.core.notes import tags as tagset

    window = _article_window(qtbot, tmp_path)
    tagset.save_tag(window.library, "人物", shortcut="1")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("地名", True))
    _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_7)
    assert tagset.tag_for_shortcut(window.library, "7").name == "地名"
    [annotation] = notes.for_article(window.library, window.reader.article.id)
    assert annotation.tags == ("地名",)


def test_new_tags_each_get_their_own_colour(library):
    from reader.core.notes import tags as tagset
    from reader.core.notes.vocab import TAG_COLOURS

    colours = [tagset.save_tag(library, f"t{i}").color for i in range(len(TAG_COLOURS) + 1)]
    assert colours[: len(TAG_COLOURS)] == list(TAG_COLOURS)
    assert colours[-1] == TAG_COLOURS[0]  # then round again


def test_tag_manager_binds_a_key_by_pressing_it(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from reader.core.notes import tags as tagset
    from reader.ui.annotate.tag_manager import COLUMNS, TagManager

    window = _article_window(qtbot, tmp_path)
    tagset.save_tag(window.library, "人物")
    tagset.save_tag(window.library, "地名", shortcut="3")
    manager = TagManager(window.session, window)
    qtbot.addWidget(manager)
    manager.show()
    manager.activateWindow()  # the reader's keys 1–9 belong to the main window's pane
    qtbot.waitUntil(manager.isActiveWindow)
    row = [t.name for t in manager.model.tags].index("人物")
    manager.view.setCurrentIndex(manager.model.index(row, COLUMNS.index("shortcut")))
    manager.view.setFocus()
    qtbot.keyClick(manager.view, Qt.Key.Key_3)
    assert tagset.tag_for_shortcut(window.library, "3").name == "人物"  # the key moved
    assert tagset.tag(window.library, "地名").shortcut is None
    assert manager.hint.text() == "Key 3 moved from “地名” to “人物”."  # and it says so
    row = [t.name for t in manager.model.tags].index("人物")
    manager.view.setCurrentIndex(manager.model.index(row, COLUMNS.index("shortcut")))
    qtbot.keyClick(manager.view, Qt.Key.Key_Delete)
    assert tagset.tag(window.library, "人物").shortcut is None


def test_floating_bar_all_colours_own_background_and_esc(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from reader.core.notes.vocab import PALETTE

    window = _article_window(qtbot, tmp_path)
    ui = window.review.ui
    assert len(ui.bar.swatches) == len(PALETTE)
    window.set_theme("dark")
    _select(window, "唐丽娟")
    ui.show_bar()
    assert ui.bar.isVisible()
    page = window.theme.paper
    assert page not in ui.bar.styleSheet() and window.theme.window in ui.bar.styleSheet()
    passage = ui.passage_rect()
    assert ui.bar.geometry().bottom() < passage.top() or ui.bar.geometry().top() > passage.bottom()
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_Escape)
    assert not ui.bar.isVisible()
    assert window.reader.pane.textCursor().hasSelection()  # Esc only dismissed the bar


def test_note_popup_beside_the_passage_shows_quote_ctrl_enter_saves(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QRect, Qt

    from reader.core.notes import annotations as notes

    window = _article_window(qtbot, tmp_path)
    ui = window.review.ui
    _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_N)
    editor = ui.note_editor
    assert editor is not None and editor.isVisible()
    assert "唐丽娟" in editor.quote.text()
    passage = ui.passage_rect()
    on_screen = QRect(window.reader.pane.viewport().mapToGlobal(passage.topLeft()), passage.size())
    assert not editor.frameGeometry().intersects(on_screen)
    qtbot.keyClicks(editor.edit, "note")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [made] = notes.for_article(window.library, window.reader.article.id)
    assert made.note == "note" and made.quote == "唐丽娟"
    # Esc cancels: nothing changes; typed text goes only when the reader says so
    from PySide6.QtWidgets import QMessageBox

    answers, asked = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard], []

    def question(*args, **kwargs):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_N)
    editor = ui.note_editor
    assert editor.edit.toPlainText() == "note"
    qtbot.keyClick(editor.edit, Qt.Key.Key_Escape)  # nothing typed: closed, no question
    assert not editor.isVisible() and asked == []
    _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_N)
    editor = ui.note_editor
    qtbot.keyClicks(editor.edit, " other")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Escape)
    assert editor.isVisible() and editor.edit.toPlainText() == "note other"  # kept editing
    assert asked == ["Discard the note you typed?"]
    qtbot.keyClick(editor.edit, Qt.Key.Key_Escape)
    assert not editor.isVisible() and len(asked) == 2
    assert [a.note for a in notes.for_article(window.library, made.article_id)] == ["note"]


def test_after_an_import_the_first_new_article_opens_in_its_open_source(qtbot, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    window = _article_window(qtbot, tmp_path)
    first = window.reader.article.id
    tree = window.library_tree
    source = tree.to_view(window.tree_model.article_index(first).parent())
    assert tree.view.isExpanded(source)  # revealed after the first import
    before = window.tree_model.article_ids()
    import_and_wait(qtbot, window, [seeds[1]])
    new = [i for i in window.tree_model.article_ids() if i not in before]
    qtbot.waitUntil(lambda: window.reader.article.id in new)
    opened = window.reader.article.id
    assert opened == new[0]
    proxy = tree.to_view(window.tree_model.article_index(opened))
    source = tree.to_view(window.tree_model.article_index(first).parent())
    assert tree.view.isExpanded(proxy.parent()) and tree.view.isExpanded(source)  # kept open
    # one marked row: the current one is the selected one
    assert tree.view.selectionModel().selectedRows() == [proxy]
    window.step_section(1)
    rows = tree.view.selectionModel().selectedRows()
    assert rows == [tree.view.currentIndex().siblingAtColumn(0)]


def test_sources_show_their_first_title_and_the_file_name(qtbot, tmp_path):
    window = _article_window(qtbot, tmp_path)
    article = window.reader.article
    source = window.tree_model.article_index(article.id).parent()
    assert source.data() == f"{article.title} — 000_b7740f99fc43d814.txt"


def test_title_is_set_tight_with_room_above(qtbot, tmp_path):
    window = _article_window(qtbot, tmp_path)
    document = window.reader.pane.document()
    title = next(
        document.findBlockByNumber(i)
        for i, b in enumerate(window.reader.article.blocks)
        if b.kind == "title"
    )
    body = next(
        document.findBlockByNumber(i)
        for i, b in enumerate(window.reader.article.blocks)
        if b.kind == "paragraph"
    )
    assert title.blockFormat().lineHeight() < body.blockFormat().lineHeight() <= 170
    assert title.blockFormat().lineHeight() <= 130
    assert title.blockFormat().topMargin() >= 12


def test_html_preview_is_rendered_and_full_text_only_for_markdown(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

    window = _article_window(qtbot, tmp_path)
    _select(window, "唐丽娟")
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_H)
    article = window.reader.article.id
    dialog = ExportDialog(window.session, ArticleChoice(article, (article,)), window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewShown, timeout=20_000):
        pass
    assert dialog.full_text.isEnabled()
    with qtbot.waitSignal(dialog.previewShown, timeout=20_000):
        dialog.format.setCurrentIndex(dialog.format.findData("html"))
    shown = dialog.preview.toPlainText()
    assert "唐丽娟" in shown and "<mark" not in shown and "<html" not in shown.lower()
    assert not dialog.full_text.isEnabled()


def test_file_dialogs_start_in_documents_then_the_last_folder(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings, QStandardPaths

    from reader.ui.settings import WindowSettings

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    monkeypatch.chdir(tmp_path)
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.start_path("notes.md") == str(documents / "notes.md")
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    settings.remember_folder(str(elsewhere / "notes.md"))
    assert settings.start_folder() == str(elsewhere)
