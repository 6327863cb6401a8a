"""The general layout rules, each on a small made-up page (not the sample files)."""

import pytest

from conftest import SEEDS
from reader.core.text.structure import parse_text


def kinds(text: str, name: str = "page.txt") -> list[tuple[str, tuple[int, ...], str]]:
    doc = parse_text(text, name)
    return [(b.kind, b.lines, b.text) for a in doc.articles for b in a.blocks]


def test_paragraph_continues_across_blank_line_and_caption():
    page = (
        "# 标题在这里\n\n"
        "第一段写到一半，就被图片\n\n\n\n"
        "图为新建的门诊大楼\n\n"
        "打断了，然后继续写完。\n\n"
        "第二段。\n"
    )
    got = kinds(page)
    assert ("paragraph", (3, 9), "第一段写到一半，就被图片打断了，然后继续写完。") in got
    assert ("caption", (7,), "图为新建的门诊大楼") in got
    assert ("paragraph", (11,), "第二段。") in got


def test_heading_is_never_swallowed_into_an_unfinished_paragraph():
    page = "# 题目\n\n这一段还没有写完，就遇到了\n\n## 小标题\n\n下一段。\n"
    got = kinds(page)
    assert ("paragraph", (3,), "这一段还没有写完，就遇到了") in got
    assert ("heading", (5,), "小标题") in got


def test_hard_wrapped_column_joins_lines_without_spaces():
    page = (
        "地处江津“北大门”的区第一人民\n"
        "医院，承担着西部 （重庆） 科学城江津\n"
        "片区及周边近 30 万人的医疗任务。\n"
    )
    [(kind, lines, text)] = kinds(page)
    assert kind == "paragraph" and lines == (1, 2, 3)
    assert (
        text
        == "地处江津“北大门”的区第一人民医院，承担着西部（重庆）科学城江津片区及周边近30万人的医疗任务。"
    )


def test_one_paragraph_per_line_files_are_not_joined():
    page = "　　第一段说了一件事情，写得比较长一些。\n　　第二段。\n　　第三段也写完了。\n"
    got = kinds(page)
    assert [k for k, _, _ in got] == ["paragraph"] * 3


def test_letter_spacing_removed_but_meaningful_spaces_kept():
    page = "# 百年伟业 精彩巴渝\n\n专 技 人 员 外 出 进 修，开展“保护个人信息 维护网络安全”宣传。\n"
    got = kinds(page)
    assert got[0][2] == "百年伟业 精彩巴渝"
    assert got[1][2] == "专技人员外出进修，开展“保护个人信息 维护网络安全”宣传。"


def test_kicker_title_subtitle_in_plain_text():
    page = (
        "百年伟业 精彩巴渝\n\n党建引领 办人民满意的事业\n\n——品牌案例风采展示\n\n正文从这里开始。\n"
    )
    got = kinds(page)
    assert [k for k, _, _ in got] == ["kicker", "title", "subtitle", "paragraph"]


def test_markdown_kicker_above_title_and_several_articles():
    page = "# 第一篇\n\n正文一。\n\n## 某某医院\n\n# 第二篇\n\n正文二。\n"
    doc = parse_text(page, "p.txt")
    assert [a.title for a in doc.articles] == ["第一篇", "第二篇"]
    assert doc.articles[1].blocks[0].kind == "kicker"


def test_text_before_first_title_is_an_untitled_article_named_after_its_words():
    page = "上一版转来的文字，讲到最后。\n\n# 新的文章\n\n正文。\n"
    doc = parse_text(page, "p.txt")
    assert doc.articles[0].untitled
    assert doc.articles[0].title.startswith("上一版转来的文字")
    assert doc.articles[1].title == "新的文章"


@pytest.mark.parametrize(
    "line,kind",
    [
        ("陶永国 图片由巫溪县总工会提供", "byline"),
        ("何靖 王铮", "byline"),
        ("本报记者 张三 通讯员 李四", "byline"),
        ("编辑：王五", "byline"),
        ("链接》》", "marker"),
        ("医院新院区全景（张三/摄）", "caption"),
    ],
)
def test_bylines_markers_and_credits(line, kind):
    page = f"# 标题\n\n正文写完了。\n\n{line}\n\n后面的正文也写完了。\n"
    got = kinds(page)
    assert got == [
        ("title", (1,), "标题"),
        ("paragraph", (3,), "正文写完了。"),
        (kind, (5,), line),
        ("paragraph", (7,), "后面的正文也写完了。"),
    ]


