"""UI language: Simplified Chinese on a Chinese system, else English; Settings can override."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from reader.core.resources import resource_dir

LANGUAGES = ("system", "en", "zh_CN")


def chosen_language(setting: str) -> str:
    if setting in ("en", "zh_CN"):
        return setting
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QApplication, setting: str) -> list[QTranslator]:
    """Load Reader's and Qt's own catalogues; returns them (keep them alive)."""
    language = chosen_language(setting)
    loaded: list[QTranslator] = []
    if language == "en":  # the source language: only its plural forms ("1 hit", "2 hits")
        english = QTranslator(app)
        if english.load("reader_en", str(resource_dir() / "i18n")):
            app.installTranslator(english)
            loaded.append(english)
        return loaded
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # qt_xx.qm is a meta-catalogue of every Qt module's; with PySide6-Essentials some
    # are absent and it refuses to load, so fall back to qtbase_xx.qm (the dialogs).
    for names, folder in (
        ((f"qt_{language}", f"qtbase_{language}"), qt_dir),
        ((f"reader_{language}",), str(resource_dir() / "i18n")),
    ):
        for name in names:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                loaded.append(translator)
                break
    return loaded
