"""Retag: the tags of one annotation or several, each tag a check box.

A box is checked when every chosen annotation has the tag, unchecked when none
has it, and partly checked when some have it: left so, each annotation keeps
what it had. A name typed in the field below adds a new tag (spaces and all).
Only what the reader changed is applied, so nothing is lost by pressing OK.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.ui.annotate.annotate_ui import colour_icon


def retagged(tags: Sequence[str], added: Sequence[str], removed: set[str]) -> list[str]:
    """An annotation's tags after a retag: its own in their order, less those removed,
    then those added that it lacked."""
    kept = [t for t in tags if t not in removed]
    return kept + [t for t in added if t not in kept]


class RetagDialog(QDialog):
    def __init__(
        self,
        names: Sequence[str],
        present: Sequence[Sequence[str]],
        parent: QWidget | None,
        colours: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retag"))
        self._counts = {name: sum(name in tags for tags in present) for name in names}
        for tags in present:  # a tag an annotation has that the tag set lacks: listed too
            for name in tags:
                self._counts.setdefault(name, sum(name in t for t in present))
        self._whole = len(present)
        self.boxes: dict[str, QCheckBox] = {}
        inner = QWidget()
        column = QVBoxLayout(inner)
        for name, count in self._counts.items():
            box = QCheckBox(name, inner)
            if colours and name in colours:
                box.setIcon(colour_icon(colours[name]))
            if 0 < count < self._whole:
                box.setTristate(True)
                box.setCheckState(Qt.CheckState.PartiallyChecked)
                box.setToolTip(self.tr("Some of them have it: left so, each keeps its own"))
            else:
                box.setChecked(count > 0)
            column.addWidget(box)
            self.boxes[name] = box
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.new_tag = QLineEdit(self)
        self.new_tag.setPlaceholderText(self.tr("New tag"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tags of the %n chosen annotation(s):", "", self._whole)))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.new_tag)
        layout.addWidget(buttons)
        if self.boxes:
            next(iter(self.boxes.values())).setFocus()

    def changes(self) -> tuple[list[str], set[str]]:
        """(tags to add, in the list's order, the new one last; tags to remove)."""
        added, removed = [], set()
        for name, box in self.boxes.items():
            state = box.checkState()
            if state == Qt.CheckState.Checked and self._counts[name] < self._whole:
                added.append(name)
            elif state == Qt.CheckState.Unchecked and self._counts[name] > 0:
                removed.add(name)
        new = " ".join(self.new_tag.text().split())
        if new:
            removed.discard(new)
            if new not in added and self._counts.get(new, 0) < self._whole:
                added.append(new)
        return added, removed
