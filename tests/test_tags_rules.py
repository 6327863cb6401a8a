"""The tag set, review status, article notes and user words, rule by rule."""

from __future__ import annotations

import json

import pytest

from reader.core.errors import NotFoundError, ReaderError
from reader.core.ingest.importer import import_paths
from reader.core.library.articles import get_article, list_articles
from reader.core.notes import annotations as notes
from reader.core.notes import tags
from reader.core.notes.vocab import REVIEW_STATUSES


@pytest.fixture
def article_id(library, tmp_path):
    src = tmp_path / "p.md"
    src.write_text("# 甲文\n\n第一段讲党建引领，医院发展很快。\n", encoding="utf-8")
    import_paths(library, [src])
    return list_articles(library)[0].id


def test_list_tags_orders_by_key_then_name_and_counts_uses(library, article_id):
    notes.create(library, article_id, 0, 2, tags=["乙", "丙"])
    notes.create(library, article_id, 3, 5, tags=["乙"])
    tags.save_tag(library, "丁", shortcut="2", color="#111111", description="说明")
    tags.save_tag(library, "甲", shortcut="1")
    got = [(t.name, t.shortcut, t.uses) for t in tags.list_tags(library)]
    assert got == [("甲", "1", 0), ("丁", "2", 0), *sorted([("乙", None, 2), ("丙", None, 1)])]
    ding = tags.tag(library, "丁")
    assert (ding.color, ding.description) == ("#111111", "说明")


def test_unknown_tag_is_not_found(library):
    with pytest.raises(NotFoundError, match="no tag named “无”"):
        tags.tag(library, "无")
    assert tags.tag_for_shortcut(library, "1") is None


@pytest.mark.parametrize("name,new_name", [("", None), ("  ", None), ("甲", " "), ("甲", "")])
def test_a_tag_needs_a_name(library, name, new_name):
    with pytest.raises(ReaderError, match="a tag needs a name"):
        tags.save_tag(library, name, new_name=new_name)
    assert tags.list_tags(library) == []


def test_save_tag_changes_only_what_it_is_given(library):
    tags.save_tag(library, " 甲 ", color="#123456", shortcut="3", description="说明")
    tags.save_tag(library, "甲", new_name=" 乙 ")
    got = tags.tag(library, "乙")
    assert (got.color, got.shortcut, got.description) == ("#123456", "3", "说明")
    tags.save_tag(library, "乙", shortcut=None)
    assert tags.tag(library, "乙").shortcut is None
    assert [t.name for t in tags.list_tags(library)] == ["乙"]
    with pytest.raises(ReaderError, match="one of the keys 1 to 9"):
        tags.save_tag(library, "乙", shortcut="0")
    returned = tags.save_tag(library, "乙", description="新说明")
    assert (returned.name, returned.color, returned.description) == ("乙", "#123456", "新说明")


def test_renaming_onto_an_existing_tag_is_refused(library):
    tags.save_tag(library, "甲")
    tags.save_tag(library, "乙")
    with pytest.raises(ReaderError, match="a tag named “甲” exists: merge instead"):
        tags.save_tag(library, "乙", new_name=" 甲")
    assert sorted(t.name for t in tags.list_tags(library)) == ["乙", "甲"]


def test_merge_moves_uses_once_and_deletes_the_source(library, article_id):
    both = notes.create(library, article_id, 0, 2, tags=["甲", "乙"])
    only = notes.create(library, article_id, 3, 5, tags=["甲"])
    assert tags.merge_tags(library, "甲", "乙") == 2
    assert notes.get(library, both.id).tags == ("乙",)
    assert notes.get(library, only.id).tags == ("乙",)
    assert [(t.name, t.uses) for t in tags.list_tags(library)] == [("乙", 2)]
    assert tags.merge_tags(library, "乙", "新") == 2  # into a tag not made yet
    assert [(t.name, t.uses) for t in tags.list_tags(library)] == [("新", 2)]


def test_delete_tag_keeps_the_annotations(library, article_id):
    made = notes.create(library, article_id, 0, 2, tags=["甲", "乙"])
    assert tags.delete_tag(library, "甲") == 1
    assert notes.get(library, made.id).tags == ("乙",)
    assert [t.name for t in tags.list_tags(library)] == ["乙"]


def test_tagset_document_and_file(library, tmp_path):
    tags.save_tag(library, "甲", color="#010203", shortcut="1", description="一")
    tags.save_tag(library, "乙")
    doc = tags.export_tagset(library)
    assert doc == {
        "format": "reader-tagset",
        "version": 1,
        "tags": [
            {"name": "甲", "color": "#010203", "shortcut": "1", "description": "一"},
            {
                "name": "乙",
                "color": tags.tag(library, "乙").color,
                "shortcut": None,
                "description": tags.tag(library, "乙").description,
            },
        ],
    }
    path = tmp_path / "t.json"
    tags.write_tagset(library, path)
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("}\n") and "甲" in raw and json.loads(raw) == doc


