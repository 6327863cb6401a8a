"""reader.core never imports Qt (napari's rule): checked in a clean subprocess."""

import pkgutil
import subprocess
import sys

import reader.core


def test_core_imports_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]
    assert len(modules) >= 30
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import reader.cli\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by the core or CLI: {out.stdout}"


def test_no_star_imports_and_small_modules():
    from pathlib import Path

    root = Path(reader.core.__file__).parents[1]
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import *" not in text, path
        assert text.count("\n") < 450, f"{path} has grown past ~400 lines"


def test_the_window_starts_without_the_parsers_or_sqlite_utils():
    """Start-up stays fast: parsers and sqlite-utils load only when an import or migration runs."""
    code = (
        "import sys\n"
        "import reader.app, reader.ui.window.main_window\n"
        "heavy = ('markdown_it', 'yaml', 'sqlite_utils', 'charset_normalizer', 'jieba', 'docx')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"loaded at start-up: {out.stdout}"
