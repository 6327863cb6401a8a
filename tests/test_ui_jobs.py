"""Work off the UI thread: the real Cancel button, every failure reaching the one error
path on the UI thread, the next job running after one failed, and what must never
run on the UI thread. Deterministic: workers wait on Events, never on the clock."""

import threading

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import QMessageBox, QPushButton

from conftest import SEEDS
from reader.core.ingest import importer
from reader.core.library.outline import library_outline
from reader.core.text.decoding import decode_bytes
from reader.core.text.structure import parse_text
from ui_helpers import import_and_wait, make_window

FILES = sorted(SEEDS.glob("*.txt"))
WAIT = 60_000


def _on_ui_thread() -> bool:
    app = QCoreApplication.instance()
    return QThread.currentThread() is app.thread() and threading.current_thread() is (
        threading.main_thread()
    )


@pytest.fixture
def reported(monkeypatch):
    """Every report to the window's error reporter, and whether it came on the UI thread."""
    calls = []

    def watch(window):
        original = window.errors.report

        def report(error, title=""):
            calls.append((type(error), _on_ui_thread()))
            original(error, title)

        monkeypatch.setattr(window.errors, "report", report)
        return calls

    return watch


def _fail_once(monkeypatch, owner, name):
    """``owner.name`` raises a RuntimeError (a bug, not a ReaderError) the first time only."""
    original = getattr(owner, name)
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError(f"injected failure in {name}")
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, flaky)
    return calls


def _error_box(qtbot, window):
    box = None

    def shown():
        nonlocal box
        boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "readerErrorBox"]
        box = next((b for b in boxes if b.isVisible()), None)
        return box is not None

    qtbot.waitUntil(shown, timeout=WAIT)
    text = box.text()
    box.close()
    box.deleteLater()
    return text


def _articles_in(path):
    return len(parse_text(decode_bytes(path.read_bytes()).text, path.name).articles)


# --- cancel ---------------------------------------------------------------------------------
def test_the_cancel_button_stops_an_import_between_files(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    gate, calls = threading.Event(), []
    original = importer.import_file

    def slow(library, path, *batch):  # the second file waits until the test has clicked Cancel
        calls.append(path)
        if len(calls) == 2:
            assert gate.wait(WAIT / 1000)
        return original(library, path, *batch)

    monkeypatch.setattr(importer, "import_file", slow)
    with qtbot.waitSignal(window.imports.finished, timeout=WAIT) as finished:
        window.import_paths(FILES, show_dialog=True)
        dialog = window.imports.dialog
        qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() >= 1, timeout=WAIT)
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.isVisible()
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        gate.set()
    summary = finished.args[0].summary
    assert summary.cancelled
    assert 1 <= len(summary.results) < len(FILES)
    outline = library_outline(window.library)
    assert len(outline) == len(summary.results) < len(FILES)
    by_name = {p.name: p for p in FILES}
    for source in outline:  # only whole files: each source has all its articles
        assert len(source.articles) == _articles_in(by_name[source.name])
    assert not window.imports.busy()
    import_and_wait(qtbot, window, FILES)  # and the next import runs to the end
    assert len(library_outline(window.library)) == len(FILES)


def test_the_import_dialog_goes_on_through_the_index_batch(qtbot, tmp_path):
    """After the files the label says the index is being built, and the bar runs past them."""
    from PySide6.QtWidgets import QProgressDialog

    from reader.ui.dialogs.import_progress import INDEXING

    window = make_window(qtbot, tmp_path)
    runner = window.imports
    runner.dialog = dialog = QProgressDialog(window)
    dialog.setAutoReset(False)  # as the runner makes it
    dialog.setAutoClose(False)
    runner._progress(0, 1, "a.md")
    assert dialog.labelText() == "Imported 0 of 1 file\na.md"  # one file: no plural
    runner._progress(3, 3, "")
    assert dialog.labelText().startswith("Imported 3 of 3 files")
    runner._progress(200, 1000, INDEXING)
    assert dialog.labelText() == "Building the search index: 200 of 1000 articles"
    assert (dialog.value(), dialog.maximum()) == (3 + 200, 3 + 1000)
    runner._progress(1000, 1000, INDEXING)
    assert dialog.value() == dialog.maximum()
    runner._close_dialog()


