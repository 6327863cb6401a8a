"""An Obsidian export from the window replaces notes already in the vault only when asked."""

from PySide6.QtWidgets import QMessageBox

from conftest import SEEDS
from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog
from ui_helpers import import_and_wait, make_window

WAIT = 20_000


def _dialog(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
    window.open_article(window.tree_model.article_ids()[0], 0)
    text = window.reader.article.text
    start = text.index("唐丽娟")
    window.reader.pane.select_offsets(start, start + 3)
    window.annotator.tag("人物")
    with qtbot.waitSignal(window.jobs.finished, timeout=WAIT):
        dialog = ExportDialog(window.session, ArticleChoice(None, ()), window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("obsidian"))
    return dialog


def test_notes_changed_in_the_vault_are_replaced_only_when_the_reader_agrees(
    qtbot, tmp_path, monkeypatch
):
    dialog = _dialog(qtbot, tmp_path)
    vault = tmp_path / "vault"
    with qtbot.waitSignal(dialog.exportEnded, timeout=WAIT) as ended:
        dialog.export_to(vault)  # a new folder: nothing to ask
    assert ended.args == [True]
    [note] = [p for p in vault.iterdir() if p.suffix == ".md"]
    edited = note.read_text(encoding="utf-8") + "\n我的个人笔记：很重要\n"
    note.write_text(edited, encoding="utf-8")
    (vault / "mine.md").write_text("自己的", encoding="utf-8")
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply

        monkeypatch.setattr(QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(dialog.exportEnded, timeout=WAIT) as ended:
        dialog.export_to(vault)
    assert ended.args == [False] and len(asked) == 1 and note.name in asked[0]
    assert note.read_text(encoding="utf-8") == edited  # kept
    assert (
        dialog.save.isEnabled() and dialog.said.text() == "Not exported: the notes there are kept."
    )
    answer(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.exportEnded, timeout=WAIT) as ended:
        dialog.export_to(vault)
    assert ended.args == [True] and len(asked) == 2
    replaced = note.read_text(encoding="utf-8")
    assert "我的个人笔记" not in replaced and "唐丽娟" in replaced
    assert (vault / "mine.md").read_text(encoding="utf-8") == "自己的"  # not Reader's: kept


def test_a_single_file_is_overwritten_as_the_save_dialog_agreed(qtbot, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, tmp_path)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    target = tmp_path / "notes.md"
    target.write_text("旧的", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest_fail())
    with qtbot.waitSignal(dialog.exportEnded, timeout=WAIT) as ended:
        dialog.export_to(target)
    assert ended.args == [True] and "唐丽娟" in target.read_text(encoding="utf-8")


def pytest_fail():
    raise AssertionError("asked again: the save dialog has asked")


def test_a_name_typed_without_a_suffix_gets_the_formats(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    dialog = _dialog(qtbot, tmp_path)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "noext"), "")
    )
    started = []
    monkeypatch.setattr(dialog, "export_to", started.append)
    dialog.choose_file()
    assert started == [tmp_path / "noext.md"]
    (tmp_path / "noext.md").write_text("旧的", encoding="utf-8")  # now it exists: asked first
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    dialog.choose_file()
    assert asked == ["noext.md already exists. Replace it?"] and len(started) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.choose_file()
    assert started == [tmp_path / "noext.md"] * 2


def test_the_window_names_every_column_of_the_sheet(qtbot):
    from reader.core.exchange.csv_format import CSV_COLUMNS
    from reader.ui.names import Names

    labels = Names().export_labels()
    words = [labels[f"column:{name}"] for name in CSV_COLUMNS]
    assert len(set(words)) == len(CSV_COLUMNS) and "Review status" in words
