"""OS edges and exit statuses through the real CLI: full stdout, closed pipes, long and
unreadable paths, huge ids, global options in either place, internal errors."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, run_reader
from reader.cli import main


@pytest.fixture(scope="module")
def big_library(tmp_path_factory) -> Path:
    lib = tmp_path_factory.mktemp("big") / "lib.sqlite3"
    assert run_reader("import", str(SEEDS), "--library", str(lib)).returncode == 0
    from reader.core.library.store import open_library
    from reader.core.notes import annotations as notes

    with open_library(lib) as library:  # something for every command to print, export too
        ids = [r[0] for r in library.conn.execute("SELECT id FROM articles ORDER BY id")]
        for article_id in ids:
            notes.create(library, article_id, 0, 4, color="yellow", note="待核实")
    return lib


def _one_error_line(result, status: int = 2) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == status, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: "), result.stderr
    return lines[0]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        ("ls",),
        ("ls", "--json"),
        ("export", "--format", "markdown", "--article", "1", "--full-text"),  # has no notes
        ("search", "的"),
    ],
)
def test_stdout_on_a_full_device(big_library, command):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", *command, "--library", str(big_library)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    line = _one_error_line(result)
    assert "no space left on device" in line


def test_a_closed_pipe_exits_quietly(big_library):
    reader = subprocess.Popen(
        [sys.executable, "-m", "reader", "search", "的", "--all", "--library", str(big_library)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    reader.stdout.readline()
    reader.stdout.close()  # `| head -1`
    _, err = reader.communicate(timeout=120)
    assert err == b""
    assert reader.returncode == 141


def test_a_path_too_long_for_the_os(tmp_path):
    long = tmp_path / ("x" * 300) / "lib.sqlite3"
    for args in (
        ("ls", "--library", str(long)),
        ("import", str(SEEDS / "000_b7740f99fc43d814.txt"), "--library", str(long)),
        ("import-notes", str(tmp_path / ("y" * 5000)), "--library", str(tmp_path / "l.db")),
    ):
        line = _one_error_line(run_reader(*args))
        assert len(line) < 400
    result = run_reader("import", str(tmp_path / ("z" * 5000)), "--library", str(tmp_path / "l.db"))
    assert "Traceback" not in result.stderr and result.returncode in (1, 2)


def _permission_denied(*_args, **_kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize("create", [False, True])
def test_a_library_under_an_unreadable_folder_in_process(tmp_path, monkeypatch, capsys, create):
    """Root reads everything, so the OS refusal is simulated; see the chmod test below."""
    lib = tmp_path / "locked" / "lib.sqlite3"
    lib.parent.mkdir()
    if not create:
        assert main(["import", str(SEEDS / "000_b7740f99fc43d814.txt"), "--library", str(lib)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(Path, "is_dir", _permission_denied)
    monkeypatch.setattr(Path, "exists", _permission_denied)
    seed = str(SEEDS / "000_b7740f99fc43d814.txt")
    status = main(
        ["import", seed, "--library", str(lib)] if create else ["ls", "--library", str(lib)]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("reader: ") and "permission denied" in err and err.count("\n") == 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads everything")
def test_a_library_under_an_unreadable_folder_for_real(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    lib = folder / "lib.sqlite3"
    assert (
        run_reader(
            "import", str(SEEDS / "000_b7740f99fc43d814.txt"), "--library", str(lib)
        ).returncode
        == 0
    )
    folder.chmod(0)
    try:
        _one_error_line(run_reader("ls", "--library", str(lib)))
        _one_error_line(run_reader("ls", "--library", str(folder / "sub" / "new.sqlite3")))
        _one_error_line(run_reader("import-notes", str(folder / "n.jsonl"), "--library", str(lib)))
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("article", ["1180591620717411303424", "-1180591620717411303424", "0"])
def test_article_ids_too_big_for_sqlite(big_library, article):
    line = _one_error_line(run_reader("show", article, "--library", str(big_library)))
    assert line == f"reader: no article with id {int(article)}"
    line = _one_error_line(
        run_reader("export", "--format", "csv", "--article", article, "--library", str(big_library))
    )
    assert line == f"reader: no article with id {int(article)}"


def test_a_5000_digit_id_is_a_usage_error(big_library):
    result = run_reader("show", "9" * 5000, "--library", str(big_library))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "not an article id" in result.stderr and len(result.stderr) < 1000


@pytest.mark.parametrize("kind", ["fifo", "devzero", "folder"])
def test_import_notes_refuses_non_regular_files_at_once(tmp_path, kind):
    if kind == "fifo":
        target = tmp_path / "notes.jsonl"
        os.mkfifo(target)
    elif kind == "devzero":
        target = Path("/dev/zero")
    else:
        target = tmp_path
    line = _one_error_line(
        run_reader("import-notes", str(target), "--library", str(tmp_path / "l.db"))
    )
    assert "not a regular file" in line


@pytest.mark.parametrize("before", [True, False])
def test_library_option_before_or_after_the_command(tmp_path, before):
    lib = tmp_path / "other.sqlite3"
    seed = str(SEEDS / "000_b7740f99fc43d814.txt")
    args = (
        ["--library", str(lib), "import", seed]
        if before
        else ["import", seed, "--library", str(lib)]
    )
    default = Path(os.environ["READER_LIBRARY"])
    assert run_reader(*args).returncode == 0
    assert lib.exists() and not default.exists()
    listed = run_reader(
        *(["--library", str(lib), "ls"] if before else ["ls", "--library", str(lib)])
    )
    assert "巫溪" in listed.stdout
    notdb = tmp_path / "notdb"
    notdb.write_text("hello")
    refused = run_reader(
        *(["--library", str(notdb), "ls"] if before else ["ls", "--library", str(notdb)])
    )
    assert refused.returncode == 2 and "not a Reader library" in refused.stderr


def test_the_option_after_the_command_wins(tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    seed = str(SEEDS / "000_b7740f99fc43d814.txt")
    assert (
        run_reader("--library", str(first), "import", seed, "--library", str(second)).returncode
        == 0
    )
    assert second.exists() and not first.exists()


def test_an_internal_error_exits_3_and_logs_the_traceback(tmp_path, monkeypatch, capsys):
    from reader.cli import library_cmds

    def broken(_args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(library_cmds, "cmd_ls", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    import reader.cli as cli

    monkeypatch.setattr(cli, "cmd_ls", broken)
    status = main(["ls", "--library", str(tmp_path / "l.db")])
    err = capsys.readouterr().err
    assert status == 3
    assert err.count("\n") == 1 and "Traceback" not in err
    log = tmp_path / "state" / "Reader" / "log" / "reader.log"
    assert str(log) in err
    assert "ZeroDivisionError: a bug" in log.read_text() and "Traceback" in log.read_text()


def test_internal_error_through_the_real_cli(tmp_path):
    """A real subprocess: exit 3, one line, the traceback only in the log."""
    state = tmp_path / "state"
    code = (
        "import sys, reader.cli.library_cmds as m, reader.cli as c\n"
        "def boom(a): raise KeyError('bug')\n"
        "c.cmd_ls = boom\n"
        "from reader.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "ls"],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_STATE_HOME": str(state)},
        timeout=60,
    )
    _one_error_line(result, status=3)
    assert "KeyError" in (state / "Reader" / "log" / "reader.log").read_text()


def test_export_to_a_path_too_long_or_under_a_missing_folder(big_library, tmp_path):
    for target in (tmp_path / ("x" * 5000) / "out.md", tmp_path / "missing" / "out.md"):
        line = _one_error_line(
            run_reader(
                "export",
                "--format",
                "markdown",
                "--article",
                "1",  # an article without notes: something to write
                "-o",
                str(target),
                "--library",
                str(big_library),
            )
        )
        assert len(line) < 400


def test_a_log_folder_that_cannot_be_made_is_passed_over_quietly(tmp_path, monkeypatch, capsys):
    """HOME a file: every log call raised from FileHandler's own open, and the window's
    error path (it logs first) printed nested tracebacks to stderr."""
    import logging

    from reader.cli import faults

    blocker = tmp_path / "home"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    monkeypatch.setattr(faults, "log_file", lambda: blocker / "state" / "reader.log")
    faults.configure_logging()
    try:
        logging.getLogger("reader").error("a failure to log", exc_info=RuntimeError("x"))
        logging.getLogger("reader").error("and another")
    finally:
        monkeypatch.undo()
        faults.configure_logging()
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_file_that_would_be_replaced_names_force(capsys):
    import argparse

    from reader.cli.faults import EXIT_ERROR, run_guarded
    from reader.core.errors import ReaderError, WouldReplaceError

    def refuse(error):
        def command():
            raise error

        return run_guarded(command, argparse.Namespace(library=None))

    assert refuse(WouldReplaceError("n.md exists; choose another name", ["n.md"])) == EXIT_ERROR
    assert capsys.readouterr().err == "reader: n.md exists; choose another name (--force)\n"
    assert refuse(ReaderError("no article with id 9")) == EXIT_ERROR  # other errors: as they are
    assert capsys.readouterr().err == "reader: no article with id 9\n"
