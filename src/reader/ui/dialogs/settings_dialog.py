"""Settings: the annotator's name, word snapping, and the user dictionary (Words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

    def __init__(self, session: Session, annotator_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._session = session
        self.annotator = QLineEdit(annotator_name, self)
        self.snap = QCheckBox(self.tr("Snap selections to whole words"), self)
        self.snap.setChecked(session.settings.text("snapToWords", "false") == "true")
        self.words = QPlainTextEdit(self)
        self.words.setPlaceholderText("红岩红医\n新业态劳动者")
        if session.library is not None:
            self.words.setPlainText("\n".join(tagset.user_words(session.library)))
        form = QFormLayout()
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow("", self.snap)
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
