"""The Chinese UI has no English left: every visible string of the window and dialogs."""

from __future__ import annotations

import getpass
import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from conftest import SEEDS
from ui_helpers import import_and_wait, make_window

ALLOWED = (
    "Markdown",
    "CSV",
    "HTML",
    "JSON",
    "JSON Lines",
    "Word",
    "Excel",
    "Obsidian",
    "Hypothesis",
    ".xlsx",
    "W3C",
    "Noto Serif CJK SC",
    "Reader",
    ".txt",
    ".md",
    ".docx",
    "JSON-LD",
    "English",
    "sqlite3",
    "pt",
    "Ctrl",
    "Shift",
    "Del",
    "Esc",
    "Enter",
    "PgDown",
    "PgUp",
    "Cohen",  # the agreement measures' names: Cohen's κ, Krippendorff's α
    "Krippendorff",
)
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def english_in(text: str) -> list[str]:
    """Words of 3+ ASCII letters that are not names (formats, fonts, keys)."""
    text = text.replace("&", "")
    for name in sorted(ALLOWED, key=len, reverse=True):
        text = text.replace(name, " ")
    return ENGLISH.findall(text)


def _model_strings(model: QAbstractItemModel, parent: QModelIndex, where: str) -> list[tuple]:
    found = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models hide it: one column, no header
        return found
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(header, str):
            found.append((f"{where} header", header))
    return found


def visible_strings(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a user can see on ``root`` and its children."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = f"{type(widget).__name__}({widget.objectName()})"
        found.append((f"{name} tooltip", widget.toolTip()))
        found.append((f"{name} title", widget.windowTitle() if widget.isWindow() else ""))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((name, widget.text()))
        if isinstance(widget, QLineEdit):
            found.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QDockWidget):
            found.append((name, widget.windowTitle()))
        if isinstance(widget, QAbstractSpinBox):
            found.append((f"{name} suffix", getattr(widget, "suffix", lambda: "")()))
        if isinstance(widget, QTabWidget):
            found += [(name, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox) and widget.objectName() not in (
            "fontChooser",
            "lookInCombo",
        ):
            found += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += _model_strings(widget.model(), QModelIndex(), name)
        for action in widget.actions():
            found += _action_strings(action, name)
    return [(where, text) for where, text in found if text]


def _action_strings(action, where: str, seen: set | None = None) -> list[tuple[str, str]]:
    seen = set() if seen is None else seen
    if id(action) in seen:
        return []
    seen.add(id(action))
    found = [(f"{where} action", action.text()), (f"{where} action tip", action.toolTip())]
    menu = action.menu()
    if isinstance(menu, QMenu):
        menu.aboutToShow.emit()  # menus filled when they open
        found.append((f"{where} menu", menu.title()))
        for child in menu.actions():
            found += _action_strings(child, f"{where} > {menu.title()}", seen)
    return found


def _without(text: str, parts: tuple[str, ...]) -> str:
    for part in parts:
        text = text.replace(part, " ")
    return text


def english_left(root: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_strings(root) if english_in(text)]


def test_the_detector_finds_english():
    assert english_in("导出批注") == []
    assert english_in("格式：Markdown（JSON Lines）12 pt") == []
    assert english_in("Export notes…") == ["Export", "notes"]
    assert english_in("Unread 未读") == ["Unread"]


def _team_views(qtbot, window, article: int) -> list[QWidget]:
    """The Team menu's views on two annotators' work: agreement, adjudication, charts."""
    from reader.core.notes import annotations as notes

    for who, spans in (("甲", [(0, 4), (10, 20)]), ("乙", [(0, 4), (11, 20), (30, 33)])):
        for start, end in spans:
            notes.create(window.library, article, start, end, tags=["人物"], annotator=who)
    team = window.team
    agreement = team.open_agreement()
    with qtbot.waitSignal(agreement.shown, timeout=60_000):
        pass
    charts = team.open_charts()
    with qtbot.waitSignal(charts.shown, timeout=60_000):
        pass
    team.adjudicate_current()
    return [team.agreement_dock, charts, team.dock]


def test_no_english_left_in_chinese(qtbot, qapp, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from reader.core.notes import tags as tagset
    from reader.ui.annotate.note_editor import NoteEditor
    from reader.ui.annotate.tag_manager import TagManager
    from reader.ui.dialogs.export_dialog import ArticleChoice, ExportDialog
    from reader.ui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        window = make_window(qtbot, tmp_path, library=tmp_path / "文库.sqlite3")
        import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
        article = window.reader.article.id
        tagset.save_tag(window.library, "人物", shortcut="1")
        pane = window.reader.pane
        pane.select_offsets(0, 4)
        qtbot.keyClick(pane, Qt.Key.Key_1)
        pane.select_offsets(5, 9)
        qtbot.keyClick(pane, Qt.Key.Key_H)
        window.review.ui.show_bar()
        left = english_left(window)
        window.review.panel.library_scope.setChecked(True)
        left += english_left(window)
        export = ExportDialog(window.session, ArticleChoice(article, (article,)), window)
        with qtbot.waitSignal(export.previewShown, timeout=20_000):
            pass
        preview = export.preview.toPlainText()  # Markdown: its labels in the UI's language
        assert "- 来源：" in preview or "- 来源: " in preview, preview
        assert "审阅状态" in preview and "颜色: 黄色" in preview and "Source" not in preview
        dialogs = [export, window.open_settings(), TagManager(window.session, window)]
        dialogs += _team_views(qtbot, window, article)
        window.imports.start(window.library_path, [SEEDS], show_dialog=True)
        dialogs.append(window.imports.dialog)
        dialogs.append(QInputDialog(window))  # new tag, bind a key, retag
        dialogs.append(NoteEditor("唐丽娟", "", window))
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            files = QFileDialog(window, "", str(tmp_path))
            files.setOption(QFileDialog.Option.DontUseNativeDialog)
            files.setAcceptMode(mode)
            dialogs.append(files)
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            left += english_left(dialog)
        window.imports.wait()
        data = (str(tmp_path), getpass.getuser())  # a path, the annotator's name
        left = [(w, t) for w, t in left if english_in(_without(t, data))]
        report = "\n".join(sorted({f"{w}: {t}" for w, t in left}))
        assert report == "", report
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_no_button_label_is_cut_in_chinese_at_1000_by_700(qtbot, qapp, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from reader.core.notes import tags as tagset
    from reader.ui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        window = make_window(qtbot, tmp_path)
        import_and_wait(qtbot, window, [SEEDS / "000_b7740f99fc43d814.txt"])
        tagset.save_tag(window.library, "人物", shortcut="1")
        window.reader.pane.select_offsets(0, 4)
        qtbot.keyClick(window.reader.pane, Qt.Key.Key_1)  # the panel lists, with its buttons
        window.show_search()
        window.resize(1000, 700)
        qtbot.waitUntil(lambda: window.width() == 1000 and window.height() == 700)
        qtbot.wait(300)  # the room is made over a few turns
        cut = [
            (b.text(), b.width())
            for b in window.findChildren(QPushButton)
            if b.isVisible() and b.text()
            and b.width() < b.fontMetrics().horizontalAdvance(b.text().replace("&", "")) + 8
        ]  # fmt: skip
        assert cut == []
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
