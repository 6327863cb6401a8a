"""Rules for real Markdown, HTML and news-digest pages, each on a small page written here."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.text.model import BLOCK_KINDS
from reader.core.text.structure import parse_text


def blocks(text: str, name: str = "page.md") -> list[tuple[str, tuple[int, ...], str]]:
    doc = parse_text(text, name)
    return [(b.kind, b.lines, b.text) for a in doc.articles for b in a.blocks]


def texts(text: str, name: str = "page.md") -> list[str]:
    return [t for _, _, t in blocks(text, name)]


# 1. Paragraphs the author wrote apart stay apart ---------------------------------


def test_markdown_blank_line_is_the_authors_paragraph_break():
    page = "# 题目\n\n他接着说，这件事情要从\n\n很久以前讲起。\n"
    got = blocks(page)
    assert ("paragraph", (3,), "他接着说，这件事情要从") in got
    assert ("paragraph", (5,), "很久以前讲起。") in got


def test_text_file_still_rejoins_a_paragraph_broken_by_layout():
    page = "# 题目\n\n他接着说，这件事情要从\n\n很久以前讲起。\n"
    got = blocks(page, "page.txt")
    assert ("paragraph", (3, 5), "他接着说，这件事情要从很久以前讲起。") in got


def test_rule_between_two_paragraphs_keeps_them_apart():
    page = "# 题目\n\n第一段没有写完，\n\n---\n\n第二段另起一行。\n"
    got = blocks(page)
    paragraphs = [b for b in got if b[0] == "paragraph"]
    assert paragraphs == [
        ("paragraph", (3,), "第一段没有写完，"),
        ("paragraph", (7,), "第二段另起一行。"),
    ]
    assert ("marker", (5,), "") in got


def test_full_width_indent_opens_a_paragraph_after_a_bracket():
    line = "这是一段为了凑足版面宽度而写得比较长的正文文字，"
    page = f"　　{line}\n{line}\n他说见《标准之变》）\n　　{line}\n{line}\n新的段落在这里结束。\n"
    got = [b for b in blocks(page, "page.txt") if b[0] == "paragraph"]
    assert [lines for _, lines, _ in got] == [(1, 2, 3), (4, 5, 6)]


# 2. CJK-friendly emphasis -------------------------------------------------------


def test_bold_beside_cjk_punctuation_is_emphasis():
    page = (
        "# 访谈\n\n**文｜**林某某\n\n**深一度：**这是正文。\n\n"
        "他说，这是**“因为好奇”**。\n\n**问：****答案在这里**\n\n**李某：**2005年入职。\n"
    )
    got = texts(page)
    assert "文｜林某某" in got
    assert "深一度：这是正文。" in got
    assert "他说，这是“因为好奇”。" in got
    assert "问：答案在这里" in got
    assert "李某：2005年入职。" in got
    assert not any("**" in t for t in got)


def test_strikethrough_beside_cjk_punctuation():
    got = texts("# 题目\n\n原文来自：~~《旧标题》~~新标题。\n")
    assert "原文来自：《旧标题》新标题。" in got


def test_literal_asterisks_in_latin_text_stay():
    got = texts("# 题目\n\n2 * 3 * 4 = 24，这是乘法。\n")
    assert "2 * 3 * 4 = 24，这是乘法。" in got


# 3. Shortcodes --------------------------------------------------------------------


def test_shortcodes_are_removed_and_prose_kept():
    page = (
        "# 题目\n\n"
        '{{< video src="https://example.org/a.mp4" >}}现场的人群慢慢散去。\n\n'
        "{{% notice %}}\n\n"
        "{% include figure.html %}\n\n"
        "最后一段。\n"
    )
    got = texts(page)
    assert "现场的人群慢慢散去。" in got
    assert "最后一段。" in got
    assert not any("{{" in t or "{%" in t for t in got)


# 4. News digests ------------------------------------------------------------------


def _digest(summary: bool = True) -> str:
    stories = ["北方大风降温", "港口货运恢复", "新馆对外开放"]
    head = "# 每日新闻 (20240101)\n\n## 摘要\n\n本期主要内容：\n\n"
    if summary:
        head += "".join(f"{n}.{s}；\n\n\n" for n, s in enumerate(stories, 1))
    head += "## 详细\n\n"
    body = "".join(
        f"### {s}\n\n<p><strong>本台消息</strong>：第一段。<br></p><p><strong>小标题</strong></p>"
        f"<p>第二段写到一半</p><p>第三段。</p>\n\n[查看原文](https://example.org/{n})\n\n"
        for n, s in enumerate(stories, 1)
    )
    return head + body + "---\n\n(更新时间戳: 1704067200000)\n"


def test_digest_items_become_articles_with_their_source_url():
    doc = parse_text(_digest(), "page.md")
    titles = [a.title for a in doc.articles]
    assert titles == ["每日新闻 (20240101)", "北方大风降温", "港口货运恢复", "新馆对外开放"]
    assert [a.metadata.get("url") for a in doc.articles[1:]] == [
        "https://example.org/1",
        "https://example.org/2",
        "https://example.org/3",
    ]
    assert doc.articles[-1].metadata["updated"] == "1704067200000"


def test_digest_summary_is_contents_and_paragraphs_are_kept_apart():
    doc = parse_text(_digest(), "page.md")
    first = [(b.kind, b.text) for b in doc.articles[0].blocks]
    assert ("paragraph", "1.北方大风降温；") in first
    assert not any(k == "caption" for k, _ in first)
    item = [(b.kind, b.text) for b in doc.articles[1].blocks]
    assert item == [
        ("title", "北方大风降温"),
        ("paragraph", "本台消息：第一段。"),
        ("heading", "小标题"),
        ("paragraph", "第二段写到一半"),
        ("paragraph", "第三段。"),
        ("link", "查看原文"),
    ]
    last = [(b.kind, b.text) for b in doc.articles[-1].blocks]
    assert ("byline", "(更新时间戳: 1704067200000)") in last


def test_digest_without_summary_is_found_by_its_repeated_source_link():
    doc = parse_text(_digest(summary=False), "page.md")
    assert len(doc.articles) == 4


def test_headings_each_closed_by_different_links_are_not_a_digest():
    page = "# 周报\n\n" + "".join(
        f"### 项目{n}\n\n这一项的说明文字。\n\n[主页{n}](https://example.org/{n})\n\n"
        for n in range(1, 5)
    )
    assert len(parse_text(page, "page.md").articles) == 1


# 5. Links alone on a line ---------------------------------------------------------


def test_link_alone_on_a_line_is_a_link_block():
    page = (
        "# 题目\n\n正文第一段。\n\n相關報道：[另一篇報道的標題](https://example.org/a)\n\n"
        "[某劇團的網頁](https://example.org/b)\n\n## [鏈接標題](https://example.org/c)\n"
    )
    got = blocks(page)
    assert ("link", (5,), "相關報道：另一篇報道的標題") in got
    assert ("link", (7,), "某劇團的網頁") in got
    assert ("link", (9,), "鏈接標題") in got
    assert "link" in BLOCK_KINDS


def test_link_inside_a_sentence_stays_a_paragraph():
    got = blocks("# 题目\n\n请阅读[这篇报道](https://example.org/a)了解更多。\n")
    assert ("paragraph", (3,), "请阅读这篇报道了解更多。") in got


# 6. Sentences are not headings ----------------------------------------------------


def test_sentence_marked_as_heading_is_a_paragraph():
    long = "这是一个被错误地标记成标题的长句子" * 3
    got = blocks(f"# 题目\n\n## 这次灾难并非无法避免。\n\n正文。\n\n## {long}\n\n正文。\n")
    assert ("paragraph", (3,), "这次灾难并非无法避免。") in got
    assert ("paragraph", (7,), long) in got
    assert ("heading", (3,), "这次灾难并非无法避免。") not in got


# 7. False articles ----------------------------------------------------------------


def test_dated_heading_inside_an_html_block_is_a_section():
    page = (
        "---\ntitle: 日记\n---\n\n第一天的日记写完了。\n\n"
        "<center>图片说明文字</center>\n## 2月7日\n\n第二天的日记。\n"
    )
    doc = parse_text(page, "page.md")
    assert len(doc.articles) == 1
    assert ("heading", "2月7日") in [(b.kind, b.text) for b in doc.articles[0].blocks]


def test_footers_after_the_body_do_not_open_articles():
    page = (
        "# 题目\n\n正文写完了。\n\n责任编辑：王某某\n\n版面编辑：李某某\n\n"
        "END\n\n转载请联系授权\n\n正文之后的推广文字。\n"
    )
    doc = parse_text(page, "page.md")
    assert len(doc.articles) == 1
    got = [(b.kind, b.text) for b in doc.articles[0].blocks]
    assert ("byline", "版面编辑：李某某") in got
    assert ("marker", "END") in got


# 8. Credits and bylines -----------------------------------------------------------


def test_credits_and_prefixed_roles_are_bylines():
    page = (
        "# 题目\n\n原文来自微信公众号「某某」：[文章标题](https://example.org)\n\n"
        "正文。\n\n微信编辑 | 陈某某\n\n网络编辑：吴某\n"
    )
    got = blocks(page)
    assert ("byline", (3,), "原文来自微信公众号「某某」：文章标题") in got
    assert ("byline", (7,), "微信编辑 | 陈某某") in got
    assert ("byline", (9,), "网络编辑：吴某") in got


# 9. Characters kept ---------------------------------------------------------------


def test_ideographic_space_in_a_heading_is_kept():
    got = texts("# 某廠下月起\u3000改產口罩\n\n正文。\n")
    assert got[0] == "某廠下月起\u3000改產口罩"


def test_spaces_beside_a_dash_in_latin_text_are_kept():
    got = texts("# 题目\n\nBEIJING — Abby said so. 他说 —— 不。\n")
    assert "BEIJING — Abby said so. 他说——不。" in got


def test_latin_word_cut_at_a_cjk_column_is_joined_whole():
    page = (
        "这是一段排版成固定宽度的新闻正文，其中提到military\n"
        "y这个词被切开了，并且还要继续写下去才算完整\n"
        "的一段文字，一直写到这里才结束。\n"
    )
    [text] = texts(page, "page.txt")
    assert "militaryy这个词" in text
    assert "military y" not in text


def test_ordered_list_items_keep_their_numbers():
    got = texts("# 题目\n\n1. 第一条\n2. 第二条\n\n6. 第六条\n")
    assert got[1:] == ["1. 第一条", "2. 第二条", "6. 第六条"]


def test_no_stray_space_where_bold_markers_were():
    got = texts("# 题目\n\n此刻，**白衣人**来了。\n")
    assert "此刻，白衣人来了。" in got


# 10. Metadata ---------------------------------------------------------------------


def test_front_matter_url_author_and_date_are_article_metadata():
    page = (
        "---\ntitle: 题目\nauthor: 某记者\ndate: 2018-02-11\n"
        "url: https://example.org/a\n---\n\n# 题目\n\n正文。\n"
    )
    meta = parse_text(page, "page.md").articles[0].metadata
    assert meta["url"] == "https://example.org/a"
    assert meta["author"] == "某记者"
    assert meta["date"] == "2018-02-11"


# Every line still lands in exactly one block ---------------------------------------


def test_several_html_paragraphs_on_one_line_cover_it_once():
    doc = parse_text("# 题目\n\n<p>第一段。</p><p>第二段。</p><p>第三段。</p>\n", "page.md")
    lines = [n for a in doc.articles for b in a.blocks for n in b.lines]
    assert sorted(lines) == [1, 3]
    assert [b.text for b in doc.articles[0].blocks][1:] == ["第一段。", "第二段。", "第三段。"]


WILD_LINES = st.sampled_from(
    [
        "",
        "",
        "# 每日新闻",
        "### 北方大风降温",
        "<p><strong>本台消息</strong>：第一段。<br></p><p><strong>小标题</strong></p><p>末段</p>",
        "<p>甲</p><p>乙</p>",
        "[查看原文](https://example.org/1)",
        "相關報道：[標題](https://example.org/2)",
        "**文｜**林某某",
        "**问：****答**",
        '{{< video src="a.mp4" >}}现场',
        "{% include x.html %}",
        "(更新时间戳: 1704067200000)",
        "1.北方大风降温；",
        "---",
        "END",
        "原文来自：某处",
        "<center>说明</center>",
        "## 2月7日",
        "　　缩进的段落写到一半（笑）",
        "正文写到一半",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WILD_LINES, max_size=30).map("\n".join), st.sampled_from(["p.md", "p.txt"]))
def test_wild_pages_keep_every_line_in_exactly_one_block(text, name):
    doc = parse_text(text, name)
    lines = text.split("\n")
    non_blank = {i + 1 for i, line in enumerate(lines) if line.strip()}
    seen = [n for a in doc.articles for b in a.blocks for n in b.lines]
    assert sorted(seen) == sorted(set(seen))
    assert set(seen) == non_blank
    for article in doc.articles:
        for block in article.blocks:
            assert block.kind in BLOCK_KINDS
            assert article.text[block.start : block.end] == block.text


def test_photo_caption_is_not_glued_to_the_english_paragraph_after_it():
    page = (
        "# 题目\n\n市民在公园里赏花游玩，春意正浓。（本报记者 张三 摄）\n"
        "Visitors enjoy the flowers in a park in the city centre on Sunday.\n"
    )
    got = blocks(page, "page.txt")
    assert ("caption", (3,), "市民在公园里赏花游玩，春意正浓。（本报记者 张三 摄）") in got
    assert (
        "paragraph",
        (4,),
        "Visitors enjoy the flowers in a park in the city centre on Sunday.",
    ) in got


def test_credit_set_as_a_heading_is_a_byline():
    got = blocks("# 题目\n\n正文。\n\n## 【鳴謝：某某協會】\n\n## 作者：某某\n")
    assert ("byline", (5,), "【鳴謝：某某協會】") in got
    assert ("byline", (7,), "作者：某某") in got


# A role written straight before a name is a byline; a line that leads in is no head ----


def test_a_role_straight_before_a_name_is_a_byline():
    for name in ("page.md", "page.txt"):
        page = "# 一篇关于校园的报道\n\n作者大兔\n\n正文第一段写在这里，内容足够长，是一段正常的文字。\n"
        got = blocks(page, name)
        assert ("byline", (3,), "作者大兔") in got, name
    page = (
        "# 一篇关于校园的报道\n\n记者王铮\n\n正文第一段写在这里，内容足够长，是一段正常的文字。\n"
    )
    assert ("byline", (3,), "记者王铮") in blocks(page)


def test_a_role_word_before_a_common_noun_is_no_byline():
    page = "# 题目\n\n正文第一段写在这里，内容足够长，是一段正常的文字。\n\n作者简介\n\n他是一名教师。\n"
    kinds = {t: k for k, _, t in blocks(page)}
    assert kinds["作者简介"] != "byline"


def test_a_line_ending_in_a_colon_leads_in_and_is_no_heading():
    for colon in ("：", ":"):
        page = (
            "# 题目\n\n正文第一段写在这里，内容足够长，是一段正常的文字。\n\n"
            f"老师接着说{colon}\n\n“你们这样做是不对的。”\n"
        )
        kinds = {t: k for k, _, t in blocks(page)}
        assert kinds[f"老师接着说{colon}"] == "paragraph", colon
    page = "# 题目\n\n正文第一段写在这里，内容足够长，是一段正常的文字。\n\n老师接着说\n\n后面的段落。\n"
    assert {t: k for k, _, t in blocks(page)}["老师接着说"] == "heading"  # no colon: a head


def test_front_matter_keeps_the_ideographic_space_and_folds_other_runs():
    page = '---\ntitle: "甲方聲明\u3000乙方回應"\nauthor: "本報\n  記者"\n---\n\n# 甲方聲明\u3000乙方回應\n\n正文。\n'
    doc = parse_text(page, "page.md")
    assert doc.metadata["title"] == "甲方聲明\u3000乙方回應"
    assert doc.metadata["author"] == "本報 記者"
    assert doc.articles[0].title == "甲方聲明\u3000乙方回應"