def test_trailing_short_lines_are_captions():
    page = "# 标题\n\n正文写完了。\n\n家庭医生服务团队开展健康义诊\n\n开展廉政警示教育\n"
    got = kinds(page)
    assert [k for k, _, _ in got] == ["title", "paragraph", "caption", "caption"]


def test_markdown_front_matter_html_and_inline_markup():
    page = (
        "---\ntitle: 前言里的标题\nauthor: [张三, 李四]\ndate: 2024-05-01\n---\n\n"
        "这是**加粗**和[链接](http://x.cn)，还有`代码`。\n\n"
        "<p>段落里有<strong>标签</strong>和&amp;符号。</p>\n\n"
        '<figure>\n<img src="a.jpg">\n<figcaption>医院新楼</figcaption>\n</figure>\n\n'
        "> 引用的话。\n\n---\n\n![](b.png)\n\n图为义诊现场\n"
    )
    doc = parse_text(page, "a.md")
    [article] = doc.articles
    assert article.title == "前言里的标题"
    assert article.metadata["author"] == "张三、李四"
    assert article.metadata["date"] == "2024-05-01"
    text = article.text
    for markup in ("**", "](", "`", "<p>", "<strong>", "&amp;", "<figure>", "---", "![", "> "):
        assert markup not in text
    assert "这是加粗和链接，还有代码。" in text and "段落里有标签和&符号。" in text
    found = {(b.kind, b.text) for b in article.blocks}
    assert ("caption", "医院新楼") in found
    assert ("caption", "图为义诊现场") in found
    assert ("paragraph", "引用的话。") in found


def test_line_endings_give_the_same_structure():
    text = (SEEDS / "000_b7740f99fc43d814.txt").read_text(encoding="utf-8")
    lf = parse_text(text, "a.txt").to_json()
    assert parse_text(text.replace("\n", "\r\n"), "a.txt").to_json() == lf
    assert parse_text(text.replace("\n", "\r"), "a.txt").to_json() == lf


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_offsets_address_block_text(seed):
    doc = parse_text(seed.read_text(encoding="utf-8"), seed.name)
    for article in doc.articles:
        for block in article.blocks:
            assert article.text[block.start : block.end] == block.text
        assert "\u3000" not in article.text


def test_enumerated_headings_dateline_and_source_line():
    page = (
        "坚持党建引领 推动高质量发展\n\n2024年05月01日 08:30 来源：人民日报\n\n"
        "本报北京5月1日电（记者张三）今天召开会议。\n\n一、加强组织建设\n\n会议要求加强建设。\n\n"
        "（二）强化作风建设\n\n会议强调正风肃纪。\n"
    )
    got = kinds(page)
    assert [k for k, _, _ in got] == [
        "title",
        "byline",
        "paragraph",
        "heading",
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert got[3][2] == "一、加强组织建设"


def test_headline_after_a_closing_byline_starts_a_new_article():
    page = (
        "第一篇 标题\n\n本报记者 张三\n\n一、小标题\n\n正文写完了。\n\n李四 王五\n\n\n\n图为现场\n\n"
        "第二篇的标题\n\n第二篇正文。\n"
    )
    doc = parse_text(page, "p.txt")
    assert [a.title for a in doc.articles] == ["第一篇 标题", "第二篇的标题"]
    assert [b.kind for b in doc.articles[0].blocks] == [
        "title",
        "byline",
        "heading",
        "paragraph",
        "byline",
        "caption",
    ]


def test_letter_spacing_is_judged_per_line_before_joining():
    page = "制定《继续医学教育管理\n制 度》， 专 技 人 员 外 出 进 修 较 去 年 增 长\n50%。聘请人力资源公司开展定岗定编。\n"
    [(_, _, text)] = kinds(page)
    assert "管理制度》，专技人员外出进修较去年增长50%。" in text
