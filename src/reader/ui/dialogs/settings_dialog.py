"""Settings: the annotator's name, word snapping, theme, language, and the user
dictionary (Words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.notes import tags as tagset

if TYPE_CHECKING:
    from reader.ui.session import Session


class SettingsDialog(QDialog):
    """Saves the settings and the library's words; says what changed through signals."""

    snapChanged = Signal(bool)
    wordsChanged = Signal(list, list)  # added, removed
    themeChosen = Signal(str)  # "light" or "dark"
    languageChosen = Signal(str)  # "system", "en" or "zh_CN"

    def __init__(self, session: Session, annotator_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._session = session
        self.annotator = QLineEdit(annotator_name, self)
        self.snap = QCheckBox(self.tr("Snap selections to whole words"), self)
        self.snap.setChecked(session.settings.text("snapToWords", "false") == "true")
        settings = session.settings
        self.theme = QComboBox(self)
        for code, label in (("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme.addItem(label, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.text("theme", "light"))))
        self.language = QComboBox(self)
        for code, label in (
            ("system", self.tr("System")),
            ("en", "English"),
            ("zh_CN", "简体中文"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(settings.text("language", "system")))
        )
        restart = QLabel(self.tr("A new language shows when Reader restarts."), self)
        restart.setEnabled(False)  # a note, in the muted colour
        self.words = QPlainTextEdit(self)
        self.words.setPlaceholderText("红岩红医\n新业态劳动者")
        if session.library is not None:
            self.words.setPlainText("\n".join(tagset.user_words(session.library)))
        form = QFormLayout()
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow("", self.snap)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", restart)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Words (one a line; kept in the library):"), self))
        layout.addWidget(self.words)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 420)

    def accept(self) -> None:
        session, library = self._session, self._session.library
        session.settings.set("annotator", self.annotator.text().strip())
        session.settings.set("snapToWords", "true" if self.snap.isChecked() else "false")
        self.snapChanged.emit(self.snap.isChecked())
        if self.theme.currentData() != session.settings.text("theme", "light"):
            self.themeChosen.emit(self.theme.currentData())
        if self.language.currentData() != session.settings.text("language", "system"):
            self.languageChosen.emit(self.language.currentData())
        if library is not None:
            wanted = {w.strip() for w in self.words.toPlainText().splitlines() if w.strip()}
            current = set(tagset.user_words(library))
            try:
                for word in sorted(wanted - current):
                    tagset.add_user_word(library, word)
                for word in sorted(current - wanted):
                    tagset.remove_user_word(library, word)
            except ReaderError as exc:
                session.errors.report(exc)
                return
            self.wordsChanged.emit(sorted(wanted), sorted(current - wanted))
        super().accept()
