"""The page an empty library shows: open the samples, or import files."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    samplesRequested = Signal()
    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Reader"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self._idle_text = self.tr(
            "This library is empty. Open the sample newspaper articles to look around, "
            "or import your own .txt and .md files — you can also drop files and folders "
            "onto this window."
        )
        self.text = text = QLabel(self._idle_text, self)
        text.setWordWrap(True)
        text.setMaximumWidth(520)  # narrower windows wrap it sooner
        text.setMinimumWidth(240)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # centred by stretches, not by an alignment flag: a wrapped label placed with one
        # is given its one-line height and cut (the last sentence was never seen)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(text, 4)
        centred.addStretch(1)
        self.samples = QPushButton(self.tr("Open the sample articles"), self)
        self.import_files = QPushButton(self.tr("Import files…"), self)
        for button in (self.samples, self.import_files):
            button.setMinimumWidth(220)
            button.setMinimumHeight(36)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(centred)
        for widget in (self.samples, self.import_files):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.samples.clicked.connect(self.samplesRequested)
        self.import_files.clicked.connect(self.importRequested)

    def set_busy(self, busy: bool) -> None:
        """An import is running (the samples at a first start): the page says so and
        offers nothing, instead of buttons that vanish under the reader's click."""
        self.text.setText(
            self.tr("Importing… the first article opens as soon as it is in.")
            if busy
            else self._idle_text
        )
        for button in (self.samples, self.import_files):
            button.setEnabled(not busy)
            # hidden, not just greyed out, but keeping its room: the page does not jump
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
            button.setVisible(not busy)
