"""Notes leaving and coming back: ``reader export`` and ``reader import-notes``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.common import EXIT_OK, check_article_id, open_library_of
from reader.core.errors import ReaderError


def cmd_export(args: argparse.Namespace) -> int:
    from reader.core.exchange.exporting import (
        FOLDER_FORMATS,
        ExportFilter,
        collect,
        render,
        write_atomically,
    )

    wanted = ExportFilter(
        tuple(check_article_id(i) for i in args.article), tuple(args.tag), args.status
    )
    if args.format in FOLDER_FORMATS:
        return _export_folder(args, wanted)
    with open_library_of(args) as library:
        data = render(args.format, collect(library, wanted), full_text=args.full_text)
    if args.output is None:
        if args.format == "docx" and sys.stdout.isatty():
            raise ReaderError("a .docx is binary: write it to a file with -o PATH")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    write_atomically(args.output, data, overwrite=args.force)
    print(f"wrote {args.output} ({len(data):,} bytes)", file=sys.stderr)
    return EXIT_OK


def _export_folder(args: argparse.Namespace, wanted: Any) -> int:
    from reader.core.exchange.bridge_common import write_folder
    from reader.core.exchange.bridge_export import bridge_files
    from reader.core.exchange.exporting import collect

    if args.output is None:
        raise ReaderError(f"{args.format} writes a folder of files: give it with -o FOLDER")
    with open_library_of(args) as library:
        files = bridge_files(args.format, collect(library, wanted))
    write_folder(args.output, files, overwrite=args.force)
    print(f"wrote {args.output}/ ({len(files):,} files)", file=sys.stderr)
    return EXIT_OK


def cmd_import_notes(args: argparse.Namespace) -> int:
    from reader.core.exchange.notes_import import import_notes, read_records

    records = read_records(args.file)  # a bad file is refused before the library is opened
    with open_library_of(args) as library:
        summary = import_notes(library, args.file, records=records)
    for where, why in summary.skipped:
        print(f"skipped: {where}: {why}", file=sys.stderr)
    print(summary.line())
    return EXIT_OK
