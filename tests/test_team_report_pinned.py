"""The team report's page and the data it is made from, read back exactly."""

from __future__ import annotations

import re
from collections import Counter

from reader.core.notes.tags import set_status
from reader.core.team import REJECTED
from reader.core.team.agreement import Agreement, PairAgreement, Scores
from reader.core.team.report import WORDS, ReportData, gather, render
from team_helpers import article_ids, mark, seeded


def _cells(page: str, tag: str) -> list[list[str]]:
    """The rows of every table, as their cells' texts."""
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", page):
        cells = re.findall(rf"<{tag}>(.*?)</{tag}>", row)
        if cells:
            rows.append(cells)
    return rows


def _headings(page: str) -> list[str]:
    return re.findall(r"<h[12]>(.*?)</h[12]>", page)


def _data() -> ReportData:
    scores = Scores(0.5, 0.75, None, 0.125, 4, 6, 100)
    pair = PairAgreement("甲", "乙", 3, scores, {})
    return ReportData(
        tags_by_annotator={"甲": Counter({"人物": 2, "": 1}), "": Counter({"地点": 4})},
        status_by_source={"b.txt": Counter({"reviewed": 2}), "a.txt": Counter({"unread": 1})},
        by_day={"2026-01-02": Counter({"甲": 3}), "2026-01-01": Counter({"": 1})},
        agreement=Agreement(("甲", "乙"), ("人物",), [pair], []),
        rejected=2,
    )


def test_the_chinese_page():
    page = render(_data(), lang="zh")
    w = WORDS["zh"]
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert f"<title>{w['title']}</title>" in page
    assert _headings(page) == [w["title"], w["tags"], w["review"], w["time"], w["agreement"]]
    assert re.search(r'<p class="meta">Reader 生成于 \d{4}-\d\d-\d\d \d\d:\d\d UTC</p>', page)
    heads = _cells(page, "th")
    # tags: sorted, the untagged one named; annotators sorted, the unnamed one named
    assert heads[0] == ["标注人", "（无标签）", "人物", "地点"]
    assert _cells(page, "td")[:2] == [["（未署名）", "0", "0", "4"], ["甲", "1", "2", "0"]]
    assert heads[1] == ["来源", "未读", "阅读中", "已审", "需修改"]
    assert _cells(page, "td")[2:4] == [["a.txt", "1", "0", "0", "0"], ["b.txt", "0", "0", "2", "0"]]
    assert heads[2] == ["甲", "乙", "文章", "片段 F1", "重叠 F1", "κ", "α"]
    assert _cells(page, "td")[4] == ["甲", "乙", "3", "0.500", "0.750", "–", "0.125"]
    assert "<p>还有 0 处片段有分歧。</p>" in page
    assert "<p>裁定时否决了 2 处片段。</p>" in page
    assert page.count("<svg") == 4


def test_the_english_page_and_a_title_of_ones_own():
    page = render(_data(), lang="en", title="Q1 <review>")
    assert '<html lang="en">' in page
    assert _headings(page)[0] == "Q1 &lt;review&gt;"
    assert "<title>Q1 &lt;review&gt;</title>" in page
    assert _cells(page, "th")[0] == ["annotator", "(untagged)", "人物", "地点"]
    assert _cells(page, "th")[1] == ["source", "unread", "in progress", "reviewed", "needs changes"]
    assert "<p>2 spans rejected in adjudication.</p>" in page
    assert "<p>0 spans still disputed.</p>" in page
    assert render(_data(), lang="xx").count("Team report") == 2  # unknown: English


def test_an_empty_library_says_so():
    page = render(ReportData(agreement_note="agreement needs two annotators"), lang="en")
    assert page.count("<p>No annotations yet.</p>") == 2
    assert "<p>No articles yet.</p>" in page
    assert "<p>agreement needs two annotators</p>" in page
    assert "<svg" not in page and "rejected" not in page
    zh = render(ReportData(), lang="zh")
    assert zh.count("<p>还没有标注。</p>") == 2 and "<p>还没有文章。</p>" in zh


def test_gather_counts_from_the_library(tmp_path):
    library = seeded(tmp_path / "lib.db")
    first, second = article_ids(library)[:2]
    mark(library, first, [(0, 5, "人物"), (6, 9, "人物"), (10, 12, "地点")], "甲")
    mark(library, second, [(0, 4, "地点")], "")
    mark(library, second, [(5, 8, "地点")], REJECTED)
    set_status(library, second, "reviewed")
    data = gather(library)
    library.close()
    assert data.tags_by_annotator == {
        "甲": Counter({"人物": 2, "地点": 1}),
        "": Counter({"地点": 1}),
    }
    assert data.rejected == 1
    (source,) = data.status_by_source
    assert data.status_by_source[source] == Counter({"unread": 1, "reviewed": 1})
    assert [sum(c.values()) for c in data.by_day.values()] == [4]
    (day,) = data.by_day
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", day)
    assert data.by_day[day] == Counter({"甲": 3, "": 1})
    assert data.agreement is None
    assert data.agreement_note  # one annotator with a name: no pair to compare


def test_another_library_is_read_whole_and_exactly(tmp_path):
    import sqlite3

    import pytest

    from reader.core.errors import NotesFormatError
    from reader.core.library.articles import get_article
    from reader.core.notes import annotations as notes
    from reader.core.team.merge import read_library

    path = tmp_path / "other.db"
    library = seeded(path)
    first, second = article_ids(library)[:2]
    a = notes.create(library, second, 3, 9, tags=["乙", "甲"], note="说明", color="green",
                     annotator="乙方")  # fmt: skip
    b = notes.create(library, first, 0, 4, annotator="乙方")
    article = get_article(library, first)
    other = get_article(library, second)
    library.close()
    records = read_library(path)
    assert [r.id for r in records] == [b.id, a.id]  # by article, then offset
    got = records[1]
    assert got.where.endswith(f"other.db: annotation {a.id}")
    assert (got.text_hash, got.title) == (other.text_hash, other.title)
    assert (got.start, got.end, got.quote) == (3, 9, other.text[3:9])
    assert (got.prefix, got.suffix) == (a.prefix, a.suffix)
    assert (got.tags, got.note, got.color, got.annotator) == (("乙", "甲"), "说明", "green", "乙方")
    assert (got.created, got.updated) == (a.created_at, a.updated_at)
    first_record = records[0]
    assert (first_record.tags, first_record.note, first_record.color) == ((), "", None)
    assert first_record.quote == article.text[0:4] and first_record.text_hash == article.text_hash
    # not a Reader library: said, with its name
    plain = tmp_path / "plain.db"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(
        NotesFormatError, match=r"plain\.db: a SQLite file, but not a Reader library$"
    ):
        read_library(plain)
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    with pytest.raises(NotesFormatError, match=r"broken\.db: cannot "):
        read_library(broken)
