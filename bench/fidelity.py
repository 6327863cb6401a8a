"""Fidelity on the wild corpus through the real CLI, and in-process parse MB/s.

Runs ``../shared/tools/fidelity.py`` over ``../shared/corpus/wild`` with
``reader parse --json {}`` (this interpreter's ``-m reader``, so the source tree
is what runs), prints its report, then parses every file of the corpus in this
process and prints parse-alone MB/s beside read+decode MB/s of the same files
and beside markdown-it-py alone on the same texts (baselines from the same run).

    python bench/fidelity.py [--sample N] [--jobs J] [-v] [--corpus DIR] [--tools DIR]

Targets (issue #10): han recall 1.0 in every file; 0 markup left, sentence heads,
link heads, digest items and failures; blank joins <= 1 per 100 files; parse
alone >= 5 MB/s.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from markdown_it import MarkdownIt  # noqa: E402

from reader.core.text.decoding import decode_bytes  # noqa: E402
from reader.core.text.structure import parse_text  # noqa: E402

# ../shared beside the project folder (a worktree one level deeper finds it too)
SHARED = next(
    (d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared",
)
SUFFIXES = (".md", ".txt", ".markdown")


def run_fidelity(args: argparse.Namespace) -> int:
    cmd = f"{shlex.quote(sys.executable)} -m reader parse --json {{}}"
    argv = [sys.executable, str(args.tools / "fidelity.py"), "--corpus", str(args.corpus)]
    argv += ["--cmd", cmd, "--jobs", str(args.jobs)]
    if args.sample:
        argv += ["--sample", str(args.sample)]
    if args.v:
        argv.append("-v")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(argv, env=env, check=False).returncode


def parse_speed(corpus: Path, runs: int) -> None:
    files = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in SUFFIXES)
    if not files:
        print(f"no .md/.txt files under {corpus}")
        return
    raw = [(p.name, p.read_bytes()) for p in files]
    size = sum(len(data) for _, data in raw) / 1e6
    start = time.process_time()
    texts = [(name, decode_bytes(data).text) for name, data in raw]
    decode = time.process_time() - start
    # The baseline, in turns with the parse: markdown-it-py alone (block and inline
    # rules, CommonMark with HTML, tables and strikethrough) over the same texts.
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    best = best_md = float("inf")
    for _ in range(runs):  # CPU time, best of runs: the machine is shared
        start = time.process_time()
        for name, text in texts:
            parse_text(text, name)
        best = min(best, time.process_time() - start)
        start = time.process_time()
        for _, text in texts:
            md.parse(text)
        best_md = min(best_md, time.process_time() - start)
    print(f"in-process parse alone: {size / best:.2f} MB/s ({size:.1f} MB, {len(files)} files,")
    print(
        f"  best of {runs} runs, CPU time); read+decode of the same files: {size / decode:.1f} MB/s"
    )
    print(
        f"  markdown-it-py alone on the same texts: {size / best_md:.2f} MB/s"
        f" (parse / markdown-it: {best_md / best:.2f})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "wild")
    ap.add_argument("--tools", type=Path, default=SHARED / "tools")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--speed-only", action="store_true", help="skip the fidelity run")
    args = ap.parse_args()
    status = 0 if args.speed_only else run_fidelity(args)
    parse_speed(args.corpus, args.runs)
    return status


if __name__ == "__main__":
    sys.exit(main())
