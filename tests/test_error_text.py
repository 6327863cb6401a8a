"""The core's English messages in the Chinese UI: every one catalogued, translated, and shown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QMessageBox

from core_messages import core_messages, messages_in
from test_i18n_walk import english_in
from ui_helpers import import_and_wait, make_window

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "reader_zh_CN.ts"
CONTEXT = "CoreMessages"
# Names a translation keeps as they are: formats, tools, fields, flags, commands, encodings.
NAMES = (
    "AnnotationCollection", "TextPositionSelector", "TextQuoteSelector", "target.selector",
    "value.start", "value.end", "value.text", "reader-tagset", "reader check", "reader recover",
    "INCEpTION", "UIMA", "CAS", "XMI", "XML", "JSON", "W3C", "SQLite", "WAL", "NUL", "FIFO",
    "UTF-16", "UTF-8", "GB18030", "Big5", "Word", ".docx", ".zip", ".ann", "brat", "Reader",
    "--full-text", "--force", "--as NAME", "-o FOLDER", "T1<TAB>Label start end", "[start, end, label]",
    "'start end'", '"type"', '"format"', "true", "false", "null",
    "'selector'", "'target'", "'tags'", "'exact'",
)  # fmt: skip


def _catalogue() -> tuple[str, ...]:
    from reader.ui.core_messages import MESSAGES, PHRASES

    return (*MESSAGES, *PHRASES)


def _translations() -> dict[str, ET.Element]:
    root = ET.parse(TS).getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == CONTEXT)
    return {m.findtext("source") or "": m.find("translation") for m in context.iter("message")}


def _english_left(text: str) -> list[str]:
    for name in sorted(NAMES, key=len, reverse=True):
        text = text.replace(name, " ")
    return english_in(text)


@pytest.fixture
def zh_cn(qapp):
    from reader.ui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


# --- the catalogue covers the core ------------------------------------------------------
def test_the_walk_derives_templates_from_raises_refusals_and_reason_builders():
    code = """
class OddError(ReaderError):
    pass
class OdderError(OddError):
    pass
def f(path, n, exc):
    raise OdderError(f"{path}: line {n:,}: bad ({exc})")
def g(path):
    reason = "too odd" if path else f"odd {path}"
    refused.append(FileResult(path, Outcome.REFUSED, reason))
    summary.skipped.append((path, "skipped for oddness"))
    raise ValueError("not a user's message")
