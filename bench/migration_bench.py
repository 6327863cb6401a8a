"""Upgrading a large library made by the first schema, beside a VACUUM of the same file.

The corpus is import_bench's (sample paragraphs recombined, ~100 KB files). The
library is made by the Reader of commit cb37eaa (the oldest schema: every table
m005 rebuilds differs), extracted with ``git archive``. Today's Reader then opens
a copy, which runs m004 and m005; a VACUUM of another copy is the baseline, since
it too rewrites every table once.

    python bench/migration_bench.py [--mb 20] [--commit cb37eaa]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from import_bench import build_corpus  # noqa: E402
from reader.core.library.store import open_library  # noqa: E402


def old_library(commit: str, corpus: Path, work: Path) -> Path:
    tree = work / commit
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    library = work / "old.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    subprocess.run(
        [sys.executable, "-m", "reader", "import", "--library", str(library), str(corpus)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return library


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--commit", default="cb37eaa")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        build_corpus(corpus, args.mb)
        library = old_library(args.commit, corpus, work)
        size = library.stat().st_size / 1e6
        conn = sqlite3.connect(library)
        articles, blocks = (
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "blocks")
        )
        conn.close()

        vacuumed = work / "vacuum.sqlite3"
        shutil.copyfile(library, vacuumed)
        started = time.perf_counter()
        conn = sqlite3.connect(vacuumed)
        conn.execute("VACUUM")
        conn.close()
        vacuum = time.perf_counter() - started

        upgraded = work / "upgraded.sqlite3"
        shutil.copyfile(library, upgraded)
        started = time.perf_counter()
        open_library(upgraded).close()
        upgrade = time.perf_counter() - started

    print(f"library from {args.commit}: {size:.1f} MB, {articles} articles, {blocks} blocks")
    print(f"upgrade (m004 + m005): {upgrade:.2f} s   VACUUM baseline: {vacuum:.2f} s")
    print(f"ratio: {upgrade / vacuum:.1f}x")


if __name__ == "__main__":
    main()
