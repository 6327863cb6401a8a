"""Mutation testing of reader.core with mutmut 3, and the score per module and group.

mutmut (configured under ``[tool.mutmut]`` in pyproject.toml) copies the tree to
``mutants/``, writes every mutant of reader.core into it behind a trampoline, runs
the core tests once to learn which tests call which function, and then, for each
mutant, runs only those tests. A mutant is *killed* when a test fails (or it hangs
past the timeout); it *survived* when they all pass; *no tests* means no selected
test calls the function.

    python bench/mutation.py search anchoring importer annotations   # the named groups
    python bench/mutation.py all                                    # all of reader.core
    python bench/mutation.py --report-only all                      # just print the table
    python bench/mutation.py --retest-survivors search              # after adding tests
    python bench/mutation.py --sample 2000 all                      # a random sample
    python bench/mutation.py --sample 2000 --retest-survivors all   # after adding tests
    python bench/mutation.py held --tests tests/test_held_files.py   # a focused score

``--tests`` runs each mutant of the groups against those test files only, not mutmut's
selection (every test that calls the mutated function: for a function every statement
calls, such as SQLite's error translation, that is most of the suite, hours a module).
It scores what the module's own tests catch, a floor of the whole suite's score, and
says so; results go where mutmut's go, so the report reads them alike.

A whole run of reader.core is about 14,000 mutants, four hours on two cores. ``--sample N``
draws N of them at random (a fixed seed, so a later run continues the same sample), runs
the ones without a result, and prints the share killed with its 95% Wilson interval. A
uniform random sample estimates the score without bias; mutmut's own order (cheapest
first) does not, so a partly finished whole run is no estimate.

The groups are listed in GROUPS. Results are cached in ``mutants/``: a later run only
retests what changed (delete ``mutants/`` to start over). Too slow for CI (about one
mutant a second on two cores); CI does not run it.
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = Path("src/reader/core")

# group -> (module globs relative to src/reader/core, target share of killed mutants)
GROUPS: dict[str, tuple[list[str], float]] = {
    "search": (["search/*.py"], 0.85),
    "anchoring": (["notes/anchoring.py"], 0.85),
    "importer": (["ingest/importer.py"], 0.85),
    "annotations": (["notes/annotations.py"], 0.85),
    "notes": (["notes/*.py"], 0.75),
    "tags": (["notes/tags.py", "notes/words.py", "notes/vocab.py"], 0.75),
    "text": (["text/*.py"], 0.75),
    "library": (["library/*.py"], 0.75),
    "exchange": (["exchange/*.py"], 0.75),
    "ingest": (["ingest/*.py"], 0.75),
    "repair": (["repair/*.py"], 0.75),
    "top": (["*.py"], 0.75),  # errors, paths, resources, stamps
    # the seventh session's: files held open, the files' order, SQLite's errors as messages
    "held": (["library/held_files.py", "library/ordering.py", "library/sqlite_errors.py"], 0.8),
    "fills": (["exchange/fills.py"], 0.85),
    # the tenth session's: query terms and phrases, passages, notes placed among articles
    # holding one text, local times, the titles folded a chunk at a time
    "query": (["search/query.py"], 0.85),
    "tenth": (
        [
            "search/terms.py",
            "search/passages.py",
            "exchange/placing.py",
            "stamps.py",
            "library/title_filter.py",
        ],
        0.85,
    ),
    "all": (["**"], 0.75),
}

# mutmut's exit codes (mutmut/stats.py)
KILLED = {1, 3}
TIMEOUT = {36, -24, 24, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


@dataclass
class Score:
    killed: int = 0
    timeout: int = 0
    survived: int = 0
    no_tests: int = 0
    other: int = 0  # suspicious, skipped, segfault
    unchecked: int = 0
    sql_case: int = 0  # survivors that only change the letter case of SQL: equivalent
    survivors: list[str] = field(default_factory=list)
    retest: list[str] = field(default_factory=list)  # survivors, timeouts, not run yet

    @property
    def total(self) -> int:
        return self.killed + self.timeout + self.survived + self.no_tests + self.other

    @property
    def detected(self) -> int:
        return self.killed + self.timeout

    @property
    def adjusted(self) -> str:
        """The score once the equivalent SQL-case mutants are left out."""
        real = self.total - self.sql_case
        return f"{100 * self.detected / real:5.1f}%" if real else "    -"

    def add(self, other: Score) -> None:
        self.killed += other.killed
        self.timeout += other.timeout
        self.survived += other.survived
        self.no_tests += other.no_tests
        self.other += other.other
        self.unchecked += other.unchecked
        self.sql_case += other.sql_case
        self.survivors += other.survivors


def modules_of(group: str) -> list[Path]:
    globs, _ = GROUPS[group]
    files = sorted(p.relative_to(ROOT / CORE) for p in (ROOT / CORE).rglob("*.py"))
    picked = []
    for f in files:
        for g in globs:
            if g == "**" or (fnmatch(str(f), g) and (g.count("/") == str(f).count("/"))):
                picked.append(f)
                break
    return picked


def mutant_glob(module: Path) -> str:
    dotted = ".".join(("reader", "core", *module.with_suffix("").parts))
    return dotted + ".*"


SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|VALUES|ORDER BY|JOIN|SET)\b")
SQL_ANY_CASE = re.compile(SQL_WORDS.pattern, re.IGNORECASE)
# FTS5 special commands are matched without regard to case; other quoted SQL values are data.
FTS5_COMMANDS = {"delete", "delete-all", "merge", "automerge", "optimize", "integrity-check"}


def _sql_norm(value: str) -> str:
    """SQL as SQLite reads it: keywords and names in any case; quoted data as written."""
    parts = value.split("'")
    for i, part in enumerate(parts):
        if i % 2 == 0 or part.lower() in FTS5_COMMANDS:
            parts[i] = part.upper()
    return "'".join(parts)


_identifiers: set[str] | None = None


def schema_identifiers() -> set[str]:
    """Table and column names of a fresh library: SQLite reads them in any case."""
    global _identifiers
    if _identifiers is None:
        import tempfile

        sys.path.insert(0, str(ROOT / "src"))
        from reader.core.library.store import open_library

        with tempfile.TemporaryDirectory() as folder:
            lib = open_library(Path(folder) / "lib.sqlite3")
            tables = [r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master")]
            names = set(tables)
            for table in tables:
                names |= {r[1] for r in lib.conn.execute(f"PRAGMA table_info('{table}')")}
            lib.close()
        _identifiers = {n.lower() for n in names}
    return _identifiers


def _normalised(fn: ast.AST, sql: re.Pattern[str]) -> str:
    fn = ast.parse(ast.unparse(fn)).body[0]
    assert isinstance(fn, ast.FunctionDef)
    fn.name = ""
    if ast.get_docstring(fn) is not None:
        fn.body = fn.body[1:]
    for node in ast.walk(fn):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if sql.search(node.value):
            node.value = _sql_norm(node.value)
        elif node.value.lower() in schema_identifiers():
            node.value = node.value.upper()  # a table or column name
    return ast.dump(fn)


def sql_case_mutants(module: Path, names: list[str]) -> set[str]:
    """Mutants that differ from the original only in the case of SQL text (equivalent)."""
    if not names:
        return set()
    tree = ast.parse((ROOT / "mutants" / CORE / module).read_text(encoding="utf-8"))
    defs = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    found = set()
    for name in names:
        short = name.rsplit(".", 1)[-1]
        orig = defs.get(short.rsplit("__mutmut_", 1)[0] + "__mutmut_orig")
        mutant = defs.get(short)
        if orig is None or mutant is None:
            continue
        # SQL here is written in capitals: the original must be, the mutant may be any case
        if _normalised(orig, SQL_WORDS) == _normalised(mutant, SQL_ANY_CASE):
            found.add(name)
    return found


def score_of(module: Path) -> Score:
    meta = ROOT / "mutants" / CORE / (str(module) + ".meta")
    s = Score()
    if not meta.exists():
        return s
    codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
    for name, code in sorted(codes.items()):
        if code is None:
            s.unchecked += 1
            s.retest.append(name)
        elif code in KILLED:
            s.killed += 1
        elif code in TIMEOUT:
            s.timeout += 1
            s.retest.append(name)  # on a loaded machine a slow run can pass for a hang
        elif code in SURVIVED:
            s.survived += 1
            s.survivors.append(name)
        elif code in NO_TESTS:
            s.no_tests += 1
            s.survivors.append(name)
        else:
            s.other += 1
            s.survivors.append(name)
    survived = [n for n, c in codes.items() if c in SURVIVED]
    equivalent = sql_case_mutants(module, survived)
    s.sql_case = len(equivalent)
    s.retest += [n for n in s.survivors if n not in equivalent]
    return s


def all_codes(groups: list[str]) -> dict[str, int | None]:
    """Every generated mutant of the groups, with its exit code (None: not run yet)."""
    codes: dict[str, int | None] = {}
    for g in groups:
        for m in modules_of(g):
            meta = ROOT / "mutants" / CORE / (str(m) + ".meta")
            if meta.exists():
                codes.update(json.loads(meta.read_text())["exit_code_by_key"])
    return codes


def draw_sample(groups: list[str], size: int, seed: int) -> list[str]:
    """A uniform random sample of the groups' mutants, kept in ``mutants/`` so that a
    later run continues it.

    When the code changes, mutants that are gone leave the sample, and mutants that are
    new are drawn at the same rate as the first draw: every mutant of the tree as it is
    now has had the same chance to be in the sample."""
    names = sorted(all_codes(groups))
    kept = ROOT / "mutants" / f"sample-{'-'.join(groups)}-{seed}-{size}.json"
    if not kept.exists():
        sample = sorted(random.Random(seed).sample(names, min(size, len(names))))
        rate = len(sample) / len(names) if names else 0.0
        record = {"rate": rate, "population": names, "sample": sample}
    else:
        record = json.loads(kept.read_text())
        now = set(names)
        known = set(record["population"])
        new = sorted(now - known)
        extra = random.Random(seed + len(known)).sample(new, round(record["rate"] * len(new)))
        record["sample"] = sorted({n for n in record["sample"] if n in now} | set(extra))
        record["population"] = sorted(known | now)
    kept.write_text(json.dumps(record))
    return [n for n in record["sample"] if n in set(names)]


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion hits/n."""
    if n == 0:
        return 0.0, 1.0
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def sample_report(groups: list[str], sample: list[str], out: list[str]) -> None:
    codes = all_codes(groups)
    done = [n for n in sample if codes.get(n) is not None]
    hits = sum(1 for n in done if codes[n] in KILLED | TIMEOUT)
    low, high = wilson(hits, len(done))
    target = min(GROUPS[g][1] for g in groups)
    out.append("")
    out.append(f"[random sample of {len(sample)} mutants from {', '.join(groups)}]")
    out.append(f"{'group':<12} {'killed':>7} {'run':>5} {'score':>6}")
    by_top: dict[str, list[str]] = {}
    for n in done:
        part = n.split(".")[2] if n.count(".") > 3 else "top"
        by_top.setdefault(part, []).append(n)
    for part, names in sorted(by_top.items()):
        k = sum(1 for n in names if codes[n] in KILLED | TIMEOUT)
        out.append(f"{part:<12} {k:>7} {len(names):>5} {100 * k / len(names):5.1f}%")
    if done:
        verdict = "met" if low >= target else "not shown" if high >= target else "NOT met"
        out.append(
            f"{'= sample':<12} {hits:>7} {len(done):>5} {100 * hits / len(done):5.1f}%  "
            f"95% interval {100 * low:.1f}-{100 * high:.1f}%  target {target:.0%}: {verdict}"
        )
    if len(done) < len(sample):
        out.append(f"({len(sample) - len(done)} of the sample not run yet)")