# --- every failure reaches the one error path, on the UI thread; the next job runs ------------
def test_a_failed_import_is_reported_and_the_next_one_runs(qtbot, tmp_path, monkeypatch, reported):
    window = make_window(qtbot, tmp_path)
    calls = reported(window)
    _fail_once(monkeypatch, importer, "import_paths")
    window.import_paths([FILES[0]], show_dialog=True)
    assert "injected failure in import_paths" in _error_box(qtbot, window)
    assert calls == [(RuntimeError, True)]
    assert not window.imports.busy() and window.imports.dialog is None
    summary = import_and_wait(qtbot, window, [FILES[0]])
    assert summary.line().startswith("1 imported")


def test_a_failed_search_is_reported_and_the_next_one_runs(
    qtbot, tmp_path, monkeypatch, reported, caplog
):
    from reader.core.search import query

    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [FILES[0]])
    calls = reported(window)
    _fail_once(monkeypatch, query, "search")
    window.run_search("巫溪县总工会")
    shown = _error_box(qtbot, window)
    assert "injected failure in search" in shown and "Traceback" not in shown
    assert "Traceback" in caplog.text and "flaky" in caplog.text  # the worker's frames, logged
    assert calls == [(RuntimeError, True)]
    window.run_search("巫溪县总工会")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=WAIT)


def test_a_failed_export_is_reported_and_the_next_one_runs(qtbot, tmp_path, monkeypatch, reported):
    from reader.core.exchange import exporting
    from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

    window = _annotated_window(qtbot, tmp_path)
    calls = reported(window)
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT):
        dialog = ExportDialog(window.session, ArticleChoice(None, ()), window)
    qtbot.addWidget(dialog)
    _fail_once(monkeypatch, exporting, "write_atomically")
    target = tmp_path / "notes.md"
    with qtbot.waitSignal(dialog.exportEnded, timeout=WAIT) as ended:
        dialog.export_to(target)
    assert ended.args == [False] and not target.exists()
    assert "injected failure" in _error_box(qtbot, window)
    assert calls == [(RuntimeError, True)]
    assert dialog.save.isEnabled() and not dialog.progress.isVisible()
    with qtbot.waitSignal(dialog.exportEnded, timeout=WAIT) as ended:
        dialog.export_to(target)
    assert ended.args == [True] and "唐丽娟" in target.read_text(encoding="utf-8")


def test_a_file_named_for_another_format_is_refused_before_any_work(
    qtbot, tmp_path, monkeypatch, reported
):
    from PySide6.QtWidgets import QFileDialog

    from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

    window = _annotated_window(qtbot, tmp_path)
    calls = reported(window)
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT):
        dialog = ExportDialog(window.session, ArticleChoice(None, ()), window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    target = tmp_path / "notes.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    started = []
    monkeypatch.setattr(dialog, "export_to", started.append)
    dialog.choose_file()
    shown = _error_box(qtbot, window)
    assert "notes.xlsx ends in .xlsx" in shown and "notes.md" in shown
    assert [kind.__name__ for kind, _ in calls] == ["ReaderError"] and started == []
    assert not target.exists()
    other = str(tmp_path / "n.txt")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (other, ""))
    dialog.choose_file()  # a name no other format claims: exported as asked
    assert started == [tmp_path / "n.txt"]


def test_a_failed_preview_is_reported_and_the_next_one_runs(qtbot, tmp_path, monkeypatch, reported):
    from reader.core.exchange import exporting
    from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

    window = _annotated_window(qtbot, tmp_path)
    calls = reported(window)
    _fail_once(monkeypatch, exporting, "collect")
    limits = []
    failing = exporting.collect
    monkeypatch.setattr(
        exporting, "collect", lambda *a, **k: limits.append(k.get("limit")) or failing(*a, **k)
    )
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT):
        dialog = ExportDialog(window.session, ArticleChoice(None, ()), window)
    qtbot.addWidget(dialog)
    assert "injected failure in collect" in _error_box(qtbot, window)
    assert calls == [(RuntimeError, True)]
    with qtbot.waitSignal(dialog.previewShown, timeout=WAIT):
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert "唐丽娟" in dialog.preview.toPlainText()
    assert limits[-1] == 3  # a preview reads the first few articles, not the library


