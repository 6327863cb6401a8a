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


@pytest.fixture
def library(tmp_path: Path):
    from reader.core.library.store import open_library

    lib = open_library(tmp_path / "lib.sqlite3")
    yield lib
    lib.close()


def run_reader(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    unset: tuple[str, ...] = (),
):
    """Run the CLI in a subprocess, as a user would."""
    import subprocess

    environment = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**environment, **(env or {})},
        cwd=cwd,
        timeout=120,
    )
