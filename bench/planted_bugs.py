"""Plant QA's bugs (issue #8) one at a time and check that the core tests catch each.

Each bug is a one-line edit of the source. The script applies it to a temporary copy
of ``src/`` (the tree itself is never touched), runs the core tests (not the Qt ones)
against that copy, and prints caught / MISSED.

    python bench/planted_bugs.py            # every bug
    python bench/planted_bugs.py spans      # one of them
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "src" / "reader" / "core"

# name -> (file, original text, planted text)
BUGS: dict[str, tuple[Path, str, str]] = {
    "spans-no-overlap": (
        CORE / "search" / "query.py",
        "spans.append((pos, pos + len(term)))\n" + " " * 12 + "pos = folded.find(term, pos + 1)",
        "spans.append((pos, pos + len(term)))\n"
        + " " * 12
        + "pos = folded.find(term, pos + len(term))",
    ),
    "title-only-change-ignored": (
        CORE / "ingest" / "importer.py",
        'if old_hash != row["text_hash"] or old_title != article.title:',
        'if old_hash != row["text_hash"]:',
    ),
    "tie-guessed": (
        CORE / "notes" / "anchoring.py",
        "    if best[0] == runner_up[0] and best[1] == runner_up[1]:\n"
        "        return None  # a tie: do not guess\n",
        "",
    ),
    "snippet-left-short": (
        CORE / "search" / "query.py",
        "left = max(0, start - SNIPPET_CONTEXT)",
        "left = max(0, start - SNIPPET_CONTEXT + 1)",
    ),
    "section-bisect-left": (
        CORE / "search" / "query.py",
        "h = bisect_right(heading_starts, start) - 1",
        "h = bisect_right(heading_starts, start - 1) - 1",
    ),
    "section-one-back": (
        CORE / "search" / "query.py",
        "h = bisect_right(heading_starts, start) - 1",
        "h = bisect_right(heading_starts, start) - 2",
    ),
    "section-one-on": (
        CORE / "search" / "query.py",
        'section = headings[h] if h >= 0 else ""',
        'section = headings[min(h + 1, len(headings) - 1)] if h >= 0 else ""',
    ),
}

CORE_TESTS = [
    "tests/",
    "-m",
    "not slow",
    "-p",
    "no:cacheprovider",
    "-q",
    "-x",
    "--ignore-glob=tests/test_ui_*.py",
    "--ignore=tests/test_qt_pitfalls.py",
    "--ignore=tests/test_i18n.py",
]


def plant(name: str) -> bool:
    """True when a test fails with the bug in place."""
    path, original, planted = BUGS[name]
    source = path.read_text(encoding="utf-8")
    if source.count(original) != 1:
        raise SystemExit(f"{name}: the original line is not in {path.name} exactly once")
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "src"
        shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
        (Path(folder) / "resources").symlink_to(ROOT / "resources")  # found beside src/
        target = src / path.relative_to(ROOT / "src")
        target.write_text(source.replace(original, planted), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(src), "QT_QPA_PLATFORM": "offscreen"}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        run = subprocess.run(
            [sys.executable, "-m", "pytest", *CORE_TESTS],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
    failed = [line for line in run.stdout.splitlines() if line.startswith("FAILED")]
    print(f"{name:<28} {'caught' if run.returncode == 1 else 'MISSED'}  {' '.join(failed)[:150]}")
    return run.returncode == 1


def main(argv: list[str]) -> int:
    names = argv or list(BUGS)
    caught = [plant(n) for n in names]
    print(f"{sum(caught)}/{len(caught)} planted bugs caught")
    return 0 if all(caught) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
