"""Import text files into a library: decode, recover structure, store in one transaction."""

from __future__ import annotations

import enum
import hashlib
import json
import logging
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import LibraryError, ReaderError
from reader.core.ingest.batch import FileBatch
from reader.core.ingest.finish import index_and_reclaim
from reader.core.ingest.rows import LABELLED as LABELLED  # where callers found it
from reader.core.ingest.rows import article_row, store_blocks, store_new
from reader.core.library.article_text import TEXT_COLUMNS, TEXT_JOIN, unpack
from reader.core.library.article_text import store as store_text
from reader.core.library.raw_sources import dictionary
from reader.core.library.raw_sources import store as store_raw
from reader.core.library.store import Library
from reader.core.notes.annotations import reanchor_article
from reader.core.search.index import drop_from_index, mark_pending
from reader.core.stamps import now
from reader.core.text.decoding import decode_bytes
from reader.core.text.files import MAX_FILE_BYTES, os_reason, read_source_file
from reader.core.text.model import Document
from reader.core.text.structure import MARKDOWN_SUFFIXES, parse_text

TEXT_SUFFIXES = frozenset((".txt", ".text")) | MARKDOWN_SUFFIXES
INTERNAL_ERROR = "internal error while reading this file; details in the log"
_log = logging.getLogger("reader")
# A library's logger: without a handler configured (the CLI and the app add
# the log file), tracebacks go nowhere rather than to stderr.
_log.addHandler(logging.NullHandler())


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
    indexing_seconds: float = 0.0  # the search index brought up to date, free pages given back

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
    """Expand folders (recursively, text files only, hidden ones left out).

    Returns the files to import and the refusals found on the way: paths that
    do not exist or cannot be looked at, and folders that cannot be listed.
    A folder given by name is walked whatever its suffix; inside folders only
    text suffixes are taken, and symbolic links to folders are not followed.
    """
    files: list[Path] = []
    refused: list[FileResult] = []
    for raw in paths:
        path = Path(raw).expanduser()
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            refused.append(FileResult(path, Outcome.REFUSED, os_reason(exc)))
            continue
        except ValueError:  # an embedded NUL in the path
            reason = "not a usable path (it holds a NUL character)"
            refused.append(FileResult(path, Outcome.REFUSED, reason))
            continue
        if stat.S_ISDIR(mode):
            found, problems = _walk(path)
            files.extend(found)
            refused.extend(problems)
        else:
            files.append(path)  # anything else is refused, with its reason, on import
    return files, refused


