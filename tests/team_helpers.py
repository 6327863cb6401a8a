"""Libraries with several annotators' work, for the team tests."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS
from reader.core.ingest.importer import import_paths
from reader.core.library.store import Library, open_library
from reader.core.notes import annotations as notes

SEED = SEEDS / "000_b7740f99fc43d814.txt"  # two articles


def seeded(path: Path) -> Library:
    library = open_library(path)
    import_paths(library, [SEED])
    return library


def article_ids(library: Library) -> list[int]:
    return [r[0] for r in library.conn.execute("SELECT id FROM articles ORDER BY id")]


def mark(library: Library, article: int, spans: list[tuple[int, int, str]], who: str) -> list[str]:
    """Annotate (start, end, tag) spans as ``who``; returns the ids."""
    return [notes.create(library, article, s, e, tags=[t], annotator=who).id for s, e, t in spans]
