"""SQLite's and the OS's errors as the one readable line a user sees."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import LibraryError, LibraryLockedError, LibraryReadOnlyError
from reader.core.library.sqlite_errors import (
    _printable,
    describe_os_error,
    translate_sqlite_error,
)

WHERE = Path("/tmp/lib.sqlite3")


def test_an_os_error_is_its_reason_in_lower_case_without_the_path():
    assert describe_os_error(PermissionError(13, "Permission denied", "/x")) == "permission denied"
    assert describe_os_error(OSError("odd\x00reason\n")) == "odd?reason?"  # no strerror


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("tab\there", "tab?here"),
        ("bell\x07 and \u2028line", "bell? and ?line"),
        ("中文原因", "中文原因"),
    ],
)
def test_printable_replaces_what_cannot_be_shown_on_one_line(text, shown):
    assert _printable(ValueError(text)) == shown


def test_printable_cuts_a_long_text_and_says_so():
    assert _printable(ValueError("x" * 200)) == "x" * 200
    assert _printable(ValueError("x" * 201)) == "x" * 200 + "…"
    assert _printable(ValueError("y" * 30), limit=10) == "y" * 10 + "…"


def test_a_translated_error_is_both_a_library_error_and_sqlites_own():
    locked = translate_sqlite_error(sqlite3.OperationalError("database is locked"), WHERE)
    assert isinstance(locked, LibraryLockedError) and isinstance(locked, sqlite3.OperationalError)
    assert str(locked) == f"{WHERE} is locked by another program; close it there and try again"
    again = translate_sqlite_error(sqlite3.OperationalError("database is busy"), WHERE)
    assert type(again) is type(locked)  # one class a pair, made once
    assert type(locked).__name__ == "LibraryLockedError"
    assert type(locked).__module__ == LibraryLockedError.__module__
    other = translate_sqlite_error(sqlite3.DatabaseError("attempt to write a readonly db"), WHERE)
    assert isinstance(other, LibraryReadOnlyError) and isinstance(other, sqlite3.DatabaseError)
    assert not isinstance(other, sqlite3.OperationalError)
    assert type(other) is not type(locked)


def test_a_library_error_passes_through_as_it_is():
    made = translate_sqlite_error(sqlite3.OperationalError("database is locked"), WHERE)
    assert translate_sqlite_error(made, Path("/elsewhere")) is made


def test_an_error_class_that_takes_no_subclass_still_gives_a_library_error():
    class Sealed(sqlite3.OperationalError):
        def __init_subclass__(cls, **kwargs: object) -> None:
            raise TypeError("sealed")

    made = translate_sqlite_error(Sealed("database is locked"), WHERE)
    assert type(made) is LibraryLockedError and not isinstance(made, sqlite3.Error)
    assert translate_sqlite_error(Sealed("busy"), WHERE).__class__ is LibraryLockedError
    other = translate_sqlite_error(Sealed("no such table: x"), WHERE)
    assert type(other) is LibraryError and str(other) == f"{WHERE}: no such table: x"


def _error(message: str, code: int | None = None, kind: type = sqlite3.OperationalError):
    error = kind(message)
    if code is not None:
        error.sqlite_errorcode = code  # as the sqlite3 module sets it
    return error


CHECK = "'reader check' says more, 'reader recover' copies what is readable"


@pytest.mark.parametrize(
    ("error", "kind", "said"),
    [
        (
            _error("Could not decode to UTF-8 column 'text' with text 'x'"),
            "LibraryDamagedError",
            f"{WHERE} is damaged: some of its text is not readable; {CHECK}",
        ),
        (
            _error("attempt to write a read-only database"),
            "LibraryReadOnlyError",
            f"{WHERE} is read-only; Reader cannot save changes there",
        ),
        (
            _error("unable to open database file"),
            "LibraryReadOnlyError",
            f"cannot open {WHERE}: the location cannot be written",
        ),
        (
            _error("database or disk is full"),
            "LibraryFullError",
            f"{WHERE}: the disk is full (or the library reached its size limit); "
            "the change was not saved",
        ),
        (  # the code alone (an extended code: its low byte), whatever the words
            _error("write failed", 13 | 3 << 8),
            "LibraryFullError",
            f"{WHERE}: the disk is full (or the library reached its size limit); "
            "the change was not saved",
        ),
        (
            _error("odd", 11),
            "LibraryDamagedError",
            f"{WHERE} is damaged or not a Reader library; {CHECK}",
        ),
        (
            _error("file is not a database", kind=sqlite3.DatabaseError),
            "LibraryDamagedError",
            f"{WHERE} is damaged or not a Reader library; {CHECK}",
        ),
        (
            _error("database disk image is malformed", kind=sqlite3.DatabaseError),
            "LibraryDamagedError",
            f"{WHERE} is damaged or not a Reader library; {CHECK}",
        ),
        (
            _error("corrupt index found", kind=sqlite3.DatabaseError),
            "LibraryDamagedError",
            f"{WHERE} is damaged or not a Reader library; {CHECK}",
        ),
        (
            _error("disk I/O error"),
            "LibraryError",
            f"{WHERE}: the disk could not be read or written (disk I/O error)",
        ),
        (
            _error("odd", 10),
            "LibraryError",
            f"{WHERE}: the disk could not be read or written (disk I/O error)",
        ),
        (_error("queue full"), "LibraryError", f"{WHERE}: queue full"),  # "full" alone: not
        (_error("odd"), "LibraryError", f"{WHERE}: odd"),  # no code, no words
        (
            _error("UNIQUE constraint failed: tags.name", kind=sqlite3.IntegrityError),
            "LibraryError",
            f"{WHERE}: the change breaks a rule of the library "
            "(UNIQUE constraint failed: tags.name)",
        ),
    ],
)
def test_each_kind_of_sqlite_error_gets_its_own_line(error, kind, said):
    made = translate_sqlite_error(error, WHERE)
    assert type(made).__name__ == kind and isinstance(made, type(error))
    assert str(made) == said


def test_a_path_too_long_for_a_line_is_cut_in_the_middle():
    from reader.core.library.sqlite_errors import shorten_path

    fits = "/" + "a" * 119
    assert shorten_path(fits) == fits and shorten_path(Path("/x/lib.sqlite3")) == "/x/lib.sqlite3"
    long = "/" + "b" * 60 + "c" * 60  # 121 characters
    assert shorten_path(long) == long[:60] + "…" + long[-60:]
    assert shorten_path("0123456789", limit=4) == "01…89"
    assert shorten_path("0123456789", limit=5) == "01…789"  # an odd limit: the end gets more
