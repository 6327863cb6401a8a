"""Window keys reach the window from a text field that would take them for editing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from reader.ui.window.window_keys import WindowKeysFirst

EDITING = (QKeySequence("Ctrl+U"), QKeySequence("Ctrl+E"), QKeySequence("Ctrl+A"))


class _X11LineEdit(QLineEdit):
    """A line edit as X11 has it: Ctrl+U deletes the line, Ctrl+E goes to its end, and
    it claims them (and select all) before any window shortcut (offscreen Qt does not)."""

    def event(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().event(event)
        pressed = QKeySequence(event.keyCombination())
        if event.type() == QEvent.Type.ShortcutOverride and pressed in EDITING:
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and pressed == QKeySequence("Ctrl+U"):
            self.clear()
            return True
        return super().event(event)


def _window(qtbot, watched: bool):
    window = QWidget()
    qtbot.addWidget(window)
    edit = _X11LineEdit(window)
    QVBoxLayout(window).addWidget(edit)
    hits = {"source": [], "export": [], "select": []}
    actions = []
    for name, key in (("source", "Ctrl+U"), ("export", "Ctrl+E"), ("select", "Ctrl+A")):
        action = QAction(name, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, n=name: hits[n].append(1))
        window.addAction(action)
        actions.append(action)
    if watched:
        WindowKeysFirst(actions[:2], window).watch(window)  # select all stays the field's
    window.show()
    qtbot.waitExposed(window)
    edit.setText("巫溪")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return window, edit, hits, actions


def test_without_it_the_field_takes_the_keys(qtbot):
    _keep, edit, hits, _ = _window(qtbot, watched=False)
    qtbot.keyClick(edit, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert hits == {"source": [], "export": [], "select": []} and edit.text() == ""


def test_with_it_the_window_gets_its_keys_and_the_text_is_kept(qtbot):
    _keep, edit, hits, actions = _window(qtbot, watched=True)
    qtbot.keyClick(edit, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert hits == {"source": [1], "export": [1], "select": []} and edit.text() == "巫溪"
    actions[0].setEnabled(False)  # a disabled action's key goes back to the field
    qtbot.keyClick(edit, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert hits["source"] == [1] and edit.text() == ""


def test_the_window_watches_its_fields(qtbot, tmp_path):
    from ui_helpers import make_window

    window = make_window(qtbot, tmp_path)
    edits = [window.library_tree.filter_edit, window.reader.find_bar.edit]
    edits.append(window.search_panel.findChild(QLineEdit))
    (keys,) = window.findChildren(WindowKeysFirst)
    assert all(edit in keys.fields for edit in edits)
    for key in (Qt.Key.Key_U, Qt.Key.Key_E):  # Show source, Export notes
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.ControlModifier)
        assert keys.eventFilter(edits[0], event) is True and not event.isAccepted()