def pct(s: Score) -> str:
    return f"{100 * s.detected / s.total:5.1f}%" if s.total else "    -"


def generate(children: int) -> None:
    """Write (or refresh) the mutants in ``mutants/``, as ``mutmut run`` does first."""
    script = (
        "from mutmut import __main__ as m\n"
        "m.makedirs(m.Path('mutants'), exist_ok=True)\n"
        "m.copy_src_dir(); m.copy_also_copy_files(); m.setup_source_paths()\n"
        "m.store_lines_covered_by_tests()\n"
        f"m.create_mutants({int(children)})\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)


def run_mutmut(
    groups: list[str],
    children: int,
    survivors_only: bool = False,
    only: list[str] | None = None,
) -> int:
    exe = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or shutil.which("mutmut")
    if exe is None:
        print("mutmut is not installed: pip install -e '.[test,dev]'", file=sys.stderr)
        return 2
    names = sorted({mutant_glob(m) for g in groups for m in modules_of(g)})
    if survivors_only:  # after adding tests: retest what survived, keep the kills
        names = sorted({n for g in groups for m in modules_of(g) for n in score_of(m).retest})
        if not names:
            return 0
    if only is not None:  # these mutants exactly (mutmut reruns every name it is given)
        names = only
        if not names:
            return 0
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # The CLI tests start `python -m reader`: let them import the mutated tree too.
    env["PYTHONPATH"] = str(ROOT / "mutants" / "src")
    # It must exist when mutmut starts: Python remembers a missing path entry as one with
    # nothing in it, and the mutated tree would then never be imported on a first run.
    (ROOT / "mutants" / "src").mkdir(parents=True, exist_ok=True)
    # Only the names given are retested; with "all", mutmut skips cached results.
    args = [exe, "run", "--max-children", str(children)]
    if "all" not in groups or survivors_only or only is not None:
        args += names
    return subprocess.run(args, cwd=ROOT, env=env).returncode


def run_focused(groups: list[str], tests: list[str], children: int) -> int:
    """Each mutant of ``groups`` against ``tests`` only (see the module's doc)."""
    generate(children)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "mutants" / "src"))
    paths = [str((ROOT / t).resolve()) for t in tests]  # this tree's tests, as they are now
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *paths]

    def run(mutant: str) -> int:
        try:
            done = subprocess.run(
                command,
                cwd=ROOT,
                env={**env, "MUTANT_UNDER_TEST": mutant},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=300,
            )
        except subprocess.TimeoutExpired:
            return 36  # mutmut's code for a timeout: counted as killed
        return done.returncode

    if run("") != 0:  # the tests must pass on the code as it is, or every mutant "dies"
        print("the tests fail on the unmutated code: no score", file=sys.stderr)
        return 2
    for group in groups:
        for module in modules_of(group):
            meta = ROOT / "mutants" / CORE / (str(module) + ".meta")
            if not meta.exists():
                continue
            data = json.loads(meta.read_text(encoding="utf-8"))
            codes = data.setdefault("exit_code_by_key", {})
            for name in sorted(codes):
                codes[name] = 1 if run(name) not in (0, 5) else 0  # 5: none of them ran
                print(f"  {name}: {'killed' if codes[name] else 'survived'}", flush=True)
            meta.write_text(json.dumps(data, indent=4), encoding="utf-8")
    return 0


