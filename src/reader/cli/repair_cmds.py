"""Damaged libraries: ``reader check`` and ``reader recover``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import EXIT_ERROR, EXIT_OK, library_path


def cmd_check(args: argparse.Namespace) -> int:
    from reader.core.repair.check import check_library

    report = check_library(library_path(args))
    for line in report.lines():
        print(line)
    if report.ok:
        return EXIT_OK
    sys.stdout.flush()
    print(f"reader: {report.lines()[0]}", file=sys.stderr)
    return EXIT_ERROR


def cmd_recover(args: argparse.Namespace) -> int:
    from reader.core.repair.recover import recover_library

    out: Path = args.out
    result = recover_library(library_path(args), out, progress=lambda m: print(m, file=sys.stderr))
    for line in result.lines():
        print(line)
    return EXIT_OK
