"""What every command shares: exit statuses, opening the named library, article ids."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import NotFoundError
from reader.core.exchange.names import STATUS_NAMES
from reader.core.paths import default_library_path

if TYPE_CHECKING:
    from reader.core.library.store import Library

# Exit statuses (README, "Command line"). 141 is 128 + SIGPIPE, what a C tool
# killed by the closed pipe would return, so `set -o pipefail` scripts see the same.
EXIT_OK, EXIT_PARTIAL, EXIT_ERROR, EXIT_INTERNAL, EXIT_PIPE = 0, 1, 2, 3, 141
SQLITE_MAX_INT = 2**63 - 1


def library_path(args: argparse.Namespace) -> Path:
    """The library a command acts on: ``--library`` (before or after the command), else default."""
    named: Path | None = getattr(args, "library", None)
    return named if named is not None else default_library_path()


def open_library_of(args: argparse.Namespace, create: bool = False) -> Library:
    from reader.core.library.store import open_library

    return open_library(library_path(args), create=create)


def article_id(text: str) -> int:
    """argparse type: a whole number, however large (too large is "no such article" later)."""
    stripped = text.strip()
    digits = stripped.removeprefix("-").removeprefix("+")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 40:
        shown = stripped if len(stripped) <= 24 else stripped[:24] + "…"
        raise argparse.ArgumentTypeError(f"not an article id: {shown!r}")
    return int(stripped)


def check_article_id(value: int) -> int:
    """Refuse an id no article can have (SQLite integers stop at 2**63 - 1)."""
    if not 1 <= value <= SQLITE_MAX_INT:
        raise NotFoundError(f"no article with id {value}")
    return value


def status_key(text: str) -> str:
    """argparse type: a review status by its key (``reviewed``) or Chinese name (``已审``)."""
    by_name = {name: key for key, name in STATUS_NAMES.items()}
    key = by_name.get(text.strip(), text.strip())
    if key not in STATUS_NAMES:
        said = ", ".join(f"{k} ({n})" for k, n in STATUS_NAMES.items())
        raise argparse.ArgumentTypeError(f"not a review status: {text!r}; choose one of {said}")
    return key
