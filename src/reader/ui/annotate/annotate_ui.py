"""Ways to annotate from the pane: context menu, keys 1–9/H/N/Delete, a floating bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QKeySequence, QPixmap, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QToolButton,
    QWidget,
)

from reader.core.notes import tags as tagset
from reader.core.notes.vocab import COLOURS, PALETTE
from reader.ui.annotate.note_editor import NoteEditor
from reader.ui.names import Names
from reader.ui.theme import LIGHT, Theme

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
        self.note_editor: NoteEditor | None = None
        self.dark = False
        pane.selectionSettled.connect(self.show_bar)
        pane.selectionChanged.connect(self._selection_changed)
        pane.installEventFilter(self)  # Esc dismisses the bar
        annotator.unboundKey.connect(self.ask_bind)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.pane
            and self.bar.isVisible()
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()  # ours before any Esc shortcut around the pane
            if event.type() == QEvent.Type.KeyPress:
                self.bar.hide()
            return True
        return False

    def set_theme(self, theme: Theme) -> None:
        self.bar.set_theme(theme)
        self.dark = theme.name == "dark"  # the menus' swatches: the fills the page shows

    def passage_rect(self) -> QRect:
        """The selection's box in the pane's viewport: its lines, or the word on one line."""
        pane = self.pane
        cursor = pane.textCursor()
        start, end = QTextCursor(cursor), QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        first, last = pane.cursorRect(start), pane.cursorRect(end)
        if first.top() == last.top():
            return QRect(first.topLeft(), last.bottomRight()).normalized()
        width = pane.viewport().width()
        return QRect(0, first.top(), width, last.bottom() - first.top())

    def _selection_changed(self) -> None:
        if not self.pane.textCursor().hasSelection():
            self.bar.hide()

    def show_bar(self) -> None:
        """Above the selection (the line below stays readable), or below it at the top."""
        pane = self.pane
        passage = self.passage_rect()
        rect = pane.cursorRect(pane.textCursor())
        x = min(
            max(4, rect.left() - self.bar.width() // 2),
            pane.viewport().width() - self.bar.width() - 4,
        )
        y = passage.top() - self.bar.height() - 4
        if y < 0:
            y = passage.bottom() + 4
        self.bar.move(QPoint(max(4, x), y))
        self.bar.show()
        self.bar.raise_()

    def ask_note(self) -> None:
        """The note popup beside the passage, with its quote; the note under the cursor
        when nothing is selected."""
        pane = self.pane
        if pane.article is None:
            return
        self.bar.hide()
        quote, note = pane.textCursor().selectedText().replace("\u2029", "\n"), ""
        current = self.annotator.same_span() if quote else self.annotator.under_cursor()
        if current is not None:  # its note, to edit
            quote, note = current.quote, current.note
        elif not quote:
            return
        editor = NoteEditor(quote, note, pane)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self.annotator.note)
        self.note_editor = editor
        editor.destroyed.connect(lambda: setattr(self, "note_editor", None))
        passage = self.passage_rect()
        top_left = pane.viewport().mapToGlobal(passage.topLeft())
        screen = pane.screen().availableGeometry()
        inside = pane.window().geometry().intersected(screen)  # in the window, if it fits
        fits = inside.width() >= 2 * editor.width() and inside.height() >= 2 * editor.height()
        editor.place_beside(QRect(top_left, passage.size()), inside if fits else screen)
        editor.open()

    def ask_bind(self, key: str) -> None:
        """Key ``key`` has no tag: name one to create (or take) and bind to it."""
        name, ok = QInputDialog.getText(
            self.pane,
            self.tr("Bind key %1").replace("%1", key),
            self.tr("No tag is bound to the key %1. Tag to bind to it:").replace("%1", key),
        )
        if ok and name.strip():
            self.annotator.bind_new_tag(key, name.strip())

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
            fill = colour.dark if self.dark else colour.light
            action = colours.addAction(colour_icon(fill), names.colour(colour.name))
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
        self.swatches: list[tuple[QToolButton, str]] = []
        for colour in PALETTE:
            button = QToolButton(self)
            button.setIcon(colour_icon(colour.light))
            button.setToolTip(  # the keys, where they are first looked for
                self.tr("Highlight in %1 (H: the last colour)").replace(
                    "%1", Names().colour(colour.name)
                )
            )
            self.swatches.append((button, colour.name))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, c=colour.name: self._apply(annotator, c))
            layout.addWidget(button)
        for text, tip, slot in (
            ("#", self.tr("Tag… (keys 1–9: the tags bound to them)"), owner.ask_tag),
            ("✎", self.tr("Note… (N)"), owner.ask_note),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, s=slot: self._then(s))
            layout.addWidget(button)
        self.set_theme(LIGHT)
        self.adjustSize()
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        """The window's colour with a rule round it: never the page's, so it reads as a
        bar over the text; swatches show the fills this theme draws."""
        self.setStyleSheet(
            f"QFrame#annotateBar {{ background: {theme.window}; border: 1px solid {theme.rule};"
            f" border-radius: 4px; }} QFrame#annotateBar QToolButton {{ color: {theme.ink}; }}"
        )
        for button, name in self.swatches:
            colour = COLOURS[name]
            button.setIcon(colour_icon(colour.dark if theme.name == "dark" else colour.light))

    def _apply(self, annotator: Annotator, colour: str) -> None:
        self.hide()
        annotator.highlight(colour)

    def _then(self, slot: Callable[[], None]) -> None:
        self.hide()
        slot()
