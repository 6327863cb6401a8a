"""Import throughput: parse+store MB/s beside read+decode MB/s of the same files, same run.

The corpus (>= 20 MB) recombines the sample pages: each sample's raw source is
cut at blank lines into chunks (wrapped paragraphs, captions, headings, with
their OCR spacing and hard wraps kept), and each generated file is a title line
followed by chunks drawn at random (fixed seed) until it reaches ~100 KB.

    python bench/import_bench.py [--mb 20] [--runs 3]

Target (issue #2): parse+store >= 5 MB/s on one core.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.ingest.importer import Outcome, import_paths  # noqa: E402
from reader.core.library.store import open_library  # noqa: E402
from reader.core.text.decoding import decode_bytes  # noqa: E402
from reader.core.text.structure import parse_text  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"


def source_chunks() -> list[str]:
    chunks: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chunks += [c.strip("\n") for c in re.split(r"\n\s*\n", text) if c.strip()]
    return chunks


def build_corpus(folder: Path, megabytes: float, seed: int = 2) -> int:
    rng = random.Random(seed)
    chunks = source_chunks()
    total = 0
    n = 0
    while total < megabytes * 1e6:
        parts = [f"# 合成文章第{n}篇 用样本段落重组"]
        size = 0
        while size < 100_000:
            chunk = rng.choice(chunks)
            parts.append(chunk)
            size += len(chunk.encode("utf-8"))
            if rng.random() < 0.05:
                parts.append(f"# 合成文章第{n}篇之{size} 分篇标题")
        data = ("\n\n" + "\n" * rng.choice((0, 0, 2))).join(parts).encode("utf-8")
        (folder / f"page_{n:04d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    return total


def read_decode(files: list[Path]) -> float:
    started = time.perf_counter()
    for path in files:
        decode_bytes(path.read_bytes())
    return time.perf_counter() - started


def parse_only(files: list[Path]) -> float:
    texts = [(decode_bytes(p.read_bytes()).text, p.name) for p in files]
    started = time.perf_counter()
    for text, name in texts:
        parse_text(text, name)
    return time.perf_counter() - started


def import_run(folder: Path, library_path: Path) -> tuple[float, float, int]:
    """(seconds storing, seconds indexing, files imported), from the import's own summary."""
    with open_library(library_path) as library:
        summary = import_paths(library, [folder])
    return summary.storing_seconds, summary.indexing_seconds, summary.count(Outcome.IMPORTED)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = build_corpus(folder, args.mb)
        files = sorted(folder.glob("*.txt"))
        mb = size / 1e6
        print(f"corpus: {len(files)} files, {mb:.1f} MB (sample chunks recombined, seed 2)")
        base = [read_decode(files) for _ in range(args.runs)]
        parse = [parse_only(files) for _ in range(args.runs)]
        store, index, total = [], [], []
        for run in range(args.runs):
            storing, indexing, imported = import_run(folder, Path(tmp) / f"lib{run}.sqlite3")
            assert imported == len(files), f"only {imported} of {len(files)} imported"
            store.append(storing)
            index.append(indexing)
            total.append(storing + indexing)
    b, p, s, i, t = (statistics.median(x) for x in (base, parse, store, index, total))
    print(f"baseline read+decode      : {mb / b:7.1f} MB/s  ({b:.2f} s, median of {args.runs})")
    print(f"parse only                : {mb / p:7.1f} MB/s  ({p:.2f} s)")
    print(f"parse+store (import files): {mb / s:7.1f} MB/s  ({s:.2f} s; {s / b:.0f}x read+decode)")
    print(f"then the search index     : {mb / i:7.1f} MB/s  ({i:.2f} s, one batch)")
    print(f"whole import run          : {mb / t:7.1f} MB/s  ({t:.2f} s)")
    print(f"target parse+store >= 5 MB/s: {'met' if mb / s >= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
