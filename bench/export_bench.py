"""Export 10,000 annotations in every format; each format's time beside reading them.

The library is the sample pages imported 20 times over (copies under other
names), with 10,000 random annotations (tags, colours, notes) spread over its
articles. The baseline is collecting the annotations from the library, which
every format does first, timed in the same run.

    python bench/export_bench.py [--annotations 10000]

Target (issue #5): <= 2 s per format.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core import annotations as notes  # noqa: E402
from reader.core.exchange.exporting import FORMATS, ExportFilter, collect, render  # noqa: E402
from reader.core.ingest.importer import import_paths  # noqa: E402
from reader.core.library.store import open_library  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--annotations", type=int, default=10_000)
    args = ap.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "src"
        folder.mkdir()
        for copy in range(20):
            for sample in (ROOT / "resources" / "samples").glob("*.txt"):
                shutil.copy(sample, folder / f"{copy:02d}_{sample.name}")
        with open_library(Path(tmp) / "lib.sqlite3") as library:
            import_paths(library, [folder])
            articles = library.conn.execute("SELECT id, chars FROM articles").fetchall()
            with library.transaction() as conn:
                for i in range(args.annotations):
                    article_id, chars = rng.choice(articles)
                    start = rng.randrange(max(1, chars - 30))
                    text = conn.execute(
                        "SELECT text FROM articles WHERE id = ?", [article_id]
                    ).fetchone()[0]
                    a = notes.Annotation(
                        f"bench-{i}",
                        article_id,
                        start,
                        start + rng.randint(2, 30),
                        text[start : start + 30],
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
            started = time.perf_counter()
            items = collect(library, ExportFilter())
            baseline = time.perf_counter() - started
            count = sum(len(i.notes) for i in items)
            print(f"{count} annotations over {len(items)} articles")
            print(f"collect (baseline, read from the library): {baseline:.2f} s")
            worst = 0.0
            for fmt in FORMATS:
                started = time.perf_counter()
                data = render(fmt, collect(library, ExportFilter()))
                elapsed = time.perf_counter() - started
                worst = max(worst, elapsed)
                print(
                    f"{fmt:<9} {elapsed:5.2f} s  {len(data) / 1e6:6.1f} MB  "
                    f"(collect + render, {elapsed / baseline:.1f}x the baseline)"
                )
    print(f"target <= 2 s per format: {'met' if worst <= 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