"""
    found = {f.template for f in messages_in({"core/odd.py": code})}
    assert found == {"%1: line %2: bad (%3)", "too odd", "odd %1", "skipped for oddness"}
    templates = {f.template for f in core_messages()}
    assert len(templates) > 150
    assert {  # a raise, an importer refusal, a notes-import skip, a reason builder's phrase
        "it looks like a binary file, not text",
        "%1 is not a Reader library (not a SQLite database)",
        "not enough memory to read this file",
        "already in the library",
        "a named pipe (FIFO)",
        "%1 is locked by another program; close it there and try again",
    } <= templates


def test_every_core_message_is_catalogued():
    catalogue = set(_catalogue())
    missing = [str(f) for f in core_messages() if f.template not in catalogue]
    assert missing == [], "add these to src/reader/ui/core_messages, then lupdate:\n" + "\n".join(
        missing
    )


def test_every_template_has_a_finished_chinese_translation():
    translations = _translations()
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    wrong = []
    for source in sorted({*_catalogue(), *(f.template for f in core_messages())}):
        element = translations.get(source)
        text = element.text if element is not None else None
        if element is None or element.get("type") == "unfinished" or not text:
            wrong.append(f"not translated: {source!r}")
        elif sorted(re.findall(r"%\d", text)) != sorted(re.findall(r"%\d", source)):
            wrong.append(f"placeholders differ: {source!r} → {text!r}")
        elif _english_left(text) or (_has_words(source) and not _has_chinese(text, source)):
            wrong.append(f"English left: {source!r} → {text!r}")
        elif translator.translate(CONTEXT, source) != text:
            wrong.append(f"not in the .qm: {source!r}")
    assert wrong == []


def _has_words(template: str) -> bool:
    return re.search(r"[A-Za-z]", re.sub(r"%\d", "", template)) is not None


def _has_chinese(text: str, source: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None or text == source == "null"


# --- translating ------------------------------------------------------------------------
def _sample(template: str) -> str:
    return re.sub(r"%(\d+)", lambda m: f"/数据/样稿 {m[1]}.txt", template)


def test_english_ui_shows_every_message_unchanged(qapp):
    from reader.ui.error_text import translate_message, with_reason

    for template in _catalogue():
        assert translate_message(_sample(template)) == _sample(template)
    text = "/a/n.jsonl: line 3: field 'start' must be a whole number or null"
    assert translate_message(text) == text
    assert with_reason("/a/n.jsonl: item 2", "already in the library") == (
        "/a/n.jsonl: item 2: already in the library"
    )


def test_chinese_ui_translates_messages_and_keeps_their_values(zh_cn):
    from reader.ui.error_text import translate_message, with_reason

    cases = {
        "/tmp/a b.bin: it looks like a binary file, not text": "/tmp/a b.bin：这看起来是二进制文件，不是文本",
        "/库/x.sqlite3 is not a Reader library (not a SQLite database)": "/库/x.sqlite3 不是 Reader 文库（不是 SQLite 数据库）",
        # the most of the message a template covers wins: its value is a reason too
        "cannot write /o/n.md: permission denied": "无法写入 /o/n.md：没有访问权限",
        "cannot use /o: read-only file system": "无法使用 /o：文件系统是只读的",
        "it is a named pipe (FIFO), not a regular file": "这是命名管道（FIFO），不是普通文件",
        "/n.jsonl: line 3: field 'start' must be a whole number or null": "/n.jsonl：第 3 行：字段 'start' 必须是整数或null",
        "/n.jsonl: line 3: field 'color' must be one of yellow, green": "/n.jsonl：第 3 行：字段 'color' 必须是以下之一：yellow, green",
        "too large (120 MB; the limit is 100 MB)": "文件太大（120 MB，上限为 100 MB）",
        # a user's word in quotes stays as it is, even when it is a phrase
        "no tag named “text”": "没有名为“text”的标签",
        # unknown: as it is, even behind a known place
        "something new: happened": "something new: happened",
        "/a/b.txt: something new": "/a/b.txt: something new",
    }
    for english, chinese in cases.items():
        assert translate_message(english) == chinese, english
    assert with_reason("/n.jsonl: line 4", "no article with this text or title") == (
        "/n.jsonl：第 4 行：没有正文或标题与之相符的文章"
    )
    from reader.ui.core_messages import MESSAGES

    for template in MESSAGES:  # a phrase is translated only inside a message
        shown = translate_message(_sample(template))
        assert _english_left(shown.replace(".txt", "")) == [], (template, shown)


# --- end to end: the import summary and the error dialog --------------------------------
def test_chinese_import_summary_gives_the_refusal_reason_in_chinese(qtbot, tmp_path, zh_cn):
    binary = tmp_path / "图片.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    window = make_window(qtbot, tmp_path)
    summary = import_and_wait(qtbot, window, [binary])
    assert summary.refused[0].reason == "it looks like a binary file, not text"  # the core's
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    box = next(b for b in window.findChildren(QMessageBox) if b.detailedText())
    assert box.detailedText() == f"{binary}：这看起来是二进制文件，不是文本"
    shown = f"{box.text()} {box.informativeText()} {box.detailedText()}".replace(str(binary), "")
    assert _english_left(shown) == [], shown


def test_error_dialog_says_not_a_library_in_chinese(qtbot, tmp_path, zh_cn):
    from reader.core.errors import NotALibraryError

    window = make_window(qtbot, tmp_path)
    fake = tmp_path / "笔记.sqlite3"
    fake.write_text("这不是数据库", encoding="utf-8")
    assert window.open_library_at(fake, create=False) is False
    expected = f"{fake} 不是 Reader 文库（不是 SQLite 数据库）"
    assert window.errors.shown[-1] == expected
    box = window.findChild(QMessageBox, "readerErrorBox")
    assert box.text() == expected and box.windowTitle() == "无法打开文库"
    window.errors.report(NotALibraryError(f"{fake} is a SQLite database, but not a Reader library"))
    assert window.errors.shown[-1] == f"{fake} 是 SQLite 数据库，但不是 Reader 文库"


def test_english_error_dialog_is_unchanged(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    fake = tmp_path / "notes.sqlite3"
    fake.write_text("not a database", encoding="utf-8")
    assert window.open_library_at(fake, create=False) is False
    assert window.errors.shown[-1] == f"{fake} is not a Reader library (not a SQLite database)"
