"""Light and dark themes: the window palette and the colours of the typeset article."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication


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


def theme_named(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


def apply_palette(app: QApplication, theme: Theme) -> None:
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
    app.setPalette(palette)


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


def default_reading_family() -> str:
    available = set(QFontDatabase.families())
    return next(
        (f for f in _READING_FAMILIES if f in available),
        QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),
    )
