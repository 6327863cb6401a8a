"""What a unit is, judged from its own text: byline, marker, caption, headline…

These are the general rules of Chinese newspaper layout. They look at one
unit; :mod:`reader.core.text.structure` settles what needs the neighbours.
"""

from __future__ import annotations

import re

from reader.core.text.cleaning import SENTENCE_MARKS, clean_headline, is_cjk
from reader.core.text.datelines import stamp_value
from reader.core.text.layout import Unit, starts_subtitle
from reader.core.text.model import Kinds
from reader.core.text.pieces import Hints

# Candidate kinds, settled later by their neighbours.
SUBTITLE_CANDIDATE = "subtitle?"
CAPTION_CANDIDATE = "caption?"
HEADLINE = "headline"

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝傅"
)
_DOUBLE_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "令狐",
    "端木",
    "西门",
    "南宫",
)
_ROLE = (
    r"(?:本报|本刊|特约|[\u4e00-\u9fff]{2}(?=编辑|记者|实习))?"
    r"(?:记者|通讯员|实习生|实习记者|作者|编辑|责任编辑|责编|主编|撰文|撰稿|文字|"
    r"摄影|摄像|图片|图文|文图|文|图|供稿|来源|审核|审读|审校|校对|美编|排版|题图|插图|翻译|译者|"
    r"口述|整理|监制|制作|设计|策划|统筹|出品)"
)
_ROLE_LINE = re.compile(rf"^[（(【\[]?\s*{_ROLE}\s*[：:/／|｜\s]\s*\S")
# A role written straight before a name, the whole line: 作者大兔, 记者王铮, 撰文李明
_ROLE_NAME = re.compile(
    r"^(?:本报|本刊|特约)?(?:记者|通讯员|实习生|作者|责任编辑|责编|编辑|撰文|撰稿|摄影|翻译|整理)"
    r"(?!简介|介绍|的话|手记|按语|附记|后记|来信|声明|说明|自述|观点|信息|专访|访谈|回应|提示)"
    r"[\u4e00-\u9fff·・]{2,4}$"
)
_PHOTO_BY = re.compile(r"图片由.{1,40}提供|图片来源[：:]|供图$|来源[：:]")
# A dateline: 2024年05月01日 08:30 …, 2024-05-01 …
_DATELINE = re.compile(
    r"^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)"
)
# Section numbering in front of a heading: 一、 （二） 3. 第四部分
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,2}[、.．]\s*"
    r"|第[一二三四五六七八九十百\d]+[章节部分篇条]\s*)"
)
_PHOTO_CREDIT = re.compile(
    r"[（(][^（()）]{0,40}(?:/|／|\s)?摄[）)]\s*$|(?:/|／)摄\s*$|新华社发|资料图片"
)
_MARKER_WORDS = frozenset(
    (
        "链接",
        "相关链接",
        "延伸阅读",
        "新闻链接",
        "背景链接",
        "相关阅读",
        "小贴士",
        "记者手记",
        "相关新闻",
    )
)
_MARKER_TAIL = ("》》", ">>", "»", "››", "》>")


def is_name(token: str) -> bool:
    """A Chinese personal name: a surname and one or two given characters."""
    if token[:2] in _DOUBLE_SURNAMES:
        shaped = 3 <= len(token) <= 4
    else:
        shaped = 2 <= len(token) <= 3 and token[0] in _SURNAMES
    return shaped and all(is_cjk(c) for c in token)


# A credit for where the text comes from: 原文来自…, 本文首发于…, 转载自…
_CREDIT = re.compile(
    r"^[（(【\[]?\s*(?:鳴謝|鸣谢|原文来自|原文链接|原文地址|原文标题|原标题|本文来自|本文首发于|本文原载于|本文转载自|"
    r"首发于|转载自|文章来源|来源于|转自|摘自)"
)


def is_credit(text: str) -> bool:
    return len(text) <= 240 and _CREDIT.match(text) is not None