def _walk(top: Path) -> tuple[list[Path], list[FileResult]]:
    """Text files under ``top``, sorted; unreadable folders become refusals."""
    found: list[Path] = []
    refused: list[FileResult] = []
    pending = [top]
    while pending:  # a stack, not recursion: any depth
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            reason = f"folder not read: {os_reason(exc)}"
            refused.append(FileResult(folder, Outcome.REFUSED, reason))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            child = folder / entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                refused.append(FileResult(child, Outcome.REFUSED, os_reason(exc)))
                continue
            if is_dir:
                pending.append(child)
            elif child.suffix.lower() in TEXT_SUFFIXES:
                try:
                    if entry.is_dir():  # a link to a folder named like a text file
                        continue
                except OSError:
                    pass  # refused with its reason on import
                found.append(child)
    found.sort()
    return found, refused


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    indexing: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Import files and folders, each file whole or not at all: a cancel leaves whole files.

    Files are committed a few at a time (:mod:`reader.core.ingest.batch`), each in a savepoint.
    ``indexing(done, total)`` follows the search index batch after the files (articles)."""
    files, missing = collect_files(paths)
    summary = ImportSummary(list(missing))
    batch = FileBatch(library)
    folders: dict[Path, Path] = {}  # each folder resolved once for its files
    started = time.perf_counter()
    try:
        for index, path in enumerate(files):
            if cancelled is not None and cancelled():
                summary.cancelled = True
                break
            if progress is not None:
                progress(index, len(files), path)
            summary.results.append(import_file(library, path, batch, folders))
    finally:
        try:
            batch.commit()  # the whole files stored so far, even when the run stops on an error
        finally:
            summary.storing_seconds = time.perf_counter() - started
        if progress is not None and not summary.cancelled:
            progress(len(files), len(files), Path())  # the files are in; the index follows
        started = time.perf_counter()
        index_and_reclaim(library, indexing)
        summary.indexing_seconds = time.perf_counter() - started
    return summary


def import_file(
    library: Library,
    path: Path,
    batch: FileBatch | None = None,
    folders: dict[Path, Path] | None = None,
) -> FileResult:
    """Import one file in one transaction (or a savepoint of ``batch``'s); any failure
    refuses this file alone.

    A readable problem (binary, too large, not a regular file…) is its reason.
    An unexpected error is logged with its traceback (logger ``reader``) and
    the file is refused as an internal error; the transaction rolls back, so
    nothing of the file is kept. A library problem (locked, full, damaged) is
    not the file's: it stops the run.
    """
    try:
        return _import_file(library, path, batch, folders)
    except (LibraryError, sqlite3.OperationalError):
        raise
    except sqlite3.DatabaseError as exc:
        if type(exc) is sqlite3.DatabaseError:  # the library file itself is damaged
            raise
        _log.exception("internal error while importing %s", path)
        return FileResult(path, Outcome.REFUSED, INTERNAL_ERROR)
    except ReaderError as exc:
        return FileResult(path, Outcome.REFUSED, str(exc))
    except MemoryError:
        return FileResult(path, Outcome.REFUSED, "not enough memory to read this file")
    except Exception:
        _log.exception("internal error while importing %s", path)
        return FileResult(path, Outcome.REFUSED, INTERNAL_ERROR)


def _import_file(
    library: Library, path: Path, batch: FileBatch | None, folders: dict[Path, Path] | None
) -> FileResult:
    data = read_source_file(path, MAX_FILE_BYTES)
    key = _stored_name(resolved(path, folders))
    digest = hashlib.sha256(data).hexdigest()
    existing = library.conn.execute(
        "SELECT id, sha256 FROM sources WHERE path = ?", [key]
    ).fetchone()
    if existing is not None and existing[1] == digest:
        return FileResult(path, Outcome.UNCHANGED)
    size = len(data)
    decoded = decode_bytes(data)
    del data  # the decoded text is all that is kept, and only until it is stored
    text, encoding = decoded.text, decoded.encoding
    del decoded
    document = parse_text(text, path.name)
    stamp = now()
    preset = dictionary(a.text for a in document.articles)  # what its articles will read back
    with library.transaction() if batch is None else batch.file(size):
        source = {
            "path": key,
            "name": _stored_name(Path(path.name)),
            "sha256": digest,
            "encoding": encoding,
            "size": size,
            "raw_text": "",  # kept compressed in source_raw (m007)
            "updated_at": stamp,
        }
        if existing is None:
            source_id = _insert(library, "sources", {**source, "imported_at": stamp})
            store_raw(library.conn, int(source_id), text, preset)
            del text  # stored: the articles are all that is left to store
            _store_new(library, int(source_id), document, stamp)
            return FileResult(path, Outcome.IMPORTED, articles=len(document.articles))
        _update(library, "sources", existing[0], source)
        store_raw(library.conn, existing[0], text, preset)
        del text
        _store_update(library, existing[0], document, stamp)
    return FileResult(path, Outcome.UPDATED, articles=len(document.articles))


def resolved(path: Path, folders: dict[Path, Path] | None = None) -> Path:
    """``path.resolve()``; with ``folders``, its folder's resolution is kept there for the
    folder's next files (a file that is not a symbolic link resolves to its resolved folder
    and its name: one look at it, not one at each folder above it)."""
    if folders is None or path.name in ("", ".", ".."):
        return path.resolve()
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return path.resolve()
    except (OSError, ValueError):
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name


def _stored_name(path: Path) -> str:
    """A path as valid text: a file name in another encoding (bytes that are not
    UTF-8, kept by Python as lone surrogates) is stored with those bytes escaped."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _store_new(library: Library, source_id: int, document: Document, stamp: str) -> None:
    store_new(library.conn, source_id, document, stamp)


def _store_update(library: Library, source_id: int, document: Document, stamp: str) -> None:
    """Update a changed file's articles in place, matched by position and title.

    Ids stay stable. A changed text keeps its previous version for re-anchoring.
    An old article with no match is deleted, unless annotations hang on it:
    then it is retired, kept with its annotations.
    """
    db = library.conn
    old = db.execute(
        f"SELECT a.id, a.position, a.title, {TEXT_COLUMNS}, a.text_hash FROM articles a "
        f"{TEXT_JOIN} WHERE a.source_id = ? AND a.retired_at IS NULL ORDER BY a.position",
        [source_id],
    ).fetchall()
    unused = {r[0]: (r[0], r[1], r[2], unpack(r[3], r[4]), r[5]) for r in old}
    for position, article in enumerate(document.articles):
        match = _match(unused, position, article.title)
        row = article_row(article, source_id, position, stamp)
        if match is None:
            article_id = _insert(library, "articles", {**row, "created_at": stamp})
            store_text(db, article_id, article.text)
            store_blocks(db, article_id, article)
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
            store_blocks(db, article_id, article)
            _update(library, "articles", article_id, row)
            store_text(db, article_id, article.text)
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
