"""``reader check`` pinned in-process: the exact lines of its report for each kind of damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.library.migration_names import MIGRATION_NAMES
from reader.core.library.store import SQLITE_HEADER
from reader.core.repair import check as check_mod
from reader.core.repair.check import CheckReport, check_library
from repair_helpers import annotated_library, run_sql

HINT = "  'reader recover NEW.sqlite3 --library {}' copies what is readable into a new library"


def _damaged(path: Path, *problems: str) -> list[str]:
    return [f"{path}: damaged", *(f"  - {p}" for p in problems), HINT.format(path)]


def test_check_an_intact_library(tmp_path):
    path = annotated_library(tmp_path / "lib.db")
    report = check_library(path)
    assert report.lines() == [f"{path}: intact (2 articles, 2 annotations, 2 tags)"]
    assert (report.path, report.problems, report.details) == (path, [], [])
    assert report.counts == {"articles": 2, "annotations": 2, "tags": 2}


def test_check_an_older_library_lists_what_opening_it_would_apply(tmp_path):
    path = annotated_library(tmp_path / "lib.db")
    run_sql(path, f"DELETE FROM _sqlite_migrations WHERE name = '{MIGRATION_NAMES[-1]}'")
    report = check_library(path)
    assert report.ok and report.problems == []
    assert report.details == [
        f"migration {MIGRATION_NAMES[-1]} not applied yet (opening the library applies it)"
    ]


@pytest.mark.parametrize(
    "statements, problem",
    [
        (
            ["DROP TABLE _sqlite_migrations"],
            "it is not a Reader library: its list of migrations is missing",
        ),
        (
            ["DELETE FROM _sqlite_migrations"],
            "it is not a Reader library: no Reader migrations were applied",
        ),
        (
            ["ALTER TABLE user_words DROP COLUMN freq", "ALTER TABLE user_words DROP COLUMN tag"],
            "the table user_words lacks the column(s) freq, tag",
        ),
        (
            ["UPDATE annotations SET article_id = 999 WHERE note = '一'"],
            "1 row(s) of annotations point to articles rows that are not there",
        ),
        (
            ["UPDATE annotations SET note = CAST(x'ff41' AS TEXT) WHERE note = '一'"],
            "1 text value(s) in annotations are not valid UTF-8",
        ),
        (
            ["UPDATE source_raw SET zlib = x'789c00'"],
            "1 stored source file(s) in source_raw are damaged",
        ),
    ],
)
def test_check_says_what_is_wrong_in_plain_words(tmp_path, statements, problem):
    path = annotated_library(tmp_path / "lib.db")
    run_sql(path, *statements)
    report = check_library(path)
    assert report.lines() == _damaged(path, problem)
    assert report.counts == {}


def test_check_a_destroyed_first_page_and_an_unreadable_file(tmp_path):
    path = annotated_library(tmp_path / "lib.db")
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(data)
    assert check_library(path).lines() == _damaged(
        path, "its first page (the file header and the schema) is destroyed"
    )
    junk = tmp_path / "junk.db"
    junk.write_bytes(SQLITE_HEADER + bytes(range(256)) * 16)
    assert check_library(junk).lines() == _damaged(
        junk, "SQLite cannot read part of the file (file is not a database)"
    )
    missing = tmp_path / "none.db"
    with pytest.raises(LibraryError) as caught:
        check_library(missing)
    assert str(caught.value) == f"no library at {missing}"


def test_check_when_sqlite_cannot_open_the_file(tmp_path, monkeypatch):
    path = annotated_library(tmp_path / "lib.db")

    def refuse(*_args, **_kwargs):
        raise sqlite3.OperationalError("unable to open")

    monkeypatch.setattr(check_mod.sqlite3, "connect", refuse)
    with pytest.raises(LibraryError) as caught:
        check_library(path)
    assert str(caught.value) == f"cannot open {path}: unable to open"


class _Conn:
    """Answers integrity_check and sqlite_master the way a damaged file does."""

    def __init__(self, lines: str, roots: list[tuple[int, bytes]]):
        self.answers = {
            "PRAGMA integrity_check(100)": [(lines.encode(),)],
            "SELECT rootpage, name FROM sqlite_master": roots,
        }

    def execute(self, sql):
        if sql not in self.answers:
            raise sqlite3.DatabaseError("no")
        answer = self.answers[sql]
        return type("Cursor", (), {"fetchall": lambda _self: answer})()


@pytest.mark.parametrize(
    "lines, problem, details",
    [
        (
            "*** in database main ***\nTree 5 page 9 cell 0: invalid page number 77\n\n",
            "SQLite's integrity check found 1 problem in articles (page 9)",
            ["Tree 5 page 9 cell 0: invalid page number 77"],
        ),
        (
            "Page 12 is never used\nTree 31 page 31 cell 2: bad\nwrong # of entries in index ix",
            "SQLite's integrity check found 3 problems in b-tree 31, the index ix (pages 12, 31)",
            [
                "Page 12 is never used",
                "Tree 31 page 31 cell 2: bad",
                "wrong # of entries in index ix",
            ],
        ),
        ("row 4 missing from index sqlite_autoindex_t_1", None, None),
        ("Page 40 is never used", "SQLite's integrity check found 1 problem (page 40)", None),
    ],
)
def test_integrity_check_lines_said_in_plain_words(lines, problem, details):
    report = CheckReport(Path("x.db"))
    check_mod._integrity(_Conn(lines, [(5, b"articles"), (2, b"tags")]), report)
    if problem is None:
        problem = "SQLite's integrity check found 1 problem in the index sqlite_autoindex_t_1"
    assert report.problems == [problem]
    assert report.details == (details or [lines])


def test_report_lines_intact_damaged_and_many_details():
    assert CheckReport(Path("a.db")).lines() == ["a.db: intact"]
    assert CheckReport(Path("a.db"), counts={"articles": 1}).lines() == [
        "a.db: intact (1 articles)"
    ]
    report = CheckReport(Path("a.db"), ["one", "two"], [f"d{n}" for n in range(12)])
    assert report.lines() == [
        "a.db: damaged",
        "  - one",
        "  - two",
        *(f"    sqlite: d{n}" for n in range(10)),
        "    … and 2 more",
        HINT.format("a.db"),
    ]
