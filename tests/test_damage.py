"""Damaged libraries, full disks, a deleted -wal: one readable line and exit 2, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import SEEDS, run_reader
from reader.core.errors import LibraryDamagedError, LibraryError, LibraryFullError
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.repair.check import check_library
from reader.core.repair.recover import recover_library

COMMANDS = (
    ("ls",),
    ("ls", "--json"),
    ("search", "党建"),
    ("show", "3"),
    ("show", "5"),
    ("export", "--format", "markdown"),
    ("export", "--format", "csv"),
    ("check",),
)


def _annotated_library(path: Path) -> dict[str, int]:
    with open_library(path) as library:
        import_paths(library, sorted(SEEDS.glob("*.txt")))
        for article in list_articles(library):
            for n in range(6):
                notes.create(
                    library, article.id, n * 10, n * 10 + 4, note=f"note {n}", tags=[f"t{n % 3}"]
                )
        conn = library.conn
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "annotations", "blocks")
        }


def _zero_page(path: Path, page: int) -> None:
    size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as fh:
        fh.seek(size * page)
        fh.write(b"\0" * size)


def _schema_pages(path: Path) -> set[int]:
    """The pages of sqlite_master's b-tree (page 1 and its children), read from the file."""
    data = path.read_bytes()
    size = int.from_bytes(data[16:18], "big") or 65536
    pages, todo = set(), [1]
    while todo:
        number = todo.pop()
        pages.add(number)
        base = (number - 1) * size
        header = base + (100 if number == 1 else 0)
        if data[header] != 0x05:  # a leaf
            continue
        cells = int.from_bytes(data[header + 3 : header + 5], "big")
        todo.append(int.from_bytes(data[header + 8 : header + 12], "big"))
        for i in range(cells):
            at = base + int.from_bytes(data[header + 12 + 2 * i : header + 14 + 2 * i], "big")
            todo.append(int.from_bytes(data[at : at + 4], "big"))
    return pages


def _data_page(path: Path, fraction: float) -> int:
    """A page near ``fraction`` of the file that is not part of the schema."""
    skip = _schema_pages(path)
    page = max(2, int(_page_count(path) * fraction))
    while page in skip:
        page += 1
    return page - 1  # _zero_page counts from 0


def _page_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def _assert_one_line_or_ok(result) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr)
    if result.returncode == 1:  # an export with no annotation left to export says so
        assert result.stderr.startswith("reader: nothing to export"), result.stderr
    if result.returncode == 2:
        lines = result.stderr.strip().splitlines()  # recover's progress lines come first
        errors = [line for line in lines if line.startswith("reader: ")]
        assert errors == lines[-1:], result.stderr
        assert errors[0].isprintable()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("pristine") / "lib.sqlite3"
    return path, _annotated_library(path)


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8])
def test_zeroed_page_in_the_middle(pristine, tmp_path, fraction):
    source, counts = pristine
    lib = tmp_path / "lib.sqlite3"
    lib.write_bytes(source.read_bytes())
    _zero_page(lib, _data_page(lib, fraction))
    for command in COMMANDS:
        result = run_reader(*command, "--library", str(lib))
        _assert_one_line_or_ok(result)
    checked = run_reader("check", "--library", str(lib))
    assert checked.returncode == 2, checked.stdout
    assert "damaged" in checked.stdout and "Traceback" not in checked.stderr

    out = tmp_path / "recovered.sqlite3"
    recovered = run_reader("recover", str(out), "--library", str(lib))
    assert recovered.returncode == 0, recovered.stderr
    assert "Traceback" not in recovered.stderr
    assert run_reader("check", "--library", str(out)).returncode == 0
    with open_library(out, create=False) as library:
        got = {
            t: library.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "annotations", "blocks")
        }
    total = sum(counts.values())
    assert sum(got.values()) >= 0.7 * total, (got, counts)
    listed = run_reader("ls", "--library", str(out))
    assert listed.returncode == 0 and "Traceback" not in listed.stderr