def report(groups: list[str], out: list[str]) -> None:
    head = (
        f"{'module':<34} {'killed':>7} {'total':>6} {'score':>6} {'surv':>5} {'none':>5} "
        f"{'sqlcase':>7} {'adjusted':>8} target"
    )
    for group in groups:
        target = GROUPS[group][1]
        gs = Score()
        out.append("")
        out.append(f"[{group}]")
        out.append(head)
        for m in modules_of(group):
            s = score_of(m)
            gs.add(s)
            if s.total == 0 and s.unchecked == 0:
                continue
            line = (
                f"{m!s:<34} {s.detected:>7} {s.total:>6} {pct(s):>6} "
                f"{s.survived:>5} {s.no_tests:>5} {s.sql_case:>7} {s.adjusted:>8} {target:.0%}"
            )
            if s.unchecked:
                line += f"  ({s.unchecked} not run)"
            out.append(line)
        met = gs.total and gs.detected / gs.total >= target
        out.append(
            f"{'= ' + group:<34} {gs.detected:>7} {gs.total:>6} {pct(gs):>6} "
            f"{gs.survived:>5} {gs.no_tests:>5} {gs.sql_case:>7} {gs.adjusted:>8} "
            f"{target:.0%} {'met' if met else 'NOT met'}"
            + (f"  ({gs.unchecked} not run)" if gs.unchecked else "")
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "groups", nargs="*", default=["search", "anchoring", "importer", "annotations"]
    )
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument(
        "--retest-survivors",
        action="store_true",
        help="rerun only the mutants that survived, timed out or were not run",
    )
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants")
    parser.add_argument(
        "--sample", type=int, metavar="N", help="run and score N mutants drawn at random"
    )
    parser.add_argument("--seed", type=int, default=2026, help="the sample's seed")
    parser.add_argument(
        "--subsample",
        type=int,
        metavar="M",
        help="score a random M of the sample (drawn with the seed + 1); run only its "
        "mutants without a result. A survivor not rerun since new tests counts as "
        "survived: the score can only be too low, never too high",
    )
    parser.add_argument(
        "--tests",
        nargs="+",
        metavar="FILE",
        help="run each mutant against these test files only: a focused score",
    )
    args = parser.parse_args(argv)
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {unknown}; choose from {sorted(GROUPS)}")
    sample: list[str] | None = None
    if args.sample:
        if not args.report_only:
            generate(args.max_children)  # the mutants of the code as it is now, to draw from
        sample = draw_sample(args.groups, args.sample, args.seed)
        if args.subsample and args.subsample < len(sample):
            sample = sorted(random.Random(args.seed + 1).sample(sample, args.subsample))
    if args.tests and not args.report_only:
        code = run_focused(args.groups, args.tests, args.max_children)
        if code:
            return code
        args.report_only = True
        print(f"focused score: each mutant against {' '.join(args.tests)} only")
    if not args.report_only:
        todo = None
        if sample is not None:  # the sample's mutants not run yet (or not killed yet)
            codes = all_codes(args.groups)
            todo = [
                n
                for n in sample
                if codes.get(n) is None
                or (args.retest_survivors and codes[n] not in KILLED | TIMEOUT)
            ]
        code = run_mutmut(args.groups, args.max_children, args.retest_survivors, todo)
        if code not in (0, 1):
            print(f"mutmut exited {code}", file=sys.stderr)
    out: list[str] = []
    if sample is not None:
        sample_report(args.groups, sample, out)
    else:
        report(args.groups, out)
    print("\n".join(out))
    print(
        "\nkilled counts timeouts; surv = survived, none = no core test calls the "
        "function; both count against the score. sqlcase = survivors that only change "
        "the letter case of SQL keywords, or of table and column names (SQLite ignores "
        "it: equivalent); "
        "adjusted = the score without them. 'met' judges the unadjusted score."
    )
    if args.survivors:
        for g in args.groups:
            for m in modules_of(g):
                for name in score_of(m).survivors:
                    print("  survivor", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
