"""The PyInstaller bundle: built from packaging/reader.spec, it parses exactly like the source."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, run_reader

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bundle_parses_like_the_source(tmp_path):
    if not _has_module("PyInstaller"):
        pytest.fail("PyInstaller is not installed: install the [dev] extra to build the bundle")
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "reader.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = dist / "reader" / ("reader.exe" if sys.platform == "win32" else "reader")
    assert list((dist / "reader").rglob("jieba/dict.txt")), "jieba's dictionary is not bundled"
    for seed in sorted(SEEDS.glob("*.txt")):
        bundled = subprocess.run(
            [str(exe), "parse", "--json", str(seed)], capture_output=True, timeout=120
        )
        source = run_reader("parse", "--json", str(seed))
        assert bundled.returncode == 0, bundled.stderr
        assert bundled.stdout.decode("utf-8") == source.stdout, seed.name
    lib = tmp_path / "lib.sqlite3"
    imported = subprocess.run(
        [str(exe), "import", "--samples", "--library", str(lib)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert imported.returncode == 0 and "5 imported" in imported.stdout, imported.stderr
    # import-notes validates with jsonschema: its data files must be in the bundle too.
    notes = tmp_path / "bad.jsonl"
    notes.write_text('{"type": "reader-annotation", "id": "x", "color": [1]}\n', encoding="utf-8")
    refused = subprocess.run(
        [str(exe), "import-notes", str(notes), "--library", str(lib)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    source_refusal = run_reader("import-notes", str(notes), "--library", str(lib))
    assert refused.returncode == source_refusal.returncode == 2, refused.stderr
    assert refused.stderr == source_refusal.stderr and "line 1" in refused.stderr


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
