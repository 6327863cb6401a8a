"""The window's own keys win over a text field's editing keys that few people use.

On Linux (X11, and Wayland alike) a ``QLineEdit`` takes Ctrl+U (delete the whole line)
and Ctrl+E (go to the line's end), Emacs keys, for itself: pressed in the find bar,
the search field or the tree's filter, Show source cleared the typed text and Export
notes did nothing. Field keys people do use (copy, paste, undo, select all, Home, End)
are not window keys and stay the field's.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget


class WindowKeysFirst(QObject):
    """Lets ``actions``' shortcuts through a field's ShortcutOverride (Qt asks the field
    with focus first whether it wants a key; a field that says no leaves it to them)."""

    def __init__(self, actions: Iterable[QAction], parent: QObject) -> None:
        super().__init__(parent)
        self._actions = tuple(actions)
        self.fields: list[QLineEdit] = []  # watched

    def watch(self, root: QWidget) -> None:
        """Every line edit inside ``root`` now (combo boxes' included)."""
        for edit in root.findChildren(QLineEdit):
            edit.installEventFilter(self)
            self.fields.append(edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            for action in self._actions:
                if action.isEnabled() and pressed in action.shortcuts():
                    event.ignore()  # not the field's: the window's shortcut runs
                    return True
        return False
