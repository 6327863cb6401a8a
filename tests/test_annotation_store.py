"""The annotation store field by field: what create, update, put, delete, reattach and
re-anchoring write, checked against values worked out from the article text."""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.errors import NotFoundError, ReaderError
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.notes import annotations as notes
from reader.core.notes.anchoring import CONTEXT
from reader.core.notes.vocab import COLOURS as COLOUR_NAMES
from reader.core.stamps import text_hash

COLOURS = list(COLOUR_NAMES)

BODY = "第一段讲党建引领，医院发展很快。第二段说工会服务职工。第三段写社区志愿活动。第四段谈乡村振兴成果。"


@pytest.fixture
def two(library, tmp_path):
    src = tmp_path / "p.md"
    src.write_text(f"# 甲文\n\n{BODY}\n\n# 乙文\n\n乙文的正文。\n", encoding="utf-8")
    import_paths(library, [src])
    return [get_article(library, a.id) for a in list_articles(library)]


def tag_rows(library) -> list[tuple[str, str]]:
    return library.conn.execute(
        "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
        "ORDER BY at.annotation_id, t.name"
    ).fetchall()


def test_create_stores_quote_context_hash_and_clean_tags(library, two):
    article = two[0]
    start = article.text.index("乡村振兴")
    made = notes.create(
        library,
        article.id,
        start,
        start + 4,
        color=COLOURS[1],
        tags=[" 乙 ", "甲", "", "乙", "  "],
        note="批注",
        annotator="编辑甲",
        annotation_id="fixed-id",
    )
    text = article.text
    assert made.id == "fixed-id"
    assert (made.article_id, made.start, made.end) == (article.id, start, start + 4)
    assert made.quote == text[start : start + 4] == "乡村振兴"
    assert start > CONTEXT
    assert made.prefix == text[start - CONTEXT : start]
    assert made.suffix == text[start + 4 : start + 4 + CONTEXT]
    assert made.text_hash == text_hash(text)
    assert (made.color, made.note, made.annotator, made.state) == (
        COLOURS[1],
        "批注",
        "编辑甲",
        "anchored",
    )
    assert made.tags == ("乙", "甲")  # stripped, blanks dropped, first use kept
    assert made.created_at == made.updated_at
    stored = notes.get(library, "fixed-id")
    assert stored == made
    assert tag_rows(library) == [("fixed-id", "乙"), ("fixed-id", "甲")]


def test_create_accepts_exactly_the_whole_text(library, two):
    text = two[1].text
    whole = notes.create(library, two[1].id, 0, len(text))
    assert (whole.quote, whole.prefix, whole.suffix) == (text, "", "")
    assert (whole.note, whole.annotator, whole.color, whole.tags) == ("", "", None, ())
    assert len(whole.id) == 36  # a uuid4
    other = notes.create(library, two[1].id, 0, 1)
    assert other.id != whole.id


@pytest.mark.parametrize("start,end", [(-1, 2), (3, 3), (4, 3), (0, 10_000)])
def test_create_refuses_spans_outside_the_text(library, two, start, end):
    with pytest.raises(ReaderError, match=r"^select some text of the article first$"):
        notes.create(library, two[1].id, start, end)
    assert notes.all_annotations(library) == []


def test_create_refuses_unknown_colours_and_articles(library, two):
    names = ", ".join(COLOURS)
    with pytest.raises(ReaderError, match=f"^unknown colour “mauve”; use one of {names}$"):
        notes.create(library, two[1].id, 0, 2, color="mauve")
    with pytest.raises(NotFoundError, match="no article with id 999"):
        notes.create(library, 999, 0, 2)
    assert notes.all_annotations(library) == []


def test_reading_back_orders_by_position_then_creation(library, two):
    a, b = two
    late = notes.create(library, a.id, 5, 9)
    early = notes.create(library, a.id, 2, 9)
    same = notes.create(library, a.id, 5, 9)
    short = notes.create(library, a.id, 5, 7)
    elsewhere = notes.create(library, b.id, 0, 2)
    assert [x.id for x in notes.for_article(library, a.id)] == [
        early.id,
        short.id,
        late.id,
        same.id,
    ]
    assert [x.id for x in notes.for_article(library, b.id)] == [elsewhere.id]
    everything = [x.id for x in notes.all_annotations(library)]
    assert everything == [early.id, short.id, late.id, same.id, elsewhere.id]


def test_tags_read_back_in_name_order(library, two):
    made = notes.create(library, two[0].id, 0, 2, tags=["丙", "甲", "乙"])
    assert notes.get(library, made.id).tags == tuple(sorted(["丙", "甲", "乙"]))


def test_get_unknown_is_not_found(library):
    with pytest.raises(NotFoundError, match="no annotation with id nope"):
        notes.get(library, "nope")


