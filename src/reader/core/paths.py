"""Where Reader keeps its files: platformdirs locations, overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Reader"
APP_AUTHOR = "reader-annotator"
LIBRARY_ENV = "READER_LIBRARY"
LIBRARY_FILE = "library.sqlite3"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def default_library_path() -> Path:
    """``$READER_LIBRARY`` if set, else ``library.sqlite3`` in the user data folder."""
    env = os.environ.get(LIBRARY_ENV)
    return Path(env).expanduser() if env else data_dir() / LIBRARY_FILE


LOG_FILE = "reader.log"


def log_dir() -> Path:
    """The per-user log folder (``~/.local/state/Reader/log`` on Linux)."""
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path:
    """Where internal errors are written, with their traceback."""
    return log_dir() / LOG_FILE
