"""Strings of Qt's own widgets that the Chinese catalogue shipped with Qt
(``qtbase_zh_CN.qm``) lacks: its file dialog labels changed after it was last
translated. Listed here so ``pyside6-lupdate`` puts them, in Qt's own contexts, in
Reader's catalogue, which is installed after Qt's and so is asked first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
