"""Annotations at the store level: CRUD, overlaps, tags, status, re-anchoring."""

import json

import pytest

from conftest import SEEDS
from reader.core.errors import ReaderError
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.library.store import open_library
from reader.core.notes import annotations as notes
from reader.core.notes import tags
from reader.core.notes.anchoring import Selector, reanchor, selector_for


@pytest.fixture
def article(library):
    import_paths(library, [SEEDS / "000_b7740f99fc43d814.txt"])
    return get_article(library, list_articles(library)[0].id)


def test_create_read_update_delete(library, article):
    start = article.text.index("劳模服务宣讲团")
    made = notes.create(
        library,
        article.id,
        start,
        start + 7,
        color="green",
        tags=["人物", "活动"],
        note="第一条",
        annotator="编辑甲",
    )
    assert made.quote == "劳模服务宣讲团"
    assert article.text.endswith(made.suffix) or made.suffix == article.text[start + 7 : start + 39]
    assert made.prefix == article.text[start - 32 : start]
    assert notes.get(library, made.id) == made
    changed = notes.update(library, made.id, note="改过的批注", tags=["活动"])
    assert changed.note == "改过的批注" and changed.tags == ("活动",)
    assert changed.updated_at > made.updated_at and changed.created_at == made.created_at
    gone = notes.delete(library, [made.id])
    assert notes.for_article(library, article.id) == []
    notes.restore(library, gone)
    assert notes.get(library, made.id) == changed


def test_overlapping_and_nested(library, article):
    a = notes.create(library, article.id, 10, 40, color="yellow")
    b = notes.create(library, article.id, 20, 60, color="blue")
    c = notes.create(library, article.id, 25, 30, tags=["细节"])
    found = notes.for_article(library, article.id)
    assert [x.id for x in found] == [a.id, b.id, c.id]


def test_a_span_reads_the_annotations_that_touch_it_in_the_same_order(library, article):
    made = [
        notes.create(library, article.id, start, end, tags=["细节"] if start % 2 else [])
        for start, end in [(10, 40), (20, 60), (25, 30), (41, 45), (60, 70), (0, 200), (71, 72)]
    ]
    every = notes.for_article(library, article.id)
    for start, end in [(40, 60), (0, 0), (30, 41), (72, 500), (61, 70)]:
        touching = [a for a in every if a.start <= end and a.end >= start]
        assert notes.for_span(library, article.id, start, end) == touching
    assert notes.for_span(library, article.id, 0, 1 << 62) == every and len(every) == len(made)


def test_bad_spans_are_refused(library, article):
    with pytest.raises(ReaderError):
        notes.create(library, article.id, 5, 5)
    with pytest.raises(ReaderError):
        notes.create(library, article.id, 0, len(article.text) + 1)


def test_tag_rename_merge_delete_and_shortcuts(library, article):
    a = notes.create(library, article.id, 0, 5, tags=["人物"])
    b = notes.create(library, article.id, 6, 9, tags=["人名", "地点"])
    tags.save_tag(library, "人物", new_name="人物介绍", color="#ff0000", shortcut="1")
    assert notes.get(library, a.id).tags == ("人物介绍",)
    assert tags.tag_for_shortcut(library, "1").name == "人物介绍"
    tags.save_tag(library, "地点", shortcut="1")  # the key moves
    assert tags.tag_for_shortcut(library, "1").name == "地点"
    assert tags.merge_tags(library, "人名", "人物介绍") == 1
    assert notes.get(library, b.id).tags == ("人物介绍", "地点")
    assert tags.tag(library, "人物介绍").uses == 2
    assert tags.delete_tag(library, "地点") == 1
    assert notes.get(library, b.id).tags == ("人物介绍",)
    tags.save_tag(library, "人物介绍", new_name="人物介绍 ")  # same after strip: fine
    assert tags.tag(library, "人物介绍").uses == 2
    with pytest.raises(ReaderError, match="merge instead"):
        tags.save_tag(library, "新标签", new_name="人物介绍")


