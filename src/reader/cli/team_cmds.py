"""Working as a team: ``reader merge``, ``agreement``, ``adjudicate`` and ``report``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from typing import Any

from reader.cli.common import EXIT_OK, check_article_id, open_library_of

SHOWN_DISAGREEMENTS = 20


def cmd_merge(args: argparse.Namespace) -> int:
    from reader.core.team.merge import merge

    with open_library_of(args) as library:
        summary = merge(library, args.other, as_name=args.as_name)
    print(f"annotators: {', '.join(summary.annotators) or '(none)'}")
    print(summary.line())
    if summary.renumbered:
        print(f"{summary.renumbered} given new ids (their ids were another annotator's here)")
    if summary.orphaned:
        print(f"{summary.orphaned} merged as orphaned: their passages were not found")
    return EXIT_OK


def cmd_agreement(args: argparse.Namespace) -> int:
    from reader.core.team.agreement import agreement

    ids = [check_article_id(i) for i in args.article]
    with open_library_of(args) as library:
        found = agreement(
            library,
            article_ids=ids,
            tags=args.tag,
            annotators=args.annotator or None,
            words=args.words,
        )
    data = found.as_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return EXIT_OK
    keys = ["span_f1", "overlap_f1", "kappa", "alpha"]
    keys += ["word_kappa", "word_alpha"] if args.words else []
    if args.csv:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(["a", "b", "tag", "articles", *keys, "a_spans", "b_spans", "units"])
        for pair in data["pairs"]:
            rows = [("", pair), *pair["per_tag"].items()]
            for tag, s in rows:
                counts = (s["a_spans"], s["b_spans"], s["units"])
                out.writerow(
                    [pair["a"], pair["b"], tag, pair["articles"], *(s[k] for k in keys), *counts]
                )
        return EXIT_OK
    _print_table(data, keys)
    return EXIT_OK


def _num(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}"


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad to ``width`` terminal columns (a CJK character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    fill = " " * max(width - used, 1 if right else 0)
    return fill + text if right else text + fill


def _print_table(data: dict[str, Any], keys: list[str]) -> None:
    print(f"annotators: {', '.join(data['annotators'])}; tags: {', '.join(data['tags']) or '-'}")
    heads = {"span_f1": "span F1", "overlap_f1": "overlap F1", "kappa": "κ", "alpha": "α"}
    heads |= {"word_kappa": "word κ", "word_alpha": "word α"}
    print(
        _pad("pair", 24)
        + _pad("tag", 12)
        + _pad("articles", 9, right=True)
        + "".join(_pad(heads[k], 11, right=True) for k in keys)
        + _pad("spans a/b", 12, right=True)
    )
    for pair in data["pairs"]:
        name = f"{pair['a']} × {pair['b']}"
        rows = [("(all)", pair), *pair["per_tag"].items()]
        for tag, s in rows:
            print(
                _pad(name, 24)
                + _pad(tag, 12)
                + _pad(str(pair["articles"]), 9, right=True)
                + "".join(_pad(_num(s[k]), 11, right=True) for k in keys)
                + _pad(f"{s['a_spans']}/{s['b_spans']}", 12, right=True)
            )
            name = ""
    shown = data["disagreements"][:SHOWN_DISAGREEMENTS]
    more = len(data["disagreements"]) - len(shown)
    print(f"\n{len(data['disagreements'])} disagreements" + (" (first shown)" if more else ""))
    for d in shown:
        print(_disagreement_line(d))
    if more:
        print(f"… {more} more (--json lists them all)")


def _disagreement_line(d: dict[str, Any]) -> str:
    quote = d["quote"].replace("\n", " ")
    quote = quote if len(quote) <= 20 else quote[:19] + "…"
    return (
        f"  article {d['article']} {d['start']}-{d['end']} {d['tag']} “{quote}”: "
        f"marked by {', '.join(d['marked_by'])}; not by {', '.join(d['missing'])}"
    )


def cmd_adjudicate(args: argparse.Namespace) -> int:
    from reader.core.team.adjudicate import auto_adjudicate, remaining

    article = check_article_id(args.article)
    with open_library_of(args) as library:
        written = auto_adjudicate(library, article) if args.auto else []
        left = remaining(library, article)
    if args.json:
        print(
            json.dumps(
                {
                    "gold_written": [
                        {"id": a.id, "start": a.start, "end": a.end, "tags": list(a.tags)}
                        for a in written
                    ],
                    "disagreements": [d.as_dict() for d in left],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return EXIT_OK
    if args.auto:
        print(f"{len(written)} agreed spans written to gold")
    print(f"{len(left)} disagreements left to adjudicate")
    for d in left:
        print(_disagreement_line(d.as_dict()))
    return EXIT_OK


def _locale_lang() -> str:
    """zh when the user's locale (LC_ALL, LC_MESSAGES or LANG) is Chinese, else en."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def cmd_report(args: argparse.Namespace) -> int:
    from reader.core.exchange.atomic_file import write_atomically
    from reader.core.team.report import gather, render

    with open_library_of(args) as library:
        page = render(gather(library), title=args.title, lang=args.lang or _locale_lang())
    data = page.encode("utf-8")
    write_atomically(args.output, data, overwrite=args.force)
    print(f"wrote {args.output} ({len(data):,} bytes)", file=sys.stderr)
    return EXIT_OK


def add_parsers(sub: Any, common: argparse.ArgumentParser, article_id: Any) -> None:
    """The team commands' parsers (called by :func:`reader.cli.build_parser`)."""
    from pathlib import Path

    p = sub.add_parser(
        "merge",
        parents=[common],
        help="merge another annotator's library (read-only) or notes export into this one",
    )
    p.add_argument("other", type=Path, metavar="OTHER", help="a library file or a notes export")
    p.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        help="the annotator of the annotations that name none (required when some name none)",
    )
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("agreement", parents=[common], help="agreement between annotators")
    p.add_argument(
        "--article", type=article_id, action="append", default=[], metavar="ID",
        help="only this article (repeatable); then an annotator's silence there counts as 'no'",
    )  # fmt: skip
    p.add_argument("--tag", action="append", default=[], metavar="T", help="only this tag")
    p.add_argument(
        "--annotator",
        action="append",
        default=[],
        metavar="NAME",
        help="only these annotators (repeatable; name gold to compare with the gold layer)",
    )
    p.add_argument("--words", action="store_true", help="also κ and α over jieba words")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print JSON")
    form.add_argument("--csv", action="store_true", help="print CSV, one row per pair and tag")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser(
        "adjudicate", parents=[common], help="list an article's disagreements; --auto fills gold"
    )
    p.add_argument("--article", type=article_id, required=True, metavar="ID")
    p.add_argument(
        "--auto", action="store_true", help="write every span all annotators agree on into gold"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_adjudicate)

    p = sub.add_parser("report", parents=[common], help="write a team report as one HTML page")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    p.add_argument("--title", help="the page's title (default: 团队报告 / Team report)")
    p.add_argument(
        "--lang",
        choices=["zh", "en"],
        help="the page's language (default: Chinese when the locale is Chinese, else English)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_report)