def test_the_preview_and_the_export_run_in_workers(qtbot, tmp_path, monkeypatch):
    from reader.core.exchange import exporting
    from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog

    window = _annotated_window(qtbot, tmp_path)
    threads = []
    original = exporting._renderer  # what the preview and the export both write with

    def renderer(*args, **kwargs):
        threads.append(_on_ui_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(exporting, "_renderer", renderer)
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT):
        dialog = ExportDialog(window.session, ArticleChoice(None, ()), window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.exportEnded, timeout=WAIT):
        dialog.export_to(tmp_path / "notes.md")
    assert threads == [False, False]


def test_a_failed_notes_import_is_reported_and_the_next_one_runs(
    qtbot, tmp_path, monkeypatch, reported
):
    from PySide6.QtWidgets import QFileDialog

    from reader.core.exchange import exporting, notes_import
    from reader.core.notes import annotations as notes
    from reader.ui.dialogs.export_dialog import import_notes_dialog

    window = _annotated_window(qtbot, tmp_path)
    path = tmp_path / "notes.jsonl"
    exporting.write_atomically(
        path, exporting.render("jsonl", exporting.collect(window.library, exporting.ExportFilter()))
    )
    window.annotator.undo_stack.undo()
    calls = reported(window)
    _fail_once(monkeypatch, notes_import, "import_notes")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    import_notes_dialog(window.session, window, window.notes_imported)
    assert "injected failure in import_notes" in _error_box(qtbot, window)
    assert calls == [(RuntimeError, True)]
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT):
        import_notes_dialog(window.session, window, window.notes_imported)
    found = notes.for_article(window.library, window.reader.article.id)
    assert [a.quote for a in found] == ["唐丽娟"]


def test_a_failed_jieba_load_is_reported_and_the_next_one_runs(
    qtbot, tmp_path, monkeypatch, reported
):
    from reader.core.notes import words

    window = make_window(qtbot, tmp_path)
    calls = reported(window)
    _fail_once(monkeypatch, words, "load")
    window.load_words()
    assert "injected failure in load" in _error_box(qtbot, window)
    assert calls == [(RuntimeError, True)]
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT):
        window.load_words()
    assert window.reader.pane.word_spans is words.word_spans


def _annotated_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [FILES[0]])
    window.open_article(window.tree_model.article_ids()[0], 0)
    text = window.reader.article.text
    start = text.index("唐丽娟")
    window.reader.pane.select_offsets(start, start + 3)
    window.annotator.tag("人物")
    return window