def test_tagset_round_trip_between_libraries(library, tmp_path):
    tags.save_tag(library, "人物", color="#123456", shortcut="2", description="人名与职务")
    path = tmp_path / "tags.json"
    tags.write_tagset(library, path)
    with open_library(tmp_path / "other.sqlite3") as other:
        assert tags.read_tagset(other, path) == 1
        got = tags.tag(other, "人物")
        assert (got.color, got.shortcut, got.description) == ("#123456", "2", "人名与职务")
        path.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
        with pytest.raises(ReaderError, match="not a Reader tag set"):
            tags.read_tagset(other, path)
        path.write_text("{ not json", encoding="utf-8")
        with pytest.raises(ReaderError, match="line 1"):
            tags.read_tagset(other, path)


def test_review_status_and_article_note(library, article):
    assert tags.set_status(library, article.id, "reviewed") == "unread"
    assert get_article(library, article.id).status == "reviewed"
    with pytest.raises(ReaderError):
        tags.set_status(library, article.id, "done")
    tags.set_article_note(library, article.id, "请核对数字")
    assert get_article(library, article.id).note == "请核对数字"


def test_user_words(library):
    tags.add_user_word(library, "红岩红医")
    tags.add_user_word(library, "新业态劳动者")
    assert tags.user_words(library) == ["新业态劳动者", "红岩红医"]
    tags.remove_user_word(library, "红岩红医")
    assert tags.user_words(library) == ["新业态劳动者"]


def test_reanchor_cases():
    old = "第一段讲了党建引领的意义。\n第二段说医院，发展很快。\n第三段。"
    sel = selector_for(old, old.index("医院"), old.index("医院") + 2)
    # text inserted before: moved
    new = "新加的开头。" + old
    got = reanchor(sel, new, old)
    assert got.state == "moved" and new[got.start : got.end] == "医院"
    # full-width / half-width swap around it
    swapped = old.replace("，", ",")
    got = reanchor(
        selector_for(old, old.index("医院，发"), old.index("医院，发") + 4), swapped, old
    )
    assert swapped[got.start : got.end] == "医院,发" and got.state == "anchored"
    # joined paragraphs: the quote spanning the join is found, without the newline
    joined = old.replace("。\n第二", "。第二")
    span = old.index("意义。\n第二"), old.index("意义。\n第二") + 6
    got = reanchor(selector_for(old, *span), joined, old)
    assert joined[got.start : got.end] == "意义。第二" and got.state == "moved"
    # deleted passage: orphan, never a guess
    gone = old.replace("第二段说医院，发展很快。\n", "")
    assert reanchor(sel, gone, old).state == "orphaned"
    # the quote still at its offsets, no context stored: anchored in place
    assert reanchor(Selector(0, 2, "医院", "", ""), "医院医院x", None).state == "anchored"
    # the same quote twice, equally near and no context to tell: orphan
    assert reanchor(Selector(3, 5, "医院", "", ""), "医院abcd医院", None).state == "orphaned"
    assert (
        reanchor(Selector(5, 7, "医院", "甲", "乙"), "丙医院丁丙医院丁", None).state == "orphaned"
    )


def test_reimport_reanchors_and_keeps_orphans(library, tmp_path):
    src = tmp_path / "p.txt"
    src.write_text("# 标题\n\n第一段讲党建引领。\n\n第二段讲医院发展。\n", encoding="utf-8")
    import_paths(library, [src])
    article = get_article(library, list_articles(library)[0].id)
    keep = notes.create(
        library, article.id, article.text.index("医院"), article.text.index("医院") + 2
    )
    lose = notes.create(
        library, article.id, article.text.index("党建"), article.text.index("党建") + 4
    )
    src.write_text("# 标题\n\n新增一段在前面。\n\n第二段讲医院发展。\n", encoding="utf-8")
    import_paths(library, [src])
    kept, lost = notes.get(library, keep.id), notes.get(library, lose.id)
    text = get_article(library, article.id).text
    assert kept.state == "moved" and text[kept.start : kept.end] == "医院"
    assert lost.state == "orphaned" and lost.quote == "党建引领"
    fixed = notes.reattach(library, lost.id, text.index("新增"), text.index("新增") + 2)
    assert fixed.state == "anchored" and fixed.quote == "新增"
