"""CJK-friendly emphasis keeps the parser's own post-processing rules (ruler2): pairs of
delimiters become <strong>/<em>/<s>, and a rule disabled on the parser stays disabled."""

from __future__ import annotations

from markdown_it import MarkdownIt

from reader.core.text.cjk_emphasis import cjk_friendly


def test_bold_after_full_width_punctuation_closes():
    md = cjk_friendly(MarkdownIt("commonmark"))
    assert md.render("**文｜**林某某") == "<p><strong>文｜</strong>林某某</p>\n"
    assert md.render("是*强调*的") == "<p>是<em>强调</em>的</p>\n"


def test_the_parsers_own_second_pass_rules_are_used():
    md = MarkdownIt("commonmark").enable("strikethrough")
    assert cjk_friendly(md).render("甲~~删去~~乙") == "<p>甲<s>删去</s>乙</p>\n"
    plain = MarkdownIt("commonmark").enable("strikethrough").disable("strikethrough")
    assert cjk_friendly(plain).render("甲~~删去~~乙") == "<p>甲~~删去~~乙</p>\n"
