"""Start-up: process start to the first painted window, beside a bare PySide6 window.

Reader opens with its last library (the samples, imported beforehand) and its
last article. Both runs use the same interpreter and the same Qt platform
(offscreen unless a display is set); times come from the system-wide monotonic
clock, taken by this script just before it starts the process, and by the
process at its first paint event.

    python bench/startup_bench.py [--runs 7]

Target (issue #3): <= 1.0 s, and <= 3x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    out = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"no paint reported: {out.stderr[-800:]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_DATA_HOME": f"{tmp}/data",
            "XDG_CACHE_HOME": f"{tmp}/cache",
            "READER_PROBE_FIRST_PAINT": "1",
        }
        # Byte-code caches as an installed Reader has them (pip compiles on install): a
        # shell with PYTHONDONTWRITEBYTECODE would otherwise compile every module each run.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        library = Path(tmp) / "lib.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "reader", "import", "--samples", "--library", str(library)],
            check=True,
            capture_output=True,
            env=env,
        )
        reader = [sys.executable, "-m", "reader", "--library", str(library)]
        bare = [sys.executable, "-c", BARE]
        timed(reader, env)  # first run: settings written, caches warm, like any later start
        timed(bare, env)
        reader_times, bare_times = [], []
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            bare_times.append(timed(bare, env))
            reader_times.append(timed(reader, env))
    r, b = statistics.median(reader_times), statistics.median(bare_times)
    print(
        f"bare PySide6 window : median {b * 1000:6.0f} ms  (runs: "
        f"{', '.join(f'{t * 1000:.0f}' for t in bare_times)})"
    )
    print(
        f"Reader, last library: median {r * 1000:6.0f} ms  (runs: "
        f"{', '.join(f'{t * 1000:.0f}' for t in reader_times)})"
    )
    print(
        f"ratio {r / b:.2f}x; target <= 1000 ms and <= 3x: "
        f"{'met' if r <= 1.0 and r / b <= 3 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