_NAME_SEPARATOR = re.compile(r"[ 、]")


def is_byline(text: str) -> bool:
    if is_credit(text):
        return True
    if len(text) > 60:
        return False
    if _ROLE_LINE.match(text) or _ROLE_NAME.match(text) or _PHOTO_BY.search(text):
        return True
    if _DATELINE.match(text) and not text.endswith("。"):
        return True
    if " " not in text and "、" not in text:
        return False  # one token: not a list of names
    tokens = [t for t in _NAME_SEPARATOR.split(text) if t]
    return len(tokens) >= 2 and all(is_name(t) for t in tokens)


def is_photo_credit(text: str) -> bool:
    if len(text) > 120 or ("摄" not in text and "新华社发" not in text and "资料图片" not in text):
        return False  # every branch of the pattern holds one of these: no search needed
    return bool(_PHOTO_CREDIT.search(text))


# The end of a story: END, -END-, （完）, 全文完
_END_MARK = re.compile(r"^[-—–=*\s（(【\[]*(?:END|End|end|完|全文完|本文完)[-—–=*\s）)】\]]*$")


def is_marker(text: str) -> bool:
    if len(text) > 12:
        return False
    if _END_MARK.match(text):
        return True
    if text.endswith(_MARKER_TAIL):
        return True
    return text.strip("【】[]■●◆▲:： ") in _MARKER_WORDS and not text.startswith("#")


def is_headline(text: str) -> bool:
    """A short line with no sentence in it: a headline, a section head or a caption."""
    if len(text) > 4 * 40:  # cleaning at most halves a text: too long to clean and look at
        return False
    text = clean_headline(text)
    if not 2 <= len(text) <= 40 or starts_subtitle(text):
        return False
    numbered = _ENUMERATOR.match(text)  # anchored: at most one, at the start
    if not SENTENCE_MARKS.isdisjoint(text[numbered.end() :] if numbered else text):
        return False
    if text.endswith(("：", ":")):  # it leads into what follows: 老师接着说：
        return False
    return any(is_cjk(c) or c.isalpha() for c in text)


_SENTENCE_END = frozenset("。！？!?；;…")


def is_sentence(text: str) -> bool:
    """Text too long for a heading, or ending a sentence: a heading in markup only."""
    t = text.rstrip("”’」』）)\"' ")
    return len(text) > 40 or (bool(t) and t[-1] in _SENTENCE_END)


def base_kind(unit: Unit, after_image: bool) -> str:
    """The kind a unit has on its own text and markup."""
    text = unit.text
    if unit.hint is Hints.HEADING:
        if unit.level != 1 and len(text) <= 60 and (is_credit(text) or _ROLE_LINE.match(text)):
            return Kinds.BYLINE  # a credit or a byline set as a heading
        return Kinds.TITLE if unit.level == 1 else Kinds.HEADING
    if unit.hint is Hints.CAPTION:
        return Kinds.CAPTION
    if unit.hint is Hints.LINK:
        return Kinds.LINK
    if unit.hint is Hints.VERBATIM:
        return Kinds.PARAGRAPH
    if unit.hint is Hints.BODY:
        return Kinds.BYLINE if is_byline(text) else Kinds.PARAGRAPH
    if starts_subtitle(text):
        return SUBTITLE_CANDIDATE
    one_line = len(unit.lines) == 1
    if one_line and is_marker(text):
        return Kinds.MARKER
    if is_byline(text) or (one_line and stamp_value(text) is not None):
        return Kinds.BYLINE
    if is_photo_credit(text):
        return Kinds.CAPTION
    if after_image and len(text) <= 60:
        return Kinds.CAPTION
    if one_line and unit.blank_before >= 2 and not unit.first and len(text) <= 100:
        return CAPTION_CANDIDATE
    if one_line and is_headline(text):
        return HEADLINE
    return Kinds.PARAGRAPH
