"""SQLite's errors as one readable line each, and paths and OS errors as messages say them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.errors import (
    LibraryDamagedError,
    LibraryError,
    LibraryFullError,
    LibraryLockedError,
    LibraryReadOnlyError,
)


def shorten_path(path: Path | str, limit: int = 120) -> str:
    """A path fit for a one-line message: a path too long for the OS is cut in the middle."""
    text = str(path)
    return text if len(text) <= limit else f"{text[: limit // 2]}…{text[-limit // 2 :]}"


def describe_os_error(exc: OSError) -> str:
    """``Permission denied`` → ``permission denied``; the path itself is left out."""
    return exc.strerror.lower() if exc.strerror else _printable(exc)


# SQLite's primary result codes (the low byte of ``sqlite_errorcode``).
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 10, 11, 13, 26
_DUAL: dict[tuple[type[LibraryError], type[sqlite3.Error]], type[LibraryError]] = {}


def translate_sqlite_error(exc: sqlite3.Error, location: Path) -> LibraryError:
    """One readable :class:`LibraryError` for any SQLite error; also an ``exc``-class instance."""
    if isinstance(exc, LibraryError):
        return exc
    kind, message = _classify(exc, location)
    key = (kind, type(exc))
    dual = _DUAL.get(key)
    if dual is None:
        try:
            dual = type(kind.__name__, (kind, type(exc)), {"__module__": kind.__module__})
        except TypeError:
            dual = kind
        _DUAL[key] = dual
    return dual(message)


def _classify(exc: sqlite3.Error, location: Path) -> tuple[type[LibraryError], str]:
    message = str(exc).lower()
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    where = shorten_path(location)
    if message.startswith("could not decode"):
        return LibraryDamagedError, (
            f"{where} is damaged: some of its text is not readable; "
            "'reader check' says more, 'reader recover' copies what is readable"
        )
    if "locked" in message or "busy" in message:
        return (
            LibraryLockedError,
            f"{where} is locked by another program; close it there and try again",
        )
    if "readonly" in message or "read-only" in message:
        return LibraryReadOnlyError, f"{where} is read-only; Reader cannot save changes there"
    if "unable to open" in message:
        return LibraryReadOnlyError, f"cannot open {where}: the location cannot be written"
    if code == _SQLITE_FULL or ("disk" in message and "full" in message):
        return (
            LibraryFullError,
            f"{where}: the disk is full (or the library reached its size limit); "
            "the change was not saved",
        )
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or any(
        word in message for word in ("not a database", "malformed", "corrupt")
    ):
        return LibraryDamagedError, (
            f"{where} is damaged or not a Reader library; "
            "'reader check' says more, 'reader recover' copies what is readable"
        )
    if code == _SQLITE_IOERR or "disk i/o" in message:
        return LibraryError, f"{where}: the disk could not be read or written (disk I/O error)"
    if isinstance(exc, sqlite3.IntegrityError):
        return LibraryError, f"{where}: the change breaks a rule of the library ({_printable(exc)})"
    return LibraryError, f"{where}: {_printable(exc)}"


def _printable(exc: BaseException, limit: int = 200) -> str:
    """The error's text on one line, without control or undecodable characters."""
    text = "".join(c if c.isprintable() else "?" for c in str(exc))
    return text if len(text) <= limit else text[:limit] + "…"
