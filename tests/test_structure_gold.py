"""The quality bar: block F1 >= 0.97 and every check passing on the sample pages.

Runs the same evaluator the issue names, through the real CLI, on the copies in
tests/data so the project stands on its own.
"""

import re
import subprocess
import sys

from conftest import DATA, GOLD, SEEDS


def test_structure_eval_on_samples():
    cmd = f"{sys.executable} -m reader parse --json {{}}"
    out = subprocess.run(
        [
            sys.executable,
            str(DATA / "structure_eval.py"),
            "--gold",
            str(GOLD),
            "--corpus",
            str(SEEDS),
            "--cmd",
            cmd,
            "-v",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    report = out.stdout
    f1 = float(re.search(r"overall block F1: ([0-9.]+)", report).group(1))
    assert f1 >= 0.97, report
    for name in ("contains", "keeps", "titles", "absent"):
        ok, total = map(int, re.search(rf"{name} checks: (\d+)/(\d+)", report).groups())
        assert ok == total, report
    assert "parser failed" not in report
