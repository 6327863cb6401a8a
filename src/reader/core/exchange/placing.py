"""Where an incoming note belongs: its article (by text hash, and among the articles
holding that text by source file, then title; else by a title only one article has) and
its span there (kept when the text is the same, else re-anchored)."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from reader.core.library.article_text import TEXT_COLUMNS, TEXT_JOIN, unpack
from reader.core.library.store import Library
from reader.core.notes.anchoring import Reanchorer, Selector


class Placeable(Protocol):
    """What a note says of where it was: offsets, quote and context."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def quote(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...


class Found(NamedTuple):
    article_id: int
    text: str
    same_text: bool  # matched by text hash: the offsets are the note's own


class Articles:
    """The library's live articles, by text hash and by title."""

    def __init__(self, library: Library) -> None:
        rows = [
            (int(i), str(title), str(h), str(path), unpack(plain, packed))
            for i, title, h, path, plain, packed in library.conn.execute(
                f"SELECT a.id, a.title, a.text_hash, coalesce(s.path, ''), {TEXT_COLUMNS} "
                f"FROM articles a LEFT JOIN sources s ON s.id = a.source_id {TEXT_JOIN} "
                "WHERE a.retired_at IS NULL ORDER BY a.id"
            )
        ]
        # several articles may hold one text (a wire story on two pages, a file imported
        # under two names): each hash keeps them all, oldest first
        self.by_hash: dict[str, list[tuple[int, str, str, str]]] = {}
        self.by_title: dict[str, list[tuple[int, str]]] = {}
        for i, title, h, path, text in rows:
            self.by_hash.setdefault(h, []).append((i, title, path, text))
            self.by_title.setdefault(title, []).append((i, text))

    def find(self, text_hash: str, title: str, source: str = "") -> Found | None:
        """The article with this text, else the one article with this title, else None.
        Of several articles with the text: the one from this source file with this title,
        else from this file, else with this title, else the oldest."""
        same = self.by_hash.get(text_hash)
        if same:
            best = max(same, key=lambda a: (bool(source) and a[2] == source, a[1] == title, -a[0]))
            return Found(best[0], best[3], True)
        titled = self.by_title.get(title, [])
        if len(titled) != 1:
            return None
        return Found(titled[0][0], titled[0][1], False)

    def missing(self, title: str) -> str:
        """Why ``find`` found no article for a note of this title, in plain words."""
        shown = title if len(title) <= 60 else title[:59] + "…"
        if not title:
            return "no article with this text, and the note names no title"
        if len(self.by_title.get(title, [])) > 1:
            return f"no article with this text, and several are titled {shown}"
        return f"no article with this text, nor one titled {shown}"


def place(found: Found, note: Placeable) -> tuple[str, int, int]:
    """(state, start, end) of the note in the found article. Offsets are hints when the
    text differs, bounded by the article's length; the quote decides."""
    text = found.text
    start, end = min(note.start, len(text)), min(note.end, len(text))
    if found.same_text and text[start:end] == note.quote:
        return "anchored", start, end
    anchor = Reanchorer(text)(Selector(start, end, note.quote, note.prefix, note.suffix))
    return anchor.state, anchor.start, anchor.end
