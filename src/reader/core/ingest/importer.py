"""Import text files into a library: decode, recover structure, store in one transaction."""

from __future__ import annotations

import enum
import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import DecodeError
from reader.core.library.store import Library
from reader.core.notes.annotations import reanchor_article
from reader.core.search.index import drop_from_index, index_pending, mark_pending
from reader.core.stamps import now, text_hash
from reader.core.text.decoding import decode_bytes
from reader.core.text.model import Article, Document
from reader.core.text.structure import MARKDOWN_SUFFIXES, parse_text

TEXT_SUFFIXES = frozenset((".txt", ".text")) | MARKDOWN_SUFFIXES
MAX_FILE_BYTES = 100 * 1024 * 1024
LABELLED = frozenset(("title", "kicker", "subtitle", "heading"))  # short: kept as labels


class Outcome(enum.Enum):
    IMPORTED = "imported"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    REFUSED = "refused"


@dataclass(frozen=True)
class FileResult:
    path: Path
    outcome: Outcome
    reason: str = ""
    articles: int = 0


@dataclass
class ImportSummary:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False
    storing_seconds: float = 0.0  # reading, parsing and storing the files
    indexing_seconds: float = 0.0  # bringing the search index up to date afterwards

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)

    @property
    def refused(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome is Outcome.REFUSED]

    def line(self) -> str:
        parts = [f"{self.count(o)} {o.value}" for o in Outcome]
        return ("cancelled: " if self.cancelled else "") + ", ".join(parts)


