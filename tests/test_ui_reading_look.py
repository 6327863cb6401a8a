"""How the reading pane looks, as a reviewer saw it on a real display: the current find
hit stands out whatever has focus, overlapping tags both show, annotating lets go of
the selection, titles have room below them, the UI's CJK face is Simplified, the dark
theme keeps its contrast, and body text is justified."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QTextCursor

from conftest import SEEDS
from reader.ui.theme import DARK, LIGHT
from ui_helpers import import_and_wait, make_window, type_chinese

SEED = SEEDS / "000_b7740f99fc43d814.txt"


def _article_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEED])
    return window


def _passage_rect(pane, start: int, end: int) -> QRect:
    """The box of a passage on one line, in the viewport."""
    first, last = QTextCursor(pane.document()), QTextCursor(pane.document())
    first.setPosition(pane.position_of(start))
    last.setPosition(pane.position_of(end))
    a, b = pane.cursorRect(first), pane.cursorRect(last)
    assert a.top() == b.top(), "the passage is on one line"
    return QRect(a.left() + 2, a.top() + 2, b.left() - a.left() - 4, a.height() - 4)


def _share(pane, rect: QRect, colour: str) -> float:
    """The share of the pixels in ``rect`` that are ``colour`` (within a little)."""
    image = pane.viewport().grab(rect).toImage()
    want, hits = QColor(colour), 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) < 30 - abs(
                c.blue() - want.blue()
            ):
                hits += 1
    return hits / max(1, image.width() * image.height())


def test_the_current_find_hit_is_the_most_visible_whatever_has_focus(qtbot, tmp_path):
    window = _article_window(qtbot, tmp_path)
    reader, pane = window.reader, window.reader.pane
    for theme in ("light", "dark"):
        window.set_theme(theme)
        colours = window.theme
        reader.open_find()
        reader.find_bar.edit.clear()
        type_chinese(reader.find_bar.edit, "劳模")
        qtbot.keyClick(reader.find_bar.edit, "\r")  # the next hit: focus stays in the bar
        current, total = reader.find_state()
        assert total >= 2 and current >= 0
        start, end = pane.find_hits()[current]
        other_start, other_end = pane.find_hits()[(current + 1) % total]
        pane.scroll_to_offset(start, margin=pane.viewport().height() // 3)
        qtbot.wait(20)
        assert pane.selection_offsets() == (start, end)  # selected, ready to annotate
        hit = _share(pane, _passage_rect(pane, start, end), colours.find_current)
        assert hit > 0.4, (theme, hit)  # its own red, not the selection's blue
        for focus in (pane, reader.find_bar.edit):
            focus.setFocus()
            qtbot.wait(10)
            assert _share(pane, _passage_rect(pane, start, end), colours.find_current) > 0.4
        # a selection of one's own is a selection again
        pane.select_offsets(other_start, other_end)
        assert pane.styleSheet().count("selection") == 0
        reader.find_bar.close_bar()


def test_a_search_hit_opened_from_the_dock_is_current_and_selected(qtbot, tmp_path):
    window = _article_window(qtbot, tmp_path)
    reader, pane = window.reader, window.reader.pane
    text = reader.article.text
    first = text.index("劳模")
    second = text.index("劳模", first + 1)
    window.search_panel.setFocus()
    reader.mark_hits([(first, first + 2), (second, second + 2)], (second, second + 2))
    qtbot.wait(20)
    assert pane.selection_offsets() == (second, second + 2)
    share = _share(pane, _passage_rect(pane, second, second + 2), LIGHT.find_current)
    assert share > 0.4, share
    assert DARK.find_current != LIGHT.find_current


def _tag(window, phrase: str, tag: str, shift: int = 0, length: int | None = None):
    from reader.core.notes import annotations as notes

    article = window.reader.article
    start = article.text.index(phrase) + shift
    end = start + (length if length is not None else len(phrase))
    return notes.create(window.library, article.id, start, end, tags=[tag], annotator="me")


def test_overlapping_tags_both_show(qtbot, tmp_path):
    from PySide6.QtGui import QTextCharFormat

    from reader.core.notes import tags as tagset

    window = _article_window(qtbot, tmp_path)
    tagset.save_tag(window.library, "人物", color="#2563eb")
    tagset.save_tag(window.library, "数据", color="#dc2626")
    first = _tag(window, "唐丽娟用朴实", "人物")  # 唐丽娟用朴实
    second = _tag(window, "唐丽娟用朴实真挚", "数据", shift=3, length=5)  # 用朴实真挚
    window.review.annotations_changed(window.reader.article.id)
    pane = window.reader.pane
    pane.scroll_to_offset(first.start, margin=100)
    dashes = QTextCharFormat.UnderlineStyle.DashUnderline
    shared = [
        (pane.offset_of(s.cursor.selectionStart()), pane.offset_of(s.cursor.selectionEnd()), s)
        for s in pane.extraSelections()
        if s.format.underlineStyle() == dashes
    ]
    assert [(a, b) for a, b, _ in shared] == [(second.start, first.end)]  # 用朴实, only
    assert shared[0][2].format.underlineColor() == QColor("#2563eb")  # over the red line
    # drawn: under the overlap both colours, outside it one each
    qtbot.wait(20)

    def colours_under(start: int, end: int) -> set[str]:
        rect = _passage_rect(pane, start, end)
        image = pane.viewport().grab(rect.adjusted(0, 0, 0, 6)).toImage()
        seen = set()
        for y in range(image.height()):
            for x in range(image.width()):
                c = image.pixelColor(x, y)
                for name in ("#2563eb", "#dc2626"):
                    want = QColor(name)
                    diff = abs(c.red() - want.red()) + abs(c.green() - want.green())
                    if diff + abs(c.blue() - want.blue()) < 40:
                        seen.add(name)
        return seen

    assert colours_under(second.start, first.end) == {"#2563eb", "#dc2626"}
    assert colours_under(first.start, second.start) == {"#2563eb"}
    assert colours_under(first.end, second.end) == {"#dc2626"}
    # hovering the overlap lists both
    at = pane.annotations_at(second.start + 1)
    assert {m.id for m in at} == {first.id, second.id}
    rect = _passage_rect(pane, second.start, second.start + 1)
    assert {m.id for m in pane.annotations_at(pane.offset_at(rect.center()))} == {
        first.id,
        second.id,
    }


def test_overlaps_are_the_stretches_two_tags_share(qapp):
    from reader.core.notes.annotations import Annotation
    from reader.ui.reading.marks import marks_for, overlaps

    def note(n, start, end, tags=(), color=None):
        return Annotation(
            f"id{n}", 1, start, end, "q", "", "", "h", color, "", "", "anchored", tuple(tags),
            "t", "t",
        )  # fmt: skip

    colours = {"a": "#2563eb", "b": "#dc2626", "c": "#16a34a"}
    marks = marks_for(
        [
            note(1, 0, 10, ["a"]),
            note(2, 5, 15, ["b"]),
            note(3, 8, 20, ["c"]),
            note(4, 0, 30, color="yellow"),  # a highlight: no underline to share
        ],
        colours,
        LIGHT,
    )
    found = sorted({(start, end) for start, end, _ in overlaps(marks)})
    assert found == [(5, 8), (8, 10), (10, 15)]  # a+b, a+b+c, b+c
    assert (
        overlaps(marks_for([note(1, 0, 10, ["a"]), note(2, 10, 20, ["b"])], colours, LIGHT)) == []
    )


def _stripes(pane) -> list[tuple[int, int, str, int]]:
    """The overlap stripes handed to Qt: the selections that are no mark's and no hit's."""
    marks = {(pane.position_of(m.start), pane.position_of(m.end), id(m.format)) for m in pane.marks}
    return sorted(
        (
            s.cursor.selectionStart(),
            s.cursor.selectionEnd(),
            s.format.underlineColor().name(),
            s.format.underlineStyle().value,
        )
        for s in pane.extraSelections()
        if s.format.underlineStyle() != s.format.underlineStyle().NoUnderline
        and (s.cursor.selectionStart(), s.cursor.selectionEnd(), id(s.format)) not in marks
    )


def test_a_new_mark_restripes_only_what_it_overlaps_and_gets_the_same_stripes(qtbot, tmp_path):
    """Creating through the window finds the overlaps near the new mark only; what is
    handed to Qt is what finding them all again gives. One tag's colour is no stripe."""
    import random

    from reader.core.notes import tags as tagset

    window = _article_window(qtbot, tmp_path)
    for name, colour in (("甲", "#2563eb"), ("乙", "#dc2626"), ("丙", "#16a34a")):
        tagset.save_tag(window.library, name, color=colour)
    article = window.reader.article
    rng = random.Random(5)
    for _ in range(60):
        start = rng.randrange(0, 400)
        window.reader.pane.select_offsets(start, start + rng.randrange(2, 12))
        window.annotator.tag(rng.choice(["甲", "乙", "丙"]))
    pane = window.reader.pane
    pane.scroll_to_offset(0, margin=0)
    qtbot.wait(10)
    for _ in range(15):  # each one added to the marks in view, restriped around itself
        start = rng.randrange(0, 300)
        pane.select_offsets(start, start + rng.randrange(2, 12))
        window.annotator.tag(rng.choice(["甲", "乙", "丙"]))
        handed = _stripes(pane)
        pane._layer.push()  # everything found again
        assert _stripes(pane) == handed
    assert handed  # the test had overlaps to find
    layer_marks = [m for m in pane.marks if m.tag_colour]
    assert len(layer_marks) >= 75 and article.id == window.reader.article.id