def test_update_changes_only_what_it_is_given(library, two):
    made = notes.create(library, two[0].id, 0, 2, color=COLOURS[0], tags=["甲"], note="旧")
    noted = notes.update(library, made.id, note="新")
    assert (noted.note, noted.color, noted.tags) == ("新", COLOURS[0], ("甲",))
    assert noted.updated_at > made.updated_at and noted.created_at == made.created_at
    recoloured = notes.update(library, made.id, color=None)
    assert (recoloured.note, recoloured.color, recoloured.tags) == ("新", None, ("甲",))
    retagged = notes.update(library, made.id, tags=["乙", "乙", "丙"])
    assert (retagged.note, retagged.color, retagged.tags) == ("新", None, ("乙", "丙"))
    stored = notes.get(library, made.id)
    assert (stored.note, stored.color, set(stored.tags)) == ("新", None, {"乙", "丙"})
    assert tag_rows(library) == sorted([(made.id, "乙"), (made.id, "丙")])
    with pytest.raises(ReaderError, match="unknown colour"):
        notes.update(library, made.id, color="mauve")
    assert notes.get(library, made.id).color is None
    with pytest.raises(NotFoundError):
        notes.update(library, "nope", note="x")


def test_put_writes_every_field_and_refuses_unknown_ids(library, two):
    made = notes.create(library, two[0].id, 0, 2)
    changed = dataclasses.replace(
        made,
        start=3,
        end=5,
        quote="q",
        prefix="p",
        suffix="s",
        text_hash="h",
        color=COLOURS[2],
        note="n",
        state="moved",
        tags=("t",),
        updated_at="9999",
    )
    assert notes.put(library, changed) == changed
    assert notes.get(library, made.id) == changed
    with pytest.raises(NotFoundError, match="no annotation with id other"):
        notes.put(library, dataclasses.replace(changed, id="other"))


def test_delete_returns_what_it_removed_and_restore_puts_it_back(library, two):
    a = notes.create(library, two[0].id, 0, 2, tags=["甲"])
    b = notes.create(library, two[0].id, 3, 5, tags=["乙"])
    keep = notes.create(library, two[0].id, 6, 8)
    gone = notes.delete(library, [a.id, b.id])
    assert gone == [a, b]
    assert notes.all_annotations(library) == [keep]
    assert tag_rows(library) == []
    notes.restore(library, gone)
    assert notes.all_annotations(library) == [a, b, keep]


def test_reattach_pins_to_the_new_passage(library, two):
    article = two[0]
    made = notes.create(library, article.id, 0, 2, tags=["甲"], note="留着")
    # as if made on an older text, and orphaned since
    made = notes.put(library, dataclasses.replace(made, text_hash="old", state="orphaned"))
    start = article.text.index("志愿")
    fixed = notes.reattach(library, made.id, start, start + 2)
    text = article.text
    assert (fixed.start, fixed.end, fixed.quote) == (start, start + 2, "志愿")
    assert start > CONTEXT
    assert (fixed.prefix, fixed.suffix) == (
        text[start - CONTEXT : start],
        text[start + 2 : start + 2 + CONTEXT],
    )
    assert (fixed.state, fixed.text_hash, fixed.note, fixed.tags) == (
        "anchored",
        text_hash(text),
        "留着",
        ("甲",),
    )
    assert fixed.updated_at > made.updated_at
    assert notes.get(library, made.id) == fixed


def test_reanchor_article_counts_and_rewrites_each_annotation(library, two):
    article = two[0]
    old = article.text
    keep = notes.create(library, article.id, 0, 2)  # 甲文: stays where it is
    at = old.index("发展很快")
    move = notes.create(library, article.id, at, at + 4)
    lose_at = old.index("党建引领")
    lose = notes.create(library, article.id, lose_at, lose_at + 4)
    edit_at = old.index("社区志愿活动")
    edited = notes.create(library, article.id, edit_at, edit_at + 6)
    new = old[:2] + "加了" + old[2:lose_at] + old[lose_at + 4 :].replace("志愿活动", "志愿行动")
    with library.transaction() as conn:
        counts = notes.reanchor_article(conn, article.id, old, new)
    assert counts == {"anchored": 1, "moved": 2, "orphaned": 1}
    # found through the diff with the old text, although its quote changed
    fuzzy = notes.get(library, edited.id)
    assert (fuzzy.state, fuzzy.start, fuzzy.end) == ("moved", edit_at - 2, edit_at + 4)
    assert fuzzy.quote == "社区志愿行动"
    kept, moved, lost = (notes.get(library, x.id) for x in (keep, move, lose))
    assert (kept.state, kept.start, kept.end, kept.text_hash) == ("anchored", 0, 2, text_hash(new))
    assert kept.suffix == new[2 : 2 + CONTEXT]
    to = at + 2 - 4  # two characters inserted before it, four deleted
    assert (moved.state, moved.start, moved.end) == ("moved", to, to + 4)
    assert moved.quote == new[to : to + 4] == "发展很快"
    assert (moved.prefix, moved.suffix) == (
        new[max(0, to - CONTEXT) : to],
        new[to + 4 : to + 4 + CONTEXT],
    )
    assert moved.text_hash == text_hash(new)
    # an orphan keeps what it was: quote, context, offsets and the old hash
    assert (lost.state, lost.start, lost.end, lost.quote) == (
        "orphaned",
        lose_at,
        lose_at + 4,
        "党建引领",
    )
    assert (lost.prefix, lost.suffix, lost.text_hash) == (lose.prefix, lose.suffix, text_hash(old))


def test_ensure_tag_reuses_existing_tags(library):
    with library.transaction() as conn:
        first = notes.ensure_tag(conn, "甲")
        again = notes.ensure_tag(conn, "甲")
        other = notes.ensure_tag(conn, "乙")
    assert first == again != other
    assert library.conn.execute("SELECT name FROM tags ORDER BY id").fetchall() == [
        ("甲",),
        ("乙",),
    ]
