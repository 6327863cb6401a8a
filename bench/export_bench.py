"""Export N annotations in every format; each format's time (and memory) beside collecting them.

The library is the sample pages imported 20 times over (copies under other
names), with N random annotations (tags, colours, notes) spread over its
articles. The baseline is collecting the annotations from the library, which
every format does first, measured in the same run.

    python bench/export_bench.py [--annotations 10000] [--repeat 5] [--memory]
                                 [--formats csv w3c …]

Time: each format is timed from its collected notes to the file written atomically
(a folder for Obsidian, XMI and brat), and reported with collecting added. Collecting
and exporting alternate, ``--repeat`` times each, in this one warm process, and each
takes its best (the machine is shared: the best is the least disturbed run; alternating
lets a busy spell slow both). Target (issues #13 and #11): collect + export <= 2x collect.

Memory (``--memory``): a fresh process per format opens the library, collects, and
exports once; its peak resident size (``VmHWM``) is set beside the peak of a fresh
process that only collects. Target (issue #11): <= 2x.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.exchange.exporting import (  # noqa: E402
    FORMATS,
    FULL_TEXT_FORMATS,
    ExportFilter,
    collect,
    write_export,
)
from reader.core.library.article_text import text_of  # noqa: E402
from reader.core.library.store import open_library  # noqa: E402

TARGET = 2.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--annotations", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each, the best taken")
    ap.add_argument("--memory", action="store_true", help="peak memory, a process per format")
    ap.add_argument("--formats", nargs="*", help="only these (FORMAT or FORMAT+ for --full-text)")
    ap.add_argument("--child", nargs=2, metavar=("LIBRARY", "RUN"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return _child(Path(args.child[0]), args.child[1])
    runs = [f for f in FORMATS] + [f + "+" for f in FORMATS if f in FULL_TEXT_FORMATS - {"html"}]
    runs = [r for r in runs if not args.formats or r in args.formats]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.sqlite3"
        _library(path, Path(tmp), args.annotations)
        worst = _times(path, Path(tmp) / "out", runs, args.repeat)
        verdict = f"{'met' if worst <= TARGET else 'NOT met'} (worst {worst:.2f}x)"
        print(f"time target <= {TARGET:g}x collecting, per format: {verdict}")
        if args.memory:
            worst = _memory(path, runs)
            verdict = f"{'met' if worst <= TARGET else 'NOT met'} (worst {worst:.2f}x)"
            print(f"memory target <= {TARGET:g}x collecting's peak, per format: {verdict}")
    return 0


def _library(path: Path, tmp: Path, count: int) -> None:
    from reader.core.ingest.importer import import_paths
    from reader.core.notes import annotations as notes

    rng = random.Random(4)
    folder = tmp / "src"
    folder.mkdir()
    for copy in range(20):
        for sample in (ROOT / "resources" / "samples").glob("*.txt"):
            shutil.copy(sample, folder / f"{copy:02d}_{sample.name}")
    with open_library(path) as library:
        import_paths(library, [folder])
        articles = library.conn.execute("SELECT id, chars FROM articles").fetchall()
        texts = {i: text_of(library.conn, i) or "" for i, _ in articles}
        with library.transaction() as conn:
            for i in range(count):
                article_id, chars = rng.choice(articles)
                start = rng.randrange(max(1, chars - 30))
                a = notes.Annotation(
                    f"bench-{i}",
                    article_id,
                    start,
                    start + rng.randint(2, 30),
                    texts[article_id][start : start + 30],
                    "",
                    "",
                    "h",
                    rng.choice(["yellow", "green", None]),
                    "批注" * rng.randint(0, 3),
                    "bench",
                    "anchored",
                    tuple(rng.sample(["人物", "数据", "地点", "机构"], rng.randint(0, 2))),
                    notes.now(),
                    notes.now(),
                )
                notes.insert(conn, a)


def _times(path: Path, out: Path, runs: list[str], repeat: int) -> float:
    out.mkdir()
    worst = 0.0
    with open_library(path) as library:
        items = collect(library, ExportFilter())
        count = sum(len(i.notes) for i in items)
        print(f"{count} annotations over {len(items)} articles; best of {repeat}, alternating")
        everywhere = []
        for number, run in enumerate(runs):
            fmt, full = run.rstrip("+"), run.endswith("+")
            write_export(out / f"{number}_warm", fmt, items, full_text=full)  # imports
            baseline = export = float("inf")
            for attempt in range(repeat):
                del items
                gc.collect()
                started = time.perf_counter()
                items = collect(library, ExportFilter())
                baseline = min(baseline, time.perf_counter() - started)
                started = time.perf_counter()
                size = write_export(out / f"{number}_{attempt}", fmt, items, full_text=full)
                export = min(export, time.perf_counter() - started)
            everywhere.append(baseline)
            ratio = (baseline + export) / baseline
            worst = max(worst, ratio)
            name = fmt + (" --full-text" if full else "")
            print(
                f"{name:<22} collect {baseline:5.2f} s (baseline)  export {export:5.2f} s "
                f"{size / 1e6:6.1f} MB  together {baseline + export:5.2f} s = {ratio:.2f}x"
            )
            shutil.rmtree(out)
            out.mkdir()
        low, high = min(everywhere), max(everywhere)
        print(f"collecting, best of each format's runs: {low:.2f}–{high:.2f} s")
    return worst


def _memory(path: Path, runs: list[str]) -> float:
    """Each run's peak resident size in a process of its own, beside collecting's."""

    def peak(run: str) -> dict[str, float]:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path), run],
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    base = min(peak("-")["peak"] for _ in range(2))
    print(f"collect only (baseline, a fresh process): peak {base:6.0f} MB")
    worst = 0.0
    for run in runs:
        got = peak(run)
        ratio = got["peak"] / base
        worst = max(worst, ratio)
        name = run.rstrip("+") + (" --full-text" if run.endswith("+") else "")
        print(
            f"{name:<22} collect + export: peak {got['peak']:6.0f} MB = {ratio:.2f}x the "
            f"baseline  (collected {got['collected']:.0f} MB, file {got['size']:.1f} MB)"
        )
    return worst


def _child(path: Path, run: str) -> int:
    """Collect (and export ``run`` unless ``-``); print the peak resident sizes in MB."""

    def peak() -> float:
        # VmHWM: this program's own peak. ru_maxrss would start at the parent's size:
        # Linux carries the forking process's peak over into the child's at exec.
        with contextlib.suppress(OSError):
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux

    with open_library(path) as library:
        items = collect(library, ExportFilter())
    collected = peak()
    size = 0
    if run != "-":
        with tempfile.TemporaryDirectory() as tmp:
            fmt, full = run.rstrip("+"), run.endswith("+")
            size = write_export(Path(tmp) / "out", fmt, items, full_text=full)
    print(json.dumps({"collected": collected, "peak": peak(), "size": size / 1e6}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
