"""Remembered window state, in QSettings (the library keeps everything else)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    pass

RECENT_MAX = 8


class WindowSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.qs = settings or QSettings("reader-annotator", "Reader")

    def _get(self, key: str, default: object = None) -> object:
        return self.qs.value(key, default)

    def bytes(self, key: str) -> QByteArray | None:
        value = self._get(key)
        return value if isinstance(value, QByteArray) else None

    def set(self, key: str, value: object) -> None:
        self.qs.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        value = self._get(key, default)
        return str(value) if value is not None else default

    def number(self, key: str, default: float) -> float:
        try:
            return float(str(self._get(key, default)))
        except (TypeError, ValueError):
            return default

    def last_article(self, library: Path) -> int | None:
        value = self._get(f"lastArticle/{_key(library)}")
        try:
            return int(str(value)) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, library: Path, article_id: int) -> None:
        self.set(f"lastArticle/{_key(library)}", article_id)

    def recent_libraries(self) -> list[str]:
        value = self._get("recentLibraries", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def add_recent(self, library: Path) -> None:
        path = str(library)
        items = [p for p in self.recent_libraries() if p != path]
        self.set("recentLibraries", [path, *items][:RECENT_MAX])
        self.set("lastLibrary", path)

    def start_folder(self) -> str:
        """Where file dialogs open: the folder last used, else Documents (never the
        process's working folder)."""
        from PySide6.QtCore import QStandardPaths

        last = self.text("lastFolder", "")
        if last and Path(last).is_dir():
            return last
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def start_path(self, name: str) -> str:
        """A suggested file name in :meth:`start_folder`."""
        return str(Path(self.start_folder()) / name)

    def remember_folder(self, chosen: str) -> None:
        """Remember the folder of a chosen file (or a chosen folder itself)."""
        if chosen:
            path = Path(chosen)
            self.set("lastFolder", str(path if path.is_dir() else path.parent))

    def sync(self) -> None:
        self.qs.sync()


def _key(path: Path) -> str:
    return str(path).replace("/", "|").replace("\\", "|")
