"""Search and find in the window: across scripts, every hit marked, marks that are not
highlights, results without inserted brackets, and a find bar one line high."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics

from conftest import SEEDS
from reader.core.notes.vocab import PALETTE
from reader.ui.browse.results_model import SNIPPET_SPAN_ROLE
from reader.ui.browse.snippet_delegate import SnippetDelegate
from reader.ui.reading.marks import find_format
from reader.ui.theme import DARK, LIGHT
from ui_helpers import import_and_wait, make_window, type_chinese

TRADITIONAL = (
    "# 監警會發佈年度報告\n\n監警會今日發佈年度報告，指出過去一年共處理投訴三百宗。\n\n"
    "報告建議警隊加強培訓。監警會將於下月舉行記者會，說明報告內容。\n"
)
SIMPLIFIED = "# 社区图书馆延长开放时间\n\n本市监警会代表昨天参观社区图书馆，了解借阅情况。\n"


def _window_with_pages(qtbot, tmp_path, settings_file=None):
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    (folder / "trad.txt").write_text(TRADITIONAL, encoding="utf-8")
    (folder / "simp.txt").write_text(SIMPLIFIED, encoding="utf-8")
    window = make_window(qtbot, tmp_path, settings_file)
    if not window.tree_model.article_ids():
        import_and_wait(qtbot, window, [folder])
    return window


def _search(qtbot, window, query):
    window.show_search()
    window.search_panel.query.setText(query)
    rows = window.search_panel.model.rowCount
    window.search_panel.model.set_hits([])
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rows() > 0 or "No hits" in window.search_panel.summary.text())
    return [window.search_panel.model.hit(r) for r in range(rows())]


def test_search_matches_across_scripts_and_the_toggle_is_remembered(qtbot, tmp_path):
    settings_file = tmp_path / "settings.ini"
    window = _window_with_pages(qtbot, tmp_path, settings_file)
    assert window.search_panel.variants.isChecked()  # on by default
    hits = _search(qtbot, window, "监警会")
    assert {h.title for h in hits} == {"監警會發佈年度報告", "社区图书馆延长开放时间"}
    window.search_panel.variants.setChecked(False)  # searches again
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 1)
    assert window.search_panel.model.hit(0).title == "社区图书馆延长开放时间"
    window.close()
    again = make_window(qtbot, tmp_path, settings_file)
    assert not again.search_panel.variants.isChecked()


def test_results_show_the_hit_highlighted_without_brackets(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    hits = _search(qtbot, window, "監警會")
    model = window.search_panel.model
    for row in range(len(hits)):
        shown = model.index(row, 2).data()
        assert "【" not in shown and "】" not in shown
        start, end = model.index(row, 2).data(SNIPPET_SPAN_ROLE)
        assert shown[start:end] in ("監警會", "监警会")
    view = window.search_panel.view
    assert isinstance(view.itemDelegateForColumn(2), SnippetDelegate)
    view.clearSelection()
    rect = view.visualRect(model.index(0, 2))
    image = view.viewport().grab(rect).toImage()
    tint = QColor(view.palette().color(view.palette().ColorRole.Highlight))
    found = 0
    for x in range(image.width()):
        c = image.pixelColor(x, image.height() // 2)
        if c != image.pixelColor(0, image.height() // 2) and abs(c.hue() - tint.hue()) < 20:
            found += 1
    assert found > 5, "the hit is drawn on a tint of the highlight colour"


def test_opening_a_hit_marks_every_hit_in_the_article(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    hits = [h for h in _search(qtbot, window, "监警会") if h.title.startswith("監")]
    assert len(hits) == 3  # the title, and twice in the body
    row = next(
        r
        for r in range(window.search_panel.model.rowCount())
        if window.search_panel.model.hit(r) == hits[1]
    )
    window.search_panel.activate_row(row)
    assert window.reader.pane.find_hits() == [(h.start, h.end) for h in hits]
    assert window.reader.find_state() == (1, 3)  # the activated one is current


def test_a_click_opens_a_hit_and_enter_opens_the_one_the_arrows_reached(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    hits = _search(qtbot, window, "监警会")
    panel, opened = window.search_panel, []
    panel.hitActivated.connect(lambda *hit: opened.append(hit))
    view = panel.view
    second = panel.model.index(1, 2)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(second).center()
    )
    assert opened == [(hits[1].article_id, hits[1].start, hits[1].end)]  # once, on one click
    assert window.reader.article is not None and window.reader.article.id == hits[1].article_id
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the arrows move, and open nothing
    assert len(opened) == 1 and view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened[1:] == [(hits[2].article_id, hits[2].start, hits[2].end)]


def test_find_matches_across_scripts_unless_toggled_off(qtbot, tmp_path):
    settings_file = tmp_path / "settings.ini"
    window = _window_with_pages(qtbot, tmp_path, settings_file)
    trad = next(h for h in _search(qtbot, window, "監警會") if h.title.startswith("監"))
    window.open_article(trad.article_id)
    window.reader.open_find()
    type_chinese(window.reader.find_bar.edit, "监警会")
    assert window.reader.find_state()[1] == 3
    assert window.reader.find_bar.variants.isChecked()
    window.reader.find_bar.variants.setChecked(False)
    assert window.reader.find_state()[1] == 0
    assert window.reader.find_bar.count.text() == "no hits"
    window.reader.find_bar.edit.setText("監警會")
    assert window.reader.find_state()[1] == 3
    window.close()
    again = make_window(qtbot, tmp_path, settings_file)
    assert not again.reader.find_bar.variants.isChecked()


def _luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_find_marks_cannot_be_taken_for_highlights():
    for theme in (LIGHT, DARK):
        fills = [QColor(c.dark if theme is DARK else c.light) for c in PALETTE]
        hues = {c.hue() for c in fills if c.saturation() > 40}
        marks = [find_format(theme, current) for current in (False, True)]
        backgrounds = [m.background().color() for m in marks]
        assert backgrounds[0] != backgrounds[1]  # the current hit stands out
        for fmt, background in zip(marks, backgrounds, strict=True):
            assert background not in fills
            assert fmt.foreground().color() == QColor(theme.find_ink)  # highlights keep the ink
            assert QColor(theme.find_ink) != QColor(theme.ink)
            assert _contrast(fmt.foreground().color(), background) >= 4.5, theme.name
            assert _contrast(background, QColor(theme.paper)) >= 1.8, theme.name
        assert all(
            min(abs(b.hue() - h), 360 - abs(b.hue() - h)) >= 15 for b in backgrounds for h in hues
        )


def test_the_find_bar_is_one_line_high(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.resize(1000, 700)
    window.show_search()
    window.reader.open_find()
    qtbot.waitUntil(lambda: window.reader.find_bar.isVisible())
    qtbot.wait(50)
    bar, pane = window.reader.find_bar, window.reader.pane
    line = QFontMetrics(bar.font()).height()
    assert bar.height() <= 2.5 * line, (bar.height(), line)
    assert pane.height() >= 0.8 * window.reader.height(), (pane.height(), window.reader.height())
    text_line = QFontMetrics(pane.document().defaultFont()).lineSpacing()
    assert bar.height() <= 2 * text_line  # one line of the bar, at most two of the text
    assert pane.viewport().height() >= 8 * text_line


def test_a_library_listed_for_re_indexing_is_indexed_in_a_job(qtbot, tmp_path):
    """m006 lists every article of an earlier library; the window indexes them in a job,
    so its searches (which only read) stop scanning them."""
    import shutil

    from conftest import DATA
    from reader.core.search.index import pending_ids

    path = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "libraries" / "73666d6.sqlite3", path)
    window = make_window(qtbot, tmp_path, library=path)
    assert window.library is not None
    qtbot.waitUntil(lambda: not window.jobs.busy("index"), timeout=30_000)
    assert pending_ids(window.library) == []


def test_a_narrow_column_elides_the_context_before_the_hit(qapp):
    from PySide6.QtGui import QFont

    from reader.ui.browse.snippet_delegate import fit, hit_font

    font = QFont()
    metrics, bold = QFontMetrics(font), QFontMetrics(hit_font(font))
    before, hit = "…监警会今日发布年度报告，指出过去一年共处理投诉", "三百宗"
    wide = fit(before, hit, metrics, bold, 2000)
    assert wide == before
    width = bold.horizontalAdvance(hit) + metrics.horizontalAdvance("投诉" * 3)
    narrow = fit(before, hit, metrics, bold, width)
    assert narrow.startswith("…") and before.endswith(narrow[1:])
    assert metrics.horizontalAdvance(narrow) + bold.horizontalAdvance(hit) <= width


def test_show_all_of_a_common_word_lists_a_bounded_number_and_says_so(qtbot, tmp_path, monkeypatch):
    from reader.core.search import query

    monkeypatch.setattr(query, "LISTED_HITS", 3)
    window = _window_with_pages(qtbot, tmp_path)
    panel = window.search_panel
    assert len(_search(qtbot, window, "监警会")) == 4  # the first page is not held to it
    panel.model.set_hits([])
    window.run_search("监警会", every_hit=True)
    qtbot.waitUntil(lambda: "--all" in panel.summary.text())
    assert panel.model.rowCount() == 3 and panel.more.isHidden()  # the best article's


def test_a_first_page_says_it_is_the_first(qtbot, tmp_path, monkeypatch):
    from reader.core.search import query

    monkeypatch.setattr(query, "PAGE_HITS", 2)  # the first article's hits fill the page
    window = _window_with_pages(qtbot, tmp_path)
    panel = window.search_panel
    _search(qtbot, window, "监警会")
    assert "The first 3 hits, in 1 article;" in panel.summary.text()
    assert not panel.more.isHidden()
    panel.model.set_hits([])
    window.run_search("监警会", every_hit=True)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    assert panel.summary.text() == "4 hits in 2 articles" and panel.more.isHidden()


def test_a_new_list_of_hits_starts_at_its_top(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    panel = window.search_panel
    panel.view.setFixedHeight(70)  # a few rows: the list scrolls
    _search(qtbot, window, "报告")
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    _search(qtbot, window, "监警会")
    assert bar.value() == 0


def test_an_empty_query_searches_nothing_and_says_nothing(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    _search(qtbot, window, "监警会")
    panel, asked = window.search_panel, []
    panel.searchRequested.connect(lambda *args: asked.append(args))
    for empty in ("", "   ", "\u3000"):
        panel.query.setText(empty)
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
        assert asked == [] and panel.model.rowCount() == 0
        assert panel.summary.text() == "" and not panel.more.isVisible()


def test_counts_read_as_english_counts(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    hits = _search(qtbot, window, "借阅")
    assert len(hits) == 1
    assert window.search_panel.summary.text() == "1 hit in 1 article"
    _search(qtbot, window, "监警会")
    assert window.search_panel.summary.text() == "4 hits in 2 articles"
    window.search_panel.activate_row(0)
    chars = len(window.reader.article.text)
    assert window.status_chars.text() == f"{chars} characters"


def test_another_library_shows_none_of_the_last_one_s_hits(qtbot, tmp_path):
    """Left listed, a hit opened the new library's article of the same id at the old
    offsets (and a search still running showed its results there)."""
    window = _window_with_pages(qtbot, tmp_path)
    hits = _search(qtbot, window, "监警会")
    window.search_panel.activate_row(0)
    assert hits and window.status_chars.text()
    old = window.library_path
    window.open_library_at(tmp_path / "other.sqlite3", create=True)
    panel = window.search_panel
    assert panel.model.rowCount() == 0 and panel.summary.text() == ""
    assert window.status_article.text() == "" and window.status_chars.text() == ""
    from reader.core.search.query import SearchResult

    window._search_done(old, SearchResult("监警会", hits, 2, True))  # a late result
    assert panel.model.rowCount() == 0
    window._search_done(window.library_path, SearchResult("x", hits[:1], 1, True))
    assert panel.model.rowCount() == 1  # this library's own is shown


def test_emptying_the_query_unmarks_its_hits_but_not_the_find_bar_s(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    hits = [h for h in _search(qtbot, window, "监警会") if h.title.startswith("監")]
    row = next(
        r
        for r in range(window.search_panel.model.rowCount())
        if window.search_panel.model.hit(r) == hits[0]
    )
    window.search_panel.activate_row(row)
    assert len(window.reader.pane.find_hits()) == 3
    window.search_panel.query.clear()  # what the line's clear button does; no Enter
    assert window.reader.pane.find_hits() == []
    assert window.search_panel.model.rowCount() == 0
    # another query listed: the last one's marks go too
    _search(qtbot, window, "监警会")
    window.search_panel.activate_row(row)
    assert len(window.reader.pane.find_hits()) == 3
    _search(qtbot, window, "报告")
    assert window.reader.pane.find_hits() == []
    # the find bar's own marks stay when the library search is emptied
    _search(qtbot, window, "监警会")
    window.reader.open_find()
    type_chinese(window.reader.find_bar.edit, "報告")
    found = window.reader.pane.find_hits()
    assert found
    window.search_panel.query.clear()
    assert window.reader.pane.find_hits() == found


def test_show_all_keeps_the_first_page_on_top(qtbot, tmp_path, monkeypatch):
    from reader.core.search import query, ranking

    # a page of one hit, the newest article's unranked: the best article comes after it
    monkeypatch.setattr(query, "PAGE_HITS", 1)
    monkeypatch.setattr(ranking, "RANK_WINDOW", 1)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(TRADITIONAL, encoding="utf-8")  # three hits
    (folder / "b.txt").write_text(SIMPLIFIED, encoding="utf-8")  # one, and the newest
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [folder])
    panel = window.search_panel
    first = _search(qtbot, window, "监警会")
    assert [h.title for h in first] == ["社区图书馆延长开放时间"]
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    qtbot.mouseClick(panel.more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    every = [panel.model.hit(r) for r in range(4)]
    assert every[: len(first)] == first
    assert panel.summary.text() == "4 hits in 2 articles"


def test_a_listed_hit_looks_as_the_text_marks_it_on_either_theme(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    for theme in (DARK, LIGHT):
        window.set_theme(theme.name)
        _search(qtbot, window, "监警会")
        view = window.search_panel.view
        view.clearSelection()
        view.setCurrentIndex(view.model().index(0, 0))
        view.clearSelection()
        image = view.viewport().grab().toImage()
        fill = QColor(theme.find_hit)
        found = sum(
            image.pixelColor(x, y) == fill
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
        )
        assert found > 20, theme.name  # the hit's box, in the pane's search-hit colour


def test_typing_searches_once_it_rests_and_an_import_searches_again(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    window.show_search()
    panel, asked = window.search_panel, []
    panel.searchRequested.connect(lambda query, *_: asked.append(query))
    for text in ("监", "监警", "监警会"):  # typed: one search, for what it rests on
        panel.query.setText(text)
    assert asked == []
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    assert asked == ["监警会"]
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.md").write_text("# 新稿\n\n监警会又发报告。\n", encoding="utf-8")
    import_and_wait(qtbot, window, [more])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5)  # the new article's hit listed
    assert asked == ["监警会", "监警会"]


def test_a_query_reader_will_not_run_is_said_under_it_not_in_a_box(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    _search(qtbot, window, "监警会")
    panel, asked = window.search_panel, []
    panel.searchRequested.connect(lambda *args: asked.append(args))
    boxes = len(window.errors.shown)
    panel.query.setText("监" * 1001)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert asked == [] and len(window.errors.shown) == boxes and panel.model.rowCount() == 0
    assert panel.summary.text() == "a search may be at most 1000 characters long"
    panel.query.setText(" ".join(f"词{i}" for i in range(40)))
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert asked == [] and "at most 32 different words" in panel.summary.text()


def test_a_long_query_is_said_back_on_one_short_line(qtbot, tmp_path):
    window = _window_with_pages(qtbot, tmp_path)
    long = "没有这个词" * 30 + "\n尾巴"
    _search(qtbot, window, long)
    said = window.search_panel.summary.text()
    assert said.startswith("No hits for “没有这个词") and "…”" in said and "\n" not in said
    assert len(said) < 40 + len("No hits for “”.") + 1


def test_a_first_page_that_gave_up_with_no_hit_says_so(qtbot, tmp_path, monkeypatch):
    from reader.core.search import query

    monkeypatch.setattr(query, "PAGE_EXAMINES_PASSAGES", 0)  # gives up at once
    window = _window_with_pages(qtbot, tmp_path)
    _search(qtbot, window, "监警会 借阅")
    panel = window.search_panel
    assert panel.model.rowCount() == 0
    assert "in the articles read so far" in panel.summary.text()
    assert not panel.more.isHidden()  # "Show all hits" reads them all
    window.run_search("监警会 借阅", every_hit=True)
    qtbot.waitUntil(lambda: "read so far" not in panel.summary.text())
    # every article read: the one passage holding both words
    assert panel.summary.text() == "2 hits in 1 article" and panel.more.isHidden()
