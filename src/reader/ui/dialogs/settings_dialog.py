"""Settings: the annotator's name, word snapping, and the user dictionary (Words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from reader.core.errors import ReaderError
from reader.core.notes import tags as tagset

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


class SettingsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.window_ = window
        self.annotator = QLineEdit(window.annotator.annotator, self)
        self.snap = QCheckBox(self.tr("Snap selections to whole words"), self)
        self.snap.setChecked(window.settings.text("snapToWords", "false") == "true")
        self.words = QPlainTextEdit(self)
        self.words.setPlaceholderText("红岩红医\n新业态劳动者")
        if window.library is not None:
            self.words.setPlainText("\n".join(tagset.user_words(window.library)))
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
        window = self.window_
        window.settings.set("annotator", self.annotator.text().strip())
        window.settings.set("snapToWords", "true" if self.snap.isChecked() else "false")
        window.reader.pane.snap_to_words = self.snap.isChecked()
        if window.library is not None:
            wanted = {w.strip() for w in self.words.toPlainText().splitlines() if w.strip()}
            current = set(tagset.user_words(window.library))
            try:
                for word in sorted(wanted - current):
                    tagset.add_user_word(window.library, word)
                for word in sorted(current - wanted):
                    tagset.remove_user_word(window.library, word)
            except ReaderError as exc:
                window.errors.report(exc)
                return
            window.apply_user_words(wanted, current - wanted)
        super().accept()
