"""Obsidian: one note per article, for a vault folder.

Each note opens with YAML properties (title, source, url, author, date, status,
tags; every value written as a JSON string, which YAML reads as it is), links back
to the source file, and gives each highlight in its context (``…before ==quote==
after…``) with its valid Obsidian tags, colour and note. Orphaned notes are marked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote as url_quote

from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.markdown import _md, _md_line, marked_line, md_text, obsidian_tag
from reader.core.exchange.names import orphan_label, status_name

# Characters Obsidian (or Windows, macOS) refuses in a note's file name.
_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f\x7f]')


def file_name(title: str, taken: set[str]) -> str:
    """A file name for the note: the title without characters a vault refuses, unique."""
    base = _UNSAFE.sub(" ", title).strip(" .") or "untitled"
    base = re.sub(r"\s+", " ", base)[:80].rstrip(" .")
    name, number = f"{base}.md", 2
    while name.lower() in taken:
        name, number = f"{base} ({number}).md", number + 1
    taken.add(name.lower())
    return name


def in_context(before: str, quote: str, after: str) -> str:
    """``before ==quote== after`` as one blockquote paragraph: the quote marked on each
    line it runs over, line breaks as hard breaks, everything else escaped."""
    parts = ((before, False), (quote, True), (after, False))
    if "\n" in before or "\n" in quote or "\n" in after:
        lines: list[list[tuple[str, bool]]] = [[]]
        for text, marked in parts:
            for number, part in enumerate(text.split("\n")):
                if number:
                    lines.append([])
                if part:
                    lines[-1].append((part, marked))
    else:  # most quotes: one line
        lines = [[(text, marked) for text, marked in parts if text]]
    out = []
    for line in lines:
        pieces = [
            (_md(t) if marked or i else _md_line(t), marked) for i, (t, marked) in enumerate(line)
        ]
        out.append(marked_line(pieces) or "&nbsp;")
    return "\\\n> ".join(out)


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def note(item: ExportArticle, labels: Mapping[str, str] | None = None) -> str:
    said = labels or {}
    a = item.article
    meta = a.metadata
    tags = list(dict.fromkeys(obsidian_tag(t)[1:] for n in item.notes for t in n.annotation.tags))
    props = [
        "---",
        f"title: {_yaml(a.title)}",
        f"source: {_yaml(a.source_path)}",
        f"url: {_yaml(str(meta.get('url', '') or ''))}",
        f"author: {_yaml(str(meta.get('author', '') or ''))}",
        f"date: {_yaml(str(meta.get('date', '') or ''))}",
        f"status: {_yaml(status_name(a.status, said))}",
        "tags:" if tags else "tags: []",
        *(f"  - {_yaml(t)}" for t in tags),
        "---",
        "",
        f"# {_md(a.title)}",
        "",
    ]
    if a.source_path:
        link = "file://" + url_quote(str(Path(a.source_path).absolute()))
        props += [f"{said.get('Source', 'Source')}: [{_md(Path(a.source_path).name)}](<{link}>)"]
    if meta.get("url"):
        props += [f"URL: <{str(meta['url']).replace('>', '%3E')}>"]
    props.append("")
    if a.note:
        props += [md_text(a.note), ""]
    for exported in item.notes:
        n = exported.annotation
        # context of white space only (a quote ending its article) gives no line of "…"
        context = f"…{n.prefix.lstrip()}" if n.prefix.strip() else ""
        after = f"{n.suffix.rstrip()}…" if n.suffix.strip() else ""
        props.append("> " + in_context(context, n.quote, after))
        props.append("")
        line = []
        if n.state == "orphaned":
            line.append(orphan_label(said))
        if n.tags:
            line.append(" ".join(obsidian_tag(t) for t in n.tags))
        if n.color:
            line.append(f"{said.get('colour', 'colour')}: {said.get(n.color, n.color)}")
        if exported.section:
            line.append(f"§ {_md(exported.section)}")
        if line:
            props += ["  ".join(line), ""]
        if n.note:
            props += [md_text(n.note), ""]
    return "\n".join(props).rstrip() + "\n"


def obsidian_files(
    items: list[ExportArticle], labels: Mapping[str, str] | None = None
) -> dict[str, bytes]:
    """File name → note, one per article."""
    taken: set[str] = set()
    return {file_name(i.article.title, taken): note(i, labels).encode("utf-8") for i in items}


def obsidian_preview(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> str:
    """The notes one after another, each under its file name (stdout, the preview)."""
    return "\n".join(
        f"<!-- {name} -->\n{data.decode('utf-8')}"
        for name, data in obsidian_files(items, labels).items()
    )
