"""Text export formats: Markdown, CSV for Excel, HTML, JSON Lines, W3C Web Annotation.

Everything the user or an article wrote is escaped for its format: HTML text
and attributes, CSV cells that Excel would read as formulas, Markdown markup.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from reader.core.exchange.exporting import ExportArticle
from reader.core.notes.annotations import Annotation
from reader.core.notes.vocab import COLOURS
from reader.core.text.model import BlockKind

STATUS_NAMES = {
    "unread": "未读",
    "in_progress": "阅读中",
    "reviewed": "已审",
    "needs_changes": "需修改",
}
JSONL_TYPE = "reader-annotation"
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CSV_COLUMNS = (
    "article",
    "section",
    "quote",
    "prefix",
    "suffix",
    "start",
    "end",
    "tags",
    "note",
    "colour",
    "annotator",
    "created",
    "updated",
    "review status",
)


# --- Markdown -----------------------------------------------------------------------
# Escaped everywhere: characters that make inline markup (emphasis, code, links,
# HTML, entities, marks, footnote references, tables).
_MD_INLINE = frozenset("\\`*_{}[]<>#|~=!^&$")
# Escaped at the start of a line: characters that open a block (headings,
# lists, quotes, rules, setext underlines, fences, tables, footnote definitions).
_MD_LINE_START = frozenset("-+*>#=`~|:")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def _md(text: str) -> str:
    """Escape Markdown markup in text that stays on one line."""
    return "".join("\\" + ch if ch in _MD_INLINE else ch for ch in text)


def _md_line(line: str) -> str:
    """One line of user text that can never start a block: escaped, indentation kept inert."""
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    body = _md(stripped)
    if stripped[:1] in _MD_LINE_START and not body.startswith("\\"):
        body = "\\" + body
    body = _ORDERED.sub(r"\1\\\2", body, count=1)  # "1." / "1)" would start a list
    # Leading spaces would make an indented code block: keep them as entities.
    return indent.replace(" ", "&#32;").replace("\t", "&#9;") + body


def md_text(text: str, indent: str = "") -> str:
    """User text (a note, a quote) as inert Markdown: line breaks become hard breaks, and
    blank lines are kept as a non-breaking space, so the text stays one paragraph
    (inside a footnote too, with ``indent`` on its continuation lines)."""
    lines = [_md_line(line) if line.strip() else "&nbsp;" for line in text.split("\n")]
    return ("\\\n" + indent).join(lines)


def _tag(name: str) -> str:
    return "#" + "".join(c if c.isalnum() or c in "_-/" else "_" for c in name)


def markdown(
    items: list[ExportArticle],
    *,
    full_text: bool = False,
    labels: Mapping[str, str] | None = None,
) -> str:
    """``labels`` translates the English words it writes ("Source", "Review status",
    "colour", a colour's or a status's name); what it lacks stays as it is."""
    said = labels or {}
    lines: list[str] = []
    for item in items:
        a = item.article
        status = said.get(a.status, STATUS_NAMES.get(a.status, a.status))
        lines += [
            f"# {_md(a.title)}",
            "",
            f"- {said.get('Source', 'Source')}: {_md(a.source_path or '—')}",
            f"- {said.get('Review status', 'Review status')}: {status}",
            "",
        ]
        if full_text:
            lines += _annotated_text(item)
            continue
        section = None
        for note in item.notes:
            if note.section != section:
                section = note.section
                if section:
                    lines += [f"## {_md(section)}", ""]
            lines += _md_note(note.annotation, said)
    return "\n".join(lines).rstrip() + "\n"


def _md_note(a: Annotation, said: Mapping[str, str]) -> list[str]:
    quote = [f"> {_md_line(line)}" if line.strip() else ">" for line in a.quote.split("\n")]
    meta = []
    if a.tags:
        meta.append(" ".join(_tag(t) for t in a.tags))
    if a.color:
        meta.append(f"{said.get('colour', 'colour')}: {said.get(a.color, a.color)}")
    out = [*quote, ""]
    if meta:
        out += ["  ".join(meta), ""]
    if a.note:
        out += [md_text(a.note), ""]
    return out


def _annotated_text(item: ExportArticle) -> list[str]:
    """The whole article: highlights as ==marks==, notes as footnotes."""
    text = item.article.text
    spans = sorted(
        (n.annotation for n in item.notes if n.annotation.state != "orphaned"),
        key=lambda x: (x.start, -x.end),
    )
    footnotes: list[str] = []
    out: list[str] = []
    pos = 0
    for a in spans:
        if a.start < pos:  # nested or overlapping: already inside a mark
            continue
        out.append(_md(text[pos : a.start]))
        out.append(f"=={_md(text[a.start : a.end])}==")
        if a.note or a.tags:
            footnotes.append(
                " ".join(filter(None, [" ".join(_tag(t) for t in a.tags), md_text(a.note, "    ")]))
            )
            out.append(f"[^{len(footnotes)}]")
        pos = a.end
    out.append(_md(text[pos:]))
    body = "".join(out).split("\n")
    result = [_inert_paragraph(line) for para in body for line in (para, "")]
    result += [f"[^{i}]: {f}" for i, f in enumerate(footnotes, 1)]
    return [*result, ""]


def _inert_paragraph(line: str) -> str:
    """An article paragraph (already inline-escaped) that cannot open a block."""
    stripped = line.lstrip(" \t")
    if not stripped:
        return ""
    head = "\\" if stripped[:1] in _MD_LINE_START else ""
    return _ORDERED.sub(r"\1\\\2", head + stripped, count=1)


# --- CSV for Excel ----------------------------------------------------------------------
# Characters that make a spreadsheet read a cell as a formula, in ASCII and in the
# full-width and small forms that Excel and LibreOffice fold to ASCII.
_FORMULA_START = frozenset("=+-@\t\r\n＝﹦＋﹢－﹣＠﹫")
# Invisible or blank characters a spreadsheet skips before it looks for a formula.
_SKIPPED = "".join(
    [
        " \t\u00a0\u1680\u202f\u205f\u2060\u3000\ufeff",
        *map(chr, range(0x2000, 0x2010)),
        "\u2028\u2029",
    ]
)


def _triggers(line: str) -> bool:
    stripped = line.lstrip(_SKIPPED)
    return (bool(stripped) and stripped[0] in _FORMULA_START) or stripped != line


def _cell(value: object) -> str:
    """A cell no spreadsheet can run as a formula.

    A cell is guarded with a leading ``'`` when it, or any line in it, starts
    with a formula character after blanks and invisible characters (or starts
    with such a blank at all); each such line inside the cell is guarded too.
    """
    text = "" if value is None else str(value)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(_triggers(line) for line in lines):
        return text
    guarded = [lines[0], *("'" + line if _triggers(line) else line for line in lines[1:])]
    return "'" + "\n".join(guarded)


def csv_bytes(items: list[ExportArticle]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        for note in item.notes:
            a = note.annotation
            writer.writerow(
                [
                    _cell(v)
                    for v in (
                        item.article.title,
                        note.section,
                        a.quote,
                        a.prefix,
                        a.suffix,
                        a.start,
                        a.end,
                        "; ".join(a.tags),
                        a.note,
                        a.color or "",
                        a.annotator,
                        a.created_at,
                        a.updated_at,
                        item.article.status,
                    )
                ]
            )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


# --- HTML -------------------------------------------------------------------------------
_CSS = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif;margin:2em auto;
max-width:60em;color:#1f1f1f;line-height:1.8}
article{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,1.3fr);gap:0 2em;
page-break-after:always;margin-bottom:3em}
h1{grid-column:1/3;font-size:1.6em;margin-bottom:.2em}
.meta{grid-column:1/3;color:#666;font-size:.9em;margin-bottom:1em}
.text p{text-indent:2em;margin:.4em 0} .text h2{font-size:1.15em;color:#9c2a22;margin:1em 0 .3em}
.text p.kicker,.text p.subtitle{text-indent:0;color:#666} .text p.caption{text-indent:0;
font-size:.85em;color:#666;text-align:center} .text p.byline{text-align:right;font-size:.85em}
mark{padding:0 .1em;border-radius:2px}
aside{font-size:.85em;color:#333;border-left:2px solid #ddd;padding-left:1em}
aside .note{margin-bottom:1em} aside .tag{color:#9c2a22} aside .ref{font-weight:bold}
@media print{body{margin:0}}
"""


