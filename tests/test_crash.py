"""Killing the process at any moment loses no committed change and leaves an intact file."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import SEEDS

WORKER = r"""
import sys
from reader.core.notes import annotations as notes
from reader.core.library.articles import list_articles
from reader.core.library.store import open_library
library = open_library(sys.argv[1])
article_id = list_articles(library)[0].id
n = 0
while True:
    n += 1
    made = notes.create(library, article_id, n % 50, n % 50 + 5, note=f"v{n}", tags=[f"t{n % 7}"])
    print(f"created {made.id} v{n}", flush=True)
    notes.update(library, made.id, note=f"edited v{n}")
    print(f"edited {made.id} v{n}", flush=True)
    if n % 3 == 0:
        notes.delete(library, [made.id])
        print(f"deleted {made.id}", flush=True)
"""


@pytest.mark.slow
def test_sigkill_at_random_moments(tmp_path):
    from reader.core.ingest.importer import import_paths
    from reader.core.library.store import open_library

    path = tmp_path / "lib.sqlite3"
    with open_library(path) as library:
        import_paths(library, [SEEDS / "001_3e7ffedcf53dbe3a.txt"])
    rng = random.Random(11)
    expected: dict[str, str | None] = {}  # id -> last committed note, None once deleted
    kills = 0
    while kills < 24:
        proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        time.sleep(rng.uniform(0.15, 0.9))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        kills += 1
        for line in out.splitlines():
            parts = line.split()
            if len(parts) < 2:
                continue  # a line cut by the kill: not reported, so not promised
            if parts[0] == "created" and len(parts) == 3:
                expected[parts[1]] = parts[2]
            elif parts[0] == "edited" and len(parts) == 3:
                expected[parts[1]] = f"edited {parts[2]}"
            elif parts[0] == "deleted":
                expected[parts[1]] = None
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = dict(conn.execute("SELECT id, note FROM annotations").fetchall())
        finally:
            conn.close()
        for annotation_id, note in expected.items():
            if note is None:
                assert annotation_id not in stored
            else:
                # a later, unreported commit may have edited it further, or (every third
                # one, once edited) deleted it: never anything older
                n = int(note.rsplit("v", 1)[1])
                if annotation_id not in stored and note.startswith("edited") and n % 3 == 0:
                    continue
                assert annotation_id in stored, f"lost {annotation_id} after kill {kills}"
                assert stored[annotation_id] in (note, f"edited {note}")
    assert kills >= 20 and len(expected) > 20
