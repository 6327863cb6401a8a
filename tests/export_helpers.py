"""A small annotated library with fixed ids and times, for export tests and golden files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import SEEDS
from reader.core.exchange.exporting import ExportArticle, ExportFilter, collect
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.notes import annotations as notes
from reader.core.notes.annotations import Annotation

NASTY_NOTE = "<script>alert(1)</script> & “引号”"


def annotate(library) -> list[Annotation]:
    import_paths(library, [SEEDS / "000_b7740f99fc43d814.txt", SEEDS / "001_3e7ffedcf53dbe3a.txt"])
    first, _, third = (a.id for a in list_articles(library))
    text = get_article(library, first).text
    made = []
    for number, (article_id, phrase, color, tags, note) in enumerate(
        [
            (first, "劳模服务宣讲团", "yellow", ("活动",), "宣讲团名单需核实"),
            (first, "唐丽娟", None, ("人物", "劳模"), ""),
            (first, "全国五一劳动奖章获得者唐丽娟", "green", (), NASTY_NOTE),
            (third, "=SUM(A1)", "blue", (), "+formula"),
            (third, "医院党委", "pink", ("机构",), "多行\n批注"),
        ],
        1,
    ):
        body = get_article(library, article_id).text if article_id != first else text
        if phrase not in body:
            phrase = body[20:28]
        start = body.index(phrase)
        created = notes.create(
            library,
            article_id,
            start,
            start + len(phrase),
            color=color,
            tags=tags,
            note=note,
            annotator="编辑甲",
            annotation_id=f"00000000-0000-4000-8000-00000000000{number}",
        )
        fixed = replace(
            created,
            created_at=f"2026-01-0{number}T08:00:00.000000+00:00",
            updated_at=f"2026-01-0{number}T09:30:00.000000+00:00",
        )
        notes.delete(library, [created.id])  # put() never changes created_at: re-insert
        notes.restore(library, [fixed])
        made.append(fixed)
    return made


def items_for(library) -> list[ExportArticle]:
    """Export items with source paths made machine-independent."""
    return [
        replace(
            item, article=replace(item.article, source_path=Path(item.article.source_path).name)
        )
        for item in collect(library, ExportFilter())
    ]