def html_page(items: list[ExportArticle]) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        "<title>Reader notes</title>",
        f"<style>{_CSS}</style></head><body>",
    ]
    for item in items:
        a = item.article
        parts.append(
            f'<article><h1>{e(a.title)}</h1><div class="meta">{e(a.source_path)} · '
            f"{e(STATUS_NAMES.get(a.status, a.status))}</div>"
        )
        parts.append(f'<div class="text">{_marked_paragraphs(item)}</div><aside>')
        for number, note in enumerate(item.notes, 1):
            n = note.annotation
            tags = " ".join(f'<span class="tag">#{e(t)}</span>' for t in n.tags)
            parts.append(
                f'<div class="note"><span class="ref">[{number}]</span> '
                f"“{e(n.quote[:60])}” {tags}<br>{e(n.note)}</div>"
            )
        parts.append("</aside></article>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _marked_paragraphs(item: ExportArticle) -> str:
    e = html.escape
    text = item.article.text
    numbered = sorted(
        (
            (n.annotation, i)
            for i, n in enumerate(item.notes, 1)
            if n.annotation.state != "orphaned"
        ),
        key=lambda x: x[0].start,
    )
    out, pos = [], 0
    for a, number in numbered:
        if a.start < pos:
            continue
        colour = COLOURS[a.color].light if a.color in COLOURS else "#ffe066"
        out.append(e(text[pos : a.start]))
        out.append(
            f'<mark style="background:{colour}">{e(text[a.start : a.end])}</mark>'
            f"<sup>{number}</sup>"
        )
        pos = a.end
    out.append(e(text[pos:]))
    lines = "".join(out).split("\n")
    kinds = [b.kind for b in item.article.blocks]
    if len(kinds) != len(lines):  # a block with line breaks of its own: plain paragraphs
        kinds = [BlockKind.PARAGRAPH] * len(lines)
    html_blocks = []
    for kind, line in zip(kinds, lines, strict=True):
        if kind == BlockKind.TITLE:
            continue  # the article's <h1>
        tag = "h2" if kind == BlockKind.HEADING else "p"
        html_blocks.append(f'<{tag} class="{kind}">{line}</{tag}>')
    return "".join(html_blocks)


# --- JSON Lines ---------------------------------------------------------------------------
def jsonl_record(item: ExportArticle, a: Annotation) -> dict[str, Any]:
    return {
        "type": JSONL_TYPE,
        "version": 1,
        "id": a.id,
        "article": {
            "title": item.article.title,
            "text_hash": item.article.text_hash,
            "source": item.article.source_path,
        },
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "tags": list(a.tags),
        "note": a.note,
        "color": a.color,
        "annotator": a.annotator,
        "created": a.created_at,
        "updated": a.updated_at,
        "state": a.state,
    }


def jsonl(items: list[ExportArticle]) -> str:
    return "".join(
        json.dumps(jsonl_record(item, n.annotation), ensure_ascii=False) + "\n"
        for item in items
        for n in item.notes
    )


# --- W3C Web Annotation Data Model (JSON-LD) ------------------------------------------------
def w3c_annotation(item: ExportArticle, a: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags
    ]
    if a.note:
        body.append(
            {
                "type": "TextualBody",
                "value": a.note,
                "purpose": "commenting",
                "format": "text/plain",
            }
        )
    if a.color:
        body.append({"type": "TextualBody", "value": a.color, "purpose": "highlighting"})
    return {
        "id": f"urn:uuid:{a.id}",
        "type": "Annotation",
        "motivation": "commenting" if a.note else "tagging" if a.tags else "highlighting",
        "created": a.created_at,
        "modified": a.updated_at,
        "creator": {"type": "Person", "name": a.annotator},
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": {
                "id": f"urn:reader:text-sha256:{item.article.text_hash}",
                "type": "Text",
                "title": item.article.title,
            },
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": a.quote,
                    "prefix": a.prefix,
                    "suffix": a.suffix,
                },
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
        "reader:state": a.state,
    }


def w3c(items: list[ExportArticle]) -> str:
    annotations = [w3c_annotation(item, n.annotation) for item in items for n in item.notes]
    collection = {
        "@context": [W3C_CONTEXT, {"reader": "urn:reader:terms:"}],
        "type": "AnnotationCollection",
        "label": "Reader notes",
        "total": len(annotations),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
