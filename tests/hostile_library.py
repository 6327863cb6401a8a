"""A small library with what broke exports: overlapping, nested and cross-paragraph
spans, an annotation on a title, an orphan, notes with line breaks and blank lines,
emoji and Markdown characters, a heading, a Traditional article, an article url."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.notes import annotations as notes

SIMPLIFIED = """---
title: 社会保障新政 * | [[ # >
url: https://example.com/news/1
---

# 社会保障新政 * | [[ # >

## 第一节 背景

第一段文字，讲述社会保障制度的改革方向。这里有 1246 个数据点。

第二段文字，继续讨论劳动者权益🙂和平台经济。

## 第二节 展望

第三段写到这里就结束了。
"""

TRADITIONAL = """# 這是繁體文章

我們來說說這個國家的發展與經濟，還有現實裡的問題。
"""

# (article index, phrase, occurrence end phrase or None, colour, tags, note)
SPANS = [
    (0, "社会保障新政", None, "yellow", ("标题",), "标题上的批注"),
    (0, "社会保障制度的改革", None, "green", ("社会 保障",), "重叠甲"),
    (0, "改革方向。这里", None, "blue", ("12345",), "重叠乙\n第二行"),
    (0, "第一段文字，讲述社会保障制度", None, "pink", (), "外层"),
    (0, "社会保障", None, None, ("N+1",), "内层"),
    (0, "1246个数据点。", "第二段文字", "purple", (), "跨段\n\n空行之后 * | [[ # >"),
    (0, "劳动者权益🙂", None, "yellow", ("人物",), "emoji 🙂 <b>x</b> & =SUM(A1)"),
    (0, "第三段", None, "green", (), "将成孤立"),
    (1, "國家的發展", None, "yellow", ("繁體",), "繁體批注"),
]


def build(library, folder: Path) -> list[notes.Annotation]:
    (folder / "simplified.md").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "traditional.md").write_text(TRADITIONAL, encoding="utf-8")
    import_paths(library, [folder / "simplified.md", folder / "traditional.md"])
    ids = [a.id for a in list_articles(library)]
    made = []
    for number, (index, phrase, until, colour, tags, note) in enumerate(SPANS, 1):
        article = get_article(library, ids[index])
        start = article.text.index(phrase)
        end = article.text.index(until) + len(until) if until else start + len(phrase)
        made.append(
            notes.create(
                library,
                ids[index],
                start,
                end,
                color=colour,
                tags=tags,
                note=note,
                annotator="编辑甲",
                annotation_id=f"00000000-0000-4000-8000-0000000000{number:02}",
            )
        )
    orphan = replace(made[7], state="orphaned")
    notes.put(library, orphan)
    made[7] = notes.get(library, orphan.id)
    return made
