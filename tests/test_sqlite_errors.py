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
