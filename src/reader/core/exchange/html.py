"""One self-contained, print-friendly HTML page: each paragraph beside its notes.

Every paragraph is a row of a two-column grid: the text with its highlights on the
left, the notes of the annotations ending in it on the right, level with them on
screen and in print. Overlaps are cut into segments, so every annotation keeps its
mark and number; a span across paragraphs is marked in each. Notes keep their line
breaks; everything is escaped.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator, Mapping

from reader.core.exchange.export_docx import is_traditional
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.fills import passage_fill
from reader.core.exchange.names import orphan_label, status_name
from reader.core.exchange.spans import Layout, Para, lay_out
from reader.core.text.model import BlockKind

_CSS = """
body{font-family:serif;margin:2em auto;max-width:62em;color:#1f1f1f;line-height:1.8;padding:0 1em}
:lang(zh),:lang(zh-CN),:lang(zh-SG),:lang(zh-Hans){font-family:"Noto Serif CJK SC",
"Source Han Serif SC","Noto Serif SC","Songti SC","STSong","SimSun",serif}
:lang(zh-TW),:lang(zh-Hant){font-family:"Noto Serif CJK TC","Source Han Serif TC",
"Noto Serif TC","Songti TC","PMingLiU","MingLiU",serif}
:lang(zh-HK),:lang(zh-MO){font-family:"Noto Serif CJK HK","Source Han Serif HC",
"Noto Serif CJK TC","Source Han Serif TC","Noto Serif TC","Songti TC","PMingLiU_HKSCS",
"MingLiU_HKSCS","PMingLiU","MingLiU",serif}
article{margin-bottom:3em;break-after:page}
.row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,1.3fr);gap:0 2em;
break-inside:avoid}
.meta{color:#666;font-size:.9em;margin-bottom:1em}
h1{font-size:1.6em;margin:.2em 0} h2{font-size:1.15em;color:#9c2a22;margin:1em 0 .3em}
p{text-indent:2em;margin:.4em 0} p.kicker,p.subtitle{text-indent:0;color:#666}
p.caption{text-indent:0;font-size:.85em;color:#666;text-align:center}
p.byline{text-align:right;font-size:.85em}
mark{padding:0 .05em;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.overlap{border-bottom:2px solid #555}
sup{color:#9c2a22;font-size:.7em}
aside{font-size:.85em;color:#333;border-left:2px solid #ddd;padding-left:1em}
aside .note{margin:.4em 0 .8em} .tag{color:#9c2a22} .ref{font-weight:bold}
.body{white-space:pre-wrap} .orphan{color:#b00020} .who{color:#666;font-size:.85em}
"""

_SPECIAL = re.compile("[&<>\"']")


def _escape(text: str) -> str:
    """``html.escape``, searching first: most text has nothing to escape."""
    return html.escape(text) if _SPECIAL.search(text) else text


def html_page(items: list[ExportArticle], labels: Mapping[str, str] | None = None) -> str:
    return "".join(html_pieces(items, labels))


def html_pieces(
    items: list[ExportArticle], labels: Mapping[str, str] | None = None
) -> Iterator[str]:
    """``html_page(items, labels)`` in pieces, an article at a time."""
    yield "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="zh-CN"><head><meta charset="utf-8">',
            "<title>Reader notes</title>",
            f"<style>{_CSS}</style></head><body>",
        ]
    )
    e = _escape
    counter = 0
    for item in items:
        parts = [""]  # the line break after what came before
        a = item.article
        layout = lay_out(item)
        numbers: dict[int, int] = {}
        for para in layout.paras:
            for piece in para.pieces:
                for i in piece.ending:
                    counter += 1
                    numbers[i] = counter
        for i in layout.unplaced:
            counter += 1
            numbers[i] = counter
        lang = ' lang="zh-TW"' if is_traditional(a.text) else ""
        parts.append(f"<article{lang}>")
        meta = f'<div class="meta">{e(a.source_path)} · {e(status_name(a.status, labels))}</div>'
        if not any(p.kind == BlockKind.TITLE for p in layout.paras):
            parts.append(f'<div class="row"><h1>{e(a.title)}</h1><aside></aside></div>')
        tag_colours = {t.name: t.color for t in item.tags}
        colours = [passage_fill(n.color, n.tags, tag_colours) for n in layout.notes]
        plain = _SPECIAL.search(a.text) is None
        for para in layout.paras:
            parts.append(_row(para, layout, numbers, colours, plain))
            if para.kind == BlockKind.TITLE:
                parts.append(meta)
                meta = ""
        parts.append(meta)
        if layout.unplaced:
            notes = "".join(_note(layout, i, numbers, labels) for i in layout.unplaced)
            parts.append(
                f'<div class="row"><h2 class="orphan">{e(orphan_label(labels))}</h2>'
                f"<aside>{notes}</aside></div>"
            )
        parts.append("</article>")
        yield "\n".join(parts)
    yield "\n</body></html>"


def _row(
    para: Para, layout: Layout, numbers: dict[int, int], colours: list[str], plain: bool
) -> str:
    """A paragraph and its notes; ``colours``: each note's background; ``plain``: the
    article's text has nothing to escape."""
    e = _escape
    out = []
    ending = []
    for piece in para.pieces:
        text = piece.text if plain else e(piece.text)
        cover = piece.cover
        if cover:
            kind = ' class="overlap"' if len(cover) > 1 else ""
            out.append(f'<mark{kind} style="background:{colours[cover[-1]]}">{text}</mark>')
        else:
            out.append(text)
        for k, i in enumerate(piece.ending):  # several end here: 1,2,3 (not 123)
            out.append(f'<sup id="m{numbers[i]}">{"," if k else ""}{numbers[i]}</sup>')
            ending.append(i)
    tag = "h1" if para.kind == BlockKind.TITLE else "h2" if para.kind == BlockKind.HEADING else "p"
    notes = "".join([_note(layout, i, numbers, None) for i in ending])
    return (
        f'<div class="row"><{tag} class="{para.kind}">{"".join(out)}</{tag}>'
        f"<aside>{notes}</aside></div>"
    )


@functools.lru_cache(maxsize=4096)  # a few tags, on every note
def _tag(name: str) -> str:
    return f'<span class="tag">#{_escape(name)}</span>'


def _note(layout: Layout, i: int, numbers: dict[int, int], labels: Mapping[str, str] | None) -> str:
    e = _escape
    n = layout.notes[i]
    tags = " ".join(map(_tag, n.tags))
    quote = n.quote if len(n.quote) <= 60 else n.quote[:60] + "…"
    orphan = (
        f'<span class="orphan">{e(orphan_label(labels))}</span> ' if n.state == "orphaned" else ""
    )
    body = f'<div class="body">{e(n.note)}</div>' if n.note else ""
    who = f' <span class="who">— {e(n.annotator)}</span>' if n.annotator else ""
    return (
        f'<div class="note"><a class="ref" href="#m{numbers[i]}">[{numbers[i]}]</a> '
        f"{orphan}“{e(quote)}” {tags}{who}{body}</div>"
    )
