"""The ``reader`` command. It calls the core directly; no Qt is loaded for subcommands.

One module per command group: ``library_cmds`` (import, ls, show, search),
``notes_cmds`` (export, import-notes), ``team_cmds`` (merge, agreement,
adjudicate, report), ``repair_cmds`` (check, recover),
``parse_cmd``; ``faults`` turns every failure into one line and an exit status.

Exit status: 0 success, 1 an import where some files were refused, 2 usage,
library, file or disk errors, 3 an internal error (its traceback goes to the log
file, never to the terminal), 141 the reader of our output went away.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.cli.common import article_id, status_key
from reader.cli.faults import configure_logging, run_guarded
from reader.cli.library_cmds import cmd_default, cmd_import, cmd_ls, cmd_search, cmd_show
from reader.cli.notes_cmds import cmd_export, cmd_import_notes
from reader.cli.parse_cmd import cmd_parse
from reader.cli.repair_cmds import cmd_check, cmd_recover
from reader.cli.team_cmds import add_parsers as add_team_parsers
from reader.core.paths import LIBRARY_ENV, default_library_path

# reader.core.exchange.exporting.FORMATS, spelled out so `reader --help` loads no exporter
# (tests/test_export_everywhere.py checks they agree).
EXPORT_FORMATS = (
    "markdown",
    "obsidian",
    "csv",
    "xlsx",
    "docx",
    "html",
    "jsonl",
    "w3c",
    "hypothesis",
    "labelstudio",
    "doccano",
    "xmi",
    "brat",
)

# Commands import what they use when they run: `reader` alone opens the window
# quickly, without loading the parsers or sqlite-utils.

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    library_help = f"the library file (default: ${LIBRARY_ENV}, else {default_library_path()})"
    # --library is accepted before the command and after it. The subcommands'
    # copy has no default, so a value given before the command is never
    # overwritten; given in both places, the one after the command wins.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library", metavar="PATH", type=Path, default=argparse.SUPPRESS, help=library_help
    )
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read and annotate Chinese newspaper articles offline.",
        epilog="Run 'reader' with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--library", metavar="PATH", type=Path, default=None, help=library_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", parents=[common], help="import .txt/.md files and folders")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (recursive)")
    p.add_argument("--samples", action="store_true", help="import the bundled sample articles")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("ls", parents=[common], help="list the articles in the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_ls)

    p = sub.add_parser("show", parents=[common], help="show one cleaned article and its structure")
    p.add_argument("id", type=article_id, metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON with offsets")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", parents=[common], help="search the library")
    p.add_argument(
        "query",
        metavar="QUERY",
        nargs="+",
        help="text to find; words separated by spaces must all be in one passage, "
        "and words in double quotes are a phrase ('\"Xi Jinping\"')",
    )
    p.add_argument("--all", action="store_true", help="every hit, not only the first page")
    p.add_argument("--json", action="store_true", help="JSON Lines, one hit per line")
    p.add_argument(
        "--exact-script",
        action="store_true",
        help="match only the script typed (by default Traditional and Simplified match)",
    )
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", parents=[common], help="export notes")
    p.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        help="labelstudio, doccano, xmi (INCEpTION), brat: for annotation tools; "
        "obsidian, xmi and brat write a folder",
    )
    p.add_argument(
        "--article",
        type=article_id,
        action="append",
        default=[],
        metavar="ID",
        help="only this article (repeatable: any of the articles)",
    )
    p.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only annotations with this tag (repeatable: any of the tags)",
    )
    p.add_argument(
        "--status",
        type=status_key,
        metavar="S",
        help="only articles with this review status: unread, in_progress, reviewed, "
        "needs_changes, or its Chinese name (未读, 阅读中, 已审, 需修改)",
    )
    p.add_argument(
        "--full-text",
        action="store_true",
        help="markdown: the whole annotated article, highlights as ==marks== "
        "(docx: the article with Word comments; html always writes it; others refuse it)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="file (default, or '-': stdout; binary xlsx/docx need a file); "
        "a folder for obsidian, xmi and brat",
    )
    p.add_argument(
        "--annotator",
        action="append",
        default=[],
        metavar="NAME",
        help="only this annotator's annotations (repeatable; gold is the adjudicated layer)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file, or a folder Reader exported (never a symbolic link, "
        "nor a folder holding files of your own)",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import-notes",
        parents=[common],
        help="import notes: Reader's JSON Lines or W3C JSON-LD, Label Studio JSON, "
        "doccano JSONL, an XMI file/folder/zip (INCEpTION), a brat folder",
    )
    p.add_argument("file", type=Path, metavar="PATH")
    p.set_defaults(func=cmd_import_notes)

    add_team_parsers(sub, common, article_id)

    p = sub.add_parser(
        "check", parents=[common], help="check the library file for damage (exit 2 if damaged)"
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "recover",
        parents=[common],
        help="copy everything readable from a damaged library into a new one",
    )
    p.add_argument("out", type=Path, metavar="OUT", help="the new library file (must not exist)")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("parse", help="recover the structure of a file without importing it")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON (structure_eval.py schema)")
    p.set_defaults(func=cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging()
    if args.command is None:
        return run_guarded(lambda: cmd_default(parser, args), args)
    return run_guarded(lambda: int(args.func(args)), args)