def test_annotating_lets_go_of_the_selection_and_the_bar(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from reader.core.notes import annotations as notes
    from reader.core.notes import tags as tagset

    window = _article_window(qtbot, tmp_path)
    tagset.save_tag(window.library, "人物", shortcut="1")
    pane, ui = window.reader.pane, window.review.ui
    text = window.reader.article.text

    def select(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        pane.select_offsets(start, start + len(phrase))
        pane.setFocus()
        ui.show_bar()
        assert ui.bar.isVisible()
        return start, start + len(phrase)

    for act in (
        lambda: qtbot.keyClick(pane, Qt.Key.Key_H),
        lambda: qtbot.keyClick(pane, Qt.Key.Key_1),
        lambda: ui.bar.swatches[2][0].click(),  # a colour on the floating bar
        lambda: window.annotator.note("笔记"),
    ):
        start, end = select(
            ["唐丽娟", "劳模服务宣讲团", "巫溪县天元乡", "巫溪嫁花"][len(pane.marks)]
        )
        before = len(notes.for_article(window.library, window.reader.article.id))
        act()
        assert len(notes.for_article(window.library, window.reader.article.id)) == before + 1
        assert not pane.textCursor().hasSelection()
        assert pane.offset_of(pane.textCursor().position()) == end  # the cursor at its end
        assert not ui.bar.isVisible()
    # a selection made backwards lets go at its end too
    start = text.index("唐丽娟")
    pane.select_offsets(start + 3, start)
    window.annotator.highlight("green")
    assert pane.offset_of(pane.textCursor().position()) == start + 3


def _typeset_seed(width: float = 620.0):
    from PySide6.QtGui import QFont

    from reader.core.text.decoding import decode_bytes
    from reader.core.text.structure import parse_text
    from reader.ui.reading.typesetting import typeset

    font = QFont("Noto Serif CJK SC")
    font.setPointSizeF(13.0)
    for article in parse_text(decode_bytes(SEED.read_bytes()).text, SEED.name).articles:
        document = typeset(article.blocks, font, LIGHT)
        document.setTextWidth(width)
        document.documentLayout()  # lays it out
        yield article, document


def _gap(document, above: int) -> float:
    """The white between block ``above``'s last line and the next block's first line."""
    upper, lower = document.findBlockByNumber(above), document.findBlockByNumber(above + 1)
    last = upper.layout().lineAt(upper.layout().lineCount() - 1)
    first = lower.layout().lineAt(0)
    bottom = upper.layout().position().y() + last.y() + last.height()
    return lower.layout().position().y() + first.y() - bottom


def test_the_title_stands_apart_from_what_follows(qapp):
    seen = set()
    for article, document in _typeset_seed():
        kinds = [b.kind for b in article.blocks]
        heading = next(
            i for i in range(1, len(kinds)) if kinds[i] == "heading" and kinds[i - 1] == "paragraph"
        )
        before_heading = _gap(document, heading - 1)
        title = kinds.index("title")
        after_title = _gap(document, title)  # a paragraph follows, or a heading
        seen.add(kinds[title + 1])
        print(kinds[: title + 2], after_title, before_heading)
        assert after_title >= 1.25 * before_heading, (after_title, before_heading)
        assert after_title <= 2.5 * before_heading  # room, not a hole
        if title and kinds[title - 1] == "kicker":  # the kicker goes with its title
            assert _gap(document, title - 1) < 0.6 * after_title
    assert seen == {"paragraph", "heading"}


def _faces(font, text: str) -> set[str]:
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_the_ui_font_draws_chinese_with_simplified_glyphs(qapp):
    import pytest
    from PySide6.QtGui import QFontDatabase

    from reader.ui.theme import UI_FAMILIES, apply_ui_font

    installed = [f for f in UI_FAMILIES if QFontDatabase.hasFamily(f)]
    if not installed:
        pytest.skip("no Simplified Chinese face installed")
    before = qapp.font()
    try:
        apply_ui_font(qapp)
        font = qapp.font()
        assert font.families()[0] == installed[0]
        assert font.pointSizeF() == before.pointSizeF()
        # every glyph of a Chinese title, its colon and quotes included, from that face
        assert _faces(font, "巫溪总工会：做强“工字”品牌") == {installed[0]}
        assert _faces(font, "Reader 3/17") == {installed[0]}
    finally:
        qapp.setFont(before)


def test_tag_colours_read_on_the_dark_page_and_are_stored_unchanged(qtbot, tmp_path):
    from reader.core.notes import tags as tagset
    from reader.core.notes.vocab import TAG_COLOURS
    from reader.ui.annotate.annotations_panel import COLUMNS
    from reader.ui.theme import contrast

    window = _article_window(qtbot, tmp_path)
    tagset.save_tag(window.library, "人物", color="#2563eb")
    tagset.save_tag(window.library, "数据", color="#dc2626")
    first = _tag(window, "唐丽娟", "人物")
    _tag(window, "劳模服务宣讲团", "数据")
    window.review.annotations_changed(window.reader.article.id)
    pane, model = window.reader.pane, window.review.panel.model
    window.set_theme("dark")
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    paper, base = QColor(DARK.paper), QColor(DARK.base)
    drawn = {m.format.underlineColor().name() for m in pane.marks}
    assert "#2563eb" not in drawn and "#dc2626" not in drawn  # lightened
    assert all(contrast(QColor(c), paper) >= 4.5 for c in drawn), drawn
    tags = COLUMNS.index("tags")
    for row in range(2):
        chip = model.index(row, tags).data(Qt.ItemDataRole.ForegroundRole)
        assert contrast(chip, base) >= 4.5, chip.name()
    assert tagset.tag(window.library, "人物").color == "#2563eb"  # the stored colour stays
    window.set_theme("light")
    assert {m.format.underlineColor().name() for m in pane.marks} == {"#2563eb", "#dc2626"}
    chips = {model.index(r, tags).data(Qt.ItemDataRole.ForegroundRole).name() for r in range(2)}
    assert chips == {"#2563eb", "#dc2626"}
    assert first.tags == ("人物",)
    from reader.ui.theme import tag_ink

    for stored in TAG_COLOURS:  # every colour a new tag can get
        assert contrast(QColor(tag_ink(stored, True)), paper) >= 4.5, stored
        assert tag_ink(stored, False) == stored


@pytest.mark.parametrize("kind", ["check box", "radio button"])
def test_check_boxes_have_a_visible_edge_on_the_dark_theme(qtbot, kind):
    from PySide6.QtWidgets import (
        QApplication,
        QCheckBox,
        QRadioButton,
        QStyle,
        QStyleOptionButton,
    )

    from reader.ui.theme import apply_palette
    from test_ui_search_find import _contrast as contrast

    app = QApplication.instance()
    try:
        apply_palette(app, DARK)
        box = QCheckBox("Snap selections") if kind == "check box" else QRadioButton("整个文库")
        element = (
            QStyle.SubElement.SE_CheckBoxIndicator
            if kind == "check box"
            else QStyle.SubElement.SE_RadioButtonIndicator
        )
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        option = QStyleOptionButton()
        option.initFrom(box)
        rect = box.style().subElementRect(element, option, box)
        image = box.grab().toImage()
        window = QColor(DARK.window)
        middle = rect.center()
        # the edge's pixels, a pixel in from each side's middle as well (a circle's edge)
        rim = [
            (x, y)
            for inset in (0, 1)
            for x, y in (
                (rect.left() + inset, middle.y()),
                (middle.x(), rect.top() + inset),
                (rect.right() - inset, middle.y()),
                (middle.x(), rect.bottom() - inset),
            )
        ]
        edge = max(contrast(image.pixelColor(x, y), window) for x, y in rim)
        assert edge >= 3.0, edge  # WCAG's contrast for a control's edge
    finally:
        apply_palette(app, LIGHT)


def _ink_right(image, top: int, bottom: int, paper: QColor) -> int:
    """The rightmost column with ink between rows ``top`` and ``bottom``."""
    right = -1
    for y in range(max(0, top), min(image.height(), bottom)):
        for x in range(image.width() - 1, right, -1):
            if abs(image.pixelColor(x, y).lightness() - paper.lightness()) > 80:
                right = x
                break
    return right


def test_body_text_is_justified_and_the_byline_keeps_to_its_edge(qtbot, tmp_path):
    from PySide6.QtGui import QFontMetricsF

    window = _article_window(qtbot, tmp_path)
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.width() == 1000)
    qtbot.wait(100)
    pane = window.reader.pane
    blocks = window.reader.article.blocks
    byline = next(i for i, b in enumerate(blocks) if b.kind == "byline")
    document = pane.document()
    layout = document.findBlockByNumber(byline).layout()
    pane.scroll_to_offset(blocks[byline].start, margin=pane.viewport().height() // 2)
    qtbot.wait(20)
    image = pane.viewport().grab().toImage()
    paper = QColor(window.theme.paper)
    scroll = pane.verticalScrollBar().value()

    def rows(number: int, line: int) -> tuple[int, int]:
        block_layout = document.findBlockByNumber(number).layout()
        found = block_layout.lineAt(line)
        top = block_layout.position().y() + found.y() - scroll
        return round(top), round(top + found.height())

    em = QFontMetricsF(pane.reading_font()).horizontalAdvance("字")
    edges = []  # the right ends of the lines above the byline, but each paragraph's last
    for number in range(byline - 1, 0, -1):
        if blocks[number].kind != "paragraph":
            continue
        block_layout = document.findBlockByNumber(number).layout()
        for line in range(block_layout.lineCount() - 1):
            top, bottom = rows(number, line)
            if top >= 0 and bottom <= image.height():
                edges.append(_ink_right(image, top, bottom, paper))
    assert len(edges) >= 4
    edge = max(edges)
    print("line ends short of the edge (px):", sorted(edge - e for e in edges))
    assert all(edge - e < 0.6 * em for e in edges)  # flush: no gap of a character or more
    top, bottom = rows(byline, layout.lineCount() - 1)
    assert abs(_ink_right(image, top, bottom, paper) - edge) <= 2  # the byline ends there too


def test_a_page_too_dense_for_stripes_gets_none(qtbot, tmp_path, monkeypatch):
    """Past STRIPE_LIMIT overlap stretches in view, no stretch is striped (and a new mark
    adds none): what is handed stays the marks and the find hits."""
    from reader.core.notes import tags as tagset
    from reader.ui.reading import mark_layer

    window = _article_window(qtbot, tmp_path)
    tagset.save_tag(window.library, "甲", color="#2563eb")
    tagset.save_tag(window.library, "乙", color="#dc2626")
    pane = window.reader.pane
    for start in range(0, 40, 4):  # ten overlaps of 甲 and 乙
        _tag(window, window.reader.article.text[start : start + 6], "甲", 0)
    window.review.annotations_changed(window.reader.article.id)
    for start in range(2, 42, 4):
        pane.select_offsets(start, start + 4)
        window.annotator.tag("乙")
    assert len(_stripes(pane)) > len([m for m in pane.marks if m.tag_colour])  # striped
    monkeypatch.setattr(mark_layer, "STRIPE_LIMIT", 0)
    pane._layer.push()
    assert len(_stripes(pane)) == len([m for m in pane.marks if m.tag_colour])  # marks only
    pane.select_offsets(1, 9)
    window.annotator.tag("乙")
    assert len(_stripes(pane)) == len([m for m in pane.marks if m.tag_colour])


def test_a_disabled_control_reads_as_disabled_on_either_theme(qapp):
    from PySide6.QtGui import QPalette

    from reader.ui.theme import apply_palette

    try:
        for theme in (LIGHT, DARK):
            apply_palette(qapp, theme)
            palette = qapp.palette()
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
                off = palette.color(QPalette.ColorGroup.Disabled, role)
                on = palette.color(QPalette.ColorGroup.Active, role)
                assert off == QColor(theme.muted) and off != on, (theme.name, role)
    finally:
        apply_palette(qapp, LIGHT)


def test_show_source_opens_wide_enough_to_read_and_keeps_a_width_the_reader_chose(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS])
    reader = window.reader
    window.menus.actions["source"].trigger()  # View → Show source (Ctrl+U)
    qtbot.waitUntil(lambda: reader.source.isVisible())
    share = reader.source.width() / reader.splitter.width()
    assert 0.3 < share < 0.5, share  # two fifths, not a sliver
    assert "\n" in reader.source.toPlainText()[:2000]
    reader.splitter.setSizes([900, 250])  # the reader drags it narrower
    chosen = reader.splitter.sizes()
    window.menus.actions["source"].trigger()
    window.menus.actions["source"].trigger()
    assert reader.source.isVisible() and reader.splitter.sizes() == chosen


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_each_tag_in_the_panel_is_drawn_in_its_own_colour(qtbot, tmp_path, theme):
    from reader.core.notes import annotations as notes
    from reader.core.notes import tags as tagset
    from reader.ui.annotate.annotations_panel import COLUMNS
    from reader.ui.theme import tag_ink

    window = _article_window(qtbot, tmp_path)
    window.set_theme(theme)
    tagset.save_tag(window.library, "人物", color="#2563eb")
    tagset.save_tag(window.library, "数据", color="#dc2626")
    article = window.reader.article
    start = article.text.index("唐丽娟")
    notes.create(window.library, article.id, start, start + 3, tags=["人物", "数据"])
    window.review.annotations_changed(article.id)
    view, model = window.review.panel.view, window.review.panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    column = COLUMNS.index("tags")
    view.header().resizeSection(column, 220)
    view.clearSelection()
    rect = view.visualRect(view.model().index(0, column))
    image = view.viewport().grab(rect).toImage()
    dark = theme == "dark"
    wanted = [QColor(tag_ink(c, dark)) for c in ("#2563eb", "#dc2626")]

    def near(pixel: QColor, ink: QColor) -> bool:
        return all(
            abs(a - b) < 40 for a, b in zip(pixel.getRgb()[:3], ink.getRgb()[:3], strict=True)
        )

    found = [0, 0]
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = image.pixelColor(x, y)
            for i, ink in enumerate(wanted):
                found[i] += near(pixel, ink)
    assert min(found) > 10, found  # both inks drawn, not the first tag's twice
