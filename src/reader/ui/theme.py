"""Light and dark themes: the window palette and the colours of the typeset article."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)


@dataclass(frozen=True)
class Theme:
    name: str
    paper: str
    ink: str
    muted: str
    accent: str
    rule: str
    find_hit: str  # find and search marks: a saturated fill with their own ink,
    find_current: str  # so they never look like a (pastel, ink-coloured) highlight
    find_ink: str
    source_mark: str
    window: str
    base: str
    highlight: str


LIGHT = Theme(
    "light",
    paper="#fbfaf6",
    ink="#1f1f1f",
    muted="#6b6b6b",
    accent="#9c2a22",
    rule="#d9d4c7",
    find_hit="#3949ab",
    find_current="#c62828",
    find_ink="#ffffff",
    source_mark="#e3f0ff",
    window="#f0eee9",
    base="#ffffff",
    highlight="#c9dcf5",
)
DARK = Theme(
    "dark",
    paper="#1e1f22",
    ink="#dcdcdc",
    muted="#9a9a9a",
    accent="#e0857a",
    rule="#3a3b3f",
    find_hit="#a5b4fc",
    find_current="#ff6b6b",
    find_ink="#111827",
    source_mark="#203448",
    window="#2b2d31",
    base="#1e1f22",
    highlight="#35557a",
)
THEMES = {t.name: t for t in (LIGHT, DARK)}
TAG_INK_CONTRAST = 4.5  # a tag's colour drawn on the dark page: at least this against it


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def tag_ink(stored: str, dark: bool) -> str:
    """A tag's colour as drawn (underline, chip text): the stored colour on the light
    theme; on the dark one mixed with white until it reads on the page. The stored colour
    is never changed."""
    colour = QColor(stored)
    if not dark or not colour.isValid():
        return stored
    paper = QColor(DARK.paper)
    mixed, share = QColor(colour), 0.0
    while contrast(mixed, paper) < TAG_INK_CONTRAST and share < 1.0:
        share += 0.05
        mixed = QColor(
            round(colour.red() + (255 - colour.red()) * share),
            round(colour.green() + (255 - colour.green()) * share),
            round(colour.blue() + (255 - colour.blue()) * share),
        )
    return mixed.name()


def theme_named(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


_BOXES = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


class _RimmedBoxes(QProxyStyle):
    """The platform's style, with a rim in ``rim`` round check boxes and radio buttons:
    Fusion draws their edge a shade darker than the window, which on the dark theme is
    no edge at all (an unchecked radio button was a dark dot on a dark dialog)."""

    rim: QColor | None = None

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if self.rim is not None and (element in _BOXES or radio):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, radio)
            painter.setPen(QPen(self.rim, 1))
            painter.setBrush(QColor(0, 0, 0, 0))
            if radio:
                painter.drawEllipse(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5))
            else:
                painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


def _rim_boxes(app: QApplication, theme: Theme) -> None:
    """Dark: check boxes get a rim in the muted ink. The proxy style goes in at the first
    dark theme (the light theme needs none) and stays, rimless, when light comes back."""
    style = app.style()
    if not isinstance(style, _RimmedBoxes):
        if theme.name != "dark":
            return
        base = QStyleFactory.create(style.name())
        if base is None:
            return
        style = _RimmedBoxes(base)
        app.setStyle(style)
    style.rim = QColor(theme.muted) if theme.name == "dark" else None


def apply_palette(app: QApplication, theme: Theme) -> None:
    _rim_boxes(app, theme)  # first: a new style brings its own palette
    palette = QPalette()
    window, base, ink = QColor(theme.window), QColor(theme.base), QColor(theme.ink)
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, ink)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, window)
    palette.setColor(QPalette.ColorRole.Text, ink)
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.ButtonText, ink)
    palette.setColor(QPalette.ColorRole.ToolTipBase, base)
    palette.setColor(QPalette.ColorRole.ToolTipText, ink)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(theme.highlight))
    palette.setColor(QPalette.ColorRole.HighlightedText, ink)
    palette.setColor(QPalette.ColorRole.Link, QColor(theme.accent))
    # the colours above went to every group; a disabled control's text is the muted ink,
    # else a greyed-out menu item or button looked as live as the others
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.HighlightedText,
    ):
        palette.setColor(disabled, role, QColor(theme.muted))
    app.setPalette(palette)
    # a widget with a style sheet keeps the palette it was polished with: the agreement
    # matrix stayed white on the dark theme until a restart
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


# Book faces for Chinese first, then the UI faces every platform has.
_READING_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Zen Hei",
)


# The UI's faces: a Simplified Chinese sans first, so Chinese in the tree, panel, status
# bar and search results has mainland glyphs (a colon low at the left, full-width quotes)
# whatever the locale; under en_US, fontconfig's fallback would pick the Japanese face.
UI_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)


def apply_ui_font(app: QApplication) -> None:
    """The application's font: the installed Simplified Chinese faces first, then the
    platform's own (for anything they lack). Same size."""
    font = app.font()
    cjk = [f for f in UI_FAMILIES if QFontDatabase.hasFamily(f)]
    if cjk:
        font.setFamilies([*cjk, *(f for f in font.families() if f not in cjk)])
        app.setFont(font)


def default_reading_family() -> str:
    available = set(QFontDatabase.families())
    return next(
        (f for f in _READING_FAMILIES if f in available),
        QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),
    )
