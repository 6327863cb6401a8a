"""Tag manager: create, rename, merge, delete; colour, key, description; share as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.notes import tags as tagset
from reader.core.notes.tags import Tag
from reader.ui.flat_model import FlatTableModel

if TYPE_CHECKING:
    from reader.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("name", "color", "shortcut", "description", "uses")


class TagsModel(FlatTableModel):
    keyMoved = Signal(str)  # what happened to a key another tag had, said where it is seen
    renamed = Signal()  # a tag's name changed: annotations' tags read otherwise now

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.tags: list[Tag] = []
        self.renamed_to: dict[str, str] = {}  # the last rename, old name to new

    def reload(self) -> None:
        self.beginResetModel()
        library = self._session.library
        self.tags = tagset.list_tags(library) if library is not None else []
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.tags)

    def column_count(self) -> int:
        return len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tag, column = self.tags[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = getattr(tag, column)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DecorationRole and column == "color":
            return QColor(tag.color)
        if role == Qt.ItemDataRole.ToolTipRole and column == "shortcut":
            return self.data_tooltip(column)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._session.library is None:
            return False
        tag, column = self.tags[index.row()], COLUMNS[index.column()]
        text = str(value).strip()
        try:
            if column == "name":
                tagset.save_tag(self._session.library, tag.name, new_name=text)
                self.renamed_to = {tag.name: text}
                if text != tag.name:
                    self.renamed.emit()
            elif column == "shortcut":
                holder = next(
                    (t.name for t in self.tags if text and t.shortcut == text and t is not tag),
                    None,
                )
                tagset.save_tag(self._session.library, tag.name, shortcut=text or None)
                if holder is not None:  # a key is one tag's: it moved, and the reader is told
                    self.keyMoved.emit(
                        self.tr("Key %1 moved from “%2” to “%3”.")
                        .replace("%1", text)
                        .replace("%2", holder)
                        .replace("%3", tag.name)
                    )
            elif column == "description":
                tagset.save_tag(self._session.library, tag.name, description=text)
            else:
                return False
        except ReaderError as exc:
            self._session.errors.report(exc)
            return False
        self.reload()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Tag"),
                self.tr("Colour"),
                self.tr("Key"),
                self.tr("Description"),
                self.tr("Uses"),
            )[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] in ("name", "shortcut", "description"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data_tooltip(self, column: str) -> str:
        return self.tr("Press 1–9 to bind, Delete to unbind") if column == "shortcut" else ""


class KeyCaptureView(QTreeView):
    """On a tag's row, pressing 1–9 binds that key to it; in the Key column, Delete or
    Backspace unbinds. The row stays current when the list is read again."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            key = index.siblingAtColumn(COLUMNS.index("shortcut"))
            text = event.text()
            if text and text in tagset.SHORTCUTS:
                self.model().setData(key, text)
                return
            in_key = COLUMNS[index.column()] == "shortcut"
            if in_key and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.model().setData(key, "")
                return
        super().keyPressEvent(event)


class TagManager(QDialog):
    changed = Signal()  # tags were renamed, merged, recoloured, deleted or imported
    # A tag renamed, merged or deleted: an undo step made before names another tag set,
    # and undoing it would bring the old tag back (the window's undo history is cleared).
    namesChanged = Signal()

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tagManager")
        self.setWindowTitle(self.tr("Tags"))
        self._session = session
        self.model = TagsModel(session, self)
        self.model.reload()
        self.view = KeyCaptureView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("New…"), self.new),
            (self.tr("Colour…"), self.colour),
            (self.tr("Merge into…"), self.merge),
            (self.tr("Delete"), self.delete),
            (self.tr("Export…"), self.export),
            (self.tr("Import…"), self.import_),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.hint = hint = QLabel(self.tr("To bind a key, choose a tag and press 1–9."), self)
        hint.setObjectName("keyHint")
        hint.setWordWrap(True)
        self.model.keyMoved.connect(hint.setText)
        # every change is saved at once: closing is all there is to do
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.button_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.button_box)
        self.resize(720, 420)
        self.model.modelReset.connect(self._changed)
        self.model.dataChanged.connect(self._changed)
        self.model.renamed.connect(self.namesChanged)
        self._kept: tuple[str, int] | None = None  # the current row's tag and column
        self.model.modelAboutToBeReset.connect(self._keep_current)
        self.model.modelReset.connect(self._restore_current)

    def _keep_current(self) -> None:
        index, tag = self.view.currentIndex(), self.current()
        self._kept = (tag.name, index.column()) if tag is not None else None

    def _restore_current(self) -> None:
        """The tag worked on stays current (by name: renamed, by its row)."""
        if self._kept is None:
            return
        name, column = self._kept
        name = self.model.renamed_to.get(name, name)
        self.model.renamed_to = {}
        rows = [t.name for t in self.model.tags]
        old_row = self.view.currentIndex().row()
        row = rows.index(name) if name in rows else min(max(old_row, 0), len(rows) - 1)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, column))

    def _changed(self) -> None:
        self.changed.emit()

    def current(self) -> Tag | None:
        index = self.view.currentIndex()
        return self.model.tags[index.row()] if index.isValid() else None

    def _do(self, action: Any) -> bool:
        try:
            action()
        except ReaderError as exc:
            self._session.errors.report(exc)
            return False
        finally:
            self.model.reload()
        return True

    def new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New tag"), self.tr("Name:"))
        if ok and name.strip():
            self._do(lambda: tagset.save_tag(self._session.require_library(), name.strip()))

    def colour(self) -> None:
        tag = self.current()
        if tag is None:
            return
        chosen = QColorDialog.getColor(QColor(tag.color), self, self.tr("Tag colour"))
        if chosen.isValid():
            self._do(
                lambda: tagset.save_tag(
                    self._session.require_library(), tag.name, color=chosen.name()
                )
            )

    def merge(self) -> None:
        tag = self.current()
        if tag is None:
            return
        others = [t.name for t in self.model.tags if t.name != tag.name]
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge"),
            self.tr("Merge “%1” into:").replace("%1", tag.name),
            others,
            0,
            True,
        )
        if ok and target.strip():
            library = self._session.require_library()
            if self._do(lambda: tagset.merge_tags(library, tag.name, target.strip())):
                self.namesChanged.emit()

    def delete(self) -> None:
        tag = self.current()
        if tag is None:
            return
        if tag.uses:
            answer = QMessageBox.question(
                self,
                self.tr("Delete tag"),
                self.tr(
                    "“%1” is on %n annotation(s). Delete the tag from all of them?", "", tag.uses
                ).replace("%1", tag.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self._do(lambda: tagset.delete_tag(self._session.require_library(), tag.name)):
            self.namesChanged.emit()

    def export(self) -> None:
        settings = self._session.settings
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export tag set"), settings.start_path("tags.json"), "JSON (*.json)"
        )
        if path:
            settings.remember_folder(path)
            self._do(lambda: tagset.write_tagset(self._session.require_library(), Path(path)))

    def import_(self) -> None:
        settings = self._session.settings
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import tag set"), settings.start_folder(), "JSON (*.json)"
        )
        if path:
            settings.remember_folder(path)
            self._do(lambda: tagset.read_tagset(self._session.require_library(), Path(path)))
