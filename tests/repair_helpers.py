"""Small Reader libraries for the check / recover tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.notes import annotations as notes
from team_helpers import article_ids, seeded


def annotated_library(path: Path) -> Path:
    """Two articles, two annotations (one with two tags), its source stored compressed."""
    library = seeded(path)
    first, second = article_ids(library)
    notes.create(library, first, 0, 3, tags=["甲", "乙"], note="一", annotator="ann1")
    notes.create(library, second, 2, 6, tags=["甲"], color="blue")
    library.close()
    return path


def run_sql(path: Path, *statements: str) -> None:
    """Change the file behind Reader's back (foreign keys off), as damage or a bug would."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.close()