def test_import_tagset_updates_moves_keys_and_keeps_unset_fields(library):
    tags.save_tag(library, "甲", color="#aaaaaa", shortcut="1", description="旧")
    n = tags.import_tagset(
        library,
        {
            "format": "reader-tagset",
            "tags": [{"name": " 乙 ", "shortcut": "1", "color": "#bbbbbb"}, {"name": "甲"}],
        },
    )
    assert n == 2
    jia, yi = tags.tag(library, "甲"), tags.tag(library, "乙")
    assert (jia.color, jia.shortcut, jia.description) == ("#aaaaaa", None, "旧")
    assert (yi.color, yi.shortcut) == ("#bbbbbb", "1")


@pytest.mark.parametrize(
    "data,message",
    [
        ([], "not a Reader tag set"),
        ({"format": "other", "tags": []}, "not a Reader tag set"),
        ({"format": "reader-tagset", "tags": {}}, "not a Reader tag set"),
        (
            {"format": "reader-tagset", "tags": [{"name": "甲"}, {"name": " "}]},
            "entry 2 has no name",
        ),
        ({"format": "reader-tagset", "tags": ["甲"]}, "entry 1 has no name"),
        (
            {"format": "reader-tagset", "tags": [{"name": "甲", "shortcut": "0"}]},
            "entry 1: shortcut must be one of 1-9",
        ),
    ],
)
def test_bad_tagsets_import_nothing(library, data, message):
    with pytest.raises(ReaderError, match=message):
        tags.import_tagset(library, data)
    assert tags.list_tags(library) == []


def test_read_tagset_names_the_problem(library, tmp_path):
    path = tmp_path / "t.json"
    path.write_text('{"format":\n  nope}', encoding="utf-8")
    with pytest.raises(ReaderError, match=r"t.json: not JSON \(line 2: "):
        tags.read_tagset(library, path)
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ReaderError, match=r"t\.json: cannot read it"):
        tags.read_tagset(library, path)
    with pytest.raises(ReaderError, match=r"missing\.json: cannot read it"):
        tags.read_tagset(library, tmp_path / "missing.json")


def test_status_returns_the_previous_one(library, article_id):
    assert tags.set_status(library, article_id, REVIEW_STATUSES[2]) == "unread"
    assert tags.set_status(library, article_id, REVIEW_STATUSES[3]) == REVIEW_STATUSES[2]
    assert get_article(library, article_id).status == REVIEW_STATUSES[3]
    with pytest.raises(ReaderError, match="unknown review status “done”"):
        tags.set_status(library, article_id, "done")
    with pytest.raises(NotFoundError, match="no article with id 999"):
        tags.set_status(library, 999, "reviewed")


def test_statuses_change_together_or_not_at_all(library, tmp_path):
    src = tmp_path / "two.md"
    src.write_text("# 甲文\n\n第一段。\n\n# 乙文\n\n第二段。\n", encoding="utf-8")
    import_paths(library, [src])
    first, second = (a.id for a in list_articles(library))
    tags.set_status(library, first, "in_progress")
    previous = tags.set_statuses(library, {first: "reviewed", second: "reviewed"})
    assert previous == {first: "in_progress", second: "unread"}
    assert [get_article(library, i).status for i in (first, second)] == ["reviewed"] * 2
    with pytest.raises(NotFoundError, match="no article with id 999"):  # none is changed
        tags.set_statuses(library, {first: "needs_changes", 999: "needs_changes"})
    with pytest.raises(ReaderError, match="unknown review status “done”"):
        tags.set_statuses(library, {second: "needs_changes", first: "done"})
    assert [get_article(library, i).status for i in (first, second)] == ["reviewed"] * 2
    assert tags.set_statuses(library, previous) == {first: "reviewed", second: "reviewed"}
    assert [get_article(library, i).status for i in (first, second)] == ["in_progress", "unread"]


def test_article_note_returns_the_previous_one(library, article_id):
    assert tags.set_article_note(library, article_id, "第一") == ""
    assert tags.set_article_note(library, article_id, "第二") == "第一"
    assert get_article(library, article_id).note == "第二"
    with pytest.raises(NotFoundError, match="no article with id 999"):
        tags.set_article_note(library, 999, "x")


def test_user_words_are_stripped_unique_and_without_spaces(library):
    tags.add_user_word(library, " 红岩红医 ")
    tags.add_user_word(library, "红岩红医")
    assert tags.user_words(library) == ["红岩红医"]
    for bad in ("", "  ", "两 个", "两\u3000个"):
        with pytest.raises(ReaderError, match="a word has no spaces"):
            tags.add_user_word(library, bad)
    tags.remove_user_word(library, "不在")
    assert tags.user_words(library) == ["红岩红医"]