def test_every_page_zeroed_in_turn_never_gives_a_raw_error(pristine, tmp_path):
    """In-process, quick: each page of the file zeroed in turn, every core read."""
    source, _ = pristine
    pages = _page_count(source)
    for page in range(1, pages, max(1, pages // 25)):
        lib = tmp_path / f"lib{page}.sqlite3"
        lib.write_bytes(source.read_bytes())
        _zero_page(lib, page)
        try:
            with open_library(lib, create=False) as library:
                for article in list_articles(library):
                    notes.for_article(library, article.id)
                notes.all_annotations(library)
        except LibraryError:
            pass  # the readable kind; anything else fails the test
        check_library(lib)  # a zeroed free page is no damage: only "never a raw error" here
        try:
            recover_library(lib, tmp_path / f"out{page}.sqlite3")
        except LibraryError:
            assert page + 1 in _schema_pages(source), page  # only a lost schema stops it


@pytest.mark.parametrize("which", ["last schema page", "page 1"])
def test_a_zeroed_schema_page_is_recovered_page_by_page(pristine, tmp_path, which):
    """SQLite cannot find any table then; the page scan still finds every leaf page."""
    source, counts = pristine
    lib = tmp_path / "lib.sqlite3"
    lib.write_bytes(source.read_bytes())
    schema = sorted(_schema_pages(lib))
    _zero_page(lib, 0 if which == "page 1" else schema[-1] - 1)
    for command in COMMANDS:
        _assert_one_line_or_ok(run_reader(*command, "--library", str(lib)))
    checked = run_reader("check", "--library", str(lib))
    assert checked.returncode == 2 and "damaged" in checked.stdout
    out = tmp_path / "out.sqlite3"
    recovered = run_reader("recover", str(out), "--library", str(lib))
    _assert_one_line_or_ok(recovered)
    assert recovered.returncode == 0
    with open_library(out, create=False) as library:
        got = {
            t: library.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "annotations", "blocks")
        }
    assert got == counts
    assert run_reader("search", "党建", "--library", str(out)).returncode == 0


def test_deleted_notes_do_not_come_back(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    _annotated_library(lib)
    with open_library(lib) as library:
        doomed = [a.id for a in notes.all_annotations(library)][::2]
        notes.delete(library, doomed)
        kept = {a.id for a in notes.all_annotations(library)}
    _zero_page(lib, _data_page(lib, 0.5))
    out = tmp_path / "out.sqlite3"
    recover_library(lib, out)
    with open_library(out, create=False) as library:
        back = {a.id for a in notes.all_annotations(library)}
    assert not back & set(doomed)
    assert len(back) >= 0.7 * len(kept)


def test_undecodable_text_is_a_readable_refusal(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    _annotated_library(lib)
    conn = sqlite3.connect(lib)
    conn.execute("UPDATE articles SET title = CAST(x'e4b8ffff' AS TEXT) WHERE id = 2")
    conn.commit()
    conn.close()
    with open_library(lib, create=False) as library, pytest.raises(LibraryDamagedError):
        list_articles(library)
    result = run_reader("ls", "--library", str(lib))
    assert result.returncode == 2
    assert result.stderr.isprintable() or result.stderr.strip().isprintable()
    assert "damaged" in result.stderr and "\ufffd" not in result.stderr
    checked = run_reader("check", "--library", str(lib))
    assert checked.returncode == 2 and "not valid UTF-8" in checked.stdout
    out = tmp_path / "out.sqlite3"
    assert run_reader("recover", str(out), "--library", str(lib)).returncode == 0
    assert run_reader("ls", "--library", str(out)).returncode == 0


def test_check_on_an_intact_library_and_on_non_libraries(pristine, tmp_path):
    source, _ = pristine
    ok = run_reader("check", "--library", str(source))
    assert ok.returncode == 0 and "intact" in ok.stdout
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    refused = run_reader("check", "--library", str(text))
    assert refused.returncode == 2 and "not a SQLite database" in refused.stderr
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    foreign = run_reader("check", "--library", str(other))
    assert foreign.returncode == 2 and "not a Reader library" in foreign.stdout


def test_recover_refuses_an_existing_target(pristine, tmp_path):
    source, _ = pristine
    target = tmp_path / "exists.sqlite3"
    target.write_bytes(b"keep")
    result = run_reader("recover", str(target), "--library", str(source))
    assert result.returncode == 2 and "exists" in result.stderr
    assert target.read_bytes() == b"keep"


def test_recover_without_the_sqlite3_shell_copies_row_by_row(pristine, tmp_path, monkeypatch):
    from reader.core.repair import recover

    source, counts = pristine
    lib = tmp_path / "lib.sqlite3"
    lib.write_bytes(source.read_bytes())
    _zero_page(lib, _data_page(lib, 0.5))
    monkeypatch.setattr(recover, "sqlite_shell", lambda: None)
    result = recover_library(lib, tmp_path / "out.sqlite3")
    assert result.method.startswith("row by row")
    assert sum(result.copied[t] for t in ("articles", "annotations", "blocks")) >= 0.7 * sum(
        counts.values()
    )


def test_deleting_the_wal_after_a_clean_close_loses_nothing(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    with open_library(lib) as library:
        import_paths(library, [SEEDS / "000_b7740f99fc43d814.txt"])
        article = list_articles(library)[0]
        made = [notes.create(library, article.id, 0, 4, note=f"n{i}") for i in range(20)]
        keeper = open_library(lib)  # a second connection keeps SQLite from its own checkpoint
    wal = Path(str(lib) + "-wal")
    keeper.conn.close()  # the window crashing: no clean close for this one
    if wal.exists():
        assert wal.stat().st_size == 0, "the WAL still holds data after a clean close"
        wal.unlink()
    with open_library(lib, create=False) as library:
        assert {a.id for a in notes.all_annotations(library)} == {m.id for m in made}


def test_a_full_disk_inside_a_transaction(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    with open_library(lib) as library:
        import_paths(library, [SEEDS / "000_b7740f99fc43d814.txt"])
        before = library.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
        library.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with (
            pytest.raises(LibraryFullError, match="disk is full"),
            library.transaction() as conn,
        ):
            for n in range(200):
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)", [f"k{n}", "x" * 5000]
                )
        assert library.conn.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
        assert library.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


FULL_DISK_IMPORT = r"""
import sys
from pathlib import Path
from reader.core.library import store

real = store.open_library

def capped(*args, **kwargs):
    library = real(*args, **kwargs)
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    library.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
    return library

store.open_library = capped
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_during_an_import_through_the_cli(tmp_path):
    import os
    import subprocess
    import sys

    lib = tmp_path / "lib.sqlite3"
    assert (
        run_reader(
            "import", str(SEEDS / "000_b7740f99fc43d814.txt"), "--library", str(lib)
        ).returncode
        == 0
    )
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK_IMPORT, "import", str(SEEDS), "--library", str(lib)],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (1, 2), result.stderr
    assert "disk is full" in result.stderr
    checked = run_reader("check", "--library", str(lib))
    assert checked.returncode == 0, checked.stdout
    assert run_reader("ls", "--library", str(lib)).returncode == 0


def test_recover_never_writes_the_damaged_file_and_reads_its_wal(tmp_path):
    lib = tmp_path / "lib.sqlite3"
    _annotated_library(lib)
    crashed = open_library(lib)  # a window that never closed: its changes wait in -wal
    article = list_articles(crashed)[0].id
    late = notes.create(crashed, article, 0, 3, note="only in the WAL")
    wal = Path(str(lib) + "-wal")
    assert wal.stat().st_size > 0
    before = lib.read_bytes(), wal.read_bytes()
    out = tmp_path / "out.sqlite3"
    recover_library(lib, out)
    assert (lib.read_bytes(), wal.read_bytes()) == before
    crashed.conn.close()
    with open_library(out, create=False) as library:
        assert notes.get(library, late.id).note == "only in the WAL"
