"""Shared fixtures. Qt tests run offscreen; nothing touches the user's real library."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
GOLD = DATA / "gold"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the default library and platformdirs at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("READER_LIBRARY", str(home / "library.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    yield


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp):
    """English as the app has it: the source strings, with their plural forms ("1 hit",
    "2 hits") from reader_en.qm (``reader.ui.i18n``)."""
    from reader.ui.i18n import install_translators

    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def library(tmp_path: Path):
    from reader.core.library.store import open_library

    lib = open_library(tmp_path / "lib.sqlite3")
    yield lib
    lib.close()


# Under mutmut's stats step (MUTANT_UNDER_TEST=stats) the CLI child records which core
# functions it called, as the test process does, and hands them back at exit: mutmut
# then knows that a CLI test covers them, and runs it for their mutants. Otherwise
# mutmut sees no test for code that only the CLI tests reach. mutmut reads its settings
# from the folder it runs in: the child reads them there, then moves to the test's folder.
_CHILD_REPORTS_HITS = """
import atexit, os, runpy, sys
from mutmut.configuration import config
config()
if os.environ.get("READER_MUTMUT_CWD"):
    os.chdir(os.environ.pop("READER_MUTMUT_CWD"))
def _hand_back():
    from mutmut.state import state
    with open(os.environ["READER_MUTMUT_HITS"], "w", encoding="utf-8") as out:
        out.write("\\n".join(sorted(state()._stats)))
atexit.register(_hand_back)
sys.argv = ["reader", *sys.argv[1:]]
runpy.run_module("reader", run_name="__main__", alter_sys=True)
"""


def run_reader(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    unset: tuple[str, ...] = (),
):
    """Run the CLI in a subprocess, as a user would."""
    import subprocess
    import tempfile

    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.setdefault("PYTHONFAULTHANDLER", "1")  # a crash prints where it was
    command = [sys.executable, "-m", "reader", *args]
    hits = None
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        handle, hits = tempfile.mkstemp(prefix="reader-mutmut-hits-")
        os.close(handle)
        environment["READER_MUTMUT_HITS"] = hits
        command = [sys.executable, "-c", _CHILD_REPORTS_HITS, *args]
        if cwd is not None:
            environment["READER_MUTMUT_CWD"], cwd = str(cwd), None
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**environment, **(env or {})},
            cwd=cwd,
            timeout=120,
        )
    finally:
        if hits is not None:
            from mutmut.state import state

            names = Path(hits).read_text(encoding="utf-8").split()
            state()._stats.update(names)
            os.unlink(hits)
