"""Find the files in ``resources/``: in the wheel, the source tree or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.errors import ReaderError


def resource_dir() -> Path:
    here = Path(__file__).resolve()
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "reader" / "resources",  # PyInstaller bundle
        here.parents[1] / "resources",  # installed wheel: reader/resources
        here.parents[3] / "resources",  # source tree / editable install
    ]
    for candidate in candidates:
        if (candidate / "samples").is_dir():
            return candidate
    raise ReaderError("Reader's resources folder is missing; reinstall Reader")


def samples_dir() -> Path:
    return resource_dir() / "samples"