# --- what never runs on the UI thread ------------------------------------------------------
def test_parsing_never_runs_on_the_ui_thread_during_an_import(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    threads = []
    original = importer.parse_text

    def watched(*args, **kwargs):
        threads.append(_on_ui_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(importer, "parse_text", watched)
    import_and_wait(qtbot, window, FILES)
    assert threads and not any(threads)


def test_search_runs_in_a_worker_and_does_not_wait_for_a_running_import(
    qtbot, tmp_path, monkeypatch
):
    """The import holds the write lock on its second file; the first file's articles are
    stored but not indexed yet. The search finds them anyway, without writing."""
    from reader.core.ingest import batch
    from reader.core.search import query

    monkeypatch.setattr(batch, "BATCH_BYTES", 1)  # each file committed (not a few together)
    window = make_window(qtbot, tmp_path)
    gate, stored = threading.Event(), []
    original_store = importer._store_new

    def store(*args, **kwargs):  # inside the second file's transaction: wait
        stored.append(1)
        if len(stored) == 2:
            assert gate.wait(WAIT / 1000)
        return original_store(*args, **kwargs)

    monkeypatch.setattr(importer, "_store_new", store)
    threads = []
    original_search = query.search

    def search(*args, **kwargs):
        threads.append(_on_ui_thread())
        return original_search(*args, **kwargs)

    monkeypatch.setattr(query, "search", search)
    try:
        with qtbot.waitSignal(window.imports.finished, timeout=WAIT):
            window.import_paths([FILES[0], FILES[4]], show_dialog=False)
            qtbot.waitUntil(lambda: len(stored) == 2, timeout=WAIT)
            window.show_search()
            window.search_panel.query.setText("巫溪县总工会")
            qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=WAIT)
            assert window.imports.busy()  # the import is still holding its transaction
            gate.set()
    finally:
        gate.set()
    # the search, then the same query again once the import finished: never on the UI thread
    assert threads[:1] == [False] and not any(threads)


def test_refused_files_are_named_with_their_reasons_in_a_box_wide_enough(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text("# 好稿\n\n正文。\n", encoding="utf-8")
    for n in range(7):
        (folder / f"bad{n}.txt").write_bytes(b"\x00\x01\x02" * 50)
    with qtbot.waitSignal(window.imports.finished, timeout=WAIT):
        window.import_paths([folder], show_dialog=False)

    def box():
        found = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: box() is not None)
    shown = box()
    text = shown.informativeText()
    assert text.startswith("1 imported, 0 unchanged, 0 updated, 7 refused")
    assert "bad0.txt: it looks like a binary file, not text" in text
    assert str(folder) not in text  # names here, paths in the details
    assert text.rstrip().endswith("… and 2 more (Show Details…)")
    assert shown.detailedText().count(str(folder)) == 7
    assert shown.width() >= 460
    shown.close()


def test_the_window_stays_usable_while_an_import_runs_and_another_library_opens(
    qtbot, tmp_path, monkeypatch
):
    from PySide6.QtCore import Qt as QtNS

    from reader.core.library.store import open_library

    window = make_window(qtbot, tmp_path)
    other = tmp_path / "other.sqlite3"
    page = tmp_path / "another.md"
    page.write_text("# 另一个文库\n\n正文一段。\n", encoding="utf-8")
    with open_library(other) as second:
        importer.import_paths(second, [page])
    gate, stored = threading.Event(), []
    original_store = importer._store_new

    def store(*args, **kwargs):  # the first file waits, inside the import's transaction
        stored.append(1)
        if len(stored) == 1:
            assert gate.wait(WAIT / 1000)
        return original_store(*args, **kwargs)

    monkeypatch.setattr(importer, "_store_new", store)
    first_library = window.library_path
    try:
        window.import_paths([FILES[0]], show_dialog=True)
        qtbot.waitUntil(lambda: len(stored) == 1, timeout=WAIT)
        dialog = window.imports.dialog
        assert dialog is not None
        assert dialog.windowModality() == QtNS.WindowModality.NonModal  # the window is usable
        assert window.open_library_at(other, create=False)  # another library, meanwhile
        with qtbot.waitSignal(window.imports.finished, timeout=WAIT):
            gate.set()
    finally:
        gate.set()
    assert window.library_path == other
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > 0, timeout=WAIT)
    # the new library's tree, not the import's outline of the first one
    titles = [
        window.tree_model.data(window.tree_model.article_index(i))
        for i in window.tree_model.article_ids()
    ]
    assert titles == ["另一个文库"]
    assert window.status_line.message.text().startswith("Import into " + first_library.name)


def test_an_article_opened_during_an_import_stays_open_after_it(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [FILES[0]])
    ids = window.tree_model.article_ids()
    window.open_article(ids[0])
    gate, stored = threading.Event(), []
    original_store = importer._store_new

    def store(*args, **kwargs):
        stored.append(1)
        if len(stored) == 1:
            assert gate.wait(WAIT / 1000)
        return original_store(*args, **kwargs)

    monkeypatch.setattr(importer, "_store_new", store)
    try:
        window.import_paths([FILES[1]], show_dialog=True)
        qtbot.waitUntil(lambda: len(stored) == 1, timeout=WAIT)
        window.open_article(ids[-1])  # the reader reads on while the files go in
        with qtbot.waitSignal(window.imports.finished, timeout=WAIT):
            gate.set()
    finally:
        gate.set()
    qtbot.wait(100)  # the new article would open a turn later
    assert window.reader.article.id == ids[-1]
    assert len(window.tree_model.article_ids()) > len(ids)  # the import landed
