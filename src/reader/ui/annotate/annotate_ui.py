"""Ways to annotate from the pane: context menu, keys 1–9/H/N/Delete, a floating bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QToolButton,
    QWidget,
)

from reader.core.notes import tags as tagset
from reader.core.notes.vocab import PALETTE
from reader.ui.names import Names

if TYPE_CHECKING:
    from reader.ui.annotate.annotator import Annotator
    from reader.ui.reading.reader_view import ReaderView


def colour_icon(hex_colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(hex_colour))
    return QIcon(pixmap)


class AnnotateUi(QWidget):
    """Not shown itself: holds the menu builders, the shortcuts and the floating bar."""

    def __init__(self, annotator: Annotator, reader: ReaderView) -> None:
        super().__init__(reader)
        self.hide()
        self.annotator = annotator
        self.pane = pane = reader.pane
        pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.customContextMenuRequested.connect(self.context_menu)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key in tagset.SHORTCUTS:
            QShortcut(QKeySequence(key), pane, lambda k=key: annotator.tag_key(k), context)
        QShortcut(QKeySequence("H"), pane, lambda: annotator.highlight(), context)
        QShortcut(QKeySequence("N"), pane, self.ask_note, context)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            pane,
            annotator.delete_under_cursor,
            context,
        )
        self.bar = FloatingBar(self, pane.viewport())
        pane.selectionSettled.connect(self.show_bar)
        pane.selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        if not self.pane.textCursor().hasSelection():
            self.bar.hide()

    def show_bar(self) -> None:
        pane = self.pane
        rect = pane.cursorRect(pane.textCursor())
        x = min(
            max(4, rect.left() - self.bar.width() // 2),
            pane.viewport().width() - self.bar.width() - 4,
        )
        y = rect.bottom() + 6
        if y + self.bar.height() > pane.viewport().height():
            y = max(4, rect.top() - self.bar.height() - 6)
        self.bar.move(QPoint(x, y))
        self.bar.show()
        self.bar.raise_()

    def ask_note(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.pane, self.tr("Note"), self.tr("Note on the passage:")
        )
        if ok and text.strip():
            self.annotator.note(text.strip())

    def ask_tag(self) -> None:
        names = [t.name for t in tagset.list_tags(self.annotator.library)]
        name, ok = QInputDialog.getItem(
            self.pane, self.tr("Tag"), self.tr("Tag (type to create a new one):"), names, 0, True
        )
        if ok and name.strip():
            self.annotator.tag(name.strip())

    def fill_menu(self, menu: QMenu) -> None:
        annotator = self.annotator
        colours = menu.addMenu(self.tr("Highlight"))
        names = Names()
        for colour in PALETTE:
            action = colours.addAction(colour_icon(colour.light), names.colour(colour.name))
            action.triggered.connect(lambda _=False, c=colour.name: annotator.highlight(c))
        tag_menu = menu.addMenu(self.tr("Tag"))
        for item in tagset.list_tags(annotator.library):
            label = f"{item.name}\t{item.shortcut}" if item.shortcut else item.name
            action = tag_menu.addAction(colour_icon(item.color), label)
            action.triggered.connect(lambda _=False, n=item.name: annotator.tag(n))
        tag_menu.addSeparator()
        tag_menu.addAction(self.tr("New tag…")).triggered.connect(self.ask_tag)
        menu.addAction(self.tr("Add note…") + "\tN").triggered.connect(self.ask_note)
        menu.addAction(self.tr("Delete annotation") + "\tDel").triggered.connect(
            annotator.delete_under_cursor
        )

    def context_menu(self, pos: QPoint) -> None:
        pane = self.pane
        if pane.article is None:
            return
        menu = QMenu(pane)
        self.fill_menu(menu)
        menu.addSeparator()
        menu.addAction(self.tr("Copy")).triggered.connect(pane.copy)
        menu.exec(pane.viewport().mapToGlobal(pos))


class FloatingBar(QFrame):
    """A small bar beside a fresh selection: colours, tag, note."""

    def __init__(self, owner: AnnotateUi, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("annotateBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        annotator = owner.annotator
        for colour in PALETTE[:6]:
            button = QToolButton(self)
            button.setIcon(colour_icon(colour.light))
            button.setToolTip(Names().colour(colour.name))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, c=colour.name: self._apply(annotator, c))
            layout.addWidget(button)
        for text, tip, slot in (
            ("#", self.tr("Tag…"), owner.ask_tag),
            ("✎", self.tr("Note…"), owner.ask_note),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, s=slot: self._then(s))
            layout.addWidget(button)
        self.adjustSize()
        self.hide()

    def _apply(self, annotator: Annotator, colour: str) -> None:
        self.hide()
        annotator.highlight(colour)

    def _then(self, slot: Callable[[], None]) -> None:
        self.hide()
        slot()