Progress = Callable[[int, int, Path], None]


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileResult]]:
    """Expand folders (recursively, text files only); report paths that do not exist."""
    files: list[Path] = []
    missing: list[FileResult] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            files.append(path)
        else:
            missing.append(FileResult(path, Outcome.REFUSED, "no such file or folder"))
    return files, missing


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import files and folders. Each file is one transaction: a cancel leaves whole files."""
    files, missing = collect_files(paths)
    summary = ImportSummary(list(missing))
    started = time.perf_counter()
    try:
        for index, path in enumerate(files):
            if cancelled is not None and cancelled():
                summary.cancelled = True
                break
            if progress is not None:
                progress(index, len(files), path)
            summary.results.append(import_file(library, path))
    finally:
        summary.storing_seconds = time.perf_counter() - started
        started = time.perf_counter()
        index_pending(library)  # one batch: every stored file is searchable on return
        summary.indexing_seconds = time.perf_counter() - started
    if progress is not None and not summary.cancelled:
        progress(len(files), len(files), Path())
    return summary


def import_file(library: Library, path: Path) -> FileResult:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return FileResult(
                path,
                Outcome.REFUSED,
                f"too large ({size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB)",
            )
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(path, Outcome.REFUSED, exc.strerror or str(exc))
    key = str(path.resolve())
    digest = hashlib.sha256(data).hexdigest()
    existing = library.conn.execute(
        "SELECT id, sha256 FROM sources WHERE path = ?", [key]
    ).fetchone()
    if existing is not None and existing[1] == digest:
        return FileResult(path, Outcome.UNCHANGED)
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return FileResult(path, Outcome.REFUSED, str(exc))
    document = parse_text(decoded.text, path.name)
    stamp = now()
    with library.transaction():
        source = {
            "path": key,
            "name": path.name,
            "sha256": digest,
            "encoding": decoded.encoding,
            "size": len(data),
            "raw_text": decoded.text,
            "updated_at": stamp,
        }
        if existing is None:
            source_id = _insert(library, "sources", {**source, "imported_at": stamp})
            _store_new(library, int(source_id), document, stamp)
            return FileResult(path, Outcome.IMPORTED, articles=len(document.articles))
        _update(library, "sources", existing[0], source)
        _store_update(library, existing[0], document, stamp)
    return FileResult(path, Outcome.UPDATED, articles=len(document.articles))


def _article_row(article: Article, source_id: int, position: int, stamp: str) -> dict[str, Any]:
    return {
        "source_id": source_id,
        "position": position,
        "title": article.title,
        "untitled": int(article.untitled),
        "metadata": json.dumps(article.metadata, ensure_ascii=False),
        "text": article.text,
        "text_hash": text_hash(article.text),
        "chars": len(article.text),
        "updated_at": stamp,
    }


def _store_new(library: Library, source_id: int, document: Document, stamp: str) -> None:
    for position, article in enumerate(document.articles):
        row = _article_row(article, source_id, position, stamp)
        article_id = _insert(library, "articles", {**row, "created_at": stamp})
        _store_blocks(library, article_id, article)
        mark_pending(library.conn, article_id)


def _store_blocks(library: Library, article_id: int, article: Article) -> None:
    library.conn.executemany(
        'INSERT INTO blocks (article_id, seq, kind, level, start, "end", lines, label) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                seq,
                b.kind,
                b.level,
                b.start,
                b.end,
                f"[{','.join(map(str, b.lines))}]",
                b.text if b.kind in LABELLED else None,
            )
            for seq, b in enumerate(article.blocks)
        ],
    )


def _store_update(library: Library, source_id: int, document: Document, stamp: str) -> None:
    """Update a changed file's articles in place, matched by position and title.

    Ids stay stable. A changed text keeps its previous version for re-anchoring.
    An old article with no match is deleted, unless annotations hang on it:
    then it is retired, kept with its annotations.
    """
    db = library.conn
    old = db.execute(
        "SELECT id, position, title, text, text_hash FROM articles "
        "WHERE source_id = ? AND retired_at IS NULL ORDER BY position",
        [source_id],
    ).fetchall()
    unused = {row[0]: row for row in old}
    for position, article in enumerate(document.articles):
        match = _match(unused, position, article.title)
        row = _article_row(article, source_id, position, stamp)
        if match is None:
            article_id = _insert(library, "articles", {**row, "created_at": stamp})
            _store_blocks(library, article_id, article)
            mark_pending(db, article_id)
            continue
        article_id, _, old_title, old_text, old_hash = unused.pop(match)
        if old_hash != row["text_hash"] or old_title != article.title:
            blocks = db.execute(
                'SELECT kind, level, start, "end", lines FROM blocks '
                "WHERE article_id = ? ORDER BY seq",
                [article_id],
            ).fetchall()
            _insert(
                library,
                "article_versions",
                {
                    "article_id": article_id,
                    "title": old_title,
                    "text": old_text,
                    "text_hash": old_hash,
                    "replaced_at": stamp,
                    "blocks": json.dumps([list(b) for b in blocks], ensure_ascii=False),
                },
            )
            db.execute("DELETE FROM blocks WHERE article_id = ?", [article_id])
            _store_blocks(library, article_id, article)
            _update(library, "articles", article_id, row)
            drop_from_index(db, article_id, old_title, old_text)
            mark_pending(db, article_id)
            if old_text != article.text:
                reanchor_article(db, article_id, old_text, article.text)
        else:
            db.execute("UPDATE articles SET position = ? WHERE id = ?", [position, article_id])
    for article_id, (_, _, old_title, old_text, _) in unused.items():
        drop_from_index(db, article_id, old_title, old_text)
        db.execute("DELETE FROM search_pending WHERE article_id = ?", [article_id])
        annotated = db.execute(
            "SELECT 1 FROM annotations WHERE article_id = ? LIMIT 1", [article_id]
        ).fetchone()
        if annotated:
            db.execute(
                "UPDATE articles SET retired_at = ?, position = NULL WHERE id = ?",
                [stamp, article_id],
            )
        else:
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def _insert(library: Library, table: str, row: dict[str, Any]) -> int:
    """Plain SQL: sqlite-utils' ``insert`` inspects the table on every call, too slow here."""
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    cursor = library.conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())
    )
    return int(cursor.lastrowid or 0)


def _update(library: Library, table: str, row_id: int, row: dict[str, Any]) -> None:
    assignments = ", ".join(f'"{c}" = ?' for c in row)
    library.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), row_id])


def _match(unused: dict[int, tuple[Any, ...]], position: int, title: str) -> int | None:
    for test in (
        lambda r: r[1] == position and r[2] == title,
        lambda r: r[2] == title,
        lambda r: r[1] == position,
    ):
        for article_id, row in unused.items():
            if test(row):
                return article_id
    return None
