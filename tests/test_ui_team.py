"""Working as a team in the window: the agreement view shows the core's figures and opens
a disagreement at its passage; adjudication by keys writes gold, and Ctrl+Z takes it back;
merge, the report and its charts run as jobs whose errors reach the one error dialog."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.team import GOLD, REJECTED
from reader.core.team.agreement import agreement
from reader.core.team.disagreements import Disagreement
from reader.ui.annotate.review import HIDDEN_LAYERS
from team_helpers import article_ids, mark, seeded
from ui_helpers import make_window

ONE = [(0, 5, "人物"), (10, 20, "数据"), (30, 40, "地点")]
TWO = [(0, 5, "人物"), (11, 20, "数据"), (50, 55, "人物")]


@pytest.fixture
def team_library(tmp_path):
    """Two annotators on the first article, and one disputed span on the second."""
    path = tmp_path / "team.sqlite3"
    library = seeded(path)
    first, second = article_ids(library)[:2]
    mark(library, first, ONE, "ann1")
    mark(library, first, TWO, "ann2")
    mark(library, second, [(0, 4, "人物"), (6, 9, "数据")], "ann1")
    mark(library, second, [(0, 4, "人物")], "ann2")
    core = agreement(library)
    library.close()
    return path, first, second, core


def _gold(window, layer=GOLD):
    return sorted(
        (a.start, a.end, a.tags)
        for a in notes.all_annotations(window.library)
        if a.annotator == layer
    )


def test_the_rejected_layer_is_the_cores(qtbot):
    assert frozenset({REJECTED}) == HIDDEN_LAYERS


def test_models_pass_the_model_tester(qtmodeltester, team_library):
    from reader.ui.team.models import DisagreementsModel, PairMatrixModel, TagScoresModel

    _path, first, _second, core = team_library
    matrix = PairMatrixModel()
    matrix.set_agreement(core)
    qtmodeltester.check(matrix, force_py=True)
    matrix.set_measure("span_f1")
    qtmodeltester.check(matrix, force_py=True)
    scores = TagScoresModel()
    scores.set_pair(core.pairs[0])
    qtmodeltester.check(scores, force_py=True)
    listed = DisagreementsModel()
    listed.set_disagreements(core.disagreements, core.annotators, {first: "标题"})
    qtmodeltester.check(listed, force_py=True)
    assert listed.rowCount() == len(core.disagreements) > 0


def test_agreement_view_shows_the_cores_figures_and_opens_a_disagreement(
    qtbot, tmp_path, team_library
):
    path, _first, second, core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    window.team.actions["agreement"].trigger()
    dialog = window.team.agreement
    with qtbot.waitSignal(dialog.shown, timeout=60_000):
        pass
    assert core.annotators == ("ann1", "ann2")
    pair = core.pairs[0]
    matrix = dialog.matrix_view.model()
    assert matrix.index(0, 1).data() == f"{pair.overall.kappa:.3f}"
    assert matrix.index(1, 0).data() == f"{pair.overall.kappa:.3f}"
    dialog.measure.setCurrentIndex(dialog.measure.findData("span_f1"))
    assert matrix.index(0, 1).data() == f"{pair.overall.span_f1:.3f}"
    scores = dialog.scores_view.model()  # the first pair is chosen: overall, then each tag
    assert scores.rowCount() == 1 + len(pair.per_tag)
    assert scores.index(0, 3).data() == f"{pair.overall.kappa:.3f}"
    tags = sorted(pair.per_tag)
    assert scores.index(1, 0).data() == tags[0]
    assert scores.index(1, 1).data() == f"{pair.per_tag[tags[0]].span_f1:.3f}"
    listed = dialog.list_view.model()
    assert listed.rowCount() == len(core.disagreements)
    # a disagreement in the other article: it opens there, the passage selected
    row = next(i for i, d in enumerate(core.disagreements) if d.article_id == second)
    wanted: Disagreement = core.disagreements[row]
    assert window.reader.article.id != second
    dialog.list_view.setCurrentIndex(listed.index(row, 2))
    qtbot.keyClick(dialog.list_view, Qt.Key.Key_Return)
    assert window.reader.article.id == second
    assert window.reader.pane.selection_offsets() == (wanted.start, wanted.end)


def test_adjudication_by_keys_writes_gold_and_ctrl_z_takes_it_back(qtbot, tmp_path, team_library):
    path, first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    window.activateWindow()  # Ctrl+Z is the window's shortcut: it needs the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.open_article(first)
    window.team.actions["adjudicate"].trigger()
    view = window.team.adjudication
    assert view.annotators == ("ann1", "ann2")
    assert window.team.dock.isVisible()
    assert view.model.rowCount() == 4  # all but the span both marked alike
    qtbot.mouseClick(view.auto_button, Qt.MouseButton.LeftButton)
    assert _gold(window) == [(0, 5, ("人物",))]
    assert view.model.rowCount() == 4  # (0, 5) was agreed, so never in dispute
    # the current one is shown marked and selected in the reading pane
    current = view.current()
    assert (current.start, current.end, current.marked_by) == (10, 20, ("ann1",))
    assert window.reader.pane.selection_offsets() == (10, 20)
    assert window.reader.pane.find_hits() == [(10, 20)]
    qtbot.keyClick(view.view, Qt.Key.Key_1)  # ann1's version of 数据
    assert _gold(window) == [(0, 5, ("人物",)), (10, 20, ("数据",))]
    left = [(d.start, d.end, d.tag) for d in view.model._rows]
    assert left == [(30, 40, "地点"), (50, 55, "人物")]  # (11, 20) overlaps gold: settled
    assert (view.current().start, view.current().end) == (30, 40)  # moved on
    model = window.tree_model
    row = model.article_index(first)
    counted = model.index(row.row(), 1, row.parent()).data()  # the Notes column
    assert counted == str(len(notes.for_article(window.library, first)))
    qtbot.keyClick(view.view, Qt.Key.Key_R)
    assert _gold(window, REJECTED) == [(30, 40, ("地点",))]
    assert view.current().start == 50
    # nor counted in the tree: the count is the same before the rejection and after it
    assert model.index(row.row(), 1, row.parent()).data() == counted
    # the rejected layer is neither listed in the panel nor marked in the text
    assert all(
        m.id not in {a.id for a in notes.all_annotations(window.library) if a.annotator == REJECTED}
        for m in window.reader.pane.marks
    )
    qtbot.keyClick(view.view, Qt.Key.Key_2)  # ann2 marked (50, 55) 人物: take it
    assert _gold(window)[-1] == (50, 55, ("人物",))
    assert view.model.rowCount() == 0
    assert window.reader.pane.find_hits() == []  # the last one settled: not left marked
    # Ctrl+Z: each decision, then the auto-merge as one step
    for _ in range(3):
        qtbot.keyClick(view.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _gold(window) == [(0, 5, ("人物",))] and _gold(window, REJECTED) == []
    assert view.model.rowCount() == 4
    qtbot.keyClick(view.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _gold(window) == []
    window.session.undo_stack.redo()
    assert _gold(window) == [(0, 5, ("人物",))]


def test_adjudication_edit_takes_the_selection(qtbot, tmp_path, team_library):
    path, first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    window.open_article(first)
    view = window.team.adjudicate_current()
    window.reader.pane.select_offsets(12, 18)
    qtbot.keyClick(view.view, Qt.Key.Key_E)
    assert _gold(window) == [(12, 18, ("数据",))]
    window.reader.pane.setTextCursor(
        window.reader.pane.cursorForPosition(window.reader.pane.rect().topLeft())
    )
    qtbot.keyClick(view.view, Qt.Key.Key_E)  # no selection: nothing written
    assert _gold(window) == [(12, 18, ("数据",))]


def test_errors_in_team_jobs_reach_the_one_error_dialog(qtbot, tmp_path):
    path = tmp_path / "one.sqlite3"
    library = seeded(path)
    mark(library, article_ids(library)[0], [(0, 5, "人物")], "ann1")
    library.close()
    window = make_window(qtbot, tmp_path, library=path)
    dialog = window.team.open_agreement()
    qtbot.waitUntil(lambda: len(window.errors.shown) == 1, timeout=60_000)
    assert window.errors.shown == ["agreement needs two annotators; these articles have ann1"]
    assert dialog.refresh_button.isEnabled()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert window.team.merge(bad)
    qtbot.waitUntil(lambda: len(window.errors.shown) == 2, timeout=60_000)
    assert len(window.errors.shown) == 2 and "bad.jsonl" in window.errors.shown[1]
    window.team.save_report(tmp_path / "no such folder" / "r.html")
    qtbot.waitUntil(lambda: len(window.errors.shown) == 3, timeout=60_000)
    assert len(window.errors.shown) == 3 and "r.html" in window.errors.shown[2]


def test_merge_asks_whose_nameless_work_it_is(qtbot, tmp_path, team_library):
    from reader.core.exchange.exporting import ExportFilter, collect, write_export

    path, _first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    # a JSON Lines export of ann1's work with the annotator taken out
    out = tmp_path / "theirs.jsonl"
    items = collect(window.library, ExportFilter(annotators=("ann1",)))
    write_export(out, "jsonl", items)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if "annotator" in line:
            line["annotator"] = ""
    out.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    asked = []
    merger = window.team.merger_()
    merger.ask_name = lambda p, n: asked.append((p.name, n)) or "丙"
    with qtbot.waitSignal(merger.merged, timeout=60_000) as blocker:
        assert window.team.merge(out)
    assert asked == [("theirs.jsonl", len(ONE) + 2)]
    assert blocker.args[0].merged == len(ONE) + 2
    assert sum(a.annotator == "丙" for a in notes.all_annotations(window.library)) == len(ONE) + 2
    assert (
        "丙"
        in window.review.panel.annotator_filter.itemText(
            window.review.panel.annotator_filter.count() - 1
        )
        or window.review.panel.annotator_filter.findText("丙") >= 0
    )


def test_report_and_charts_from_the_window(qtbot, tmp_path, team_library):
    path, _first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    out = tmp_path / "team.html"
    window.team.save_report(out)
    qtbot.waitUntil(lambda: not window.jobs.busy("report"), timeout=60_000)
    assert window.errors.shown == []
    assert out.read_text(encoding="utf-8").count("<svg") == 4
    dialog = window.team.open_charts()
    with qtbot.waitSignal(dialog.shown, timeout=60_000) as blocker:
        pass
    assert blocker.args == [4] and dialog.tabs.count() == 4
    assert all(c.renderer().isValid() for c in dialog.charts)


def test_adjudication_forgets_its_article_when_another_library_opens(qtbot, tmp_path, team_library):
    path, first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    window.open_article(first)
    view = window.team.adjudicate_current()
    assert view.model.rowCount() == 4
    window.open_library_at(tmp_path / "other.sqlite3")
    assert view.article_id is None and view.model.rowCount() == 0
    assert window.errors.shown == []
    window.open_library_at(path)
    agreement = window.team.open_agreement()
    with qtbot.waitSignal(agreement.shown, timeout=60_000):
        pass
    assert agreement.matrix.rowCount() == 2
    window.open_library_at(tmp_path / "other.sqlite3")
    assert agreement.matrix.rowCount() == 0 and agreement.disagreements.rowCount() == 0


def test_the_merge_summary_says_what_matched_nothing_only_when_something_did(qtbot, tmp_path):
    from reader.core.team.merge import MergeSummary

    window = make_window(qtbot, tmp_path)
    merger = window.team.merger_()
    clean = merger.summary_line(MergeSummary(merged=3, updated=1, present=0))
    assert clean == "Merged: 3 new, 1 updated, 0 already present"
    lost = merger.summary_line(
        MergeSummary(merged=3, unmatched_articles=1, unmatched_annotations=2)
    )
    assert lost == (
        "Merged: 3 new, 0 updated, 0 already present; 1 article matched none here "
        "(2 annotations not merged)"
    )


def test_annotating_elsewhere_leaves_the_reader_where_they_are(qtbot, tmp_path, team_library):
    """A refresh of the adjudication list (after any annotation, anywhere) pulled the
    reader back to the adjudicated article; a shown dock follows the article shown."""
    path, first, second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    window.open_article(first)
    window.team.actions["adjudicate"].trigger()
    view, dock = window.team.adjudication, window.team.dock
    assert view.article_id == first and view.model.rowCount() == 4
    dock.hide()  # a hidden dock stays with its article
    window.open_article(second)
    assert view.article_id == first
    window.reader.pane.select_offsets(10, 14)
    window.annotator.tag("地点")  # a refresh of the list, for its article
    assert window.reader.article.id == second  # not pulled back to the first
    assert window.reader.pane.find_hits() == []  # nor its disagreement marked here
    dock.show()
    window.open_article(first)
    assert view.article_id == first
    window.open_article(second)  # shown: it follows, to this article's disagreement
    assert view.article_id == second and view.model.rowCount() >= 1
    assert window.reader.article.id == second


def test_one_annotator_one_colour_in_every_team_view_and_no_negative_zero(
    qtbot, tmp_path, team_library
):
    from reader.ui.team.models import CHIPS_ROLE, DisagreementsModel, figure

    assert figure(-0.0001) == "0.000" and figure(-0.25) == "-0.250" and figure(None) == "–"
    path, first, second, _core = team_library
    # a third annotator, sorted before the others, in the other article only: the first
    # article's list of annotators and the library's differ
    with open_library(path, create=False) as library:
        notes.create(library, second, 12, 16, tags=["人物"], annotator="aaa")
    window = make_window(qtbot, tmp_path, library=path)
    window.team.actions["agreement"].trigger()
    agreement = window.team.agreement
    with qtbot.waitSignal(agreement.shown, timeout=60_000):
        pass
    window.open_article(first)
    window.team.actions["adjudicate"].trigger()
    adjudication = window.team.adjudication

    def colours(model):
        found = {}
        for row in range(model.rowCount()):
            index = model.index(row, DisagreementsModel.MARKED)
            for name, colour in index.data(CHIPS_ROLE) or []:
                found[name] = colour.name()
        return found

    in_agreement = colours(agreement.list_view.model())
    in_adjudication = colours(adjudication.model)
    shared = set(in_agreement) & set(in_adjudication)
    assert shared >= {"ann1", "ann2"}
    assert all(in_agreement[n] == in_adjudication[n] for n in shared)
    # the pair chosen first is one with articles in common
    current = agreement.matrix_view.currentIndex()
    pair = agreement.matrix.pair_at(current.row(), current.column())
    assert pair is not None and pair.articles > 0


def test_the_agreement_matrix_follows_a_theme_change(qtbot, tmp_path, team_library):
    from PySide6.QtGui import QColor, QPalette

    from reader.ui.theme import DARK

    path, _first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    window.team.actions["agreement"].trigger()
    matrix = window.team.agreement.matrix_view
    try:
        window.set_theme("dark")
        base = matrix.viewport().palette().color(QPalette.ColorRole.Base)
        assert base == QColor(DARK.base)
    finally:
        window.set_theme("light")


def test_the_annotator_column_shows_once_two_people_s_work_is_listed(qtbot, tmp_path, team_library):
    from reader.ui.annotate.annotations_panel import COLUMNS

    path, first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    header = window.review.panel.view.header()
    column = COLUMNS.index("annotator")
    window.open_article(first)  # ann1's and ann2's
    qtbot.waitUntil(lambda: window.review.panel.proxy.rowCount() > 0)
    assert not header.isSectionHidden(column)
    menu = window.review.panel.columns_menu()  # the reader hides it: it stays hidden
    [action] = [a for a in menu.actions() if a.text() == "Annotator"]
    action.setChecked(False)
    window.review.refresh()
    assert header.isSectionHidden(column)


def _agreement_shown(qtbot, window):
    """The agreement dock with its figures computed, not stale."""
    window.team.actions["agreement"].trigger()
    agreement = window.team.agreement
    with qtbot.waitSignal(agreement.shown, timeout=60_000):
        pass
    assert agreement.stale.isHidden()
    return agreement


def _recomputed(qtbot, agreement) -> None:
    with qtbot.waitSignal(agreement.shown, timeout=60_000):
        qtbot.mouseClick(agreement.refresh_button, Qt.MouseButton.LeftButton)
    assert agreement.stale.isHidden()


def test_the_agreement_says_when_its_figures_are_out_of_date(qtbot, tmp_path, team_library):
    path, first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    agreement = _agreement_shown(qtbot, window)
    window.open_article(first)
    window.team.actions["adjudicate"].trigger()
    qtbot.mouseClick(window.team.adjudication.auto_button, Qt.MouseButton.LeftButton)
    assert not agreement.stale.isHidden()  # a decision since the figures
    _recomputed(qtbot, agreement)


def test_tag_merges_and_merged_work_make_the_agreement_stale(qtbot, tmp_path, team_library):
    from reader.core.notes import tags as tagset
    from reader.ui.annotate.tag_manager import TagManager

    path, _first, _second, _core = team_library
    window = make_window(qtbot, tmp_path, library=path)
    agreement = _agreement_shown(qtbot, window)
    window.notes_imported()  # what a merge of others' work and Import notes end with
    assert not agreement.stale.isHidden()
    _recomputed(qtbot, agreement)
    window.review.open_tag_manager()
    [manager] = window.reader.findChildren(TagManager)
    first, second = [t.name for t in tagset.list_tags(window.library)][:2]
    tagset.merge_tags(window.library, first, second)
    manager.changed.emit()  # as the dialog does after a merge
    assert not agreement.stale.isHidden()
