"""UI language: Qt's translation system, complete and current catalogues."""

import subprocess
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui_helpers import make_window

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "reader_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN = TS.with_name("reader_en.ts")  # English's plural forms only
ENGLISH = ("-pluralonly", "-source-language", "en", "-target-language", "en", "-ts")


def _tool(name: str) -> str:
    """PySide6's tool beside the running interpreter's scripts, never whatever is on PATH."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / f"pyside6-{name}", scripts / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    pytest.fail(f"pyside6-{name} is missing from {scripts}: it comes with PySide6-Essentials")


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
    }


def test_catalogue_covers_every_tr_string_and_is_finished(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "reader" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("lupdate"), *sources, str(ROOT / "src/reader/app.py"), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert _sources(fresh) == _sources(TS), "run pyside6-lupdate and translate the new strings"
    unfinished = [
        m.findtext("source")
        for m in ET.parse(TS).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []


def test_compiled_catalogue_is_current(tmp_path):
    for ts in (TS, EN):
        out = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            [_tool("lrelease"), str(ts), "-qm", str(out)], check=True, capture_output=True
        )
        assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run lrelease on {ts.name}"


def test_every_counted_string_has_its_english_plural_forms(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "reader" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("lupdate"), *sources, str(ROOT / "src/reader/app.py"), *ENGLISH, str(fresh)],
        check=True,
        capture_output=True,
    )
    assert _sources(fresh) == _sources(EN), "run pyside6-lupdate -pluralonly on reader_en.ts"
    for message in ET.parse(EN).getroot().iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and all(forms), message.findtext("source")
        assert "(s)" not in "".join(forms), message.findtext("source")


def test_chinese_ui_and_qt_dialogs(qtbot, qapp, tmp_path):
    from reader.ui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        assert len(translators) == 2
        window = make_window(qtbot, tmp_path)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)"]
        assert window.welcome.samples.text() == "打开示例文章"
        # parts translate in their own class's context, not the window's
        assert window.review.status_box.itemText(0) == "未读"
        assert window.filter_edit.placeholderText() == "筛选"  # short: it fits a narrow tree
        assert window.filter_edit.toolTip() == "只显示标题相符的文章和章节"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_english_by_default_outside_china(qapp):
    from reader.ui.i18n import chosen_language, install_translators

    assert chosen_language("en") == "en" and chosen_language("zh_CN") == "zh_CN"
    [english] = install_translators(qapp, "en")  # English's plural forms only
    try:
        assert english.translate("SearchPanel", "%n hit(s) in %1", "", 1) == "%n hit in %1"
        assert english.translate("SearchPanel", "%n hit(s) in %1", "", 2) == "%n hits in %1"
        assert english.translate("SearchPanel", "No hits for “%1”.") == ""  # the source's own
    finally:
        qapp.removeTranslator(english)
